//! The traffic simulator against a real store: what it files must look like what channel
//! connectors file, go through triage and routing, advance the feed, and stop on request.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use desk_domain::{MessageKind, Priority, TicketRecord};
use desk_wire::ChangeKind;
use support_hub::routes::now_millis;
use support_hub::seed::{self, DemoSeed};
use support_hub::simulator::{Simulator, SimulatorConfig};
use support_hub::{AppState, HubStore, SqliteStore};
use tokio_util::sync::CancellationToken;

const DEMO_TICKETS: usize = 20;

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// What the simulator has produced so far, judged from the feed alone.
#[derive(Debug, Default)]
struct Seen {
    new_tickets: usize,
    follow_ups: usize,
    urgent_to_security: usize,
    chinese: usize,
    english: usize,
}

impl Seen {
    fn complete(&self) -> bool {
        self.new_tickets > 0
            && self.follow_ups > 0
            && self.urgent_to_security > 0
            && self.chinese > 0
            && self.english > 0
    }
}

fn judge(tickets: &BTreeMap<i64, TicketRecord>, started: i64) -> Seen {
    let mut seen = Seen::default();
    for t in tickets.values() {
        let simulated: Vec<_> = t
            .messages
            .iter()
            .enumerate()
            .filter(|(_, m)| m.kind == MessageKind::Customer && m.created_at >= started)
            .collect();
        if t.id > DEMO_TICKETS as i64 {
            seen.new_tickets += 1;
            if t.priority == Priority::Urgent && t.group_id.as_deref() == Some("security") {
                seen.urgent_to_security += 1;
            }
        }
        // Anything after a ticket's first message is the customer writing again.
        seen.follow_ups += simulated.iter().filter(|(i, _)| *i > 0).count();
        for (_, m) in simulated {
            if has_cjk(&m.body) {
                seen.chinese += 1;
            } else {
                seen.english += 1;
            }
        }
    }
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn simulated_customers_open_and_follow_up_tickets_through_intake_until_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("hub.sqlite3")).unwrap();
    let demo = DemoSeed {
        seed: seed::DEFAULT_GENERATOR_SEED,
        tickets: DEMO_TICKETS,
    };
    seed::demo(&store, demo, now_millis() - 60_000)
        .await
        .unwrap();
    let state = AppState::new(store);
    let snapshot = state.store.latest_seq().await.unwrap();
    let mut announced = state.feed.subscribe();
    let started = now_millis();
    let shutdown = CancellationToken::new();
    let config = SimulatorConfig {
        per_minute: 1200.0,
        seed: demo.seed,
    };
    let simulator = Simulator::spawn(state.clone(), config, &shutdown).unwrap();

    // Polls until everything has shown up; the deadline only guards against a hang. At 20
    // messages a second, 30 s is 600 messages, far beyond what any one kind needs.
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut tickets = BTreeMap::new();
    let mut after = snapshot;
    let seen = loop {
        let page = state.store.changes(after, 1000).await.unwrap();
        after = page.next_after;
        for c in page.changes {
            match c.kind {
                ChangeKind::Upsert { ticket } => {
                    tickets.insert(c.ticket_id, ticket.ticket);
                }
                other => panic!("the simulator only files messages, got {other:?}"),
            }
        }
        let seen = judge(&tickets, started);
        if seen.complete() || Instant::now() > deadline {
            break seen;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert!(
        seen.complete(),
        "within 30 s every kind of traffic must appear: {seen:?}"
    );

    shutdown.cancel();
    let tally = tokio::time::timeout(Duration::from_secs(5), simulator.stop())
        .await
        .expect("the simulator stops promptly when the hub shuts down");
    let stopped_at = state.store.latest_seq().await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        state.store.latest_seq().await.unwrap(),
        stopped_at,
        "nothing is filed after the simulator has stopped"
    );
    assert_eq!(
        tally.failed, 0,
        "every simulated message is valid intake: {tally:?}"
    );
    assert!(tally.new_tickets > 0 && tally.follow_ups > 0, "{tally:?}");
    assert_eq!(
        (tally.new_tickets + tally.follow_ups) as i64,
        stopped_at - snapshot,
        "each filed message is exactly one feed entry, as with HTTP intake"
    );

    let mut last = None;
    loop {
        match announced.try_recv() {
            Ok(seq) => last = Some(seq),
            // A slow listener skips to newer seqs, as consoles do.
            Err(tokio::sync::broadcast::error::TryRecvError::Lagged(_)) => continue,
            Err(_) => break,
        }
    }
    assert_eq!(
        last,
        Some(stopped_at),
        "every write is announced, so live consoles pull at once"
    );
}

#[tokio::test]
async fn a_nonsense_rate_is_refused_before_anything_runs() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("hub.sqlite3")).unwrap();
    let state = AppState::new(store);
    for per_minute in [0.0, -3.0, f64::NAN] {
        let config = SimulatorConfig {
            per_minute,
            seed: 1,
        };
        assert!(
            Simulator::spawn(state.clone(), config, &CancellationToken::new()).is_err(),
            "{per_minute} messages a minute is not a rate"
        );
    }
}
