//! The hub's HTTP wire types, shared by the hub and the console's sync engine. Plain serde
//! types over the domain model; the hub's OpenAPI document is derived from them when the
//! `utoipa` feature is on (the hub turns it on, the console does not pay for it).

mod auth;
mod edit;
mod error;
mod feed;
mod intake;
mod team;

pub use auth::{LoginRequest, LoginResponse};
pub use edit::{Edit, EditBatch, EditOp, EditOutcome, EditResult, MAX_EDITS_PER_BATCH};
pub use error::{HubError, HubErrorCode};
pub use feed::{
    BootstrapPage, BootstrapQuery, Change, ChangeKind, ChangesPage, ChangesQuery, FeedEvent,
    HubTicket, MAX_BOOTSTRAP_PAGE, MAX_CHANGES_PAGE,
};
pub use intake::{
    Attachment, CallDirection, CallMeta, CustomerRef, InAppMeta, IntakeMessage, IntakeResult,
};
pub use team::Team;
