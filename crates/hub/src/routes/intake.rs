//! Customer messages from the channel connectors.

use axum::extract::State;
use axum::http::StatusCode;
use desk_wire::{HubError, IntakeMessage, IntakeResult};

use super::{now_millis, AppState, Authed, HttpError, Json};
use crate::store::{HubStore, StoreError};

impl<S: HubStore> AppState<S> {
    /// Files one customer message as every source does (this endpoint and the simulator):
    /// the store triages and routes it in its transaction, then consoles hear of it live.
    pub async fn file_message(&self, message: IntakeMessage) -> Result<IntakeResult, StoreError> {
        let (result, advance) = self.store.intake(message, now_millis()).await?;
        self.announce(advance);
        Ok(result)
    }
}

#[utoipa::path(post, path = "/api/intake", tag = "intake", request_body = IntakeMessage,
    responses(
        (status = 201, description = "A new ticket was opened", body = IntakeResult),
        (status = 200, description = "The message joined an existing ticket", body = IntakeResult),
        (status = 400, description = "Malformed or incomplete message", body = HubError),
        (status = 401, description = "No live token", body = HubError),
        (status = 413, description = "Over 10 MiB", body = HubError),
        (status = 422, description = "Wrong field types or an unknown channel", body = HubError),
    ))]
pub async fn intake<S: HubStore>(
    _authed: Authed,
    State(state): State<AppState<S>>,
    Json(message): Json<IntakeMessage>,
) -> Result<(StatusCode, Json<IntakeResult>), HttpError> {
    let result = state.file_message(message).await?;
    let status = if result.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(result)))
}
