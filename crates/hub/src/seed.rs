//! A demo hub: the demo team (every agent's password is "demo") and generated tickets.
//! For trying the console and for tests; never for real agents.

use desk_demo::Generator;
use desk_domain::Millis;

use crate::password;
use crate::store::{HubStore, NewAgent, StoreError};

/// Demo only: printed by `serve --demo-seed` so nobody mistakes it for a real setup.
pub const DEMO_PASSWORD: &str = "demo";

/// The generator's seed for `serve --demo-seed`, fixed so every demo hub holds the same tickets.
pub const DEFAULT_GENERATOR_SEED: u64 = 2026;
/// Tickets generated and stored per transaction, bounding memory for large demo hubs.
const CHUNK: i64 = 500;
/// Set once a demo import has completed, so later starts skip it.
const IMPORTED_KEY: &str = "demo_imported";

/// Which demo to import: the generator's seed and how many tickets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoSeed {
    pub seed: u64,
    pub tickets: usize,
}

/// The demo agent a console signs in as: the first of the demo team, who holds the largest
/// share of first-line work so the "mine" views are well filled.
pub fn demo_agent_id() -> String {
    desk_demo::team()
        .agents
        .first()
        .map(|a| a.id.clone())
        .unwrap_or_default()
}

/// Imports the demo on a hub's first start only, and says how many tickets it added (`None`
/// when an earlier start already imported it). An import cut short is finished on the next
/// start, since the mark is set only at the end and the import skips what it already stored.
pub async fn demo_once<S: HubStore>(
    store: &S,
    demo_seed: DemoSeed,
    now: Millis,
) -> Result<Option<usize>, StoreError> {
    if store.meta(IMPORTED_KEY.into()).await?.is_some() {
        return Ok(None);
    }
    let added = demo(store, demo_seed, now).await?;
    let mark = format!("seed={} tickets={}", demo_seed.seed, demo_seed.tickets);
    store.set_meta(IMPORTED_KEY.into(), mark).await?;
    Ok(Some(added))
}

/// Adds the demo team and tickets 1..=`tickets`; ids present or once used are left alone.
/// Returns how many tickets were added.
pub async fn demo<S: HubStore>(
    store: &S,
    demo_seed: DemoSeed,
    now: Millis,
) -> Result<usize, StoreError> {
    let team = desk_demo::team();
    for g in team.groups {
        store.add_group(g).await?;
    }
    // One hash for all: the password is public anyway, and Argon2 is slow on purpose.
    let hash = tokio::task::spawn_blocking(|| password::hash(DEMO_PASSWORD))
        .await
        .map_err(|e| StoreError::Internal(e.to_string()))?
        .map_err(|e| StoreError::Internal(format!("cannot hash the demo password: {e}")))?;
    for agent in team.agents {
        store
            .add_agent(NewAgent {
                agent,
                email: None,
                password_hash: hash.clone(),
            })
            .await?;
    }
    let count = i64::try_from(demo_seed.tickets)
        .map_err(|_| StoreError::Invalid("too many demo tickets".into()))?;
    let mut added = 0;
    let mut first = 1;
    while first <= count {
        let last = (first + CHUNK - 1).min(count);
        let tickets = tokio::task::spawn_blocking(move || {
            let mut generator = Generator::new(demo_seed.seed, now);
            (first..=last).map(|id| generator.ticket(id)).collect()
        })
        .await
        .map_err(|e| StoreError::Internal(e.to_string()))?;
        added += store.import_tickets(tickets).await?.0;
        first = last + 1;
    }
    Ok(added)
}
