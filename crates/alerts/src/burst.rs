//! Many alerts at once become one notification: ten toasts in a row hide each other and train
//! agents to dismiss them unread. Pure: the clock is passed in.

use std::collections::{BTreeMap, VecDeque};

use desk_domain::{Category, Millis, TicketId};
use serde::{Deserialize, Serialize};

use crate::{Alert, BurstRule};

/// One notification to show: a single alert, or a summary of a burst.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "notice", rename_all = "snake_case")]
pub enum Notice {
    Single(Alert),
    Summary(Summary),
}

impl Notice {
    /// The ticket a click opens; `None` means the console's urgent view (a summary of several
    /// tickets, where a list serves better than any one of them).
    pub fn ticket_to_open(&self) -> Option<TicketId> {
        match self {
            Notice::Single(alert) => Some(alert.ticket_id()),
            Notice::Summary(summary) => summary.open,
        }
    }

    /// Whether a security or fraud case is among what this notification announces.
    pub fn is_urgent(&self) -> bool {
        match self {
            Notice::Single(alert) => alert.is_urgent(),
            Notice::Summary(summary) => summary.urgent_count() > 0,
        }
    }
}

/// Counts of what a burst held, without any ticket's details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Urgent tickets per category, in taxonomy order.
    pub urgent: Vec<(Category, u32)>,
    pub sla_soon: u32,
    pub needs_attention: u32,
    /// Set when every alert concerns the same ticket.
    pub open: Option<TicketId>,
}

impl Summary {
    /// Counts `alerts`, which must not be empty.
    pub fn of(alerts: &[Alert]) -> Summary {
        let mut urgent: BTreeMap<Category, u32> = BTreeMap::new();
        let (mut sla_soon, mut needs_attention) = (0, 0);
        for alert in alerts {
            match alert {
                Alert::UrgentTicket { category, .. } => *urgent.entry(*category).or_default() += 1,
                Alert::SlaSoon { .. } => sla_soon += 1,
                Alert::NeedsAttention { .. } => needs_attention += 1,
            }
        }
        let first = alerts.first().map(Alert::ticket_id);
        let one_ticket = alerts.iter().all(|a| Some(a.ticket_id()) == first);
        Summary {
            urgent: urgent.into_iter().collect(),
            sla_soon,
            needs_attention,
            open: first.filter(|_| one_ticket),
        }
    }

    pub fn urgent_count(&self) -> u32 {
        self.urgent.iter().map(|(_, n)| n).sum()
    }

    pub fn total(&self) -> u32 {
        self.urgent_count() + self.sla_soon + self.needs_attention
    }
}

/// Groups alerts by time under a [`BurstRule`].
///
/// Alerts are shown one by one while no more than `threshold` arrive within `window`. A batch
/// that would go over becomes one summary at once, and opens a hold: alerts arriving during the
/// next `window` wait and come out together as one more notification when it ends. A single
/// alert that would go over opens the hold itself and waits in it. So a storm of tickets
/// yields one notification per window however the sync batches them.
///
/// The caller flushes the hold on a timer at [`Burst::next_flush_at`]; if it does not, the next
/// [`Burst::admit`] flushes it, so nothing held is ever lost, only late.
#[derive(Debug, Clone)]
pub struct Burst {
    rule: BurstRule,
    /// When each recently shown notification went out.
    shown: VecDeque<Millis>,
    hold_until: Option<Millis>,
    held: Vec<Alert>,
}

impl Burst {
    pub fn new(rule: BurstRule) -> Burst {
        Burst {
            rule,
            shown: VecDeque::new(),
            hold_until: None,
            held: Vec::new(),
        }
    }

    /// Takes alerts that are new at `now` and returns what to show now.
    pub fn admit(&mut self, alerts: Vec<Alert>, now: Millis) -> Vec<Notice> {
        let mut notices = self.flush_due(now);
        if alerts.is_empty() {
            return notices;
        }
        if self.hold_until.is_some() {
            self.held.extend(alerts);
            return notices;
        }
        let window_start = now.saturating_sub(self.rule.window_ms());
        while self.shown.front().is_some_and(|&t| t <= window_start) {
            self.shown.pop_front();
        }
        let threshold = usize::try_from(self.rule.threshold).unwrap_or(usize::MAX);
        if self.shown.len().saturating_add(alerts.len()) > threshold {
            if alerts.len() == 1 {
                // One more alert over the limit: the storm has begun. Hold it with whatever
                // follows, so one-per-sync arrivals become one summary instead of a
                // notification each (a summary of one now would open no hold).
                self.hold_until = Some(now.saturating_add(self.rule.window_ms()));
                self.held = alerts;
            } else {
                notices.push(self.summarize(alerts, now));
            }
        } else {
            self.shown.extend(std::iter::repeat_n(now, alerts.len()));
            notices.extend(alerts.into_iter().map(Notice::Single));
        }
        notices
    }

    /// Ends a hold whose time has come: what it held, as one notification.
    pub fn flush_due(&mut self, now: Millis) -> Vec<Notice> {
        match self.hold_until {
            Some(until) if until <= now => {
                self.hold_until = None;
                let held = std::mem::take(&mut self.held);
                if held.is_empty() {
                    Vec::new()
                } else {
                    vec![self.summarize(held, now)]
                }
            }
            _ => Vec::new(),
        }
    }

    /// When the current hold ends, if alerts may be waiting in one.
    pub fn next_flush_at(&self) -> Option<Millis> {
        self.hold_until
    }

