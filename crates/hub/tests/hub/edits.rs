use serde_json::{json, Value};

use crate::support::{edit, email, messages, TestHub, ALICE, BOB};

async fn one_ticket(hub: &TestHub, token: &str) -> i64 {
    let r = hub
        .intake(token, &email("mei@example.com", None, "help"))
        .await;
    r["ticket_id"].as_i64().unwrap()
}

#[tokio::test]
async fn a_retried_edit_is_applied_once_and_answered_the_same() {
    let hub = TestHub::start().await;
    let token = hub.login(ALICE).await;
    let id = one_ticket(&hub, &token).await;
    let batch = json!([
        edit(
            "n-1",
            id,
            1,
            json!({"kind": "note", "body": "called the bank"})
        ),
        edit(
            "s-1",
            id,
            1,
            json!({"kind": "set_status", "status": "open"})
        ),
    ]);
    let first = hub.edits(&token, batch.clone()).await;
    assert_eq!(
        first[0],
        json!({"edit_id": "n-1", "outcome": "applied", "version": 2})
    );
    assert_eq!(
        first[1],
        json!({"edit_id": "s-1", "outcome": "applied", "version": 3})
    );
    let before = hub.fingerprint();

    let again = hub.edits(&token, batch).await;
    assert_eq!(
        again[0],
        json!({"edit_id": "n-1", "outcome": "duplicate", "version": 2})
    );
    assert_eq!(
        again[1],
        json!({"edit_id": "s-1", "outcome": "duplicate", "version": 3})
    );
    assert_eq!(hub.fingerprint(), before, "a retry writes nothing");
    let t = hub.ticket(&token, id).await;
    assert_eq!(messages(&t).len(), 2, "the note exists once");
    assert_eq!(t["version"], 3);
}

#[tokio::test]
async fn scalar_fields_are_last_writer_wins_per_field() {
    let hub = TestHub::start().await;
    let alice = hub.login(ALICE).await;
    let bob = hub.login(BOB).await;
    let id = one_ticket(&hub, &alice).await;
    // Both acted on version 1; different fields both survive.
    hub.edits(
        &alice,
        json!([edit(
            "a1",
            id,
            1,
            json!({"kind": "set_priority", "priority": "high"})
        )]),
    )
    .await;
    hub.edits(
        &bob,
        json!([edit(
            "b1",
            id,
            1,
            json!({"kind": "set_status", "status": "pending"})
        )]),
    )
    .await;
    hub.edits(
        &bob,
        json!([edit(
            "b2",
            id,
            1,
            json!({"kind": "set_assignee", "assignee_id": "bob"})
        )]),
    )
    .await;
    // The same field: the later write wins, whatever its base.
    hub.edits(
        &bob,
        json!([edit(
            "b3",
            id,
            1,
            json!({"kind": "set_priority", "priority": "low"})
        )]),
    )
    .await;
    let t = hub.ticket(&alice, id).await;
    assert_eq!(t["priority"], "low");
    assert_eq!(t["status"], "pending");
    assert_eq!(t["assignee_id"], "bob");
    assert_eq!(t["version"], 5);

    let same = hub
        .edits(
            &alice,
            json!([edit(
                "a2",
                id,
                5,
                json!({"kind": "set_priority", "priority": "low"})
            )]),
        )
        .await;
    assert_eq!(
        same[0]["version"], 5,
        "setting a field to its value changes nothing"
    );
    let nobody = hub
        .edits(
            &alice,
            json!([edit(
                "a3",
                id,
                5,
                json!({"kind": "set_assignee", "assignee_id": "mallory"})
            )]),
        )
        .await;
    assert_eq!(nobody[0]["outcome"], "rejected");
    assert_eq!(nobody[0]["code"], "invalid_input");
}

#[tokio::test]
async fn tags_from_two_agents_merge_as_a_set() {
    let hub = TestHub::start().await;
    let alice = hub.login(ALICE).await;
    let bob = hub.login(BOB).await;
    let id = one_ticket(&hub, &alice).await;
    hub.edits(
        &alice,
        json!([edit(
            "a1",
            id,
            1,
            json!({"kind": "add_tags", "tags": ["vip", "kyc"]})
        )]),
    )
    .await;
    hub.edits(
        &bob,
        json!([
            edit(
                "b1",
                id,
                1,
                json!({"kind": "add_tags", "tags": ["refund", "vip"]})
            ),
            edit("b2", id, 1, json!({"kind": "remove_tags", "tags": ["kyc"]})),
        ]),
    )
    .await;
    let t = hub.ticket(&alice, id).await;
    assert_eq!(t["tags"], json!(["refund", "vip"]));
}

