use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::support::{TestHub, ALICE};

/// What is sent (name, path, content type, body) and the status and code expected back.
struct Case(
    &'static str,
    &'static str,
    Option<&'static str>,
    Vec<u8>,
    StatusCode,
    &'static str,
);

async fn send(
    hub: &TestHub,
    token: &str,
    path: &str,
    content_type: Option<&str>,
    body: Vec<u8>,
) -> (StatusCode, Value) {
    let mut req = hub.client.post(hub.url(path)).bearer_auth(token).body(body);
    if let Some(ct) = content_type {
        req = req.header("content-type", ct);
    }
    let res = req.send().await.unwrap();
    let status = res.status();
    let body: Value = res.json().await.expect("every error is a JSON body");
    assert!(
        body["code"].is_string() && body["message"].is_string(),
        "{body}"
    );
    (status, body)
}

#[tokio::test]
async fn bad_requests_get_json_errors_and_store_nothing() {
    let hub = TestHub::start_with_demo(2).await;
    let token = hub.login(ALICE).await;
    let before = hub.fingerprint();
    let json_ct = Some("application/json");
    let valid = |channel: &str| {
        json!({"channel": channel, "customer": {"email": "a@b.c"}, "body": "hi"}).to_string()
    };

    let json_case =
        |what, path, body: Vec<u8>, status, code| Case(what, path, json_ct, body, status, code);
    let (bad, unprocessable, too_large) = (
        StatusCode::BAD_REQUEST,
        StatusCode::UNPROCESSABLE_ENTITY,
        StatusCode::PAYLOAD_TOO_LARGE,
    );
    let invalid_utf8 = [
        &br#"{"channel": "email", "customer": {"email": "a@b.c"}, "body": ""#[..],
        &[0xff, 0xfe],
        &br#""}"#[..],
    ]
    .concat();
    let huge_note = json!({"edits": [{"edit_id": "e", "ticket_id": 1, "base_version": 1,
        "op": {"kind": "note", "body": "x".repeat(1024 * 1024 + 1)}}]});
    let huge_intake = json!({"channel": "email", "customer": {"email": "a@b.c"},
        "body": "x".repeat(10 * 1024 * 1024 + 1)});
    let wrong_type = br#"{"channel": "email", "customer": {"email": "a@b.c"}, "body": 42}"#;
    let no_key = br#"{"channel": "email", "customer": {"name": "x"}, "body": "hi"}"#;
    let wrong_op = br#"{"edits": [{"edit_id": "e", "ticket_id": 1, "base_version": 1,
        "op": {"kind": "delete_everything"}}]}"#;
    let (intake, edits) = ("/api/intake", "/api/edits");
    let invalid = "invalid_input";

    let cases = vec![
        json_case(
            "malformed json",
            intake,
            b"{\"channel\": \"email\",".to_vec(),
            bad,
            invalid,
        ),
        json_case(
            "wrong type",
            intake,
            wrong_type.to_vec(),
            unprocessable,
            invalid,
        ),
        json_case(
            "unknown channel",
            intake,
            valid("fax").into_bytes(),
            unprocessable,
            invalid,
        ),
        json_case("no customer key", intake, no_key.to_vec(), bad, invalid),
        json_case("invalid utf-8", intake, invalid_utf8, bad, invalid),
        Case(
            "not json",
            intake,
            None,
            valid("email").into_bytes(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            invalid,
        ),
        json_case(
            "oversized edits",
            edits,
            huge_note.to_string().into_bytes(),
            too_large,
            "payload_too_large",
        ),
        json_case(
            "oversized intake",
            intake,
            huge_intake.to_string().into_bytes(),
            too_large,
            "payload_too_large",
        ),
        json_case(
            "edit with unknown op",
            edits,
            wrong_op.to_vec(),
            unprocessable,
            invalid,
        ),
    ];
    for Case(what, path, ct, body, status, code) in cases {
        let (got, err) = send(&hub, &token, path, ct, body).await;
        assert_eq!(got, status, "{what}: {err}");
        assert_eq!(err["code"], code, "{what}");
        assert_eq!(hub.fingerprint(), before, "{what} must not store anything");
    }

    let res = hub.get(&token, "/api/changes?after=abc").await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "invalid_input");
    let res = hub.get(&token, "/api/no-such-thing").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "not_found");
    let res = hub.get(&token, "/api/edits").await;
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "invalid_input");
    assert_eq!(hub.fingerprint(), before);
}
