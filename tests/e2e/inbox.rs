//! The inbox: first paint, opening a ticket, switching language.

use crate::desktop::Desktop;
use crate::services::{READY_TIMEOUT, STEP_TIMEOUT};

const ROW: &str = r#"[data-testid="inbox-row"]"#;
const ROW_SUBJECT: &str = r#"[data-testid="row-subject"]"#;
const ACTIVE_COUNT: &str = r#"[data-testid="view-active"] [data-testid="view-count"]"#;
const TICKET_VIEW: &str = r#"[data-testid="ticket-view"]"#;
const TICKET_SUBJECT: &str = r#"[data-testid="ticket-subject"]"#;
const CUSTOMER_MESSAGE: &str = r#"[data-testid="message"][data-kind="customer"]"#;
const CUSTOMER_PANEL: &str = r#"[data-testid="customer-panel"]"#;
const LANG_TOGGLE: &str = r#"[data-testid="lang-toggle"]"#;
const INBOX_TITLE: &str = r#"[data-testid="inbox-title"]"#;

fn has_cjk(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}'))
}

/// The language a page is in, judged by its inbox title: "zh" when it has Chinese characters.
fn lang_of(title: &str) -> &'static str {
    if has_cjk(title) {
        "zh"
    } else {
        "en"
    }
}

#[tokio::test]
async fn inbox_to_ticket() {
    let desk = Desktop::launch("inbox_to_ticket").await;
    desk.wait_ready("inbox", READY_TIMEOUT).await;

    let rows = desk.all(ROW).await;
    assert!(
        !rows.is_empty(),
        "a workspace filled with demo tickets shows inbox rows at first paint"
    );

    let active_text = desk
        .text_of(
            ACTIVE_COUNT,
            "the sidebar's Active view shows how many tickets are open",
        )
        .await;
    let active_count: u64 = active_text
        .chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or(0);
    assert!(
        active_count > 0,
        "demo tickets include open ones, so the Active view count must be > 0 \
         (shown: {active_text:?})"
    );

    let title_before = desk.text_of(INBOX_TITLE, "the inbox has a title").await;
    assert!(
        !title_before.is_empty(),
        "the inbox title names the current view"
    );
    let lang_before = lang_of(&title_before);
    desk.screenshot(&format!("inbox-{lang_before}.png")).await;

    // Switch language: every label follows, the inbox title included.
    toggle_language(&desk).await;
    let title_after = desk
        .wait_for(
            "the inbox title to change language",
            STEP_TIMEOUT,
            || async {
                let el = desk.all(INBOX_TITLE).await.into_iter().next()?;
                let text = desk.text(&el).await;
                (text != title_before && !text.is_empty()).then_some(text)
            },
        )
        .await;
    let lang_after = lang_of(&title_after);
    assert_ne!(
        lang_before, lang_after,
        "the language toggle switches between Chinese and English (one has CJK characters): \
         title {title_before:?} became {title_after:?}"
    );
    desk.screenshot(&format!("inbox-{lang_after}.png")).await;

    // Open the first ticket (rows are looked up again: a language switch may re-render them).
    let rows = desk.all(ROW).await;
    assert!(!rows.is_empty(), "switching language keeps the inbox rows");
    let first = &rows[0];
    let row_id = first
        .attr("data-ticket-id")
        .await
        .expect("row attribute")
        .expect("every inbox row carries data-ticket-id");
    let row_subject = match first.find(fantoccini::Locator::Css(ROW_SUBJECT)).await {
        Ok(el) => desk.text(&el).await,
        Err(e) => {
            desk.fail(&format!("an inbox row shows its ticket's subject: {e}"))
                .await
        }
    };
    assert!(
        !row_subject.is_empty(),
        "an inbox row shows a non-empty subject (ticket {row_id})"
    );

    first.click().await.expect("clicking an inbox row");
    desk.wait_ready("ticket", STEP_TIMEOUT).await;

    let view = desk
        .one(TICKET_VIEW, "clicking a row opens that ticket")
        .await;
    assert_eq!(
        view.attr("data-ticket-id")
            .await
            .expect("ticket view attribute")
            .as_deref(),
        Some(row_id.as_str()),
        "the ticket view shows the ticket whose row was clicked"
    );
    let subject = desk
        .text_of(TICKET_SUBJECT, "an open ticket shows its subject")
        .await;
    assert!(
        !subject.is_empty(),
        "an open ticket's subject is never blank"
    );
    assert_eq!(
        subject, row_subject,
        "the ticket view's subject is the one its inbox row showed"
    );
    assert!(
        !desk.all(CUSTOMER_MESSAGE).await.is_empty(),
        "every ticket's thread starts with the customer's own message"
    );
    let panel = desk
        .one(CUSTOMER_PANEL, "an open ticket shows who the customer is")
        .await;
    assert!(
        panel.is_displayed().await.unwrap_or(false),
        "the customer panel is visible beside the open ticket"
    );
    desk.screenshot(&format!("ticket-{lang_after}.png")).await;

    // Back to the first language, with the ticket still open.
    toggle_language(&desk).await;
    desk.wait_for("the inbox title to switch back", STEP_TIMEOUT, || async {
        let el = desk.all(INBOX_TITLE).await.into_iter().next()?;
        (desk.text(&el).await == title_before).then_some(())
    })
    .await;
    let view = desk
        .one(TICKET_VIEW, "switching language keeps the open ticket")
        .await;
    assert_eq!(
        view.attr("data-ticket-id")
            .await
            .expect("ticket view attribute")
            .as_deref(),
        Some(row_id.as_str()),
        "switching language does not change which ticket is open"
    );
    desk.screenshot(&format!("ticket-{lang_before}.png")).await;

    desk.close().await;
}

