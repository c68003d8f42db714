//! Faithful forwarding and streaming, and going offline (including cutting live streams).

mod common;

use common::{client, frame_text, json_body, next_chunk, Upstream, BLOB_LEN, END};
use netfault::{Fault, FaultyProxy};

#[tokio::test]
async fn pass_forwards_method_query_headers_and_body_and_copies_the_answer() {
    let upstream = Upstream::start().await;
    let proxy = FaultyProxy::start(upstream.addr).await.unwrap();
    let response = client()
        .post(format!("{}/api/edits?since=42&x=a%20b", proxy.url()))
        .header("authorization", "Bearer agent-7")
        .header("content-type", "application/json")
        .body(r#"{"op":"close"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "upstream's status must come back");
    assert_eq!(
        response.headers()["x-upstream"],
        "edits",
        "upstream's own headers must come back"
    );
    let echo = json_body(&response.text().await.unwrap());
    assert_eq!(
        echo["query"], "since=42&x=a%20b",
        "the query must reach upstream verbatim"
    );
    assert_eq!(
        echo["authorization"], "Bearer agent-7",
        "the hub authenticates by this header"
    );
    assert_eq!(
        echo["content_type"], "application/json",
        "the hub parses by this header"
    );
    assert_eq!(
        echo["body"], r#"{"op":"close"}"#,
        "the request body must reach upstream intact"
    );
    assert_eq!(
        upstream.commits(),
        1,
        "one request through the proxy is one commit"
    );
    proxy.shutdown().await;
}

#[tokio::test]
async fn pass_returns_a_large_body_byte_for_byte() {
    let upstream = Upstream::start().await;
    let proxy = FaultyProxy::start(upstream.addr).await.unwrap();
    let direct = client()
        .get(format!("http://{}/api/blob", upstream.addr))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let proxied = client()
        .get(format!("{}/api/blob", proxy.url()))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(
        direct.len(),
        BLOB_LEN,
        "the fixture itself must serve the whole blob"
    );
    assert!(
        proxied == direct,
        "Pass must not alter, truncate or pad a body"
    );
    proxy.shutdown().await;
}

#[tokio::test]
async fn pass_streams_each_event_while_the_stream_is_still_open() {
    let upstream = Upstream::start().await;
    let proxy = FaultyProxy::start(upstream.addr).await.unwrap();
    let response = client()
        .get(format!("{}/api/events", proxy.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["content-type"], "text/event-stream");
    upstream.wait_for_listeners(1).await;
    let mut chunks = response.bytes_stream();
    // Upstream sends the next event only after the previous one arrived, so a proxy that
    // buffered until the end would never deliver the first one (next_chunk times out).
    for tick in ["tick 1", "tick 2", "tick 3"] {
        upstream.emit(tick);
        let chunk = next_chunk(&mut chunks).await.unwrap().unwrap();
        assert_eq!(
            frame_text(&chunk),
            format!("data: {tick}"),
            "events in order, one at a time"
        );
    }
    upstream.emit(END);
    assert!(
        next_chunk(&mut chunks).await.is_none(),
        "upstream's clean end must be a clean end for the client too"
    );
    proxy.shutdown().await;
}

#[tokio::test]
async fn offline_fails_requests_without_reaching_upstream_until_back_online() {
    let upstream = Upstream::start().await;
    let proxy = FaultyProxy::start(upstream.addr).await.unwrap();
    let http = client();
    let edits = format!("{}/api/edits", proxy.url());
    assert!(
        http.post(&edits).send().await.is_ok(),
        "the proxy starts in Pass"
    );
    proxy.set(Fault::Offline);
    for _ in 0..2 {
        // The second request would reuse a pooled connection if the proxy had kept one.
        let err = http.post(&edits).body("lost").send().await.unwrap_err();
        assert!(
            err.status().is_none(),
            "offline means no HTTP response at all: {err}"
        );
    }
    assert_eq!(
        upstream.commits(),
        1,
        "nothing may reach upstream while offline"
    );
    proxy.set(Fault::Pass);
    let response = http.post(&edits).send().await.unwrap();
    assert_eq!(
        response.status(),
        200,
        "back online, requests must flow again"
    );
    assert_eq!(upstream.commits(), 2);
    proxy.shutdown().await;
}

#[tokio::test]
async fn going_offline_cuts_an_open_stream_but_only_on_its_path() {
    let upstream = Upstream::start().await;
    let proxy = FaultyProxy::start(upstream.addr).await.unwrap();
    let response = client()
        .get(format!("{}/api/events", proxy.url()))
        .send()
        .await
        .unwrap();
    upstream.wait_for_listeners(1).await;
    let mut chunks = response.bytes_stream();
    upstream.emit("tick 1");
    next_chunk(&mut chunks).await.unwrap().unwrap();

    proxy.set_for("/api/edits", Fault::Offline);
    upstream.emit("tick 2");
    let chunk = next_chunk(&mut chunks).await.unwrap();
    assert_eq!(
        frame_text(&chunk.expect("taking another path offline must not touch this stream")),
        "data: tick 2"
    );

    proxy.set_for("/api/events", Fault::Offline);
    let cut = next_chunk(&mut chunks).await;
    assert!(
        matches!(cut, Some(Err(_))),
        "a live stream must die with an error when its path goes offline, not end cleanly \
         (a clean end would look like the server closing the feed): {cut:?}"
    );
    proxy.shutdown().await;
}
