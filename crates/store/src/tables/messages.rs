//! Each ticket's thread: customer messages, public replies and internal notes.

use desk_domain::{Message, MessageKind, TicketId};
use rusqlite::Connection;

use super::tickets::{bad_word, channel_at};

pub(crate) const M_20261122_CREATE: &str = "
CREATE TABLE messages (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('customer', 'reply', 'note')),
    author     TEXT NOT NULL,
    body       TEXT NOT NULL,
    channel    TEXT NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX messages_thread ON messages (ticket_id, created_at, id);
";

/// Replaces the stored thread with the replicated one: the hub's copy is authoritative.
pub(crate) fn replace_thread(
    conn: &Connection,
    ticket: TicketId,
    thread: &[Message],
) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM messages WHERE ticket_id = ?1")?
        .execute([ticket])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO messages (id, ticket_id, kind, author, body, channel, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for m in thread {
        insert.execute(rusqlite::params![
            m.id,
            ticket,
            m.kind.as_str(),
            m.author,
            m.body,
            m.channel.id(),
            m.created_at
        ])?;
    }
    Ok(())
}

pub(crate) fn thread(conn: &Connection, ticket: TicketId) -> rusqlite::Result<Vec<Message>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, author, body, channel, created_at FROM messages
         WHERE ticket_id = ?1 ORDER BY created_at, id",
    )?;
    let rows = stmt.query_map([ticket], |r| {
        let kind: String = r.get(1)?;
        Ok(Message {
            id: r.get(0)?,
            ticket_id: ticket,
            kind: MessageKind::parse(&kind).ok_or_else(|| bad_word(1, &kind))?,
            author: r.get(2)?,
            body: r.get(3)?,
            channel: channel_at(r, 4)?,
            created_at: r.get(5)?,
        })
    })?;
    rows.collect()
}
