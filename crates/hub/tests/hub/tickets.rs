//! One ticket by id, deleting tickets and merging duplicates, and how the feed reports both.

use std::collections::HashMap;

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::support::{edit, email, messages, TestHub, ALICE};

async fn status_and_body(res: reqwest::Response) -> (StatusCode, Value) {
    let status = res.status();
    let body = res.json().await.expect("every answer here is JSON");
    (status, body)
}

async fn delete(hub: &TestHub, token: &str, id: i64) -> reqwest::Response {
    hub.client
        .delete(hub.url(&format!("/api/tickets/{id}")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

async fn merge(hub: &TestHub, token: &str, source: i64, into: Value) -> (StatusCode, Value) {
    let path = format!("/api/tickets/{source}/merge");
    status_and_body(hub.post(token, &path, &json!({"into": into})).await).await
}

async fn changes_after(hub: &TestHub, token: &str, after: i64) -> Vec<Value> {
    let page = hub
        .get_json(token, &format!("/api/changes?after={after}&limit=1000"))
        .await;
    assert_eq!(page["has_more"], false, "the tests' feeds fit one page");
    page["changes"].as_array().unwrap().clone()
}

async fn latest_seq(hub: &TestHub, token: &str) -> i64 {
    let page = hub.get_json(token, "/api/changes?after=0&limit=1000").await;
    page["next_after"].as_i64().unwrap()
}

/// A customer message at a chosen time, on its own thread.
fn message(from: &str, thread: &str, body: &str, sent_at: i64) -> Value {
    let mut m = email(from, Some(thread), body);
    m["sent_at"] = json!(sent_at);
    m
}

fn count_rows(hub: &TestHub, sql: &str, id: i64) -> i64 {
    let conn =
        rusqlite::Connection::open_with_flags(&hub.db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    conn.query_row(sql, [id], |r| r.get(0)).unwrap()
}

#[tokio::test]
async fn one_ticket_is_served_as_the_feed_has_it_and_missing_ones_are_404() {
    let hub = TestHub::start_with_demo(3).await;
    let token = hub.login(ALICE).await;

    let one = hub.get_json(&token, "/api/tickets/2").await;
    assert_eq!(
        one,
        hub.ticket(&token, 2).await,
        "the single-ticket read and bootstrap must agree, or a refetch would fight the feed"
    );
    assert_eq!(one["version"], 1);

    let (status, body) = status_and_body(hub.get(&token, "/api/tickets/999").await).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["code"], "not_found");
    assert_eq!(body["message"], "ticket 999 does not exist");

    let (status, body) = status_and_body(hub.get(&token, "/api/tickets/two").await).await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "a non-numeric id is the client's mistake"
    );
    assert_eq!(body["code"], "invalid_input");

    let anonymous = hub
        .client
        .get(hub.url("/api/tickets/2"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        anonymous.status(),
        StatusCode::UNAUTHORIZED,
        "tickets hold customers' data"
    );
}

#[tokio::test]
async fn a_deleted_ticket_is_gone_from_every_read_and_the_feed_says_deleted() {
    let hub = TestHub::start_with_demo(3).await;
    let token = hub.login(ALICE).await;
    let r = hub
        .intake(
            &token,
            &email("mei@example.com", Some("<del@mail>"), "hello"),
        )
        .await;
    let id = r["ticket_id"].as_i64().unwrap();
    assert_eq!(id, 4);
    hub.edits(
        &token,
        json!([edit(
            "t1",
            id,
            1,
            json!({"kind": "add_tags", "tags": ["vip"]})
        )]),
    )
    .await;
    let before = latest_seq(&hub, &token).await;

    let res = delete(&hub, &token, id).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);

    let (status, body) =
        status_and_body(hub.get(&token, &format!("/api/tickets/{id}")).await).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["code"], "not_found");
    assert_eq!(body["message"], format!("ticket {id} was deleted"));
    assert!(
        hub.tickets(&token).await.iter().all(|t| t["id"] != id),
        "bootstrap must not serve a deleted ticket"
    );
    let feed = changes_after(&hub, &token, before).await;
    assert_eq!(
        feed,
        vec![json!({"seq": before + 1, "ticket_id": id, "kind": "deleted"})],
        "replicas learn of the deletion from the feed, and only that"
    );
    for (table, sql) in [
        (
            "messages",
            "SELECT count(*) FROM messages WHERE ticket_id = ?1",
        ),
        (
            "tags",
            "SELECT count(*) FROM ticket_tags WHERE ticket_id = ?1",
        ),
        (
            "threads",
            "SELECT count(*) FROM threads WHERE ticket_id = ?1",
        ),
    ] {
        assert_eq!(
            count_rows(&hub, sql, id),
            0,
            "the ticket's {table} go with it"
        );
    }

    let again = delete(&hub, &token, id).await;
    assert_eq!(
        again.status(),
        StatusCode::NOT_FOUND,
        "there is nothing left to delete"
    );

    let results = hub
        .edits(
            &token,
            json!([edit(
                "late",
                id,
                2,
                json!({"kind": "note", "body": "too late"})
            )]),
        )
        .await;
    assert_eq!(results[0]["outcome"], "rejected");
    assert_eq!(results[0]["code"], "not_found");
    assert_eq!(results[0]["message"], format!("ticket {id} was deleted"));

    // The customer writes again on the same thread: a new case, with a new id, because the
    // old id may still sit in a console's outbox or an agent's link.
    let next = hub
        .intake(
            &token,
            &email("mei@example.com", Some("<del@mail>"), "anyone there?"),
        )
        .await;
    assert_eq!(next["created"], true);
    assert!(
        next["ticket_id"].as_i64().unwrap() > id,
        "a deleted ticket's id is never given to a new ticket"
    );
}

#[tokio::test]
async fn a_merge_interleaves_the_threads_unions_tags_and_the_feed_says_merged_then_upsert() {
    let hub = TestHub::start().await;
    let token = hub.login(ALICE).await;
    let t0 = 1_790_000_000_000;
    let source = hub
        .intake(&token, &message("mei@example.com", "<a@mail>", "first", t0))
        .await["ticket_id"]
        .as_i64()
        .unwrap();
    let target = hub
        .intake(
            &token,
            &message("li@example.com", "<b@mail>", "second", t0 + 1000),
        )
        .await["ticket_id"]
        .as_i64()
        .unwrap();
    hub.intake(
        &token,
        &message("mei@example.com", "<a@mail>", "third", t0 + 2000),
    )
    .await;
    hub.intake(
        &token,
        &message("li@example.com", "<b@mail>", "fourth", t0 + 3000),
    )
    .await;
    hub.edits(
        &token,
        json!([
            edit(
                "s-tags",
                source,
                2,
                json!({"kind": "add_tags", "tags": ["vip", "refund"]})
            ),
            edit(
                "t-tags",
                target,
                2,
                json!({"kind": "add_tags", "tags": ["refund", "kyc"]})
            ),
        ]),
    )
    .await;
    let source_before = hub.ticket(&token, source).await;
    let target_before = hub.ticket(&token, target).await;
    let before = latest_seq(&hub, &token).await;

    let (status, merged) = merge(&hub, &token, source, json!(target)).await;
    assert_eq!(status, StatusCode::OK, "{merged}");
    assert_eq!(merged["id"], target);
    assert_eq!(
        merged["version"],
        target_before["version"].as_i64().unwrap() + 1,
        "a merge is one change to the target"
    );
    let bodies: Vec<String> = messages(&merged)
        .iter()
        .map(|m| m["body"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        bodies,
        ["first", "second", "third", "fourth"],
        "the merged thread reads in the order things were said"
    );
    let mut ids_before: Vec<Value> = messages(&source_before)
        .into_iter()
        .chain(messages(&target_before))
        .map(|m| m["id"].clone())
        .collect();
    let mut ids_after: Vec<Value> = messages(&merged).iter().map(|m| m["id"].clone()).collect();
    let by_number = |v: &Value| v.as_i64().unwrap();
    ids_before.sort_by_key(by_number);
    ids_after.sort_by_key(by_number);
    assert_eq!(
        ids_after, ids_before,
        "messages keep their ids, so replicas match them up"
    );
    assert!(messages(&merged).iter().all(|m| m["ticket_id"] == target));
    assert_eq!(
        merged["tags"],
        json!(["kyc", "refund", "vip"]),
        "tags merge as a set"
    );
    assert_eq!(
        merged,
        hub.get_json(&token, &format!("/api/tickets/{target}"))
            .await
    );

    let feed = changes_after(&hub, &token, before).await;
    assert_eq!(feed.len(), 2, "one entry for each ticket: {feed:?}");
    assert_eq!(
        feed[0],
        json!({"seq": before + 1, "ticket_id": source, "kind": "merged", "into": target}),
        "the source goes first, so no replica holds the moved messages twice"
    );
    assert_eq!(feed[1]["kind"], "upsert");
    assert_eq!(feed[1]["seq"], before + 2);
    assert_eq!(feed[1]["ticket"], merged);

    let (status, body) =
        status_and_body(hub.get(&token, &format!("/api/tickets/{source}")).await).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        body["message"],
        format!("ticket {source} was merged into {target}")
    );
    assert!(hub.tickets(&token).await.iter().all(|t| t["id"] != source));

    let results = hub
        .edits(
            &token,
            json!([
                edit(
                    "to-gone",
                    source,
                    3,
                    json!({"kind": "set_status", "status": "open"})
                ),
                edit(
                    "stale",
                    target,
                    target_before["version"].as_i64().unwrap(),
                    json!({"kind": "reply", "body": "We are on it"})
                ),
            ]),
        )
        .await;
    assert_eq!(results[0]["outcome"], "rejected");
    assert_eq!(results[0]["code"], "not_found");
    assert_eq!(
        results[1]["outcome"], "held",
        "a reply drafted before the merge has not seen the merged-in messages"
    );

    let later = hub
        .intake(
            &token,
            &message("mei@example.com", "<a@mail>", "fifth", t0 + 4000),
        )
        .await;
    assert_eq!(
        later["ticket_id"], target,
        "the source's email thread now leads to the ticket that absorbed it"
    );
    assert_eq!(later["created"], false);
}

#[tokio::test]
async fn merges_that_make_no_sense_are_refused_and_store_nothing() {
    let hub = TestHub::start_with_demo(3).await;
    let token = hub.login(ALICE).await;
    assert_eq!(
        delete(&hub, &token, 3).await.status(),
        StatusCode::NO_CONTENT
    );
    let before = hub.fingerprint();

    let (status, body) = merge(&hub, &token, 1, json!(1)).await;
    assert_eq!(
        (status, &body["code"]),
        (StatusCode::BAD_REQUEST, &json!("invalid_input"))
    );
    assert_eq!(body["message"], "ticket 1 cannot be merged into itself");

    let (status, body) = merge(&hub, &token, 1, json!(999)).await;
    assert_eq!(
        (status, &body["code"]),
        (StatusCode::BAD_REQUEST, &json!("invalid_input"))
    );
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("ticket 999 does not exist"),
        "the message names the missing target: {body}"
    );

    let (status, body) = merge(&hub, &token, 1, json!(3)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("ticket 3 was deleted"),
        "a removed target is named as such: {body}"
    );

    let (status, body) = merge(&hub, &token, 999, json!(1)).await;
    assert_eq!(
        (status, &body["code"]),
        (StatusCode::NOT_FOUND, &json!("not_found"))
    );
    assert_eq!(body["message"], "ticket 999 does not exist");

    let (status, body) = merge(&hub, &token, 1, json!("two")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["code"], "invalid_input");

    assert_eq!(hub.fingerprint(), before, "a refused merge writes nothing");
}

