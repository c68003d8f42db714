//! State shared by the proxy handle and every connection task.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use tokio::sync::watch;

use crate::fault::{Fault, FaultTable, Stats};
use crate::forward;

pub(crate) struct Shared {
    pub(crate) upstream: SocketAddr,
    pub(crate) client: reqwest::Client,
    table: Mutex<FaultTable>,
    /// Bumped whenever a standing fault changes, so responses still streaming can check
    /// whether they have just been taken offline.
    changes: watch::Sender<u64>,
    seen: AtomicU64,
    forwarded: AtomicU64,
    injected: AtomicU64,
}

impl Shared {
    pub(crate) fn new(upstream: SocketAddr) -> Self {
        Self {
            upstream,
            client: forward::upstream_client(),
            table: Mutex::default(),
            changes: watch::Sender::new(0),
            seen: AtomicU64::new(0),
            forwarded: AtomicU64::new(0),
            injected: AtomicU64::new(0),
        }
    }

    /// A test that panicked while holding the lock must not turn every later request
    /// into a second, confusing panic: the table is always left consistent.
    fn table(&self) -> MutexGuard<'_, FaultTable> {
        self.table.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Changes standing faults and wakes streaming responses to re-check them.
    pub(crate) fn change_standing(&self, change: impl FnOnce(&mut FaultTable)) {
        change(&mut self.table());
        self.changes
            .send_modify(|epoch| *epoch = epoch.wrapping_add(1));
    }

    pub(crate) fn script_for(&self, prefix: &str, faults: impl IntoIterator<Item = Fault>) {
        self.table().script_for(prefix, faults);
    }

    /// Picks the fault for a request that just arrived, and counts it.
    pub(crate) fn arrive(&self, path: &str) -> Fault {
        self.seen.fetch_add(1, Ordering::Relaxed);
        let fault = self.table().take_for(path);
        if fault != Fault::Pass {
            self.injected.fetch_add(1, Ordering::Relaxed);
        }
        fault
    }

    pub(crate) fn count_forwarded(&self) {
        self.forwarded.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn is_offline(&self, path: &str) -> bool {
        *self.table().standing_for(path) == Fault::Offline
    }

    pub(crate) fn subscribe(&self) -> watch::Receiver<u64> {
        self.changes.subscribe()
    }

    pub(crate) fn stats(&self) -> Stats {
        Stats {
            seen: self.seen.load(Ordering::Relaxed),
            forwarded: self.forwarded.load(Ordering::Relaxed),
            injected: self.injected.load(Ordering::Relaxed),
        }
    }
}
