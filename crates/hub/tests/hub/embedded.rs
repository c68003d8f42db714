//! A hub embedded on the test's own runtime, as the desktop console runs one in demo mode.

use std::time::{Duration, Instant};

use futures_util::StreamExt;
use reqwest::StatusCode;
use serde_json::{json, Value};
use support_hub::embedded::{DemoLogin, DemoSeed, EmbeddedConfig, EmbeddedHub};

fn demo_config(db: &std::path::Path, tickets: usize) -> EmbeddedConfig {
    let mut config = EmbeddedConfig::new(db);
    config.demo = Some(DemoSeed {
        seed: 2026,
        tickets,
    });
    config
}

async fn sign_in(client: &reqwest::Client, hub: &EmbeddedHub) -> String {
    let DemoLogin { agent_id, password } = hub.demo_login().expect("a demo hub has a demo login");
    assert_eq!(agent_id, "agent-lin-yue");
    let res = client
        .post(format!("{}/api/login", hub.url()))
        .json(&json!({"agent_id": agent_id, "password": password}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "the advertised demo login must work"
    );
    res.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn bootstrap(client: &reqwest::Client, hub: &EmbeddedHub, token: &str) -> Value {
    let res = client
        .get(format!("{}/api/bootstrap?limit=500", hub.url()))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_demo_hub_serves_until_shut_down_and_imports_the_demo_only_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hub.sqlite3");
    let client = reqwest::Client::new();

    let hub = EmbeddedHub::start(demo_config(&db, 30)).await.unwrap();
    assert!(hub.url().starts_with("http://127.0.0.1:"), "{}", hub.url());
    assert_ne!(
        hub.local_addr().port(),
        0,
        "port 0 is resolved to the real port"
    );
    let token = sign_in(&client, &hub).await;
    let page = bootstrap(&client, &hub, &token).await;
    assert_eq!(page["tickets"].as_array().unwrap().len(), 30);
    let seq = page["snapshot_seq"].clone();
    let url = hub.url();
    hub.shutdown().await.unwrap();
    assert!(
        client
            .get(format!("{url}/api/health"))
            .send()
            .await
            .is_err(),
        "after shutdown nothing listens on the port"
    );

    // Asking for more demo tickets on a later start must not import again: the demo is a
    // first-start thing, and a second import would undo agents' deletions and merges.
    let hub = EmbeddedHub::start(demo_config(&db, 40)).await.unwrap();
    let token = sign_in(&client, &hub).await;
    let page = bootstrap(&client, &hub, &token).await;
    assert_eq!(
        page["tickets"].as_array().unwrap().len(),
        30,
        "the ticket count is what the first start imported"
    );
    assert_eq!(
        page["snapshot_seq"], seq,
        "a restart writes nothing to the feed"
    );
    hub.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_ends_live_event_streams_and_the_simulator_promptly() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = demo_config(&dir.path().join("hub.sqlite3"), 5);
    config.simulate_per_minute = Some(600.0);
    let hub = EmbeddedHub::start(config).await.unwrap();
    let client = reqwest::Client::new();
    let token = sign_in(&client, &hub).await;
    let res = client
        .get(format!("{}/api/events", hub.url()))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let mut events = res.bytes_stream();

    // The simulator advances the feed past the five demo tickets; the stream reports it.
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut text = String::new();
    let newest = |text: &str| {
        text.lines()
            .filter_map(|l| l.strip_prefix("data:"))
            .filter_map(|d| serde_json::from_str::<Value>(d.trim()).ok())
            .filter_map(|v| v["seq"].as_i64())
            .max()
    };
    while newest(&text).is_none_or(|seq| seq <= 5) {
        assert!(
            Instant::now() < deadline,
            "the simulator must file within 20 s: {text}"
        );
        let chunk = tokio::time::timeout(Duration::from_secs(20), events.next())
            .await
            .expect("an event arrives")
            .expect("the stream is open")
            .unwrap();
        text.push_str(&String::from_utf8_lossy(&chunk));
    }

    let started = Instant::now();
    tokio::time::timeout(Duration::from_secs(8), hub.shutdown())
        .await
        .expect("an open event stream must not hold the shutdown for the whole grace period")
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(8));
    let rest = tokio::time::timeout(Duration::from_secs(5), async {
        while let Some(Ok(_)) = events.next().await {}
    })
    .await;
    assert!(
        rest.is_ok(),
        "the event stream ends when the hub shuts down"
    );
}

#[tokio::test]
async fn a_bad_simulator_rate_fails_the_start_before_touching_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hub.sqlite3");
    let mut config = demo_config(&db, 5);
    config.simulate_per_minute = Some(0.0);
    let err = EmbeddedHub::start(config)
        .await
        .err()
        .expect("zero messages a minute is refused");
    assert!(err.to_string().contains("rate"), "{err}");
    assert!(
        !db.exists(),
        "nothing was created for a hub that never started"
    );
}
