//! support-hub: the help-desk server Wallet Desk consoles sync with. Channel connectors post
//! customer messages to intake; consoles bootstrap, follow the change feed, listen for live
//! events and send agents' edits, each applied exactly once.
//!
//! The HTTP layer ([`routes`]) is generic over [`HubStore`]; [`SqliteStore`] is the embedded
//! default. Decisions that do not need a database live in [`rules`] and [`triage`].
//! [`embedded::EmbeddedHub`] runs a whole hub (optionally a demo with [`simulator`] traffic)
//! on the caller's runtime; [`classify`] is triage for scripts.

pub mod classify;
pub mod embedded;
pub mod password;
pub mod routes;
pub mod rules;
pub mod seed;
pub mod simulator;
pub mod store;
pub mod token;
pub mod triage;

pub use routes::{router, AppState};
pub use store::{HubStore, SqliteStore, StoreError};

/// Serves the API on `listener` until the process ends. Every write is a committed
/// transaction before it is acknowledged, so stopping the process at any point is safe.
pub async fn serve<S: HubStore>(
    listener: tokio::net::TcpListener,
    store: S,
) -> std::io::Result<()> {
    axum::serve(listener, router(AppState::new(store))).await
}
