use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

/// Long enough to ride out a checkpoint or a large batch from another process; short enough
/// that a stuck database surfaces as an error instead of a frozen window or a hung request.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

pub fn open_writer(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // WAL lets readers work while the writer commits. FULL syncs every commit: the hub has
    // acknowledged what it stored, and the console's outbox holds edits an agent made offline,
    // so neither may lose a commit to a power cut. Bulk writes batch many rows per commit.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    // A WAL that grew large (a bootstrap, a bulk import, a reader holding an old snapshot)
    // shrinks back to this when SQLite next starts it over, rather than keeping that size
    // on disk for good.
    conn.pragma_update(None, "journal_size_limit", WAL_KEPT_BYTES)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

/// What a WAL file that grew larger is cut back to.
const WAL_KEPT_BYTES: i64 = 64 << 20;

pub fn open_reader(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}
