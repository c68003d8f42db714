//! One ticket: read it (the console refetches after an edit is rejected), delete it, or merge
//! a duplicate into it.

use axum::extract::State;
use axum::http::StatusCode;
use desk_domain::TicketId;
use desk_wire::{HubError, HubErrorCode, HubTicket};
use serde::{Deserialize, Serialize};

use super::{now_millis, AppState, Authed, HttpError, Json, Path};
use crate::store::{HubStore, TicketState};

/// The body of a merge: the ticket that absorbs the one in the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeRequest {
    #[schema(value_type = i64)]
    pub into: TicketId,
}

#[utoipa::path(get, path = "/api/tickets/{id}", tag = "tickets",
    params(("id" = i64, Path, description = "The ticket id")),
    responses(
        (status = 200, description = "The ticket as it is now", body = HubTicket),
        (status = 400, description = "The id is not a number", body = HubError),
        (status = 401, description = "No live token", body = HubError),
        (status = 404, description = "No such ticket, or deleted, or merged away (the message says which)",
            body = HubError),
    ))]
pub async fn ticket<S: HubStore>(
    _authed: Authed,
    State(state): State<AppState<S>>,
    Path(id): Path<TicketId>,
) -> Result<Json<HubTicket>, HttpError> {
    match state.store.ticket(id).await? {
        TicketState::Live(t) => Ok(Json(*t)),
        gone => Err(not_found(gone.absence(id))),
    }
}

#[utoipa::path(delete, path = "/api/tickets/{id}", tag = "tickets",
    params(("id" = i64, Path, description = "The ticket id")),
    responses(
        (status = 204, description = "Deleted with its thread; the feed says `deleted`"),
        (status = 400, description = "The id is not a number", body = HubError),
        (status = 401, description = "No live token", body = HubError),
        (status = 404, description = "No such live ticket", body = HubError),
    ))]
pub async fn delete<S: HubStore>(
    _authed: Authed,
    State(state): State<AppState<S>>,
    Path(id): Path<TicketId>,
) -> Result<StatusCode, HttpError> {
    let advance = state.store.delete_ticket(id, now_millis()).await?;
    state.announce(advance);
    tracing::info!(ticket = id, "ticket deleted");
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/tickets/{id}/merge", tag = "tickets", request_body = MergeRequest,
    params(("id" = i64, Path, description = "The ticket that is merged away")),
    responses(
        (status = 200, description = "The target after the merge, one version up", body = HubTicket),
        (status = 400, description = "Merging into itself, or into a ticket that is not live", body = HubError),
        (status = 401, description = "No live token", body = HubError),
        (status = 404, description = "The ticket in the path is not live", body = HubError),
        (status = 422, description = "The body is not {\"into\": <id>}", body = HubError),
    ))]
pub async fn merge<S: HubStore>(
    _authed: Authed,
    State(state): State<AppState<S>>,
    Path(id): Path<TicketId>,
    Json(req): Json<MergeRequest>,
) -> Result<Json<HubTicket>, HttpError> {
    let (target, advance) = state
        .store
        .merge_tickets(id, req.into, now_millis())
        .await?;
    state.announce(advance);
    tracing::info!(ticket = id, into = req.into, "ticket merged");
    Ok(Json(target))
}

fn not_found(message: Option<String>) -> HttpError {
    HttpError::new(
        StatusCode::NOT_FOUND,
        HubErrorCode::NotFound,
        message.unwrap_or_else(|| "no such ticket".into()),
    )
}
