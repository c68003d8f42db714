//! Each ticket's thread: customer messages, replies and internal notes, append-only. Every
//! message remembers the ticket version it produced and which agent wrote it, which is what
//! decides whether a reply written against an older version must be held.

use desk_domain::{Attachment, Channel, DeviceInfo, Message, MessageKind, Millis, TicketId};
use rusqlite::{params, Connection, Row};

use super::{bad_word, TicketRange};

pub(crate) const M_20261122_CREATE: &str = "
CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    ticket_id       INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('customer', 'reply', 'note')),
    author          TEXT NOT NULL,
    -- The writing agent for replies and notes; NULL for customers and imported history.
    author_agent_id TEXT,
    -- Stored exactly as received, never interpreted.
    body            TEXT NOT NULL,
    channel         TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    -- The ticket version this message produced.
    ticket_version  INTEGER NOT NULL,
    -- Channel extras as JSON (call details; in-app device and screenshots until 2026-11-27,
    -- when they got columns of their own); not replicated.
    meta            TEXT
) STRICT;
CREATE INDEX messages_thread ON messages (ticket_id, id);
";

/// An email's HTML part, the files kept with a message (JSON array of
/// `desk_domain::Attachment`) and in-app feedback's device (JSON `desk_domain::DeviceInfo`):
/// replicated to consoles with the thread.
pub(crate) const M_20261127_PARTS: &str = "
ALTER TABLE messages ADD COLUMN html TEXT;
ALTER TABLE messages ADD COLUMN attachments TEXT;
ALTER TABLE messages ADD COLUMN device TEXT;
";

pub(crate) struct NewMessage<'a> {
    /// `None` lets the database pick the next id.
    pub id: Option<i64>,
    pub ticket_id: TicketId,
    pub kind: MessageKind,
    pub author: &'a str,
    pub author_agent_id: Option<&'a str>,
    pub body: &'a str,
    pub channel: Channel,
    pub created_at: Millis,
    pub ticket_version: i64,
    pub meta: Option<String>,
    pub html: Option<&'a str>,
    pub attachments: &'a [Attachment],
    pub device: Option<&'a DeviceInfo>,
}

/// The JSON a column holds for an optional part: NULL when there is nothing, so a plain
/// message costs nothing.
fn json_column<T: serde::Serialize>(value: &T, empty: bool) -> Option<String> {
    if empty {
        return None;
    }
    // Serializing plain structs of strings and numbers cannot fail.
    serde_json::to_string(value).ok()
}

fn from_json<T: serde::de::DeserializeOwned>(
    column: usize,
    text: Option<String>,
) -> rusqlite::Result<Option<T>> {
    text.map(|t| {
        serde_json::from_str(&t).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, e.into())
        })
    })
    .transpose()
}

pub(crate) fn insert(conn: &Connection, m: &NewMessage) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "INSERT INTO messages (id, ticket_id, kind, author, author_agent_id, body, channel,
                               created_at, ticket_version, meta, html, attachments, device)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) RETURNING id",
    )?
    .query_row(
        params![
            m.id,
            m.ticket_id,
            m.kind.as_str(),
            m.author,
            m.author_agent_id,
            m.body,
            m.channel.id(),
            m.created_at,
            m.ticket_version,
            m.meta,
            m.html,
            json_column(&m.attachments, m.attachments.is_empty()),
            json_column(&m.device, m.device.is_none()),
        ],
        |r| r.get(0),
    )
}

/// What a replica gets of a message: not its version, agent id or channel extras.
const REPLICATED_COLUMNS: &str =
    "ticket_id, id, kind, author, body, channel, created_at, html, attachments, device";

/// The messages of every ticket in `range`, in ticket order and within a ticket by id (the
/// `messages_thread` index's order, so no sort); `in_said_order` puts a thread in the order
/// replicas show.
pub(crate) fn threads_in(conn: &Connection, range: TicketRange) -> rusqlite::Result<Vec<Message>> {
    conn.prepare_cached(&format!(
        "SELECT {REPLICATED_COLUMNS} FROM messages WHERE ticket_id > ?1 AND ticket_id <= ?2
         ORDER BY ticket_id, id"
    ))?
    .query_map(params![range.after, range.last], from_row)?
    .collect()
}

/// In the order things were said (as the console sorts them), which after a merge interleaves
/// the two threads; the id breaks ties. Sorted here rather than in SQL, where the order would
/// cost a sort of the whole range instead of a walk of the index.
pub(crate) fn in_said_order(thread: &mut [Message]) {
    thread.sort_unstable_by_key(|m| (m.created_at, m.id));
}

fn from_row(r: &Row) -> rusqlite::Result<Message> {
    let kind: String = r.get(2)?;
    let channel: String = r.get(5)?;
    Ok(Message {
        ticket_id: r.get(0)?,
        id: r.get(1)?,
        kind: MessageKind::parse(&kind).ok_or_else(|| bad_word(2, "message kind", &kind))?,
        author: r.get(3)?,
        body: r.get(4)?,
        channel: Channel::from_id(&channel).ok_or_else(|| bad_word(5, "channel", &channel))?,
        created_at: r.get(6)?,
        html: r.get(7)?,
        attachments: from_json(8, r.get(8)?)?.unwrap_or_default(),
        device: from_json(9, r.get(9)?)?,
    })
}

/// The newest ticket version produced by someone other than `agent_id`: the customer, another
/// agent, or imported history. A reply based on an older version has not seen that message.
pub(crate) fn latest_foreign_version(
    conn: &Connection,
    ticket: TicketId,
    agent_id: &str,
) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached(
        "SELECT max(ticket_version) FROM messages
         WHERE ticket_id = ?1 AND (kind = 'customer' OR author_agent_id IS NULL OR author_agent_id <> ?2)",
    )?
    .query_row(params![ticket, agent_id], |r| r.get(0))
}

/// Moves a whole thread to another ticket, keeping message ids and times. The moved messages
/// count as written at the target's `version`: a reply drafted against an older version of the
/// target has not seen them and is held.
pub(crate) fn move_thread(
    conn: &Connection,
    from: TicketId,
    to: TicketId,
    version: i64,
) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "UPDATE messages SET ticket_id = ?2, ticket_version = ?3 WHERE ticket_id = ?1",
    )?
    .execute(params![from, to, version])
}

pub(crate) fn delete_thread(conn: &Connection, ticket: TicketId) -> rusqlite::Result<usize> {
    conn.prepare_cached("DELETE FROM messages WHERE ticket_id = ?1")?
        .execute([ticket])
}
