//! An agent's change to one ticket. The console applies it to its replica at once and queues
//! it; the hub applies it again when it arrives. Both sides use these words, so the op an agent
//! made offline is exactly the op the hub receives.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Agent, Category, Message, MessageKind, Millis, Priority, Status, TicketRecord};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TicketEdit {
    SetStatus {
        status: Status,
    },
    SetPriority {
        priority: Priority,
    },
    SetCategory {
        category: Category,
    },
    SetAssignee {
        assignee_id: Option<String>,
    },
    SetGroup {
        group_id: Option<String>,
    },
    AddTags {
        tags: Vec<String>,
    },
    RemoveTags {
        tags: Vec<String>,
    },
    /// A public answer to the customer.
    Reply {
        body: String,
    },
    /// An internal note.
    Note {
        body: String,
    },
}

/// The longest reply or note, in bytes; long enough for any answer, short enough that one
/// batch of edits stays well under the hub's body limit.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// Tags are short labels, not text.
pub const MAX_TAG_CHARS: usize = 64;

impl TicketEdit {
    /// Whether the op sends something to the customer: a stale one must not go out blind.
    pub fn is_reply(&self) -> bool {
        matches!(self, TicketEdit::Reply { .. })
    }

    /// Checks what can be checked without the ticket, so nonsense never enters the outbox.
    pub fn validate(&self) -> Result<(), String> {
        match self {
            TicketEdit::Reply { body } | TicketEdit::Note { body } => {
                if body.trim().is_empty() {
                    return Err("the message is empty".into());
                }
                if body.len() > MAX_BODY_BYTES {
                    return Err(format!(
                        "the message is {} bytes; the limit is {MAX_BODY_BYTES}",
                        body.len()
                    ));
                }
            }
            TicketEdit::AddTags { tags } | TicketEdit::RemoveTags { tags } => {
                if tags.is_empty() {
                    return Err("no tags given".into());
                }
                for t in tags {
                    let t = t.trim();
                    if t.is_empty() || t.chars().count() > MAX_TAG_CHARS {
                        return Err(format!("a tag must be 1 to {MAX_TAG_CHARS} characters"));
                    }
                }
            }
            TicketEdit::SetAssignee {
                assignee_id: Some(id),
            }
            | TicketEdit::SetGroup { group_id: Some(id) }
                if id.trim().is_empty() =>
            {
                return Err("an empty id; use null to clear".into());
            }
            _ => {}
        }
        Ok(())
    }

    /// Applies the op to a local copy, as the hub will: scalars are overwritten, tags merge as
    /// a set (trimmed, kept sorted), replies and notes append with the given local id. Returns
    /// whether anything changed.
    pub fn apply(
        &self,
        t: &mut TicketRecord,
        author: &Agent,
        message_id: i64,
        now: Millis,
    ) -> bool {
        fn set<T: PartialEq>(field: &mut T, value: T) -> bool {
            let changed = *field != value;
            *field = value;
            changed
        }
        let changed = match self {
            TicketEdit::SetStatus { status } => set(&mut t.status, *status),
            TicketEdit::SetPriority { priority } => set(&mut t.priority, *priority),
            TicketEdit::SetCategory { category } => set(&mut t.category, *category),
            TicketEdit::SetAssignee { assignee_id } => set(&mut t.assignee_id, assignee_id.clone()),
            TicketEdit::SetGroup { group_id } => set(&mut t.group_id, group_id.clone()),
            TicketEdit::AddTags { tags } => {
                let before = t.tags.len();
                for tag in tags.iter().map(|s| s.trim()) {
                    if !t.tags.iter().any(|x| x == tag) {
                        t.tags.push(tag.to_string());
                    }
                }
                t.tags.sort();
                t.tags.len() != before
            }
            TicketEdit::RemoveTags { tags } => {
                let before = t.tags.len();
                t.tags.retain(|x| !tags.iter().any(|r| r.trim() == x));
                t.tags.len() != before
            }
            TicketEdit::Reply { body } | TicketEdit::Note { body } => {
                let kind = if self.is_reply() {
                    MessageKind::Reply
                } else {
                    MessageKind::Note
                };
                t.messages.push(Message {
                    id: message_id,
                    ticket_id: t.id,
                    kind,
                    author: author.name.clone(),
                    body: body.clone(),
                    channel: t.channel,
                    created_at: now,
                    html: None,
                    attachments: vec![],
                    device: None,
                });
                true
            }
        };
        if changed {
            t.updated_at = t.updated_at.max(now);
        }
        changed
    }
}
