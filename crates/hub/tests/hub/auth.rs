use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::support::{TestHub, ALICE};

#[tokio::test]
async fn sign_in_by_id_or_email_and_out_again() {
    let hub = TestHub::start().await;
    let res = hub
        .client
        .post(hub.url("/api/login"))
        .json(&json!({"email": "alice@desk.example", "password": "pw-alice"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["agent"]["id"], ALICE);
    assert!(body["expires_at"].as_i64().unwrap() > 0);
    let token = body["token"].as_str().unwrap();

    assert_eq!(
        hub.get(token, "/api/changes").await.status(),
        StatusCode::OK
    );
    let out = hub.post(token, "/api/logout", &json!({})).await;
    assert_eq!(out.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        hub.get(token, "/api/changes").await.status(),
        StatusCode::UNAUTHORIZED,
        "a signed-out token must stop working"
    );
    let by_id = hub.login(ALICE).await;
    assert_ne!(by_id, token, "every sign-in gets a fresh token");
}

#[tokio::test]
async fn wrong_passwords_and_unknown_agents_are_refused_alike() {
    let hub = TestHub::start().await;
    for body in [
        json!({"agent_id": "alice", "password": "pw-bob"}),
        json!({"agent_id": "mallory", "password": "pw-alice"}),
    ] {
        let res = hub
            .client
            .post(hub.url("/api/login"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        let err: Value = res.json().await.unwrap();
        assert_eq!(err["code"], "unauthorized");
        assert_eq!(
            err["message"], "wrong agent or password",
            "the answer must not tell which agent ids exist"
        );
    }
    let both = json!({"agent_id": "alice", "email": "alice@desk.example", "password": "pw-alice"});
    let res = hub
        .client
        .post(hub.url("/api/login"))
        .json(&both)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn every_endpoint_but_login_and_health_needs_a_token() {
    let hub = TestHub::start().await;
    let endpoints = [
        ("POST", "/api/logout"),
        ("POST", "/api/intake"),
        ("GET", "/api/bootstrap"),
        ("GET", "/api/changes?after=0"),
        ("POST", "/api/edits"),
        ("GET", "/api/events"),
        ("GET", "/api/openapi.json"),
        ("GET", "/api/tickets/1"),
        ("DELETE", "/api/tickets/1"),
        ("POST", "/api/tickets/1/merge"),
    ];
    for (method, path) in endpoints {
        for auth in [
            None,
            Some("Bearer not-a-token"),
            Some("Basic YWxpY2U6cHctYWxpY2U="),
            Some("Bearer "),
        ] {
            let mut req = hub
                .client
                .request(method.parse().unwrap(), hub.url(path))
                .header("content-type", "application/json")
                .body("{}");
            if let Some(a) = auth {
                req = req.header("authorization", a);
            }
            let res = req.send().await.unwrap();
            assert_eq!(
                res.status(),
                StatusCode::UNAUTHORIZED,
                "{method} {path} with {auth:?}"
            );
            assert_eq!(res.headers()["www-authenticate"], "Bearer");
            let err: Value = res.json().await.unwrap();
            assert_eq!(err["code"], "unauthorized", "{method} {path}");
        }
    }
    let health = hub.client.get(hub.url("/api/health")).send().await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);
}
