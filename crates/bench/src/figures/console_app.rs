//! Figures 4 and 5 share their setup: the release console on a private desktop, signed in to
//! a demo hub in this process (as `--hub URL --agent ID` with the password in the
//! environment, which is how it follows a real hub), on a workspace it bootstrapped once.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;

use crate::desktop::Desktop;
use crate::figures::{alert_latency, startup};
use crate::hub::DemoHub;
use crate::report::Row;
use crate::window::Window;

/// The release binaries beside desk-bench's own (scripts/bench.sh builds all three).
pub struct Binaries {
    pub app: PathBuf,
    pub hello: PathBuf,
}

impl Binaries {
    pub fn beside_this_one() -> anyhow::Result<Binaries> {
        let dir = std::env::current_exe()?
            .parent()
            .context("desk-bench lives in a directory")?
            .to_path_buf();
        let found = |name: &str| {
            let path = dir.join(name);
            anyhow::ensure!(
                path.is_file(),
                "{} is missing: build it with `cargo build --release -p wallet-desk -p \
                 desk-bench-hello` (scripts/bench.sh does)",
                path.display()
            );
            Ok(path)
        };
        Ok(Binaries {
            app: found("wallet-desk")?,
            hello: found("desk-bench-hello")?,
        })
    }
}

pub struct Plan {
    pub alert: bool,
    pub alert_samples: usize,
    pub startup: bool,
    pub startup_runs: usize,
}

pub async fn run(
    hub: &DemoHub,
    tickets: usize,
    root: &Path,
    log_dir: &Path,
    plan: Plan,
) -> anyhow::Result<Vec<Row>> {
    let bins = Binaries::beside_this_one()?;
    let workspace = tempfile::tempdir_in(root)?;
    let args = vec![
        "--data-dir".to_string(),
        workspace.path().to_string_lossy().into_owned(),
        "--hub".into(),
        hub.url.clone(),
        "--agent".into(),
        hub.login.agent_id.clone(),
    ];
    let env = [("WALLET_DESK_PASSWORD", hub.login.password.clone())];
    let mut desktop = Desktop::start(log_dir, &env)?;
    let mut rows = Vec::new();

    // The first start bootstraps the workspace; every later start finds it synced.
    let window = Window::open(&desktop, &bins.app, &args).await?;
    wait_synced(hub, workspace.path()).await?;
    if plan.alert {
        let monitor = desktop.monitor()?;
        rows.extend(alert_latency::run(hub, &monitor, plan.alert_samples).await?);
    }
    window.close(&desktop).await?;
    if plan.startup {
        rows.extend(
            startup::run(
                &desktop,
                &bins.app,
                &args,
                &bins.hello,
                plan.startup_runs,
                tickets,
            )
            .await?,
        );
    }
    Ok(rows)
}

/// Waits until the console's replica holds a ticket filed after it started: its bootstrap is
/// over and a live pull has been applied, so what follows is incremental. (The inbox sorts by
/// priority, so a new ordinary ticket is not necessarily on screen.)
async fn wait_synced(hub: &DemoHub, workspace: &Path) -> anyhow::Result<()> {
    let filed = hub
        .connector()
        .await?
        .post(&alert_latency::chat_message(
            "bench-synced-marker",
            "My top-up failed yesterday, please check",
        ))
        .await?;
    let replica = workspace.join("replica.db");
    let deadline = std::time::Instant::now() + Duration::from_secs(1_800);
    loop {
        let has = rusqlite::Connection::open_with_flags(
            &replica,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .and_then(|db| {
            db.query_row(
                "SELECT count(*) FROM tickets WHERE id = ?1",
                [filed.ticket_id],
                |r| r.get::<_, i64>(0),
            )
        });
        if has.is_ok_and(|n| n > 0) {
            return Ok(());
        }
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "the console did not sync ticket {} within 30 minutes",
            filed.ticket_id
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
