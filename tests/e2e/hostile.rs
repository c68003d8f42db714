//! Ticket content is hostile. Tickets carrying XSS payloads in the subject, the text, the HTML
//! part (handlers, `javascript:` links, mutation-XSS vectors) and the in-app device fields are
//! filed at the hub, opened in the real window and their links clicked. Every payload tries
//! to call the app's `canary` command; the count must stay zero. A positive control calls it
//! from the test itself, proving the canary can fail.

use std::time::Duration;

use serde_json::{json, Value};

use crate::desktop::Desktop;
use crate::hub::TestHub;
use crate::offline::wait_connectivity;
use crate::services::{READY_TIMEOUT, STEP_TIMEOUT};

/// Every way a payload could reach the command layer from a page or a frame.
const CALL: &str = "window.__TAURI_INTERNALS__.invoke('canary');\
                    window.__TAURI__.core.invoke('canary');\
                    parent.__TAURI_INTERNALS__.invoke('canary');\
                    top.__TAURI_INTERNALS__.invoke('canary')";

fn vectors() -> Vec<String> {
    // Each call is tried on its own: one throwing must not spare the next.
    let calls: Vec<String> = CALL
        .split(';')
        .map(|c| format!("try{{{c}}}catch(e){{}}"))
        .collect();
    let c = calls.join("");
    vec![
        format!(r#"<img src=x onerror="{c}">"#),
        format!(r#"<svg onload="{c}"><circle r="4"></circle></svg>"#),
        format!(r#"<a href="javascript:{c}">Verify your account</a>"#),
        format!(r#"<noscript><p title="</noscript><img src=x onerror={c}>"></noscript>"#),
        format!(r#"<svg><style><img src=x onerror={c}></style></svg>"#),
        format!(r#"<math><mtext><table><mglyph><style><img src=x onerror={c}>"#),
        format!(r#"<form><math><mtext></form><form><mglyph><style></math><img src onerror={c}>"#),
        format!(r#"<details open ontoggle="{c}">x</details>"#),
        format!(r#"<body onload="{c}"><script>{c}</script>"#),
        format!(r#"<iframe srcdoc="<script>{c}</script>"></iframe>"#),
    ]
}

fn customer(n: u32) -> Value {
    json!({"email": format!("hostile-{n}@example.com"), "name": format!("<img src=x onerror=\"{CALL}\">")})
}

/// Runs `script` (which calls `done` with a value) in the window and returns the value.
async fn invoke(desk: &Desktop, script: &str) -> Value {
    match desk.client().execute_async(script, vec![]).await {
        Ok(v) => v,
        Err(e) => {
            desk.fail(&format!("running a script in the window: {e}"))
                .await
        }
    }
}

const COUNT: &str = "const done = arguments[arguments.length - 1];\
     window.__TAURI_INTERNALS__.invoke('canary_count').then(done, e => done('error: ' + e));";

async fn canary_count(desk: &Desktop) -> i64 {
    let v = invoke(desk, COUNT).await;
    v.as_i64()
        .unwrap_or_else(|| panic!("canary_count answers a number, not {v}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_ticket_content_ever_runs_script() {
    let hub = TestHub::start(9).await;
    let (env, args) = hub.console_args();
    let desk = Desktop::launch_custom("hostile_content", &env, &args).await;
    desk.wait_ready("inbox", READY_TIMEOUT).await;
    wait_connectivity(&desk, "online", READY_TIMEOUT).await;

    let vectors = vectors();
    let text = format!("My top-up failed.\n{}", vectors.join("\n"));
    // The links come first: the mutation vectors leave elements open (a <style>, a <table>)
    // that swallow whatever follows them.
    let html = format!(
        "<p>My top-up failed.</p><p><a href=\"https://help.wallet.example/a\">help</a> \
         <a href=\"data:text/html,<script>{CALL}</script>\">data</a></p>{}",
        vectors.join("")
    );
    let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    let svg = base64_of(&format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" onload="{CALL}"/>"#
    ));
    let ids = [
        hub.intake_raw(json!({
            "channel": "email", "customer": customer(1),
            // Subjects are capped at 200 characters, so the subject gets the shortest payload.
            "subject": "<img src=x onerror=\"window.__TAURI_INTERNALS__.invoke('canary')\"> top-up",
            "body": text, "html": html,
        }))
        .await,
        hub.intake_raw(json!({
            "channel": "web_chat", "customer": customer(2), "body": text,
        }))
        .await,
        hub.intake_raw(json!({
            "channel": "in_app", "customer": customer(3), "body": text,
            "in_app": {
                "device": vectors[1], "os_version": vectors[5], "app_version": vectors[3],
                "screenshots": [
                    {"name": vectors[0], "content_type": "image/png", "bytes_b64": png},
                    {"name": "x.svg", "content_type": "image/svg+xml", "bytes_b64": svg},
                ],
            },
        }))
        .await,
    ];

    if let Err(e) = desk
        .one(r#"[data-testid="view-unassigned"]"#, "the unassigned view")
        .await
        .click()
        .await
    {
        desk.fail(&format!("opening the unassigned view: {e}"))
            .await;
    }
    for (i, id) in ids.iter().enumerate() {
        let row = format!(r#"[data-testid="inbox-row"][data-ticket-id="{id}"]"#);
        desk.wait_for("the hostile ticket in the queue", STEP_TIMEOUT, || async {
            (!desk.all(&row).await.is_empty()).then_some(())
        })
        .await;
        desk.one(&row, "the hostile row")
            .await
            .click()
            .await
            .unwrap();
        desk.wait_ready("ticket", STEP_TIMEOUT).await;
        desk.wait_for("the hostile ticket open", STEP_TIMEOUT, || async {
            let shown = desk.all(r#"[data-testid="message"]"#).await;
            (!shown.is_empty()).then_some(())
        })
        .await;

        if i == 0 {
            check_html_message(&desk).await;
        }
        if i == 2 {
            check_attachments_and_device(&desk).await;
        }
        // Handlers fire on load and on error; give any that slipped through time to run.
        tokio::time::sleep(Duration::from_millis(800)).await;
    }
    desk.screenshot("hostile-content.png").await;
    tokio::time::sleep(Duration::from_secs(1)).await;

    let count = canary_count(&desk).await;
    if count != 0 {
        desk.fail(&format!(
            "no ticket content may run script, but the canary was called {count} times"
        ))
        .await;
    }

    // The positive control: script that does run can call the canary, so zero above means
    // nothing ran, not that the canary is deaf.
    let called = invoke(
        &desk,
        "const done = arguments[arguments.length - 1];\
         window.__TAURI_INTERNALS__.invoke('canary').then(() => done('ok'), e => done('error: ' + e));",
    )
    .await;
    assert_eq!(
        called,
        json!("ok"),
        "the window's own script may call the canary"
    );
    assert_eq!(
        canary_count(&desk).await,
        1,
        "the control call is counted: the canary would have caught a payload"
    );
    desk.close().await;
    hub.hub.shutdown().await.unwrap();
}

/// The email's HTML sits in a frame sandboxed with no permission, and every link asks first.
async fn check_html_message(desk: &Desktop) {
    let frame = desk
        .one(
            r#"[data-testid="message-html-frame"]"#,
            "the email's HTML part is shown in a frame",
        )
        .await;
    let sandbox = frame.attr("sandbox").await.unwrap();
    assert_eq!(
        sandbox.as_deref(),
        Some(""),
        "the frame is sandboxed with no allow-scripts and no allow-same-origin"
    );
    let srcdoc = frame.attr("srcdoc").await.unwrap().unwrap_or_default();
    assert!(
        srcdoc.contains("My top-up failed.")
            && !srcdoc.contains("onerror")
            && !srcdoc.contains("javascript:"),
        "the frame holds the sanitized email, without handlers or javascript: URLs"
    );
    // The sanitized mail really renders in the frame (the console's policy does not block it):
    // WebDriver may look inside even where the console's script may not.
    desk.client()
        .execute(
            "arguments[0].scrollIntoView()",
            vec![serde_json::to_value(&frame).unwrap()],
        )
        .await
        .unwrap();
    desk.screenshot("hostile-email.png").await;
    if let Err(e) = frame.enter_frame().await {
        desk.fail(&format!("entering the email frame: {e}")).await;
    }
    let inside = match desk.client().find(fantoccini::Locator::Css("body")).await {
        Ok(body) => body.text().await.unwrap_or_default(),
        Err(e) => format!("no body in the frame: {e}"),
    };
    desk.client().enter_parent_frame().await.unwrap();
    assert!(
        inside.contains("My top-up failed."),
        "the frame shows the sanitized email: {inside:?}"
    );
    let links = desk.all(r#"[data-testid="message-link"]"#).await;
    assert!(
        links.len() >= 3,
        "the email's links (javascript:, https, data:) are listed outside the frame: {}",
        links.len()
    );
    for link in links {
        if let Err(e) = link.click().await {
            desk.fail(&format!("clicking an email link: {e}")).await;
        }
        let dialog = desk
            .one(
                r#"[data-testid="link-confirm"]"#,
                "a link opens only after the agent confirms",
            )
            .await;
        let openable = desk.all(r#"[data-testid="link-confirm-open"]"#).await.len();
        let url = desk
            .text_of(
                r#"[data-testid="link-confirm-url"]"#,
                "the dialog shows the URL",
            )
            .await;
        assert_eq!(
            openable == 1,
            url.starts_with("https://"),
            "only the https link may be opened, not {url:?}"
        );
        desk.one(
            r#"[data-testid="link-confirm-cancel"]"#,
            "the dialog can be cancelled",
        )
        .await
        .click()
        .await
        .unwrap();
        drop(dialog);
        desk.wait_for("the link dialog to close", STEP_TIMEOUT, || async {
            desk.all(r#"[data-testid="link-confirm"]"#)
                .await
                .is_empty()
                .then_some(())
        })
        .await;
    }
}

/// The PNG shows; the SVG (which could carry script) is only named; the device is text.
async fn check_attachments_and_device(desk: &Desktop) {
    let images = desk.all(r#"[data-testid="message-screenshot"]"#).await;
    assert_eq!(images.len(), 1, "only the PNG is shown as an image");
    let files = desk.all(r#"[data-testid="message-attachment"]"#).await;
    assert_eq!(files.len(), 2, "the SVG is listed by name and size");
    let model = desk
        .text_of(
            r#"[data-testid="device-model"]"#,
            "in-app feedback shows its device",
        )
        .await;
    assert!(
        model.starts_with("<svg onload="),
        "the hostile device name is shown as text: {model:?}"
    );
}

fn base64_of(text: &str) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(text)
}
