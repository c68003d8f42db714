//! Loading ready-made tickets (the demo generator's) as they are, each as version 1.

use desk_domain::TicketRecord;
use rusqlite::Connection;

use super::tables::messages::{self, NewMessage};
use super::tables::tickets::{self, TicketRow};
use super::tables::{changes, customers, labels};
use crate::store::{FeedAdvance, StoreError};

pub(super) fn tickets(
    conn: &mut Connection,
    records: &[TicketRecord],
) -> Result<(usize, FeedAdvance), StoreError> {
    let tx = conn.transaction()?;
    let mut inserted = 0;
    let mut newest = None;
    for t in records {
        // A live id is already there; a removed one must stay removed.
        if tickets::exists(&tx, t.id)? || changes::ever_used(&tx, t.id)? {
            continue;
        }
        customers::upsert(&tx, &t.customer)?;
        tickets::insert(
            &tx,
            &TicketRow {
                id: t.id,
                version: 1,
                subject: t.subject.clone(),
                status: t.status,
                priority: t.priority,
                category: t.category,
                channel: t.channel,
                customer_id: t.customer.id.clone(),
                assignee_id: t.assignee_id.clone(),
                group_id: t.group_id.clone(),
                created_at: t.created_at,
                updated_at: t.updated_at,
            },
        )?;
        for m in &t.messages {
            messages::insert(
                &tx,
                &NewMessage {
                    id: Some(m.id),
                    ticket_id: t.id,
                    kind: m.kind,
                    author: &m.author,
                    // Imported history has no agent ids: it counts as "someone else" for held
                    // replies, which errs on the side of showing the agent the thread.
                    author_agent_id: None,
                    body: &m.body,
                    channel: m.channel,
                    created_at: m.created_at,
                    ticket_version: 1,
                    meta: None,
                    html: m.html.as_deref(),
                    attachments: &m.attachments,
                    device: m.device.as_ref(),
                },
            )?;
        }
        labels::add_tags(&tx, t.id, &t.tags)?;
        labels::add_transaction_refs(&tx, t.id, &t.transaction_refs)?;
        newest = Some(changes::record_upsert(&tx, t.id, 1, t.updated_at)?);
        inserted += 1;
    }
    tx.commit()?;
    Ok((inserted, newest))
}
