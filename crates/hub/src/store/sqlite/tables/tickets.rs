//! Tickets with their hub version, and assembling a whole `HubTicket` for the feed.

use std::iter::{self, Peekable};

use desk_domain::{Category, Channel, Millis, Priority, Status, TicketId, TicketRecord};
use desk_wire::HubTicket;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{bad_word, customers, labels, messages, triage_notes, TicketRange};

pub(crate) const M_20261122_CREATE: &str = "
CREATE TABLE tickets (
    id          INTEGER PRIMARY KEY,
    -- Starts at 1 and grows by one with every change; replicas keep the higher version.
    version     INTEGER NOT NULL CHECK (version >= 1),
    subject     TEXT NOT NULL,
    status      TEXT NOT NULL
        CHECK (status IN ('new', 'open', 'pending', 'on_hold', 'solved', 'closed')),
    priority    TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    category    TEXT NOT NULL,
    channel     TEXT NOT NULL,
    customer_id TEXT NOT NULL REFERENCES customers (id),
    -- No foreign keys: a ticket keeps its history when an agent or group is removed.
    assignee_id TEXT,
    group_id    TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX tickets_customer ON tickets (customer_id, channel, status);
";

/// The scalar state edits act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TicketRow {
    pub id: TicketId,
    pub version: i64,
    pub subject: String,
    pub status: Status,
    pub priority: Priority,
    pub category: Category,
    pub channel: Channel,
    pub customer_id: String,
    pub assignee_id: Option<String>,
    pub group_id: Option<String>,
    pub created_at: Millis,
    pub updated_at: Millis,
}

const COLUMNS: &str = "id, version, subject, status, priority, category, channel, customer_id,
                       assignee_id, group_id, created_at, updated_at";

pub(crate) fn insert(conn: &Connection, t: &TicketRow) -> rusqlite::Result<()> {
    conn.prepare_cached(&format!(
        "INSERT INTO tickets ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
    ))?
    .execute(params![
        t.id,
        t.version,
        t.subject,
        t.status.as_str(),
        t.priority.as_str(),
        t.category.id(),
        t.channel.id(),
        t.customer_id,
        t.assignee_id,
        t.group_id,
        t.created_at,
        t.updated_at
    ])?;
    Ok(())
}

/// Writes every scalar field of `t`; callers bump `version` and `updated_at` first.
pub(crate) fn update(conn: &Connection, t: &TicketRow) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE tickets SET version = ?2, subject = ?3, status = ?4, priority = ?5, category = ?6,
            assignee_id = ?7, group_id = ?8, updated_at = ?9 WHERE id = ?1",
    )?
    .execute(params![
        t.id,
        t.version,
        t.subject,
        t.status.as_str(),
        t.priority.as_str(),
        t.category.id(),
        t.assignee_id,
        t.group_id,
        t.updated_at
    ])?;
    Ok(())
}

/// The next id for a new ticket: above every id ever used, removed tickets' too, so a stale
/// link or a queued edit for a deleted ticket can never reach a new customer's ticket. Safe
/// without a sequence because only the writer inserts.
pub(crate) fn next_id(conn: &Connection) -> rusqlite::Result<TicketId> {
    let live: TicketId = conn
        .prepare_cached("SELECT coalesce(max(id), 0) FROM tickets")?
        .query_row([], |r| r.get(0))?;
    Ok(live.max(super::changes::max_ticket_id(conn)?) + 1)
}

/// Removes the ticket row; its thread, labels and channel threads must be gone or moved first.
/// Returns whether it existed.
pub(crate) fn delete(conn: &Connection, id: TicketId) -> rusqlite::Result<bool> {
    Ok(conn
        .prepare_cached("DELETE FROM tickets WHERE id = ?1")?
        .execute([id])?
        == 1)
}

/// Up to `limit` ids of tickets still in play, most recently updated first.
pub(crate) fn active_ids(conn: &Connection, limit: u32) -> rusqlite::Result<Vec<TicketId>> {
    conn.prepare_cached(
        "SELECT id FROM tickets WHERE status IN ('new', 'open', 'on_hold', 'pending')
         ORDER BY updated_at DESC, id DESC LIMIT ?1",
    )?
    .query_map([limit], |r| r.get(0))?
    .collect()
}

pub(crate) fn exists(conn: &Connection, id: TicketId) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT 1 FROM tickets WHERE id = ?1")?
        .exists([id])
}

pub(crate) fn get(conn: &Connection, id: TicketId) -> rusqlite::Result<Option<TicketRow>> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM tickets WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()
}

/// The customer's most recently updated ticket on `channel` that is still in play (active or
/// waiting on them): where a new message from them belongs.
pub(crate) fn open_for_customer(
    conn: &Connection,
    customer_id: &str,
    channel: Channel,
) -> rusqlite::Result<Option<TicketRow>> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM tickets
         WHERE customer_id = ?1 AND channel = ?2 AND status IN ('new', 'open', 'on_hold', 'pending')
         ORDER BY updated_at DESC, id DESC LIMIT 1"
    ))?
    .query_row(params![customer_id, channel.id()], from_row)
    .optional()
}

