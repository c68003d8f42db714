//! Bulk actions and the dashboard in the real window: the agent selects tickets by keyboard,
//! assigns them to themself and tags them in two actions while working offline (each queued as
//! ordinary edits, one per ticket), sees every ticket show the change, and after going online
//! the hub has it. Then the dashboard's figures are checked against the sidebar's counts.

use std::time::Duration;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};

use crate::desktop::Desktop;
use crate::hub::TestHub;
use crate::offline::wait_connectivity;
use crate::services::{READY_TIMEOUT, STEP_TIMEOUT};

const ROW: &str = r#"[data-testid="inbox-row"]"#;
const QUEUED: &str = r#"[data-testid="queued-count"]"#;
const TAG: &str = "refund-wave";

async fn press(desk: &Desktop, keys: &str) {
    let mut actions = KeyActions::new("keyboard".to_string());
    for c in keys.chars() {
        actions = actions
            .then(KeyAction::Down { value: c })
            .then(KeyAction::Up { value: c });
    }
    if let Err(e) = desk.client().perform_actions(actions).await {
        desk.fail(&format!("typing {keys:?}: {e}")).await;
    }
}

/// Runs `script` in the page and reads back a JSON value (one step, so nothing re-renders
/// between reading two attributes).
async fn eval(desk: &Desktop, script: &str) -> serde_json::Value {
    desk.client()
        .execute(script, vec![])
        .await
        .unwrap_or(serde_json::Value::Null)
}

async fn checked_ids(desk: &Desktop) -> Vec<i64> {
    let v = eval(
        desk,
        r#"return [...document.querySelectorAll('[data-testid="inbox-row"].checked')].map(r => Number(r.dataset.ticketId));"#,
    )
    .await;
    serde_json::from_value(v).unwrap_or_default()
}

async fn queued(desk: &Desktop) -> u32 {
    match desk.all(QUEUED).await.first() {
        Some(el) => desk.text(el).await.trim().parse().unwrap_or(0),
        None => 0,
    }
}

async fn wait_queued(desk: &Desktop, n: u32) {
    desk.wait_for(&format!("{n} queued edits"), STEP_TIMEOUT, || async {
        (queued(desk).await == n).then_some(())
    })
    .await
}

