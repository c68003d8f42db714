//! netfault: a faulty HTTP/1.1 proxy for tests.
//!
//! Put it between an HTTP client and a real server to inject the failures a network and
//! an overloaded server really produce: connections refused mid-flight, responses cut off
//! after the server committed, 500s that lie about a commit, 429 with `Retry-After`,
//! requests that hang, and live streams (SSE) that die. Everything runs on real sockets.
//!
//! ```no_run
//! # async fn demo(hub: std::net::SocketAddr) -> std::io::Result<()> {
//! use netfault::{Fault, FaultyProxy};
//! let proxy = FaultyProxy::start(hub).await?;
//! // Point the client under test at proxy.url() instead of the hub.
//! proxy.script([Fault::DropMidResponse]); // the next request commits but its answer is lost
//! proxy.set_for("/api/events", Fault::Offline); // cut the live feed, leave the rest alone
//! proxy.shutdown().await;
//! # Ok(()) }
//! ```

mod fault;
mod forward;
mod respond;
mod server;
mod state;

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub use fault::{Fault, Stats};
use state::Shared;

/// A running proxy. Clones share it; it stops on [`FaultyProxy::shutdown`] or when the
/// last clone is dropped.
#[derive(Clone)]
pub struct FaultyProxy {
    inner: Arc<Handle>,
}

struct Handle {
    addr: SocketAddr,
    shared: Arc<Shared>,
    /// Only handles hold the sender, so dropping the last one also stops the server.
    stop: watch::Sender<bool>,
    server: Mutex<Option<JoinHandle<()>>>,
}

impl FaultyProxy {
    /// Listens on `127.0.0.1:0` and forwards to `upstream`, passing everything through
    /// until told otherwise. Must be called inside a Tokio runtime.
    pub async fn start(upstream: SocketAddr) -> std::io::Result<FaultyProxy> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared::new(upstream));
        let (stop, stopped) = watch::channel(false);
        let server = tokio::spawn(server::accept_loop(listener, Arc::clone(&shared), stopped));
        Ok(FaultyProxy {
            inner: Arc::new(Handle {
                addr,
                shared,
                stop,
                server: Mutex::new(Some(server)),
            }),
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.inner.addr
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn url(&self) -> String {
        format!("http://{}", self.inner.addr)
    }

    /// The standing fault for every following request (once any script is used up), on
    /// every path: rules from [`FaultyProxy::set_for`] are dropped. Setting
    /// [`Fault::Offline`] also cuts responses that are still streaming.
    pub fn set(&self, fault: Fault) {
        self.inner.shared.change_standing(|table| table.set(fault));
    }

    /// The standing fault for requests whose path starts with `prefix` (the query string
    /// is not part of the path), replacing any earlier rule for the same prefix. The
    /// longest matching prefix wins; other paths keep the fault from [`FaultyProxy::set`].
    /// Setting [`Fault::Offline`] also cuts matching responses that are still streaming.
    pub fn set_for(&self, prefix: &str, fault: Fault) {
        self.inner
            .shared
            .change_standing(|table| table.set_for(prefix, fault));
    }

    /// The next requests get these faults, one each, in order; then the standing fault
    /// applies again. Appends to whatever is still scripted.
    pub fn script(&self, faults: impl IntoIterator<Item = Fault>) {
        self.inner.shared.script_for("", faults);
    }

    /// Like [`FaultyProxy::script`], but only requests whose path starts with `prefix`
    /// use up these faults, so e.g. SSE reconnects cannot eat a script meant for edits.
    pub fn script_for(&self, prefix: &str, faults: impl IntoIterator<Item = Fault>) {
        self.inner.shared.script_for(prefix, faults);
    }

    pub fn stats(&self) -> Stats {
        self.inner.shared.stats()
    }

    /// Stops listening and aborts every open connection (stalled requests, live
    /// streams), then waits until all of that is done. Other clones stop working too.
    pub async fn shutdown(self) {
        self.inner.stop.send_replace(true);
        let server = self
            .inner
            .server
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(server) = server {
            // A panic in the server task already failed the test that caused it.
            let _ = server.await;
        }
    }
}
