//! The replica's sync bookkeeping: local edits and their outbox rows, re-applying queued edits
//! over the hub's copies, acknowledgements and the attention list.

use desk_domain::*;
use desk_store::{EditAck, ServerChange, ServerTicket, Store};

use crate::fixtures::{self, ticket, NOW};

async fn signed_in_store() -> (Store, tempfile::TempDir) {
    let (store, dir) = fixtures::store();
    fixtures::bind_agent_a(&store).await;
    let copy = ServerTicket {
        version: 3,
        record: ticket(1, "Top-up failed", "my top-up failed"),
    };
    store
        .apply_server_changes(vec![ServerChange::Upsert(Box::new(copy))], Some(10))
        .await
        .unwrap();
    (store, dir)
}

fn server_copy(version: i64, f: impl FnOnce(&mut TicketRecord)) -> ServerChange {
    let mut record = ticket(1, "Top-up failed", "my top-up failed");
    f(&mut record);
    ServerChange::Upsert(Box::new(ServerTicket { version, record }))
}

#[tokio::test]
async fn a_local_edit_shows_at_once_and_is_queued_with_its_base_version() {
    let (store, _dir) = signed_in_store().await;
    let detail = store
        .edit_locally(
            1,
            TicketEdit::SetStatus {
                status: Status::Pending,
            },
            "e-1".into(),
            NOW,
        )
        .await
        .unwrap();
    assert_eq!(
        detail.record.status,
        Status::Pending,
        "the agent sees the edit at once"
    );
    assert_eq!(detail.queued, 1);
    let queued = store.queued_edits(10).unwrap();
    assert_eq!(queued.len(), 1);
    assert_eq!(
        queued[0].base_version, 3,
        "the edit builds on the version the agent saw"
    );
    assert_eq!(store.outbox_counts().unwrap(), (1, 0));
}

#[tokio::test]
async fn retrying_the_same_edit_id_queues_it_once() {
    let (store, _dir) = signed_in_store().await;
    let note = TicketEdit::Note {
        body: "called the bank".into(),
    };
    store
        .edit_locally(1, note.clone(), "e-1".into(), NOW)
        .await
        .unwrap();
    let detail = store
        .edit_locally(1, note, "e-1".into(), NOW)
        .await
        .unwrap();
    assert_eq!(
        detail.queued, 1,
        "a repeated IPC call must not queue the note twice"
    );
    let notes = detail
        .record
        .messages
        .iter()
        .filter(|m| m.kind == MessageKind::Note)
        .count();
    assert_eq!(notes, 1);
}

#[tokio::test]
async fn a_pull_never_hides_queued_edits() {
    let (store, _dir) = signed_in_store().await;
    store
        .edit_locally(
            1,
            TicketEdit::SetPriority {
                priority: Priority::High,
            },
            "e-1".into(),
            NOW,
        )
        .await
        .unwrap();
    store
        .edit_locally(
            1,
            TicketEdit::AddTags {
                tags: vec!["vip".into()],
            },
            "e-2".into(),
            NOW,
        )
        .await
        .unwrap();
    store
        .edit_locally(
            1,
            TicketEdit::Reply {
                body: "We are on it".into(),
            },
            "e-3".into(),
            NOW,
        )
        .await
        .unwrap();
    // Another agent changed status and tags on the hub meanwhile.
    let pulled = server_copy(4, |t| {
        t.status = Status::OnHold;
        t.tags = vec!["bank".into()];
    });
    store
        .apply_server_changes(vec![pulled], Some(11))
        .await
        .unwrap();
    let d = store.ticket_detail(1).unwrap();
    assert_eq!(
        d.record.status,
        Status::OnHold,
        "the other agent's change arrives"
    );
    assert_eq!(
        d.record.priority,
        Priority::High,
        "our queued priority stays on top"
    );
    assert_eq!(
        d.record.tags,
        vec!["bank".to_string(), "vip".to_string()],
        "tags merge as a set"
    );
    let local: Vec<_> = d.record.messages.iter().filter(|m| m.id < 0).collect();
    assert_eq!(local.len(), 1, "the queued reply is still shown, once");
    assert_eq!(d.version, 4);
}

