//! The durable outbox: every edit the agent made here, kept until the hub acknowledges it.
//! A row is written in the same transaction as the edit's effect on the local copy, so a crash
//! can never keep one without the other.

use desk_domain::{AttentionKind, Millis, TicketEdit, TicketId};
use rusqlite::{Connection, OptionalExtension, Row};

use super::tickets::bad_word;

pub(crate) const M_20261123_CREATE: &str = "
CREATE TABLE outbox (
    -- Send order, and (negated) the local id of a reply or note until the hub assigns one.
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    edit_id      TEXT NOT NULL UNIQUE,
    -- No foreign key: a ticket deleted on the hub leaves its edits here for the agent to see.
    ticket_id    INTEGER NOT NULL,
    base_version INTEGER NOT NULL,
    op           TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    state        TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'held', 'rejected')),
    reason       TEXT
) STRICT;
CREATE INDEX outbox_by_ticket ON outbox (ticket_id, state, seq);
CREATE INDEX outbox_by_state ON outbox (state, seq);
-- Tickets whose local copy must be fetched again from the hub: an edit shown here was held or
-- refused there, so the copy shows something the hub does not have.
CREATE TABLE refetch (
    ticket_id INTEGER PRIMARY KEY
) STRICT;
";

/// A queued edit as the sync engine sends it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedEdit {
    pub seq: i64,
    pub edit_id: String,
    pub ticket_id: TicketId,
    pub base_version: i64,
    pub edit: TicketEdit,
    pub created_at: Millis,
}

pub(crate) fn insert(
    conn: &Connection,
    edit_id: &str,
    ticket_id: TicketId,
    base_version: i64,
    edit: &TicketEdit,
    now: Millis,
) -> rusqlite::Result<i64> {
    let op = serde_json::to_string(edit)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))?;
    conn.prepare_cached(
        "INSERT INTO outbox (edit_id, ticket_id, base_version, op, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute((edit_id, ticket_id, base_version, op, now))?;
    Ok(conn.last_insert_rowid())
}

const COLUMNS: &str = "seq, edit_id, ticket_id, base_version, op, created_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<QueuedEdit> {
    let op: String = r.get(4)?;
    Ok(QueuedEdit {
        seq: r.get(0)?,
        edit_id: r.get(1)?,
        ticket_id: r.get(2)?,
        base_version: r.get(3)?,
        edit: serde_json::from_str(&op).map_err(|_| bad_word(4, "outbox op"))?,
        created_at: r.get(5)?,
    })
}

/// Queued edits in the order the agent made them.
pub(crate) fn queued(conn: &Connection, limit: u32) -> rusqlite::Result<Vec<QueuedEdit>> {
    let sql = format!("SELECT {COLUMNS} FROM outbox WHERE state = 'queued' ORDER BY seq LIMIT ?1");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([limit], from_row)?;
    rows.collect()
}

/// One ticket's queued edits, oldest first: what must be re-applied over the hub's copy.
pub(crate) fn queued_for(conn: &Connection, ticket: TicketId) -> rusqlite::Result<Vec<QueuedEdit>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM outbox WHERE ticket_id = ?1 AND state = 'queued' ORDER BY seq"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([ticket], from_row)?;
    rows.collect()
}

/// Which of `ids` have queued edits.
pub(crate) fn with_queued(
    conn: &Connection,
    ids: &[TicketId],
) -> rusqlite::Result<std::collections::HashSet<TicketId>> {
    conn.prepare_cached(
        "SELECT DISTINCT ticket_id FROM outbox
         WHERE state = 'queued' AND ticket_id IN (SELECT value FROM json_each(?1))",
    )?
    .query_map([super::id_list(ids)], |r| r.get(0))?
    .collect()
}

pub(crate) fn queued_count_for(conn: &Connection, ticket: TicketId) -> rusqlite::Result<u32> {
    conn.prepare_cached("SELECT count(*) FROM outbox WHERE ticket_id = ?1 AND state = 'queued'")?
        .query_row([ticket], |r| r.get(0))
}

