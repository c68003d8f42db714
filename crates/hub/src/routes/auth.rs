//! Signing in and out.

use axum::extract::State;
use axum::http::StatusCode;
use desk_wire::{HubError, LoginRequest, LoginResponse};

use super::{now_millis, AppState, Authed, HttpError, Json};
use crate::store::{HubStore, LoginName};
use crate::{password, token};

/// A working shift and then some; the console signs in again after.
pub const SESSION_MS: i64 = 24 * 60 * 60 * 1000;

#[utoipa::path(post, path = "/api/login", tag = "auth", security(), request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = LoginResponse),
        (status = 400, description = "Malformed request", body = HubError),
        (status = 401, description = "Wrong agent or password", body = HubError),
    ))]
pub async fn login<S: HubStore>(
    State(state): State<AppState<S>>,
    Json(req): Json<LoginRequest>,
) -> Result<Json<LoginResponse>, HttpError> {
    let name = match (req.agent_id, req.email) {
        (Some(id), None) => LoginName::AgentId(id),
        (None, Some(email)) => LoginName::Email(email),
        _ => return Err(HttpError::invalid("give exactly one of agent_id or email")),
    };
    let credentials = state.store.credentials(name).await?;
    let password = req.password;
    // Argon2 takes tens of milliseconds of CPU by design: keep it off the runtime workers.
    let agent = tokio::task::spawn_blocking(move || match credentials {
        Some(c) if password::verify(&password, &c.password_hash) => Some(c.agent),
        Some(_) => None,
        None => {
            password::verify_nobody(&password);
            None
        }
    })
    .await
    .map_err(|e| {
        HttpError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            desk_wire::HubErrorCode::Internal,
            e.to_string(),
        )
    })?
    .ok_or_else(|| HttpError::unauthorized("wrong agent or password"))?;
    let token = token::generate();
    let now = now_millis();
    let expires_at = now + SESSION_MS;
    state
        .store
        .create_session(token::hash(&token), agent.id.clone(), now, expires_at)
        .await?;
    Ok(Json(LoginResponse {
        token,
        agent,
        expires_at,
    }))
}

#[utoipa::path(post, path = "/api/logout", tag = "auth",
    responses(
        (status = 204, description = "The token no longer works"),
        (status = 401, description = "No live token", body = HubError),
    ))]
pub async fn logout<S: HubStore>(
    authed: Authed,
    State(state): State<AppState<S>>,
) -> Result<StatusCode, HttpError> {
    state.store.delete_session(authed.token_hash).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/team", tag = "auth",
    responses(
        (status = 200, description = "Agents and groups, for assignment and routing", body = desk_wire::Team),
        (status = 401, description = "No live token", body = HubError),
    ))]
pub async fn team<S: HubStore>(
    _authed: Authed,
    State(state): State<AppState<S>>,
) -> Result<Json<desk_wire::Team>, HttpError> {
    Ok(Json(state.store.team().await?))
}
