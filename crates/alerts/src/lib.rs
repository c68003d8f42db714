//! When and how the console interrupts an agent: urgent security and fraud cases, SLA
//! deadlines about to pass on the agent's own tickets, and held replies, as native
//! notifications within seconds of the change reaching the replica.
//!
//! The path of a change:
//! 1. [`decide`] (pure, time passed in) turns tickets that just changed, and attention items
//!    that just appeared, into [`Alert`]s under the agent's [`AlertSettings`] (categories,
//!    quiet hours, SLA lead time).
//! 2. [`AlertLog`] (its own SQLite file) lets each event through once, across resyncs and
//!    restarts, by its [`Alert::key`].
//! 3. [`Burst`] (pure) folds many alerts arriving together into one [`Summary`], judging
//!    urgent cases on a budget of their own so that SLA warnings and held replies never delay
//!    them.
//! 4. [`Notifier`] shows each [`Notice`] through notify-rust off the caller's thread, with a
//!    timeout, and reports clicks as [`Clicked`].
//!
//! [`Alerting`] runs steps 1-3 in one call. Notification text ([`Notice::text`]) holds only
//! the ticket number, category and channel: operating systems keep notification history on
//! disk, so no customer data may be in it.
//!
//! Wiring, in short:
//! ```no_run
//! use desk_alerts::{AlertLog, AlertSettings, Alerting, Delivery, Language, Moment, Notifier};
//! # fn changed_tickets() -> Vec<desk_alerts::TicketState> { Vec::new() }
//! # let now = 0;
//! let log = AlertLog::open(std::path::Path::new("workspace/alerts.sqlite"))?;
//! let mut alerting = Alerting::new(AlertSettings::default(), log);
//! let (notifier, clicks) = Notifier::start()?;
//! let at = Moment { me: Some("agent-7".into()), now, utc_offset_minutes: 480 };
//! for notice in alerting.on_changes(&changed_tickets(), &[], &at) {
//!     if let Delivery::Unavailable(_reason) = notifier.show(&notice, Language::Zh) {
//!         // show `notice.text(Language::Zh)` inside the window instead
//!     }
//! }
//! // elsewhere: for click in clicks { focus the window, open click.ticket_id }
//! // on a timer: alerting.flush_due(now) at alerting.next_flush_at() (held burst alerts),
//! // and every minute on_changes(my open tickets) so SLA warnings fire while nothing changes.
//! # drop(clicks);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod alert;
mod alerting;
mod burst;
mod decide;
mod log;
mod notifier;
mod platform;
mod text;

pub use alert::{Alert, TicketState};
pub use alerting::Alerting;
pub use burst::{Burst, Notice, Summary};
pub use decide::{decide, Moment};
pub use desk_domain::{local_minute_of_day, AlertSettings, BurstRule, QuietHours};
pub use log::{AlertLog, LogError, RETENTION_MS};
pub use notifier::{Clicked, Delivery, Notifier, DEFAULT_SHOW_TIMEOUT};
pub use platform::{APP_ID, APP_NAME};
pub use text::{Language, NotificationText};
