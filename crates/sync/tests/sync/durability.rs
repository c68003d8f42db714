//! Process-kill durability: a sync process is killed with SIGKILL at random moments while it
//! edits and pushes, 100 times over one replica. After each kill the file passes
//! `PRAGMA integrity_check`; at the end every edit the process reported as saved reached the
//! hub exactly once, and none was applied twice.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use rand::Rng;

use crate::support::*;

const KILLS: usize = 100;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_at_random_moments_loses_and_duplicates_nothing() {
    let hub = hub().await;
    let url = hub.hub.url();
    let console = Console::new(agent(0));
    let replica = console.dir.path().join("replica.db");
    let worker = env!("CARGO_BIN_EXE_sync-worker");
    let mut saved: BTreeSet<String> = BTreeSet::new();
    let mut rng = rand::rng();
    for round in 0..KILLS {
        let mut child = Command::new(worker)
            .args(["--replica", replica.to_str().unwrap(), "--hub", &url])
            .args([
                "--agent",
                &agent(0),
                "--prefix",
                &format!("kill{round}"),
                "--edits",
                "30",
            ])
            .env("WALLET_DESK_PASSWORD", "demo")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the worker starts");
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .collect::<Vec<_>>()
        });
        let delay = rng.random_range(20..400);
        tokio::time::sleep(Duration::from_millis(delay)).await;
        // SIGKILL: no destructor, no flush, no goodbye.
        let _ = child.kill();
        let _ = child.wait();
        for line in reader.join().unwrap() {
            if let Some(body) = line.strip_prefix("queued ") {
                saved.insert(body.to_string());
            }
        }
        let store = desk_store::Store::open(&replica).expect("the replica reopens after a kill");
        assert!(
            store.integrity_ok().unwrap(),
            "round {round}: PRAGMA integrity_check is ok"
        );
    }
    assert!(
        saved.len() > KILLS,
        "the workers got edits saved between kills ({})",
        saved.len()
    );

    let store = desk_store::Store::open(&replica).unwrap();
    let mut engine = desk_sync::Engine::new(
        store.clone(),
        &url,
        desk_sync::Credentials {
            agent_id: agent(0),
            password: "demo".into(),
        },
    )
    .unwrap();
    settle(&mut engine).await;
    let hub_now = hub_tickets(&url).await;
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    for (_, t) in hub_now.values() {
        for m in &t.messages {
            if m.body.starts_with("kill") {
                *counts.entry(m.body.clone()).or_default() += 1;
            }
        }
    }
    for body in &saved {
        assert_eq!(
            counts.get(body),
            Some(&1),
            "'{body}' was saved locally: it reaches the hub exactly once"
        );
    }
    for (body, n) in &counts {
        assert_eq!(*n, 1, "'{body}' must never be applied twice");
    }
    assert_converged(&url, &store).await;
}