    fn summarize(&mut self, mut alerts: Vec<Alert>, now: Millis) -> Notice {
        self.shown.push_back(now);
        if alerts.len() == 1 {
            // A "summary" of one alert says less than the alert itself.
            return Notice::Single(alerts.remove(0));
        }
        self.hold_until = Some(now.saturating_add(self.rule.window_ms()));
        Notice::Summary(Summary::of(&alerts))
    }
}

#[cfg(test)]
mod tests {
    use desk_domain::Channel;

    use super::*;

    const SEC: Millis = 1_000;

    fn urgent(id: TicketId, category: Category) -> Alert {
        Alert::UrgentTicket {
            ticket_id: id,
            category,
            channel: Channel::WebChat,
        }
    }

    fn fraud(ids: std::ops::Range<TicketId>) -> Vec<Alert> {
        ids.map(|id| urgent(id, Category::Fraud)).collect()
    }

    fn singles(notices: &[Notice]) -> usize {
        notices
            .iter()
            .filter(|n| matches!(n, Notice::Single(_)))
            .count()
    }

    #[test]
    fn up_to_the_threshold_each_alert_is_its_own_notification() {
        let mut b = Burst::new(BurstRule::default());
        assert_eq!(singles(&b.admit(fraud(1..3), 0)), 2);
        assert_eq!(singles(&b.admit(fraud(3..4), 2 * SEC)), 1);
        assert_eq!(b.next_flush_at(), None);
        // The first two left the window 10 s after they went out.
        assert_eq!(singles(&b.admit(fraud(4..6), 10 * SEC)), 2);
    }

    #[test]
    fn a_burst_becomes_one_summary_with_counts_per_category() {
        let mut b = Burst::new(BurstRule::default());
        let mut alerts = fraud(1..4);
        alerts.push(urgent(4, Category::AccountSecurity));
        alerts.push(urgent(5, Category::AccountSecurity));
        let notices = b.admit(alerts, 0);
        assert_eq!(notices.len(), 1);
        let Notice::Summary(s) = &notices[0] else {
            panic!("expected a summary, got {notices:?}");
        };
        assert_eq!(
            s.urgent,
            vec![(Category::AccountSecurity, 2), (Category::Fraud, 3)]
        );
        assert_eq!((s.total(), s.open), (5, None));
        assert!(notices[0].is_urgent());
        assert_eq!(notices[0].ticket_to_open(), None);
    }

    #[test]
    fn alerts_during_a_hold_come_out_together_when_it_ends() {
        let mut b = Burst::new(BurstRule::default());
        assert_eq!(b.admit(fraud(1..6), 0).len(), 1);
        assert_eq!(b.next_flush_at(), Some(10 * SEC));
        assert!(b.admit(fraud(6..8), SEC).is_empty());
        assert!(b.admit(fraud(8..9), 2 * SEC).is_empty());
        assert!(b.flush_due(9 * SEC).is_empty(), "not yet");
        let flushed = b.flush_due(10 * SEC);
        assert!(
            matches!(&flushed[..], [Notice::Summary(s)] if s.total() == 3),
            "{flushed:?}"
        );
        // The flush opened another hold; an empty one ends quietly.
        assert_eq!(b.next_flush_at(), Some(20 * SEC));
        assert!(b.flush_due(20 * SEC).is_empty());
        assert_eq!(b.next_flush_at(), None);
        assert_eq!(singles(&b.admit(fraud(9..10), 31 * SEC)), 1);
    }

    #[test]
    fn a_forgotten_flush_happens_at_the_next_admit() {
        let mut b = Burst::new(BurstRule::default());
        b.admit(fraud(1..6), 0);
        b.admit(fraud(6..7), SEC);
        let later = b.admit(fraud(7..8), 60 * SEC);
        assert_eq!(
            later,
            vec![
                Notice::Single(urgent(6, Category::Fraud)),
                Notice::Single(urgent(7, Category::Fraud))
            ],
            "the one held alert, then the new one, each alone"
        );
    }

    #[test]
    fn going_over_the_threshold_across_batches_starts_a_burst() {
        let mut b = Burst::new(BurstRule::default());
        assert_eq!(singles(&b.admit(fraud(1..4), 0)), 3);
        let n = b.admit(fraud(4..6), SEC);
        assert!(
            matches!(&n[..], [Notice::Summary(s)] if s.total() == 2),
            "{n:?}"
        );
    }

    #[test]
    fn a_storm_arriving_one_ticket_per_sync_is_one_summary_after_the_first_few() {
        let mut b = Burst::new(BurstRule::default());
        let mut shown = Vec::new();
        for id in 1..=6 {
            shown.extend(b.admit(fraud(id..id + 1), id * 100));
        }
        assert_eq!(
            singles(&shown),
            3,
            "up to the threshold, each shows: {shown:?}"
        );
        assert_eq!(shown.len(), 3, "the rest wait in the hold: {shown:?}");
        let until = b.next_flush_at().expect("the fourth alert opened a hold");
        assert!(
            b.flush_due(until - 1).is_empty(),
            "not before the window ends"
        );
        let flushed = b.flush_due(until);
        assert!(
            matches!(&flushed[..], [Notice::Summary(s)] if s.total() == 3),
            "tickets 4-6 as one summary: {flushed:?}"
        );
    }

    #[test]
    fn a_summary_about_one_ticket_opens_it() {
        let s = Summary::of(&[
            urgent(7, Category::Fraud),
            Alert::SlaSoon {
                ticket_id: 7,
                category: Category::Fraud,
                channel: Channel::Email,
                due_at: 1,
            },
        ]);
        assert_eq!((s.open, s.sla_soon, s.urgent_count()), (Some(7), 1, 1));
    }
}
