//! Figure 7: how many customer messages per second the hub files on its embedded SQLite
//! backend, with several connectors posting at once over loopback. Every message is from a
//! new customer, so each opens a ticket: triage, routing and the change feed all run.

use std::time::Instant;

use anyhow::ensure;
use desk_demo::Generator;
use desk_domain::TicketId;

use super::rate;
use crate::hub::{new_customer_message, DemoHub, SEED};
use crate::report::{Row, Target};

/// Concurrent connectors, each posting its messages one after another.
pub const CLIENTS: usize = 8;

pub async fn run(hub: &DemoHub, runs: usize, messages: usize) -> anyhow::Result<Vec<Row>> {
    let connector = hub.connector().await?;
    let now = support_hub::routes::now_millis();
    let mut generator = Generator::new(SEED, now);
    let mut rates = Vec::new();
    for run in 0..runs {
        let tag = format!("intake{run}");
        // Built before the clock starts: the figure is the hub's, not the generator's.
        let mut batches = vec![Vec::new(); CLIENTS];
        for n in 0..messages {
            let message = new_customer_message(&mut generator, &tag, n as TicketId + 1, now);
            batches[n % CLIENTS].push(message);
        }
        let started = Instant::now();
        let tasks: Vec<_> = batches
            .into_iter()
            .map(|batch| {
                let connector = connector.clone();
                tokio::spawn(async move {
                    let mut created = 0;
                    for message in &batch {
                        created += usize::from(connector.post(message).await?.created);
                    }
                    anyhow::Ok(created)
                })
            })
            .collect();
        let mut created = 0;
        for task in tasks {
            created += task.await??;
        }
        let secs = started.elapsed().as_secs_f64();
        ensure!(
            created == messages,
            "{created} of {messages} messages opened a ticket"
        );
        rates.push(rate(messages, secs));
    }
    Ok(vec![Row::measured(
        7,
        format!("Hub intake, embedded SQLite, {CLIENTS} concurrent clients over loopback"),
        "tickets/s",
        &rates,
    )
    .with_target(Target::median_at_least(2_000.0))
    .with_note(format!(
        "{messages} new-customer messages per run, each a new ticket"
    ))])
}
