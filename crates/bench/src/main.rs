//! desk-bench: runs the figures of the benchmarks issue in a release build and writes the JSON
//! report and BENCHMARKS.md. `scripts/bench.sh` is the documented way to run it.

mod desktop;
mod figures;
mod footprint;
mod hub;
mod machine;
mod markdown;
mod options;
mod report;
mod sqlite_size;
mod stats;
mod window;

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;

use crate::figures::bootstrap::{self, Replica};
use crate::figures::{console_app, incremental, intake, outbox, search, triage};
use crate::hub::DemoHub;
use crate::options::Options;
use crate::report::{Report, Row, Sizes};

fn main() -> ExitCode {
    let options = match Options::parse(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e:#}");
            return ExitCode::from(2);
        }
    };
    // Two workers, like the machine the figures are quoted for; more would only contend.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    match runtime.block_on(run(options)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("desk-bench failed: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(o: Options) -> anyhow::Result<()> {
    let started = Instant::now();
    let load_at_start = machine::load_average();
    let temp;
    let root = match &o.workdir {
        Some(dir) => {
            std::fs::create_dir_all(dir)?;
            dir.as_path()
        }
        None => {
            temp = tempfile::tempdir()?;
            temp.path()
        }
    };
    let fsync_at_start = machine::fsync_ms(root);
    let plan = o.plan();
    let say = |what: &str| eprintln!("[{:>7.1}s] {what}", started.elapsed().as_secs_f64());
    let mut rows = Vec::new();

    if o.runs(8) {
        say("figure 8: triage");
        rows.extend(tokio::task::spawn_blocking(move || triage::run(plan.triage_runs)).await?);
    }
    if [1, 2, 6, 7].iter().any(|f| o.runs(*f)) {
        let dir = tempfile::tempdir_in(root)?;
        say(&format!(
            "importing {} demo tickets into the hub",
            o.tickets
        ));
        let hub = DemoHub::start(dir.path(), o.tickets).await?;
        let mut replica = None;
        if o.runs(1) {
            say("figure 1: bootstrap and its ceiling");
            let (r, synced) = bootstrap::run(&hub, o.tickets, plan.bootstrap_runs, root).await?;
            rows.extend(r);
            replica = Some(synced);
        }
        if o.runs(2) || o.runs(6) {
            let replica = match replica.take() {
                Some(r) => r,
                None => Replica::synced(&hub, root).await?,
            };
            if o.runs(2) {
                say("figure 2: incremental sync");
                rows.extend(incremental::run(&hub, &replica, plan.sync_changes).await?);
            }
            if o.runs(6) {
                say("figure 6: outbox");
                rows.extend(outbox::run(&hub, &replica, o.tickets, plan.outbox_runs).await?);
            }
        }
        if o.runs(7) {
            say("figure 7: hub intake");
            rows.extend(intake::run(&hub, plan.intake_runs, plan.intake_messages).await?);
        }
        hub.shutdown().await?;
    }
    if o.runs(3) {
        for (tickets, p95_ms) in [(o.tickets, 20.0), (o.large, 100.0)] {
            say(&format!("figure 3: search at {tickets} tickets"));
            let root = root.to_path_buf();
            let runs = plan.search_runs;
            rows.extend(
                tokio::task::spawn_blocking(move || search::run(tickets, p95_ms, runs, &root))
                    .await??,
            );
        }
    }
    if o.runs(4) || o.runs(5) {
        let dir = tempfile::tempdir_in(root)?;
        say(&format!(
            "figures 4 and 5: the console on {} demo tickets under Xvfb",
            o.tickets
        ));
        let hub = DemoHub::start(dir.path(), o.tickets).await?;
        let log_dir = o
            .report
            .parent()
            .unwrap_or(Path::new("."))
            .join("desktop-logs");
        let app_plan = console_app::Plan {
            alert: o.runs(4),
            alert_samples: plan.alert_samples,
            startup: o.runs(5),
            startup_runs: plan.startup_runs,
        };
        let measured = console_app::run(&hub, o.tickets, dir.path(), &log_dir, app_plan).await;
        hub.shutdown().await?;
        rows.extend(measured?);
    }
    rows.sort_by_key(|r| r.figure);

    let fresh = Report {
        schema: 2,
        date: machine::utc_now(),
        commit: machine::git_commit(),
        command: o.command.clone().unwrap_or_else(|| {
            std::iter::once("desk-bench".to_string())
                .chain(std::env::args().skip(1))
                .collect::<Vec<_>>()
                .join(" ")
        }),
        quick: o.quick,
        machine: machine::Machine::here(),
        sizes: Sizes {
            tickets: o.tickets,
            large: o.large,
        },
        total_seconds: started.elapsed().as_secs_f64(),
        load: [load_at_start, machine::load_average()],
        fsync_ms: [fsync_at_start, machine::fsync_ms(root)],
        rows,
    }
    .stamped();
    // Some figures only: merged into the last report of the same sizes, if there is one.
    let previous = std::fs::read_to_string(&o.report)
        .ok()
        .and_then(|text| serde_json::from_str::<Report>(&text).ok())
        .filter(|p| o.only.is_some() && p.accepts(&fresh));
    let report = match previous {
        Some(p) => {
            say(&format!("merging into the report of {}", p.date));
            p.merge(fresh)
        }
        None => fresh,
    };
    write(&o.report, &serde_json::to_string_pretty(&report)?)?;
    let previous = std::fs::read_to_string(&o.markdown).ok();
    write(&o.markdown, &markdown::render(&report, previous.as_deref()))?;
    for row in report.rows.iter().filter(|r| o.runs(r.figure)) {
        println!("{}", summary_line(row));
    }
    say(&format!(
        "wrote {} and {}",
        o.report.display(),
        o.markdown.display()
    ));
    Ok(())
}

fn summary_line(row: &Row) -> String {
    let verdict = match row.met {
        Some(true) => "met",
        Some(false) => "MISSED",
        None => "",
    };
    match &row.stats {
        Some(s) => format!(
            "{}. {}: median {:.3} {} (p95 {:.3}, {}..{}, n={}) {verdict}",
            row.figure, row.name, s.median, row.unit, s.p95, s.min, s.max, s.samples
        ),
        None => format!("{}. {}: not measured", row.figure, row.name),
    }
}

fn write(path: &Path, text: &str) -> anyhow::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}
