//! The HTTP API: routes split by domain, one JSON error shape for every failure (axum's own
//! rejections are plain text, so each is mapped), bearer auth as an extractor.

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, FromRequest, FromRequestParts};
use axum::http::{header, request::Parts, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use desk_domain::{Agent, Millis};
use desk_wire::{HubError, HubErrorCode};
use serde::Serialize;
use tokio::sync::broadcast;
use tokio_util::sync::CancellationToken;
use tower_http::catch_panic::CatchPanicLayer;

use crate::store::{FeedAdvance, HubStore, StoreError};

pub mod auth;
pub mod edits;
pub mod events;
pub mod feed;
pub mod intake;
pub mod openapi;
pub mod tickets;

/// Edits, logins and queries are small; a megabyte is a generous batch of 500 edits.
pub const BODY_LIMIT: usize = 1024 * 1024;
/// In-app feedback may carry screenshots.
pub const INTAKE_BODY_LIMIT: usize = 10 * 1024 * 1024;

pub struct AppState<S> {
    pub store: Arc<S>,
    /// Each write that advanced the feed announces its newest seq here, for `/api/events`.
    pub feed: broadcast::Sender<i64>,
    /// Fires when the hub shuts down. Event streams end on it; they would otherwise hold a
    /// graceful shutdown open for as long as a console stays connected.
    pub closing: CancellationToken,
}

impl<S> Clone for AppState<S> {
    fn clone(&self) -> Self {
        Self {
            store: self.store.clone(),
            feed: self.feed.clone(),
            closing: self.closing.clone(),
        }
    }
}

impl<S: HubStore> AppState<S> {
    pub fn new(store: S) -> Self {
        Self::with_closing(store, CancellationToken::new())
    }

    /// State whose event streams end when `closing` fires.
    pub fn with_closing(store: S, closing: CancellationToken) -> Self {
        // Subscribers that fall behind skip to the newest seq, which says all they need.
        let (feed, _) = broadcast::channel(64);
        Self {
            store: Arc::new(store),
            feed,
            closing,
        }
    }

    pub fn announce(&self, advance: FeedAdvance) {
        if let Some(seq) = advance {
            // No subscribers is fine: nobody is listening live.
            let _ = self.feed.send(seq);
        }
    }
}

pub fn router<S: HubStore>(state: AppState<S>) -> Router {
    let intake = Router::new()
        .route("/api/intake", post(intake::intake::<S>))
        .layer(DefaultBodyLimit::max(INTAKE_BODY_LIMIT));
    Router::new()
        .route("/api/health", get(health))
        .route("/api/login", post(auth::login::<S>))
        .route("/api/logout", post(auth::logout::<S>))
        .route("/api/team", get(auth::team::<S>))
        .route("/api/bootstrap", get(feed::bootstrap::<S>))
        .route("/api/changes", get(feed::changes::<S>))
        .route("/api/edits", post(edits::edits::<S>))
        .route("/api/events", get(events::events::<S>))
        .route(
            "/api/tickets/{id}",
            get(tickets::ticket::<S>).delete(tickets::delete::<S>),
        )
        .route("/api/tickets/{id}/merge", post(tickets::merge::<S>))
        .route("/api/openapi.json", get(openapi::document::<S>))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .merge(intake)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(CatchPanicLayer::custom(|_| {
            HttpError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                HubErrorCode::Internal,
                "the hub hit a bug",
            )
            .into_response()
        }))
        .with_state(state)
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Health {
    pub status: &'static str,
}

#[utoipa::path(get, path = "/api/health", tag = "hub", security(),
    responses((status = 200, description = "The hub is up", body = Health)))]
pub async fn health() -> Json<Health> {
    Json(Health { status: "ok" })
}

async fn not_found() -> HttpError {
    HttpError::new(
        StatusCode::NOT_FOUND,
        HubErrorCode::NotFound,
        "no such endpoint",
    )
}

