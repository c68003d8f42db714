//! TypeScript declarations for every type that crosses IPC, generated from these Rust types so
//! the UI cannot drift from the core. The app's test suite regenerates them and fails when the
//! committed files under `ui/src/lib/bindings/` differ (see `tests/bindings.rs`).

use std::path::Path;

use ts_rs::{Config, ExportError, TS};

use crate::*;

/// Our integers are counts, ids and Unix milliseconds, all far below 2^53, so `number` is exact
/// and spares the UI from `bigint` arithmetic.
pub fn config(out_dir: &Path) -> Config {
    Config::new().with_large_int("number").with_out_dir(out_dir)
}

/// Writes one `.ts` file per type (and its dependencies) into `out_dir`.
pub fn export_all(out_dir: &Path) -> Result<(), ExportError> {
    let cfg = config(out_dir);
    ApiError::export_all(&cfg)?;
    WorkspaceInfo::export_all(&cfg)?;
    SessionInfo::export_all(&cfg)?;
    TaxonomyInfo::export_all(&cfg)?;
    InboxQuery::export_all(&cfg)?;
    InboxPage::export_all(&cfg)?;
    ViewCount::export_all(&cfg)?;
    TicketDetail::export_all(&cfg)?;
    SearchResult::export_all(&cfg)?;
    ConsoleEvent::export_all(&cfg)?;
    TicketEdit::export_all(&cfg)?;
    SyncStatus::export_all(&cfg)?;
    AttentionItem::export_all(&cfg)?;
    Resolution::export_all(&cfg)?;
    CategorySuggestion::export_all(&cfg)?;
    AlertSettings::export_all(&cfg)?;
    InWindowAlert::export_all(&cfg)?;
    Macro::export_all(&cfg)?;
    Language::export_all(&cfg)?;
    Dashboard::export_all(&cfg)?;
    Ok(())
}

/// The TypeScript name of a type, for generated command signatures.
pub fn ts_name<T: TS>(out_dir: &Path) -> String {
    T::name(&config(out_dir))
}
