//! `support-hub`: run the hub, or administer its database.

use std::io::{BufRead, Write};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use desk_domain::{Agent, Group};
use desk_triage::{Model, Rules, Triage};
use support_hub::embedded::{DemoSeed, EmbeddedConfig, EmbeddedHub};
use support_hub::store::{HubStore, NewAgent};
use support_hub::{classify, password, seed, SqliteStore};

#[derive(Parser)]
#[command(
    name = "support-hub",
    version,
    about = "The Wallet Desk help-desk server"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the HTTP API. The first line on stdout is `listening on http://ADDR`.
    Serve {
        /// The SQLite database file; created if missing.
        #[arg(long)]
        db: PathBuf,
        /// Port 0 picks a free port (see the first line of output).
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
        /// Seed the demo team (password "demo", demo only) and this many generated tickets,
        /// on the database's first start only.
        #[arg(long, value_name = "N")]
        demo_seed: Option<usize>,
        /// File simulated customer messages at this average rate per minute (fractions are
        /// fine: 0.5 is one every two minutes). Off unless given.
        #[arg(long, value_name = "PER_MINUTE")]
        simulate: Option<f64>,
    },
    /// Add an agent, or update one with the same id. Reads the password from stdin.
    AddAgent {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        id: String,
        #[arg(long)]
        name: String,
        /// Created (named after its id) if it does not exist.
        #[arg(long)]
        group: Option<String>,
        #[arg(long)]
        email: Option<String>,
        /// Read the password from the first line of stdin, so it stays out of shell history.
        #[arg(long, required = true)]
        password_stdin: bool,
    },
    /// Triage JSON lines from stdin, one result line per input line on stdout:
    /// `{"text": "...", "channel": "email", "amount_minor": 1200}` (channel and amount
    /// optional) gives `{"category", "urgent", "confidence", "group", "reason"}`, and a bad
    /// line gives `{"error": {"code", "message", "line"}}`. Exits 1 if any line failed.
    Classify {
        /// An admin rules file (desk-triage's JSON format), used instead of the default rules.
        #[arg(long, value_name = "FILE")]
        rules: Option<PathBuf>,
    },
}

fn main() -> anyhow::Result<ExitCode> {
    match Cli::parse().command {
        Command::Serve {
            db,
            listen,
            demo_seed,
            simulate,
        } => {
            let config = EmbeddedConfig {
                db_path: db,
                listen,
                demo: demo_seed.map(|tickets| DemoSeed {
                    seed: seed::DEFAULT_GENERATOR_SEED,
                    tickets,
                }),
                simulate_per_minute: simulate,
            };
            runtime()?.block_on(serve(config))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::AddAgent {
            db,
            id,
            name,
            group,
            email,
            password_stdin: _,
        } => {
            runtime()?.block_on(add_agent(db, id, name, group, email))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Classify { rules } => classify(rules),
    }
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")
}

async fn serve(config: EmbeddedConfig) -> anyhow::Result<()> {
    let demo = config.demo.is_some();
    let hub = EmbeddedHub::start(config).await?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "listening on {}", hub.url())?;
    out.flush()?;
    drop(out);
    if demo {
        eprintln!(
            "DEMO ONLY: demo agents sign in with password '{}'. Never use this hub for real work.",
            seed::DEMO_PASSWORD
        );
    }
    stop_requested().await;
    hub.shutdown().await.context("shutting down")?;
    Ok(())
}

/// Ctrl-C, or SIGTERM from a service manager.
async fn stop_requested() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

fn classify(rules: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let triage = match rules {
        None => Triage::embedded(),
        Some(path) => {
            let json = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            let rules =
                Rules::from_json(&json).with_context(|| format!("in {}", path.display()))?;
            Triage::new(Model::embedded(), rules)
        }
    };
    // The lock is itself a buffered reader; the writer needs its own buffer, or every line
    // would be a write system call.
    let stdin = std::io::stdin().lock();
    let stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let tally = classify::run(&triage, stdin, stdout).context("reading stdin or writing stdout")?;
    Ok(if tally.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

async fn add_agent(
    db: PathBuf,
    id: String,
    name: String,
    group: Option<String>,
    email: Option<String>,
) -> anyhow::Result<()> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    anyhow::ensure!(!password.is_empty(), "no password on stdin");
    let store = SqliteStore::open(&db).with_context(|| format!("opening {}", db.display()))?;
    if let Some(g) = &group {
        store
            .add_group(Group {
                id: g.clone(),
                name: g.clone(),
            })
            .await?;
    }
    let password_hash = tokio::task::spawn_blocking(move || password::hash(&password))
        .await?
        .map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))?;
    store
        .add_agent(NewAgent {
            agent: Agent {
                id: id.clone(),
                name,
                group_id: group,
            },
            email,
            password_hash,
        })
        .await?;
    println!("agent {id} saved");
    Ok(())
}
