//! Where a new ticket goes: desk-triage's model and the admin rules decide the category,
//! whether it is urgent, and which group it is routed to.

use std::sync::OnceLock;

use desk_domain::{Category, Priority};
use desk_triage::{Triage, TriageInput};
use desk_wire::IntakeMessage;

fn classifier() -> &'static Triage<'static> {
    static TRIAGE: OnceLock<Triage<'static>> = OnceLock::new();
    TRIAGE.get_or_init(Triage::embedded)
}

/// Category, priority and group for a ticket opened by `msg`.
///
/// Urgent cases (security and fraud) get `Urgent` priority so they top every queue; the
/// rest start at `Normal` and agents adjust. The group comes from the rules (the defaults
/// send urgent cases to `security`).
pub fn triage(msg: &IntakeMessage) -> (Category, Priority, Option<String>) {
    let text = match &msg.subject {
        Some(subject) => format!("{subject}\n{}", msg.body),
        None => msg.body.clone(),
    };
    let decision = classifier().classify(&TriageInput {
        text: &text,
        channel: Some(msg.channel),
        amount_minor: None,
    });
    let priority = if decision.urgent {
        Priority::Urgent
    } else {
        Priority::Normal
    };
    (decision.category, priority, decision.group)
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
            sent_at: None,
            in_app: None,
            call: None,
        }
    }

    #[test]
    fn stolen_accounts_are_urgent_and_go_to_security() {
        let (category, priority, group) = triage(&message("有人盗用了我的账户，钱被转走了"));
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
        let (category, priority, _) = triage(&message("提现三天了还没到账"));
        assert_eq!(category, Category::Withdrawal);
        assert_eq!(priority, Priority::Normal);
    }
}
