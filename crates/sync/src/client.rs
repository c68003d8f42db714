//! The hub's HTTP API as the console calls it. Every failure is classified once, here: either
//! retrying later can help (the network, a busy or restarting hub, a 429) or it cannot (the
//! hub refused the request as such), so the engine never guesses from status codes.

use std::time::Duration;

use desk_domain::TicketId;
use desk_wire::{
    BootstrapPage, ChangesPage, Edit, EditBatch, EditResult, HubError, HubErrorCode, HubTicket,
    LoginRequest, LoginResponse,
};
use reqwest::{header, Response, StatusCode};
use serde::de::DeserializeOwned;

/// A request that has not answered within this is treated as lost: the hub or the network
/// stalled. Edits are idempotent, so a retry after a timeout is safe.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// Retrying later may work. `retry_after` is the hub's `Retry-After`, if it sent one.
    #[error("the hub is unreachable or busy: {reason}")]
    Transient {
        reason: String,
        retry_after: Option<Duration>,
    },
    /// The session is gone: sign in again.
    #[error("the hub no longer accepts this session: {0}")]
    Unauthorized(String),
    /// The hub refused the request; the same request will be refused again.
    #[error("the hub refused the request: {}", .0.message)]
    Refused(HubError),
}

impl ClientError {
    fn transport(e: reqwest::Error) -> Self {
        ClientError::Transient {
            reason: transport_reason(&e).to_string(),
            retry_after: None,
        }
    }
}

/// Connection refused, reset, timed out, or a body cut off mid-way: all are the network.
fn transport_reason(e: &reqwest::Error) -> &'static str {
    if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "cannot connect"
    } else if e.is_decode() || e.is_body() {
        "the answer was cut off"
    } else {
        "network error"
    }
}

pub use desk_wire::Team;

/// Why a sign-in from the console's form failed, in the terms the agent can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignInError {
    #[error("wrong agent or password")]
    WrongCredentials,
    /// Nothing answered, or it was too busy to: check the address and the network.
    #[error("the hub cannot be reached: {0}")]
    Unreachable(String),
    /// Something answered, but not as a hub does (a web page, another service).
    #[error("this address does not answer like a hub: {0}")]
    NotAHub(String),
}

#[derive(Clone)]
pub struct HubClient {
    http: reqwest::Client,
    base: String,
    token: Option<String>,
    timeout: Duration,
}

impl HubClient {
    pub fn new(base_url: &str) -> Result<Self, ClientError> {
        let http = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .build()
            .map_err(ClientError::transport)?;
        Ok(Self {
            http,
            base: base_url.trim_end_matches('/').to_string(),
            token: None,
            timeout: REQUEST_TIMEOUT,
        })
    }

    /// How long a request may take before it counts as lost (tests use short ones).
    pub fn set_timeout(&mut self, timeout: Duration) {
        self.timeout = timeout;
    }

    pub fn base_url(&self) -> &str {
        &self.base
    }

    pub fn set_token(&mut self, token: Option<String>) {
        self.token = token;
    }

