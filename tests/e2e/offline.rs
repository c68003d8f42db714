//! Offline work in the real window: the hub becomes unreachable (a faulty proxy of ours cuts
//! the console off), the agent keeps working and sees what is queued, another agent answers
//! the same customer meanwhile, and when the network returns everything converges with the
//! stale reply held under "needs attention" instead of sent.

use std::time::Duration;

use desk_domain::{Status, TicketEdit};
use desk_sync::HubClient;
use desk_wire::{Edit, EditOutcome};
use netfault::{Fault, FaultyProxy};
use support_hub::embedded::{DemoSeed, EmbeddedConfig, EmbeddedHub};

use crate::desktop::Desktop;
use crate::services::{READY_TIMEOUT, STEP_TIMEOUT};

const INDICATOR: &str = r#"[data-testid="sync-indicator"]"#;
const BANNER: &str = r#"[data-testid="offline-banner"]"#;
const QUEUED: &str = r#"[data-testid="queued-count"]"#;
const ROW: &str = r#"[data-testid="inbox-row"]"#;

async fn connectivity(desk: &Desktop) -> Option<String> {
    desk.all(INDICATOR)
        .await
        .first()?
        .attr("data-connectivity")
        .await
        .ok()?
}

pub(crate) async fn wait_connectivity(desk: &Desktop, want: &str, timeout: Duration) {
    desk.wait_for(&format!("connectivity {want}"), timeout, || async {
        (connectivity(desk).await.as_deref() == Some(want)).then_some(())
    })
    .await
}

async fn click(desk: &Desktop, css: &str, why: &str) {
    if let Err(e) = desk.one(css, why).await.click().await {
        desk.fail(&format!("clicking {css}: {e}")).await;
    }
}

async fn type_into(desk: &Desktop, css: &str, text: &str, why: &str) {
    if let Err(e) = desk.one(css, why).await.send_keys(text).await {
        desk.fail(&format!("typing into {css}: {e}")).await;
    }
}

/// Waits until the indicator counts `n` queued edits. The ticket's controls are disabled while
/// an edit is being saved, so the next action must wait for the previous one to be queued.
async fn wait_queued(desk: &Desktop, n: u32) -> u32 {
    desk.wait_for(&format!("{n} queued edits"), STEP_TIMEOUT, || async {
        let el = desk.all(QUEUED).await.into_iter().next()?;
        let count: u32 = desk.text(&el).await.trim().parse().ok()?;
        (count == n).then_some(count)
    })
    .await
}

