//! A bootstrap into an empty replica sets the inbox's secondary indexes aside and builds them
//! once with its last page (`deferred_indexes`). The replica must work meanwhile, and it must
//! never be left without them: not after the last page, not after a crash in between.

use std::path::Path;

use desk_domain::*;
use desk_store::{Perspective, ServerTicket, Store};

use crate::fixtures::{self, ticket, NOW};

fn page(ids: std::ops::RangeInclusive<i64>) -> Vec<ServerTicket> {
    ids.map(|id| ServerTicket {
        version: 1,
        record: ticket(id, &format!("Refund {id}"), "my refund never arrived"),
    })
    .collect()
}

/// The named indexes of the replica file, read from its schema over a connection of its own.
fn indexes(path: &Path) -> Vec<String> {
    let conn = desk_sqlite::open_reader(path).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
        )
        .unwrap();
    let names = stmt.query_map([], |r| r.get(0)).unwrap();
    names.collect::<Result<_, _>>().unwrap()
}

fn active_inbox_total(store: &Store) -> u32 {
    let query = InboxQuery {
        view: InboxView::Active,
        filter: InboxFilter::default(),
        sort: InboxSort::Priority,
        offset: 0,
        limit: 50,
    };
    let me = Perspective {
        agent_id: Some("agent-a".into()),
        now: NOW,
    };
    store.inbox_page(&query, &me).unwrap().total
}

#[tokio::test]
async fn a_bootstrap_sets_indexes_aside_and_builds_them_with_its_last_page() {
    let (store, _dir) = fixtures::store();
    fixtures::bind_agent_a(&store).await;
    let full = indexes(store.path());
    assert!(
        full.iter().any(|i| i == "tickets_queue") && full.iter().any(|i| i == "messages_thread"),
        "the schema has the inbox and thread indexes to begin with: {full:?}"
    );

    store
        .apply_bootstrap_page(page(1..=200), Some("c1".into()), 50, (200, 400))
        .await
        .unwrap();
    let during = indexes(store.path());
    assert!(
        !during
            .iter()
            .any(|i| i == "tickets_queue" || i == "messages_thread"),
        "the first page into an empty replica set them aside: {during:?}"
    );
    for kept in [
        "tickets_recency",
        "tickets_category",
        "tickets_sla",
        "tickets_urgent",
    ] {
        assert!(
            during.iter().any(|i| i == kept),
            "{kept} is named in an INDEXED BY clause, so it stays: {during:?}"
        );
    }
    // Meanwhile every read the console makes still answers (slower, by scanning).
    assert_eq!(active_inbox_total(&store), 200);
    let day = LocalDay::new(NOW, 0).unwrap();
    assert!(
        store.dashboard(day, 14).is_ok(),
        "the dashboard's INDEXED BY queries run"
    );
    assert_eq!(store.search("refund", 10).unwrap().unindexed, 200);
    assert_eq!(store.ticket_detail(7).unwrap().record.messages.len(), 1);

    store
        .apply_bootstrap_page(page(201..=400), None, 50, (400, 400))
        .await
        .unwrap();
    assert_eq!(
        indexes(store.path()),
        full,
        "the last page built every index again, exactly as the migrations define them"
    );
    assert_eq!(active_inbox_total(&store), 400);
}

#[tokio::test]
async fn a_bootstrap_cut_short_gets_its_indexes_back_when_the_replica_opens_again() {
    let (store, dir) = fixtures::store();
    let path = store.path().to_path_buf();
    fixtures::bind_agent_a(&store).await;
    let full = indexes(&path);
    store
        .apply_bootstrap_page(page(1..=200), Some("c1".into()), 50, (200, 400))
        .await
        .unwrap();
    assert_ne!(indexes(&path), full, "set aside by the first page");
    drop(store); // the app quits or crashes mid-bootstrap

    let store = Store::open(&path).unwrap();
    assert_eq!(
        indexes(&path),
        full,
        "opening the replica rebuilt them before anything else ran"
    );
    assert_eq!(
        store
            .sync_position()
            .unwrap()
            .bootstrap
            .map(|(cursor, _)| cursor),
        Some(Some("c1".to_string())),
        "the bootstrap resumes where it stopped"
    );
    store
        .apply_bootstrap_page(page(201..=400), None, 50, (400, 400))
        .await
        .unwrap();
    assert_eq!(indexes(&path), full, "a resumed bootstrap keeps them");
    assert_eq!(store.ticket_count().unwrap(), 400);
    drop(dir);
}

#[tokio::test]
async fn a_replica_that_holds_tickets_keeps_its_indexes_through_a_bootstrap() {
    let (store, _dir) = fixtures::store();
    fixtures::bind_agent_a(&store).await;
    store
        .upsert_tickets(vec![ticket(9_000, "Older", "kept from before")])
        .await
        .unwrap();
    let full = indexes(store.path());
    store
        .apply_bootstrap_page(page(1..=100), Some("c1".into()), 50, (100, 200))
        .await
        .unwrap();
    assert_eq!(
        indexes(store.path()),
        full,
        "its lookups (a thread replaced by ticket id) rely on them"
    );
}
