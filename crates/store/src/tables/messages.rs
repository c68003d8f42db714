//! Each ticket's thread: customer messages, public replies and internal notes.

use desk_domain::{Message, MessageKind, TicketId};
use rusqlite::Connection;
use serde::de::DeserializeOwned;

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

/// An email's HTML part, the files kept with a message (JSON array of
/// `desk_domain::Attachment`) and in-app feedback's device (JSON `desk_domain::DeviceInfo`).
/// NULL when absent, so plain messages cost nothing.
pub(crate) const M_20261127_PARTS: &str = "
ALTER TABLE messages ADD COLUMN html TEXT;
ALTER TABLE messages ADD COLUMN attachments TEXT;
ALTER TABLE messages ADD COLUMN device TEXT;
";

/// Replaces the stored thread with the replicated one: the hub's copy is authoritative.
/// `known`: whether the replica holds the ticket already; a new one has no messages to delete (a bootstrap's common case, where the lookup would also lack
/// its index: see `deferred_indexes`).
pub(crate) fn replace_thread(
    conn: &Connection,
    ticket: TicketId,
    thread: &[Message],
    known: bool,
) -> rusqlite::Result<()> {
    if known {
        conn.prepare_cached("DELETE FROM messages WHERE ticket_id = ?1")?
            .execute([ticket])?;
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO messages (id, ticket_id, kind, author, body, channel, created_at, html,
                               attachments, device)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for m in thread {
        insert.execute(rusqlite::params![
            m.id,
            ticket,
            m.kind.as_str(),
            m.author,
            m.body,
            m.channel.id(),
            m.created_at,
            m.html,
            // Serializing plain structs of strings and numbers cannot fail.
            (!m.attachments.is_empty())
                .then(|| serde_json::to_string(&m.attachments).ok())
                .flatten(),
            m.device
                .as_ref()
                .and_then(|d| serde_json::to_string(d).ok()),
        ])?;
    }
    Ok(())
}

pub(crate) fn thread(conn: &Connection, ticket: TicketId) -> rusqlite::Result<Vec<Message>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, author, body, channel, created_at, html, attachments, device
         FROM messages WHERE ticket_id = ?1 ORDER BY created_at, id",
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
            html: r.get(6)?,
            attachments: from_json(r, 7)?.unwrap_or_default(),
            device: from_json(r, 8)?,
        })
    })?;
    rows.collect()
}

fn from_json<T: DeserializeOwned>(r: &rusqlite::Row, column: usize) -> rusqlite::Result<Option<T>> {
    let Some(text) = r.get::<_, Option<String>>(column)? else {
        return Ok(None);
    };
    serde_json::from_str(&text).map(Some).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, e.into())
    })
}