#[tokio::test]
async fn notes_append_and_replies_hold_when_the_customer_wrote_since() {
    let hub = TestHub::start().await;
    let alice = hub.login(ALICE).await;
    let bob = hub.login(BOB).await;
    let id = one_ticket(&hub, &alice).await;

    // Alice's own note does not make her reply stale.
    let r = hub
        .edits(
            &alice,
            json!([
                edit(
                    "n1",
                    id,
                    1,
                    json!({"kind": "note", "body": "checking the ledger"})
                ),
                edit(
                    "r1",
                    id,
                    1,
                    json!({"kind": "reply", "body": "We are on it."})
                ),
            ]),
        )
        .await;
    assert_eq!(r[1]["outcome"], "applied");

    // The customer writes again (version 4); a reply drafted at version 3 is held.
    hub.intake(&alice, &email("mei@example.com", None, "it's been 3 days!"))
        .await;
    let held = hub
        .edits(
            &alice,
            json!([edit(
                "r2",
                id,
                3,
                json!({"kind": "reply", "body": "Any news?"})
            )]),
        )
        .await;
    assert_eq!(held[0]["outcome"], "held");
    assert_eq!(held[0]["server_version"], 4);
    let again = hub
        .edits(
            &alice,
            json!([edit(
                "r2",
                id,
                3,
                json!({"kind": "reply", "body": "Any news?"})
            )]),
        )
        .await;
    assert_eq!(again[0], held[0], "a held edit stays held on retry");

    // Another agent's note also holds a reply drafted before it; a note never holds.
    hub.edits(
        &bob,
        json!([edit(
            "bn",
            id,
            4,
            json!({"kind": "note", "body": "bank says tomorrow"})
        )]),
    )
    .await;
    let held = hub
        .edits(
            &alice,
            json!([edit("r3", id, 4, json!({"kind": "reply", "body": "Soon."}))]),
        )
        .await;
    assert_eq!(held[0]["outcome"], "held");
    let note = hub
        .edits(
            &alice,
            json!([edit(
                "n2",
                id,
                1,
                json!({"kind": "note", "body": "old base is fine"})
            )]),
        )
        .await;
    assert_eq!(note[0]["outcome"], "applied");

    let sent = hub
        .edits(
            &alice,
            json!([edit(
                "r4",
                id,
                6,
                json!({"kind": "reply", "body": "Tomorrow."})
            )]),
        )
        .await;
    assert_eq!(sent[0]["outcome"], "applied");
    let t = hub.ticket(&alice, id).await;
    let thread: Vec<(Value, Value)> = messages(&t)
        .iter()
        .map(|m| (m["kind"].clone(), m["body"].clone()))
        .collect();
    assert_eq!(
        thread,
        vec![
            (json!("customer"), json!("help")),
            (json!("note"), json!("checking the ledger")),
            (json!("reply"), json!("We are on it.")),
            (json!("customer"), json!("it's been 3 days!")),
            (json!("note"), json!("bank says tomorrow")),
            (json!("note"), json!("old base is fine")),
            (json!("reply"), json!("Tomorrow.")),
        ],
        "held replies were never added"
    );
}

#[tokio::test]
async fn edit_ids_belong_to_their_agent_and_unknown_tickets_are_rejected() {
    let hub = TestHub::start().await;
    let alice = hub.login(ALICE).await;
    let bob = hub.login(BOB).await;
    let id = one_ticket(&hub, &alice).await;
    hub.edits(
        &alice,
        json!([edit(
            "shared-id",
            id,
            1,
            json!({"kind": "note", "body": "mine"})
        )]),
    )
    .await;
    let before = hub.fingerprint();
    let stolen = hub
        .edits(
            &bob,
            json!([edit(
                "shared-id",
                id,
                2,
                json!({"kind": "note", "body": "replayed"})
            )]),
        )
        .await;
    assert_eq!(stolen[0]["outcome"], "rejected");
    assert_eq!(stolen[0]["code"], "conflict");
    assert_eq!(
        hub.fingerprint(),
        before,
        "nothing applied for another agent's id"
    );

    let missing = hub
        .edits(
            &alice,
            json!([edit("m1", 999, 1, json!({"kind": "note", "body": "x"}))]),
        )
        .await;
    assert_eq!(missing[0]["outcome"], "rejected");
    assert_eq!(missing[0]["code"], "not_found");
}

#[tokio::test]
async fn an_edit_refused_mid_batch_leaves_the_edits_around_it_applied() {
    // A batch is one transaction with a savepoint per edit: a refusal must undo only its own.
    let hub = TestHub::start().await;
    let alice = hub.login(ALICE).await;
    let bob = hub.login(BOB).await;
    let id = one_ticket(&hub, &alice).await;
    let note = |edit_id: &str, base: i64, body: &str| {
        edit(edit_id, id, base, json!({"kind": "note", "body": body}))
    };
    hub.edits(&alice, json!([note("alice-1", 1, "mine")])).await;
    let results = hub
        .edits(
            &bob,
            json!([
                note("bob-1", 2, "first"),
                note("alice-1", 2, "replayed"),
                note("bob-2", 3, "second"),
            ]),
        )
        .await;
    assert_eq!(results[0]["version"], 3);
    assert_eq!(results[1]["code"], "conflict");
    assert_eq!(results[2]["version"], 4);
    let t = hub.ticket(&bob, id).await;
    let bodies: Vec<_> = messages(&t).iter().map(|m| m["body"].clone()).collect();
    assert_eq!(
        bodies[1..],
        [json!("mine"), json!("first"), json!("second")]
    );
    assert_eq!(t["version"], 4);
}
