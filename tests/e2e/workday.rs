//! An agent's path through the demo queue by keyboard, in both languages: to the urgent view,
//! open a case, answer it with a macro, solve it, and move on to the next one.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;

use crate::desktop::Desktop;
use crate::offline::wait_connectivity;
use crate::services::{READY_TIMEOUT, STEP_TIMEOUT};

/// Types `keys` as the keyboard would, to whatever has focus (the page when nothing does).
async fn press(desk: &Desktop, keys: &[&str]) {
    let mut actions = KeyActions::new("keyboard".to_string());
    for key in keys {
        for c in key.chars() {
            actions = actions
                .then(KeyAction::Down { value: c })
                .then(KeyAction::Up { value: c });
        }
    }
    if let Err(e) = desk.client().perform_actions(actions).await {
        desk.fail(&format!("typing {keys:?}: {e}")).await;
    }
}

/// Shift plus a key, for the shortcuts that need it.
async fn press_shifted(desk: &Desktop, c: char) {
    let shift = char::from(Key::Shift);
    let actions = KeyActions::new("keyboard".to_string())
        .then(KeyAction::Down { value: shift })
        .then(KeyAction::Down { value: c })
        .then(KeyAction::Up { value: c })
        .then(KeyAction::Up { value: shift });
    if let Err(e) = desk.client().perform_actions(actions).await {
        desk.fail(&format!("typing shift+{c}: {e}")).await;
    }
}

/// The text of every element matching `css`, read in one step: the thread re-renders as the
/// reply syncs, and element handles taken a moment earlier may be gone.
async fn texts(desk: &Desktop, css: &str) -> Vec<String> {
    let script = "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent);";
    match desk.client().execute(script, vec![css.into()]).await {
        Ok(serde_json::Value::Array(items)) => items
            .into_iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

async fn attr(desk: &Desktop, css: &str, name: &str, why: &str) -> String {
    desk.one(css, why)
        .await
        .attr(name)
        .await
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// The id of the ticket the ticket view shows, once one is open.
async fn open_ticket_id(desk: &Desktop, not: Option<&str>) -> String {
    let not = not.map(str::to_string);
    desk.wait_for("a ticket open in the ticket view", STEP_TIMEOUT, || {
        let not = not.clone();
        async move {
            let views = desk.all(r#"[data-testid="ticket-view"]"#).await;
            let view = views.first()?;
            let id = view.attr("data-ticket-id").await.ok().flatten()?;
            (Some(&id) != not.as_ref()).then_some(id)
        }
    })
    .await
}

async fn work_one_case(desk: &Desktop, lang: &str) {
    // g u: the urgent view.
    press(desk, &["g", "u"]).await;
    desk.wait_for("the urgent view selected", STEP_TIMEOUT, || async {
        let current = attr(
            desk,
            r#"[data-testid="view-urgent"]"#,
            "aria-current",
            "urgent",
        )
        .await;
        (current == "page").then_some(())
    })
    .await;
    // j: the case under the cursor opens (after a short rest, so holding j does not open
    // every case it passes). Wait for it to replace whatever was open before.
    let before = match desk.all(r#"[data-testid="ticket-view"]"#).await.first() {
        Some(view) => view.attr("data-ticket-id").await.ok().flatten(),
        None => None,
    };
    press(desk, &["j"]).await;
    let first = open_ticket_id(desk, before.as_deref()).await;

    // A macro, in the window's language, rendered with the customer's name and the number.
    desk.one(r#"[data-testid="macro-picker"]"#, "the macro picker")
        .await
        .click()
        .await
        .unwrap();
    let item = desk
        .wait_for("a macro in the list", STEP_TIMEOUT, || async {
            desk.all(r#"[data-testid="macro-item"]"#)
                .await
                .into_iter()
                .next()
        })
        .await;
    item.click().await.unwrap();
    // The macro is rendered by the core (customer's name, ticket number) and then inserted.
    let draft = desk
        .wait_for("the macro in the composer", STEP_TIMEOUT, || async {
            let input = desk.all(r#"[data-testid="composer-input"]"#).await;
            let value = input.first()?.prop("value").await.ok().flatten()?;
            (!value.trim().is_empty()).then_some(value)
        })
        .await;
    assert!(
        draft.chars().count() > 20 && !draft.contains("{{"),
        "the macro is inserted with its placeholders filled ({lang}): {draft:?}"
    );
    // A customer's name may be Chinese in either language, so count: a Chinese macro is
    // mostly Chinese, an English one holds at most a name's worth.
    let han = draft
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .count();
    assert!(
        if lang == "zh-CN" { han > 10 } else { han <= 6 },
        "the macro comes in the window's language ({lang}, {han} Han characters): {draft:?}"
    );
    desk.one(r#"[data-testid="composer-send"]"#, "send")
        .await
        .click()
        .await
        .unwrap();
    // The thread shows the reply (queued or sent); its first line is enough to know it.
    let first_line: String = draft.lines().next().unwrap_or_default().trim().to_string();
    desk.wait_for("the reply in the thread", STEP_TIMEOUT, || async {
        let css = r#"[data-testid="message"][data-kind="reply"] [data-testid="message-body"]"#;
        texts(desk, css)
            .await
            .iter()
            .any(|t| t.contains(&first_line))
            .then_some(())
    })
    .await;

    // Shift+S: solve and go to the next case. Leave the composer first (a click on the
    // subject): shortcuts never fire while the agent is typing.
    desk.one(r#"[data-testid="ticket-subject"]"#, "the subject")
        .await
        .click()
        .await
        .unwrap();
    press_shifted(desk, 'S').await;
    let next = open_ticket_id(desk, Some(&first)).await;
    assert_ne!(next, first, "the next case opened");
    let solved_row = format!(r#"[data-testid="inbox-row"][data-ticket-id="{first}"]"#);
    desk.wait_for(
        "the solved case to leave the urgent view",
        STEP_TIMEOUT,
        || async { desk.all(&solved_row).await.is_empty().then_some(()) },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_works_urgent_cases_by_keyboard_in_english_and_chinese() {
    let desk = Desktop::launch("workday").await;
    desk.wait_ready("inbox", READY_TIMEOUT).await;
    wait_connectivity(&desk, "online", READY_TIMEOUT).await;

    work_one_case(&desk, "en").await;
    desk.screenshot("workday-en.png").await;

    desk.one(r#"[data-testid="lang-toggle"]"#, "the language switch")
        .await
        .click()
        .await
        .unwrap();
    work_one_case(&desk, "zh-CN").await;
    desk.screenshot("workday-zh.png").await;
    desk.close().await;
}
