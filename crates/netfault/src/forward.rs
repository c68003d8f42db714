//! The upstream leg: replay the client's request to the real server.

use std::net::SocketAddr;

use bytes::Bytes;
use hyper::header::{HeaderMap, HeaderName, CONNECTION, CONTENT_LENGTH, HOST};
use hyper::http::request::Parts;

/// Headers that describe one hop's connection rather than the message (RFC 9110 §7.6.1);
/// copying them would make the two legs disagree about framing or keep-alive. Upgrades
/// (WebSocket) cannot pass through a request/response proxy anyway.
const HOP_BY_HOP: [&str; 9] = [
    "connection",
    "proxy-connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
];

pub(crate) fn upstream_client() -> reqwest::Client {
    reqwest::Client::builder()
        // A proxy from the environment would put another hop in front of the hub.
        .no_proxy()
        // Redirects and retries are the client's business: each request the test sends must
        // reach upstream at most once, or "forwarded" and upstream's commit count lie.
        .redirect(reqwest::redirect::Policy::none())
        .retry(reqwest::retry::never())
        .build()
        .expect("a plain-HTTP reqwest client builds without TLS or proxy settings")
}

/// Sends the request upstream and returns once the response head has arrived.
pub(crate) async fn send(
    client: &reqwest::Client,
    upstream: SocketAddr,
    parts: Parts,
    body: Bytes,
) -> reqwest::Result<reqwest::Response> {
    let path_and_query = parts.uri.path_and_query().map_or("/", |pq| pq.as_str());
    let url = format!("http://{upstream}{path_and_query}");
    let mut headers = parts.headers;
    strip_hop_by_hop(&mut headers);
    // reqwest derives both from the URL and the body it is given.
    headers.remove(HOST);
    headers.remove(CONTENT_LENGTH);
    let mut request = client.request(parts.method, url).headers(headers);
    if !body.is_empty() {
        request = request.body(body);
    }
    request.send().await
}

/// Removes hop-by-hop headers, including any the `Connection` header names.
pub(crate) fn strip_hop_by_hop(headers: &mut HeaderMap) {
    let named: Vec<HeaderName> = headers
        .get_all(CONNECTION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|name| HeaderName::from_bytes(name.trim().as_bytes()).ok())
        .collect();
    for name in named {
        headers.remove(name);
    }
    for name in HOP_BY_HOP {
        headers.remove(name);
    }
}
