//! Sets attached to a ticket: tags, and the transaction references it concerns.

use desk_domain::TicketId;
use rusqlite::Connection;

pub(crate) const M_20261122_CREATE: &str = "
CREATE TABLE ticket_tags (
    ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    tag       TEXT NOT NULL,
    PRIMARY KEY (ticket_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX ticket_tags_by_tag ON ticket_tags (tag, ticket_id);
CREATE TABLE ticket_refs (
    ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    reference TEXT NOT NULL,
    PRIMARY KEY (ticket_id, reference)
) STRICT, WITHOUT ROWID;
";

#[derive(Clone, Copy)]
pub(crate) enum Link {
    Tag,
    Reference,
}

impl Link {
    fn sql(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Link::Tag => (
                "DELETE FROM ticket_tags WHERE ticket_id = ?1",
                "INSERT OR IGNORE INTO ticket_tags (ticket_id, tag) VALUES (?1, ?2)",
                "SELECT tag FROM ticket_tags WHERE ticket_id = ?1 ORDER BY tag",
            ),
            Link::Reference => (
                "DELETE FROM ticket_refs WHERE ticket_id = ?1",
                "INSERT OR IGNORE INTO ticket_refs (ticket_id, reference) VALUES (?1, ?2)",
                "SELECT reference FROM ticket_refs WHERE ticket_id = ?1 ORDER BY reference",
            ),
        }
    }
}

pub(crate) fn replace(
    conn: &Connection,
    link: Link,
    ticket: TicketId,
    values: &[String],
    known: bool,
) -> rusqlite::Result<()> {
    let (delete, insert, _) = link.sql();
    if known {
        conn.prepare_cached(delete)?.execute([ticket])?;
    }
    let mut insert = conn.prepare_cached(insert)?;
    for v in values {
        insert.execute((ticket, v))?;
    }
    Ok(())
}

pub(crate) fn list(
    conn: &Connection,
    link: Link,
    ticket: TicketId,
) -> rusqlite::Result<Vec<String>> {
    let (_, _, select) = link.sql();
    let mut stmt = conn.prepare_cached(select)?;
    let rows = stmt.query_map([ticket], |r| r.get(0))?;
    rows.collect()
}
