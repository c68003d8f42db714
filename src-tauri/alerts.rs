//! The console's interruptions: after every sync that changed tickets, `desk-alerts` decides
//! what deserves a native notification; a clock checks the agent's SLA deadlines and releases
//! burst summaries; clicks bring the window forward with the ticket open. Where no
//! notification service answers, the same alert shows inside the window.
//!
//! Everything here runs off the UI thread: store reads and `Notifier::show` (which may wait up
//! to its timeout) run on the blocking pool.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use desk_alerts::{AlertSettings, Alerting, Delivery, Language, Moment, Notice, Notifier};
use desk_domain::{ApiError, ConsoleEvent, InWindowAlert, TicketId, CONSOLE_EVENT};
use desk_store::{Store, StoreError};
use tauri::{AppHandle, Emitter, Runtime};

use crate::tray;
use crate::workspace::now_millis;

/// The sent-alert log and the agent's alert settings, beside the replica but not inside it:
/// a rebuilt replica must not make every open urgent case notify again.
pub const ALERTS_FILE: &str = "alerts.db";

/// How often the agent's own deadlines are checked while nothing else changes. A warning
/// comes at most this late; the lead time is 15 minutes by default.
const SLA_CHECK_EVERY: Duration = Duration::from_secs(30);
/// How often held burst alerts are looked at; a summary comes at most this late.
const TICK: Duration = Duration::from_millis(250);

pub struct Alerts {
    alerting: Mutex<Alerting>,
    /// `None` when the notification thread could not start: every alert shows in the window.
    notifier: Option<Notifier>,
    store: Store,
    language: Language,
}

impl Alerts {
    /// Opens the alert log in `dir`, starts the notification thread and the deadline clock,
    /// and routes notification clicks to the window.
    pub fn start<R: Runtime>(
        app: &AppHandle<R>,
        store: Store,
        dir: &Path,
    ) -> anyhow::Result<Arc<Alerts>> {
        let alerting = Alerting::open(&dir.join(ALERTS_FILE))?;
        let (notifier, clicks) = match Notifier::start() {
            Ok((n, c)) => (Some(n), Some(c)),
            Err(e) => {
                eprintln!("wallet-desk: notifications unavailable, alerts show in the window: {e}");
                (None, None)
            }
        };
        let alerts = Arc::new(Alerts {
            alerting: Mutex::new(alerting),
            notifier,
            store,
            language: system_language(),
        });
        if let Some(clicks) = clicks {
            let app = app.clone();
            std::thread::Builder::new()
                .name("desk-alert-clicks".into())
                .spawn(move || {
                    for click in clicks {
                        tray::bring_forward(&app);
                        let _ = app.emit(
                            CONSOLE_EVENT,
                            ConsoleEvent::OpenTicket {
                                id: click.ticket_id,
                            },
                        );
                    }
                })?;
        }
        tauri::async_runtime::spawn(clock(alerts.clone(), app.clone()));
        alerts.refresh_unread(app);
        Ok(alerts)
    }

