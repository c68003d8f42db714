//! The embedded backend: one SQLite file, one writer thread, pooled readers on the blocking
//! pool. Multi-statement operations (intake, each edit) run in one transaction on the writer,
//! so a failure leaves nothing half-stored.

use std::path::Path;

use desk_domain::{Agent, Group, Millis, TicketId, TicketRecord};
use desk_sqlite::{Gone, OpenError, Readers, Writer};
use desk_wire::{
    BootstrapPage, ChangesPage, Edit, EditResult, HubTicket, IntakeMessage, IntakeResult,
};

use super::{
    AgentCredentials, BootstrapCursor, FeedAdvance, HubStore, LoginName, NewAgent, StoreError,
    TicketState,
};

mod edits;
mod feed;
mod import;
mod intake;
mod migrations;
mod removal;
mod tables;

use tables::{changes, meta, sessions, team, tickets};

#[derive(Clone)]
pub struct SqliteStore {
    writer: Writer,
    readers: Readers,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and migrates it to the latest schema.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Ok(Self {
            writer: Writer::start(path, &migrations::all(), "hub-writer")?,
            readers: Readers::new(path),
        })
    }
}

/// Busy and locked mean another process holds the file (a backup, an admin's sqlite3 shell):
/// worth retrying. Anything else is a bug or a broken database.
pub(super) fn sql_error(e: rusqlite::Error) -> StoreError {
    if desk_sqlite::is_busy(&e) {
        StoreError::Unavailable(e.to_string())
    } else {
        StoreError::Internal(e.to_string())
    }
}

impl From<Gone> for StoreError {
    fn from(e: Gone) -> Self {
        StoreError::Unavailable(e.0.to_string())
    }
}

impl From<OpenError> for StoreError {
    fn from(e: OpenError) -> Self {
        match e {
            OpenError::Sqlite(e) => sql_error(e),
            other => StoreError::Internal(other.to_string()),
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        sql_error(e)
    }
}

impl HubStore for SqliteStore {
    async fn add_group(&self, group: Group) -> Result<(), StoreError> {
        self.writer
            .call(move |conn| Ok(team::upsert_group(conn, &group)?))
            .await
    }

    async fn add_agent(&self, agent: NewAgent) -> Result<(), StoreError> {
        self.writer
            .call(move |conn| {
                if let Some(g) = &agent.agent.group_id {
                    if !team::group_exists(conn, g)? {
                        return Err(StoreError::Invalid(format!("no group '{g}'")));
                    }
                }
                Ok(team::upsert_agent(conn, &agent)?)
            })
            .await
    }

    async fn credentials(&self, name: LoginName) -> Result<Option<AgentCredentials>, StoreError> {
        self.readers
            .read(move |conn| Ok(team::credentials(conn, &name)?))
            .await
    }

    async fn create_session(
        &self,
        token_hash: String,
        agent_id: String,
        now: Millis,
        expires_at: Millis,
    ) -> Result<(), StoreError> {
        self.writer
            .call(move |conn| {
                Ok(sessions::insert(
                    conn,
                    &token_hash,
                    &agent_id,
                    now,
                    expires_at,
                )?)
            })
            .await
    }

    async fn session_agent(
        &self,
        token_hash: String,
        now: Millis,
    ) -> Result<Option<Agent>, StoreError> {
        self.readers
            .read(move |conn| Ok(sessions::agent(conn, &token_hash, now)?))
            .await
    }

    async fn delete_session(&self, token_hash: String) -> Result<(), StoreError> {
        self.writer
            .call(move |conn| Ok(sessions::delete(conn, &token_hash)?))
            .await
    }

    async fn intake(
        &self,
        message: IntakeMessage,
        now: Millis,
    ) -> Result<(IntakeResult, FeedAdvance), StoreError> {
        self.writer
            .call(move |conn| intake::file(conn, &message, now))
            .await
    }

    async fn apply_edits(
        &self,
        agent: Agent,
        edits: Vec<Edit>,
        now: Millis,
    ) -> Result<(Vec<EditResult>, FeedAdvance), StoreError> {
        self.writer
            .call(move |conn| Ok(edits::apply_batch(conn, &agent, edits, now)))
            .await
    }

    async fn bootstrap(
        &self,
        cursor: Option<BootstrapCursor>,
        limit: u32,
    ) -> Result<BootstrapPage, StoreError> {
        self.readers
            .read(move |conn| feed::bootstrap(conn, cursor, limit))
            .await
    }

    async fn changes(&self, after: i64, limit: u32) -> Result<ChangesPage, StoreError> {
        self.readers
            .read(move |conn| feed::changes(conn, after, limit))
            .await
    }

    async fn latest_seq(&self) -> Result<i64, StoreError> {
        self.readers
            .read(|conn| Ok(changes::latest_seq(conn)?))
            .await
    }

    async fn ticket(&self, id: TicketId) -> Result<TicketState, StoreError> {
        self.readers
            .read(move |conn| removal::state(conn, id))
            .await
    }

    async fn active_ticket_ids(&self, limit: u32) -> Result<Vec<TicketId>, StoreError> {
        self.readers
            .read(move |conn| Ok(tickets::active_ids(conn, limit)?))
            .await
    }

    async fn delete_ticket(&self, id: TicketId, now: Millis) -> Result<FeedAdvance, StoreError> {
        self.writer
            .call(move |conn| removal::delete(conn, id, now))
            .await
    }

    async fn merge_tickets(
        &self,
        source: TicketId,
        into: TicketId,
        now: Millis,
    ) -> Result<(HubTicket, FeedAdvance), StoreError> {
        self.writer
            .call(move |conn| removal::merge(conn, source, into, now))
            .await
    }

    async fn team(&self) -> Result<desk_wire::Team, StoreError> {
        self.readers
            .read(|conn| {
                Ok(desk_wire::Team {
                    agents: team::agents(conn)?,
                    groups: team::groups(conn)?,
                })
            })
            .await
    }

    async fn meta(&self, key: String) -> Result<Option<String>, StoreError> {
        self.readers
            .read(move |conn| Ok(meta::get(conn, &key)?))
            .await
    }

    async fn set_meta(&self, key: String, value: String) -> Result<(), StoreError> {
        self.writer
            .call(move |conn| Ok(meta::set(conn, &key, &value)?))
            .await
    }

    async fn import_tickets(
        &self,
        tickets: Vec<TicketRecord>,
    ) -> Result<(usize, FeedAdvance), StoreError> {
        self.writer
            .call(move |conn| import::tickets(conn, &tickets))
            .await
    }
}
