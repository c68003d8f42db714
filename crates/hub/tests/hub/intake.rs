use reqwest::StatusCode;
use serde_json::json;

use crate::support::{edit, email, messages, TestHub, ALICE};

#[tokio::test]
async fn a_new_message_opens_a_ticket_with_the_body_untouched() {
    let hub = TestHub::start().await;
    let token = hub.login(ALICE).await;
    let body = "Hi <script>alert(1)</script>\r\n我的充值没到账 — tx TX-88\u{200b}";
    let res = hub
        .post(
            &token,
            "/api/intake",
            &email("mei@example.com", Some("<m1@mail>"), body),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let r: serde_json::Value = res.json().await.unwrap();
    assert_eq!(r["created"], true);

    let t = hub.ticket(&token, r["ticket_id"].as_i64().unwrap()).await;
    assert_eq!(t["status"], "new");
    assert_eq!(t["version"], 1);
    assert_eq!(
        t["category"], "top_up",
        "triage reads the subject and body: a top-up that did not arrive"
    );
    assert_eq!(t["priority"], "normal", "top-ups are not urgent");
    assert_eq!(t["channel"], "email");
    assert_eq!(t["subject"], "Top-up not received");
    assert_eq!(t["customer"]["email"], "mei@example.com");
    let m = messages(&t);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0]["body"], body, "bodies are stored exactly as received");
    assert_eq!(m[0]["kind"], "customer");
    assert_eq!(m[0]["id"], r["message_id"]);
}

#[tokio::test]
async fn a_follow_up_joins_by_thread_and_by_customer() {
    let hub = TestHub::start().await;
    let token = hub.login(ALICE).await;
    let first = hub
        .intake(&token, &email("mei@example.com", Some("<t1@mail>"), "one"))
        .await;
    let id = first["ticket_id"].as_i64().unwrap();

    // Same thread, even from another address (a colleague in CC).
    let by_thread = hub
        .intake(&token, &email("boss@example.com", Some("<t1@mail>"), "two"))
        .await;
    assert_eq!(by_thread["ticket_id"], id);
    assert_eq!(by_thread["created"], false);

    // Same customer and channel, no thread key.
    let by_customer = hub
        .intake(&token, &email("mei@example.com", None, "three"))
        .await;
    assert_eq!(by_customer["ticket_id"], id);

    let t = hub.ticket(&token, id).await;
    assert_eq!(t["version"], 3, "each message bumps the version");
    let bodies: Vec<_> = messages(&t).iter().map(|m| m["body"].clone()).collect();
    assert_eq!(bodies, ["one", "two", "three"]);

    // Another channel is another conversation.
    let chat =
        json!({"channel": "web_chat", "customer": {"email": "mei@example.com"}, "body": "hi"});
    let other = hub.intake(&token, &chat).await;
    assert_eq!(other["created"], true);
    assert_eq!(hub.tickets(&token).await.len(), 2);
}

#[tokio::test]
async fn the_customer_writing_again_reopens_a_pending_ticket() {
    let hub = TestHub::start().await;
    let token = hub.login(ALICE).await;
    let r = hub
        .intake(&token, &email("mei@example.com", None, "help"))
        .await;
    let id = r["ticket_id"].as_i64().unwrap();
    hub.edits(
        &token,
        json!([edit(
            "p1",
            id,
            1,
            json!({"kind": "set_status", "status": "pending"})
        )]),
    )
    .await;
    assert_eq!(hub.ticket(&token, id).await["status"], "pending");

    let again = hub
        .intake(&token, &email("mei@example.com", None, "still waiting"))
        .await;
    assert_eq!(
        again["ticket_id"], id,
        "a pending ticket is still this customer's open ticket"
    );
    let t = hub.ticket(&token, id).await;
    assert_eq!(t["status"], "open");
    assert_eq!(t["version"], 3);
}

#[tokio::test]
async fn a_closed_ticket_is_not_reopened_by_its_thread() {
    let hub = TestHub::start().await;
    let token = hub.login(ALICE).await;
    let r = hub
        .intake(&token, &email("mei@example.com", Some("<x@mail>"), "a"))
        .await;
    let id = r["ticket_id"].as_i64().unwrap();
    hub.edits(
        &token,
        json!([edit(
            "c1",
            id,
            1,
            json!({"kind": "set_status", "status": "closed"})
        )]),
    )
    .await;
    let next = hub
        .intake(&token, &email("mei@example.com", Some("<x@mail>"), "b"))
        .await;
    assert_eq!(next["created"], true);
    assert_ne!(next["ticket_id"], id);
    let later = hub
        .intake(&token, &email("mei@example.com", Some("<x@mail>"), "c"))
        .await;
    assert_eq!(
        later["ticket_id"], next["ticket_id"],
        "the thread now points at the new ticket"
    );
}

#[tokio::test]
async fn in_app_feedback_with_a_screenshot_over_one_mebibyte_is_accepted() {
    let hub = TestHub::start().await;
    let token = hub.login(ALICE).await;
    let shot = "A".repeat(2 * 1024 * 1024); // 1.5 MiB decoded; over the edits limit on purpose
    let msg = json!({
        "channel": "in_app",
        "customer": {"wallet_account_id": "W-100200"},
        "body": "App crashes when I open the QR scanner",
        "in_app": {"device": "Pixel 8", "os_version": "Android 15", "app_version": "5.2.0",
                   "screenshots": [{"name": "crash.png", "content_type": "image/png", "bytes_b64": shot}]},
    });
    let res = hub.post(&token, "/api/intake", &msg).await;
    assert_eq!(
        res.status(),
        StatusCode::CREATED,
        "intake has its own 10 MiB limit"
    );
}

