//! A customer's other tickets, for the ticket view's customer panel: an agent sees at a glance
//! whether this person wrote before and how that went.

use desk_domain::{TicketId, TicketSummary};

use crate::tables::tickets::{summary_from_row, SUMMARY_COLUMNS};
use crate::{Store, StoreError};

/// The most earlier tickets one call returns; the panel shows a short list, not a history.
pub const MAX_CUSTOMER_TICKETS: u32 = 50;

impl Store {
    /// The customer's tickets other than `except` (the one being viewed), most recently
    /// updated first, at most `limit` (1..=[`MAX_CUSTOMER_TICKETS`]).
    pub fn customer_tickets(
        &self,
        customer_id: &str,
        except: TicketId,
        limit: u32,
    ) -> Result<Vec<TicketSummary>, StoreError> {
        if limit == 0 || limit > MAX_CUSTOMER_TICKETS {
            return Err(StoreError::Invalid(format!(
                "customer ticket limit must be 1..={MAX_CUSTOMER_TICKETS}, got {limit}"
            )));
        }
        self.readers.with(|conn| {
            // `tickets_customer` narrows to one customer's few tickets; sorting those is cheap.
            let sql = format!(
                "SELECT {SUMMARY_COLUMNS}
                 FROM tickets t JOIN customers c ON c.id = t.customer_id
                 WHERE t.customer_id = ?1 AND t.id <> ?2
                 ORDER BY t.updated_at DESC, t.id DESC LIMIT ?3"
            );
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt
                .query_map((customer_id, except, limit), summary_from_row)?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
    }
}
