//! Applying agents' edits: each in its own savepoint, exactly once per edit id. Scalar fields
//! are last-writer-wins per field, tags merge as a set, replies and notes append. A reply
//! written before the customer or another agent last wrote is held for the agent to review.

use desk_domain::{Agent, MessageKind, Millis};
use desk_wire::{Edit, EditOp, EditOutcome, EditResult, HubErrorCode};
use rusqlite::{Connection, Transaction};

use super::tables::messages::{self, NewMessage};
use super::tables::tickets::{self, TicketRow};
use super::tables::{applied_edits, changes, labels, team};
use crate::rules;
use crate::store::{FeedAdvance, StoreError};

/// Applies a batch in one transaction with a savepoint per edit: an edit that fails rolls
/// back alone, and the batch costs one durable commit instead of one per edit (a 1,000-edit
/// outbox used to wait on 1,000 fsyncs). Nothing is answered before that commit; if it fails,
/// no edit of the batch was stored and every one is answered as retryable.
pub(super) fn apply_batch(
    conn: &mut Connection,
    agent: &Agent,
    edits: Vec<Edit>,
    now: Millis,
) -> (Vec<EditResult>, FeedAdvance) {
    let mut tx = match conn.transaction() {
        Ok(tx) => tx,
        Err(e) => {
            return (
                none_stored(edits.into_iter().map(|edit| edit.edit_id), &e.into()),
                None,
            )
        }
    };
    let mut newest = None;
    let mut results = Vec::with_capacity(edits.len());
    for edit in edits {
        let outcome = match apply_one(&mut tx, agent, &edit, now) {
            Ok((outcome, seq)) => {
                newest = seq.or(newest);
                outcome
            }
            // Rolled back and not recorded, so the same edit id can be sent again.
            Err(e) => failed(&e),
        };
        results.push(EditResult {
            edit_id: edit.edit_id,
            outcome,
        });
    }
    match tx.commit() {
        Ok(()) => (results, newest),
        Err(e) => (
            none_stored(results.into_iter().map(|r| r.edit_id), &e.into()),
            None,
        ),
    }
}

fn none_stored(ids: impl IntoIterator<Item = String>, e: &StoreError) -> Vec<EditResult> {
    ids.into_iter()
        .map(|edit_id| EditResult {
            edit_id,
            outcome: failed(e),
        })
        .collect()
}

fn failed(e: &StoreError) -> EditOutcome {
    EditOutcome::Rejected {
        code: if e.retry_helps() {
            HubErrorCode::StoreUnavailable
        } else {
            HubErrorCode::Internal
        },
        message: e.to_string(),
    }
}

fn rejected(code: HubErrorCode, message: impl Into<String>) -> EditOutcome {
    EditOutcome::Rejected {
        code,
        message: message.into(),
    }
}

fn apply_one(
    tx: &mut Transaction<'_>,
    agent: &Agent,
    edit: &Edit,
    now: Millis,
) -> Result<(EditOutcome, FeedAdvance), StoreError> {
    if let Err(message) = rules::validate_edit_id(&edit.edit_id) {
        return Ok((rejected(HubErrorCode::InvalidInput, message), None));
    }
    let sp = tx.savepoint()?;
    if let Some(prev) = applied_edits::get(&sp, &edit.edit_id)? {
        if prev.agent_id != agent.id {
            // Ids are per agent: replaying someone else's id must neither apply nor reveal
            // what their edit did.
            let msg = format!("edit id '{}' belongs to another agent", edit.edit_id);
            return Ok((rejected(HubErrorCode::Conflict, msg), None));
        }
        return Ok((rules::answer_for_retry(prev.outcome), None));
    }
    let (outcome, seq) = decide(&sp, agent, edit, now)?;
    applied_edits::insert(&sp, &edit.edit_id, &agent.id, edit.ticket_id, &outcome, now)?;
    sp.commit()?;
    Ok((outcome, seq))
}