#[tokio::test]
async fn older_copies_are_ignored() {
    let (store, _dir) = signed_in_store().await;
    store
        .apply_server_changes(vec![server_copy(2, |t| t.subject = "stale".into())], None)
        .await
        .unwrap();
    assert_eq!(
        store.ticket_detail(1).unwrap().record.subject,
        "Top-up failed"
    );
}

#[tokio::test]
async fn acknowledged_edits_leave_the_queue_and_duplicates_change_nothing() {
    let (store, _dir) = signed_in_store().await;
    store
        .edit_locally(
            1,
            TicketEdit::SetStatus {
                status: Status::Solved,
            },
            "e-1".into(),
            NOW,
        )
        .await
        .unwrap();
    let ack = (
        "e-1".to_string(),
        EditAck::Applied {
            ticket_id: 1,
            version: 4,
        },
    );
    store.acknowledge(vec![ack.clone()]).await.unwrap();
    store.acknowledge(vec![ack]).await.unwrap();
    assert_eq!(store.outbox_counts().unwrap(), (0, 0));
    assert_eq!(store.ticket_version(1).unwrap(), Some(4));
    assert_eq!(
        store.ticket_detail(1).unwrap().record.status,
        Status::Solved
    );
}

#[tokio::test]
async fn a_held_reply_waits_for_the_agent_and_can_be_resent_or_discarded() {
    let (store, _dir) = signed_in_store().await;
    let reply = TicketEdit::Reply {
        body: "<b>Refund sent</b>".into(),
    };
    store
        .edit_locally(1, reply.clone(), "e-1".into(), NOW)
        .await
        .unwrap();
    let held = EditAck::Attention {
        ticket_id: 1,
        kind: AttentionKind::Held,
        reason: "the customer wrote since".into(),
    };
    store.acknowledge(vec![("e-1".into(), held)]).await.unwrap();
    assert_eq!(
        store.outbox_counts().unwrap(),
        (0, 1),
        "held, not queued, not dropped"
    );
    assert_eq!(
        store.tickets_to_refetch().unwrap(),
        vec![1],
        "the local copy shows a reply the hub lacks"
    );
    let items = store.attention_items().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].edit, reply);
    assert_eq!(items[0].subject, "Top-up failed");

    // The fresh copy removes the unsent reply from the thread.
    store
        .apply_server_changes(vec![server_copy(5, |_| {})], None)
        .await
        .unwrap();
    let d = store.ticket_detail(1).unwrap();
    assert!(
        d.record.messages.iter().all(|m| m.id > 0),
        "a held reply is not shown as sent"
    );
    assert!(store.tickets_to_refetch().unwrap().is_empty());

    store
        .resolve_attention("e-1".into(), Resolution::Resend, "e-2".into(), NOW + 1)
        .await
        .unwrap();
    let queued = store.queued_edits(10).unwrap();
    assert_eq!(queued.len(), 1);
    assert_eq!(
        queued[0].edit_id, "e-2",
        "a resend is a new edit, so the hub does not answer 'held' again"
    );
    assert_eq!(
        queued[0].base_version, 5,
        "based on the thread the agent has now seen"
    );
    assert_eq!(store.outbox_counts().unwrap(), (1, 0));
    let err = store
        .resolve_attention("e-2".into(), Resolution::Discard, "e-3".into(), NOW)
        .await
        .unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::InvalidInput,
        "a queued edit is not the agent's to discard"
    );
}

