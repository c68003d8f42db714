//! The open workspace: the local replica, and the sync engine that keeps it in step with a hub
//! (an embedded demo hub on loopback, or a real one). Core events are forwarded to the window.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{SystemTime, UNIX_EPOCH};

use desk_domain::{
    ApiError, Connectivity, ConsoleEvent, Millis, SessionInfo, SyncStatus, CONSOLE_EVENT,
};
use desk_keychain::{Keychain, OsKeychain};
use desk_store::{Perspective, Store, StoreError};
use desk_sync::{Credentials, Engine, RunOptions, SyncEvent, SyncHandle};
use support_hub::embedded::{DemoSeed, EmbeddedConfig, EmbeddedHub};
use tauri::{AppHandle, Emitter};

use crate::alerts::Alerts;
use crate::launch::{HubChoice, PASSWORD_ENV};

/// The replica's file name inside the workspace directory.
pub const REPLICA_FILE: &str = "replica.db";
/// The embedded demo hub's own database, beside the replica.
pub const DEMO_HUB_FILE: &str = "demo-hub.db";
/// The replica of a demo workspace is bound to this name, not to the hub's port, which changes
/// at every start.
const DEMO_HUB_IDENTITY: &str = "embedded-demo-hub";

/// A fixed seed, so every new demo workspace tells the same story and bug reports reproduce.
const DEMO_SEED: u64 = 20_261_122;

#[derive(Clone)]
pub struct Console {
    pub store: Store,
    dir: PathBuf,
    /// The running sync loop; gone after sign-out, replaced after the next sign-in.
    sync: Arc<Mutex<Option<SyncHandle>>>,
    /// Demo, signed in, or waiting for the sign-in form.
    pub(crate) session: Arc<Mutex<SessionInfo>>,
    /// Where the hub session's token is kept: the OS keychain, never a file.
    pub(crate) keychain: Arc<dyn Keychain>,
    /// Kept alive for the app's lifetime in demo mode.
    hub: Arc<Mutex<Option<EmbeddedHub>>>,
    alerts: Arc<OnceLock<Arc<Alerts>>>,
}

impl Console {
    pub fn open(dir: &Path) -> anyhow::Result<Self> {
        std::fs::create_dir_all(dir)?;
        let store = Store::open(&dir.join(REPLICA_FILE))?;
        Ok(Self {
            store,
            dir: dir.to_path_buf(),
            sync: Arc::new(Mutex::new(None)),
            session: Arc::new(Mutex::new(SessionInfo::SignedOut {
                hub_url: None,
                agent_id: None,
            })),
            keychain: Arc::new(OsKeychain::default()),
            hub: Arc::new(Mutex::new(None)),
            alerts: Arc::new(OnceLock::new()),
        })
    }

    /// Starts native notifications for this workspace. A console whose alert log cannot be
    /// opened still works; it says so on stderr and the alert commands report it.
    pub fn start_alerts(&self, app: &AppHandle) {
        match Alerts::start(app, self.store.clone(), &self.dir) {
            Ok(alerts) => {
                let _ = self.alerts.set(alerts);
            }
            Err(e) => eprintln!("wallet-desk: alerts are off: {e}"),
        }
    }

    pub fn alerts(&self) -> Result<Arc<Alerts>, ApiError> {
        self.alerts.get().cloned().ok_or_else(|| {
            ApiError::from(StoreError::Unavailable(
                "notifications are off: the alert log could not be opened".into(),
            ))
        })
    }

    /// "Me" and "now", read at the boundary so the core stays deterministic.
    pub fn perspective(&self) -> Result<Perspective, StoreError> {
        let agent_id = self.store.signed_in()?.map(|(a, _)| a.id);
        Ok(Perspective {
            agent_id,
            now: now_millis(),
        })
    }

    pub fn sync(&self) -> Option<SyncHandle> {
        self.sync.lock().ok().and_then(|s| s.clone())
    }

    /// Takes the running loop out, for sign-out to stop it.
    pub(crate) fn take_sync(&self) -> Option<SyncHandle> {
        self.sync.lock().ok().and_then(|mut s| s.take())
    }

    pub fn session(&self) -> SessionInfo {
        self.session
            .lock()
            .map(|s| s.clone())
            .unwrap_or(SessionInfo::SignedOut {
                hub_url: None,
                agent_id: None,
            })
    }

    pub(crate) fn set_session(&self, next: SessionInfo) {
        if let Ok(mut s) = self.session.lock() {
            *s = next;
        }
    }

    /// The engine's status with the outbox counts read now: the loop may be asleep in a backoff
    /// while the agent queues edits, and the banner must count them at once.
    pub fn sync_status(&self) -> Result<SyncStatus, StoreError> {
        let mut status = match self.sync() {
            Some(h) => h.status(),
            None => desk_sync::initial_status(Connectivity::Local),
        };
        let (queued, attention) = self.store.outbox_counts()?;
        status.queued = queued;
        status.needs_attention = attention;
        Ok(status)
    }

    /// Tells the window the status changed (after a local edit), and the engine to push.
    pub fn after_local_edit<R: tauri::Runtime>(&self, app: &AppHandle<R>) {
        if let Some(h) = self.sync() {
            h.nudge();
        }
        if let Ok(status) = self.sync_status() {
            let _ = app.emit(CONSOLE_EVENT, ConsoleEvent::Sync { status });
        }
    }

