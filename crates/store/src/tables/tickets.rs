//! The ticket rows the inbox is built from. Derived columns (`urgent`, `active`, `sla_due_at`,
//! `preview`) are computed in Rust on every write so list queries never join or aggregate.

use desk_domain::{Category, Channel, MessageKind, Priority, Status, TicketRecord, TicketSummary};
use rusqlite::types::Type;
use rusqlite::{Connection, Row};

pub(crate) const M_20261122_CREATE: &str = "
CREATE TABLE tickets (
    id          INTEGER PRIMARY KEY,
    subject     TEXT NOT NULL,
    status      TEXT NOT NULL
        CHECK (status IN ('new', 'open', 'pending', 'on_hold', 'solved', 'closed')),
    priority    INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 3),
    category    TEXT NOT NULL,
    channel     TEXT NOT NULL,
    urgent      INTEGER NOT NULL CHECK (urgent IN (0, 1)),
    active      INTEGER NOT NULL CHECK (active IN (0, 1)),
    customer_id TEXT NOT NULL REFERENCES customers (id),
    assignee_id TEXT,
    group_id    TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    sla_due_at  INTEGER,
    -- Tickets without a running clock sort after every deadline; a plain column keeps the
    -- queue sorts index-only (an `IS NULL` term in ORDER BY would force a temp b-tree).
    sla_key     INTEGER NOT NULL GENERATED ALWAYS AS (coalesce(sla_due_at, 9223372036854775807)) VIRTUAL,
    preview     TEXT NOT NULL
) STRICT;
CREATE INDEX tickets_queue    ON tickets (active, priority DESC, sla_key, created_at);
CREATE INDEX tickets_updated  ON tickets (active, updated_at DESC);
CREATE INDEX tickets_sla      ON tickets (active, sla_key, priority DESC);
CREATE INDEX tickets_urgent   ON tickets (urgent, active);
CREATE INDEX tickets_assignee ON tickets (assignee_id, active);
CREATE INDEX tickets_channel  ON tickets (active, channel);
CREATE INDEX tickets_category ON tickets (active, category);
CREATE INDEX tickets_status   ON tickets (status);
CREATE INDEX tickets_customer ON tickets (customer_id);
";

/// The hub's version of each ticket, so a replica keeps whichever copy is newer. Existing
/// rows start at 0: older than anything the hub sends.
pub(crate) const M_20261123_VERSION: &str =
    "ALTER TABLE tickets ADD COLUMN version INTEGER NOT NULL DEFAULT 0;";

pub(crate) fn version(
    conn: &Connection,
    id: desk_domain::TicketId,
) -> rusqlite::Result<Option<i64>> {
    use rusqlite::OptionalExtension;
    conn.prepare_cached("SELECT version FROM tickets WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()
}

/// The stored versions of those of `ids` the replica holds.
pub(crate) fn versions(
    conn: &Connection,
    ids: &[desk_domain::TicketId],
) -> rusqlite::Result<std::collections::HashMap<desk_domain::TicketId, i64>> {
    conn.prepare_cached(
        "SELECT id, version FROM tickets WHERE id IN (SELECT value FROM json_each(?1))",
    )?
    .query_map([super::id_list(ids)], |r| Ok((r.get(0)?, r.get(1)?)))?
    .collect()
}

pub(crate) fn set_version(
    conn: &Connection,
    id: desk_domain::TicketId,
    version: i64,
) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE tickets SET version = max(version, ?2) WHERE id = ?1")?
        .execute((id, version))?;
    Ok(())
}

/// Why the hub filed the ticket as it did (JSON of `TriageNote`), for the ticket view.
pub(crate) const M_20261123_TRIAGE: &str = "ALTER TABLE tickets ADD COLUMN triage TEXT;";

/// Search orders its hits by `updated_at`, and a common word hits tens of thousands of
/// tickets. Reading `updated_at` from each hit's table row cost a random page read per hit
/// (rows carry the preview text); this narrow index holds a few hundred hits per page, which
/// made search at 1M tickets several times faster. See `Store::search`.
pub(crate) const M_20261126_RECENCY: &str =
    "CREATE INDEX tickets_recency ON tickets (id, updated_at);";

pub(crate) fn triage_at(
    r: &Row<'_>,
    i: usize,
) -> rusqlite::Result<Option<desk_domain::TriageNote>> {
    let json: Option<String> = r.get(i)?;
    json.map(|j| serde_json::from_str(&j).map_err(|_| bad_word(i, "triage note")))
        .transpose()
}

/// Removes a ticket with its thread and links (cascades); the caller drops its search entries.
pub(crate) fn delete(conn: &Connection, id: desk_domain::TicketId) -> rusqlite::Result<bool> {
    Ok(conn
        .prepare_cached("DELETE FROM tickets WHERE id = ?1")?
        .execute([id])?
        > 0)
}

/// How much of the latest message the inbox row shows.
const PREVIEW_CHARS: usize = 140;

