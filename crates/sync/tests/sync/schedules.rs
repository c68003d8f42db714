//! Random schedules (proptest): 2 to 4 agents edit the same few tickets, go offline and online,
//! lose, duplicate and reorder responses (a lost answer makes the engine send the batch again
//! later, after newer edits), and restart. After everything settles, every replica equals the
//! hub, every note was applied exactly once and no reply was sent twice.
//!
//! CI runs 256 cases. For a long soak:
//! `PROPTEST_CASES=10000 cargo test --release -p desk-sync --test sync schedules`

use std::sync::OnceLock;

use desk_domain::{Priority, Status, TicketEdit};
use netfault::{Fault, FaultyProxy};
use proptest::prelude::*;

use crate::support::*;

#[derive(Debug, Clone)]
enum Step {
    Edit { agent: usize, ticket: i64, op: u8 },
    Sync { agent: usize, fault: u8 },
    Restart { agent: usize },
}

fn step(agents: usize) -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0..agents, 1..=3i64, 0..6u8).prop_map(|(agent, ticket, op)| Step::Edit { agent, ticket, op }),
        3 => (0..agents, 0..6u8).prop_map(|(agent, fault)| Step::Sync { agent, fault }),
        1 => (0..agents).prop_map(|agent| Step::Restart { agent }),
    ]
}

fn schedule() -> impl Strategy<Value = (usize, Vec<Step>)> {
    (2..=4usize).prop_flat_map(|n| (Just(n), prop::collection::vec(step(n), 1..30)))
}

fn fault(code: u8) -> Fault {
    match code {
        0 | 1 => Fault::Pass,
        2 => Fault::DropMidResponse,
        3 => Fault::ServerErrorAfterCommit,
        4 => Fault::Offline,
        _ => Fault::TooManyRequests {
            retry_after_secs: 0,
        },
    }
}

struct World {
    rt: tokio::runtime::Runtime,
    hub: Hub,
    proxies: Vec<FaultyProxy>,
}

/// One hub for every case: starting one (and hashing the demo password) per case would
/// dominate the run. Cases are independent anyway: each starts fresh consoles and checks them
/// against whatever the hub holds by then.
fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let (hub, proxies) = rt.block_on(async {
            let hub = hub().await;
            let mut proxies = vec![];
            for _ in 0..4 {
                proxies.push(FaultyProxy::start(hub.hub.local_addr()).await.unwrap());
            }
            (hub, proxies)
        });
        World { rt, hub, proxies }
    })
}

fn op(code: u8, body: String) -> TicketEdit {
    match code {
        0 => TicketEdit::SetStatus {
            status: [Status::Open, Status::Pending, Status::Solved][body.len() % 3],
        },
        1 => TicketEdit::SetPriority {
            priority: [Priority::Low, Priority::High][body.len() % 2],
        },
        2 => TicketEdit::AddTags {
            tags: vec![format!("t{}", body.len() % 4)],
        },
        3 => TicketEdit::RemoveTags {
            tags: vec![format!("t{}", body.len() % 4)],
        },
        4 => TicketEdit::Reply { body },
        _ => TicketEdit::Note { body },
    }
}

async fn run(agents: usize, steps: Vec<Step>, case: u64) {
    let w = world();
    let url = w.hub.hub.url();
    let mut consoles: Vec<Console> = (0..agents).map(|i| Console::new(agent(i))).collect();
    let mut engines: Vec<_> = (0..agents)
        .map(|i| consoles[i].engine(&w.proxies[i].url()))
        .collect();
    for (i, e) in engines.iter_mut().enumerate() {
        w.proxies[i].set(Fault::Pass);
        settle(e).await;
    }
    let mut notes = vec![];
    let mut replies = vec![];
    for (n, s) in steps.into_iter().enumerate() {
        match s {
            Step::Edit {
                agent,
                ticket,
                op: code,
            } => {
                let body = format!("case {case} step {n} by {agent}");
                match code {
                    4 => replies.push(body.clone()),
                    5 => notes.push(body.clone()),
                    _ => {}
                }
                consoles[agent]
                    .store
                    .edit_locally(
                        ticket,
                        op(code, body),
                        desk_sync::new_edit_id(),
                        1_800_000_000_000 + n as i64,
                    )
                    .await
                    .unwrap();
            }
            Step::Sync { agent, fault: f } => {
                w.proxies[agent].set(fault(f));
                // Failures are the point here; the outcome is checked once everything settles.
                let _ = sync(&mut engines[agent]).await;
                w.proxies[agent].set(Fault::Pass);
            }
            Step::Restart { agent } => {
                consoles[agent].restart_store();
                engines[agent] = consoles[agent].engine(&w.proxies[agent].url());
            }
        }
    }
    for p in &w.proxies {
        p.set(Fault::Pass);
    }
    // Twice round: the second pass pulls what the others pushed in the first.
    for _ in 0..2 {
        for e in engines.iter_mut() {
            settle(e).await;
        }
    }
    let hub = hub_tickets(&url).await;
    for c in &consoles {
        assert_converged(&url, &c.store).await;
    }
    let count = |body: &str| -> usize {
        hub.values()
            .map(|(_, t)| t.messages.iter().filter(|m| m.body == body).count())
            .sum()
    };
    for body in &notes {
        assert_eq!(count(body), 1, "note '{body}' applied exactly once");
    }
    let held: Vec<String> = consoles
        .iter()
        .flat_map(|c| c.store.attention_items().unwrap())
        .filter_map(|i| match i.edit {
            TicketEdit::Reply { body } => Some(body),
            _ => None,
        })
        .collect();
    for body in &replies {
        let expected = usize::from(!held.contains(body));
        assert_eq!(
            count(body),
            expected,
            "reply '{body}' sent once, or held and not sent"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256),
        max_shrink_iters: 64,
        failure_persistence: None,
        .. ProptestConfig::default()
    })]

    #[test]
    fn random_schedules_converge_with_every_edit_applied_once((agents, steps) in schedule()) {
        static CASE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let case = CASE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        world().rt.block_on(run(agents, steps, case));
    }
}
