//! Small facts about the workspace itself: who is signed in, whether it holds demo data.

use rusqlite::{Connection, OptionalExtension};

pub(crate) const M_20261122_CREATE: &str = "
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
";

pub(crate) const AGENT_ID: &str = "agent_id";
pub(crate) const DEMO: &str = "demo";
/// The hub this replica follows, so a replica is never mixed with another hub's tickets.
pub(crate) const HUB_URL: &str = "hub_url";
/// The change feed position the replica has applied; absent until the bootstrap completed.
pub(crate) const FEED_AFTER: &str = "feed_after";
/// An unfinished bootstrap's next page cursor and the feed position it started at.
pub(crate) const BOOTSTRAP_CURSOR: &str = "bootstrap_cursor";
pub(crate) const BOOTSTRAP_SNAPSHOT: &str = "bootstrap_snapshot";
pub(crate) const BOOTSTRAP_DONE: &str = "bootstrap_done";
pub(crate) const BOOTSTRAP_TOTAL: &str = "bootstrap_total";
/// The `CREATE INDEX` statements of indexes a bootstrap set aside (JSON), until rebuilt.
pub(crate) const DEFERRED_INDEXES: &str = "deferred_indexes";

pub(crate) fn delete(conn: &Connection, key: &str) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM meta WHERE key = ?1", [key])?;
    Ok(())
}

pub(crate) fn set(conn: &Connection, key: &str, value: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )?;
    Ok(())
}

pub(crate) fn get(conn: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()
}
