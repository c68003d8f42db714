//! One app in its real window on the bench's desktop, started and driven over WebDriver
//! exactly as the end-to-end tests do it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

use crate::desktop::Desktop;

pub struct Window {
    client: Client,
    /// The app's process (the root of its tree: WebKit's processes are its children).
    pub pid: u32,
    exe: PathBuf,
}

impl Window {
    /// Starts `exe` with `args` through WebDriver; returns once its window is open.
    pub async fn open(desktop: &Desktop, exe: &Path, args: &[String]) -> anyhow::Result<Window> {
        let capabilities = json!({
            "browserName": "wry",
            "tauri:options": { "application": exe, "args": args },
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!("a JSON object literal")
        };
        let mut builder = ClientBuilder::native();
        builder.capabilities(capabilities);
        let client = tokio::time::timeout(
            Duration::from_secs(120),
            builder.connect(&desktop.driver_url),
        )
        .await
        .context("the WebDriver session did not open within 2 minutes")?
        .with_context(|| format!("WebDriver could not start {}", exe.display()))?;
        let pid = desktop
            .pid_of(exe)
            .with_context(|| format!("{} is not running on the bench desktop", exe.display()))?;
        Ok(Window {
            client,
            pid,
            exe: exe.to_path_buf(),
        })
    }

    /// Runs `script` until it returns something other than `null`, every 50 ms.
    pub async fn poll(&self, what: &str, timeout: Duration, script: &str) -> anyhow::Result<Value> {
        let deadline = Instant::now() + timeout;
        loop {
            match self.client.execute(script, vec![]).await {
                Ok(Value::Null) | Err(_) => {}
                Ok(v) => return Ok(v),
            }
            if Instant::now() > deadline {
                bail!("timed out after {timeout:?} waiting for {what}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Runs an asynchronous script: it answers by calling its last argument.
    pub async fn run_async(&self, script: &str) -> anyhow::Result<Value> {
        Ok(self.client.execute_async(script, vec![]).await?)
    }

    /// Ends the session and the app, and waits until the app has exited: the console is
    /// single-instance, so a new start while it lingers would only focus it. Closing its window
    /// sends the console to the tray, so it is then asked to quit with SIGTERM.
    pub async fn close(self, desktop: &Desktop) -> anyhow::Result<()> {
        let _ = tokio::time::timeout(Duration::from_secs(10), self.client.close()).await;
        for (signal, wait) in [(None, 3), (Some("-TERM"), 10), (Some("-KILL"), 5)] {
            if let Some(signal) = signal {
                let _ = std::process::Command::new("kill")
                    .args([signal, &self.pid.to_string()])
                    .stderr(std::process::Stdio::null())
                    .status();
            }
            let deadline = Instant::now() + Duration::from_secs(wait);
            while desktop.pid_of(&self.exe) == Some(self.pid) && Instant::now() < deadline {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            if desktop.pid_of(&self.exe) != Some(self.pid) {
                return Ok(());
            }
        }
        bail!("{} (pid {}) did not exit", self.exe.display(), self.pid)
    }
}
