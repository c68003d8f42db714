//! Signing in through the form in the real window, against a real hub, with the session token
//! in a real Secret Service (gnome-keyring on the test desktop's bus): a wrong password is
//! explained, the right one fills the inbox, the token is in the keychain and in no file, and
//! signing out removes it, ends the session on the hub and shows the form again.

use std::path::Path;

use crate::desktop::{Desktop, LaunchOpts};
use crate::hub::TestHub;
use crate::services::{READY_TIMEOUT, STEP_TIMEOUT};

const FORM: &str = r#"[data-testid="signin-form"]"#;
const ERROR: &str = r#"[data-testid="signin-error"]"#;
const ROW: &str = r#"[data-testid="inbox-row"]"#;

async fn type_into(desk: &Desktop, css: &str, text: &str) {
    if let Err(e) = desk.one(css, "a sign-in field").await.send_keys(text).await {
        desk.fail(&format!("typing into {css}: {e}")).await;
    }
}

async fn click(desk: &Desktop, css: &str, why: &str) {
    if let Err(e) = desk.one(css, why).await.click().await {
        desk.fail(&format!("clicking {css}: {e}")).await;
    }
}

async fn wait_present(desk: &Desktop, css: &str, what: &str) {
    desk.wait_for(what, STEP_TIMEOUT, || async {
        (!desk.all(css).await.is_empty()).then_some(())
    })
    .await
}

/// The token the keychain holds for `account`, as `secret-tool` (libsecret) reads it.
fn keychain_token(desk: &Desktop, account: &str) -> Option<String> {
    let out = desk.services().output(
        "secret-tool",
        &["lookup", "service", "wallet-desk", "username", account],
    );
    let token = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (out.status.success() && !token.is_empty()).then_some(token)
}

/// Every file under `dir` whose bytes contain `needle`.
fn files_containing(dir: &Path, needle: &[u8]) -> Vec<String> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if std::fs::read(&path)
                .is_ok_and(|bytes| bytes.windows(needle.len()).any(|w| w == needle))
            {
                hits.push(path.display().to_string());
            }
        }
    }
    hits
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_keeps_the_token_in_the_keychain_and_sign_out_removes_it() {
    let hub = TestHub::start(51).await;
    let url = hub.hub.url();
    let agent = support_hub::seed::demo_agent_id();
    let account = format!("{agent}@{}", url.trim_end_matches('/'));
    let data = tempfile::Builder::new()
        .prefix("wallet-desk-e2e-data-")
        .tempdir()
        .unwrap();
    let data_path = data.path().to_path_buf();
    let desk = Desktop::launch_opts(
        "signin",
        &[],
        &["--sign-in".to_string()],
        LaunchOpts {
            data_dir: Some(data),
            keyring: true,
            ..LaunchOpts::default()
        },
    )
    .await;
    wait_present(&desk, FORM, "a fresh workspace to open on the sign-in form").await;
    assert!(
        desk.all(ROW).await.is_empty(),
        "no inbox shows before anyone signs in"
    );

    // A wrong password: the form says so, by its code, and nothing is kept.
    type_into(&desk, r#"[data-testid="signin-hub-url"]"#, &url).await;
    type_into(&desk, r#"[data-testid="signin-login"]"#, &agent).await;
    type_into(
        &desk,
        r#"[data-testid="signin-password"]"#,
        "not-the-password",
    )
    .await;
    click(
        &desk,
        r#"[data-testid="signin-submit"]"#,
        "the sign-in button",
    )
    .await;
    let code = desk
        .wait_for("the sign-in error", STEP_TIMEOUT, || async {
            let el = desk.all(ERROR).await.into_iter().next()?;
            el.attr("data-code").await.ok().flatten()
        })
        .await;
    assert_eq!(
        code, "wrong_credentials",
        "a wrong password is reported as such, not as a network failure"
    );
    assert_eq!(
        keychain_token(&desk, &account),
        None,
        "a failed sign-in keeps nothing in the keychain"
    );

    // The right password (the form cleared the wrong one): the console opens and syncs.
    type_into(&desk, r#"[data-testid="signin-password"]"#, "demo").await;
    click(
        &desk,
        r#"[data-testid="signin-submit"]"#,
        "the sign-in button",
    )
    .await;
    desk.wait_ready("inbox", READY_TIMEOUT).await;
    desk.wait_for("the inbox to fill from the hub", READY_TIMEOUT, || async {
        (!desk.all(ROW).await.is_empty()).then_some(())
    })
    .await;

    let token = keychain_token(&desk, &account)
        .expect("after sign-in the keychain holds the session token for agent@hub");
    let hits = files_containing(&data_path, token.as_bytes());
    assert!(
        hits.is_empty(),
        "the token must live in the keychain only, yet these workspace files hold it: {hits:?}"
    );
    let hits = files_containing(desk.services().home(), token.as_bytes());
    assert!(
        hits.is_empty(),
        "nor in web storage or any other file of the session's HOME: {hits:?}"
    );

    // Sign out from the settings screen.
    click(
        &desk,
        r#"[data-testid="settings-open"]"#,
        "the settings button",
    )
    .await;
    wait_present(
        &desk,
        r#"[data-testid="settings-hub"]"#,
        "the settings dialog",
    )
    .await;
    let hub_shown = desk
        .text_of(r#"[data-testid="settings-hub"]"#, "settings name the hub")
        .await;
    assert_eq!(
        hub_shown,
        url.trim_end_matches('/'),
        "settings show the signed-in hub"
    );
    click(
        &desk,
        r#"[data-testid="settings-sign-out"]"#,
        "the sign-out button",
    )
    .await;
    wait_present(&desk, FORM, "sign-out to return to the sign-in form").await;
    assert_eq!(
        keychain_token(&desk, &account),
        None,
        "sign-out removes the token from the keychain"
    );
    let res = reqwest::Client::new()
        .get(format!("{url}/api/team"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status().as_u16(),
        401,
        "sign-out also ends the session on the hub, so the old token is worthless"
    );
    assert!(
        desk.all(ROW).await.is_empty(),
        "the inbox is gone from the window after sign-out"
    );
    desk.close().await;
}
