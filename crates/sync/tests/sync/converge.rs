//! Two consoles and one hub: both converge, concurrent edits merge per field, and an offline
//! reply written while someone else wrote is held for the agent instead of sent.

use desk_domain::{AttentionKind, MessageKind, Priority, Status, TicketEdit};

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_consoles_converge_and_a_stale_reply_is_held() {
    let hub = hub().await;
    let url = hub.hub.url();
    let a = Console::new(agent(0));
    let b = Console::new(agent(1));
    let mut ea = a.engine(&url);
    let mut eb = b.engine(&url);
    settle(&mut ea).await;
    settle(&mut eb).await;
    assert_converged(&url, &a.store).await;
    assert_converged(&url, &b.store).await;

    // A is "offline": it edits locally and does not sync yet.
    let edit = |s: &desk_store::Store, e: TicketEdit| {
        let s = s.clone();
        async move {
            s.edit_locally(1, e, desk_sync::new_edit_id(), 1_800_000_000_000)
                .await
                .unwrap()
        }
    };
    edit(
        &a.store,
        TicketEdit::SetStatus {
            status: Status::Pending,
        },
    )
    .await;
    edit(
        &a.store,
        TicketEdit::SetPriority {
            priority: Priority::High,
        },
    )
    .await;
    edit(
        &a.store,
        TicketEdit::AddTags {
            tags: vec!["vip".into()],
        },
    )
    .await;
    edit(
        &a.store,
        TicketEdit::Note {
            body: "offline note from A".into(),
        },
    )
    .await;
    edit(
        &a.store,
        TicketEdit::Reply {
            body: "offline reply from A".into(),
        },
    )
    .await;
    assert_eq!(a.store.outbox_counts().unwrap(), (5, 0));

    // B, online, edits the same ticket meanwhile: category, a tag, and a public reply.
    edit(
        &b.store,
        TicketEdit::AddTags {
            tags: vec!["refund".into()],
        },
    )
    .await;
    edit(
        &b.store,
        TicketEdit::Reply {
            body: "reply from B".into(),
        },
    )
    .await;
    settle(&mut eb).await;

    // A comes back.
    settle(&mut ea).await;
    settle(&mut eb).await;
    assert_converged(&url, &a.store).await;
    assert_converged(&url, &b.store).await;

    let t = a.store.ticket_detail(1).unwrap().record;
    assert_eq!(
        t.status,
        Status::Pending,
        "A's status lands: last writer wins per field"
    );
    assert_eq!(t.priority, Priority::High);
    assert!(
        t.tags.contains(&"vip".to_string()) && t.tags.contains(&"refund".to_string()),
        "tags from both agents merge as a set: {:?}",
        t.tags
    );
    let bodies: Vec<_> = t
        .messages
        .iter()
        .map(|m| (m.kind, m.body.as_str()))
        .collect();
    assert!(
        bodies.contains(&(MessageKind::Note, "offline note from A")),
        "the note is appended"
    );
    assert!(bodies.contains(&(MessageKind::Reply, "reply from B")));
    assert!(
        !bodies.iter().any(|(_, b)| *b == "offline reply from A"),
        "A's reply was drafted before B wrote: it must not go out blind"
    );
    let items = a.store.attention_items().unwrap();
    assert_eq!(items.len(), 1, "the held reply waits for A");
    assert_eq!(items[0].kind, AttentionKind::Held);

    // A reads B's reply and sends anyway: now it goes out, once.
    a.store
        .resolve_attention(
            items[0].edit_id.clone(),
            desk_domain::Resolution::Resend,
            desk_sync::new_edit_id(),
            1_800_000_000_001,
        )
        .await
        .unwrap();
    settle(&mut ea).await;
    settle(&mut eb).await;
    assert_converged(&url, &a.store).await;
    assert_converged(&url, &b.store).await;
    let sent = b
        .store
        .ticket_detail(1)
        .unwrap()
        .record
        .messages
        .iter()
        .filter(|m| m.body == "offline reply from A")
        .count();
    assert_eq!(sent, 1, "the resent reply reaches the hub exactly once");
    assert_eq!(a.store.outbox_counts().unwrap(), (0, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interrupted_bootstrap_resumes_where_it_stopped() {
    let hub = hub().await;
    let url = hub.hub.url();
    let mut c = Console::new(agent(0));
    let proxy = netfault::FaultyProxy::start(hub.hub.local_addr())
        .await
        .unwrap();
    let mut via = c.engine(&proxy.url());
    via.bootstrap_page = 5;
    // 12 tickets in pages of 5. The first page passes; the console then asks for the next
    // two at once (the look-ahead), and both answers are lost.
    proxy.script_for(
        "/api/bootstrap",
        [
            netfault::Fault::Pass,
            netfault::Fault::Offline,
            netfault::Fault::Offline,
        ],
    );
    assert!(sync(&mut via).await.is_err());
    assert_eq!(
        c.store.ticket_count().unwrap(),
        5,
        "the first page is stored, and nothing of the lost ones"
    );
    drop(via);

    // After a restart the console resumes at the second page, not the first; that one
    // passes, and the last page's answer is lost.
    c.restart_store();
    let mut e2 = c.engine(&proxy.url());
    e2.bootstrap_page = 5;
    proxy.script_for(
        "/api/bootstrap",
        [netfault::Fault::Pass, netfault::Fault::Offline],
    );
    assert!(sync(&mut e2).await.is_err());
    assert_eq!(
        c.store.ticket_count().unwrap(),
        10,
        "the resumed bootstrap stored the second page"
    );
    drop(e2);

    c.restart_store();
    let mut e3 = c.engine(&proxy.url());
    e3.bootstrap_page = 5;
    settle(&mut e3).await;
    assert_converged(&url, &c.store).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bootstrapped_replica_becomes_searchable_in_the_background() {
    let hub = hub().await;
    let url = hub.hub.url();
    let c = Console::new(agent(0));
    let mut e = c.engine(&url);
    settle(&mut e).await;
    // The bootstrap leaves search to a background catch-up; once it is done, every ticket must
    // be found by its words and by its identifiers, as if it had been indexed on arrival.
    tokio::time::timeout(
        std::time::Duration::from_secs(120),
        c.store.search_caught_up(),
    )
    .await
    .expect("search catches up within two minutes")
    .expect("the catch-up ends with nothing left");
    let tickets = hub_tickets(&url).await;
    assert!(!tickets.is_empty());
    for (id, (_, t)) in tickets {
        let by_wallet = c
            .store
            .search(&t.customer.wallet_account_id, desk_store::MAX_SEARCH_ROWS)
            .unwrap();
        assert!(
            by_wallet.rows.iter().any(|r| r.id == id),
            "ticket {id} is found by its customer's wallet id"
        );
        let by_subject = c
            .store
            .search(&t.subject, desk_store::MAX_SEARCH_ROWS)
            .unwrap();
        assert!(
            by_subject.rows.iter().any(|r| r.id == id),
            "ticket {id} is found by its subject"
        );
    }
}
