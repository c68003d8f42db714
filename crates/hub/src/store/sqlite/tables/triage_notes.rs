//! Why triage filed each new ticket as it did: the rule, or the model and its score. Kept
//! beside the ticket (not in it) because only intake writes it and edits never touch it.

use desk_domain::{TicketId, TriageNote};
use rusqlite::{Connection, OptionalExtension};

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

pub(crate) fn get(conn: &Connection, id: TicketId) -> rusqlite::Result<Option<TriageNote>> {
    let json: Option<String> = conn
        .prepare_cached("SELECT note FROM triage_notes WHERE ticket_id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    // A note this build cannot read is dropped rather than failing the whole ticket.
    Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
}
