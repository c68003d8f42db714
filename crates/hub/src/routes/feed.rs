//! Replication: bootstrap pages, then the change feed.

use axum::extract::State;
use desk_wire::{
    BootstrapPage, BootstrapQuery, ChangesPage, ChangesQuery, HubError, MAX_BOOTSTRAP_PAGE,
    MAX_CHANGES_PAGE,
};

use super::{AppState, Authed, HttpError, Json, Query};
use crate::store::{BootstrapCursor, HubStore};

const DEFAULT_BOOTSTRAP_PAGE: u32 = 100;
const DEFAULT_CHANGES_PAGE: u32 = 500;

/// Oversized pages are capped rather than refused, so a client written against a larger cap
/// still works; an empty page is a client bug.
fn page_size(asked: Option<u32>, default: u32, max: u32) -> Result<u32, HttpError> {
    match asked {
        None => Ok(default),
        Some(0) => Err(HttpError::invalid("limit must be at least 1")),
        Some(n) => Ok(n.min(max)),
    }
}

#[utoipa::path(get, path = "/api/bootstrap", tag = "feed", params(BootstrapQuery),
    responses(
        (status = 200, description = "One page of tickets, in id order", body = BootstrapPage),
        (status = 400, description = "Bad cursor or limit", body = HubError),
        (status = 401, description = "No live token", body = HubError),
    ))]
pub async fn bootstrap<S: HubStore>(
    _authed: Authed,
    State(state): State<AppState<S>>,
    Query(q): Query<BootstrapQuery>,
) -> Result<Json<BootstrapPage>, HttpError> {
    let limit = page_size(q.limit, DEFAULT_BOOTSTRAP_PAGE, MAX_BOOTSTRAP_PAGE)?;
    let cursor = match q.cursor.as_deref() {
        None | Some("") => None,
        Some(c) => Some(
            BootstrapCursor::decode(c)
                .ok_or_else(|| HttpError::invalid("cursor is not one this hub issued"))?,
        ),
    };
    Ok(Json(state.store.bootstrap(cursor, limit).await?))
}

#[utoipa::path(get, path = "/api/changes", tag = "feed", params(ChangesQuery),
    responses(
        (status = 200, description = "Changes after `after`, in seq order", body = ChangesPage),
        (status = 400, description = "Bad after or limit", body = HubError),
        (status = 401, description = "No live token", body = HubError),
    ))]
pub async fn changes<S: HubStore>(
    _authed: Authed,
    State(state): State<AppState<S>>,
    Query(q): Query<ChangesQuery>,
) -> Result<Json<ChangesPage>, HttpError> {
    let limit = page_size(q.limit, DEFAULT_CHANGES_PAGE, MAX_CHANGES_PAGE)?;
    if q.after < 0 {
        return Err(HttpError::invalid("after must be 0 or a seq"));
    }
    Ok(Json(state.store.changes(q.after, limit).await?))
}