async fn method_not_allowed() -> HttpError {
    HttpError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        HubErrorCode::InvalidInput,
        "method not allowed on this endpoint",
    )
}

pub fn now_millis() -> Millis {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as Millis)
}

/// Every failure the API returns: a status and the `{code, message}` body.
#[derive(Debug)]
pub struct HttpError {
    status: StatusCode,
    body: HubError,
}

impl HttpError {
    pub fn new(status: StatusCode, code: HubErrorCode, message: impl Into<String>) -> Self {
        Self {
            status,
            body: HubError::new(code, message),
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, HubErrorCode::InvalidInput, message)
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            HubErrorCode::Unauthorized,
            message,
        )
    }
}

impl IntoResponse for HttpError {
    fn into_response(self) -> Response {
        let mut res = (self.status, axum::Json(self.body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            res.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        res
    }
}

impl From<StoreError> for HttpError {
    fn from(e: StoreError) -> Self {
        let (status, code) = match &e {
            StoreError::Invalid(_) => (StatusCode::BAD_REQUEST, HubErrorCode::InvalidInput),
            StoreError::NotFound(_) => (StatusCode::NOT_FOUND, HubErrorCode::NotFound),
            StoreError::Conflict(_) => (StatusCode::CONFLICT, HubErrorCode::Conflict),
            StoreError::Unavailable(_) => (
                StatusCode::SERVICE_UNAVAILABLE,
                HubErrorCode::StoreUnavailable,
            ),
            StoreError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, HubErrorCode::Internal),
        };
        if status.is_server_error() {
            tracing::error!(error = %e, "request failed in the store");
        }
        Self::new(status, code, e.to_string())
    }
}

/// Keeps axum's status (400 syntax, 422 wrong shape, 413 too large, 415 not JSON) and its
/// explanation, in our body.
impl From<JsonRejection> for HttpError {
    fn from(r: JsonRejection) -> Self {
        let status = r.status();
        let code = if status == StatusCode::PAYLOAD_TOO_LARGE {
            HubErrorCode::PayloadTooLarge
        } else {
            HubErrorCode::InvalidInput
        };
        Self::new(status, code, r.body_text())
    }
}

impl From<QueryRejection> for HttpError {
    fn from(r: QueryRejection) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            HubErrorCode::InvalidInput,
            r.body_text(),
        )
    }
}

impl From<PathRejection> for HttpError {
    fn from(r: PathRejection) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            HubErrorCode::InvalidInput,
            r.body_text(),
        )
    }
}

/// `axum::Json`, with rejections in our error shape.
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(HttpError))]
pub struct Json<T>(pub T);

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// `axum::extract::Query`, with rejections in our error shape.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(HttpError))]
pub struct Query<T>(pub T);

/// `axum::extract::Path`, with rejections in our error shape.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(HttpError))]
pub struct Path<T>(pub T);

/// The signed-in agent behind the request's bearer token; 401 without a live one.
pub struct Authed {
    pub agent: Agent,
    pub token_hash: String,
}

impl<S: HubStore> FromRequestParts<AppState<S>> for Authed {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState<S>) -> Result<Self, HttpError> {
        let value = parts
            .headers
            .get(header::AUTHORIZATION)
            .ok_or_else(|| HttpError::unauthorized("missing Authorization: Bearer <token>"))?;
        let token = value
            .to_str()
            .ok()
            .and_then(|v| v.split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token.trim())
            .filter(|t| !t.is_empty())
            .ok_or_else(|| HttpError::unauthorized("Authorization must be 'Bearer <token>'"))?;
        let token_hash = crate::token::hash(token);
        let agent = state
            .store
            .session_agent(token_hash.clone(), now_millis())
            .await?
            .ok_or_else(|| HttpError::unauthorized("unknown or expired token; sign in again"))?;
        Ok(Self { agent, token_hash })
    }
}