    pub fn has_token(&self) -> bool {
        self.token.is_some()
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn authed(&self, rb: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match &self.token {
            Some(t) => rb.bearer_auth(t),
            None => rb,
        }
    }

    pub async fn login(
        &self,
        agent_id: &str,
        password: &str,
    ) -> Result<LoginResponse, ClientError> {
        let body = LoginRequest {
            agent_id: Some(agent_id.to_string()),
            email: None,
            password: password.to_string(),
        };
        let rb = self.http.post(self.url("/api/login")).json(&body);
        json(rb.timeout(self.timeout).send().await).await
    }

    /// Signs in from the sign-in form: `login` is an agent id, or an email when it has an
    /// `@`. Unlike [`HubClient::login`], every failure says what the agent should check.
    pub async fn sign_in(&self, login: &str, password: &str) -> Result<LoginResponse, SignInError> {
        let (agent_id, email) = if login.contains('@') {
            (None, Some(login.to_string()))
        } else {
            (Some(login.to_string()), None)
        };
        let body = LoginRequest {
            agent_id,
            email,
            password: password.to_string(),
        };
        let rb = self.http.post(self.url("/api/login")).json(&body);
        let res = rb
            .timeout(self.timeout)
            .send()
            .await
            .map_err(|e| SignInError::Unreachable(transport_reason(&e).into()))?;
        let status = res.status();
        if status == StatusCode::UNAUTHORIZED {
            return Err(SignInError::WrongCredentials);
        }
        if status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS {
            return Err(SignInError::Unreachable(format!("it answered {status}")));
        }
        if !status.is_success() {
            return Err(SignInError::NotAHub(format!("it answered {status}")));
        }
        let bytes = res
            .bytes()
            .await
            .map_err(|_| SignInError::Unreachable("the answer was cut off".into()))?;
        serde_json::from_slice(&bytes)
            .map_err(|_| SignInError::NotAHub("its answer is not a hub's sign-in".into()))
    }

    /// Ends this session on the hub (sign-out). The token stops working at once.
    pub async fn logout(&self) -> Result<(), ClientError> {
        let rb = self.authed(self.http.post(self.url("/api/logout")));
        let res = rb
            .timeout(self.timeout)
            .send()
            .await
            .map_err(ClientError::transport)?;
        check(res).await.map(|_| ())
    }

    pub async fn team(&self) -> Result<Team, ClientError> {
        self.get("/api/team", &[]).await
    }

    pub async fn bootstrap(
        &self,
        cursor: Option<&str>,
        limit: u32,
    ) -> Result<BootstrapPage, ClientError> {
        let limit = limit.to_string();
        let mut q = vec![("limit", limit.as_str())];
        if let Some(c) = cursor {
            q.push(("cursor", c));
        }
        self.get("/api/bootstrap", &q).await
    }

    pub async fn changes(&self, after: i64, limit: u32) -> Result<ChangesPage, ClientError> {
        let (after, limit) = (after.to_string(), limit.to_string());
        self.get("/api/changes", &[("after", &after), ("limit", &limit)])
            .await
    }

    pub async fn ticket(&self, id: TicketId) -> Result<Option<HubTicket>, ClientError> {
        match self.get(&format!("/api/tickets/{id}"), &[]).await {
            Ok(t) => Ok(Some(t)),
            Err(ClientError::Refused(e)) if e.code == HubErrorCode::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub async fn send_edits(&self, edits: Vec<Edit>) -> Result<Vec<EditResult>, ClientError> {
        let rb = self
            .authed(self.http.post(self.url("/api/edits")))
            .json(&EditBatch { edits });
        json(rb.timeout(self.timeout).send().await).await
    }

    /// Opens the live event stream; the caller reads it until it ends or errs. No timeout:
    /// the hub keeps it open and sends keep-alives.
    pub async fn events(&self) -> Result<Response, ClientError> {
        let rb = self
            .authed(self.http.get(self.url("/api/events")))
            .header(header::ACCEPT, "text/event-stream");
        let res = rb.send().await.map_err(ClientError::transport)?;
        check(res).await
    }

    async fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<T, ClientError> {
        let rb = self.authed(self.http.get(self.url(path))).query(query);
        json(rb.timeout(self.timeout).send().await).await
    }
}

async fn json<T: DeserializeOwned>(sent: reqwest::Result<Response>) -> Result<T, ClientError> {
    let res = check(sent.map_err(ClientError::transport)?).await?;
    // simd-json rather than serde_json: a bootstrap page is a few MB of JSON, and decoding
    // it competed with the store's writer for the same cores; the same bootstrap copied 6-8%
    // more tickets a second (BENCHMARKS.md, figure 1). It parses in place, so it takes a
    // buffer of its own (`Bytes` gives up its allocation when nothing else holds it).
    let mut bytes = Vec::from(res.bytes().await.map_err(ClientError::transport)?);
    simd_json::serde::from_slice(&mut bytes).map_err(|e| ClientError::Transient {
        // A 200 whose body does not parse was cut or mangled on the way (a proxy); the hub
        // itself always sends well-formed JSON.
        reason: format!("unreadable answer from the hub: {e}"),
        retry_after: None,
    })
}

/// Classifies a response's status: success passes through, anything else becomes an error.
async fn check(res: Response) -> Result<Response, ClientError> {
    let status = res.status();
    if status.is_success() {
        return Ok(res);
    }
    let retry_after = res
        .headers()
        .get(header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
    let body: Option<HubError> = res.json().await.ok();
    let message = body
        .as_ref()
        .map(|b| b.message.clone())
        .unwrap_or_else(|| status.to_string());
    match status {
        StatusCode::UNAUTHORIZED => Err(ClientError::Unauthorized(message)),
        StatusCode::TOO_MANY_REQUESTS | StatusCode::REQUEST_TIMEOUT => {
            Err(ClientError::Transient {
                reason: message,
                retry_after,
            })
        }
        s if s.is_server_error() => Err(ClientError::Transient {
            reason: format!("{s}: {message}"),
            retry_after,
        }),
        s => Err(ClientError::Refused(body.unwrap_or_else(|| {
            HubError::new(HubErrorCode::InvalidInput, format!("{s}: {message}"))
        }))),
    }
}

#[cfg(test)]
mod tests {
    use desk_wire::{BootstrapPage, HubTicket};

    use super::*;

    fn answer(body: impl Into<String>) -> reqwest::Result<Response> {
        let res = http::Response::builder()
            .status(200)
            .header("content-type", "application/json")
            .body(body.into())
            .expect("a valid response");
        Ok(Response::from(res))
    }

    /// The console decodes with simd-json while the hub encodes with serde_json: a page of
    /// demo tickets (Chinese and English text, escapes, optional fields absent and present)
    /// must come back exactly as the hub meant it.
    #[tokio::test]
    async fn a_page_decodes_to_what_the_hub_encoded() {
        let mut demo = desk_demo::Generator::new(7, 1_700_000_000_000);
        let mut tickets: Vec<HubTicket> = (1..=200)
            .map(|id| HubTicket {
                version: id,
                ticket: demo.ticket(id),
            })
            .collect();
        tickets[0].ticket.subject = "引号 \" 反斜杠 \\ 换行 \n 制表 \t \u{1F4B8} \u{0}".into();
        let page = BootstrapPage {
            tickets,
            cursor: Some("c".into()),
            cursors_ahead: vec!["d".into(), "e".into()],
            has_more: true,
            snapshot_seq: 42,
            total: Some(200),
        };
        let body = serde_json::to_string(&page).unwrap();
        let decoded: BootstrapPage = json(answer(body)).await.unwrap();
        assert_eq!(decoded, page);
    }

    /// A 200 whose body is cut or mangled on the way is a transient failure to retry, not a
    /// page with holes.
    #[tokio::test]
    async fn a_mangled_answer_is_a_transient_error() {
        for body in ["{\"tickets\": [", "not json", "", "{\"tickets\": 5}"] {
            match json::<BootstrapPage>(answer(body)).await {
                Err(ClientError::Transient { reason, .. }) => {
                    assert!(
                        reason.starts_with("unreadable answer from the hub"),
                        "{reason}"
                    )
                }
                other => panic!("{body:?} gave {other:?}"),
            }
        }
    }
}
