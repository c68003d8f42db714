//! A WAL checkpoint on a thread of its own, once a bootstrap's last page is in. During a
//! bootstrap the WAL grows to hold all of it (see `as_bootstrap_write`), and the writer's next
//! commit would otherwise copy all of it into the database file and wait for the disk to sync
//! it: a second or more for 100,000 tickets, with an agent's edit perhaps queued behind. A
//! passive checkpoint on another connection does the same copy beside the writer's
//! transactions (SQLite lets them proceed), while the search catch-up runs.

use std::path::PathBuf;
use std::thread::{self, JoinHandle};

/// Starts a passive checkpoint of what is committed in `path`'s WAL. It runs once per
/// bootstrap, so it needs no bookkeeping: a second one running beside it would only find
/// nothing left to copy.
pub(crate) fn start(path: PathBuf) -> std::io::Result<JoinHandle<()>> {
    thread::Builder::new()
        .name("store-checkpoint".into())
        .spawn(move || {
            // A checkpoint that fails leaves its frames in the WAL, where readers still find
            // them, and the writer's own checkpoints copy them later: nothing to report,
            // nothing lost.
            let _ = checkpoint(&path);
        })
}

fn checkpoint(path: &std::path::Path) -> rusqlite::Result<()> {
    // Its own connection: the writer's is busy writing, and a reader's is read-only. The
    // writer's settings (FULL) make the checkpoint sync the database file before the WAL may
    // be reused.
    let conn = desk_sqlite::open_writer(path)?;
    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nudge_copies_the_committed_wal_into_the_database_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("replica.db");
        let conn = desk_sqlite::open_writer(&path).unwrap();
        conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
        conn.execute_batch(
            "CREATE TABLE t (body TEXT);
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
             INSERT INTO t SELECT printf('%0500d', i) FROM n;",
        )
        .unwrap();
        let file_len = || std::fs::metadata(&path).unwrap().len();
        assert!(
            file_len() <= 4096,
            "with automatic checkpoints off, every page but the header is still in the WAL: {} \
             bytes",
            file_len()
        );

        start(path.clone()).unwrap().join().unwrap();
        assert!(
            file_len() > 1_000_000,
            "about 1 MB of rows reached the database file: {} bytes",
            file_len()
        );
        let count: i64 = conn
            .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            count, 2000,
            "and the writer's connection reads them as before"
        );
    }
}