#[tokio::test]
async fn a_replica_following_the_feed_through_deletes_and_merges_matches_the_hub() {
    let hub = TestHub::start_with_demo(10).await;
    let token = hub.login(ALICE).await;
    let page = hub.get_json(&token, "/api/bootstrap?limit=500").await;
    let mut replica: HashMap<i64, Value> = page["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["id"].as_i64().unwrap(), t.clone()))
        .collect();
    let snapshot = page["snapshot_seq"].as_i64().unwrap();

    hub.edits(
        &token,
        json!([edit(
            "n",
            2,
            1,
            json!({"kind": "note", "body": "before the merge"})
        )]),
    )
    .await;
    assert_eq!(
        delete(&hub, &token, 5).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(merge(&hub, &token, 2, json!(7)).await.0, StatusCode::OK);
    assert_eq!(merge(&hub, &token, 7, json!(9)).await.0, StatusCode::OK);
    hub.intake(&token, &email("new@example.com", None, "hello"))
        .await;

    let feed = changes_after(&hub, &token, snapshot).await;
    assert!(
        feed.windows(2)
            .all(|w| w[0]["seq"].as_i64() < w[1]["seq"].as_i64()),
        "the feed is in seq order"
    );
    let kinds: Vec<(i64, &str)> = feed
        .iter()
        .map(|c| {
            (
                c["ticket_id"].as_i64().unwrap(),
                c["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            (5, "deleted"),
            (2, "merged"),
            (7, "merged"),
            (9, "upsert"),
            (11, "upsert")
        ],
        "upserts of tickets removed since are left out; the removal says it all"
    );
    for c in &feed {
        let id = c["ticket_id"].as_i64().unwrap();
        match c["kind"].as_str().unwrap() {
            "upsert" => {
                replica.insert(id, c["ticket"].clone());
            }
            _ => {
                replica.remove(&id);
            }
        }
    }
    let truth: HashMap<i64, Value> = hub
        .tickets(&token)
        .await
        .into_iter()
        .map(|t| (t["id"].as_i64().unwrap(), t))
        .collect();
    assert_eq!(replica, truth, "bootstrap plus the feed reproduces the hub");
    assert!(
        messages(&truth[&9])
            .iter()
            .any(|m| m["body"] == "before the merge"),
        "a note follows its ticket through two merges"
    );
}
