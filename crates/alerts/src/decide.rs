//! Which changes deserve an interruption. Pure: the clock and the agent are passed in.

use desk_domain::{AttentionItem, AttentionKind, Millis};
use serde::{Deserialize, Serialize};

use crate::{Alert, AlertSettings, TicketState};

/// Who is looking and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moment {
    /// The signed-in agent's id; `None` in a local workspace, where no ticket is "mine".
    pub me: Option<String>,
    pub now: Millis,
    /// The agent's local time minus UTC, in minutes (480 in Shanghai), for quiet hours.
    pub utc_offset_minutes: i32,
}

/// The alerts that tickets which just changed, and attention items which just appeared,
/// deserve under `settings`, in input order.
///
/// Decisions look only at current state: "arrived urgent" and "became urgent" are the same
/// alert, and the alert log (not this function) makes sure each event notifies only once. So
/// the caller may pass anything that might have changed, including a periodic snapshot of the
/// agent's open tickets, which is how SLA warnings fire while nothing else happens.
pub fn decide(
    tickets: &[TicketState],
    attention: &[AttentionItem],
    at: &Moment,
    settings: &AlertSettings,
) -> Vec<Alert> {
    let quiet = settings.is_quiet(at.now, at.utc_offset_minutes);
    let mut alerts = Vec::new();
    for t in tickets {
        if let Some(alert) = urgent_alert(t, at) {
            let allowed = settings.category_enabled(t.category)
                && (!quiet || settings.urgent_overrides_quiet);
            if allowed {
                alerts.push(alert);
            }
        }
        if settings.sla_soon && !quiet {
            alerts.extend(sla_alert(t, at, settings.sla_lead_ms()));
        }
    }
    if settings.needs_attention && !quiet {
        alerts.extend(attention.iter().filter_map(attention_alert));
    }
    alerts
}

fn is_mine(t: &TicketState, at: &Moment) -> bool {
    at.me.is_some() && t.assignee_id == at.me
}

/// An open security or fraud case that is nobody's yet, or mine. One already assigned to
/// another agent is in hand: that agent's console notifies them.
fn urgent_alert(t: &TicketState, at: &Moment) -> Option<Alert> {
    let for_me = t.assignee_id.is_none() || is_mine(t, at);
    (t.urgent && t.status.is_active() && for_me).then_some(Alert::UrgentTicket {
        ticket_id: t.id,
        category: t.category,
        channel: t.channel,
    })
}

/// My ticket whose SLA clock runs and breaches within the lead time. One already breached is
/// not "soon" any more: the inbox shows it overdue.
fn sla_alert(t: &TicketState, at: &Moment, lead_ms: Millis) -> Option<Alert> {
    let due_at = t.sla_due_at?;
    let soon = at.now < due_at && due_at <= at.now.saturating_add(lead_ms);
    (soon && t.status.sla_clock_runs() && is_mine(t, at)).then_some(Alert::SlaSoon {
        ticket_id: t.id,
        category: t.category,
        channel: t.channel,
        due_at,
    })
}

/// A held public reply: it has not reached the customer and waits for the agent. Rejected
/// edits and held notes show in the console's attention list without interrupting.
fn attention_alert(item: &AttentionItem) -> Option<Alert> {
    (item.kind == AttentionKind::Held && item.edit.is_reply()).then(|| Alert::NeedsAttention {
        ticket_id: item.ticket_id,
        edit_id: item.edit_id.clone(),
    })
}

#[cfg(test)]
mod tests {
    use desk_domain::{Category, Channel, Status, TicketEdit};

    use super::*;
    use crate::QuietHours;

    const MIN: Millis = 60_000;
    // 2026-01-01T12:00Z.
    const NOON: Millis = 1_767_268_800_000;

    fn at(now: Millis) -> Moment {
        Moment {
            me: Some("agent-me".into()),
            now,
            utc_offset_minutes: 0,
        }
    }

    fn ticket(id: i64, category: Category) -> TicketState {
        TicketState {
            id,
            category,
            channel: Channel::WebChat,
            urgent: category.is_urgent(),
            assignee_id: None,
            status: Status::New,
            sla_due_at: None,
        }
    }

    fn held(edit: TicketEdit, kind: AttentionKind) -> AttentionItem {
        AttentionItem {
            edit_id: "edit-9".into(),
            ticket_id: 55,
            subject: "Refund for order of Li Wei".into(),
            edit,
            kind,
            reason: "the customer wrote since".into(),
            created_at: NOON,
        }
    }

    #[test]
    fn urgent_tickets_alert_when_open_and_unassigned_or_mine() {
        let s = AlertSettings::default();
        let mut mine = ticket(2, Category::AccountSecurity);
        mine.assignee_id = Some("agent-me".into());
        let mut theirs = ticket(3, Category::Fraud);
        theirs.assignee_id = Some("agent-other".into());
        let mut solved = ticket(4, Category::Fraud);
        solved.status = Status::Solved;
        let tickets = [
            ticket(1, Category::Fraud),
            mine,
            theirs,
            solved,
            ticket(5, Category::TopUp),
        ];
        let ids: Vec<i64> = decide(&tickets, &[], &at(NOON), &s)
            .iter()
            .map(Alert::ticket_id)
            .collect();
        assert_eq!(ids, vec![1, 2]);
        assert_eq!(
            decide(&tickets[..1], &[], &at(NOON), &s),
            vec![Alert::UrgentTicket {
                ticket_id: 1,
                category: Category::Fraud,
                channel: Channel::WebChat
            }]
        );
    }

