//! Reads and writes for the console's alerts: the current state of tickets that just changed,
//! the agent's approaching deadlines, and what the agent has already opened.

use desk_domain::{Millis, TicketId, TicketSummary};

use crate::tables::{seen, tickets};
use crate::{Store, StoreError};

impl Store {
    /// The current summaries of `ids`, in id order; ids no longer in the replica are skipped.
    pub fn summaries(&self, ids: &[TicketId]) -> Result<Vec<TicketSummary>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = serde_json::to_string(ids).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.readers.with(|conn| {
            let sql = format!(
                "SELECT {} FROM tickets t JOIN customers c ON c.id = t.customer_id
                 WHERE t.id IN (SELECT value FROM json_each(?1)) ORDER BY t.id",
                tickets::SUMMARY_COLUMNS
            );
            let rows = conn
                .prepare_cached(&sql)?
                .query_map([list], tickets::summary_from_row)?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
    }

    /// `agent`'s open tickets whose SLA deadline falls in `(now, until]`, for the periodic check
    /// that warns before a breach while nothing else changes.
    pub fn deadlines_between(
        &self,
        agent: &str,
        now: Millis,
        until: Millis,
    ) -> Result<Vec<TicketSummary>, StoreError> {
        let agent = agent.to_string();
        self.readers.with(|conn| {
            let sql = format!(
                "SELECT {} FROM tickets t JOIN customers c ON c.id = t.customer_id
                 WHERE t.assignee_id = ?1 AND t.active = 1 AND t.sla_key > ?2 AND t.sla_key <= ?3
                 ORDER BY t.sla_key",
                tickets::SUMMARY_COLUMNS
            );
            let rows = conn
                .prepare_cached(&sql)?
                .query_map(
                    rusqlite::params![agent, now, until],
                    tickets::summary_from_row,
                )?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
    }

    /// Records that the agent opened `id` here, and returns the unread urgent count after it.
    pub async fn mark_seen(
        &self,
        id: TicketId,
        me: Option<String>,
        now: Millis,
    ) -> Result<u32, StoreError> {
        self.writer
            .call(move |conn| {
                seen::mark(conn, id, now)?;
                Ok(seen::unread_urgent(conn, me.as_deref())?)
            })
            .await
    }

    /// Urgent tickets for `me` (or nobody's) that were never opened on this console.
    pub fn unread_urgent(&self, me: Option<&str>) -> Result<u32, StoreError> {
        self.readers.with(|conn| Ok(seen::unread_urgent(conn, me)?))
    }
}
