//! Network faults between the engine and the hub: every edit still takes effect exactly once,
//! and the retry delays stay within the cap (or honour the hub's Retry-After).

use std::time::{Duration, Instant};

use desk_domain::{Connectivity, TicketEdit};
use desk_sync::{Backoff, RunOptions, SyncEvent};
use netfault::{Fault, FaultyProxy};

use crate::support::*;

async fn queue_notes(c: &Console, n: usize, tag: &str) -> Vec<String> {
    let mut bodies = vec![];
    for i in 0..n {
        let body = format!("{tag} note {i}");
        c.store
            .edit_locally(
                1 + (i as i64 % 3),
                TicketEdit::Note { body: body.clone() },
                desk_sync::new_edit_id(),
                1_800_000_000_000,
            )
            .await
            .unwrap();
        bodies.push(body);
    }
    bodies
}

async fn assert_each_once(url: &str, bodies: &[String]) {
    let hub = hub_tickets(url).await;
    for body in bodies {
        let n: usize = hub
            .values()
            .map(|(_, t)| t.messages.iter().filter(|m| &m.body == body).count())
            .sum();
        assert_eq!(
            n, 1,
            "'{body}' must be applied exactly once, whatever the network did"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_fault_still_applies_each_edit_exactly_once() {
    let hub = hub().await;
    let url = hub.hub.url();
    let proxy = FaultyProxy::start(hub.hub.local_addr()).await.unwrap();
    let c = Console::new(agent(0));
    let mut engine = c.engine(&proxy.url());
    settle(&mut engine).await;

    let faults = [
        Fault::DropMidResponse,
        Fault::ServerErrorAfterCommit,
        Fault::TooManyRequests {
            retry_after_secs: 1,
        },
        Fault::Stall,
        Fault::Offline,
    ];
    let mut all = vec![];
    for (i, fault) in faults.into_iter().enumerate() {
        let bodies = queue_notes(&c, 4, &format!("f{i}")).await;
        proxy.script_for("/api/edits", [fault.clone()]);
        let first = sync(&mut engine).await;
        assert!(first.is_err(), "{fault:?} must surface as a failed cycle");
        assert!(
            first.unwrap_err().is_transient(),
            "{fault:?} is a network fault: retry, don't drop"
        );
        assert_eq!(
            c.store.outbox_counts().unwrap().0,
            4,
            "{fault:?}: nothing leaves the outbox unacknowledged"
        );
        settle(&mut engine).await;
        all.extend(bodies);
    }
    assert_each_once(&url, &all).await;
    assert_converged(&url, &c.store).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backoff_is_capped_offline_and_retry_after_is_honoured() {
    let hub = hub().await;
    let url = hub.hub.url();
    let proxy = FaultyProxy::start(hub.hub.local_addr()).await.unwrap();
    let c = Console::new(agent(0));
    let mut engine = c.engine(&proxy.url());
    settle(&mut engine).await;
    let bodies = queue_notes(&c, 3, "backoff").await;

    proxy.set(Fault::Offline);
    let cap = Duration::from_millis(300);
    let options = RunOptions {
        poll_interval: Duration::from_millis(200),
        backoff: Backoff::new(Duration::from_millis(20), cap),
    };
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let handle = desk_sync::spawn(engine, options, tx);
    let started = Instant::now();
    let mut failures = 0;
    while started.elapsed() < Duration::from_millis(2500) {
        let Ok(Some(ev)) = tokio::time::timeout(Duration::from_millis(500), rx.recv()).await else {
            continue;
        };
        if let SyncEvent::Status(s) = ev {
            if s.connectivity == Connectivity::Offline {
                failures += 1;
                let now = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_millis() as i64;
                let wait = s.retry_at.expect("an offline status says when it retries") - now;
                assert!(
                    wait <= cap.as_millis() as i64 + 50,
                    "a retry {wait} ms away exceeds the {cap:?} cap"
                );
                assert_eq!(s.queued, 3, "the banner counts the queued edits");
            }
        }
    }
    assert!(failures >= 1, "going offline must show in the status");

    // The hub asks for 2 s: the next attempt is not sooner, even though the cap is 300 ms.
    proxy.set(Fault::TooManyRequests {
        retry_after_secs: 2,
    });
    let deadline = Instant::now() + Duration::from_secs(3);
    let mut honoured = false;
    while Instant::now() < deadline && !honoured {
        if let Ok(Some(SyncEvent::Status(s))) =
            tokio::time::timeout(Duration::from_millis(500), rx.recv()).await
        {
            if let (Connectivity::Offline, Some(at), Some(err)) =
                (s.connectivity, s.retry_at, &s.last_error)
            {
                let now = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_millis() as i64;
                if err.contains("slow down") {
                    assert!(
                        at - now >= 1_900,
                        "Retry-After: 2 must be honoured, got {} ms",
                        at - now
                    );
                    honoured = true;
                }
            }
        }
    }
    assert!(honoured, "a 429 with Retry-After must be seen and honoured");

    proxy.set(Fault::Pass);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let s = handle.status();
        if s.connectivity == Connectivity::Online && s.queued == 0 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the engine must come back online and drain: {s:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    handle.shutdown().await;
    assert_each_once(&url, &bodies).await;
}
