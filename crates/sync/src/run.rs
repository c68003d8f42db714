//! The engine in the background: sync, then wait for a reason to sync again (the hub's live
//! stream says the feed moved, the agent edited something, the poll timer fired), backing off
//! with jitter while the hub is unreachable. The status it reports is what the UI shows.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use desk_domain::{Connectivity, Millis, Progress, SyncStatus, TicketId};
use futures_util::StreamExt;
use tokio::sync::{mpsc, watch, Notify};
use tokio::task::JoinHandle;

use crate::backoff::Backoff;
use crate::client::HubClient;
use crate::engine::Engine;

/// What the loop tells the console shell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncEvent {
    Status(SyncStatus),
    TicketsChanged(Vec<TicketId>),
}

#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Pull this often even without push events, in case the live stream is silently dead.
    pub poll_interval: Duration,
    pub backoff: Backoff,
}

impl Default for RunOptions {
    fn default() -> Self {
        Self {
            poll_interval: Duration::from_secs(30),
            backoff: Backoff::default(),
        }
    }
}

struct Shared {
    nudge: Notify,
    paused: watch::Sender<bool>,
    stop: watch::Sender<bool>,
    status: watch::Sender<SyncStatus>,
}

/// Controls a running loop. Dropping it does not stop the loop; call [`SyncHandle::shutdown`].
#[derive(Clone)]
pub struct SyncHandle {
    shared: Arc<Shared>,
    task: Arc<std::sync::Mutex<Option<JoinHandle<()>>>>,
}

impl SyncHandle {
    /// The agent changed something: push it now rather than at the next poll.
    pub fn nudge(&self) {
        self.shared.nudge.notify_one();
    }

    /// Work offline (nothing is sent or fetched) or go back online.
    pub fn set_paused(&self, paused: bool) {
        self.shared.paused.send_replace(paused);
        self.shared.nudge.notify_one();
    }

    pub fn status(&self) -> SyncStatus {
        self.shared.status.borrow().clone()
    }

    /// Stops the loop and waits for it, so no request is left half-handled by this process.
    pub async fn shutdown(&self) {
        self.shared.stop.send_replace(true);
        let task = self.task.lock().ok().and_then(|mut t| t.take());
        if let Some(task) = task {
            let _ = task.await;
        }
    }
}

pub fn initial_status(connectivity: Connectivity) -> SyncStatus {
    SyncStatus {
        connectivity,
        queued: 0,
        needs_attention: 0,
        bootstrap: None,
        last_error: None,
        last_synced_at: None,
        retry_at: None,
    }
}

/// Starts the loop on the current tokio runtime. Events go to `events`; a closed receiver is
/// fine (nobody is watching).
pub fn spawn(
    engine: Engine,
    options: RunOptions,
    events: mpsc::UnboundedSender<SyncEvent>,
) -> SyncHandle {
    let (paused, _) = watch::channel(false);
    let (stop, _) = watch::channel(false);
    let (status, _) = watch::channel(initial_status(Connectivity::Connecting));
    let shared = Arc::new(Shared {
        nudge: Notify::new(),
        paused,
        stop,
        status,
    });
    let task = tokio::spawn(run(engine, options, shared.clone(), events));
    SyncHandle {
        shared,
        task: Arc::new(std::sync::Mutex::new(Some(task))),
    }
}

fn now_millis() -> Millis {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as Millis)
}

struct Reporter {
    shared: Arc<Shared>,
    events: mpsc::UnboundedSender<SyncEvent>,
}

impl Reporter {
    fn update(&self, engine: &Engine, f: impl FnOnce(&mut SyncStatus)) {
        let mut next = self.shared.status.borrow().clone();
        if let Ok((queued, attention)) = engine.store().outbox_counts() {
            next.queued = queued;
            next.needs_attention = attention;
        }
        f(&mut next);
        let changed = self.shared.status.send_if_modified(|s| {
            let differs = *s != next;
            *s = next.clone();
            differs
        });
        if changed {
            let _ = self.events.send(SyncEvent::Status(next));
        }
    }
}

