//! The change feed: one row per ticket change, in commit order. A row holds only what the feed
//! needs to name the change; upserts are served with the ticket's current state, read in the
//! same snapshot as the page.

use desk_domain::{Millis, TicketId};
use rusqlite::{params, Connection, OptionalExtension};

pub(crate) const M_20261122_CREATE: &str = "
CREATE TABLE changes (
    -- AUTOINCREMENT: a seq is never reused, even after the newest rows are deleted, so a
    -- replica's cursor can never skip a later change that reuses its number.
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id   INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('upsert', 'deleted', 'merged')),
    merged_into INTEGER,
    -- The ticket version this change produced (upserts).
    version     INTEGER,
    at          INTEGER NOT NULL,
    CHECK ((kind = 'merged') = (merged_into IS NOT NULL))
) STRICT;
CREATE INDEX changes_ticket ON changes (ticket_id);
";

pub(crate) enum StoredKind {
    Upsert,
    Deleted,
    Merged(TicketId),
}

pub(crate) struct StoredChange {
    pub seq: i64,
    pub ticket_id: TicketId,
    pub kind: StoredKind,
}

/// Records that the ticket now is at `version`; returns the new seq.
pub(crate) fn record_upsert(
    conn: &Connection,
    ticket: TicketId,
    version: i64,
    at: Millis,
) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "INSERT INTO changes (ticket_id, kind, version, at) VALUES (?1, 'upsert', ?2, ?3) RETURNING seq",
    )?
    .query_row(params![ticket, version, at], |r| r.get(0))
}

pub(crate) fn latest_seq(conn: &Connection) -> rusqlite::Result<i64> {
    conn.prepare_cached("SELECT coalesce(max(seq), 0) FROM changes")?
        .query_row([], |r| r.get(0))
}

/// Up to `limit` changes after `after`, oldest first.
pub(crate) fn after(
    conn: &Connection,
    after: i64,
    limit: u32,
) -> rusqlite::Result<Vec<StoredChange>> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, ticket_id, kind, merged_into FROM changes WHERE seq > ?1 ORDER BY seq LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![after, limit], |r| {
        let kind: String = r.get(2)?;
        let kind = match kind.as_str() {
            "upsert" => StoredKind::Upsert,
            "deleted" => StoredKind::Deleted,
            "merged" => StoredKind::Merged(r.get(3)?),
            other => return Err(super::bad_word(2, "change kind", other)),
        };
        Ok(StoredChange {
            seq: r.get(0)?,
            ticket_id: r.get(1)?,
            kind,
        })
    })?;
    rows.collect()
}

/// Records that the ticket is gone for good; returns the new seq.
pub(crate) fn record_deleted(
    conn: &Connection,
    ticket: TicketId,
    at: Millis,
) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "INSERT INTO changes (ticket_id, kind, at) VALUES (?1, 'deleted', ?2) RETURNING seq",
    )?
    .query_row(params![ticket, at], |r| r.get(0))
}

/// Records that the ticket now lives on as `into`; returns the new seq.
pub(crate) fn record_merged(
    conn: &Connection,
    ticket: TicketId,
    into: TicketId,
    at: Millis,
) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "INSERT INTO changes (ticket_id, kind, merged_into, at) VALUES (?1, 'merged', ?2, ?3)
         RETURNING seq",
    )?
    .query_row(params![ticket, into, at], |r| r.get(0))
}

/// How a ticket id left the hub, if it did. The feed is the hub's only memory of removed
/// tickets, so its deleted and merged rows must never be pruned.
pub(crate) fn removal(conn: &Connection, ticket: TicketId) -> rusqlite::Result<Option<StoredKind>> {
    conn.prepare_cached(
        "SELECT kind, merged_into FROM changes
         WHERE ticket_id = ?1 AND kind IN ('deleted', 'merged') ORDER BY seq DESC LIMIT 1",
    )?
    .query_row([ticket], |r| {
        let kind: String = r.get(0)?;
        Ok(if kind == "merged" {
            StoredKind::Merged(r.get(1)?)
        } else {
            StoredKind::Deleted
        })
    })
    .optional()
}

/// Whether the id was ever used: every ticket gets a feed entry when it is created.
pub(crate) fn ever_used(conn: &Connection, ticket: TicketId) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT 1 FROM changes WHERE ticket_id = ?1")?
        .exists([ticket])
}

/// The highest ticket id the feed has seen, live or removed; 0 when none.
pub(crate) fn max_ticket_id(conn: &Connection) -> rusqlite::Result<TicketId> {
    conn.prepare_cached("SELECT coalesce(max(ticket_id), 0) FROM changes")?
        .query_row([], |r| r.get(0))
}
