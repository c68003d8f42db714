//! A hub running inside another program on that program's tokio runtime: the desktop console
//! starts one in demo mode, and `support-hub serve` is a thin wrapper around the same code, so
//! there is one way a hub starts and stops.
//!
//! ```no_run
//! # async fn demo() -> Result<(), support_hub::embedded::EmbeddedError> {
//! use support_hub::embedded::{DemoSeed, EmbeddedConfig, EmbeddedHub};
//! let mut config = EmbeddedConfig::new("/tmp/hub.sqlite3");
//! config.demo = Some(DemoSeed { seed: 2026, tickets: 500 });
//! config.simulate_per_minute = Some(6.0);
//! let hub = EmbeddedHub::start(config).await?;
//! println!("{} (sign in as {:?})", hub.url(), hub.demo_login());
//! hub.shutdown().await?;
//! # Ok(()) }
//! ```

use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::routes::{now_millis, router, AppState};
use crate::seed;
pub use crate::seed::DemoSeed;
use crate::simulator::{self, InvalidRate, Simulator, SimulatorConfig};
use crate::store::{SqliteStore, StoreError};

/// How long open requests get to finish on shutdown before they are cut.
const GRACE: Duration = Duration::from_secs(10);

#[derive(Debug, Clone, PartialEq)]
pub struct EmbeddedConfig {
    /// The SQLite file; created and migrated if needed.
    pub db_path: PathBuf,
    /// Port 0 picks a free port; [`EmbeddedHub::url`] says which.
    pub listen: SocketAddr,
    /// Import the demo team and tickets, on the database's first start only.
    pub demo: Option<DemoSeed>,
    /// File simulated customer messages at this average rate.
    pub simulate_per_minute: Option<f64>,
}

impl EmbeddedConfig {
    /// A plain hub on a free loopback port: no demo, no simulator.
    pub fn new(db_path: impl Into<PathBuf>) -> Self {
        Self {
            db_path: db_path.into(),
            listen: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            demo: None,
            simulate_per_minute: None,
        }
    }
}

/// Credentials a demo hub accepts. Demo only: the password is public.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoLogin {
    pub agent_id: String,
    pub password: String,
}

#[derive(Debug, thiserror::Error)]
pub enum EmbeddedError {
    #[error("cannot open the hub database {path}: {source}")]
    Open { path: PathBuf, source: StoreError },
    #[error("cannot import the demo: {0}")]
    Demo(StoreError),
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: SocketAddr, source: io::Error },
    #[error(transparent)]
    Simulator(#[from] InvalidRate),
    #[error("the hub server failed: {0}")]
    Serve(io::Error),
}

/// A running hub. Dropping it stops the server and simulator without waiting; call
/// [`EmbeddedHub::shutdown`] to wait until they have stopped.
pub struct EmbeddedHub {
    addr: SocketAddr,
    demo: bool,
    closing: CancellationToken,
    server: Option<JoinHandle<io::Result<()>>>,
    simulator: Option<Simulator>,
}

impl EmbeddedHub {
    /// Opens the database, imports the demo if asked and not done before, starts serving and,
    /// if asked, the simulator. Returns once the hub accepts connections.
    pub async fn start(config: EmbeddedConfig) -> Result<EmbeddedHub, EmbeddedError> {
        // Checked first, so a bad rate does not cost a demo import before failing.
        if let Some(rate) = config.simulate_per_minute {
            simulator::check_rate(rate)?;
        }
        let path = config.db_path.clone();
        // Opening migrates the schema: blocking work, kept off the caller's runtime workers.
        let store = tokio::task::spawn_blocking(move || SqliteStore::open(&path))
            .await
            .map_err(|e| StoreError::Internal(e.to_string()))
            .and_then(|opened| opened)
            .map_err(|source| EmbeddedError::Open {
                path: config.db_path.clone(),
                source,
            })?;
        if let Some(demo) = config.demo {
            let imported = seed::demo_once(&store, demo, now_millis())
                .await
                .map_err(EmbeddedError::Demo)?;
            if let Some(n) = imported {
                tracing::info!(tickets = n, seed = demo.seed, "demo imported");
            }
        }
        let listener = tokio::net::TcpListener::bind(config.listen)
            .await
            .map_err(|source| EmbeddedError::Bind {
                addr: config.listen,
                source,
            })?;
        let addr = listener
            .local_addr()
            .map_err(|source| EmbeddedError::Bind {
                addr: config.listen,
                source,
            })?;

        let closing = CancellationToken::new();
        let state = AppState::with_closing(store, closing.clone());
        let app = router(state.clone());
        let stop = closing.clone();
        let server = tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(stop.cancelled_owned())
                .await
        });
        let simulator = match config.simulate_per_minute {
            Some(per_minute) => {
                let seed = config.demo.map_or(seed::DEFAULT_GENERATOR_SEED, |d| d.seed);
                let sim_config = SimulatorConfig { per_minute, seed };
                Some(Simulator::spawn(state, sim_config, &closing)?)
            }
            None => None,
        };
        Ok(EmbeddedHub {
            addr,
            demo: config.demo.is_some(),
            closing,
            server: Some(server),
            simulator,
        })
    }

    /// `http://127.0.0.1:PORT`, the base every API path goes after.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The demo agent and password, when this hub was started with a demo.
    pub fn demo_login(&self) -> Option<DemoLogin> {
        self.demo.then(|| DemoLogin {
            agent_id: seed::demo_agent_id(),
            password: seed::DEMO_PASSWORD.to_owned(),
        })
    }

    /// Stops the simulator, then the server: no new connections, open requests finish (up to
    /// ten seconds), event streams end. Every acknowledged write is already committed.
    pub async fn shutdown(mut self) -> Result<(), EmbeddedError> {
        self.closing.cancel();
        if let Some(sim) = self.simulator.take() {
            sim.stop().await;
        }
        let Some(mut server) = self.server.take() else {
            return Ok(());
        };
        match tokio::time::timeout(GRACE, &mut server).await {
            Ok(Ok(served)) => served.map_err(EmbeddedError::Serve),
            Ok(Err(join)) => Err(EmbeddedError::Serve(io::Error::other(join))),
            Err(_) => {
                tracing::warn!("requests still open after the grace period; cutting them");
                server.abort();
                Ok(())
            }
        }
    }
}

impl Drop for EmbeddedHub {
    fn drop(&mut self) {
        // Without this a forgotten hub would keep its port and database open.
        self.closing.cancel();
    }
}