async fn click(desk: &Desktop, css: &str, why: &str) {
    if let Err(e) = desk.one(css, why).await.click().await {
        desk.fail(&format!("clicking {css}: {e}")).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bulk_assign_and_tag_by_keyboard_then_the_dashboard_agrees_with_the_sidebar() {
    let hub = TestHub::start(23).await;
    let (env, args) = hub.console_args();
    let desk = Desktop::launch_custom("bulk_actions", &env, &args).await;
    desk.wait_ready("inbox", READY_TIMEOUT).await;
    wait_connectivity(&desk, "online", READY_TIMEOUT).await;
    desk.wait_for("bootstrapped rows", STEP_TIMEOUT, || async {
        (desk.all(ROW).await.len() >= 5).then_some(())
    })
    .await;

    // Offline, so the queued edits stay countable until the agent goes back online.
    click(
        &desk,
        r#"[data-testid="work-offline-toggle"]"#,
        "work offline",
    )
    .await;
    wait_connectivity(&desk, "paused", Duration::from_secs(20)).await;

    // j moves the cursor, x toggles the row under it: rows 0 to 3 on, then row 3 off again.
    press(&desk, "jxjxjxjxx").await;
    let ids = desk
        .wait_for("three rows selected", STEP_TIMEOUT, || async {
            let ids = checked_ids(&desk).await;
            (ids.len() == 3).then_some(ids)
        })
        .await;
    let count = desk
        .one(
            r#"[data-testid="bulk-count"]"#,
            "the bulk bar shows the selection",
        )
        .await
        .attr("data-count")
        .await
        .unwrap();
    assert_eq!(count.as_deref(), Some("3"), "the bar counts what is ticked");

    // Assign to me: one ordinary edit queued per ticket.
    click(&desk, r#"[data-testid="bulk-assign-me"]"#, "assign to me").await;
    wait_queued(&desk, 3).await;
    let said = desk
        .one(
            r#"[data-testid="bulk-queued"]"#,
            "the bar reports the outcome",
        )
        .await
        .attr("data-queued")
        .await
        .unwrap();
    assert_eq!(
        said.as_deref(),
        Some("3"),
        "the command answers how many it queued"
    );

    // Then a tag for the same selection (the selection stays for the next action).
    let input = desk
        .one(r#"[data-testid="bulk-tag"]"#, "the tag field")
        .await;
    if let Err(e) = input.send_keys(&format!("{TAG}\u{E007}")).await {
        desk.fail(&format!("typing the tag: {e}")).await;
    }
    wait_queued(&desk, 6).await;
    desk.screenshot("bulk-queued.png").await;

    // Each ticket shows both changes at once, before any sync.
    let me = support_hub::seed::demo_agent_id();
    for id in &ids {
        click(
            &desk,
            &format!(r#"[data-testid="inbox-row"][data-ticket-id="{id}"] .subject"#),
            "open a selected ticket",
        )
        .await;
        let tags = desk
            .wait_for(&format!("ticket {id} open"), STEP_TIMEOUT, || async {
                let view = desk.all(r#"[data-testid="ticket-view"]"#).await;
                let shown = view.first()?.attr("data-ticket-id").await.ok().flatten()?;
                (shown == id.to_string()).then_some(())?;
                let v = eval(
                    &desk,
                    r#"return [...document.querySelectorAll('[data-testid="tag-chip"]')].map(c => c.dataset.tag);"#,
                )
                .await;
                serde_json::from_value::<Vec<String>>(v).ok()
            })
            .await;
        assert!(
            tags.iter().any(|t| t == TAG),
            "ticket {id} shows the tag: {tags:?}"
        );
        let assignee = desk
            .one(r#"[data-testid="assignee-select"]"#, "the assignee control")
            .await
            .prop("value")
            .await
            .unwrap();
        assert_eq!(
            assignee.as_deref(),
            Some(me.as_str()),
            "ticket {id} is mine"
        );
    }

    // Online again: the queue drains and the hub has every edit.
    click(&desk, r#"[data-testid="work-offline-toggle"]"#, "go online").await;
    wait_connectivity(&desk, "online", Duration::from_secs(30)).await;
    desk.wait_for("the queue to drain", STEP_TIMEOUT, || async {
        desk.all(QUEUED).await.is_empty().then_some(())
    })
    .await;
    for id in &ids {
        let on_hub = hub
            .client
            .ticket(*id)
            .await
            .unwrap()
            .expect("on the hub")
            .ticket;
        assert_eq!(
            on_hub.assignee_id.as_deref(),
            Some(me.as_str()),
            "hub: {id} assigned"
        );
        assert!(on_hub.tags.iter().any(|t| t == TAG), "hub: {id} tagged");
    }

    // The dashboard (g d) counts open tickets per category as the sidebar does.
    press(&desk, "gd").await;
    let figures = desk
        .wait_for("the dashboard's table", STEP_TIMEOUT, || async {
            let v = eval(
                &desk,
                r#"return [...document.querySelectorAll('[data-testid="dash-open-table"] tbody tr')].map(r => [r.dataset.category, Number(r.dataset.count)]);"#,
            )
            .await;
            let rows: Vec<(String, u32)> = serde_json::from_value(v).ok()?;
            (!rows.is_empty()).then_some(rows)
        })
        .await;
    desk.screenshot("dashboard.png").await;
    let mut total = 0;
    for (category, n) in &figures {
        let sidebar: u32 = desk
            .text_of(
                &format!(r#"[data-testid="view-category-{category}"] [data-testid="view-count"]"#),
                "the sidebar counts each category",
            )
            .await
            .trim()
            .replace(',', "")
            .parse()
            .unwrap();
        assert_eq!(*n, sidebar, "{category}: dashboard and sidebar must agree");
        total += n;
    }
    let active: u32 = desk
        .text_of(
            r#"[data-testid="view-active"] [data-testid="view-count"]"#,
            "the active view's count",
        )
        .await
        .trim()
        .replace(',', "")
        .parse()
        .unwrap();
    assert_eq!(total, active, "categories partition the open queue");
    assert!(total > 0, "the demo queue has open tickets");
    desk.close().await;
}
