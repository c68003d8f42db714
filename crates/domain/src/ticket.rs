//! Tickets, their threads and the people around them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::vocabulary::string_enum;
use crate::{Category, Channel, Millis};

/// The hub's ticket number. Agents say "ticket 10234", so it is also what the UI shows.
pub type TicketId = i64;

string_enum!(
    /// Ordered from least to most pressing, so `Ord` sorts a queue the way agents work it.
    Priority, as_str, parse { Low = "low", Normal = "normal", High = "high", Urgent = "urgent" }
);

string_enum!(
    /// The ticket lifecycle. `Pending` means waiting on the customer; `OnHold` waiting on a
    /// third party (bank, card scheme, security team).
    Status, as_str, parse {
        New = "new",
        Open = "open",
        Pending = "pending",
        OnHold = "on_hold",
        Solved = "solved",
        Closed = "closed",
    }
);

string_enum!(
    /// Who wrote a message and who may see it.
    MessageKind, as_str, parse {
        /// Written by the customer, through the ticket's channel.
        Customer = "customer",
        /// An agent's answer, sent to the customer.
        Reply = "reply",
        /// An agent's internal note; never shown to the customer.
        Note = "note",
    }
);

string_enum!(
    /// The customer's KYC state, which decides what an agent may do for them.
    Verification, as_str, parse {
        Unverified = "unverified",
        Pending = "pending",
        Verified = "verified",
        Rejected = "rejected",
    }
);

impl Priority {
    /// Dense rank used as the stored sort key (0 = low .. 3 = urgent).
    pub fn rank(self) -> i64 {
        self as i64
    }

    pub fn from_rank(rank: i64) -> Option<Self> {
        Self::ALL.get(usize::try_from(rank).ok()?).copied()
    }
}

impl Status {
    /// Statuses in which the ticket still needs an agent.
    pub fn is_active(self) -> bool {
        matches!(self, Status::New | Status::Open | Status::OnHold)
    }

    /// Statuses in which the SLA clock runs: the ball is in our court.
    pub fn sla_clock_runs(self) -> bool {
        matches!(self, Status::New | Status::Open)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Customer {
    pub id: String,
    /// The e-wallet account the customer writes about.
    pub wallet_account_id: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub verification: Verification,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Group {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Agent {
    pub id: String,
    pub name: String,
    pub group_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Message {
    pub id: i64,
    pub ticket_id: TicketId,
    pub kind: MessageKind,
    /// Display name of the customer or agent who wrote it.
    pub author: String,
    /// Untrusted text exactly as received; the UI renders it as text, never as HTML.
    pub body: String,
    pub channel: Channel,
    #[ts(type = "number")]
    pub created_at: Millis,
    // The parts below are optional in TypeScript too: a thread built before they existed (a
    // queued edit's copy, an older hub's feed) has none, and UI code must not assume them.
    /// An email's HTML part, untrusted and exactly as received. The UI shows it only
    /// sanitized, in a sandboxed frame where no script runs; `body` is its text part.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub html: Option<String>,
    /// Files sent with the message (in-app feedback screenshots, email attachments).
    #[serde(default)]
    #[ts(as = "Option<Vec<Attachment>>", optional)]
    pub attachments: Vec<Attachment>,
    /// The device in-app feedback came from; technical cases need it first.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub device: Option<DeviceInfo>,
}

/// A file sent with a message. Only small images travel with their bytes (so a screenshot
/// shows offline); every other file is known by name and size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Attachment {
    /// The sender's file name: untrusted text.
    pub name: String,
    /// The declared MIME type, lower-cased; untrusted, so the UI shows bytes as an image only
    /// for the image types it allows.
    pub content_type: String,
    #[ts(type = "number")]
    pub size: u64,
    /// Standard base64 of the bytes, for small images only.
    #[serde(default)]
    pub data_b64: Option<String>,
}

/// The device, OS and app version in-app feedback reports about itself: untrusted text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeviceInfo {
    pub device: String,
    pub os_version: String,
    pub app_version: String,
}

/// Image types whose bytes travel with a message and that the UI may show as an image.
/// Nothing that can carry script (SVG) or that browsers sniff oddly is on the list.
pub const INLINE_IMAGE_TYPES: [&str; 4] = ["image/png", "image/jpeg", "image/webp", "image/gif"];

/// The largest image kept inline with a message, decoded: a phone screenshot, compressed.
pub const MAX_INLINE_IMAGE_BYTES: u64 = 1024 * 1024;

impl Attachment {
    /// Whether the bytes may travel with the message and show as an image.
    pub fn inline_image(content_type: &str, size: u64) -> bool {
        INLINE_IMAGE_TYPES.contains(&content_type) && size <= MAX_INLINE_IMAGE_BYTES
    }
}

/// One row of the inbox: everything the list shows, nothing it does not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TicketSummary {
    pub id: TicketId,
    pub subject: String,
    pub status: Status,
    pub priority: Priority,
    pub category: Category,
    pub channel: Channel,
    pub urgent: bool,
    pub customer_name: String,
    pub assignee_id: Option<String>,
    pub group_id: Option<String>,
    /// The start of the latest message, for the second line of a row.
    pub preview: String,
    #[ts(type = "number")]
    pub updated_at: Millis,
    #[ts(type = "number | null")]
    pub sla_due_at: Option<Millis>,
}

/// A ticket as it is replicated: the hub's state of one ticket, its customer and its thread.
/// The hub's bootstrap and the demo generator produce these; the store persists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TicketRecord {
    pub id: TicketId,
    pub subject: String,
    pub status: Status,
    pub priority: Priority,
    pub category: Category,
    pub channel: Channel,
    pub assignee_id: Option<String>,
    pub group_id: Option<String>,
    pub tags: Vec<String>,
    /// Payment or transaction references the ticket is about.
    pub transaction_refs: Vec<String>,
    #[ts(type = "number")]
    pub created_at: Millis,
    #[ts(type = "number")]
    pub updated_at: Millis,
    pub customer: Customer,
    /// The thread, oldest first.
    pub messages: Vec<Message>,
    /// Why the hub filed the ticket as it did, when triage filed it (not for imports).
    #[serde(default)]
    pub triage: Option<TriageNote>,
}

string_enum!(
    /// What decided a ticket's triage.
    TriageSource, as_str, parse {
        /// The model, with no rule changing anything.
        Model = "model",
        /// An admin rule set the category.
        Rule = "rule",
        /// The model chose the category; a rule forced urgency or the group.
        ModelAndRule = "model_and_rule",
    }
);

/// Why a new ticket got its category, urgency and group: shown to agents so they can trust
/// or correct it, and so admins can see which rule fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TriageNote {
    pub source: TriageSource,
    /// The rule's name, when a rule decided.
    pub rule: Option<String>,
    /// The model's probability for the category, in thousandths (an integer keeps records
    /// comparable), when the model decided.
    pub score_permille: Option<u16>,
    /// What triage decided; agents may have changed the ticket since.
    pub category: Category,
    pub urgent: bool,
    pub group_id: Option<String>,
}

