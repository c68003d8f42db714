//! How every connection to the hub database is opened, in one place so the writer and the
//! readers never disagree on durability or locking.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

/// Rides out a checkpoint or a large demo import; a stuck database becomes a 503 rather than
/// a hung request.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

pub(super) fn open_writer(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // WAL lets readers serve bootstrap and feed pages while the writer commits. A server has
    // acknowledged writes to clients, so commits are fully synced (unlike the console replica,
    // which can refetch from the hub).
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

pub(super) fn open_reader(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}
