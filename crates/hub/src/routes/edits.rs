//! Agents' edits from the console outbox.

use axum::extract::State;
use desk_wire::{EditBatch, EditResult, HubError, MAX_EDITS_PER_BATCH};

use super::{now_millis, AppState, Authed, HttpError, Json};
use crate::store::HubStore;

#[utoipa::path(post, path = "/api/edits", tag = "edits", request_body = EditBatch,
    responses(
        (status = 200, description = "One result per edit, in order", body = Vec<EditResult>),
        (status = 400, description = "Malformed batch", body = HubError),
        (status = 401, description = "No live token", body = HubError),
        (status = 413, description = "Over 1 MiB", body = HubError),
        (status = 422, description = "Wrong field types", body = HubError),
    ))]
pub async fn edits<S: HubStore>(
    authed: Authed,
    State(state): State<AppState<S>>,
    Json(batch): Json<EditBatch>,
) -> Result<Json<Vec<EditResult>>, HttpError> {
    if batch.edits.len() > MAX_EDITS_PER_BATCH {
        return Err(HttpError::invalid(format!(
            "a batch holds at most {MAX_EDITS_PER_BATCH} edits"
        )));
    }
    let (results, advance) = state
        .store
        .apply_edits(authed.agent, batch.edits, now_millis())
        .await?;
    state.announce(advance);
    Ok(Json(results))
}
