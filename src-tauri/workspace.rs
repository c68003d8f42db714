//! The open workspace: the local replica and who is signed in, plus the first fill of an empty
//! workspace with demo tickets (until a hub is configured, the demo is the data source).

use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use desk_domain::{ConsoleEvent, Millis, CONSOLE_EVENT};
use desk_store::{Perspective, Store, StoreError};
use tauri::{AppHandle, Emitter};

/// The replica's file name inside the workspace directory.
pub const REPLICA_FILE: &str = "replica.db";

/// Tickets per write transaction while filling: large enough to amortise commits, small
/// enough that progress events keep the bar moving and readers see data early.
const FILL_BATCH: u32 = 500;

/// A fixed seed, so every new demo workspace tells the same story and bug reports reproduce.
const DEMO_SEED: u64 = 20_261_122;

#[derive(Clone)]
pub struct Console {
    pub store: Store,
}

impl Console {
    pub fn open(dir: &Path) -> anyhow::Result<Self> {
        std::fs::create_dir_all(dir)?;
        let store = Store::open(&dir.join(REPLICA_FILE))?;
        Ok(Self { store })
    }

    /// "Me" and "now", read at the boundary so the core stays deterministic.
    pub fn perspective(&self) -> Result<Perspective, StoreError> {
        let agent_id = self.store.signed_in()?.map(|(a, _)| a.id);
        Ok(Perspective {
            agent_id,
            now: now_millis(),
        })
    }
}

pub fn now_millis() -> Millis {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as Millis)
        .unwrap_or(0)
}

/// Fills an empty workspace with `count` demo tickets on a background thread, reporting
/// progress to the window. A workspace that already has tickets is left alone.
pub fn fill_demo_if_empty(app: AppHandle, console: Console, count: u32) {
    std::thread::Builder::new()
        .name("demo-fill".into())
        .spawn(move || {
            // No tracing subscriber is installed yet: stderr is where the agent's log goes.
            // Store errors name tables and ids, never ticket content.
            if let Err(e) = fill_demo(&app, &console.store, count) {
                eprintln!("wallet-desk: the demo fill stopped: {e}");
            }
        })
        .expect("spawning the demo-fill thread");
}

fn fill_demo(app: &AppHandle, store: &Store, count: u32) -> Result<(), StoreError> {
    let mut done = store.ticket_count()?;
    match store.signed_in()? {
        // A real workspace, or a demo that is already full: nothing to do.
        Some((_, false)) => return Ok(()),
        Some((_, true)) if done >= count => return Ok(()),
        // A demo fill that was interrupted: carry on where it stopped.
        Some((_, true)) => {}
        None if done > 0 => return Ok(()),
        None => {
            let team = desk_demo::team();
            let me = team.agents[0].id.clone();
            store.save_team_blocking(team.groups, team.agents, &me, true)?;
        }
    }
    // Each generated ticket depends only on (seed, now, id), so a resumed fill continues the
    // same workspace an uninterrupted one would have made.
    let mut generator = desk_demo::Generator::new(DEMO_SEED, now_millis());
    while done < count {
        let n = FILL_BATCH.min(count - done);
        let batch = (done..done + n)
            .map(|i| generator.ticket(10_000 + i64::from(i)))
            .collect();
        store.upsert_tickets_blocking(batch)?;
        done += n;
        // The window may not be listening yet; the final TicketsChanged covers that.
        let _ = app.emit(
            CONSOLE_EVENT,
            ConsoleEvent::FillProgress { done, total: count },
        );
    }
    let _ = app.emit(CONSOLE_EVENT, ConsoleEvent::TicketsChanged { ids: vec![] });
    Ok(())
}
