//! Figure 3: search in a replica of 100k and of 1M tickets, through the same call the app's
//! `search_tickets` makes, in three kinds an agent types: an English word, a two-character
//! Chinese word, and a fragment of a transaction reference. Plus the search index's size.
//!
//! The workspaces are filled directly with desk-store (the hub would take far longer to serve
//! a million tickets, and search does not care how the rows arrived).

use std::path::Path;
use std::sync::mpsc;
use std::time::Instant;

use desk_demo::Generator;
use desk_domain::TicketRecord;
use desk_store::Store;

use super::{empty_replica, rate};
use crate::hub::SEED;
use crate::markdown::thousands;
use crate::report::{Row, Target};

/// What the UI asks for (`SEARCH_LIMIT` in ui/src/lib/state/search.svelte.ts).
const LIMIT: u32 = 200;
const FILL_BATCH: i64 = 1_000;
const ENGLISH: [&str; 4] = ["withdrawal", "refund", "password", "frozen"];
const CHINESE: [&str; 4] = ["提现", "被盗", "冻结", "退款"];
/// Transaction references whose fragments are searched, spread over the workspace.
const FRAGMENTS: usize = 8;

/// Rows for a workspace of `tickets`, held to `p95_ms`.
pub fn run(tickets: usize, p95_ms: f64, runs: usize, root: &Path) -> anyhow::Result<Vec<Row>> {
    let dir = tempfile::tempdir_in(root)?;
    let store = empty_replica(dir.path())?;
    let fill_secs = fill(&store, tickets)?;
    let size = crate::sqlite_size::of(store.path())?;

    let n = thousands(tickets as f64);
    let fragments = fragments(tickets);
    let kinds: [(&str, Vec<String>); 3] = [
        ("an English word", ENGLISH.map(String::from).to_vec()),
        (
            "a two-character Chinese word",
            CHINESE.map(String::from).to_vec(),
        ),
        ("a transaction id fragment", fragments),
    ];
    let mut rows = Vec::new();
    for (kind, queries) in kinds {
        let (ms, hits) = time_queries(&store, &queries, runs)?;
        rows.push(
            Row::measured(3, format!("Search {n}: {kind}"), "ms", &ms)
                .with_target(Target::p95_at_most(p95_ms))
                .with_note(format!(
                    "{} (hits: {})",
                    queries.join(", "),
                    hits.join(", ")
                )),
        );
    }
    rows.push(
        Row::measured(
            3,
            format!("Search index on disk, {n} tickets (both FTS5 tables)"),
            "MiB",
            &[mib(size.search_index)],
        )
        .with_note(format!("whole replica {:.0} MiB", mib(size.database))),
    );
    rows.push(
        Row::measured(
            3,
            format!("Filling the {n}-ticket replica directly (desk-store upserts)"),
            "tickets/s",
            &[rate(tickets, fill_secs)],
        )
        .with_note("setup for the search figures, batches of 1,000; no target"),
    );
    Ok(rows)
}

/// Every query once untimed (caches warm, statements prepared), then `runs` rounds of all.
/// Returns the timings and each query's total hit count.
fn time_queries(
    store: &Store,
    queries: &[String],
    runs: usize,
) -> anyhow::Result<(Vec<f64>, Vec<String>)> {
    let mut hits = Vec::new();
    for q in queries {
        hits.push(thousands(f64::from(store.search(q, LIMIT)?.total)));
    }
    let mut ms = Vec::with_capacity(runs * queries.len());
    for _ in 0..runs {
        for q in queries {
            let started = Instant::now();
            let found = store.search(q, LIMIT)?;
            ms.push(started.elapsed().as_secs_f64() * 1000.0);
            std::hint::black_box(found);
        }
    }
    Ok((ms, hits))
}

/// Six characters from the random part of references ("TX20261103-8F3KQ2ZP" → "F3KQ2Z"), as
/// an agent pastes them from a customer's screenshot.
fn fragments(tickets: usize) -> Vec<String> {
    let mut generator = Generator::new(SEED, support_hub::routes::now_millis());
    let step = (tickets / FRAGMENTS).max(1) as i64;
    let mut out = Vec::new();
    let mut id = 1;
    while out.len() < FRAGMENTS && id <= tickets as i64 {
        if let Some(r) = generator.ticket(id).transaction_refs.first() {
            out.extend(r.get(12..18).map(str::to_string));
            id += step;
        } else {
            id += 1;
        }
    }
    out
}

/// Generates on one thread while the store writes on its own: the machine has two cores.
fn fill(store: &Store, tickets: usize) -> anyhow::Result<f64> {
    let (batches, received) = mpsc::sync_channel::<Vec<TicketRecord>>(4);
    let total = tickets as i64;
    let generating = std::thread::spawn(move || {
        let mut generator = Generator::new(SEED, support_hub::routes::now_millis());
        let mut first = 1;
        while first <= total {
            let last = (first + FILL_BATCH - 1).min(total);
            let batch = (first..=last).map(|id| generator.ticket(id)).collect();
            if batches.send(batch).is_err() {
                return;
            }
            first = last + 1;
        }
    });
    let started = Instant::now();
    for batch in received {
        store.upsert_tickets_blocking(batch)?;
    }
    let secs = started.elapsed().as_secs_f64();
    generating
        .join()
        .map_err(|_| anyhow::anyhow!("the generator thread panicked"))?;
    Ok(secs)
}

fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}