    #[test]
    fn category_switches_decide_urgent_alerts() {
        let mut s = AlertSettings::default();
        s.categories.insert(Category::Fraud, false);
        let mut escalated = ticket(6, Category::TopUp);
        escalated.urgent = true;
        let tickets = [ticket(1, Category::Fraud), escalated.clone()];
        assert!(decide(&tickets, &[], &at(NOON), &s).is_empty());
        s.categories.insert(Category::TopUp, true);
        assert_eq!(decide(&tickets, &[], &at(NOON), &s).len(), 1);
    }

    #[test]
    fn sla_warns_only_for_my_running_clock_within_the_lead() {
        let s = AlertSettings::default();
        let mut t = ticket(8, Category::Transfer);
        t.assignee_id = Some("agent-me".into());
        t.status = Status::Open;
        let with_due = |due: Millis| {
            let mut t = t.clone();
            t.sla_due_at = Some(due);
            t
        };
        let one = |t: TicketState| decide(&[t], &[], &at(NOON), &s);
        assert_eq!(
            one(with_due(NOON + 15 * MIN)),
            vec![Alert::SlaSoon {
                ticket_id: 8,
                category: Category::Transfer,
                channel: Channel::WebChat,
                due_at: NOON + 15 * MIN
            }]
        );
        assert!(
            one(with_due(NOON + 16 * MIN)).is_empty(),
            "outside the lead time"
        );
        assert!(one(with_due(NOON)).is_empty(), "already breached");
        let mut waiting = with_due(NOON + 5 * MIN);
        waiting.status = Status::Pending;
        assert!(one(waiting).is_empty(), "no clock runs while pending");
        let mut theirs = with_due(NOON + 5 * MIN);
        theirs.assignee_id = Some("agent-other".into());
        assert!(one(theirs).is_empty(), "not my ticket");
        assert!(
            decide(
                &[with_due(NOON + 5 * MIN)],
                &[],
                &Moment {
                    me: None,
                    ..at(NOON)
                },
                &s
            )
            .is_empty(),
            "a local workspace has no 'mine'"
        );

        let longer = AlertSettings {
            sla_lead_minutes: 30,
            ..s.clone()
        };
        assert_eq!(
            decide(&[with_due(NOON + 16 * MIN)], &[], &at(NOON), &longer).len(),
            1
        );
        let off = AlertSettings {
            sla_soon: false,
            ..s
        };
        assert!(decide(&[with_due(NOON + 5 * MIN)], &[], &at(NOON), &off).is_empty());
    }

    #[test]
    fn an_urgent_ticket_of_mine_can_warn_twice_for_two_events() {
        let mut t = ticket(9, Category::Fraud);
        t.assignee_id = Some("agent-me".into());
        t.sla_due_at = Some(NOON + 2 * MIN);
        let keys: Vec<String> = decide(&[t], &[], &at(NOON), &AlertSettings::default())
            .iter()
            .map(Alert::key)
            .collect();
        assert_eq!(
            keys,
            vec!["urgent:9".to_string(), format!("sla:9:{}", NOON + 2 * MIN)]
        );
    }

    #[test]
    fn only_held_replies_need_an_interruption() {
        let s = AlertSettings::default();
        let reply = TicketEdit::Reply {
            body: "Dear Li Wei".into(),
        };
        let note = TicketEdit::Note { body: "n".into() };
        assert_eq!(
            decide(
                &[],
                &[held(reply.clone(), AttentionKind::Held)],
                &at(NOON),
                &s
            ),
            vec![Alert::NeedsAttention {
                ticket_id: 55,
                edit_id: "edit-9".into()
            }]
        );
        assert!(decide(&[], &[held(note, AttentionKind::Held)], &at(NOON), &s).is_empty());
        assert!(decide(
            &[],
            &[held(reply.clone(), AttentionKind::Rejected)],
            &at(NOON),
            &s
        )
        .is_empty());
        let off = AlertSettings {
            needs_attention: false,
            ..s
        };
        assert!(decide(&[], &[held(reply, AttentionKind::Held)], &at(NOON), &off).is_empty());
    }

    #[test]
    fn quiet_hours_hold_back_everything_but_urgent_cases() {
        let quiet = AlertSettings {
            quiet_hours: Some(QuietHours {
                start_minute: 11 * 60,
                end_minute: 13 * 60,
            }),
            ..AlertSettings::default()
        };
        let mut mine = ticket(2, Category::Transfer);
        mine.assignee_id = Some("agent-me".into());
        mine.sla_due_at = Some(NOON + MIN);
        let reply = held(TicketEdit::Reply { body: "b".into() }, AttentionKind::Held);
        let tickets = [ticket(1, Category::Fraud), mine];
        let attention = [reply];

        let during = decide(&tickets, &attention, &at(NOON), &quiet);
        assert_eq!(
            during.iter().map(Alert::key).collect::<Vec<_>>(),
            ["urgent:1"]
        );

        let strict = AlertSettings {
            urgent_overrides_quiet: false,
            ..quiet.clone()
        };
        assert!(decide(&tickets, &attention, &at(NOON), &strict).is_empty());

        let after = decide(&tickets, &attention, &at(NOON + 61 * MIN), &quiet);
        assert_eq!(after.len(), 2, "the urgent ticket and the held reply");
        let elsewhere = Moment {
            utc_offset_minutes: 8 * 60,
            ..at(NOON)
        };
        assert_eq!(
            decide(&tickets, &attention, &elsewhere, &quiet).len(),
            3,
            "20:00 in UTC+8 is not quiet"
        );
    }
}