#[tokio::test]
async fn an_urgent_case_is_triaged_to_the_security_group() {
    let hub = TestHub::start().await;
    let token = hub.login(ALICE).await;
    let body = "Someone logged into my account and moved my money. I did not make this payment!";
    let res = hub
        .post(&token, "/api/intake", &email("sam@example.com", None, body))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let r: serde_json::Value = res.json().await.unwrap();
    let t = hub.ticket(&token, r["ticket_id"].as_i64().unwrap()).await;
    let category = t["category"].as_str().unwrap();
    assert!(
        category == "account_security" || category == "fraud",
        "a takeover with a payment the customer never made is security or fraud, got {category}"
    );
    assert_eq!(t["priority"], "urgent", "urgent cases top every queue");
    assert_eq!(
        t["group_id"], "security",
        "the seeds hand these to the security team"
    );
}

#[tokio::test]
async fn every_triage_decision_records_why() {
    let hub = TestHub::start().await;
    let token = hub.login(ALICE).await;

    // An admin rule (the defaults route unauthorised payments to security) decides this one.
    let r = hub
        .intake(
            &token,
            &email(
                "li@example.com",
                None,
                "Someone logged into my account and I didn't make this payment",
            ),
        )
        .await;
    let t = hub.ticket(&token, r["ticket_id"].as_i64().unwrap()).await;
    let note = &t["triage"];
    assert!(
        note["source"] == "rule" || note["source"] == "model_and_rule",
        "a rule fired, so the note names it: {note}"
    );
    assert!(
        note["rule"].as_str().is_some_and(|r| !r.is_empty()),
        "the rule's name is kept: {note}"
    );
    assert_eq!(note["urgent"], true);
    assert_eq!(
        note["group_id"], "security",
        "urgent cases are routed to security"
    );
    assert_eq!(t["group_id"], "security");
    assert_eq!(
        note["category"], t["category"],
        "the note records what triage decided"
    );

    // No rule mentions top-ups: the model decides, and its score is kept.
    let r = hub
        .intake(
            &token,
            &email("wang@example.com", None, "我的充值没到账，银行卡已经扣款了"),
        )
        .await;
    let t = hub.ticket(&token, r["ticket_id"].as_i64().unwrap()).await;
    assert_eq!(t["triage"]["source"], "model", "{}", t["triage"]);
    let score = t["triage"]["score_permille"]
        .as_u64()
        .expect("the model's score");
    assert!(
        score > 0 && score <= 1000,
        "a probability in thousandths: {score}"
    );

    // A follow-up joins the ticket and leaves the original decision alone.
    let again = hub
        .intake(
            &token,
            &email("wang@example.com", None, "someone stole my account"),
        )
        .await;
    assert_eq!(again["ticket_id"], r["ticket_id"]);
    let t2 = hub.ticket(&token, r["ticket_id"].as_i64().unwrap()).await;
    assert_eq!(
        t2["triage"], t["triage"],
        "triage runs once, when the ticket opens"
    );
}

#[tokio::test]
async fn html_parts_files_and_the_device_reach_the_thread_and_oversized_ones_are_refused() {
    let hub = TestHub::start().await;
    let token = hub.login(ALICE).await;
    let html = r#"<p>Hi</p><img src=x onerror="alert(1)">"#;
    let msg = json!({
        "channel": "email",
        "customer": {"email": "parts@example.com"},
        "body": "Hi",
        "html": html,
        "attachments": [
            {"name": "shot.png", "content_type": "image/png", "bytes_b64": "aGVsbG8="},
            {"name": "evil.svg", "content_type": "image/svg+xml", "bytes_b64": "aGVsbG8="},
            {"name": "statement.pdf", "content_type": "application/pdf", "size": 90000},
        ],
    });
    let res = hub.post(&token, "/api/intake", &msg).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let r: serde_json::Value = res.json().await.unwrap();
    let t = hub.ticket(&token, r["ticket_id"].as_i64().unwrap()).await;
    let m = &t["messages"][0];
    assert_eq!(m["html"], html, "the HTML is kept exactly as received");
    assert_eq!(
        m["attachments"][0]["data_b64"], "aGVsbG8=",
        "small PNGs travel inline"
    );
    assert_eq!(
        m["attachments"][1]["data_b64"],
        serde_json::Value::Null,
        "an SVG can carry script: listed, never inline"
    );
    assert_eq!(m["attachments"][2]["size"], 90000);

    let app = json!({
        "channel": "in_app",
        "customer": {"wallet_account_id": "W-7"},
        "body": "crash",
        "in_app": {"device": "Pixel 8", "os_version": "Android 15", "app_version": "5.12.1"},
    });
    let r: serde_json::Value = hub
        .post(&token, "/api/intake", &app)
        .await
        .json()
        .await
        .unwrap();
    let t = hub.ticket(&token, r["ticket_id"].as_i64().unwrap()).await;
    assert_eq!(
        t["messages"][0]["device"],
        json!({"device": "Pixel 8", "os_version": "Android 15", "app_version": "5.12.1"})
    );

    let mut big = msg.clone();
    big["html"] = json!("x".repeat(256 * 1024 + 1));
    let res = hub.post(&token, "/api/intake", &big).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let err: serde_json::Value = res.json().await.unwrap();
    assert_eq!(err["code"], "invalid_input");
    assert!(
        err["message"].as_str().unwrap().contains("html"),
        "the connector learns what was too large: {err}"
    );
}
