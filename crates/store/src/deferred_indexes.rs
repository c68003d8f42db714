//! Secondary indexes set aside while a bootstrap fills an empty replica, and built once at its
//! end. Keeping a dozen indexes current row by row was the largest cost left in a bootstrap
//! (perf: random b-tree inserts, and the WAL pages and checkpoints they dirty); building each
//! one from a sorted scan at the end costs a fraction of that.
//!
//! Crash safety: the indexes are dropped in the first page's transaction, together with a
//! `meta` row holding their exact `CREATE INDEX` statements, and rebuilt in the last page's
//! transaction, which deletes the row. A crash in between leaves the row, and the next
//! [`restore`] (every open of the store) rebuilds them before anything else runs, so the
//! schema is never left without an index, whatever happened to the bootstrap, and migrations
//! always find the schema they expect.

use rusqlite::Connection;

use crate::tables::meta;

/// Indexes named in `INDEXED BY` clauses (search's recency pick, the dashboard's counts).
/// Such a query fails outright when its index is missing, so these stay through a bootstrap.
const KEPT: [&str; 4] = [
    "tickets_recency",
    "tickets_category",
    "tickets_sla",
    "tickets_urgent",
];

/// The tables a bootstrap fills row by row.
const TABLES: &str = "'tickets', 'messages', 'ticket_tags', 'ticket_refs'";

/// Drops the secondary indexes of the replicated tables when the replica holds no ticket yet,
/// recording how to rebuild them. A no-op when they are already set aside, or when the replica
/// holds tickets: a partly filled replica keeps its indexes, which its lookups rely on.
pub(crate) fn set_aside(tx: &Connection) -> rusqlite::Result<()> {
    if meta::get(tx, meta::DEFERRED_INDEXES)?.is_some() {
        return Ok(());
    }
    let empty: bool = tx.query_row("SELECT NOT EXISTS (SELECT 1 FROM tickets)", [], |r| {
        r.get(0)
    })?;
    if !empty {
        return Ok(());
    }
    let mut stmt = tx.prepare(&format!(
        "SELECT name, sql FROM sqlite_schema
         WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({TABLES})
         ORDER BY name"
    ))?;
    let indexes = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .filter(|(name, _)| !KEPT.contains(&name.as_str()))
        .collect::<Vec<_>>();
    let json = serde_json::to_string(&indexes)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))?;
    meta::set(tx, meta::DEFERRED_INDEXES, &json)?;
    for (name, _) in &indexes {
        tx.execute_batch(&format!("DROP INDEX \"{name}\""))?;
    }
    Ok(())
}

/// Rebuilds whatever [`set_aside`] dropped. Returns how many indexes it built.
pub(crate) fn restore(tx: &Connection) -> rusqlite::Result<usize> {
    let Some(json) = meta::get(tx, meta::DEFERRED_INDEXES)? else {
        return Ok(0);
    };
    let indexes: Vec<(String, String)> = serde_json::from_str(&json).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })?;
    // Building an index is a sort, and SQLite's sorter can hand runs to helper threads. At
    // the end of a bootstrap nothing else is running, so the other cores may as well help
    // (100,000 tickets: the thread index, 500,000 rows, took 200-260 ms instead of 265-315).
    let helpers = std::thread::available_parallelism().map_or(1, |n| n.get().min(4) as i64);
    let before: i64 = tx.query_row("PRAGMA threads", [], |r| r.get(0))?;
    tx.pragma_update(None, "threads", helpers)?;
    let built = indexes
        .iter()
        .try_for_each(|(_, sql)| tx.execute_batch(sql));
    tx.pragma_update(None, "threads", before)?;
    built?;
    meta::delete(tx, meta::DEFERRED_INDEXES)?;
    Ok(indexes.len())
}