async fn toggle_language(desk: &Desktop) {
    let toggle = desk
        .one(LANG_TOGGLE, "the top bar offers the other language")
        .await;
    if let Err(e) = toggle.click().await {
        desk.fail(&format!("the language toggle should be clickable: {e}"))
            .await;
    }
}

const INBOX_COUNT: &str = r#"[data-testid="inbox-count"]"#;

async fn listed(desk: &Desktop) -> Option<u64> {
    let el = desk.all(INBOX_COUNT).await.into_iter().next()?;
    el.attr("data-count").await.ok()??.parse().ok()
}

/// The filter bar narrows the open view, and clearing it gives the whole view back: an agent
/// who filtered an hour ago must never think a queue is shorter than it is.
#[tokio::test]
async fn filters_narrow_the_view_and_clear_back() {
    let desk = Desktop::launch("inbox_filters").await;
    desk.wait_ready("inbox", READY_TIMEOUT).await;
    let all = desk
        .wait_for(
            "the Active view to count its tickets",
            STEP_TIMEOUT,
            || async { listed(&desk).await.filter(|n| *n > 0) },
        )
        .await;

    let priority = desk
        .one(
            r#"[data-testid="filter-priority"]"#,
            "the filter bar offers priority",
        )
        .await;
    priority
        .select_by_value("urgent")
        .await
        .expect("the priority filter has an urgent option");
    let urgent = desk
        .wait_for(
            "the list to narrow to urgent priority",
            STEP_TIMEOUT,
            || async { listed(&desk).await.filter(|n| *n < all) },
        )
        .await;
    assert!(
        urgent > 0,
        "the demo queue has open urgent-priority cases, so the narrowed list is not empty"
    );
    let rows = desk.all(ROW).await;
    assert!(
        rows.len() as u64 <= urgent,
        "no more rows than the count says ({} rows, {urgent} counted)",
        rows.len()
    );

    desk.one(
        r#"[data-testid="filter-clear"]"#,
        "a filter is set, so Clear shows",
    )
    .await
    .click()
    .await
    .expect("Clear is clickable");
    desk.wait_for("the whole view to come back", STEP_TIMEOUT, || async {
        (listed(&desk).await == Some(all)).then_some(())
    })
    .await;
    desk.close().await;
}
