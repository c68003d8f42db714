//! The whole decision path in one place: decide, drop what was already sent, group bursts.

use desk_domain::{AttentionItem, Millis};

use crate::{decide, AlertLog, AlertSettings, Burst, Moment, Notice, TicketState};

/// The console's alerting state: the agent's settings, the sent-alert log and the burst
/// window. Feed it every change; show what it returns with a [`crate::Notifier`].
pub struct Alerting {
    settings: AlertSettings,
    log: AlertLog,
    burst: Burst,
}

impl Alerting {
    pub fn new(settings: AlertSettings, log: AlertLog) -> Alerting {
        let burst = Burst::new(settings.burst);
        Alerting {
            settings,
            log,
            burst,
        }
    }

    pub fn settings(&self) -> &AlertSettings {
        &self.settings
    }

    /// Opens the alert log at `path` with the settings saved in it.
    pub fn open(path: &std::path::Path) -> Result<Alerting, crate::LogError> {
        let log = AlertLog::open(path)?;
        let settings = log.settings()?;
        Ok(Alerting::new(settings, log))
    }

    /// Checks, saves and applies new settings; on error nothing changes. Returns what a
    /// replaced burst window was holding (see [`Alerting::set_settings`]).
    pub fn save_settings(
        &mut self,
        settings: AlertSettings,
    ) -> Result<Vec<Notice>, crate::LogError> {
        self.log.save_settings(&settings)?;
        Ok(self.set_settings(settings))
    }

    /// Applies new settings. A changed burst rule starts a fresh window; alerts the old one
    /// was holding are returned to show now, as one notice per hold (urgent cases and
    /// routine reminders are held apart, see [`Burst`]): a settings change must not lose a
    /// held fraud alert.
    pub fn set_settings(&mut self, settings: AlertSettings) -> Vec<Notice> {
        let mut released = Vec::new();
        if settings.burst != self.settings.burst {
            released = self.burst.flush_due(Millis::MAX);
            self.burst = Burst::new(settings.burst);
        }
        self.settings = settings;
        released
    }

    /// The notifications that tickets which just changed (or a periodic snapshot of the
    /// agent's open tickets, for SLA warnings) and attention items which just appeared call
    /// for now.
    ///
    /// Each event is recorded as sent before it is returned. If the log cannot be written, the
    /// alerts go out anyway and may repeat later: a duplicate is better than a fraud case
    /// nobody hears about. The error is logged.
    pub fn on_changes(
        &mut self,
        tickets: &[TicketState],
        attention: &[AttentionItem],
        at: &Moment,
    ) -> Vec<Notice> {
        let alerts = decide(tickets, attention, at, &self.settings);
        let fresh = if alerts.is_empty() {
            alerts
        } else {
            match self.log.fresh(alerts.clone(), at.now) {
                Ok(fresh) => fresh,
                Err(e) => {
                    tracing::warn!(error = %e, "alert log unavailable; alerting without dedup");
                    alerts
                }
            }
        };
        self.burst.admit(fresh, at.now)
    }

    /// Alerts held back by a burst whose window has ended; call at [`Alerting::next_flush_at`].
    pub fn flush_due(&mut self, now: Millis) -> Vec<Notice> {
        self.burst.flush_due(now)
    }

    /// When alerts held back by a burst are due, if any may be.
    pub fn next_flush_at(&self) -> Option<Millis> {
        self.burst.next_flush_at()
    }
}

#[cfg(test)]
mod tests {
    use desk_domain::{Category, Channel, Priority, Status, TicketSummary};

    use super::*;
    use crate::{Alert, Language};

    const NOON: Millis = 1_767_268_800_000;

    fn summary(id: i64, category: Category) -> TicketSummary {
        TicketSummary {
            id,
            subject: "Someone used my wallet".into(),
            status: Status::New,
            priority: Priority::Urgent,
            category,
            channel: Channel::InApp,
            urgent: category.is_urgent(),
            customer_name: "Zhang San".into(),
            assignee_id: None,
            group_id: None,
            preview: "help".into(),
            updated_at: NOON,
            sla_due_at: Some(NOON + 60_000),
        }
    }

    /// Alerting with default settings over a new log; the directory lives as long as the guard.
    fn fresh() -> (Alerting, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let log = AlertLog::open(&dir.path().join("alerts.sqlite")).unwrap();
        (Alerting::new(AlertSettings::default(), log), dir)
    }

    /// A burst rule other than the default, so setting it starts a fresh window.
    fn wider_rule() -> AlertSettings {
        AlertSettings {
            burst: crate::BurstRule {
                threshold: 10,
                window_seconds: 30,
            },
            ..AlertSettings::default()
        }
    }

    fn at(now: Millis) -> Moment {
        Moment {
            me: Some("agent-me".into()),
            now,
            utc_offset_minutes: 480,
        }
    }

    #[test]
    fn the_same_urgent_ticket_notifies_once_across_resyncs_and_restarts() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("alerts.sqlite");
        let tickets: Vec<TicketState> = [summary(10, Category::Fraud)]
            .iter()
            .map(TicketState::from)
            .collect();

