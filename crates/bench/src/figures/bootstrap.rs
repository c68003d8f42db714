//! Figure 1: a console with an empty replica copies every ticket of the hub over loopback
//! HTTP through the real sync engine (sign-in, bootstrap pages, feed catch-up), timed against
//! the physical ceiling of plain SQLite inserts of the same rows on this machine.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use anyhow::ensure;
use desk_domain::Progress;
use desk_store::Store;
use tempfile::TempDir;

use super::{ceiling, empty_replica, rate};
use crate::hub::{DemoHub, SEED};
use crate::report::{Row, Target};

/// A bootstrapped console replica, kept for the figures that need one.
pub struct Replica {
    pub store: Store,
    _dir: TempDir,
}

impl Replica {
    /// A replica bootstrapped from `hub` once, untimed: for figures run without figure 1.
    pub async fn synced(hub: &DemoHub, root: &Path) -> anyhow::Result<Replica> {
        let (_, _, replica) = sync_once(hub, root).await?;
        Ok(replica)
    }
}

pub async fn run(
    hub: &DemoHub,
    tickets: usize,
    runs: usize,
    root: &Path,
) -> anyhow::Result<(Vec<Row>, Replica)> {
    let rows = Arc::new(tokio::task::spawn_blocking(move || ceiling::rows(SEED, tickets)).await?);
    let (mut synced, mut ceilings) = (Vec::new(), Vec::new());
    let (mut catch_ups, mut searchable) = (Vec::new(), Vec::new());
    let mut last = None;
    for _ in 0..runs {
        let (secs, catch_up, replica) = sync_once(hub, root).await?;
        catch_ups.push(catch_up);
        searchable.push(rate(tickets, secs + catch_up));
        let count = replica.store.ticket_count()? as usize;
        ensure!(
            count == tickets,
            "bootstrap copied {count} of {tickets} tickets"
        );
        synced.push(rate(tickets, secs));
        // Dropping the previous replica deletes it: only one is on disk at a time.
        last = Some(replica);
        let dir = tempfile::tempdir_in(root)?;
        let rows = Arc::clone(&rows);
        let secs =
            tokio::task::spawn_blocking(move || ceiling::insert(dir.path(), &rows)).await??;
        ceilings.push(rate(tickets, secs));
    }
    let ratios: Vec<f64> = synced.iter().zip(&ceilings).map(|(s, c)| s / c).collect();
    let n = crate::markdown::thousands(tickets as f64);
    let rows = vec![
        Row::measured(
            1,
            format!("Bootstrap: hub → empty console over loopback HTTP, {n} tickets"),
            "tickets/s",
            &synced,
        )
        .with_target(Target::median_at_least(20_000.0))
        .with_note(format!(
            "sign-in, bootstrap pages and feed catch-up through desk-sync; the hub's demo \
             import took {:.0} s",
            hub.import_secs
        )),
        Row::measured(
            1,
            "… then search indexed in the background until every ticket is searchable",
            "s",
            &catch_ups,
        )
        .with_note("desk-store's search catch-up after the last bootstrap page; the inbox works meanwhile"),
        Row::measured(
            1,
            format!("Bootstrap until all {n} tickets are also searchable"),
            "tickets/s",
            &searchable,
        ),
        Row::measured(
            1,
            "Ceiling: plain rusqlite inserts of the same rows (one transaction, prepared statements)",
            "tickets/s",
            &ceilings,
        ),
        Row::measured(1, "Bootstrap ÷ ceiling", "", &ratios)
            .with_target(Target::median_at_least(0.25)),
    ];
    Ok((rows, last.expect("at least one run")))
}

/// One bootstrap into a new replica: the seconds until the sync engine returned (every ticket
/// in the inbox), then the seconds until the background search catch-up finished. Waiting for
/// the catch-up also keeps it from competing with the next run or figure.
async fn sync_once(hub: &DemoHub, root: &Path) -> anyhow::Result<(f64, f64, Replica)> {
    let dir = tempfile::tempdir_in(root)?;
    let store = empty_replica(dir.path())?;
    let mut engine = hub.engine(store.clone())?;
    let started = Instant::now();
    engine.sync_once(&mut |_: Progress| {}).await?;
    let secs = started.elapsed().as_secs_f64();
    let indexing = Instant::now();
    store.search_caught_up().await?;
    let catch_up = indexing.elapsed().as_secs_f64();
    Ok((secs, catch_up, Replica { store, _dir: dir }))
}
