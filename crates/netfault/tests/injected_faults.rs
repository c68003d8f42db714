//! The faults that answer wrongly: lost answers, lying 500s, 429s and stalls.

mod common;

use std::time::Duration;

use common::{client, json_body, Upstream, PATIENCE};
use futures_util::StreamExt;
use netfault::{Fault, FaultyProxy};

#[tokio::test]
async fn drop_mid_response_commits_upstream_but_the_client_gets_an_error() {
    let upstream = Upstream::start().await;
    let proxy = FaultyProxy::start(upstream.addr).await.unwrap();
    proxy.set(Fault::DropMidResponse);
    let response = client()
        .post(format!("{}/api/edits", proxy.url()))
        .body("edit")
        .send()
        .await
        .expect("the head is sent, so the request itself seems to succeed");
    assert_eq!(
        response.status(),
        200,
        "upstream's status goes out before the drop"
    );
    let announced = response
        .content_length()
        .expect("the full length is announced");
    let mut chunks = response.bytes_stream();
    let mut received = 0;
    let outcome = loop {
        match chunks.next().await {
            Some(Ok(chunk)) => received += chunk.len() as u64,
            other => break other,
        }
    };
    assert!(
        matches!(outcome, Some(Err(_))),
        "the client must see an error, not a short body that ends cleanly: {outcome:?}"
    );
    assert!(
        received > 0 && received < announced,
        "about half the body arrives first ({received} of {announced} bytes)"
    );
    assert_eq!(
        upstream.commits(),
        1,
        "the drop happens after upstream committed"
    );
    proxy.shutdown().await;
}

#[tokio::test]
async fn drop_mid_response_fails_a_request_whose_answer_has_no_body() {
    let upstream = Upstream::start().await;
    let proxy = FaultyProxy::start(upstream.addr).await.unwrap();
    proxy.set(Fault::DropMidResponse);
    let result = client()
        .post(format!("{}/api/ack", proxy.url()))
        .send()
        .await;
    assert!(
        result.is_err(),
        "a 204 has no body to cut, so the connection must close without one: {result:?}"
    );
    assert_eq!(upstream.commits(), 1, "upstream still committed");
    proxy.shutdown().await;
}

#[tokio::test]
async fn server_error_after_commit_answers_500_once_upstream_committed() {
    let upstream = Upstream::start().await;
    let proxy = FaultyProxy::start(upstream.addr).await.unwrap();
    proxy.set(Fault::ServerErrorAfterCommit);
    let response = client()
        .post(format!("{}/api/edits", proxy.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        500,
        "the client is told the write failed"
    );
    let body = json_body(&response.text().await.unwrap());
    assert_eq!(
        body["code"], "internal",
        "the hub's error shape, so clients parse it"
    );
    assert_eq!(body["message"], "injected");
    assert_eq!(upstream.commits(), 1, "although upstream did commit it");
    proxy.shutdown().await;
}

#[tokio::test]
async fn too_many_requests_answers_429_with_retry_after_and_does_not_forward() {
    let upstream = Upstream::start().await;
    let proxy = FaultyProxy::start(upstream.addr).await.unwrap();
    proxy.set(Fault::TooManyRequests {
        retry_after_secs: 7,
    });
    let response = client()
        .post(format!("{}/api/edits", proxy.url()))
        .body("edit")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 429);
    assert_eq!(
        response.headers()["retry-after"],
        "7",
        "clients back off by this header"
    );
    let body = json_body(&response.text().await.unwrap());
    assert_eq!(body["code"], "store_unavailable");
    assert_eq!(body["message"], "slow down");
    assert_eq!(
        upstream.commits(),
        0,
        "a 429 is refused before upstream sees it"
    );
    proxy.shutdown().await;
}

#[tokio::test]
async fn stall_never_answers_so_the_client_times_out_and_shutdown_still_finishes() {
    let upstream = Upstream::start().await;
    let proxy = FaultyProxy::start(upstream.addr).await.unwrap();
    proxy.set(Fault::Stall);
    let err = client()
        .post(format!("{}/api/edits", proxy.url()))
        .body("edit")
        .timeout(Duration::from_millis(300))
        .send()
        .await
        .unwrap_err();
    assert!(
        err.is_timeout(),
        "only the client's own timeout may end a stall: {err}"
    );
    assert_eq!(
        upstream.commits(),
        0,
        "a stalled request is never forwarded"
    );

    // A second stalled request still open while shutting down must not hold it up.
    let http = client();
    let url = format!("{}/api/edits", proxy.url());
    let hanging = tokio::spawn(async move { http.post(url).send().await });
    tokio::time::sleep(Duration::from_millis(100)).await;
    tokio::time::timeout(PATIENCE, proxy.shutdown())
        .await
        .expect("shutdown must cut stalled connections, not wait for them");
    let result = tokio::time::timeout(PATIENCE, hanging)
        .await
        .expect("the stalled client must be released by the shutdown")
        .unwrap();
    assert!(
        result.is_err(),
        "a cut connection is an error to the client: {result:?}"
    );
}
