//! The main screens in English and in Chinese, as a new agent first sees them: the urgent
//! inbox, an urgent ticket with its security playbook, the dashboard and the settings. Each
//! screen is checked for its landmark and its language before the picture is taken, so the
//! README's screenshots (`UPDATE_SCREENSHOTS=1`) can only show screens that really rendered.

use crate::desktop::Desktop;
use crate::services::{READY_TIMEOUT, STEP_TIMEOUT};

const INBOX_TITLE: &str = r#"[data-testid="inbox-title"]"#;
const URGENT_VIEW: &str = r#"[data-testid="view-urgent"]"#;
const ROW: &str = r#"[data-testid="inbox-row"]"#;
const TICKET_VIEW: &str = r#"[data-testid="ticket-view"]"#;
const PLAYBOOK: &str = r#"[data-testid="security-playbook"]"#;
const DASHBOARD_VIEW: &str = r#"[data-testid="view-dashboard"]"#;
const DASHBOARD: &str = r#"[data-testid="dashboard"]"#;
const SETTINGS_OPEN: &str = r#"[data-testid="settings-open"]"#;
const SETTINGS_CLOSE: &str = r#"[data-testid="settings-close"]"#;
const LANG_TOGGLE: &str = r#"[data-testid="lang-toggle"]"#;

fn has_cjk(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}'))
}

async fn click(desk: &Desktop, css: &str, why: &str) {
    if let Err(e) = desk.one(css, why).await.click().await {
        desk.fail(&format!("{css} should be clickable: {why} ({e})"))
            .await;
    }
}

async fn wait_present(desk: &Desktop, css: &str, what: &str) {
    desk.wait_for(what, STEP_TIMEOUT, || async {
        (!desk.all(css).await.is_empty()).then_some(())
    })
    .await;
}

/// Waits until the inbox title is in `lang`: every label follows the language switch, and the
/// title is the one that is always on screen.
async fn wait_language(desk: &Desktop, lang: &str) {
    desk.wait_for(
        &format!("the console to speak {lang}"),
        STEP_TIMEOUT,
        || async {
            let el = desk.all(INBOX_TITLE).await.into_iter().next()?;
            let text = desk.text(&el).await;
            (!text.is_empty() && has_cjk(&text) == (lang == "zh")).then_some(())
        },
    )
    .await;
}

async fn shoot_main_screens(desk: &Desktop, lang: &str) {
    click(desk, URGENT_VIEW, "the sidebar lists the urgent view").await;
    wait_present(desk, ROW, "urgent demo cases to list").await;
    desk.screenshot(&format!("urgent-{lang}.png")).await;

    // Urgent cases are security and fraud ones, so the playbook must be on the first one.
    desk.all(ROW).await[0]
        .click()
        .await
        .expect("an inbox row is clickable");
    wait_present(desk, TICKET_VIEW, "the urgent ticket to open").await;
    wait_present(desk, PLAYBOOK, "the security playbook on an urgent case").await;
    desk.screenshot(&format!("playbook-{lang}.png")).await;

    click(desk, DASHBOARD_VIEW, "the sidebar lists the dashboard").await;
    wait_present(desk, DASHBOARD, "the dashboard to draw").await;
    desk.screenshot(&format!("dashboard-{lang}.png")).await;

    click(desk, SETTINGS_OPEN, "the top bar opens the settings").await;
    wait_present(desk, SETTINGS_CLOSE, "the settings to open").await;
    desk.screenshot(&format!("settings-{lang}.png")).await;
    click(desk, SETTINGS_CLOSE, "the settings close again").await;
}

#[tokio::test]
async fn the_main_screens_render_in_english_and_chinese() {
    let desk = Desktop::launch("screens").await;
    desk.wait_ready("inbox", READY_TIMEOUT).await;

    let title = desk.text_of(INBOX_TITLE, "the inbox has a title").await;
    let (first, second) = if has_cjk(&title) {
        ("zh", "en")
    } else {
        ("en", "zh")
    };
    shoot_main_screens(&desk, first).await;

    click(&desk, LANG_TOGGLE, "the top bar offers the other language").await;
    // The dashboard is still showing; the inbox title that tells the language is in the list.
    click(&desk, URGENT_VIEW, "the sidebar lists the urgent view").await;
    wait_language(&desk, second).await;
    shoot_main_screens(&desk, second).await;
    desk.close().await;
}