    /// Tickets whose local copy just changed (a pull, a refetch). The bootstrap's backlog never
    /// comes here: the sync engine reports only changes after the first copy.
    pub fn tickets_changed<R: Runtime>(self: &Arc<Self>, app: &AppHandle<R>, ids: Vec<TicketId>) {
        let this = self.clone();
        let app = app.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let notices = match this.decide(&ids) {
                Ok(n) => n,
                Err(e) => {
                    eprintln!("wallet-desk: alerts skipped a change: {e}");
                    Vec::new()
                }
            };
            this.deliver(&app, notices);
            this.refresh_unread(&app);
        });
    }

    fn decide(&self, ids: &[TicketId]) -> Result<Vec<Notice>, StoreError> {
        let tickets: Vec<desk_alerts::TicketState> = self
            .store
            .summaries(ids)?
            .iter()
            .map(desk_alerts::TicketState::from)
            .collect();
        // Every current attention item: the log lets through only those never notified.
        let attention = self.store.attention_items()?;
        let at = self.moment()?;
        Ok(self.lock().on_changes(&tickets, &attention, &at))
    }

    /// The agent's tickets about to breach, checked on the clock: a deadline approaches while
    /// nothing syncs.
    fn check_deadlines<R: Runtime>(&self, app: &AppHandle<R>) -> Result<(), StoreError> {
        let at = self.moment()?;
        let Some(me) = at.me.clone() else {
            return Ok(());
        };
        let lead = self.lock().settings().sla_lead_ms();
        let tickets: Vec<desk_alerts::TicketState> = self
            .store
            .deadlines_between(&me, at.now, at.now.saturating_add(lead))?
            .iter()
            .map(desk_alerts::TicketState::from)
            .collect();
        if !tickets.is_empty() {
            let notices = self.lock().on_changes(&tickets, &[], &at);
            self.deliver(app, notices);
        }
        Ok(())
    }

    /// Shows each notice natively; one the platform did not take shows in the window.
    fn deliver<R: Runtime>(&self, app: &AppHandle<R>, notices: Vec<Notice>) {
        for notice in notices {
            let delivery = match &self.notifier {
                Some(n) => n.show(&notice, self.language),
                None => Delivery::Unavailable("no notification thread".into()),
            };
            if let Delivery::Unavailable(reason) = delivery {
                // The reason names the platform's failure, never ticket data.
                eprintln!("wallet-desk: notification shown in the window instead: {reason}");
                let text = notice.text(self.language);
                let alert = InWindowAlert {
                    summary: text.summary,
                    body: text.body,
                    ticket_id: notice.ticket_to_open(),
                    urgent: notice.is_urgent(),
                };
                let _ = app.emit(CONSOLE_EVENT, ConsoleEvent::Alert { alert });
            }
        }
    }

    /// Recounts unread urgent tickets for the tray and the window.
    pub fn refresh_unread<R: Runtime>(&self, app: &AppHandle<R>) {
        let me = self.me().ok().flatten();
        match self.store.unread_urgent(me.as_deref()) {
            Ok(count) => publish_unread(app, count),
            Err(e) => eprintln!("wallet-desk: cannot count unread urgent tickets: {e}"),
        }
    }

    /// The agent opened `id`: it no longer counts as unread.
    pub async fn mark_seen<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        id: TicketId,
    ) -> Result<u32, ApiError> {
        let me = self.me()?;
        let count = self.store.mark_seen(id, me, now_millis()).await?;
        publish_unread(app, count);
        Ok(count)
    }

    pub fn unread_urgent(&self) -> Result<u32, ApiError> {
        let me = self.me()?;
        Ok(self.store.unread_urgent(me.as_deref())?)
    }

    pub fn settings(&self) -> AlertSettings {
        self.lock().settings().clone()
    }

    /// Validates and saves new settings; they apply to the next change. Alerts a replaced
    /// burst window was holding are shown now.
    pub fn save_settings<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        settings: AlertSettings,
    ) -> Result<AlertSettings, ApiError> {
        let (saved, released) = {
            let mut alerting = self.lock();
            let released = alerting.save_settings(settings).map_err(|e| match e {
                desk_alerts::LogError::Settings(m) => ApiError::invalid(m),
                other => ApiError::from(StoreError::Unavailable(other.to_string())),
            })?;
            (alerting.settings().clone(), released)
        };
        self.deliver(app, released);
        Ok(saved)
    }

    fn me(&self) -> Result<Option<String>, StoreError> {
        Ok(self.store.signed_in()?.map(|(agent, _)| agent.id))
    }

    fn moment(&self) -> Result<Moment, StoreError> {
        Ok(Moment {
            me: self.me()?,
            now: now_millis(),
            utc_offset_minutes: local_utc_offset_minutes(),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Alerting> {
        // Alerting's state is a log handle and a burst window; after a panic elsewhere it is
        // still consistent (every write is one transaction), so carry on with it.
        self.alerting.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn publish_unread<R: Runtime>(app: &AppHandle<R>, count: u32) {
    tray::show_unread(app, count);
    let _ = app.emit(CONSOLE_EVENT, ConsoleEvent::UnreadUrgent { count });
}

/// Releases burst summaries when their window ends, and checks deadlines periodically.
async fn clock<R: Runtime>(alerts: Arc<Alerts>, app: AppHandle<R>) {
    let mut ticker = tokio::time::interval(TICK);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut next_sla_check = tokio::time::Instant::now();
    loop {
        ticker.tick().await;
        let now = now_millis();
        let due = {
            let mut alerting = alerts.lock();
            match alerting.next_flush_at() {
                Some(at) if at <= now => alerting.flush_due(now),
                _ => Vec::new(),
            }
        };
        let check = tokio::time::Instant::now() >= next_sla_check;
        if check {
            next_sla_check = tokio::time::Instant::now() + SLA_CHECK_EVERY;
        }
        if due.is_empty() && !check {
            continue;
        }
        let (this, app) = (alerts.clone(), app.clone());
        let _ = tauri::async_runtime::spawn_blocking(move || {
            this.deliver(&app, due);
            if check {
                if let Err(e) = this.check_deadlines(&app) {
                    eprintln!("wallet-desk: deadline check skipped: {e}");
                }
            }
        })
        .await;
    }
}

/// The notification language: the system's. The window's own language switch is a view
/// preference; notifications follow the desktop they appear on.
fn system_language() -> Language {
    let tag = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .unwrap_or_default();
    Language::from_tag(&tag)
}

/// The agent's local time minus UTC, now (it changes with daylight saving time).
fn local_utc_offset_minutes() -> i32 {
    chrono::Local::now().offset().local_minus_utc() / 60
}
