//! Quick look at the replica's speed on a generated workspace (the full benchmark suite with
//! medians and a report comes with the benchmarks issue). Usage:
//!   cargo run --release -p desk-store --example probe -- 100000

use std::time::Instant;

use desk_domain::*;
use desk_store::{Perspective, Store};

fn main() {
    let n: i64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("probe.db")).unwrap();
    let now = 1_790_000_000_000;
    let mut g = desk_demo::Generator::new(1, now);
    let t = Instant::now();
    let mut id = 1;
    while id <= n {
        let batch: Vec<_> = (id..(id + 1000).min(n + 1)).map(|i| g.ticket(i)).collect();
        id += batch.len() as i64;
        store.upsert_tickets_blocking(batch).unwrap();
    }
    let fill = t.elapsed();
    println!(
        "fill {n}: {:?} ({:.0} tickets/s)",
        fill,
        n as f64 / fill.as_secs_f64()
    );
    let who = Perspective {
        agent_id: Some(desk_demo::team().agents[0].id.clone()),
        now,
    };
    for sort in [InboxSort::Priority, InboxSort::SlaDue, InboxSort::Updated] {
        for offset in [0, n as u32 / 2] {
            let q = InboxQuery {
                view: InboxView::Active,
                filter: Default::default(),
                sort,
                offset,
                limit: 100,
            };
            let t = Instant::now();
            let p = store.inbox_page(&q, &who).unwrap();
            println!(
                "page {sort:?} @{offset}: {:?} (total {})",
                t.elapsed(),
                p.total
            );
        }
    }
    let t = Instant::now();
    store.view_counts(&who).unwrap();
    println!("view counts: {:?}", t.elapsed());
    for q in [
        "withdrawal",
        "被盗",
        "提现",
        "8F3K",
        "password reset",
        "TX2026",
    ] {
        let t = Instant::now();
        let r = store.search(q, 200).unwrap();
        println!("search {q:?}: {:?} (total {})", t.elapsed(), r.total);
    }
    let size = std::fs::metadata(dir.path().join("probe.db"))
        .unwrap()
        .len()
        + std::fs::metadata(dir.path().join("probe.db-wal"))
            .map(|m| m.len())
            .unwrap_or(0);
    println!("db size: {:.1} MiB", size as f64 / 1048576.0);
}
