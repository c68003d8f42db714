//! What the console tells its UI about replication: whether the hub is reachable, how much is
//! queued, and which queued edits need the agent's decision.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Millis, TicketEdit, TicketId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Connectivity {
    /// The last exchange with the hub worked and the live stream is open.
    Online,
    /// Trying to reach the hub (first start, or after a failure, before giving up on this try).
    Connecting,
    /// The hub cannot be reached; edits queue locally and are sent when it can.
    Offline,
    /// The agent chose to work offline; nothing is sent until they switch back.
    Paused,
    /// No hub is configured: a local-only workspace.
    Local,
    /// The hub ended the session (or nobody signed in yet): nothing syncs until the agent
    /// signs in again. Edits keep queuing in the replica.
    SignedOut,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncStatus {
    pub connectivity: Connectivity,
    /// Edits made here that the hub has not acknowledged yet.
    pub queued: u32,
    /// Held or rejected edits waiting for the agent.
    pub needs_attention: u32,
    /// The first copy's progress while it is being fetched.
    pub bootstrap: Option<Progress>,
    /// The latest failure, in words for the agent (no personal data).
    pub last_error: Option<String>,
    /// When the replica last caught up with the hub.
    #[ts(type = "number | null")]
    pub last_synced_at: Option<Millis>,
    /// When the next attempt is due while offline.
    #[ts(type = "number | null")]
    pub retry_at: Option<Millis>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AttentionKind {
    /// A reply the hub held because the customer or another agent wrote since it was drafted.
    Held,
    /// An edit the hub refused (the ticket is gone, an agent no longer exists, ...).
    Rejected,
}

/// A queued edit the hub did not apply. It stays until the agent sends it again or drops it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AttentionItem {
    pub edit_id: String,
    pub ticket_id: TicketId,
    /// The ticket's subject, so the list reads without opening each ticket.
    pub subject: String,
    pub edit: TicketEdit,
    pub kind: AttentionKind,
    /// The hub's explanation.
    pub reason: String,
    #[ts(type = "number")]
    pub created_at: Millis,
}

/// What the agent decided about an [`AttentionItem`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// Queue it again against the ticket as it is now (a held reply: "send anyway").
    Resend,
    /// Drop it; the ticket shows the hub's state again.
    Discard,
}
