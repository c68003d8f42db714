//! Search after a bootstrap: pages are stored without search entries and listed in a durable
//! backlog, which a background thread indexes. The inbox must work at once, search must find
//! every ticket as it is stored once the backlog is done, and a restart must resume it.

use std::path::Path;
use std::time::Duration;

use desk_domain::*;
use desk_store::{Perspective, ServerChange, ServerTicket, Store};

use crate::fixtures::{self, ticket, NOW};

fn copy(version: i64, record: TicketRecord) -> ServerTicket {
    ServerTicket { version, record }
}

/// Tickets in `ids`, each with a word only it has ("marker{id}z": search matches prefixes, so
/// the "z" keeps marker1 from matching marker10) and a word all share.
fn page(ids: std::ops::RangeInclusive<i64>) -> Vec<ServerTicket> {
    ids.map(|id| {
        copy(
            1,
            ticket(
                id,
                &format!("Withdrawal marker{id}z"),
                "my withdrawal is stuck",
            ),
        )
    })
    .collect()
}

fn hits(store: &Store, text: &str) -> Vec<TicketId> {
    let mut ids: Vec<_> = store
        .search(text, 500)
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.id)
        .collect();
    ids.sort_unstable();
    ids
}

async fn caught_up(store: &Store) {
    tokio::time::timeout(Duration::from_secs(60), store.search_caught_up())
        .await
        .expect("the catch-up finishes within a minute")
        .expect("the catch-up ends with nothing left");
    assert_eq!(store.search_backlog().unwrap(), 0);
}

fn reopen(path: &Path) -> Store {
    Store::open(path).unwrap()
}

#[tokio::test]
async fn bootstrapped_tickets_are_in_the_inbox_at_once_and_searchable_once_caught_up() {
    let (store, _dir) = fixtures::store();
    fixtures::bind_agent_a(&store).await;
    store
        .apply_bootstrap_page(page(1..=300), Some("c1".into()), 50, (300, 600))
        .await
        .unwrap();
    // Mid-bootstrap: the inbox already lists the stored tickets, search does not know them.
    let inbox = store
        .inbox_page(
            &InboxQuery {
                view: InboxView::Active,
                filter: InboxFilter::default(),
                sort: InboxSort::Updated,
                offset: 0,
                limit: 50,
            },
            &Perspective {
                agent_id: Some("agent-a".into()),
                now: NOW,
            },
        )
        .unwrap();
    assert_eq!(inbox.total, 300, "the inbox is usable before search is");
    assert_eq!(
        store.search_backlog().unwrap(),
        300,
        "every stored ticket waits for search"
    );
    assert!(
        hits(&store, "marker7z").is_empty(),
        "nothing was indexed yet, so the test below proves the catch-up did it"
    );
    assert_eq!(
        store.search("marker7z", 10).unwrap().unindexed,
        300,
        "a search meanwhile says how many tickets it could not see, so an empty result \
         is not mistaken for 'no such ticket'"
    );

    store
        .apply_bootstrap_page(page(301..=600), None, 50, (600, 600))
        .await
        .unwrap();
    caught_up(&store).await;
    let all = store.search("withdrawal", 10).unwrap();
    assert_eq!(all.total, 600);
    assert_eq!(all.unindexed, 0, "caught up: the results are complete");
    for id in [1, 299, 300, 301, 600] {
        assert_eq!(hits(&store, &format!("marker{id}z")), [id], "ticket {id}");
    }
    assert_eq!(hits(&store, "#42"), [42], "ticket numbers match as before");
}

#[tokio::test]
async fn a_restart_resumes_the_backlog() {
    let (store, dir) = fixtures::store();
    let path = store.path().to_path_buf();
    fixtures::bind_agent_a(&store).await;
    store
        .apply_bootstrap_page(page(1..=1200), Some("c1".into()), 50, (1200, 2400))
        .await
        .unwrap();
    // The last page starts the catch-up; closing the store at once cuts it short (or not,
    // depending on timing). Either way the reopened store must end with everything indexed.
    store
        .apply_bootstrap_page(page(1201..=2400), None, 50, (2400, 2400))
        .await
        .unwrap();
    drop(store);
    let store = reopen(&path);
    caught_up(&store).await;
    assert_eq!(store.search("withdrawal", 10).unwrap().total, 2400);
    assert_eq!(hits(&store, "marker1z"), [1]);
    assert_eq!(hits(&store, "marker2400z"), [2400]);
    drop(dir);
}

#[tokio::test]
async fn an_interrupted_bootstrap_s_tickets_become_searchable_after_a_restart() {
    let (store, _dir) = fixtures::store();
    let path = store.path().to_path_buf();
    fixtures::bind_agent_a(&store).await;
    store
        .apply_bootstrap_page(page(1..=100), Some("c1".into()), 50, (100, 400))
        .await
        .unwrap();
    drop(store);
    // No catch-up ran (the bootstrap never finished); opening the replica starts it.
    let store = reopen(&path);
    caught_up(&store).await;
    assert_eq!(hits(&store, "marker100z"), [100]);
}

#[tokio::test]
async fn tickets_changed_while_waiting_are_indexed_as_they_are_now() {
    let (store, _dir) = fixtures::store();
    fixtures::bind_agent_a(&store).await;
    store
        .apply_bootstrap_page(page(1..=3), Some("c1".into()), 50, (3, 3))
        .await
        .unwrap();
    // While listed: the hub rewrites 1, deletes 2, and the agent notes on 3.
    let rewritten = ticket(1, "Card declined", "the refund never arrived");
    store
        .apply_server_changes(
            vec![
                ServerChange::Upsert(Box::new(copy(2, rewritten))),
                ServerChange::Removed {
                    id: 2,
                    reason: "deleted".into(),
                },
            ],
            None,
        )
        .await
        .unwrap();
    store
        .edit_locally(
            3,
            TicketEdit::Note {
                body: "chargeback filed".into(),
            },
            "e-1".into(),
            NOW,
        )
        .await
        .unwrap();
    assert!(
        hits(&store, "refund").is_empty(),
        "a listed ticket is left to the catch-up, not indexed beside it"
    );
    store
        .apply_bootstrap_page(vec![], None, 50, (3, 3))
        .await
        .unwrap();
    caught_up(&store).await;
    assert_eq!(hits(&store, "refund"), [1], "the rewritten text is found");
    assert!(
        hits(&store, "marker1z").is_empty(),
        "the replaced text is not, so ticket 1 was indexed once, as it is now"
    );
    assert!(
        hits(&store, "marker2z").is_empty(),
        "a deleted ticket is not"
    );
    assert_eq!(hits(&store, "chargeback"), [3], "the local note is found");
    assert_eq!(hits(&store, "withdrawal"), [3]);

    // After the catch-up, changes are indexed at once again, replacing the old entries.
    let later = ticket(3, "Password reset", "locked out of the app");
    store
        .apply_server_changes(vec![ServerChange::Upsert(Box::new(copy(5, later)))], None)
        .await
        .unwrap();
    assert_eq!(store.search_backlog().unwrap(), 0);
    assert_eq!(hits(&store, "locked"), [3]);
    assert!(hits(&store, "withdrawal").is_empty());
}
