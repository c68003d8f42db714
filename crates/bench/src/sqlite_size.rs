//! How much of a replica file the search index takes, page by page, from SQLite's `dbstat`
//! table (compiled into rusqlite's bundled SQLite).

use std::path::Path;

/// The two FTS5 indexes of desk-store; their shadow tables share these prefixes.
const INDEXES: [&str; 2] = ["ticket_text", "ticket_ids"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub database: u64,
    pub search_index: u64,
}

/// Checkpoints the WAL into the main file first, so the pages counted are where they stay.
/// Call while the replica's writer is idle.
pub fn of(path: &Path) -> anyhow::Result<Size> {
    let conn = desk_sqlite::open_writer(path)?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    let database = std::fs::metadata(path)?.len();
    let mut tables = Vec::new();
    for index in INDEXES {
        let mut stmt = conn.prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND (name = ?1 OR name LIKE ?1 || '\\_%' ESCAPE '\\')",
        )?;
        let names = stmt.query_map([index], |r| r.get::<_, String>(0))?;
        for name in names {
            tables.push(name?);
        }
    }
    let mut search_index = 0u64;
    for table in tables {
        // `name = ?` lets dbstat visit only that table's pages instead of the whole file.
        let bytes: Option<i64> = conn.query_row(
            "SELECT sum(pgsize) FROM dbstat WHERE name = ?1",
            [&table],
            |r| r.get(0),
        )?;
        search_index += bytes.unwrap_or(0) as u64;
    }
    Ok(Size {
        database,
        search_index,
    })
}
