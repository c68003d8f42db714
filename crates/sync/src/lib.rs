//! The console's sync engine. The local replica (desk-store) is the source of truth for the UI;
//! this crate keeps it in step with the hub: a resumable bootstrap, then change-feed pulls
//! driven by the hub's live stream (with polling as a fallback), and the durable outbox pushed
//! in batches. Every edit carries a client-made id, so a retry after a lost response is applied
//! once; held and refused edits go to the agent's attention list, never silently away.

mod ahead;
mod backoff;
mod client;
mod engine;
mod run;

pub use backoff::Backoff;
pub use client::{ClientError, HubClient, SignInError, Team, REQUEST_TIMEOUT};
pub use engine::{Credentials, CycleReport, Engine, SyncError};
pub use run::{initial_status, spawn, RunOptions, SyncEvent, SyncHandle};

/// A fresh id for an edit the agent just made.
pub fn new_edit_id() -> String {
    uuid::Uuid::new_v4().to_string()
}
