//! Search catching up after a bootstrap. Bootstrap pages store tickets without indexing them
//! and list them in `search_backlog` (tokenizing every thread into two FTS5 indexes was about a
//! third of a bootstrap). A background thread then indexes the backlog from the stored rows, a
//! chunk per writer transaction, newest tickets first, so the inbox is usable at once and
//! search follows. The backlog is a table: a crash or a quit mid-way loses nothing, and the
//! next `Store::open` resumes it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, Weak};
use std::thread;
use std::time::Duration;

use desk_domain::TicketId;
use desk_sqlite::Writer;
use rusqlite::Connection;

use crate::tables::search_index;
use crate::{Store, StoreError};

/// Tickets per transaction: large enough that FTS5 writes few segments, small enough that an
/// agent's edit queued behind a chunk waits tens of milliseconds, not seconds.
const CHUNK: u32 = 500;

/// Whether a catch-up thread is running for this replica, shared by every clone of the store.
pub(crate) struct CatchUp {
    state: Mutex<State>,
    file: Arc<FileGate>,
    /// Which opening of the file this store is; only the latest one's catch-up may write.
    opening: u64,
}

/// One per replica file in this process. A store reopened while an older handle is still
/// around (a console restarting its replica, the sync tests' restarts) must not have two
/// catch-ups writing through two connections: SQLite answers a transaction that read first
/// and then writes with an immediate "database is locked", without waiting.
#[derive(Default)]
struct FileGate {
    latest: AtomicU64,
    /// Held by a chunk while it runs; a new opening waits for it.
    chunk: Mutex<()>,
}

impl CatchUp {
    /// Registers a new opening of `path`, after any chunk of an older opening has finished;
    /// from then on the older openings' catch-ups stop at their next chunk.
    pub(crate) fn open(path: &Path) -> Self {
        static FILES: OnceLock<Mutex<HashMap<PathBuf, Arc<FileGate>>>> = OnceLock::new();
        let file = Arc::clone(
            FILES
                .get_or_init(Mutex::default)
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .entry(path.to_path_buf())
                .or_default(),
        );
        let opening = file.latest.fetch_add(1, Ordering::SeqCst) + 1;
        drop(file.chunk.lock().unwrap_or_else(PoisonError::into_inner));
        Self {
            state: Mutex::default(),
            file,
            opening,
        }
    }
}

#[derive(Default)]
struct State {
    running: bool,
    /// More backlog arrived while the thread was finishing: look again before stopping.
    again: bool,
}

impl CatchUp {
    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Store {
    /// Starts indexing the search backlog in the background, unless that is already running.
    /// The thread holds the writer weakly: closing the store stops it between chunks.
    pub(crate) fn catch_up_search(&self) {
        {
            let mut state = self.catch_up.state();
            if state.running {
                state.again = true;
                return;
            }
            state.running = true;
            state.again = false;
        }
        let writer = Arc::downgrade(&self.writer);
        let catch_up = Arc::clone(&self.catch_up);
        let spawned = thread::Builder::new()
            .name("search-catch-up".into())
            .spawn(move || run(&writer, &catch_up));
        if spawned.is_err() {
            // No thread to be had now; the next open or bootstrap tries again.
            self.catch_up.state().running = false;
        }
    }

    /// How many stored tickets search does not cover yet (0 once it has caught up).
    pub fn search_backlog(&self) -> Result<u32, StoreError> {
        self.readers.with(backlog_len)
    }

    /// Waits until search covers every stored ticket, for callers that need complete search
    /// results (tests, benchmarks). Fails if the catch-up stopped with work left (an error).
    /// Starts the catch-up if nothing runs it (a bootstrap still under way, say).
    pub async fn search_caught_up(&self) -> Result<(), StoreError> {
        let mut started = false;
        loop {
            let running = self.catch_up.state().running;
            // Read after `running`: a thread that stopped had finished its last chunk before.
            let left = self.read(|s| s.search_backlog()).await?;
            if left == 0 {
                return Ok(());
            }
            if !running {
                if started {
                    return Err(StoreError::Unavailable(format!(
                        "search indexing stopped with {left} tickets left"
                    )));
                }
                started = true;
                self.catch_up_search();
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

fn run(writer: &Weak<Writer>, catch_up: &CatchUp) {
    loop {
        let more = match writer.upgrade() {
            // The store was closed; its next open resumes the backlog.
            None => {
                catch_up.state().running = false;
                return;
            }
            // An error (disk full, say) stops the thread with the backlog intact; the next
            // open or bootstrap starts it again.
            Some(w) => {
                let file = Arc::clone(&catch_up.file);
                let opening = catch_up.opening;
                w.call_blocking(move |conn| {
                    let _running = file.chunk.lock().unwrap_or_else(PoisonError::into_inner);
                    if file.latest.load(Ordering::SeqCst) != opening {
                        // A newer opening of the file owns the backlog now.
                        return Ok(false);
                    }
                    index_chunk(conn)
                })
                .unwrap_or(false)
            }
        };
        if !more {
            let mut state = catch_up.state();
            if state.again {
                state.again = false;
                continue;
            }
            state.running = false;
            return;
        }
    }
}

/// Indexes up to [`CHUNK`] tickets of the backlog, newest first, in one transaction, from the
/// rows as stored now. Returns whether any backlog is left.
fn index_chunk(conn: &mut Connection) -> Result<bool, StoreError> {
    let tx = conn.transaction()?;
    let ids: Vec<TicketId> = tx
        .prepare_cached("SELECT ticket_id FROM search_backlog ORDER BY ticket_id DESC LIMIT ?1")?
        .query_map([CHUNK], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let (Some(&newest), Some(&oldest)) = (ids.first(), ids.last()) else {
        return Ok(false);
    };
    // Off the backlog first: `Pending::write` skips any ticket still listed there.
    tx.prepare_cached("DELETE FROM search_backlog WHERE ticket_id BETWEEN ?1 AND ?2")?
        .execute([oldest, newest])?;
    let mut search = search_index::Pending::default();
    for id in ids {
        match crate::ticket_detail(&tx, id) {
            Ok(detail) => search.index(&detail.record, false),
            // Removed since it was listed: nothing to index.
            Err(StoreError::TicketNotFound(_)) => {}
            Err(e) => return Err(e),
        }
    }
    search.write(&tx)?;
    let more: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM search_backlog)", [], |r| {
        r.get(0)
    })?;
    tx.commit()?;
    Ok(more)
}

/// How many stored tickets wait for their search entries.
pub(crate) fn backlog_len(conn: &rusqlite::Connection) -> Result<u32, StoreError> {
    let n: i64 = conn.query_row("SELECT count(*) FROM search_backlog", [], |r| r.get(0))?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}
