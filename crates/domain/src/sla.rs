//! Service-level targets: how soon a customer must hear from us, per channel and priority.
//!
//! The channel sets the customer's expectation (the taxonomy's first-response targets: chat in
//! minutes, email within a day); priority tightens or relaxes it. Urgent security and fraud
//! cases get minutes on every channel, because money can leave a stolen account while a ticket
//! waits. Targets are wall-clock minutes: the demo team staffs the queue around the clock.

use crate::{Channel, Millis, Priority, Status};

/// Minutes within which a waiting customer must get a (next) response.
pub fn first_response_target_minutes(channel: Channel, priority: Priority) -> i64 {
    let base = match channel {
        Channel::WebChat => 2,
        Channel::Phone => 5,
        Channel::Social => 4 * 60,
        Channel::InApp | Channel::Email => 24 * 60,
        Channel::Forum => 24 * 60,
    };
    let high = (base / 4).max(1);
    match priority {
        // Urgent: never longer than 15 minutes, whatever the channel, and never looser than high.
        Priority::Urgent => high.min(15),
        Priority::High => high,
        Priority::Normal => base,
        Priority::Low => base * 2,
    }
}

/// When the ticket breaches its SLA, or `None` when no clock runs (waiting on the customer,
/// solved, or nobody is waiting). `waiting_since` is the oldest customer message that has not
/// been answered by a public reply.
pub fn sla_due_at(
    status: Status,
    channel: Channel,
    priority: Priority,
    waiting_since: Option<Millis>,
) -> Option<Millis> {
    if !status.sla_clock_runs() {
        return None;
    }
    let since = waiting_since?;
    Some(since + first_response_target_minutes(channel, priority) * 60_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chat_is_minutes_and_email_is_a_day() {
        assert_eq!(
            first_response_target_minutes(Channel::WebChat, Priority::Normal),
            2
        );
        assert_eq!(
            first_response_target_minutes(Channel::Email, Priority::Normal),
            24 * 60
        );
    }

    #[test]
    fn urgent_is_at_most_fifteen_minutes_on_every_channel() {
        for c in Channel::ALL {
            let t = first_response_target_minutes(*c, Priority::Urgent);
            assert!(t <= 15, "{c}: urgent target {t} min exceeds 15");
            assert!(t <= first_response_target_minutes(*c, Priority::High));
        }
    }

    #[test]
    fn priority_orders_targets_on_every_channel() {
        for c in Channel::ALL {
            let t: Vec<i64> = Priority::ALL
                .iter()
                .map(|p| first_response_target_minutes(*c, *p))
                .collect();
            assert!(
                t.windows(2).all(|w| w[0] >= w[1]),
                "{c}: higher priority must never get a looser target: {t:?}"
            );
        }
    }

    #[test]
    fn no_clock_while_pending_or_when_nobody_waits() {
        assert_eq!(
            sla_due_at(Status::Pending, Channel::Email, Priority::High, Some(0)),
            None
        );
        assert_eq!(
            sla_due_at(Status::Open, Channel::Email, Priority::High, None),
            None
        );
        assert_eq!(
            sla_due_at(
                Status::Open,
                Channel::WebChat,
                Priority::Normal,
                Some(1_000)
            ),
            Some(1_000 + 120_000)
        );
    }
}
