//! The OpenAPI document, generated from the handlers and wire types so it cannot drift.

use axum::extract::State;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{AppState, Authed, Json};
use crate::store::HubStore;

#[derive(OpenApi)]
#[openapi(
    info(title = "Wallet Desk hub", description = "Intake, replication and edits for Wallet Desk consoles."),
    paths(
        super::health,
        super::auth::login,
        super::auth::logout,
        super::auth::team,
        super::intake::intake,
        super::feed::bootstrap,
        super::feed::changes,
        super::edits::edits,
        super::events::events,
        super::tickets::ticket,
        super::tickets::delete,
        super::tickets::merge,
        document,
    ),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

#[utoipa::path(get, path = "/api/openapi.json", tag = "hub",
    responses((status = 200, description = "This document")))]
pub async fn document<S: HubStore>(
    _authed: Authed,
    State(_state): State<AppState<S>>,
) -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
