//! One module per table (or tightly bound pair): its migration, its statements, its row mapping.
//! SQL sticks to what PostgreSQL also accepts where that costs nothing (no `INSERT OR ...`,
//! `ON CONFLICT` upserts instead, no rowid tricks), so a second backend can reuse the shapes.

pub(super) mod applied_edits;
pub(super) mod changes;
pub(super) mod customers;
pub(super) mod labels;
pub(super) mod messages;
pub(super) mod meta;
pub(super) mod sessions;
pub(super) mod team;
pub(super) mod threads;
pub(super) mod tickets;
pub(super) mod triage_notes;

use desk_domain::TicketId;

/// The tickets with `after < id <= last`: a bootstrap page, or one ticket. Readers of a
/// ticket's parts take a range rather than a list of ids, so each table is read with one index
/// range scan that returns its rows already in ticket id order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TicketRange {
    pub after: TicketId,
    pub last: TicketId,
}

impl TicketRange {
    pub(crate) fn one(id: TicketId) -> Self {
        Self {
            // Saturating: the id comes from a request path, and i64::MIN names no ticket.
            after: id.saturating_sub(1),
            last: id,
        }
    }
}

/// A stored word (status, channel...) that no enum variant matches: only a hand-edited or newer
/// database can hold one, so it surfaces as a conversion error rather than a guess.
pub(super) fn bad_word(column: usize, what: &str, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        rusqlite::types::Type::Text,
        format!("unknown {what} '{value}'").into(),
    )
}
