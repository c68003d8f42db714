//! Figure 2: a change committed at the hub, until the same change is committed in the
//! console's replica, with the sync loop running as in the app (live event stream, feed pulls).
//!
//! Each change is a customer message posted to the hub's intake: half open new tickets, half
//! follow up on the ticket opened just before. The clock starts before the request is sent, so
//! the figure includes the hub's own commit (an upper bound), and stops when the loop reports
//! the ticket changed and the replica holds the message.

use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use desk_demo::Generator;
use desk_domain::{Connectivity, TicketId};
use desk_sync::{RunOptions, SyncEvent};
use tokio::sync::mpsc;

use super::bootstrap::Replica;
use crate::hub::{new_customer_message, DemoHub, SEED};
use crate::report::{Row, Target};

/// A change not seen by then is lost, and the figure fails rather than waits forever.
const PATIENCE: Duration = Duration::from_secs(10);
/// Untimed changes first: the live stream connects after the loop's first cycle.
const WARM_UP: usize = 6;

pub async fn run(hub: &DemoHub, replica: &Replica, changes: usize) -> anyhow::Result<Vec<Row>> {
    let (events, mut heard) = mpsc::unbounded_channel();
    let handle = desk_sync::spawn(
        hub.engine(replica.store.clone())?,
        RunOptions::default(),
        events,
    );
    // Stamp each report as it arrives, so time spent here checking the replica is not counted.
    let (stamped_tx, mut stamped) = mpsc::unbounded_channel::<(Instant, Vec<TicketId>)>();
    let stamper = tokio::spawn(async move {
        while let Some(event) = heard.recv().await {
            if let SyncEvent::TicketsChanged(ids) = event {
                let _ = stamped_tx.send((Instant::now(), ids));
            }
        }
    });
    let online = Instant::now();
    while handle.status().connectivity != Connectivity::Online {
        if online.elapsed() > Duration::from_secs(120) {
            bail!("the sync loop did not come online: {:?}", handle.status());
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    let connector = hub.connector().await?;
    let now = support_hub::routes::now_millis();
    let mut generator = Generator::new(SEED, now);
    let (mut total, mut posting) = (Vec::new(), Vec::new());
    for i in 0..WARM_UP + changes {
        // Independent arrivals, not a burst the loop could take in one pull.
        tokio::time::sleep(Duration::from_millis(10 + (i as u64 * 7) % 21)).await;
        while stamped.try_recv().is_ok() {}
        let n = i as TicketId;
        // Odd changes reuse the previous change's customer and thread: a follow-up.
        let mut message = new_customer_message(&mut generator, "sync", n - n % 2 + 1, now);
        if n % 2 == 1 {
            message.body = format!("Any news? (follow-up {n})");
        }
        let started = Instant::now();
        let filed = connector.post(&message).await?;
        let answered = started.elapsed();
        let seen = loop {
            let (at, ids) = tokio::time::timeout(PATIENCE, stamped.recv())
                .await
                .with_context(|| format!("change {i} did not reach the replica"))?
                .context("the sync loop stopped")?;
            if !ids.contains(&filed.ticket_id) {
                continue;
            }
            let detail = replica.store.ticket_detail(filed.ticket_id)?;
            if detail
                .record
                .messages
                .iter()
                .any(|m| m.id == filed.message_id)
            {
                break at;
            }
        };
        if i >= WARM_UP {
            total.push(ms(seen - started));
            posting.push(ms(answered));
        }
    }
    handle.shutdown().await;
    stamper.abort();
    Ok(vec![
        Row::measured(
            2,
            "Incremental sync: hub commit → console replica commit (live push)",
            "ms",
            &total,
        )
        .with_target(Target::p95_at_most(200.0))
        .with_note("intake message posted → replica holds it; half new tickets, half follow-ups"),
        Row::measured(
            2,
            "… of which the intake request itself (hub commit and answer)",
            "ms",
            &posting,
        ),
    ])
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
