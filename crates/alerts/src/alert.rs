//! What an alert is about, and the little a decision may know about a ticket.

use desk_domain::{
    Category, Channel, Millis, Status, TicketDetail, TicketId, TicketRecord, TicketSummary,
};
use serde::{Deserialize, Serialize};

/// The state of one ticket as the alert decisions see it.
///
/// It deliberately has no subject, customer, message or transaction field: notification text is
/// built only from this, so personal data cannot reach the operating system's notification
/// history (which is kept on disk) by accident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketState {
    pub id: TicketId,
    pub category: Category,
    pub channel: Channel,
    /// Security or fraud case (the replica's flag, derived from the category).
    pub urgent: bool,
    pub assignee_id: Option<String>,
    pub status: Status,
    /// When the ticket breaches its SLA; `None` while no SLA clock runs.
    pub sla_due_at: Option<Millis>,
}

impl From<&TicketSummary> for TicketState {
    fn from(t: &TicketSummary) -> Self {
        TicketState {
            id: t.id,
            category: t.category,
            channel: t.channel,
            urgent: t.urgent,
            assignee_id: t.assignee_id.clone(),
            status: t.status,
            sla_due_at: t.sla_due_at,
        }
    }
}

impl From<&TicketDetail> for TicketState {
    fn from(t: &TicketDetail) -> Self {
        TicketState {
            id: t.record.id,
            category: t.record.category,
            channel: t.record.channel,
            urgent: t.urgent,
            assignee_id: t.record.assignee_id.clone(),
            status: t.record.status,
            sla_due_at: t.sla_due_at,
        }
    }
}

impl From<&TicketRecord> for TicketState {
    fn from(t: &TicketRecord) -> Self {
        TicketState {
            id: t.id,
            category: t.category,
            channel: t.channel,
            urgent: t.is_urgent(),
            assignee_id: t.assignee_id.clone(),
            status: t.status,
            sla_due_at: t.sla_due_at(),
        }
    }
}

/// Something the agent should hear about now.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Alert {
    /// A security or fraud ticket arrived, or a ticket became one.
    UrgentTicket {
        ticket_id: TicketId,
        category: Category,
        channel: Channel,
    },
    /// One of my tickets breaches its SLA within the lead time.
    SlaSoon {
        ticket_id: TicketId,
        category: Category,
        channel: Channel,
        due_at: Millis,
    },
    /// A public reply I queued came back held: someone wrote since I drafted it.
    NeedsAttention {
        ticket_id: TicketId,
        /// The queued edit, only to tell one held reply from the next; never shown.
        edit_id: String,
    },
}

impl Alert {
    /// The event this alert announces, stable across resyncs and restarts: the alert log
    /// records it so the same event never notifies twice.
    ///
    /// A ticket is urgent once (re-sent copies of it are the same event); an SLA warning is
    /// per due time (a new customer message moves the deadline, which is a new event); a held
    /// reply is per queued edit.
    pub fn key(&self) -> String {
        match self {
            Alert::UrgentTicket { ticket_id, .. } => format!("urgent:{ticket_id}"),
            Alert::SlaSoon {
                ticket_id, due_at, ..
            } => format!("sla:{ticket_id}:{due_at}"),
            Alert::NeedsAttention { edit_id, .. } => format!("attention:{edit_id}"),
        }
    }

    pub fn ticket_id(&self) -> TicketId {
        match self {
            Alert::UrgentTicket { ticket_id, .. }
            | Alert::SlaSoon { ticket_id, .. }
            | Alert::NeedsAttention { ticket_id, .. } => *ticket_id,
        }
    }

    /// Whether this is a security or fraud case: it may break through quiet hours and is
    /// shown with critical urgency.
    pub fn is_urgent(&self) -> bool {
        matches!(self, Alert::UrgentTicket { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_name_the_event_not_the_delivery() {
        let urgent = Alert::UrgentTicket {
            ticket_id: 1234,
            category: Category::Fraud,
            channel: Channel::WebChat,
        };
        let moved = Alert::UrgentTicket {
            ticket_id: 1234,
            category: Category::AccountSecurity,
            channel: Channel::Email,
        };
        assert_eq!(urgent.key(), "urgent:1234");
        assert_eq!(
            urgent.key(),
            moved.key(),
            "a recategorised urgent ticket is still the same urgent ticket"
        );
        let sla = |due_at| Alert::SlaSoon {
            ticket_id: 7,
            category: Category::TopUp,
            channel: Channel::Email,
            due_at,
        };
        assert_eq!(sla(1_000).key(), "sla:7:1000");
        assert_ne!(
            sla(1_000).key(),
            sla(2_000).key(),
            "a moved deadline is a new warning"
        );
        let held = Alert::NeedsAttention {
            ticket_id: 7,
            edit_id: "e-1".into(),
        };
        assert_eq!(held.key(), "attention:e-1");
    }
}
