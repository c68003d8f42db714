//! External conversation keys (email thread, chat session, social conversation, forum thread)
//! to the ticket they belong to. Keys are per channel: two systems' ids may collide.

use desk_domain::{Channel, TicketId};
use rusqlite::{params, Connection, OptionalExtension};

pub(crate) const M_20261122_CREATE: &str = "
CREATE TABLE threads (
    channel            TEXT NOT NULL,
    external_thread_id TEXT NOT NULL,
    ticket_id          INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    PRIMARY KEY (channel, external_thread_id)
) STRICT;
CREATE INDEX threads_ticket ON threads (ticket_id);
";

pub(crate) fn ticket(
    conn: &Connection,
    channel: Channel,
    external_id: &str,
) -> rusqlite::Result<Option<TicketId>> {
    conn.prepare_cached(
        "SELECT ticket_id FROM threads WHERE channel = ?1 AND external_thread_id = ?2",
    )?
    .query_row(params![channel.id(), external_id], |r| r.get(0))
    .optional()
}

/// Points the key at `ticket`, moving it if it pointed at a closed one.
pub(crate) fn link(
    conn: &Connection,
    channel: Channel,
    external_id: &str,
    ticket: TicketId,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO threads (channel, external_thread_id, ticket_id) VALUES (?1, ?2, ?3)
         ON CONFLICT (channel, external_thread_id) DO UPDATE SET ticket_id = excluded.ticket_id",
    )?
    .execute(params![channel.id(), external_id, ticket])?;
    Ok(())
}

/// Points every conversation key of `from` at `to`, so the customer's next email on a merged
/// thread lands on the ticket that absorbed it.
pub(crate) fn move_all(conn: &Connection, from: TicketId, to: TicketId) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE threads SET ticket_id = ?2 WHERE ticket_id = ?1")?
        .execute(params![from, to])?;
    Ok(())
}

/// Forgets the ticket's conversation keys: a later message on them opens a new ticket.
pub(crate) fn delete_all(conn: &Connection, ticket: TicketId) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM threads WHERE ticket_id = ?1")?
        .execute([ticket])?;
    Ok(())
}
