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

/// Groups alerts by time under a [`BurstRule`], so that routine notices never delay an urgent
/// case.
///
/// Alerts are shown one by one while no more than `threshold` went out within `window`. A batch
/// that would go over becomes one summary at once, and opens a hold: alerts arriving during the
/// next `window` wait and come out together as one more notification when it ends. A single
/// alert that would go over opens the hold itself and waits in it. So a storm of tickets
/// yields one notification per window however the sync batches them.
///
/// Urgent cases (security and fraud, [`Alert::is_urgent`]) and routine ones (SLA warnings,
/// held replies) are judged on different budgets, because an agent must never wait for a
/// fraud case behind SLA reminders. A batch's urgent alerts are judged first, then its routine
/// ones:
/// - Urgent alerts count only the urgent notifications shown in the window (a summary is
///   urgent if it announces an urgent case). Routine notices never use up their budget.
/// - Routine alerts count everything shown in the window: they yield to urgent ones, and the
///   toasts of both kinds together stay bounded.
///
/// Each kind has its own hold. A hold opened by routine alerts holds only routine alerts; an
/// urgent alert arriving meanwhile is judged on its own budget and, within it, shown at once.
/// A hold opened by urgent alerts holds the urgent alerts that follow, as before. Routine
/// alerts arriving during an urgent hold (and no routine hold) join it: a storm of urgent cases
/// is the worst time for a reminder of its own, and they come out in the storm's next summary.
/// Routine alerts in the same batch as urgent ones that become a summary ride in that summary
/// for the same reason. A hold's end flush opens the next hold of the kind its summary is, so a
/// flush of routine alerts alone never holds back the next urgent case.
///
/// The caller flushes the holds on a timer at [`Burst::next_flush_at`] (the earliest); if it
/// does not, the next [`Burst::admit`] flushes them, so nothing held is ever lost, only late.
#[derive(Debug, Clone)]
pub struct Burst {
    rule: BurstRule,
    /// When each recently shown notification went out, and whether it was urgent.
    shown: VecDeque<(Millis, bool)>,
    /// Opened by urgent alerts: holds urgent alerts, and routine ones while no routine hold is
    /// open.
    urgent_hold: Option<Hold>,
    /// Opened by routine alerts: holds routine alerts only.
    routine_hold: Option<Hold>,
}

/// Alerts waiting for a burst's window to end.
#[derive(Debug, Clone)]
struct Hold {
    until: Millis,
    held: Vec<Alert>,
}

impl Burst {
    pub fn new(rule: BurstRule) -> Burst {
        Burst {
            rule,
            shown: VecDeque::new(),
            urgent_hold: None,
            routine_hold: None,
        }
    }

    /// Takes alerts that are new at `now` and returns what to show now.
    pub fn admit(&mut self, alerts: Vec<Alert>, now: Millis) -> Vec<Notice> {
        let mut notices = self.flush_due(now);
        if alerts.is_empty() {
            return notices;
        }
        let window_start = now.saturating_sub(self.rule.window_ms());
        while self.shown.front().is_some_and(|&(t, _)| t <= window_start) {
            self.shown.pop_front();
        }
        let (urgent, routine): (Vec<Alert>, Vec<Alert>) =
            alerts.into_iter().partition(Alert::is_urgent);

        // Urgent first, on the urgent budget alone: routine notices shown in the window do not
        // count, so a reminder never delays a fraud case.
        let mut urgent_summary = None;
        if !urgent.is_empty() {
            let urgent_shown = self.shown.iter().filter(|&&(_, u)| u).count();
            if let Some(hold) = &mut self.urgent_hold {
                hold.held.extend(urgent);
            } else if self.fits(urgent_shown, urgent.len()) {
                self.show_singles(urgent, now, &mut notices);
            } else if urgent.len() == 1 {
                // One more urgent alert over the limit: the storm has begun. Hold it with
                // whatever follows, so one-per-sync arrivals become one summary instead of a
                // notification each (a summary of one now would open no hold).
                self.urgent_hold = Some(self.hold_from(now, urgent));
            } else {
                urgent_summary = Some(urgent);
            }
        }

        // Then routine, on the budget of everything shown (the urgent alerts just shown
        // included): routine yields to urgent.
        if !routine.is_empty() {
            if let Some(hold) = &mut self.routine_hold {
                hold.held.extend(routine);
            } else if let Some(batch) = &mut urgent_summary {
                // The summary goes out now anyway; one toast says both.
                batch.extend(routine);
            } else if let Some(hold) = &mut self.urgent_hold {
                hold.held.extend(routine);
            } else if self.fits(self.shown.len(), routine.len()) {
                self.show_singles(routine, now, &mut notices);
            } else if routine.len() == 1 {
                self.routine_hold = Some(self.hold_from(now, routine));
            } else {
                notices.push(self.summarize(routine, now));
            }
        }
        // Routine alerts showed nothing if there is an urgent summary (they joined a hold or
        // it), so it still comes out in arrival order.
        if let Some(batch) = urgent_summary {
            notices.push(self.summarize(batch, now));
        }
        notices
    }

