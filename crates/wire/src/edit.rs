//! Agents' changes to tickets, sent in batches from the console's durable outbox. Every edit
//! carries a client-made id so a retried batch is applied exactly once.

use desk_domain::TicketId;

/// The op itself is domain vocabulary: the console applies the same op to its replica.
pub use desk_domain::TicketEdit as EditOp;
use serde::{Deserialize, Serialize};

use crate::HubErrorCode;

/// A console flushes its outbox in batches no larger than this.
pub const MAX_EDITS_PER_BATCH: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct Edit {
    /// A UUID made by the console when the agent acted; stable across retries.
    pub edit_id: String,
    #[cfg_attr(feature = "utoipa", schema(value_type = i64))]
    pub ticket_id: TicketId,
    /// The ticket version the agent saw when acting.
    pub base_version: i64,
    /// Tagged by `kind`: set_status, set_priority, set_category, set_assignee, set_group,
    /// add_tags, remove_tags, reply, note (see desk_domain::TicketEdit).
    #[cfg_attr(feature = "utoipa", schema(value_type = Object))]
    pub op: EditOp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct EditBatch {
    pub edits: Vec<Edit>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum EditOutcome {
    /// Applied now; the ticket is at `version`.
    Applied { version: i64 },
    /// This edit id was applied before; nothing happened again. `version` is the one the first
    /// application produced.
    Duplicate { version: i64 },
    /// Not applied: a reply written against an old version while the customer or another agent
    /// wrote since. The console shows it as "needs attention" and does not send it.
    Held { reason: String, server_version: i64 },
    /// Not applied and never will be as sent.
    Rejected { code: HubErrorCode, message: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct EditResult {
    pub edit_id: String,
    #[serde(flatten)]
    pub outcome: EditOutcome,
}

#[cfg(test)]
mod tests {
    use super::*;
    use desk_domain::Status;

    #[test]
    fn ops_and_outcomes_are_tagged() {
        let e: Edit = serde_json::from_value(serde_json::json!({
            "edit_id": "e1", "ticket_id": 1, "base_version": 2,
            "op": {"kind": "set_status", "status": "pending"}
        }))
        .unwrap();
        assert_eq!(
            e.op,
            EditOp::SetStatus {
                status: Status::Pending
            }
        );
        let r = EditResult {
            edit_id: "e1".into(),
            outcome: EditOutcome::Held {
                reason: "r".into(),
                server_version: 4,
            },
        };
        assert_eq!(
            serde_json::to_value(&r).unwrap(),
            serde_json::json!({"edit_id": "e1", "outcome": "held", "reason": "r", "server_version": 4})
        );
    }
}
