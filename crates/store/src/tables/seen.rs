//! Which tickets the agent has opened on this console: the tray's "unread urgent" count is the
//! urgent cases nobody here has looked at yet. Local only; the hub never hears of it.

use desk_domain::{Millis, TicketId};
use rusqlite::{params, Connection};

pub(crate) const M_20261124_CREATE: &str = "
CREATE TABLE seen (
    -- No foreign key: a ticket removed by a sync simply stops counting (the count joins).
    ticket_id INTEGER PRIMARY KEY,
    seen_at   INTEGER NOT NULL
) STRICT;
";

pub(crate) fn mark(conn: &Connection, id: TicketId, now: Millis) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO seen (ticket_id, seen_at) VALUES (?1, ?2)
         ON CONFLICT (ticket_id) DO UPDATE SET seen_at = excluded.seen_at",
    )?
    .execute(params![id, now])?;
    Ok(())
}

/// Open urgent tickets that are nobody's or `me`'s and were never opened here: the ones an
/// alert is about. Another agent's case is in hand and does not count.
pub(crate) fn unread_urgent(conn: &Connection, me: Option<&str>) -> rusqlite::Result<u32> {
    let n: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM tickets t
             WHERE t.urgent = 1 AND t.active = 1
               AND (t.assignee_id IS NULL OR t.assignee_id = ?1)
               AND NOT EXISTS (SELECT 1 FROM seen s WHERE s.ticket_id = t.id)",
        )?
        .query_row(params![me], |r| r.get(0))?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}