    /// Ends the holds whose time has come, earliest first: what each held, as one
    /// notification.
    pub fn flush_due(&mut self, now: Millis) -> Vec<Notice> {
        let due = |hold: &Option<Hold>| hold.as_ref().map(|h| h.until).filter(|&u| u <= now);
        let mut holds = Vec::with_capacity(2);
        if let Some(until) = due(&self.urgent_hold) {
            holds.extend(self.urgent_hold.take().map(|h| (until, h.held)));
        }
        if let Some(until) = due(&self.routine_hold) {
            holds.extend(self.routine_hold.take().map(|h| (until, h.held)));
        }
        // Stable: at the same time, the urgent hold first.
        holds.sort_by_key(|&(until, _)| until);
        holds
            .into_iter()
            .filter(|(_, held)| !held.is_empty())
            .map(|(_, held)| self.summarize(held, now))
            .collect()
    }

    /// When the earliest hold ends, if alerts may be waiting in one.
    pub fn next_flush_at(&self) -> Option<Millis> {
        [&self.urgent_hold, &self.routine_hold]
            .into_iter()
            .flatten()
            .map(|h| h.until)
            .min()
    }

    /// A hold opened at `now`, with `held` in it: it ends one window later.
    fn hold_from(&self, now: Millis, held: Vec<Alert>) -> Hold {
        Hold {
            until: now.saturating_add(self.rule.window_ms()),
            held,
        }
    }

    /// Whether `more` notifications fit beside `already` shown in the window.
    fn fits(&self, already: usize, more: usize) -> bool {
        let threshold = usize::try_from(self.rule.threshold).unwrap_or(usize::MAX);
        already.saturating_add(more) <= threshold
    }

    fn show_singles(&mut self, alerts: Vec<Alert>, now: Millis, notices: &mut Vec<Notice>) {
        for alert in alerts {
            self.shown.push_back((now, alert.is_urgent()));
            notices.push(Notice::Single(alert));
        }
    }

    /// Shows `alerts` (not empty) as one notification now; a summary of several opens a hold
    /// of its own kind for what follows.
    fn summarize(&mut self, mut alerts: Vec<Alert>, now: Millis) -> Notice {
        let urgent = alerts.iter().any(Alert::is_urgent);
        self.shown.push_back((now, urgent));
        if alerts.len() == 1 {
            // A "summary" of one alert says less than the alert itself.
            return Notice::Single(alerts.remove(0));
        }
        // By the summary's kind, not the hold it came from: an urgent hold that ended up
        // holding only routine alerts must not hold back the next urgent case.
        let fresh = self.hold_from(now, Vec::new());
        let hold = if urgent {
            &mut self.urgent_hold
        } else {
            &mut self.routine_hold
        };
        // An open hold of that kind keeps what it holds (and its end).
        hold.get_or_insert(fresh);
        Notice::Summary(Summary::of(&alerts))
    }
}

#[cfg(test)]
mod tests;