async fn run(
    mut engine: Engine,
    mut options: RunOptions,
    shared: Arc<Shared>,
    events: mpsc::UnboundedSender<SyncEvent>,
) {
    let reporter = Reporter {
        shared: shared.clone(),
        events: events.clone(),
    };
    let mut stop = shared.stop.subscribe();
    let mut paused = shared.paused.subscribe();
    let (seq_tx, mut seq_rx) = watch::channel(0i64);
    let mut stream: Option<JoinHandle<()>> = None;
    loop {
        if *stop.borrow() {
            break;
        }
        if *paused.borrow() {
            if let Some(s) = stream.take() {
                s.abort();
            }
            reporter.update(&engine, |s| {
                s.connectivity = Connectivity::Paused;
                s.retry_at = None;
            });
            tokio::select! {
                _ = paused.changed() => {}
                _ = stop.changed() => {}
            }
            continue;
        }
        // Each bootstrap page: the bar moves, and the lists show the tickets stored so far.
        let (progress_shared, progress_events) = (shared.clone(), events.clone());
        let mut on_progress = move |p: Progress| {
            progress_shared
                .status
                .send_modify(|s| s.bootstrap = Some(p));
            let status = progress_shared.status.borrow().clone();
            let _ = progress_events.send(SyncEvent::Status(status));
            let _ = progress_events.send(SyncEvent::TicketsChanged(vec![]));
        };
        let result = tokio::select! {
            r = engine.sync_once(&mut on_progress) => r,
            _ = stop.changed() => break,
        };
        match result {
            Ok(report) => {
                options.backoff.reset();
                let feed_after = report.feed_after;
                if !report.changed.is_empty() {
                    let _ = events.send(SyncEvent::TicketsChanged(report.changed));
                }
                if stream.as_ref().is_none_or(|s| s.is_finished()) {
                    stream = Some(tokio::spawn(listen(
                        engine.client().clone(),
                        seq_tx.clone(),
                        shared.clone(),
                    )));
                }
                reporter.update(&engine, |s| {
                    s.connectivity = Connectivity::Online;
                    s.bootstrap = None;
                    s.last_error = None;
                    s.last_synced_at = Some(now_millis());
                    s.retry_at = None;
                });
                // Edits made while this cycle ran are still queued: go again at once.
                let queued = engine.store().outbox_counts().map(|(q, _)| q).unwrap_or(0);
                if queued > 0 && report.answered > 0 {
                    continue;
                }
                let live = stream.as_ref().is_some_and(|s| !s.is_finished());
                let poll = if live {
                    options.poll_interval
                } else {
                    options.poll_interval.min(Duration::from_secs(5))
                };
                tokio::select! {
                    _ = shared.nudge.notified() => {}
                    _ = wait_for_seq(&mut seq_rx, feed_after) => {}
                    _ = tokio::time::sleep(poll) => {}
                    _ = paused.changed() => {}
                    _ = stop.changed() => {}
                }
            }
            Err(crate::engine::SyncError::SignedOut) => {
                // Retrying cannot help without a new sign-in; the console starts a new loop
                // once the agent has signed in again.
                reporter.update(&engine, |s| {
                    s.connectivity = Connectivity::SignedOut;
                    s.bootstrap = None;
                    s.last_error = Some(crate::engine::SyncError::SignedOut.to_string());
                    s.retry_at = None;
                });
                break;
            }
            Err(e) => {
                let delay = if e.is_transient() {
                    options.backoff.next_delay(e.retry_after())
                } else {
                    // Refused sign-in or a broken replica: retrying fast cannot help, but a hub
                    // admin may fix the account, so try again at the cap.
                    options.backoff.cap
                };
                // Hub messages carry no customer data, and ours name no ticket content.
                let reason = e.to_string();
                tracing::warn!(error = %reason, delay_ms = delay.as_millis() as u64, "sync failed");
                reporter.update(&engine, |s| {
                    s.connectivity = Connectivity::Offline;
                    s.last_error = Some(reason);
                    s.retry_at = Some(now_millis() + delay.as_millis() as Millis);
                });
                tokio::select! {
                    _ = tokio::time::sleep(delay) => {}
                    _ = paused.changed() => {}
                    _ = stop.changed() => {}
                }
            }
        }
    }
    if let Some(s) = stream.take() {
        s.abort();
    }
}

async fn wait_for_seq(rx: &mut watch::Receiver<i64>, after: i64) {
    loop {
        if *rx.borrow_and_update() > after {
            return;
        }
        if rx.changed().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

/// Follows the hub's live stream, publishing each announced seq, until it ends or fails. The
/// loop restarts it after its next successful cycle; until then polling covers.
async fn listen(client: HubClient, seqs: watch::Sender<i64>, shared: Arc<Shared>) {
    let Ok(res) = client.events().await else {
        return;
    };
    let mut events = eventsource_stream::Eventsource::eventsource(res.bytes_stream());
    let mut heard = false;
    // A stream that worked and then broke usually means the network or the hub went away:
    // wake the loop so the agent sees "offline" now, not at the next poll. One that never
    // delivered an event (refused) does not wake it, or the two would spin.
    while let Some(Ok(ev)) = events.next().await {
        heard = true;
        if let Ok(feed) = serde_json::from_str::<desk_wire::FeedEvent>(&ev.data) {
            seqs.send_if_modified(|s| {
                let newer = feed.seq > *s;
                if newer {
                    *s = feed.seq;
                }
                newer
            });
        }
    }
    if heard {
        shared.nudge.notify_one();
    }
}
