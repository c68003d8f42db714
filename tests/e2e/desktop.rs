//! The app session on top of a private desktop: the real app in its real window, driven over
//! WebDriver. See `services.rs` for the processes underneath and what must hold for them.

use std::{
    fs,
    path::PathBuf,
    time::{Duration, Instant},
};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use tempfile::TempDir;

use crate::services::*;

/// The real app in its real window on a private desktop, driven over WebDriver.
pub struct Desktop {
    client: Option<Client>,
    // Fields drop in order: the processes end before their workspace is deleted.
    services: Services,
    data_dir: TempDir,
    test: String,
}

/// How to start the app beyond its arguments.
#[derive(Default)]
pub struct LaunchOpts {
    /// Reuse this workspace (a relaunch) instead of a fresh one.
    pub data_dir: Option<TempDir>,
    /// Leave org.freedesktop.Notifications unowned: the app must fall back to in-window alerts.
    pub no_notification_daemon: bool,
    /// Run an unlocked gnome-keyring Secret Service on the desktop's bus before the app starts
    /// (otherwise the first keychain user would bus-activate a locked one).
    pub keyring: bool,
}

impl Desktop {
    /// Starts the app on a fresh workspace with [`TEST_DEMO_TICKETS`] demo tickets.
    pub async fn launch(test: &str) -> Desktop {
        Self::launch_with(test, TEST_DEMO_TICKETS).await
    }

    /// Starts the app on a fresh workspace with `demo_tickets` demo tickets.
    pub async fn launch_with(test: &str, demo_tickets: u32) -> Desktop {
        let env = [("WALLET_DESK_DEMO_TICKETS", demo_tickets.to_string())];
        Self::launch_custom(test, &env, &[]).await
    }

    /// Starts the app on a fresh workspace with extra environment and arguments (e.g. a real
    /// hub's URL instead of the embedded demo).
    pub async fn launch_custom(test: &str, env: &[(&str, String)], args: &[String]) -> Desktop {
        Self::launch_opts(test, env, args, LaunchOpts::default()).await
    }