pub(crate) fn exists(conn: &Connection, id: desk_domain::TicketId) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT 1 FROM tickets WHERE id = ?1")?
        .exists([id])
}

macro_rules! insert_ticket {
    () => {
        "INSERT INTO tickets (id, subject, status, priority, category, channel, urgent, active,
                              customer_id, assignee_id, group_id, created_at, updated_at,
                              sla_due_at, preview, triage, version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"
    };
}

/// Writes a ticket's row. `known`: whether the replica holds it already. A new one is a plain
/// insert: an upsert makes SQLite keep a statement journal for every row, which cost about a
/// tenth of a bootstrap, where every ticket is new. `version`: the hub's version of this copy,
/// written in the same statement (a second `UPDATE` per ticket cost a bootstrap 3%); a stored
/// version never goes down, so local writes pass 0.
pub(crate) fn write(
    conn: &Connection,
    t: &TicketRecord,
    known: bool,
    version: i64,
) -> rusqlite::Result<()> {
    const INSERT: &str = insert_ticket!();
    const UPSERT: &str = concat!(
        insert_ticket!(),
        " ON CONFLICT (id) DO UPDATE SET
            subject = excluded.subject, status = excluded.status, priority = excluded.priority,
            category = excluded.category, channel = excluded.channel, urgent = excluded.urgent,
            active = excluded.active, customer_id = excluded.customer_id,
            assignee_id = excluded.assignee_id, group_id = excluded.group_id,
            created_at = excluded.created_at, updated_at = excluded.updated_at,
            sla_due_at = excluded.sla_due_at, preview = excluded.preview,
            triage = excluded.triage, version = max(version, excluded.version)"
    );
    conn.prepare_cached(if known { UPSERT } else { INSERT })?
        .execute(rusqlite::params![
            t.id,
            t.subject,
            t.status.as_str(),
            t.priority.rank(),
            t.category.id(),
            t.channel.id(),
            t.is_urgent(),
            t.status.is_active(),
            t.customer.id,
            t.assignee_id,
            t.group_id,
            t.created_at,
            t.updated_at,
            t.sla_due_at(),
            preview(t),
            t.triage
                .as_ref()
                .map(serde_json::to_string)
                .transpose()
                .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))?,
            version,
        ])?;
    Ok(())
}

/// The latest message the customer can see (notes are internal), flattened to one line.
fn preview(t: &TicketRecord) -> String {
    let latest = t
        .messages
        .iter()
        .rev()
        .find(|m| m.kind != MessageKind::Note);
    let body = latest.map(|m| m.body.as_str()).unwrap_or("");
    let mut out = String::with_capacity(PREVIEW_CHARS * 3);
    for word in body.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        if out.chars().count() >= PREVIEW_CHARS {
            break;
        }
    }
    out.chars().take(PREVIEW_CHARS).collect()
}

/// Columns for [`summary_from_row`], in order. Expects `tickets t JOIN customers c`.
pub(crate) const SUMMARY_COLUMNS: &str = "t.id, t.subject, t.status, t.priority, t.category, \
     t.channel, t.urgent, c.name, t.assignee_id, t.group_id, t.preview, t.updated_at, t.sla_due_at";

pub(crate) fn summary_from_row(r: &Row<'_>) -> rusqlite::Result<TicketSummary> {
    Ok(TicketSummary {
        id: r.get(0)?,
        subject: r.get(1)?,
        status: status_at(r, 2)?,
        priority: priority_at(r, 3)?,
        category: category_at(r, 4)?,
        channel: channel_at(r, 5)?,
        urgent: r.get(6)?,
        customer_name: r.get(7)?,
        assignee_id: r.get(8)?,
        group_id: r.get(9)?,
        preview: r.get(10)?,
        updated_at: r.get(11)?,
        sla_due_at: r.get(12)?,
    })
}

/// A stored word that no enum knows: the file was written by a newer or corrupted build.
pub(crate) fn bad_word(column: usize, word: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        Type::Text,
        format!("unknown stored value '{word}'").into(),
    )
}

pub(crate) fn status_at(r: &Row<'_>, i: usize) -> rusqlite::Result<Status> {
    let s: String = r.get(i)?;
    Status::parse(&s).ok_or_else(|| bad_word(i, &s))
}

pub(crate) fn priority_at(r: &Row<'_>, i: usize) -> rusqlite::Result<Priority> {
    let p: i64 = r.get(i)?;
    Priority::from_rank(p).ok_or_else(|| bad_word(i, &p.to_string()))
}

pub(crate) fn category_at(r: &Row<'_>, i: usize) -> rusqlite::Result<Category> {
    let s: String = r.get(i)?;
    Category::from_id(&s).ok_or_else(|| bad_word(i, &s))
}

pub(crate) fn channel_at(r: &Row<'_>, i: usize) -> rusqlite::Result<Channel> {
    let s: String = r.get(i)?;
    Channel::from_id(&s).ok_or_else(|| bad_word(i, &s))
}
