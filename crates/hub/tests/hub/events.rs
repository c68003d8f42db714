use std::time::Duration;

use futures_util::StreamExt;
use serde_json::Value;

use crate::support::{email, TestHub, ALICE};

/// Reads server-sent events until one carries a `data:` line, and returns its JSON.
async fn next_event(
    stream: &mut (impl futures_util::Stream<Item = reqwest::Result<bytes::Bytes>> + Unpin),
    buf: &mut String,
) -> Value {
    loop {
        if let Some(end) = buf.find("\n\n") {
            let frame: String = buf.drain(..end + 2).collect();
            if let Some(data) = frame.lines().find_map(|l| l.strip_prefix("data:")) {
                return serde_json::from_str(data.trim()).unwrap();
            }
            continue; // a keep-alive comment
        }
        let chunk = stream.next().await.expect("the stream stays open").unwrap();
        buf.push_str(std::str::from_utf8(&chunk).unwrap());
    }
}

#[tokio::test]
async fn an_intake_is_announced_on_the_event_stream() {
    let hub = TestHub::start().await;
    let token = hub.login(ALICE).await;
    let res = hub.get(&token, "/api/events").await;
    assert_eq!(res.headers()["content-type"], "text/event-stream");
    let mut stream = res.bytes_stream();
    let mut buf = String::new();
    // A timeout only as a safety net: the test proceeds as soon as each event arrives.
    let within = Duration::from_secs(20);

    let hello = tokio::time::timeout(within, next_event(&mut stream, &mut buf))
        .await
        .unwrap();
    assert_eq!(hello["seq"], 0, "the first event is where the feed is now");

    hub.intake(&token, &email("mei@example.com", None, "ping"))
        .await;
    let pushed = tokio::time::timeout(within, next_event(&mut stream, &mut buf))
        .await
        .unwrap();
    assert_eq!(pushed["seq"], 1);
}
