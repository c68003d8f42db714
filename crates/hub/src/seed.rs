//! A demo hub: the demo team (every agent's password is "demo") and generated tickets.
//! For trying the console and for tests; never for real agents.

use desk_demo::Generator;
use desk_domain::Millis;

use crate::password;
use crate::store::{HubStore, NewAgent, StoreError};

/// Demo only: printed by `serve --demo-seed` so nobody mistakes it for a real setup.
pub const DEMO_PASSWORD: &str = "demo";

/// The generator's seed, fixed so every demo hub holds the same tickets.
const GENERATOR_SEED: u64 = 2026;
/// Tickets generated and stored per transaction, bounding memory for large demo hubs.
const CHUNK: i64 = 500;

/// Adds the demo team and tickets 1..=`count`; tickets already present are left alone.
/// Returns how many tickets were added.
pub async fn demo<S: HubStore>(store: &S, count: u32, now: Millis) -> Result<usize, StoreError> {
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
    let mut added = 0;
    let mut first = 1;
    while first <= i64::from(count) {
        let last = (first + CHUNK - 1).min(i64::from(count));
        let tickets = tokio::task::spawn_blocking(move || {
            let mut generator = Generator::new(GENERATOR_SEED, now);
            (first..=last).map(|id| generator.ticket(id)).collect()
        })
        .await
        .map_err(|e| StoreError::Internal(e.to_string()))?;
        added += store.import_tickets(tickets).await?.0;
        first = last + 1;
    }
    Ok(added)
}
