//! Why triage filed each new ticket as it did: the rule, or the model and its score. Kept
//! beside the ticket (not in it) because only intake writes it and edits never touch it.

use desk_domain::{TicketId, TriageNote};
use rusqlite::{params, Connection};

use super::TicketRange;

pub(crate) const M_20261123_CREATE: &str = "
CREATE TABLE triage_notes (
    ticket_id INTEGER PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
    note      TEXT NOT NULL
) STRICT;
";

pub(crate) fn insert(conn: &Connection, id: TicketId, note: &TriageNote) -> rusqlite::Result<()> {
    let json = serde_json::to_string(note)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))?;
    conn.prepare_cached(
        "INSERT INTO triage_notes (ticket_id, note) VALUES (?1, ?2)
         ON CONFLICT (ticket_id) DO UPDATE SET note = excluded.note",
    )?
    .execute((id, json))?;
    Ok(())
}

/// The notes of the tickets in `range` as `(ticket, note)`, in ticket order (the primary key's).
pub(crate) fn in_range(
    conn: &Connection,
    range: TicketRange,
) -> rusqlite::Result<Vec<(TicketId, TriageNote)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT ticket_id, note FROM triage_notes WHERE ticket_id > ?1 AND ticket_id <= ?2
         ORDER BY ticket_id",
    )?;
    let rows = stmt.query_map(params![range.after, range.last], |r| {
        Ok((r.get::<_, TicketId>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut notes = Vec::new();
    for row in rows {
        let (ticket, json) = row?;
        // A note this build cannot read is dropped rather than failing the whole ticket.
        if let Ok(note) = serde_json::from_str(&json) {
            notes.push((ticket, note));
        }
    }
    Ok(notes)
}