pub(crate) fn get(
    conn: &Connection,
    edit_id: &str,
) -> rusqlite::Result<Option<(QueuedEdit, String)>> {
    let sql = format!("SELECT {COLUMNS}, state FROM outbox WHERE edit_id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([edit_id], |r| Ok((from_row(r)?, r.get(6)?)))
        .optional()
}

/// Counts of queued edits and of edits waiting for the agent.
pub(crate) fn counts(conn: &Connection) -> rusqlite::Result<(u32, u32)> {
    conn.prepare_cached(
        "SELECT coalesce(sum(state = 'queued'), 0), coalesce(sum(state <> 'queued'), 0) FROM outbox",
    )?
    .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
}

/// Removes an edit; true when it was there.
pub(crate) fn delete(conn: &Connection, edit_id: &str) -> rusqlite::Result<bool> {
    Ok(conn
        .prepare_cached("DELETE FROM outbox WHERE edit_id = ?1")?
        .execute([edit_id])?
        > 0)
}

/// Moves a queued edit to the agent's attention list; false when it was not queued (already
/// acknowledged or resolved, e.g. a duplicated response).
pub(crate) fn set_attention(
    conn: &Connection,
    edit_id: &str,
    kind: AttentionKind,
    reason: &str,
) -> rusqlite::Result<bool> {
    let state = match kind {
        AttentionKind::Held => "held",
        AttentionKind::Rejected => "rejected",
    };
    Ok(conn
        .prepare_cached(
            "UPDATE outbox SET state = ?2, reason = ?3 WHERE edit_id = ?1 AND state = 'queued'",
        )?
        .execute((edit_id, state, reason))?
        > 0)
}

/// Every queued edit of a ticket goes to the attention list (the ticket is gone on the hub).
pub(crate) fn reject_all_for(
    conn: &Connection,
    ticket: TicketId,
    reason: &str,
) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "UPDATE outbox SET state = 'rejected', reason = ?2 WHERE ticket_id = ?1 AND state = 'queued'",
    )?
    .execute((ticket, reason))
}

/// An edit waiting for the agent, with the ticket's subject when the replica still has it.
pub(crate) struct Waiting {
    pub edit: QueuedEdit,
    pub kind: AttentionKind,
    pub reason: String,
    pub subject: Option<String>,
}

/// Held and rejected edits, oldest first.
pub(crate) fn attention(conn: &Connection) -> rusqlite::Result<Vec<Waiting>> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.seq, o.edit_id, o.ticket_id, o.base_version, o.op, o.created_at, o.state,
                coalesce(o.reason, ''), t.subject
         FROM outbox o LEFT JOIN tickets t ON t.id = o.ticket_id
         WHERE o.state <> 'queued' ORDER BY o.seq",
    )?;
    let rows = stmt.query_map([], |r| {
        let state: String = r.get(6)?;
        let kind = match state.as_str() {
            "held" => AttentionKind::Held,
            "rejected" => AttentionKind::Rejected,
            other => return Err(bad_word(6, other)),
        };
        Ok(Waiting {
            edit: from_row(r)?,
            kind,
            reason: r.get(7)?,
            subject: r.get(8)?,
        })
    })?;
    rows.collect()
}

pub(crate) fn mark_refetch(conn: &Connection, ticket: TicketId) -> rusqlite::Result<()> {
    conn.prepare_cached("INSERT OR IGNORE INTO refetch (ticket_id) VALUES (?1)")?
        .execute([ticket])?;
    Ok(())
}

pub(crate) fn clear_refetch(conn: &Connection, ticket: TicketId) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM refetch WHERE ticket_id = ?1")?
        .execute([ticket])?;
    Ok(())
}

/// Which of `ids` are marked for a fresh copy.
pub(crate) fn marked_refetch(
    conn: &Connection,
    ids: &[TicketId],
) -> rusqlite::Result<std::collections::HashSet<TicketId>> {
    conn.prepare_cached(
        "SELECT ticket_id FROM refetch WHERE ticket_id IN (SELECT value FROM json_each(?1))",
    )?
    .query_map([super::id_list(ids)], |r| r.get(0))?
    .collect()
}

pub(crate) fn to_refetch(conn: &Connection) -> rusqlite::Result<Vec<TicketId>> {
    let mut stmt = conn.prepare_cached("SELECT ticket_id FROM refetch ORDER BY ticket_id")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    rows.collect()
}
