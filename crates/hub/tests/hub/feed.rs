use std::collections::{HashMap, HashSet};

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::support::{edit, email, TestHub, ALICE};

async fn pages(hub: &TestHub, token: &str, after: i64, limit: u32) -> Vec<Value> {
    let mut out = Vec::new();
    let mut after = after;
    loop {
        let page = hub
            .get_json(token, &format!("/api/changes?after={after}&limit={limit}"))
            .await;
        let changes = page["changes"].as_array().unwrap();
        assert!(changes.len() <= limit as usize);
        out.extend(changes.iter().cloned());
        let next = page["next_after"].as_i64().unwrap();
        if !page["has_more"].as_bool().unwrap() {
            return out;
        }
        assert!(
            next > after,
            "a page with more to come must move the cursor"
        );
        after = next;
    }
}

#[tokio::test]
async fn the_feed_pages_in_order_without_gaps_or_duplicates() {
    let hub = TestHub::start_with_demo(12).await;
    let token = hub.login(ALICE).await;
    for i in 0..5 {
        hub.intake(&token, &email(&format!("c{i}@example.com"), None, "hello"))
            .await;
    }
    hub.edits(
        &token,
        json!([edit("f1", 3, 1, json!({"kind": "note", "body": "checked"}))]),
    )
    .await;

    let whole = hub
        .get_json(&token, "/api/changes?after=0&limit=1000")
        .await;
    let whole = whole["changes"].as_array().unwrap().clone();
    assert_eq!(whole.len(), 12 + 5 + 1, "one change per ticket write");
    let paged = pages(&hub, &token, 0, 4).await;
    let seqs = |cs: &[Value]| {
        cs.iter()
            .map(|c| c["seq"].as_i64().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        seqs(&paged),
        seqs(&whole),
        "paging must neither skip nor repeat"
    );
    assert!(
        seqs(&whole).windows(2).all(|w| w[0] < w[1]),
        "strictly ascending"
    );
    assert!(paged.iter().all(|c| c["kind"] == "upsert"));

    let mid = seqs(&whole)[9];
    let tail = pages(&hub, &token, mid, 3).await;
    assert_eq!(
        seqs(&tail),
        seqs(&whole)[10..].to_vec(),
        "`after` is exclusive"
    );

    let last = *seqs(&whole).last().unwrap();
    let empty = hub
        .get_json(&token, &format!("/api/changes?after={last}"))
        .await;
    assert_eq!(empty["changes"], json!([]));
    assert_eq!(
        empty["next_after"], last,
        "nothing new keeps the cursor where it is"
    );
    assert_eq!(empty["has_more"], false);

    let zero = hub.get(&token, "/api/changes?after=0&limit=0").await;
    assert_eq!(zero.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn bootstrap_then_changes_after_the_snapshot_misses_nothing() {
    let hub = TestHub::start_with_demo(23).await;
    let token = hub.login(ALICE).await;

    // A console's replica, keeping the higher version of each ticket.
    let mut replica: HashMap<i64, Value> = HashMap::new();
    let mut keep = |t: &Value| {
        let id = t["id"].as_i64().unwrap();
        let newer = replica
            .get(&id)
            .is_none_or(|old| old["version"].as_i64() < t["version"].as_i64());
        if newer {
            replica.insert(id, t.clone());
        }
    };

    let first = hub.get_json(&token, "/api/bootstrap?limit=5").await;
    let snapshot = first["snapshot_seq"].as_i64().unwrap();
    assert_eq!(snapshot, 23);
    first["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .for_each(&mut keep);

    // Writes while the bootstrap is under way: to a ticket already fetched, and a new one.
    hub.edits(
        &token,
        json!([edit(
            "b1",
            2,
            1,
            json!({"kind": "set_priority", "priority": "urgent"})
        )]),
    )
    .await;
    let created = hub
        .intake(&token, &email("late@example.com", None, "late"))
        .await;

    let mut cursor = first["cursor"].as_str().map(str::to_owned);
    let mut ids: Vec<i64> = first["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_i64().unwrap())
        .collect();
    while let Some(c) = cursor {
        let page = hub
            .get_json(&token, &format!("/api/bootstrap?limit=5&cursor={c}"))
            .await;
        assert_eq!(
            page["snapshot_seq"], snapshot,
            "one bootstrap, one snapshot"
        );
        for t in page["tickets"].as_array().unwrap() {
            ids.push(t["id"].as_i64().unwrap());
            keep(t);
        }
        cursor = page["cursor"].as_str().map(str::to_owned);
        assert_eq!(page["has_more"], cursor.is_some());
    }
    let unique: HashSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "no ticket twice");
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "id order");

    for change in pages(&hub, &token, snapshot, 100).await {
        keep(&change["ticket"]);
    }
    let truth = hub.tickets(&token).await;
    assert_eq!(replica.len(), truth.len());
    for t in &truth {
        assert_eq!(
            &replica[&t["id"].as_i64().unwrap()],
            t,
            "replica matches the hub"
        );
    }
    assert_eq!(
        replica[&2]["priority"], "urgent",
        "the edit during bootstrap arrived"
    );
    assert!(replica.contains_key(&created["ticket_id"].as_i64().unwrap()));

    let bad = hub.get(&token, "/api/bootstrap?cursor=nonsense").await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}
