//! Every edit id the hub has answered, with its answer, so a retried edit is applied once and
//! gets the same answer again (Atuin's unique key plus ON CONFLICT DO NOTHING). Ids belong to
//! the agent who first sent them.

use desk_domain::{Millis, TicketId};
use desk_wire::EditOutcome;
use rusqlite::{params, Connection, OptionalExtension};

pub(crate) const M_20261122_CREATE: &str = "
CREATE TABLE applied_edits (
    edit_id    TEXT PRIMARY KEY,
    agent_id   TEXT NOT NULL,
    ticket_id  INTEGER NOT NULL,
    -- The EditOutcome as JSON, returned again on retry.
    outcome    TEXT NOT NULL,
    applied_at INTEGER NOT NULL
) STRICT;
";

pub(crate) struct Answered {
    pub agent_id: String,
    pub outcome: EditOutcome,
}

pub(crate) fn get(conn: &Connection, edit_id: &str) -> rusqlite::Result<Option<Answered>> {
    conn.prepare_cached("SELECT agent_id, outcome FROM applied_edits WHERE edit_id = ?1")?
        .query_row([edit_id], |r| {
            let json: String = r.get(1)?;
            let outcome = serde_json::from_str(&json).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, e.into())
            })?;
            Ok(Answered {
                agent_id: r.get(0)?,
                outcome,
            })
        })
        .optional()
}

/// Returns false when the id was already taken, in which case nothing was written.
pub(crate) fn insert(
    conn: &Connection,
    edit_id: &str,
    agent_id: &str,
    ticket: TicketId,
    outcome: &EditOutcome,
    at: Millis,
) -> rusqlite::Result<bool> {
    let json = serde_json::to_string(outcome)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))?;
    let n = conn
        .prepare_cached(
            "INSERT INTO applied_edits (edit_id, agent_id, ticket_id, outcome, applied_at)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (edit_id) DO NOTHING",
        )?
        .execute(params![edit_id, agent_id, ticket, json, at])?;
    Ok(n == 1)
}