    /// The most general launch: see [`LaunchOpts`].
    pub async fn launch_opts(
        test: &str,
        env: &[(&str, String)],
        args: &[String],
        opts: LaunchOpts,
    ) -> Desktop {
        let app = PathBuf::from(env!("CARGO_BIN_EXE_wallet-desk"));
        assert!(
            app.is_file(),
            "cargo builds the app binary for its integration tests: {app:?}"
        );
        let _ = fs::remove_file(artifacts_dir().join(format!("FAILED-{test}.png")));
        let data_dir = opts.data_dir.unwrap_or_else(|| {
            tempfile::Builder::new()
                .prefix("wallet-desk-e2e-data-")
                .tempdir()
                .expect("a temp dir for the test workspace")
        });
        let mut env = env.to_vec();
        env.push(("RUST_BACKTRACE", "1".to_string()));
        let mut services = Services::start_with(test, &env, !opts.no_notification_daemon);
        if opts.keyring {
            services.start_keyring();
        }
        let mut app_args = vec![
            "--data-dir".to_string(),
            data_dir.path().to_string_lossy().into_owned(),
        ];
        app_args.extend(args.iter().cloned());

        let capabilities = json!({
            "browserName": "wry",
            "tauri:options": {
                "application": app,
                "args": app_args,
            },
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        let mut builder = ClientBuilder::native();
        builder.capabilities(capabilities);
        let driver_url = services.driver_url.clone();
        let connect = builder.connect(&driver_url);
        tokio::pin!(connect);

        // WebKitWebDriver waits as long as we let it for an app that already died, so watch
        // the app process too: gone for a while means it crashed or refused its arguments.
        let started = Instant::now();
        let mut absent_since = Some(started);
        let client = loop {
            tokio::select! {
                result = &mut connect => match result {
                    Ok(client) => break client,
                    Err(e) => panic!(
                        "the WebDriver session should open the app window, but: {e}\n{}",
                        services.log_tails()
                    ),
                },
                _ = tokio::time::sleep(Duration::from_millis(250)) => {
                    if services.runs(&app) {
                        absent_since = None;
                    } else if absent_since.is_none() {
                        absent_since = Some(Instant::now());
                    }
                    if absent_since.is_some_and(|t| t.elapsed() > APP_GONE_GRACE) {
                        panic!(
                            "the app exited (or never started) before its window opened; its \
                             stderr is in tauri-driver.log\n{}",
                            services.log_tails()
                        );
                    }
                    if started.elapsed() > READY_TIMEOUT {
                        panic!(
                            "the WebDriver session did not open within {READY_TIMEOUT:?}\n{}",
                            services.log_tails()
                        );
                    }
                }
            }
        };
        Desktop {
            client: Some(client),
            data_dir,
            services,
            test: test.to_string(),
        }
    }

    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("session is open until close()")
    }

    /// The workspace the app was started on (`--data-dir`).
    #[allow(dead_code)] // for tests that look at the workspace files or restart on them
    pub fn services_mut(&mut self) -> &mut Services {
        &mut self.services
    }

    /// Ends the app and its desktop, keeping the workspace for a relaunch.
    pub async fn shut_down_keeping_workspace(mut self) -> TempDir {
        if let Some(client) = self.client.take() {
            let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
        }
        let empty = tempfile::tempdir().expect("a placeholder temp dir");
        let kept = std::mem::replace(&mut self.data_dir, empty);
        drop(self);
        kept
    }

    pub fn services(&self) -> &Services {
        &self.services
    }

    /// Waits until `document.body.dataset.ready` is `state` ("inbox", "ticket"). On timeout,
    /// fails with what the page showed instead and saves a screenshot for the post-mortem.
    pub async fn wait_ready(&self, state: &str, timeout: Duration) {
        let script = "return document.body ? (document.body.dataset.ready || '') : ''";
        let mut last = String::new();
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Ok(Value::String(s)) = self.client().execute(script, vec![]).await {
                if s == state {
                    return;
                }
                last = s;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        self.fail(&format!(
            "the app should reach ready={state:?} within {timeout:?}; it is {last:?}"
        ))
        .await
    }

    /// Polls `probe` until it returns `Some`, or fails with `what` after `timeout`.
    pub async fn wait_for<T, F, Fut>(&self, what: &str, timeout: Duration, mut probe: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Option<T>>,
    {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(v) = probe().await {
                return v;
            }
            if Instant::now() > deadline {
                self.fail(&format!("timed out after {timeout:?} waiting for {what}"))
                    .await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The text an element shows (its `innerText`, trimmed). WebDriver's own Get Element
    /// Text is not used: in this webview WebKitWebDriver's version drops whole spans (it
    /// returned "#10244 Urgent 6d ago" for a row whose subject is Chinese), while the element's
    /// `innerText` property is exactly what is rendered.
    pub async fn text(&self, element: &fantoccini::elements::Element) -> String {
        match element.prop("innerText").await {
            Ok(Some(text)) => text.trim().to_string(),
            Ok(None) => String::new(),
            Err(e) => self.fail(&format!("reading an element's text: {e}")).await,
        }
    }

    /// The text of the one element matching `css`; fails with `why` when absent.
    pub async fn text_of(&self, css: &str, why: &str) -> String {
        let element = self.one(css, why).await;
        self.text(&element).await
    }

    /// All elements matching a CSS selector (none is not an error).
    pub async fn all(&self, css: &str) -> Vec<fantoccini::elements::Element> {
        self.client()
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_default()
    }

    /// The one element matching a CSS selector; fails the test, with `why`, when absent.
    pub async fn one(&self, css: &str, why: &str) -> fantoccini::elements::Element {
        match self.client().find(Locator::Css(css)).await {
            Ok(e) => e,
            Err(e) => self.fail(&format!("{css} should exist: {why} ({e})")).await,
        }
    }

    /// Saves a PNG of the window into tests/artifacts/, and into docs/screenshots/ as well
    /// when `UPDATE_SCREENSHOTS=1`.
    pub async fn screenshot(&self, file: &str) -> PathBuf {
        let png = self
            .client()
            .screenshot()
            .await
            .unwrap_or_else(|e| panic!("WebDriver should take a screenshot for {file}: {e}"));
        assert!(
            png.starts_with(b"\x89PNG"),
            "a WebDriver screenshot is a PNG ({file})"
        );
        let mut dirs = vec![artifacts_dir()];
        if std::env::var("UPDATE_SCREENSHOTS").as_deref() == Ok("1") {
            dirs.push(docs_screenshots_dir());
        }
        for dir in &dirs {
            fs::create_dir_all(dir).expect("screenshot dir is writable");
            fs::write(dir.join(file), &png).expect("screenshot is writable");
        }
        dirs[0].join(file)
    }

    /// Fails the test with `message`, a screenshot of the moment, the visible error banner
    /// if any, and the tail of the logs.
    pub async fn fail(&self, message: &str) -> ! {
        let shot = format!("FAILED-{}.png", self.test);
        let shot_note = match self.client().screenshot().await {
            Ok(png) => {
                let path = artifacts_dir().join(&shot);
                let _ = fs::create_dir_all(artifacts_dir());
                let _ = fs::write(&path, png);
                format!("screenshot: {}", path.display())
            }
            Err(e) => format!("no screenshot: {e}"),
        };
        let banner = match self
            .client()
            .find(Locator::Css("[data-testid=\"error-banner\"]"))
            .await
        {
            Ok(el) => format!("error banner: {:?}", el.text().await.unwrap_or_default()),
            Err(_) => "no error banner".to_string(),
        };
        panic!(
            "{message}\n{banner}\n{shot_note}\n{}",
            self.services.log_tails()
        );
    }

    /// Ends the WebDriver session (WebKitWebDriver closes the app), then tears the desktop
    /// down. Dropping without closing also tears everything down, only less gently.
    pub async fn close(mut self) {
        if let Some(client) = self.client.take() {
            let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
        }
    }
}

impl Drop for Desktop {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!(
                "desktop of test {:?}: display {}, driver {}, logs in {}",
                self.test,
                self.services.display,
                self.services.driver_url,
                self.services.log_dir.display()
            );
        }
        // The client is dropped with the session still open; Services' Drop ends the app.
        self.client.take();
    }
}
