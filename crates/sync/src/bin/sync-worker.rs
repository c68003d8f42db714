//! A console's sync process without a window: it makes edits into a replica and syncs them
//! with a hub, printing `queued <body>` once each edit is durably committed locally (the point
//! at which the console tells the agent it is saved). The durability test kills it with
//! SIGKILL at random moments and checks that nothing it printed is lost or applied twice.
//!
//! usage: sync-worker --replica FILE --hub URL --agent ID --prefix TEXT --edits N
//! (password from WALLET_DESK_PASSWORD)

use std::io::Write;
use std::path::PathBuf;

use desk_domain::{Progress, TicketEdit};
use desk_store::Store;
use desk_sync::{Credentials, Engine};

struct Args {
    replica: PathBuf,
    hub: String,
    agent: String,
    prefix: String,
    edits: u32,
}

fn args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let (mut replica, mut hub, mut agent, mut prefix, mut edits) = (None, None, None, None, 20);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--replica" => replica = Some(PathBuf::from(value()?)),
            "--hub" => hub = Some(value()?),
            "--agent" => agent = Some(value()?),
            "--prefix" => prefix = Some(value()?),
            "--edits" => edits = value()?.parse().map_err(|_| "--edits needs a number")?,
            other => return Err(format!("unknown argument '{other}'")),
        }
    }
    Ok(Args {
        replica: replica.ok_or("--replica is required")?,
        hub: hub.ok_or("--hub is required")?,
        agent: agent.ok_or("--agent is required")?,
        prefix: prefix.ok_or("--prefix is required")?,
        edits,
    })
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let args = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("sync-worker: {e}");
            std::process::exit(2);
        }
    };
    let password = std::env::var("WALLET_DESK_PASSWORD").unwrap_or_default();
    let store = Store::open(&args.replica).expect("the replica opens");
    let mut engine = Engine::new(
        store.clone(),
        &args.hub,
        Credentials {
            agent_id: args.agent,
            password,
        },
    )
    .expect("a valid hub URL");
    let mut no_progress = |_: Progress| {};
    // The first sync signs in and bootstraps; an edit needs the replica to hold the ticket.
    while engine.sync_once(&mut no_progress).await.is_err() {}
    let mut out = std::io::stdout().lock();
    for i in 0..args.edits {
        let body = format!("{} {i}", args.prefix);
        let ticket = 1 + i64::from(i % 3);
        store
            .edit_locally(
                ticket,
                TicketEdit::Note { body: body.clone() },
                desk_sync::new_edit_id(),
                1_800_000_000_000,
            )
            .await
            .expect("the edit is stored");
        writeln!(out, "queued {body}")
            .and_then(|_| out.flush())
            .expect("stdout");
        if i % 2 == 1 {
            // Errors are fine: the queue keeps the edits until a later cycle gets through.
            let _ = engine.sync_once(&mut no_progress).await;
        }
    }
    let _ = engine.sync_once(&mut no_progress).await;
    writeln!(out, "done")
        .and_then(|_| out.flush())
        .expect("stdout");
}