/// Applies the edit to the ticket inside the caller's transaction and says what happened.
fn decide(
    tx: &Connection,
    agent: &Agent,
    edit: &Edit,
    now: Millis,
) -> Result<(EditOutcome, FeedAdvance), StoreError> {
    if let Err(message) = rules::validate_op(&edit.op) {
        return Ok((rejected(HubErrorCode::InvalidInput, message), None));
    }
    let Some(mut row) = tickets::get(tx, edit.ticket_id)? else {
        // Saying "merged into N" lets the console point the agent at the surviving ticket.
        let msg = super::removal::state(tx, edit.ticket_id)?
            .absence(edit.ticket_id)
            .unwrap_or_else(|| format!("ticket {} does not exist", edit.ticket_id));
        return Ok((rejected(HubErrorCode::NotFound, msg), None));
    };
    let next_version = row.version + 1;
    let changed = match &edit.op {
        EditOp::SetStatus { status } => set(&mut row.status, *status),
        EditOp::SetPriority { priority } => set(&mut row.priority, *priority),
        EditOp::SetCategory { category } => set(&mut row.category, *category),
        EditOp::SetAssignee { assignee_id } => {
            if let Some(id) = assignee_id {
                if !team::agent_exists(tx, id)? {
                    let msg = format!("no agent '{id}'");
                    return Ok((rejected(HubErrorCode::InvalidInput, msg), None));
                }
            }
            set(&mut row.assignee_id, assignee_id.clone())
        }
        EditOp::SetGroup { group_id } => {
            if let Some(id) = group_id {
                if !team::group_exists(tx, id)? {
                    let msg = format!("no group '{id}'");
                    return Ok((rejected(HubErrorCode::InvalidInput, msg), None));
                }
            }
            set(&mut row.group_id, group_id.clone())
        }
        EditOp::AddTags { tags } => labels::add_tags(tx, row.id, &rules::tag_set(tags))? > 0,
        EditOp::RemoveTags { tags } => labels::remove_tags(tx, row.id, &rules::tag_set(tags))? > 0,
        EditOp::Reply { body } => {
            let foreign = messages::latest_foreign_version(tx, row.id, &agent.id)?;
            if rules::reply_is_stale(edit.base_version, foreign) {
                return Ok((
                    EditOutcome::Held {
                        reason: format!(
                            "the customer or another agent wrote after version {}; review the \
                             thread before sending",
                            edit.base_version
                        ),
                        server_version: row.version,
                    },
                    None,
                ));
            }
            append(tx, &row, agent, MessageKind::Reply, body, next_version, now)?;
            true
        }
        EditOp::Note { body } => {
            append(tx, &row, agent, MessageKind::Note, body, next_version, now)?;
            true
        }
    };
    if !changed {
        // Already so (another agent got there first, or a repeated click): nothing to sync.
        return Ok((
            EditOutcome::Applied {
                version: row.version,
            },
            None,
        ));
    }
    row.version = next_version;
    row.updated_at = now;
    tickets::update(tx, &row)?;
    let seq = changes::record_upsert(tx, row.id, row.version, now)?;
    Ok((
        EditOutcome::Applied {
            version: row.version,
        },
        Some(seq),
    ))
}

fn set<T: PartialEq>(field: &mut T, value: T) -> bool {
    let changed = *field != value;
    *field = value;
    changed
}

fn append(
    tx: &Connection,
    row: &TicketRow,
    agent: &Agent,
    kind: MessageKind,
    body: &str,
    version: i64,
    now: Millis,
) -> Result<(), StoreError> {
    messages::insert(
        tx,
        &NewMessage {
            id: None,
            ticket_id: row.id,
            kind,
            author: &agent.name,
            author_agent_id: Some(&agent.id),
            body,
            channel: row.channel,
            created_at: now,
            ticket_version: version,
            meta: None,
            html: None,
            attachments: &[],
            device: None,
        },
    )?;
    Ok(())
}