        let mut alerting = Alerting::new(AlertSettings::default(), AlertLog::open(&path).unwrap());
        let first = alerting.on_changes(&tickets, &[], &at(NOON));
        assert_eq!(
            first,
            vec![Notice::Single(Alert::UrgentTicket {
                ticket_id: 10,
                category: Category::Fraud,
                channel: Channel::InApp
            })]
        );
        assert!(
            alerting.on_changes(&tickets, &[], &at(NOON + 5)).is_empty(),
            "a resync"
        );
        drop(alerting);

        let mut restarted = Alerting::new(AlertSettings::default(), AlertLog::open(&path).unwrap());
        assert!(restarted
            .on_changes(&tickets, &[], &at(NOON + 10_000))
            .is_empty());
    }

    #[test]
    fn changing_the_burst_rule_releases_what_the_old_window_held() {
        let (mut alerting, _dir) = fresh();
        let storm: Vec<TicketState> = (1..=4)
            .map(|id| TicketState::from(&summary(id, Category::Fraud)))
            .collect();
        // Four at once: one summary now, and a hold opens for what follows.
        assert_eq!(alerting.on_changes(&storm, &[], &at(NOON)).len(), 1);
        let late: Vec<TicketState> = [summary(5, Category::Fraud)]
            .iter()
            .map(TicketState::from)
            .collect();
        assert!(
            alerting.on_changes(&late, &[], &at(NOON + 1)).is_empty(),
            "held"
        );

        let same_rule = alerting.set_settings(AlertSettings::default());
        assert!(same_rule.is_empty(), "an unchanged rule keeps its hold");
        let released = alerting.set_settings(wider_rule());
        assert_eq!(released.len(), 1, "the held alert comes out: {released:?}");
        assert_eq!(released[0].ticket_to_open(), Some(5));
    }

    #[test]
    fn a_storm_of_urgent_tickets_is_one_summary() {
        let (mut alerting, _dir) = fresh();
        let tickets: Vec<TicketState> = (1..=5)
            .map(|id| summary(id, Category::Fraud))
            .chain((6..=7).map(|id| summary(id, Category::Transfer)))
            .map(|t| TicketState::from(&t))
            .collect();
        let notices = alerting.on_changes(&tickets, &[], &at(NOON));
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].text(Language::En).summary, "5 urgent tickets");
        assert_eq!(alerting.next_flush_at(), Some(NOON + 10_000));
        assert!(alerting.flush_due(NOON + 10_000).is_empty());
    }

    /// My ticket, not urgent, whose SLA breaches within the default 15-minute lead.
    fn due_soon(id: i64) -> TicketState {
        TicketState {
            assignee_id: Some("agent-me".into()),
            ..TicketState::from(&summary(id, Category::TopUp))
        }
    }

    #[test]
    fn sla_warnings_on_my_tickets_do_not_hold_back_a_fraud_case() {
        let (mut alerting, _dir) = fresh();
        for id in 1..=3 {
            let shown = alerting.on_changes(&[due_soon(id)], &[], &at(NOON + id * 1_000));
            assert!(
                matches!(&shown[..], [Notice::Single(Alert::SlaSoon { .. })]),
                "a warning for ticket {id}: {shown:?}"
            );
        }
        let fraud = TicketState::from(&summary(9, Category::Fraud));
        assert_eq!(
            alerting.on_changes(&[fraud], &[], &at(NOON + 4_000)),
            vec![Notice::Single(Alert::UrgentTicket {
                ticket_id: 9,
                category: Category::Fraud,
                channel: Channel::InApp
            })],
            "three warnings in the window use none of the urgent budget: shown at once"
        );
        assert_eq!(alerting.next_flush_at(), None, "and nothing is held");
    }

    #[test]
    fn changing_the_burst_rule_releases_both_holds() {
        let (mut alerting, _dir) = fresh();
        let warnings: Vec<TicketState> = (6..=10).map(due_soon).collect();
        let shown = alerting.on_changes(&warnings, &[], &at(NOON));
        assert!(
            matches!(&shown[..], [Notice::Summary(s)] if s.sla_soon == 5),
            "five warnings at once are a summary, which opens a routine hold: {shown:?}"
        );
        assert!(alerting
            .on_changes(&[due_soon(11)], &[], &at(NOON + 1))
            .is_empty());
        let storm: Vec<TicketState> = (1..=4)
            .map(|id| TicketState::from(&summary(id, Category::Fraud)))
            .collect();
        assert_eq!(
            alerting.on_changes(&storm, &[], &at(NOON + 2)).len(),
            1,
            "four urgent cases at once are a summary, which opens an urgent hold"
        );
        let late = TicketState::from(&summary(5, Category::Fraud));
        assert!(alerting.on_changes(&[late], &[], &at(NOON + 3)).is_empty());

        let released = alerting.set_settings(wider_rule());
        assert_eq!(
            released
                .iter()
                .map(Notice::ticket_to_open)
                .collect::<Vec<_>>(),
            vec![Some(11), Some(5)],
            "each hold gives up what it held, the one due first first: {released:?}"
        );
        assert_eq!(alerting.next_flush_at(), None, "the new rule starts fresh");
    }
}
