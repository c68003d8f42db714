//! An urgent case filed at the hub reaches the open console live (pushed, not polled), lands in
//! the urgent view routed to security, and the ticket says why triage filed it so.

use std::time::Instant;

use serde_json::json;

use crate::desktop::Desktop;
use crate::hub::TestHub;
use crate::offline::wait_connectivity;
use crate::services::{READY_TIMEOUT, STEP_TIMEOUT};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_urgent_case_arrives_live_with_its_reason() {
    let hub = TestHub::start(5).await;
    let (env, args) = hub.console_args();
    let desk = Desktop::launch_custom("urgent_arrival", &env, &args).await;
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
    let filed_at = Instant::now();
    let id = hub
        .intake(
            json!({"email": "e2e-customer@example.com", "name": "E2E Customer"}),
            "Someone logged into my account and I didn't make this payment",
        )
        .await;

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
    let hub_copy = hub.client.ticket(id).await.unwrap().expect("on the hub");
    assert_eq!(
        hub_copy.ticket.group_id.as_deref(),
        Some("security"),
        "routed to security"
    );
    desk.screenshot("urgent-arrival.png").await;
    desk.close().await;
    hub.hub.shutdown().await.unwrap();
}
