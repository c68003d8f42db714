//! Native notifications that never hang the console.
//!
//! Showing one is a D-Bus call on Linux, a WinRT call on Windows: with no notification daemon
//! on the session bus it fails, and with a stuck one it blocks (a session bus waits up to two
//! minutes for a bus-activated daemon to start). So notify-rust runs on a thread of its own,
//! and the caller waits at most a timeout, then hears [`Delivery::Unavailable`] and shows the
//! alert in its own window.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::thread;
use std::time::{Duration, Instant};

use desk_domain::TicketId;
use notify_rust::Notification;

use crate::platform::{self, Watch};
use crate::{Language, Notice};

/// How long [`Notifier::show`] waits for the platform before giving up on it.
pub const DEFAULT_SHOW_TIMEOUT: Duration = Duration::from_secs(2);

/// At most this many notifications are watched for clicks at once (each watch is a thread
/// and, on Linux, a bus connection); beyond it, notifications still show but a click on them
/// only does what the desktop does by itself.
const MAX_WATCHED: usize = 32;

/// What became of a notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// The platform accepted it. `id` is the XDG notification id (Linux only).
    Shown { id: Option<u32> },
    /// No notification service answered, in time or at all: show the alert in the window.
    /// The reason is for logs (a D-Bus or WinRT error, or the timeout); it has no ticket data.
    Unavailable(String),
}

/// The agent clicked a notification: bring the window forward and open `ticket_id`, or the
/// urgent view when it is `None` (a summary of several tickets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clicked {
    pub ticket_id: Option<TicketId>,
}

struct Job {
    notification: Notification,
    target: Option<TicketId>,
    /// After this the caller has stopped waiting and shown the alert itself.
    deadline: Instant,
    reply: mpsc::SyncSender<Delivery>,
}

/// Shows [`Notice`]s as native notifications and reports clicks on them.
///
/// Cheap to share behind an `Arc`: `show` takes `&self`. Dropping it ends the notification
/// thread once the notification in progress (if any) is done.
pub struct Notifier {
    jobs: mpsc::Sender<Job>,
    timeout: Duration,
}

impl Notifier {
    /// Starts the notification thread with [`DEFAULT_SHOW_TIMEOUT`]. Clicks arrive on the
    /// returned receiver, for as long as any notification can still be clicked.
    pub fn start() -> std::io::Result<(Notifier, mpsc::Receiver<Clicked>)> {
        Notifier::with_timeout(DEFAULT_SHOW_TIMEOUT)
    }

    /// The same, waiting at most `timeout` for each notification.
    pub fn with_timeout(timeout: Duration) -> std::io::Result<(Notifier, mpsc::Receiver<Clicked>)> {
        let (jobs, queue) = mpsc::channel();
        let (clicks, clicked) = mpsc::channel();
        thread::Builder::new()
            .name("desk-alerts-notify".into())
            .spawn(move || run(queue, clicks))?;
        Ok((Notifier { jobs, timeout }, clicked))
    }

    /// Shows `notice` in `lang`. Blocks the calling thread for at most the timeout (from async
    /// code, call it in `spawn_blocking`); the platform call itself runs on the notification
    /// thread, so a stuck daemon costs the caller the timeout, never a hang.
    pub fn show(&self, notice: &Notice, lang: Language) -> Delivery {
        let notification = platform::build(&notice.text(lang), notice.is_urgent());
        let deadline = Instant::now() + self.timeout;
        let (reply, answer) = mpsc::sync_channel(1);
        let job = Job {
            notification,
            target: notice.ticket_to_open(),
            deadline,
            reply,
        };
        if self.jobs.send(job).is_err() {
            return Delivery::Unavailable("the notification thread has stopped".into());
        }
        match answer.recv_timeout(self.timeout) {
            Ok(delivery) => delivery,
            Err(mpsc::RecvTimeoutError::Timeout) => Delivery::Unavailable(format!(
                "no answer from the notification service within {} ms",
                self.timeout.as_millis()
            )),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                Delivery::Unavailable("the notification thread has stopped".into())
            }
        }
    }
}

/// The notification thread: one platform call at a time, in order.
fn run(queue: mpsc::Receiver<Job>, clicks: mpsc::Sender<Clicked>) {
    platform::prepare();
    let watching = Arc::new(AtomicUsize::new(0));
    for job in queue {
        // Behind a stuck call, the callers of queued jobs have timed out and shown those
        // alerts in the window; showing them now as well would say everything twice.
        if Instant::now() >= job.deadline {
            continue;
        }
        let delivery = match platform::present(&job.notification) {
            Ok(presented) => {
                if let Some(watch) = presented.watch {
                    watch_for_click(watch, job.target, &clicks, &watching);
                }
                Delivery::Shown { id: presented.id }
            }
            Err(reason) => Delivery::Unavailable(reason),
        };
        // The caller may have given up a moment ago; then it showed the alert itself.
        let _ = job.reply.send(delivery);
    }
}

fn watch_for_click(
    watch: Watch,
    target: Option<TicketId>,
    clicks: &mpsc::Sender<Clicked>,
    watching: &Arc<AtomicUsize>,
) {
    if watching.fetch_add(1, Ordering::SeqCst) >= MAX_WATCHED {
        watching.fetch_sub(1, Ordering::SeqCst);
        tracing::debug!("too many notifications on screen; not watching this one for clicks");
        return;
    }
    let clicks = clicks.clone();
    let counter = Arc::clone(watching);
    let spawned = thread::Builder::new()
        .name("desk-alerts-click".into())
        .spawn(move || {
            if watch() {
                // The app may have stopped listening (shutting down); nothing to do then.
                let _ = clicks.send(Clicked { ticket_id: target });
            }
            counter.fetch_sub(1, Ordering::SeqCst);
        });
    if let Err(e) = spawned {
        watching.fetch_sub(1, Ordering::SeqCst);
        tracing::warn!(error = %e, "cannot watch a notification for clicks");
    }
}
