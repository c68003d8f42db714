//! Filing a customer message: find the customer, find the ticket it belongs to (by the
//! channel's thread key, else the customer's open ticket on that channel), append, or open a
//! new ticket. One transaction.

use desk_domain::{MessageKind, Millis, Status};
use desk_wire::{IntakeMessage, IntakeResult};
use rusqlite::Connection;

use super::tables::messages::{self, NewMessage};
use super::tables::tickets::{self, TicketRow};
use super::tables::{changes, customers, threads, triage_notes};
use crate::rules;
use crate::store::{FeedAdvance, StoreError};

pub(super) fn file(
    conn: &mut Connection,
    msg: &IntakeMessage,
    now: Millis,
) -> Result<(IntakeResult, FeedAdvance), StoreError> {
    rules::validate_intake(msg).map_err(StoreError::Invalid)?;
    let tx = conn.transaction()?;
    let customer = match customers::find(&tx, &msg.customer)? {
        Some(c) => c,
        None => {
            let c = rules::new_customer(&msg.customer, format!("cust-{}", uuid::Uuid::new_v4()));
            customers::upsert(&tx, &c)?;
            c
        }
    };

    // A closed ticket is finished: a message on its thread starts a new ticket.
    let by_thread = match &msg.external_thread_id {
        Some(key) => match threads::ticket(&tx, msg.channel, key)? {
            Some(id) => tickets::get(&tx, id)?.filter(|t| t.status != Status::Closed),
            None => None,
        },
        None => None,
    };
    let target = match by_thread {
        Some(t) => Some(t),
        None => tickets::open_for_customer(&tx, &customer.id, msg.channel)?,
    };

    let (ticket_id, created, version) = match target {
        Some(mut row) => {
            row.version += 1;
            row.status = rules::status_after_customer_message(row.status);
            row.updated_at = now;
            tickets::update(&tx, &row)?;
            (row.id, false, row.version)
        }
        None => {
            let filing = crate::triage::triage(msg);
            let id = tickets::next_id(&tx)?;
            tickets::insert(
                &tx,
                &TicketRow {
                    id,
                    version: 1,
                    subject: rules::subject_for(msg),
                    status: Status::New,
                    priority: filing.priority,
                    category: filing.category,
                    channel: msg.channel,
                    customer_id: customer.id.clone(),
                    assignee_id: None,
                    group_id: filing.group_id,
                    created_at: now,
                    updated_at: now,
                },
            )?;
            triage_notes::insert(&tx, id, &filing.note)?;
            (id, true, 1)
        }
    };

    let attachments = rules::kept_attachments(msg);
    let device = rules::device_of(msg);
    let message_id = messages::insert(
        &tx,
        &NewMessage {
            id: None,
            ticket_id,
            kind: MessageKind::Customer,
            author: &customer.name,
            author_agent_id: None,
            body: &msg.body,
            channel: msg.channel,
            created_at: rules::message_time(msg.sent_at, now),
            ticket_version: version,
            meta: rules::intake_meta(msg),
            html: msg.html.as_deref(),
            attachments: &attachments,
            device: device.as_ref(),
        },
    )?;
    if let Some(key) = &msg.external_thread_id {
        threads::link(&tx, msg.channel, key, ticket_id)?;
    }
    let seq = changes::record_upsert(&tx, ticket_id, version, now)?;
    tx.commit()?;
    Ok((
        IntakeResult {
            ticket_id,
            created,
            message_id,
        },
        Some(seq),
    ))
}
