//! A tiny real upstream for the proxy tests: it counts committed writes and serves a
//! live stream the test drives event by event.
// Each test binary compiles this module and uses a different part of it.
#![allow(dead_code)]

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use futures_util::stream::{self, StreamExt};
use serde_json::{json, Value};
use tokio::sync::broadcast;

/// Sent on the event channel, it ends every open stream cleanly.
pub const END: &str = "END";
/// Generous bound for anything that should happen "at once"; only hit when a test fails.
pub const PATIENCE: Duration = Duration::from_secs(5);

pub struct Upstream {
    pub addr: SocketAddr,
    state: Arc<UpState>,
}

struct UpState {
    commits: AtomicU64,
    events: broadcast::Sender<String>,
}

impl Upstream {
    pub async fn start() -> Upstream {
        let state = Arc::new(UpState {
            commits: AtomicU64::new(0),
            events: broadcast::channel(16).0,
        });
        let app = Router::new()
            .route("/api/edits", post(edit))
            .route("/api/ack", post(ack))
            .route("/api/blob", get(blob))
            .route("/api/events", get(events))
            .with_state(Arc::clone(&state));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Upstream { addr, state }
    }

    /// Writes upstream has committed, whatever happened to their responses afterwards.
    pub fn commits(&self) -> u64 {
        self.state.commits.load(Ordering::SeqCst)
    }

    /// Waits until `n` clients are listening on `/api/events`, so an event sent next
    /// cannot be lost to a stream that has not subscribed yet.
    pub async fn wait_for_listeners(&self, n: usize) {
        let waiting = async {
            while self.state.events.receiver_count() < n {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        };
        tokio::time::timeout(PATIENCE, waiting)
            .await
            .expect("the stream request should have reached upstream");
    }

    pub fn emit(&self, event: &str) {
        self.state.events.send(event.to_owned()).unwrap();
    }
}

/// A committed write that echoes what arrived, padded so a half body is clearly partial.
async fn edit(
    State(state): State<Arc<UpState>>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let commit = state.commits.fetch_add(1, Ordering::SeqCst) + 1;
    let header = |name| headers.get(name).and_then(|v| v.to_str().ok());
    let echo = json!({
        "commit": commit,
        "query": query,
        "authorization": header(AUTHORIZATION),
        "content_type": header(CONTENT_TYPE),
        "body": String::from_utf8_lossy(&body),
        "padding": "x".repeat(4096),
    });
    ([("x-upstream", "edits")], Json(echo)).into_response()
}

/// A committed write with no response body.
async fn ack(State(state): State<Arc<UpState>>) -> StatusCode {
    state.commits.fetch_add(1, Ordering::SeqCst);
    StatusCode::NO_CONTENT
}

/// Big enough to span many chunks on both legs.
pub const BLOB_LEN: usize = 256 * 1024;

/// Deterministic bytes, so proxied and direct answers can be compared byte for byte.
async fn blob() -> Vec<u8> {
    blob_bytes(BLOB_LEN)
}

pub fn blob_bytes(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i % 251) as u8).collect()
}

/// One SSE frame per emitted event; the stream stays open until [`END`].
async fn events(State(state): State<Arc<UpState>>) -> Response {
    let frames = stream::unfold(state.events.subscribe(), |mut rx| async move {
        match rx.recv().await {
            Ok(event) if event != END => {
                Some((Ok::<_, Infallible>(format!("data: {event}\n\n")), rx))
            }
            _ => None,
        }
    });
    (
        [(CONTENT_TYPE, "text/event-stream")],
        Body::from_stream(frames.boxed()),
    )
        .into_response()
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().unwrap()
}

/// The next chunk of a streaming body, failing the test instead of hanging.
pub async fn next_chunk(
    chunks: &mut (impl futures_util::Stream<Item = reqwest::Result<Bytes>> + Unpin),
) -> Option<reqwest::Result<Bytes>> {
    tokio::time::timeout(PATIENCE, chunks.next())
        .await
        .expect("the stream should move promptly: it must not be buffered or left hanging")
}

/// The body of an SSE frame, e.g. `tick 1` for `data: tick 1\n\n`.
pub fn frame_text(chunk: &Bytes) -> String {
    String::from_utf8_lossy(chunk).trim().to_owned()
}

pub fn json_body(text: &str) -> Value {
    serde_json::from_str(text).expect("a JSON body")
}
