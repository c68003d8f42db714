//! The single writer: one thread owns the only read-write connection and runs jobs in arrival
//! order. Handlers await the reply instead of blocking a runtime worker, and since nothing else
//! writes, SQLite never answers "database is locked" (Zed's sqlez design, as in desk-store).
//! Serial commits also mean feed seqs become visible in order, so a reader can never see seq
//! N+1 before seq N.

use std::path::Path;
use std::sync::mpsc;
use std::thread;

use rusqlite::Connection;
use tokio::sync::oneshot;

use crate::store::StoreError;

type Job = Box<dyn FnOnce(&mut Connection) + Send>;

#[derive(Clone)]
pub(super) struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    /// Opens the write connection, brings the schema up to date, and starts the thread.
    pub(super) fn start(path: &Path) -> Result<Self, StoreError> {
        let mut conn = super::connection::open_writer(path).map_err(super::sql_error)?;
        super::migrations::all()
            .to_latest(&mut conn)
            .map_err(|e| StoreError::Internal(format!("schema migration failed: {e}")))?;
        let (jobs, queue) = mpsc::channel::<Job>();
        thread::Builder::new()
            .name("hub-writer".into())
            .spawn(move || {
                // Ends when every Writer handle is dropped; the connection closes with it.
                for job in queue {
                    job(&mut conn);
                }
            })
            .map_err(|e| StoreError::Unavailable(format!("cannot start the writer thread: {e}")))?;
        Ok(Self { jobs })
    }

    /// Runs `f` on the writer thread and awaits its result.
    pub(super) async fn call<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let job: Job = Box::new(move |conn| {
            // The request may have been dropped (client gone); the write still happened, and a
            // retry with the same edit ids finds it.
            let _ = reply.send(f(conn));
        });
        self.jobs.send(job).map_err(|_| closed())?;
        answer.await.map_err(|_| closed())?
    }
}

fn closed() -> StoreError {
    StoreError::Unavailable("the hub database has shut down".into())
}
