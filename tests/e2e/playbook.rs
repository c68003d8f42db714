//! The security playbook in the real window: an urgent case arrives, the agent ticks both
//! identity checks, requests the freeze, escalates and, working offline, writes to the
//! customer; every step lands on the hub's ticket as notes, tags, the group and a reply, and
//! the offline one shows as queued until it syncs.

use serde_json::json;

use crate::desktop::Desktop;
use crate::hub::TestHub;
use crate::offline::wait_connectivity;
use crate::services::{READY_TIMEOUT, STEP_TIMEOUT};

const EMAIL: &str = "e2e-victim@example.com";

async fn click(desk: &Desktop, css: &str, why: &str) {
    if let Err(e) = desk.one(css, why).await.click().await {
        desk.fail(&format!("clicking {css}: {e}")).await;
    }
}

async fn step_state(desk: &Desktop, step: &str) -> Option<String> {
    let css = format!(r#"[data-testid="playbook-step"][data-step="{step}"]"#);
    desk.all(&css)
        .await
        .into_iter()
        .next()?
        .attr("data-state")
        .await
        .ok()?
}

/// Waits until the step shows `want` ("queued" while its record is in the outbox, "done"
/// once the hub acknowledged it).
async fn wait_step(desk: &Desktop, step: &str, want: &str) {
    desk.wait_for(&format!("step {step} {want}"), STEP_TIMEOUT, || async {
        (step_state(desk, step).await.as_deref() == Some(want)).then_some(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_security_playbook_is_recorded_on_the_ticket() {
    let hub = TestHub::start(7).await;
    let (env, args) = hub.console_args();
    let desk = Desktop::launch_custom("security_playbook", &env, &args).await;
    desk.wait_ready("inbox", READY_TIMEOUT).await;
    wait_connectivity(&desk, "online", READY_TIMEOUT).await;

    let id = hub
        .intake(
            json!({"email": EMAIL, "name": "E2E Victim"}),
            "Someone logged into my account and I didn't make this payment",
        )
        .await;
    click(&desk, r#"[data-testid="view-urgent"]"#, "the urgent view").await;
    let row = format!(r#"[data-testid="inbox-row"][data-ticket-id="{id}"]"#);
    desk.wait_for("the urgent case in the list", STEP_TIMEOUT, || async {
        (!desk.all(&row).await.is_empty()).then_some(())
    })
    .await;
    click(&desk, &row, "the new urgent row").await;
    desk.wait_ready("ticket", STEP_TIMEOUT).await;

    // The checks show what to compare against, without asking for any secret.
    let compare = desk
        .text_of(
            r#"[data-testid="playbook-compare-verify_email"]"#,
            "an urgent security case shows the playbook",
        )
        .await;
    assert!(
        compare.contains(EMAIL),
        "the registered email is shown to compare: {compare}"
    );

    // Online: each step is queued, then acknowledged by the hub.
    click(
        &desk,
        r#"[data-testid="playbook-verify_email"]"#,
        "tick the email check",
    )
    .await;
    wait_step(&desk, "verify_email", "done").await;
    click(
        &desk,
        r#"[data-testid="playbook-verify_transaction"]"#,
        "tick the transaction check",
    )
    .await;
    wait_step(&desk, "verify_transaction", "done").await;
    click(
        &desk,
        r#"[data-testid="playbook-request_freeze"]"#,
        "the freeze is unlocked by both checks",
    )
    .await;
    wait_step(&desk, "request_freeze", "done").await;
    click(
        &desk,
        r#"[data-testid="playbook-escalate"]"#,
        "escalate to security",
    )
    .await;
    wait_step(&desk, "escalate", "done").await;

    // Offline: the customer note is queued and says so, then syncs when the agent goes back.
    click(
        &desk,
        r#"[data-testid="work-offline-toggle"]"#,
        "the top bar can pause sync",
    )
    .await;
    wait_connectivity(&desk, "paused", STEP_TIMEOUT).await;
    let note = desk
        .one(
            r#"[data-testid="playbook-note"]"#,
            "the customer note is prefilled",
        )
        .await;
    let prefilled = note.prop("value").await.unwrap().unwrap_or_default();
    assert!(
        prefilled.contains("never ask for your password"),
        "the template warns about phishing: {prefilled}"
    );
    assert!(
        prefilled.contains("requested a freeze"),
        "the template says the freeze was requested: {prefilled}"
    );
    click(
        &desk,
        r#"[data-testid="playbook-notify_customer"]"#,
        "send the customer note",
    )
    .await;
    wait_step(&desk, "notify_customer", "queued").await;
    desk.screenshot("playbook-queued.png").await;
    let before = hub.client.ticket(id).await.unwrap().expect("on the hub");
    assert!(
        !before
            .ticket
            .tags
            .iter()
            .any(|t| t == "playbook:customer-notified"),
        "paused: nothing reached the hub yet"
    );
    click(
        &desk,
        r#"[data-testid="work-offline-toggle"]"#,
        "back online",
    )
    .await;
    wait_connectivity(&desk, "online", STEP_TIMEOUT).await;
    wait_step(&desk, "notify_customer", "done").await;

    // Every step is on the hub's ticket, once.
    let now = hub.client.ticket(id).await.unwrap().unwrap().ticket;
    for tag in [
        "playbook:email-verified",
        "playbook:last-txn-verified",
        "playbook:freeze-requested",
        "playbook:escalated",
        "playbook:customer-notified",
    ] {
        assert!(
            now.tags.iter().any(|t| t == tag),
            "{tag} on the ticket: {:?}",
            now.tags
        );
    }
    assert_eq!(now.group_id.as_deref(), Some("security"));
    let notes: Vec<&str> = now
        .messages
        .iter()
        .filter(|m| m.kind == desk_domain::MessageKind::Note)
        .map(|m| m.body.as_str())
        .collect();
    assert_eq!(
        notes
            .iter()
            // Notes are written in the UI's language, which follows the desktop's.
            .filter(|b| b.starts_with("[Security playbook]") || b.starts_with("【安全处置】"))
            .count(),
        4,
        "the two checks, the freeze and the escalation are noted once each: {notes:?}"
    );
    let replies: Vec<&str> = now
        .messages
        .iter()
        .filter(|m| m.kind == desk_domain::MessageKind::Reply)
        .map(|m| m.body.as_str())
        .collect();
    assert_eq!(replies.len(), 1, "the customer got one note: {replies:?}");
    assert!(replies[0].contains("never ask for your password"));
    desk.screenshot("playbook-done.png").await;
    desk.close().await;
    hub.hub.shutdown().await.unwrap();
}
