//! One edit applied to many tickets at once (the inbox's bulk bar). It is not a new kind of
//! change: each ticket gets an ordinary outbox edit with its own id, exactly as if the agent
//! had made it on that ticket, so the hub and the sync engine need nothing new. All of them
//! are written in one transaction: a bulk action lands whole or not at all.

use desk_domain::{Millis, TicketEdit, TicketId};

use crate::replication::{queue_edit, signed_in_agent};
use crate::tables::search_index;
use crate::{Store, StoreError};

/// The most tickets one bulk action may touch. Far more than an agent selects by hand, and
/// small enough that the one transaction stays short and the outbox push stays a few batches.
pub const MAX_BULK_TICKETS: usize = 1_000;

/// The longest batch id: it prefixes each edit id ("{batch}-{ticket}"), which must stay within
/// the 64 characters an edit id may have.
const MAX_BATCH_ID: usize = 40;

impl Store {
    /// Applies `edit` to every ticket in `ticket_ids` and queues one edit per ticket, in one
    /// transaction. Each edit's id is `{batch_id}-{ticket_id}`, so a retried call with the same
    /// batch id queues nothing twice. Returns how many tickets the edit is now queued for.
    pub async fn edit_many(
        &self,
        batch_id: String,
        ticket_ids: Vec<TicketId>,
        edit: TicketEdit,
        now: Millis,
    ) -> Result<u32, StoreError> {
        validate(&batch_id, &ticket_ids, &edit)?;
        self.writer
            .call(move |conn| {
                let tx = conn.transaction()?;
                let me = signed_in_agent(&tx)?;
                let mut search = search_index::Pending::default();
                for &id in &ticket_ids {
                    queue_edit(
                        &tx,
                        &me,
                        id,
                        &edit,
                        &format!("{batch_id}-{id}"),
                        now,
                        &mut search,
                    )?;
                }
                search.write(&tx)?;
                tx.commit()?;
                Ok(ticket_ids.len() as u32)
            })
            .await
    }
}

fn validate(batch_id: &str, ids: &[TicketId], edit: &TicketEdit) -> Result<(), StoreError> {
    edit.validate().map_err(StoreError::Invalid)?;
    if edit.is_reply() {
        // A reply is written to one customer about one case; the same words to many is spam.
        return Err(StoreError::Invalid(
            "a reply cannot be sent to many tickets at once".into(),
        ));
    }
    if batch_id.is_empty()
        || batch_id.len() > MAX_BATCH_ID
        || !batch_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return Err(StoreError::Invalid(format!(
            "a batch id is 1 to {MAX_BATCH_ID} letters, digits or dashes"
        )));
    }
    if ids.is_empty() {
        return Err(StoreError::Invalid("no tickets selected".into()));
    }
    if ids.len() > MAX_BULK_TICKETS {
        return Err(StoreError::Invalid(format!(
            "{} tickets selected; one bulk action takes at most {MAX_BULK_TICKETS}",
            ids.len()
        )));
    }
    if let Some(id) = ids.iter().find(|&&id| id <= 0) {
        return Err(StoreError::Invalid(format!("{id} is not a ticket number")));
    }
    let mut sorted = ids.to_vec();
    sorted.sort_unstable();
    if let Some(w) = sorted.windows(2).find(|w| w[0] == w[1]) {
        return Err(StoreError::Invalid(format!(
            "ticket {} is selected twice",
            w[0]
        )));
    }
    Ok(())
}
