//! Responses the proxy sends back: streamed pass-through, truncated, and canned errors.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use futures_util::stream::{self, BoxStream, StreamExt};
use http_body_util::combinators::UnsyncBoxBody;
use http_body_util::{BodyExt, Full, StreamBody};
use hyper::body::Frame;
use hyper::header::{HeaderMap, HeaderValue, CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER};
use hyper::{Response, StatusCode};
use tokio::sync::watch;

use crate::forward::strip_hop_by_hop;
use crate::state::Shared;

pub(crate) type BoxError = Box<dyn std::error::Error + Send + Sync>;
pub(crate) type ProxyBody = UnsyncBoxBody<Bytes, BoxError>;

/// How long the first half of a dropped response gets to reach the client before the
/// connection is aborted, so "half a body, then an error" is what the client really sees.
const DROP_FLUSH_GRACE: Duration = Duration::from_millis(50);

/// The error that makes hyper abort the connection instead of finishing the response.
pub(crate) fn injected(what: &str) -> BoxError {
    std::io::Error::other(format!("netfault: injected {what}")).into()
}

pub(crate) fn json(status: StatusCode, body: &'static str) -> Response<ProxyBody> {
    let mut response = Response::new(
        Full::new(Bytes::from_static(body.as_bytes()))
            .map_err(|never| match never {})
            .boxed_unsync(),
    );
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

pub(crate) fn server_error() -> Response<ProxyBody> {
    json(
        StatusCode::INTERNAL_SERVER_ERROR,
        r#"{"code":"internal","message":"injected"}"#,
    )
}

pub(crate) fn too_many_requests(retry_after_secs: u64) -> Response<ProxyBody> {
    let mut response = json(
        StatusCode::TOO_MANY_REQUESTS,
        r#"{"code":"store_unavailable","message":"slow down"}"#,
    );
    response
        .headers_mut()
        .insert(RETRY_AFTER, HeaderValue::from(retry_after_secs));
    response
}

/// What a real reverse proxy says when upstream cannot be reached: the test then sees
/// that its hub is down rather than a fault it did not ask for.
pub(crate) fn bad_gateway() -> Response<ProxyBody> {
    json(
        StatusCode::BAD_GATEWAY,
        r#"{"code":"upstream_unreachable","message":"netfault could not reach upstream"}"#,
    )
}

/// Upstream's status and headers, minus what belongs to upstream's own connection.
pub(crate) fn head_of(upstream: &reqwest::Response) -> (StatusCode, HeaderMap) {
    let mut headers = upstream.headers().clone();
    strip_hop_by_hop(&mut headers);
    (upstream.status(), headers)
}

fn with_head(status: StatusCode, headers: HeaderMap, body: ProxyBody) -> Response<ProxyBody> {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    response
}

/// Streams upstream's body through chunk by chunk. If `path` is taken offline meanwhile,
/// the body errors, which makes hyper abort the connection mid-stream.
pub(crate) fn streamed(
    upstream: reqwest::Response,
    shared: Arc<Shared>,
    path: String,
) -> Response<ProxyBody> {
    let (status, headers) = head_of(&upstream);
    let state = Streaming {
        chunks: upstream.bytes_stream().boxed(),
        changes: Some(shared.subscribe()),
        shared,
        path,
        done: false,
    };
    let body = StreamBody::new(stream::unfold(state, Streaming::next));
    with_head(status, headers, body.boxed_unsync())
}

struct Streaming {
    chunks: BoxStream<'static, reqwest::Result<Bytes>>,
    /// `None` once the change feed is gone: then only upstream can end the stream.
    changes: Option<watch::Receiver<u64>>,
    shared: Arc<Shared>,
    path: String,
    /// Set after an error: hyper should not poll again, but if it does, end cleanly.
    done: bool,
}

type Item = Result<Frame<Bytes>, BoxError>;

impl Streaming {
    async fn next(mut self) -> Option<(Item, Self)> {
        if self.done {
            return None;
        }
        loop {
            let changed = async {
                match self.changes.as_mut() {
                    Some(changes) => changes.changed().await.is_ok(),
                    None => std::future::pending().await,
                }
            };
            tokio::select! {
                chunk = self.chunks.next() => {
                    return match chunk? {
                        Ok(bytes) => Some((Ok(Frame::data(bytes)), self)),
                        Err(e) => {
                            self.done = true;
                            Some((Err(e.into()), self))
                        }
                    };
                }
                alive = changed => {
                    if !alive {
                        self.changes = None;
                    } else if self.shared.is_offline(&self.path) {
                        self.done = true;
                        return Some((Err(injected("offline (stream cut)")), self));
                    }
                }
            }
        }
    }
}

/// Upstream's head and about half of its body, then an abort. The full `Content-Length`
/// is announced so even a client that somehow saw a clean close knows the body is short.
pub(crate) fn dropped_midway(
    status: StatusCode,
    mut headers: HeaderMap,
    full: Bytes,
) -> Response<ProxyBody> {
    headers.insert(CONTENT_LENGTH, HeaderValue::from(full.len()));
    let half = full.slice(..full.len() / 2);
    let first: Item = Ok(Frame::data(half));
    let abort = async {
        tokio::time::sleep(DROP_FLUSH_GRACE).await;
        Err::<Frame<Bytes>, _>(injected("drop mid-response"))
    };
    let body = stream::once(async { first }).chain(stream::once(abort));
    with_head(status, headers, StreamBody::new(body).boxed_unsync())
}