    /// Starts replication in the background: the window opens at once on whatever the replica
    /// already holds. A real hub without a password at hand resumes the session kept in the
    /// OS keychain, or leaves the console on the sign-in screen.
    pub fn start_sync(&self, app: AppHandle, choice: HubChoice) -> Result<(), StoreError> {
        let choice = match choice {
            HubChoice::Remote { url, agent_id } if std::env::var_os(PASSWORD_ENV).is_none() => {
                self.resume_or_sign_in(app, Some(url), Some(agent_id));
                return Ok(());
            }
            HubChoice::SignIn => {
                // The hub and agent this replica is bound to, unless it holds the demo.
                let bound = self.store.sync_position()?.hub_url;
                let demo = self.store.signed_in()?.is_some_and(|(_, demo)| demo);
                let agent = self.store.signed_in()?.map(|(a, _)| a.id);
                let url = bound.filter(|u| !demo && u.as_str() != DEMO_HUB_IDENTITY);
                let agent = agent.filter(|_| url.is_some());
                self.resume_or_sign_in(app, url, agent);
                return Ok(());
            }
            other => other,
        };
        if let HubChoice::Demo { .. } = choice {
            self.set_session(SessionInfo::Demo);
            // Name the demo agent before the first sync, so the window can open straight away.
            if self.store.signed_in()?.is_none() {
                let team = desk_demo::team();
                let me = support_hub::seed::demo_agent_id();
                self.store
                    .save_team_blocking(team.groups, team.agents, &me, true)?;
            }
        }
        let console = self.clone();
        tauri::async_runtime::spawn(async move {
            if let Err(e) = console.connect(app, choice).await {
                // stderr is the agent's log; the message names no customer data.
                eprintln!("wallet-desk: sync did not start: {e}");
            }
        });
        Ok(())
    }

    async fn connect(&self, app: AppHandle, choice: HubChoice) -> anyhow::Result<()> {
        let engine = match choice {
            HubChoice::Demo {
                tickets,
                simulate_per_minute,
            } => {
                let mut config = EmbeddedConfig::new(self.dir.join(DEMO_HUB_FILE));
                config.demo = Some(DemoSeed {
                    seed: DEMO_SEED,
                    tickets: tickets as usize,
                });
                config.simulate_per_minute = Some(simulate_per_minute).filter(|r| *r > 0.0);
                let hub = EmbeddedHub::start(config).await?;
                let login = hub
                    .demo_login()
                    .ok_or_else(|| anyhow::anyhow!("the demo hub has no demo agent"))?;
                let engine = Engine::new(
                    self.store.clone(),
                    &hub.url(),
                    Credentials {
                        agent_id: login.agent_id,
                        password: login.password,
                    },
                )?
                .with_identity(DEMO_HUB_IDENTITY);
                if let Ok(mut slot) = self.hub.lock() {
                    *slot = Some(hub);
                }
                engine
            }
            HubChoice::Remote { url, agent_id } => {
                // Scripted runs: the password comes from the environment and stays with the
                // engine, which signs in again by itself when the session ends.
                let password = std::env::var(PASSWORD_ENV).map_err(|_| {
                    anyhow::anyhow!("set {PASSWORD_ENV} to the agent's password for {url}")
                })?;
                self.set_session(SessionInfo::SignedIn {
                    hub_url: url.clone(),
                    agent_id: agent_id.clone(),
                });
                Engine::new(self.store.clone(), &url, Credentials { agent_id, password })?
            }
            HubChoice::SignIn => return Ok(()),
        };
        self.run_engine(app, engine).await;
        Ok(())
    }

    /// Runs `engine` in the background loop and forwards what it reports to the window, until
    /// the loop ends (shutdown at sign-out, or the hub ended the session).
    pub(crate) async fn run_engine<R: tauri::Runtime>(&self, app: AppHandle<R>, engine: Engine) {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let handle = desk_sync::spawn(engine, RunOptions::default(), tx);
        if let Ok(mut slot) = self.sync.lock() {
            *slot = Some(handle);
        }
        while let Some(event) = rx.recv().await {
            let out = match event {
                SyncEvent::Status(status) => {
                    if status.connectivity == Connectivity::SignedOut {
                        self.session_ended().await;
                    }
                    if let Some(p) = status.bootstrap {
                        let _ = app.emit(
                            CONSOLE_EVENT,
                            ConsoleEvent::FillProgress {
                                done: p.done,
                                total: p.total,
                            },
                        );
                    }
                    ConsoleEvent::Sync { status }
                }
                SyncEvent::TicketsChanged(ids) => {
                    // Empty means "a bulk fill": the bootstrap's backlog is not news.
                    if let (false, Some(alerts)) = (ids.is_empty(), self.alerts.get()) {
                        alerts.tickets_changed(&app, ids.clone());
                    }
                    ConsoleEvent::TicketsChanged { ids }
                }
            };
            // The window may not be listening yet; it reads the state when it loads.
            let _ = app.emit(CONSOLE_EVENT, out);
        }
    }
}

pub fn now_millis() -> Millis {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as Millis)
        .unwrap_or(0)
}