#[tokio::test]
async fn a_ticket_removed_on_the_hub_sends_its_queued_edits_to_attention() {
    let (store, _dir) = signed_in_store().await;
    store
        .edit_locally(1, TicketEdit::Note { body: "n".into() }, "e-1".into(), NOW)
        .await
        .unwrap();
    let removed = ServerChange::Removed {
        id: 1,
        reason: "merged into ticket 2".into(),
    };
    store
        .apply_server_changes(vec![removed], Some(12))
        .await
        .unwrap();
    assert!(store.ticket_detail(1).is_err());
    assert_eq!(store.outbox_counts().unwrap(), (0, 1));
    assert_eq!(
        store.attention_items().unwrap()[0].reason,
        "merged into ticket 2"
    );
    assert_eq!(
        store.search("top-up", 10).unwrap().total,
        0,
        "search forgets it too"
    );
    assert_eq!(store.sync_position().unwrap().feed_after, Some(12));
}

#[tokio::test]
async fn invalid_edits_are_refused_before_anything_is_written() {
    let (store, _dir) = signed_in_store().await;
    for (edit, id) in [
        (TicketEdit::Reply { body: "   ".into() }, "e-1"),
        (TicketEdit::AddTags { tags: vec![] }, "e-2"),
        (
            TicketEdit::SetStatus {
                status: Status::Open,
            },
            "bad id with spaces",
        ),
    ] {
        let err = store
            .edit_locally(1, edit, id.into(), NOW)
            .await
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput);
    }
    let err = store
        .edit_locally(99, TicketEdit::Note { body: "x".into() }, "e-9".into(), NOW)
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    assert_eq!(
        store.outbox_counts().unwrap(),
        (0, 0),
        "nothing half-written"
    );
}

#[tokio::test]
async fn a_replica_bound_to_one_hub_refuses_another() {
    let (store, _dir) = signed_in_store().await;
    let me = Agent {
        id: "agent-a".into(),
        name: "A".into(),
        group_id: None,
    };
    let err = store
        .bind_hub("http://other.test".into(), me, (vec![], vec![]))
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
}

#[tokio::test]
async fn one_pull_that_rewrites_and_removes_tickets_leaves_search_at_the_last_state() {
    // Search entries are written after a transaction's rows, in order: rewriting, removing and
    // re-adding a ticket within one pull must leave exactly its last state searchable.
    let (store, _dir) = signed_in_store().await;
    let copy = |id, version, body: &str| {
        ServerChange::Upsert(Box::new(ServerTicket {
            version,
            record: ticket(id, "Refund", body),
        }))
    };
    let gone = |id| ServerChange::Removed {
        id,
        reason: "deleted on the hub".into(),
    };
    let changes = vec![
        copy(1, 4, "withdrawal pending"),
        copy(1, 5, "withdrawal frozen"),
        gone(1),
        copy(2, 1, "card declined"),
        gone(2),
        copy(2, 2, "card stolen"),
    ];
    store.apply_server_changes(changes, Some(20)).await.unwrap();
    assert_eq!(store.search("withdrawal", 10).unwrap().total, 0);
    assert_eq!(store.search("declined", 10).unwrap().total, 0);
    let stolen = store.search("stolen", 10).unwrap();
    assert_eq!((stolen.total, stolen.rows[0].id), (1, 2));
    assert_eq!(store.search("refund", 10).unwrap().total, 1);
}