async fn select(desk: &Desktop, css: &str, value: &str) {
    if let Err(e) = desk
        .one(css, "a ticket action")
        .await
        .select_by_value(value)
        .await
    {
        desk.fail(&format!("choosing {value} in {css}: {e}")).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offline_edits_queue_and_a_stale_reply_needs_attention() {
    let hub_dir = tempfile::tempdir().unwrap();
    let mut config = EmbeddedConfig::new(hub_dir.path().join("hub.db"));
    config.demo = Some(DemoSeed {
        seed: 11,
        tickets: 40,
    });
    let hub = EmbeddedHub::start(config).await.expect("the hub starts");
    let proxy = FaultyProxy::start(hub.local_addr()).await.unwrap();
    let me = support_hub::seed::demo_agent_id();
    let desk = Desktop::launch_custom(
        "offline_edits",
        &[("WALLET_DESK_PASSWORD", "demo".to_string())],
        &["--hub".into(), proxy.url(), "--agent".into(), me],
    )
    .await;
    desk.wait_ready("inbox", READY_TIMEOUT).await;
    wait_connectivity(&desk, "online", READY_TIMEOUT).await;
    desk.wait_for("bootstrapped rows", STEP_TIMEOUT, || async {
        (!desk.all(ROW).await.is_empty()).then_some(())
    })
    .await;

    // Open the first ticket in the list.
    let row = desk.one(ROW, "the inbox lists the hub's tickets").await;
    let ticket: i64 = row
        .attr("data-ticket-id")
        .await
        .ok()
        .flatten()
        .and_then(|v| v.parse().ok())
        .expect("rows carry their ticket id");
    row.click().await.unwrap();
    desk.wait_ready("ticket", STEP_TIMEOUT).await;

    // The network goes away.
    proxy.set(Fault::Offline);
    wait_connectivity(&desk, "offline", Duration::from_secs(20)).await;
    let banner = desk.text_of(BANNER, "offline, the console says so").await;
    assert!(!banner.is_empty(), "the offline banner explains the state");

    // The agent keeps working: status, priority, a tag, a note and a reply.
    select(&desk, r#"[data-testid="status-select"]"#, "pending").await;
    wait_queued(&desk, 1).await;
    select(&desk, r#"[data-testid="priority-select"]"#, "high").await;
    wait_queued(&desk, 2).await;
    type_into(
        &desk,
        r#"[data-testid="tag-input"]"#,
        "vip\u{E007}",
        "tags can be added",
    )
    .await;
    wait_queued(&desk, 3).await;
    click(
        &desk,
        r#"[data-testid="composer-mode-note"]"#,
        "notes can be written",
    )
    .await;
    type_into(
        &desk,
        r#"[data-testid="composer-input"]"#,
        "Called the bank; refund is on its way.",
        "the composer",
    )
    .await;
    click(&desk, r#"[data-testid="composer-send"]"#, "send the note").await;
    wait_queued(&desk, 4).await;
    click(
        &desk,
        r#"[data-testid="composer-mode-reply"]"#,
        "replies can be written",
    )
    .await;
    type_into(
        &desk,
        r#"[data-testid="composer-input"]"#,
        "Your refund has been sent.",
        "the composer",
    )
    .await;
    click(&desk, r#"[data-testid="composer-send"]"#, "send the reply").await;

    let queued = wait_queued(&desk, 5).await;
    assert_eq!(
        queued, 5,
        "status, priority, tag, note and reply are all queued"
    );
    let marked = desk
        .all(r#"[data-testid="message"][data-queued="true"]"#)
        .await;
    assert_eq!(
        marked.len(),
        2,
        "the note and the reply show as queued in the thread"
    );
    desk.screenshot("offline-queued.png").await;

    // Meanwhile another agent answers the same customer, online.
    let mut other = HubClient::new(&hub.url()).unwrap();
    let login = other
        .login(&desk_demo::team().agents[1].id, "demo")
        .await
        .unwrap();
    other.set_token(Some(login.token));
    let current = other
        .ticket(ticket)
        .await
        .unwrap()
        .expect("the ticket is on the hub");
    let results = other
        .send_edits(vec![Edit {
            edit_id: desk_sync::new_edit_id(),
            ticket_id: ticket,
            base_version: current.version,
            op: TicketEdit::Reply {
                body: "Another agent: we are looking into it.".into(),
            },
        }])
        .await
        .unwrap();
    assert!(matches!(results[0].outcome, EditOutcome::Applied { .. }));

    // The network returns.
    proxy.set(Fault::Pass);
    wait_connectivity(&desk, "online", Duration::from_secs(45)).await;
    desk.wait_for("the queue to drain", STEP_TIMEOUT, || async {
        desk.all(QUEUED).await.is_empty().then_some(())
    })
    .await;
    assert!(
        desk.all(BANNER).await.is_empty(),
        "online again, the banner is gone"
    );

    let count = desk
        .wait_for("one item needing attention", STEP_TIMEOUT, || async {
            let el = desk
                .all(r#"[data-testid="attention-count"]"#)
                .await
                .into_iter()
                .next()?;
            let n: u32 = desk.text(&el).await.trim().parse().ok()?;
            (n == 1).then_some(n)
        })
        .await;
    assert_eq!(count, 1);
    click(
        &desk,
        r#"[data-testid="view-attention"]"#,
        "the sidebar opens the attention list",
    )
    .await;
    let item = desk
        .one(
            r#"[data-testid="attention-item"]"#,
            "the held reply is listed",
        )
        .await;
    assert_eq!(
        item.attr("data-kind").await.unwrap().as_deref(),
        Some("held")
    );
    assert_eq!(
        item.attr("data-ticket-id").await.unwrap(),
        Some(ticket.to_string())
    );
    desk.screenshot("needs-attention.png").await;

    // The hub has everything else exactly once, and not the held reply.
    let now = other.ticket(ticket).await.unwrap().unwrap().ticket;
    assert_eq!(now.status, Status::Pending);
    assert!(now.tags.iter().any(|t| t == "vip"));
    let bodies: Vec<_> = now.messages.iter().map(|m| m.body.as_str()).collect();
    assert_eq!(
        bodies
            .iter()
            .filter(|b| **b == "Called the bank; refund is on its way.")
            .count(),
        1,
        "the note was applied once"
    );
    assert!(
        !bodies.contains(&"Your refund has been sent."),
        "the reply was drafted before the other agent wrote: it must not be sent blind"
    );

    // Needs attention: the agent sees their held reply beside what the hub has now (the other
    // agent's answer), and chooses to send it anyway.
    let yours = desk
        .text_of(
            r#"[data-testid="attention-yours"]"#,
            "the held reply is shown as the agent's version",
        )
        .await;
    assert!(
        yours.contains("Your refund has been sent."),
        "your version is the held reply: {yours}"
    );
    let server = desk
        .wait_for("the server side beside it", STEP_TIMEOUT, || async {
            let el = desk
                .all(r#"[data-testid="attention-server"][data-state="ready"]"#)
                .await
                .into_iter()
                .next()?;
            let text = desk.text(&el).await;
            text.contains("Another agent: we are looking into it.")
                .then_some(text)
        })
        .await;
    assert!(
        !server.contains("Your refund has been sent."),
        "the server side shows the hub's thread, not the held reply: {server}"
    );
    desk.screenshot("needs-attention-side-by-side.png").await;
    click(
        &desk,
        r#"[data-testid="attention-resend"]"#,
        "send the held reply anyway",
    )
    .await;
    desk.wait_for("the attention list to empty", STEP_TIMEOUT, || async {
        (!desk
            .all(r#"[data-testid="attention-empty"]"#)
            .await
            .is_empty())
        .then_some(())
    })
    .await;
    let sent = desk
        .wait_for("the reply to reach the hub", STEP_TIMEOUT, || async {
            let t = other.ticket(ticket).await.ok()??.ticket;
            let n = t
                .messages
                .iter()
                .filter(|m| m.body == "Your refund has been sent.")
                .count();
            (n > 0).then_some(n)
        })
        .await;
    assert_eq!(sent, 1, "sent anyway, exactly once");
    desk.close().await;
    hub.shutdown().await.unwrap();
}
