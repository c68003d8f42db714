//! How Wallet Desk uses SQLite, in one place for both databases (the console's replica and the
//! hub's store): every connection gets the same durability and locking settings; one thread
//! owns the only read-write connection and runs writes in arrival order, so async callers await
//! results instead of blocking and SQLite never answers "database is locked" (Zed's sqlez
//! design); reads use pooled read-only connections inside a transaction, so each read sees one
//! consistent snapshot while the writer commits (WAL).

mod connection;
mod readers;
mod writer;

pub use connection::{open_reader, open_writer, BUSY_TIMEOUT};
pub use readers::Readers;
pub use writer::Writer;

/// The database can no longer serve requests: its writer thread is gone, or a read task died.
/// Retrying after a restart can help, so callers map this to their "unavailable" error.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{0}")]
pub struct Gone(pub &'static str);

/// Why a database could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("cannot open the database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("schema migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("cannot start the writer thread: {0}")]
    Thread(#[from] std::io::Error),
}

/// Busy and locked mean another process holds the file (a backup, an admin's sqlite3 shell):
/// worth retrying, unlike every other SQLite error.
pub fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}
