//! The support console's domain model, shared by the console's store, its Tauri shell, the
//! demo generator and (later) the hub. It does no I/O, so everything here is tested as plain
//! functions; time is always passed in as Unix milliseconds rather than read from a clock.

pub mod alerting;
pub mod bindings;
pub mod dashboard;
pub mod edit;
pub mod error;
pub mod inbox;
pub mod macros;
pub mod sla;
pub mod sync;
pub mod taxonomy;
pub mod ticket;
mod vocabulary;
pub mod workspace;

pub use alerting::{local_minute_of_day, AlertSettings, BurstRule, InWindowAlert, QuietHours};
pub use dashboard::{CategoryCount, Dashboard, DayCount, LocalDay};
pub use edit::TicketEdit;
pub use error::{ApiError, ErrorCode};
pub use inbox::{InboxFilter, InboxPage, InboxQuery, InboxSort, InboxView, ViewCount};
pub use macros::{Language, Macro, MacroContext};
pub use sla::{first_response_target_minutes, sla_due_at};
pub use sync::{AttentionItem, AttentionKind, Connectivity, Progress, Resolution, SyncStatus};
pub use taxonomy::{Category, Channel, Localized};
pub use ticket::{
    Agent, Attachment, CategorySuggestion, Customer, DeviceInfo, Group, Message, MessageKind,
    Priority, Status, TicketDetail, TicketId, TicketRecord, TicketSummary, TriageNote,
    TriageSource, Verification,
};
pub use workspace::{
    CategoryInfo, ChannelInfo, ConsoleEvent, SearchResult, SessionInfo, TaxonomyInfo,
    WorkspaceInfo, CONSOLE_EVENT,
};

/// Unix time in milliseconds, UTC. Plain `i64` so it crosses SQLite, JSON and IPC unchanged.
pub type Millis = i64;

#[cfg(test)]
mod tests {
    #[test]
    fn bindings_export_without_error() {
        let dir = std::env::var_os("DESK_BINDINGS_OUT")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| {
                std::env::temp_dir().join(format!("desk-bindings-{}", std::process::id()))
            });
        crate::bindings::export_all(&dir).expect("every IPC type exports");
        assert!(
            dir.join("TicketDetail.ts").exists(),
            "the ticket view's type must be generated"
        );
    }
}