/// Up to `limit` ticket ids after `after_id`, in id order.
pub(crate) fn ids_after(
    conn: &Connection,
    after_id: TicketId,
    limit: u32,
) -> rusqlite::Result<Vec<TicketId>> {
    conn.prepare_cached("SELECT id FROM tickets WHERE id > ?1 ORDER BY id LIMIT ?2")?
        .query_map(params![after_id, limit], |r| r.get(0))?
        .collect()
}

/// The whole ticket as replicas receive it.
pub(crate) fn load(conn: &Connection, id: TicketId) -> rusqlite::Result<Option<HubTicket>> {
    Ok(load_range(conn, TicketRange::one(id))?.pop())
}

/// Every ticket in `range`, whole, in id order. Each table is read once for the whole range
/// and the rows are matched up by walking them side by side in ticket order: a bootstrap page
/// costs six queries, not six per ticket.
pub(crate) fn load_range(
    conn: &Connection,
    range: TicketRange,
) -> rusqlite::Result<Vec<HubTicket>> {
    let rows = rows_in(conn, range)?;
    if rows.is_empty() {
        // A removed ticket asked for by id (feed entries, merges): the other five tables hold
        // nothing for it.
        return Ok(Vec::new());
    }
    let customers = customers::of_tickets_in(conn, range)?;
    let mut tags = labels::tags_in(conn, range)?.into_iter().peekable();
    let mut refs = labels::transaction_refs_in(conn, range)?
        .into_iter()
        .peekable();
    let mut threads = messages::threads_in(conn, range)?
        .into_iter()
        .map(|m| (m.ticket_id, m))
        .peekable();
    let mut notes = triage_notes::in_range(conn, range)?.into_iter().peekable();
    rows.into_iter()
        .map(|row| {
            let id = row.id;
            let mut thread = take_ticket(&mut threads, id);
            messages::in_said_order(&mut thread);
            // The foreign key keeps the customer there; a missing one fails as a lookup would.
            let customer = customers
                .get(&row.customer_id)
                .cloned()
                .ok_or(rusqlite::Error::QueryReturnedNoRows)?;
            let ticket = TicketRecord {
                id,
                subject: row.subject,
                status: row.status,
                priority: row.priority,
                category: row.category,
                channel: row.channel,
                assignee_id: row.assignee_id,
                group_id: row.group_id,
                tags: take_ticket(&mut tags, id),
                transaction_refs: take_ticket(&mut refs, id),
                created_at: row.created_at,
                updated_at: row.updated_at,
                customer,
                messages: thread,
                // At most one: the ticket id is the notes' primary key.
                triage: take_ticket(&mut notes, id).pop(),
            };
            Ok(HubTicket {
                version: row.version,
                ticket,
            })
        })
        .collect()
}

/// The ticket rows in `range`, in id order.
fn rows_in(conn: &Connection, range: TicketRange) -> rusqlite::Result<Vec<TicketRow>> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM tickets WHERE id > ?1 AND id <= ?2 ORDER BY id"
    ))?
    .query_map(params![range.after, range.last], from_row)?
    .collect()
}

/// Takes ticket `id`'s leading run from `rows`, a table's `(ticket, value)` rows in ticket
/// order. Tickets are visited in id order, so rows before `id` have no ticket row: foreign keys
/// rule them out, and skipping them keeps a stray row off the next ticket.
fn take_ticket<T>(
    rows: &mut Peekable<impl Iterator<Item = (TicketId, T)>>,
    id: TicketId,
) -> Vec<T> {
    while rows.next_if(|(ticket, _)| *ticket < id).is_some() {}
    iter::from_fn(|| {
        rows.next_if(|(ticket, _)| *ticket == id)
            .map(|(_, value)| value)
    })
    .collect()
}

fn from_row(r: &Row) -> rusqlite::Result<TicketRow> {
    let word = |i: usize| r.get::<_, String>(i);
    let status = word(3)?;
    let priority = word(4)?;
    let category = word(5)?;
    let channel = word(6)?;
    Ok(TicketRow {
        id: r.get(0)?,
        version: r.get(1)?,
        subject: r.get(2)?,
        status: Status::parse(&status).ok_or_else(|| bad_word(3, "status", &status))?,
        priority: Priority::parse(&priority).ok_or_else(|| bad_word(4, "priority", &priority))?,
        category: Category::from_id(&category).ok_or_else(|| bad_word(5, "category", &category))?,
        channel: Channel::from_id(&channel).ok_or_else(|| bad_word(6, "channel", &channel))?,
        customer_id: r.get(7)?,
        assignee_id: r.get(8)?,
        group_id: r.get(9)?,
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
    })
}
