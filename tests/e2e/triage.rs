//! An urgent case filed at the hub reaches the open console live (pushed, not polled), lands in
//! the urgent view routed to security, and the ticket says why triage filed it so.

use std::time::Instant;

use desk_sync::HubClient;
use serde_json::json;
use support_hub::embedded::{DemoSeed, EmbeddedConfig, EmbeddedHub};

use crate::desktop::Desktop;
use crate::offline::wait_connectivity;
use crate::services::{READY_TIMEOUT, STEP_TIMEOUT};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_urgent_case_arrives_live_with_its_reason() {
    let hub_dir = tempfile::tempdir().unwrap();
    let mut config = EmbeddedConfig::new(hub_dir.path().join("hub.db"));
    config.demo = Some(DemoSeed {
        seed: 5,
        tickets: 20,
    });
    let hub = EmbeddedHub::start(config).await.expect("the hub starts");
    let me = support_hub::seed::demo_agent_id();
    let desk = Desktop::launch_custom(
        "urgent_arrival",
        &[("WALLET_DESK_PASSWORD", "demo".to_string())],
        &["--hub".into(), hub.url(), "--agent".into(), me],
    )
    .await;
    desk.wait_ready("inbox", READY_TIMEOUT).await;
    wait_connectivity(&desk, "online", READY_TIMEOUT).await;
    if let Err(e) = desk
        .one(r#"[data-testid="view-urgent"]"#, "the urgent view")
        .await
        .click()
        .await
    {
        desk.fail(&format!("opening the urgent view: {e}")).await;
    }

    // A customer writes in through the hub's intake, as a channel connector would.
    let mut client = HubClient::new(&hub.url()).unwrap();
    let login = client
        .login(&desk_demo::team().agents[1].id, "demo")
        .await
        .unwrap();
    client.set_token(Some(login.token.clone()));
    let filed_at = Instant::now();
    let res = reqwest::Client::new()
        .post(format!("{}/api/intake", hub.url()))
        .bearer_auth(&login.token)
        .json(&json!({
            "channel": "web_chat",
            "customer": {"email": "e2e-customer@example.com", "name": "E2E Customer"},
            "body": "Someone logged into my account and I didn't make this payment",
        }))
        .send()
        .await
        .unwrap();
    assert!(
        res.status().is_success(),
        "intake accepts the message: {}",
        res.status()
    );
    let filed: serde_json::Value = res.json().await.unwrap();
    let id = filed["ticket_id"]
        .as_i64()
        .expect("intake says which ticket");

    let row = format!(r#"[data-testid="inbox-row"][data-ticket-id="{id}"]"#);
    desk.wait_for(
        "the new urgent ticket in the urgent view",
        STEP_TIMEOUT,
        || async { (!desk.all(&row).await.is_empty()).then_some(()) },
    )
    .await;
    // Printed, not asserted: latency is a benchmark's business (see the issue's targets).
    println!(
        "urgent ticket {id} visible {} ms after intake",
        filed_at.elapsed().as_millis()
    );

    desk.one(&row, "the new row").await.click().await.unwrap();
    desk.wait_ready("ticket", STEP_TIMEOUT).await;
    let reason = desk
        .one(
            r#"[data-testid="triage-reason"]"#,
            "a triaged ticket says why",
        )
        .await;
    let source = reason
        .attr("data-source")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(
        source == "rule" || source == "model_and_rule",
        "the default rules catch 'someone logged into my account': {source}"
    );
    let text = desk.text(&reason).await;
    assert!(!text.is_empty(), "the reason is spelled out for the agent");
    let hub_copy = client.ticket(id).await.unwrap().expect("on the hub");
    assert_eq!(
        hub_copy.ticket.group_id.as_deref(),
        Some("security"),
        "routed to security"
    );
    desk.screenshot("urgent-arrival.png").await;
    desk.close().await;
    hub.shutdown().await.unwrap();
}
