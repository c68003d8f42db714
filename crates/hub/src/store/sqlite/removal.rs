//! Taking tickets out of the queue: deleting one, or merging a duplicate into the ticket that
//! carries on. Each is one transaction, so a failure leaves both tickets as they were.

use desk_domain::{Millis, TicketId};
use desk_wire::HubTicket;
use rusqlite::Connection;

use super::tables::changes::{self, StoredKind};
use super::tables::{labels, messages, threads, tickets};
use crate::store::{FeedAdvance, StoreError, TicketState};

/// What the hub knows about `id`, read in the caller's snapshot.
pub(super) fn state(conn: &Connection, id: TicketId) -> Result<TicketState, StoreError> {
    if let Some(t) = tickets::load(conn, id)? {
        return Ok(TicketState::Live(Box::new(t)));
    }
    Ok(match changes::removal(conn, id)? {
        Some(StoredKind::Merged(into)) => TicketState::Merged { into },
        Some(_) => TicketState::Deleted,
        None => TicketState::Unknown,
    })
}

/// Why `id` is not a live ticket, or `None` when it is.
fn absence(conn: &Connection, id: TicketId) -> Result<Option<String>, StoreError> {
    if tickets::exists(conn, id)? {
        return Ok(None);
    }
    Ok(state(conn, id)?.absence(id))
}

pub(super) fn delete(
    conn: &mut Connection,
    id: TicketId,
    now: Millis,
) -> Result<FeedAdvance, StoreError> {
    let tx = conn.transaction()?;
    if let Some(why) = absence(&tx, id)? {
        return Err(StoreError::NotFound(why));
    }
    messages::delete_thread(&tx, id)?;
    labels::delete_all(&tx, id)?;
    threads::delete_all(&tx, id)?;
    tickets::delete(&tx, id)?;
    let seq = changes::record_deleted(&tx, id, now)?;
    tx.commit()?;
    Ok(Some(seq))
}

pub(super) fn merge(
    conn: &mut Connection,
    source: TicketId,
    into: TicketId,
    now: Millis,
) -> Result<(HubTicket, FeedAdvance), StoreError> {
    if source == into {
        return Err(StoreError::Invalid(format!(
            "ticket {source} cannot be merged into itself"
        )));
    }
    let tx = conn.transaction()?;
    if let Some(why) = absence(&tx, source)? {
        return Err(StoreError::NotFound(why));
    }
    // The target is named in the body, not the path: a bad one is bad input, as an unknown
    // assignee in an edit is.
    let Some(mut target) = tickets::get(&tx, into)? else {
        let why = state(&tx, into)?
            .absence(into)
            .unwrap_or_else(|| format!("ticket {into} does not exist"));
        return Err(StoreError::Invalid(format!("cannot merge into it: {why}")));
    };
    // The target keeps its own status, priority, assignee and group: the agent merging chose
    // it as the ticket that carries on, and can change any of them with an ordinary edit.
    target.version += 1;
    target.updated_at = now;
    messages::move_thread(&tx, source, into, target.version)?;
    labels::move_all(&tx, source, into)?;
    threads::move_all(&tx, source, into)?;
    tickets::delete(&tx, source)?;
    tickets::update(&tx, &target)?;
    // Merged first: a replica that drops the source before taking the target's new thread
    // never holds the moved messages twice, even if a page ends between the two.
    changes::record_merged(&tx, source, into, now)?;
    let seq = changes::record_upsert(&tx, into, target.version, now)?;
    let merged = tickets::load(&tx, into)?
        .ok_or_else(|| StoreError::Internal(format!("ticket {into} vanished during a merge")))?;
    tx.commit()?;
    Ok((merged, Some(seq)))
}
