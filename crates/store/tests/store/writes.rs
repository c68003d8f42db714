use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use desk_domain::*;
use desk_store::Store;

use crate::fixtures::*;

#[test]
fn a_failing_batch_leaves_nothing_half_written() {
    let (store, _d) = store();
    let good = ticket(1, "fine", "ok");
    let mut clash = ticket(2, "clash", "ok");
    clash.messages[0].id = good.messages[0].id; // the same message id in two tickets
    clash.messages[0].ticket_id = 2;
    let err = store
        .upsert_tickets_blocking(vec![good, clash])
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Internal);
    assert_eq!(
        store.ticket_count().unwrap(),
        0,
        "the whole batch rolls back, including ticket 1"
    );
    assert!(
        store.search("fine", 10).unwrap().rows.is_empty(),
        "and its search entries"
    );
}

#[test]
fn inconsistent_records_are_rejected_before_writing() {
    let (store, _d) = store();
    let mut bad = ticket(1, "x", "y");
    bad.messages[0].ticket_id = 99;
    assert_eq!(
        store.upsert_tickets_blocking(vec![bad]).unwrap_err().code(),
        ErrorCode::InvalidInput
    );
    assert_eq!(
        store
            .upsert_tickets_blocking(vec![ticket(2, "   ", "y")])
            .unwrap_err()
            .code(),
        ErrorCode::InvalidInput
    );
}

#[test]
fn data_survives_reopening_and_migrations_are_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("replica.db");
    {
        let store = Store::open(&path).unwrap();
        store
            .upsert_tickets_blocking(vec![ticket(1, "persisted", "body")])
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.ticket_count().unwrap(),
        1,
        "a reopened replica keeps its tickets"
    );
    assert!(store.integrity_ok().unwrap());
    assert_eq!(
        store.search("persisted", 10).unwrap().total,
        1,
        "and its search index"
    );
}

#[test]
fn team_and_signed_in_agent_round_trip() {
    let (store, _d) = store();
    let groups = vec![Group {
        id: "security".into(),
        name: "Security".into(),
    }];
    let agents = vec![Agent {
        id: "a1".into(),
        name: "Lin".into(),
        group_id: Some("security".into()),
    }];
    assert!(
        store
            .save_team_blocking(groups.clone(), agents.clone(), "ghost", true)
            .is_err(),
        "unknown agent"
    );
    store
        .save_team_blocking(groups, agents.clone(), "a1", true)
        .unwrap();
    assert_eq!(store.signed_in().unwrap(), Some((agents[0].clone(), true)));
    assert_eq!(
        store.team().unwrap(),
        (groups_again(), agents),
        "the team reads back as saved"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_proceed_while_the_writer_commits() {
    let (store, _d) = store();
    store
        .upsert_tickets(vec![ticket(1, "first", "b")])
        .await
        .unwrap();
    let done = Arc::new(AtomicBool::new(false));
    let reader = {
        let (store, done) = (store.clone(), done.clone());
        tokio::spawn(async move {
            let mut reads = 0;
            while !done.load(Ordering::Relaxed) {
                let n = store
                    .read(|s| s.ticket_count())
                    .await
                    .expect("reads never fail with 'locked'");
                assert!(n >= 1);
                reads += 1;
            }
            reads
        })
    };
    for batch in 0..20 {
        let records = (0..50)
            .map(|i| ticket(2 + batch * 50 + i, "bulk", "body"))
            .collect();
        store.upsert_tickets(records).await.unwrap();
    }
    done.store(true, Ordering::Relaxed);
    assert!(reader.await.unwrap() > 0);
    assert_eq!(store.ticket_count().unwrap(), 1001);
    assert!(store.integrity_ok().unwrap());
}

#[test]
fn urgent_flag_follows_the_category() {
    let (store, _d) = store();
    let mut t = ticket(1, "someone logged into my account", "not me");
    t.category = Category::AccountSecurity;
    store.upsert_tickets_blocking(vec![t]).unwrap();
    assert!(
        store.ticket_detail(1).unwrap().urgent,
        "security cases are urgent whatever their priority"
    );
}

fn groups_again() -> Vec<Group> {
    vec![Group {
        id: "security".into(),
        name: "Security".into(),
    }]
}
