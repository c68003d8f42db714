//! Tags and payment references on tickets: sets, so concurrent additions from two agents merge.

use desk_domain::TicketId;
use rusqlite::{params, Connection};

use super::TicketRange;

pub(crate) const M_20261122_CREATE: &str = "
CREATE TABLE ticket_tags (
    ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    tag       TEXT NOT NULL,
    PRIMARY KEY (ticket_id, tag)
) STRICT;
CREATE INDEX ticket_tags_tag ON ticket_tags (tag);
CREATE TABLE transaction_refs (
    ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    reference TEXT NOT NULL,
    PRIMARY KEY (ticket_id, reference)
) STRICT;
CREATE INDEX transaction_refs_reference ON transaction_refs (reference);
";

/// Adds the tags; returns how many were new.
pub(crate) fn add_tags(
    conn: &Connection,
    ticket: TicketId,
    tags: &[String],
) -> rusqlite::Result<usize> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO ticket_tags (ticket_id, tag) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
    )?;
    let mut added = 0;
    for tag in tags {
        added += stmt.execute(params![ticket, tag])?;
    }
    Ok(added)
}

/// Removes the tags; returns how many were there.
pub(crate) fn remove_tags(
    conn: &Connection,
    ticket: TicketId,
    tags: &[String],
) -> rusqlite::Result<usize> {
    let mut stmt =
        conn.prepare_cached("DELETE FROM ticket_tags WHERE ticket_id = ?1 AND tag = ?2")?;
    let mut removed = 0;
    for tag in tags {
        removed += stmt.execute(params![ticket, tag])?;
    }
    Ok(removed)
}

pub(crate) fn add_transaction_refs(
    conn: &Connection,
    ticket: TicketId,
    refs: &[String],
) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO transaction_refs (ticket_id, reference) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
    )?;
    for r in refs {
        stmt.execute(params![ticket, r])?;
    }
    Ok(())
}

/// The tags of every ticket in `range` as `(ticket, tag)`, in ticket order and each ticket's
/// sorted, so every replica lists a ticket's tags in the same order. The primary key gives
/// that order without a sort.
pub(crate) fn tags_in(
    conn: &Connection,
    range: TicketRange,
) -> rusqlite::Result<Vec<(TicketId, String)>> {
    conn.prepare_cached(
        "SELECT ticket_id, tag FROM ticket_tags WHERE ticket_id > ?1 AND ticket_id <= ?2
         ORDER BY ticket_id, tag",
    )?
    .query_map(params![range.after, range.last], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?
    .collect()
}

/// The payment references of every ticket in `range`, in the order `tags_in` uses.
pub(crate) fn transaction_refs_in(
    conn: &Connection,
    range: TicketRange,
) -> rusqlite::Result<Vec<(TicketId, String)>> {
    conn.prepare_cached(
        "SELECT ticket_id, reference FROM transaction_refs
         WHERE ticket_id > ?1 AND ticket_id <= ?2 ORDER BY ticket_id, reference",
    )?
    .query_map(params![range.after, range.last], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?
    .collect()
}

/// Adds `from`'s tags and payment references to `to` (a set union) and removes them from `from`.
pub(crate) fn move_all(conn: &Connection, from: TicketId, to: TicketId) -> rusqlite::Result<()> {
    // INSERT ... SELECT ... ON CONFLICT reads the same in PostgreSQL; the WHERE clause also
    // keeps SQLite's parser from taking ON CONFLICT for a join constraint.
    conn.prepare_cached(
        "INSERT INTO ticket_tags (ticket_id, tag) SELECT ?2, tag FROM ticket_tags
         WHERE ticket_id = ?1 ON CONFLICT DO NOTHING",
    )?
    .execute(params![from, to])?;
    conn.prepare_cached(
        "INSERT INTO transaction_refs (ticket_id, reference) SELECT ?2, reference
         FROM transaction_refs WHERE ticket_id = ?1 ON CONFLICT DO NOTHING",
    )?
    .execute(params![from, to])?;
    delete_all(conn, from)
}

pub(crate) fn delete_all(conn: &Connection, ticket: TicketId) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM ticket_tags WHERE ticket_id = ?1")?
        .execute([ticket])?;
    conn.prepare_cached("DELETE FROM transaction_refs WHERE ticket_id = ?1")?
        .execute([ticket])?;
    Ok(())
}
