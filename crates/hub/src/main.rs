//! `support-hub`: run the hub, or administer its database.

use std::io::{BufRead, Write};
use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};
use desk_domain::{Agent, Group};
use support_hub::store::{HubStore, NewAgent};
use support_hub::{password, routes, seed, SqliteStore};

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
        /// Seed the demo team (password "demo", demo only) and this many generated tickets.
        #[arg(long, value_name = "N")]
        demo_seed: Option<u32>,
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
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Serve {
            db,
            listen,
            demo_seed,
        } => serve(db, listen, demo_seed).await,
        Command::AddAgent {
            db,
            id,
            name,
            group,
            email,
            password_stdin: _,
        } => add_agent(db, id, name, group, email).await,
    }
}

async fn serve(db: PathBuf, listen: SocketAddr, demo_seed: Option<u32>) -> anyhow::Result<()> {
    let store = SqliteStore::open(&db).with_context(|| format!("opening {}", db.display()))?;
    if let Some(count) = demo_seed {
        seed::demo(&store, count, routes::now_millis())
            .await
            .context("seeding the demo hub")?;
    }
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .with_context(|| format!("binding {listen}"))?;
    let addr = listener.local_addr()?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "listening on http://{addr}")?;
    out.flush()?;
    drop(out);
    if demo_seed.is_some() {
        eprintln!(
            "DEMO ONLY: demo agents sign in with password '{}'. Never use this hub for real work.",
            seed::DEMO_PASSWORD
        );
    }
    tokio::select! {
        served = support_hub::serve(listener, store) => served.context("serving")?,
        _ = tokio::signal::ctrl_c() => {}
    }
    Ok(())
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