/// A bootstrap page reads what the replica holds for all its tickets at once. Over a replica
/// that already holds some of them (a bootstrap again after the hub was restored), each ticket
/// must still be judged by its own state: queued edits re-applied on the one that has them,
/// the refetch mark cleared on the one that was waiting for a fresh copy, an older copy
/// ignored, and new tickets stored at their version.
#[tokio::test]
async fn a_bootstrap_page_over_held_tickets_treats_each_by_its_own_state() {
    let (store, _dir) = signed_in_store().await;
    let copy = |id, version, subject: &str| ServerTicket {
        version,
        record: ticket(id, subject, "my top-up failed"),
    };
    store
        .apply_server_changes(
            vec![
                ServerChange::Upsert(Box::new(copy(2, 5, "Withdrawal late"))),
                ServerChange::Upsert(Box::new(copy(3, 7, "Card declined"))),
            ],
            Some(11),
        )
        .await
        .unwrap();
    // Ticket 1: a queued priority change. Ticket 2: a held reply, so it waits for a copy.
    let priority = TicketEdit::SetPriority {
        priority: Priority::High,
    };
    store
        .edit_locally(1, priority, "e-1".into(), NOW)
        .await
        .unwrap();
    let reply = TicketEdit::Reply {
        body: "Refund sent".into(),
    };
    store
        .edit_locally(2, reply, "e-2".into(), NOW)
        .await
        .unwrap();
    let held = EditAck::Attention {
        ticket_id: 2,
        kind: AttentionKind::Held,
        reason: "the customer wrote since".into(),
    };
    store.acknowledge(vec![("e-2".into(), held)]).await.unwrap();
    assert_eq!(store.tickets_to_refetch().unwrap(), vec![2]);

    let mut first = copy(1, 4, "Top-up failed");
    first.record.status = Status::OnHold;
    let page = vec![
        first,
        copy(2, 6, "Withdrawal late"),
        copy(3, 2, "stale"),
        copy(4, 1, "New case"),
    ];
    store
        .apply_bootstrap_page(page, None, 20, (4, 4))
        .await
        .unwrap();

    let one = store.ticket_detail(1).unwrap();
    assert_eq!(
        one.record.status,
        Status::OnHold,
        "the hub's change arrives"
    );
    assert_eq!(
        one.record.priority,
        Priority::High,
        "the queued edit stays on top of the new copy"
    );
    assert_eq!(one.version, 4);
    assert_eq!(
        one.queued, 1,
        "still queued: the hub has not acknowledged it"
    );

    let two = store.ticket_detail(2).unwrap();
    assert_eq!(two.version, 6);
    assert!(
        two.record.messages.iter().all(|m| m.id > 0),
        "the held reply is not shown as sent"
    );
    assert!(
        store.tickets_to_refetch().unwrap().is_empty(),
        "the fresh copy ends the wait"
    );

    let three = store.ticket_detail(3).unwrap();
    assert_eq!(
        three.record.subject, "Card declined",
        "an older copy is ignored"
    );
    assert_eq!(three.version, 7);

    assert_eq!(
        store.ticket_version(4).unwrap(),
        Some(1),
        "a new ticket keeps its version"
    );
}

#[tokio::test]
async fn a_customer_shared_by_tickets_takes_each_change_from_the_hub() {
    let (store, _dir) = signed_in_store().await;
    let with_customer = |id, version, f: &dyn Fn(&mut Customer)| {
        let mut record = ticket(id, "Top-up failed", "my top-up failed");
        record.customer = fixtures::customer("shared");
        f(&mut record.customer);
        ServerChange::Upsert(Box::new(ServerTicket { version, record }))
    };
    let unchanged = |_: &mut Customer| {};
    store
        .apply_server_changes(
            vec![
                with_customer(2, 1, &unchanged),
                with_customer(3, 1, &unchanged),
            ],
            Some(11),
        )
        .await
        .unwrap();
    assert_eq!(
        store.ticket_detail(3).unwrap().record.customer,
        fixtures::customer("shared"),
        "a second ticket with the same customer leaves the row as it was"
    );

    // The customer's e-mail is removed and their verification is rejected at the hub: a NULL
    // must count as a change (a plain `!=` comparison would miss it).
    let changed = |c: &mut Customer| {
        c.email = None;
        c.verification = Verification::Rejected;
    };
    store
        .apply_server_changes(vec![with_customer(2, 2, &changed)], Some(12))
        .await
        .unwrap();
    let mut expected = fixtures::customer("shared");
    changed(&mut expected);
    assert_eq!(
        store.ticket_detail(3).unwrap().record.customer,
        expected,
        "the other ticket shows the customer as the hub now has them"
    );

    // And back: a value where there was NULL is a change too.
    store
        .apply_server_changes(vec![with_customer(2, 3, &unchanged)], Some(13))
        .await
        .unwrap();
    assert_eq!(
        store.ticket_detail(3).unwrap().record.customer,
        fixtures::customer("shared")
    );
}
