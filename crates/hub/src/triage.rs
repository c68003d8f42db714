//! Where a new ticket goes: desk-triage's model and the admin rules decide the category,
//! whether it is urgent, and which group it is routed to.

use desk_domain::{Category, Priority, TriageNote, TriageSource};
use desk_triage::{Reason, Triage, TriageInput};
use desk_wire::IntakeMessage;

/// How a new ticket is filed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filing {
    pub category: Category,
    pub priority: Priority,
    pub group_id: Option<String>,
    pub note: TriageNote,
}

/// Category, priority and group for a ticket opened by `msg`, with the reason.
///
/// Urgent cases (security and fraud) get `Urgent` priority so they top every queue; the
/// rest start at `Normal` and agents adjust. The group comes from the rules (the defaults
/// send urgent cases to `security`).
pub fn triage(msg: &IntakeMessage) -> Filing {
    let text = match &msg.subject {
        Some(subject) => format!("{subject}\n{}", msg.body),
        None => msg.body.clone(),
    };
    let decision = Triage::shared().classify(&TriageInput {
        text: &text,
        channel: Some(msg.channel),
        amount_minor: None,
    });
    let priority = if decision.urgent {
        Priority::Urgent
    } else {
        Priority::Normal
    };
    let permille = |score: f32| Some((score.clamp(0.0, 1.0) * 1000.0).round() as u16);
    let (source, rule, score_permille) = match &decision.reason {
        Reason::Model { score } => (TriageSource::Model, None, permille(*score)),
        Reason::Rule { rule_name, .. } => (TriageSource::Rule, Some(rule_name.clone()), None),
        Reason::ModelAndRule {
            score, rule_name, ..
        } => (
            TriageSource::ModelAndRule,
            Some(rule_name.clone()),
            permille(*score),
        ),
    };
    Filing {
        category: decision.category,
        priority,
        group_id: decision.group.clone(),
        note: TriageNote {
            source,
            rule,
            score_permille,
            category: decision.category,
            urgent: decision.urgent,
            group_id: decision.group,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use desk_domain::Channel;
    use desk_wire::CustomerRef;

    fn message(body: &str) -> IntakeMessage {
        IntakeMessage {
            channel: Channel::Email,
            external_thread_id: None,
            customer: CustomerRef::default(),
            subject: None,
            body: body.into(),
            html: None,
            attachments: vec![],
            sent_at: None,
            in_app: None,
            call: None,
        }
    }

    #[test]
    fn stolen_accounts_are_urgent_and_go_to_security() {
        let f = triage(&message("有人盗用了我的账户，钱被转走了"));
        let (category, priority, group) = (f.category, f.priority, f.group_id.clone());
        assert!(
            f.note.urgent && f.note.category == category,
            "the note records the decision"
        );
        assert!(
            category.is_urgent(),
            "a stolen account is a security or fraud case: {category}"
        );
        assert_eq!(priority, Priority::Urgent);
        assert_eq!(
            group.as_deref(),
            Some("security"),
            "the seeds hand these to the security team"
        );
    }

    #[test]
    fn ordinary_questions_stay_normal() {
        let f = triage(&message("提现三天了还没到账"));
        assert_eq!(f.category, Category::Withdrawal);
        assert_eq!(f.priority, Priority::Normal);
        assert_eq!(
            f.note.source,
            TriageSource::Model,
            "no rule mentions withdrawals"
        );
        assert!(
            f.note.score_permille.is_some_and(|s| s > 0 && s <= 1000),
            "the model's score is kept"
        );
    }
}
