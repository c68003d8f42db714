//! One module per figure of the benchmarks issue. Each returns report rows; none asserts on
//! time (a slow figure is a finding, not a failure).

pub mod alert_latency;
pub mod bootstrap;
pub mod ceiling;
pub mod console_app;
pub mod incremental;
pub mod intake;
pub mod outbox;
pub mod search;
pub mod startup;
pub mod triage;

use std::path::Path;

use desk_store::Store;

/// An empty console replica in `dir`, as a fresh install opens it.
pub fn empty_replica(dir: &Path) -> anyhow::Result<Store> {
    Ok(Store::open(&dir.join("replica.sqlite3"))?)
}

/// Per-second rate of `count` things done in `secs`.
pub fn rate(count: usize, secs: f64) -> f64 {
    count as f64 / secs
}
