//! The hub's storage, behind one trait so the HTTP layer does not care which database holds the
//! tickets (Atuin's `Database` shape). SQLite, embedded, is the default and only backend today.
//!
//! Every method is async and must not block the runtime: the SQLite backend sends writes to its
//! writer thread and runs reads on the blocking pool.

use std::future::Future;

use desk_domain::{Agent, Group, Millis, TicketId, TicketRecord};
use desk_wire::{
    BootstrapPage, ChangesPage, Edit, EditResult, HubTicket, IntakeMessage, IntakeResult,
};

pub mod sqlite;

pub use sqlite::SqliteStore;

/// Storage failures. Each says whether retrying can help, so callers know whether to keep a
/// request for later or tell the agent.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    /// Busy beyond the timeout, or shutting down.
    #[error("the hub database is unavailable: {0}")]
    Unavailable(String),
    #[error("database failure: {0}")]
    Internal(String),
}

impl StoreError {
    pub fn retry_helps(&self) -> bool {
        matches!(self, StoreError::Unavailable(_))
    }
}

/// An agent as stored for sign-in: the password hash never leaves the hub.
#[derive(Clone)]
pub struct AgentCredentials {
    pub agent: Agent,
    pub password_hash: String,
}

/// A new agent; `password_hash` is a PHC string from [`crate::password::hash`].
#[derive(Clone)]
pub struct NewAgent {
    pub agent: Agent,
    pub email: Option<String>,
    pub password_hash: String,
}

/// How a sign-in names the agent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginName {
    AgentId(String),
    Email(String),
}

/// Where a bootstrap continues: after this ticket id, within this snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BootstrapCursor {
    pub after_id: i64,
    pub snapshot_seq: i64,
}

/// What the hub knows about a ticket id. Removed tickets are remembered (through their feed
/// entries), so callers can say "merged into 12" rather than a bare "not found".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TicketState {
    Live(Box<HubTicket>),
    Deleted,
    Merged {
        into: TicketId,
    },
    /// Never existed on this hub.
    Unknown,
}

impl TicketState {
    /// Why there is no live ticket, in words an agent can act on; `None` when it is live.
    pub fn absence(&self, id: TicketId) -> Option<String> {
        match self {
            TicketState::Live(_) => None,
            TicketState::Deleted => Some(format!("ticket {id} was deleted")),
            TicketState::Merged { into } => Some(format!("ticket {id} was merged into {into}")),
            TicketState::Unknown => Some(format!("ticket {id} does not exist")),
        }
    }
}

/// A write's effect on the change feed: the newest seq it produced, if it changed anything.
pub type FeedAdvance = Option<i64>;

pub trait HubStore: Send + Sync + 'static {
    /// Adds a group unless one with that id exists.
    fn add_group(&self, group: Group) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Adds an agent, or replaces the name, email, group and password of an existing one.
    fn add_agent(&self, agent: NewAgent) -> impl Future<Output = Result<(), StoreError>> + Send;

    fn credentials(
        &self,
        name: LoginName,
    ) -> impl Future<Output = Result<Option<AgentCredentials>, StoreError>> + Send;

    /// Stores a session by the hash of its token.
    fn create_session(
        &self,
        token_hash: String,
        agent_id: String,
        now: Millis,
        expires_at: Millis,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// The agent a live (unexpired) session belongs to.
    fn session_agent(
        &self,
        token_hash: String,
        now: Millis,
    ) -> impl Future<Output = Result<Option<Agent>, StoreError>> + Send;

    fn delete_session(
        &self,
        token_hash: String,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Files one customer message: joins an existing ticket or opens a new one.
    fn intake(
        &self,
        message: IntakeMessage,
        now: Millis,
    ) -> impl Future<Output = Result<(IntakeResult, FeedAdvance), StoreError>> + Send;

    /// Applies each edit exactly once, in order, with a result per edit.
    fn apply_edits(
        &self,
        agent: Agent,
        edits: Vec<Edit>,
        now: Millis,
    ) -> impl Future<Output = Result<(Vec<EditResult>, FeedAdvance), StoreError>> + Send;

    fn bootstrap(
        &self,
        cursor: Option<BootstrapCursor>,
        limit: u32,
    ) -> impl Future<Output = Result<BootstrapPage, StoreError>> + Send;

    fn changes(
        &self,
        after: i64,
        limit: u32,
    ) -> impl Future<Output = Result<ChangesPage, StoreError>> + Send;

    /// The newest seq in the feed, 0 when empty.
    fn latest_seq(&self) -> impl Future<Output = Result<i64, StoreError>> + Send;

    /// One ticket as it is now, or why it is gone.
    fn ticket(&self, id: TicketId) -> impl Future<Output = Result<TicketState, StoreError>> + Send;

    /// Up to `limit` tickets still in play (new, open, pending, on hold), most recently
    /// updated first: where customers' follow-ups land.
    fn active_ticket_ids(
        &self,
        limit: u32,
    ) -> impl Future<Output = Result<Vec<TicketId>, StoreError>> + Send;

    /// Deletes the ticket with its thread, tags and payment references, and records a
    /// `deleted` change. `NotFound` when it is not live.
    fn delete_ticket(
        &self,
        id: TicketId,
        now: Millis,
    ) -> impl Future<Output = Result<FeedAdvance, StoreError>> + Send;

    /// Moves `source`'s messages, tags, payment references and channel threads into `into`,
    /// removes `source`, and records `merged` for it, then an upsert of `into` (one version
    /// up). Returns the target as it is now. `NotFound` for a missing source, `Invalid` for a
    /// missing target or a merge into itself.
    fn merge_tickets(
        &self,
        source: TicketId,
        into: TicketId,
        now: Millis,
    ) -> impl Future<Output = Result<(HubTicket, FeedAdvance), StoreError>> + Send;

    /// Every agent (no emails, no hashes) and group.
    fn team(&self) -> impl Future<Output = Result<desk_wire::Team, StoreError>> + Send;

    /// A value the hub keeps about itself (e.g. that the demo was imported), by key.
    fn meta(&self, key: String) -> impl Future<Output = Result<Option<String>, StoreError>> + Send;

    fn set_meta(
        &self,
        key: String,
        value: String,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Loads ready-made tickets (the demo generator's), each as version 1 with a feed entry.
    /// Returns how many were inserted; ids that exist or once existed are skipped, so a
    /// deleted or merged demo ticket does not come back.
    fn import_tickets(
        &self,
        tickets: Vec<TicketRecord>,
    ) -> impl Future<Output = Result<(usize, FeedAdvance), StoreError>> + Send;
}

impl BootstrapCursor {
    /// Opaque to clients; the format may change between hub versions.
    pub fn encode(self) -> String {
        format!("{}.{}", self.after_id, self.snapshot_seq)
    }

    pub fn decode(s: &str) -> Option<Self> {
        let (after_id, snapshot_seq) = s.split_once('.')?;
        Some(Self {
            after_id: after_id.parse().ok().filter(|v: &i64| *v >= 0)?,
            snapshot_seq: snapshot_seq.parse().ok().filter(|v: &i64| *v >= 0)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_garbage_is_refused() {
        let c = BootstrapCursor {
            after_id: 42,
            snapshot_seq: 7,
        };
        assert_eq!(BootstrapCursor::decode(&c.encode()), Some(c));
        for bad in ["", "42", "a.b", "-1.3", "1.2.3", "9999999999999999999999.1"] {
            assert_eq!(BootstrapCursor::decode(bad), None, "{bad:?} must not parse");
        }
    }
}