impl TicketRecord {
    /// Security and fraud cases, whatever priority someone gave them.
    pub fn is_urgent(&self) -> bool {
        self.category.is_urgent()
    }

    /// The oldest customer message that no public reply has answered yet.
    pub fn waiting_since(&self) -> Option<Millis> {
        let mut since = None;
        for m in &self.messages {
            match m.kind {
                MessageKind::Customer if since.is_none() => since = Some(m.created_at),
                MessageKind::Reply => since = None,
                _ => {}
            }
        }
        since
    }

    pub fn sla_due_at(&self) -> Option<Millis> {
        crate::sla_due_at(
            self.status,
            self.channel,
            self.priority,
            self.waiting_since(),
        )
    }
}

/// The on-device model's reading of a ticket, offered to the agent next to the category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CategorySuggestion {
    pub category: Category,
    pub urgent: bool,
    /// The model's probability, in thousandths.
    pub confidence_permille: u16,
}

/// A ticket with its whole thread and customer, for the ticket view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TicketDetail {
    #[serde(flatten)]
    pub record: TicketRecord,
    pub urgent: bool,
    #[ts(type = "number | null")]
    pub sla_due_at: Option<Millis>,
    /// The hub's version this copy builds on; 0 for a ticket the hub has not sent.
    #[ts(type = "number")]
    pub version: i64,
    /// Edits made here that the hub has not acknowledged; their effects are already shown.
    /// Messages with a negative id are such edits' replies and notes.
    pub queued: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priority_rank_orders_urgent_last_and_round_trips() {
        assert!(Priority::Urgent > Priority::High && Priority::High > Priority::Normal);
        for p in Priority::ALL {
            assert_eq!(Priority::from_rank(p.rank()), Some(*p));
        }
        assert_eq!(Priority::from_rank(4), None);
        assert_eq!(Priority::from_rank(-1), None);
    }

    #[test]
    fn sla_clock_stops_while_waiting_on_customer() {
        assert!(Status::Open.sla_clock_runs());
        assert!(
            !Status::Pending.sla_clock_runs(),
            "pending means the customer owes us an answer"
        );
        assert!(!Status::Solved.sla_clock_runs());
    }

    fn message(kind: MessageKind, at: Millis) -> Message {
        Message {
            id: at,
            ticket_id: 1,
            kind,
            author: "x".into(),
            body: "b".into(),
            channel: Channel::Email,
            created_at: at,
            html: None,
            attachments: vec![],
            device: None,
        }
    }

    #[test]
    fn waiting_since_is_the_oldest_unanswered_customer_message() {
        let mut t = TicketRecord {
            id: 1,
            subject: "s".into(),
            status: Status::Open,
            priority: Priority::Normal,
            category: Category::TopUp,
            channel: Channel::Email,
            assignee_id: None,
            group_id: None,
            tags: vec![],
            transaction_refs: vec![],
            created_at: 0,
            updated_at: 0,
            customer: Customer {
                id: "c".into(),
                wallet_account_id: "w".into(),
                name: "n".into(),
                email: None,
                phone: None,
                country: "CN".into(),
                verification: Verification::Verified,
            },
            messages: vec![
                message(MessageKind::Customer, 10),
                message(MessageKind::Customer, 20),
            ],
            triage: None,
        };
        assert_eq!(
            t.waiting_since(),
            Some(10),
            "the clock starts at the first unanswered message"
        );
        t.messages.push(message(MessageKind::Note, 30));
        assert_eq!(
            t.waiting_since(),
            Some(10),
            "an internal note does not answer the customer"
        );
        t.messages.push(message(MessageKind::Reply, 40));
        assert_eq!(t.waiting_since(), None);
        t.messages.push(message(MessageKind::Customer, 50));
        assert_eq!(
            t.waiting_since(),
            Some(50),
            "a follow-up restarts the clock"
        );
        assert_eq!(t.sla_due_at(), Some(50 + 24 * 60 * 60_000));
    }

    #[test]
    fn serialized_words_match_stored_words() {
        for s in Status::ALL {
            let json = serde_json::to_string(s).unwrap();
            assert_eq!(
                json,
                format!("\"{}\"", s.as_str()),
                "IPC and SQLite must use one spelling"
            );
            assert_eq!(Status::parse(s.as_str()), Some(*s));
        }
    }
}
