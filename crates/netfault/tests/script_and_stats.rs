//! Scripts, path rules, counters and the proxy's lifecycle.

mod common;

use common::{client, Upstream};
use netfault::{Fault, FaultyProxy, Stats};

#[tokio::test]
async fn script_runs_in_order_then_the_standing_fault_applies_and_stats_count_it() {
    let upstream = Upstream::start().await;
    let proxy = FaultyProxy::start(upstream.addr).await.unwrap();
    let http = client();
    let edits = format!("{}/api/edits", proxy.url());
    proxy.script([
        Fault::TooManyRequests {
            retry_after_secs: 1,
        },
        Fault::ServerErrorAfterCommit,
    ]);
    let mut statuses = Vec::new();
    let mut commits = Vec::new();
    for _ in 0..3 {
        statuses.push(http.post(&edits).send().await.unwrap().status().as_u16());
        commits.push(upstream.commits());
    }
    assert_eq!(
        statuses,
        [429, 500, 200],
        "scripted faults in order, then Pass"
    );
    assert_eq!(
        commits,
        [0, 1, 2],
        "the 429 is not forwarded, the 500 and the pass are"
    );
    assert_eq!(
        proxy.stats(),
        Stats {
            seen: 3,
            forwarded: 2,
            injected: 2
        },
        "every request is seen; only the 500 and the pass reached upstream; two were faulted"
    );
    proxy.shutdown().await;
}

#[tokio::test]
async fn a_path_script_is_not_used_up_by_other_paths() {
    let upstream = Upstream::start().await;
    let proxy = FaultyProxy::start(upstream.addr).await.unwrap();
    let http = client();
    proxy.script_for(
        "/api/edits",
        [Fault::TooManyRequests {
            retry_after_secs: 1,
        }],
    );
    let blob = http.get(format!("{}/api/blob", proxy.url())).send().await;
    assert_eq!(
        blob.unwrap().status(),
        200,
        "another path must pass untouched"
    );
    let edit = http.post(format!("{}/api/edits", proxy.url())).send().await;
    assert_eq!(
        edit.unwrap().status(),
        429,
        "the script was kept for its own path"
    );
    assert_eq!(proxy.stats().injected, 1);
    proxy.shutdown().await;
}

#[tokio::test]
async fn set_for_faults_only_its_prefix_and_set_replaces_every_rule() {
    let upstream = Upstream::start().await;
    let proxy = FaultyProxy::start(upstream.addr).await.unwrap();
    let http = client();
    let status = |path: &'static str| {
        let request = http.post(format!("{}{path}", proxy.url())).send();
        async move { request.await.unwrap().status().as_u16() }
    };
    proxy.set_for("/api/edits", Fault::ServerErrorAfterCommit);
    assert_eq!(
        status("/api/edits").await,
        500,
        "the rule covers its prefix"
    );
    assert_eq!(status("/api/ack").await, 204, "and nothing else");
    proxy.set(Fault::TooManyRequests {
        retry_after_secs: 2,
    });
    assert_eq!(status("/api/ack").await, 429, "set() applies to every path");
    assert_eq!(
        status("/api/edits").await,
        429,
        "including ones that had a rule"
    );
    proxy.shutdown().await;
}

#[tokio::test]
async fn shutdown_stops_listening() {
    let upstream = Upstream::start().await;
    let proxy = FaultyProxy::start(upstream.addr).await.unwrap();
    let url = proxy.url();
    assert_eq!(url, format!("http://127.0.0.1:{}", proxy.addr().port()));
    proxy.shutdown().await;
    let result = client().get(format!("{url}/api/blob")).send().await;
    assert!(
        result.as_ref().is_err_and(reqwest::Error::is_connect),
        "a shut-down proxy must refuse connections: {result:?}"
    );
}

#[tokio::test]
async fn an_unreachable_upstream_is_a_502_not_an_injected_fault() {
    // Bind then drop a listener so the port is very likely closed.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let proxy = FaultyProxy::start(closed).await.unwrap();
    let response = client().get(proxy.url()).send().await.unwrap();
    assert_eq!(
        response.status(),
        502,
        "a dead hub must be told apart from a fault"
    );
    assert_eq!(
        proxy.stats(),
        Stats {
            seen: 1,
            forwarded: 0,
            injected: 0
        }
    );
    proxy.shutdown().await;
}
