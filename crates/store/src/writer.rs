//! The replica's single writer: one thread owns the only read-write connection and runs write
//! jobs in the order they arrive. Async callers await a reply instead of blocking a runtime
//! worker, and since nothing else writes, SQLite never answers "database is locked" (the design
//! of Zed's sqlez).

use std::path::Path;
use std::sync::mpsc;
use std::thread;

use rusqlite::Connection;
use tokio::sync::oneshot;

use crate::StoreError;

type Job = Box<dyn FnOnce(&mut Connection) + Send>;

#[derive(Clone)]
pub(crate) struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    /// Opens the write connection, brings the schema up to date, and starts the thread.
    pub(crate) fn start(path: &Path) -> Result<Self, StoreError> {
        let mut conn = crate::connection::open_writer(path)?;
        crate::migrations::all().to_latest(&mut conn)?;
        let (jobs, queue) = mpsc::channel::<Job>();
        thread::Builder::new()
            .name("store-writer".into())
            .spawn(move || {
                // Ends when every Writer handle is dropped; the connection closes with it.
                for job in queue {
                    job(&mut conn);
                }
            })
            .map_err(|e| StoreError::Unavailable(format!("cannot start the writer thread: {e}")))?;
        Ok(Self { jobs })
    }

    fn submit<T, F>(&self, f: F) -> Result<oneshot::Receiver<Result<T, StoreError>>, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let job: Job = Box::new(move |conn| {
            // The caller may have gone away (a cancelled command); the write still happened.
            let _ = reply.send(f(conn));
        });
        self.jobs.send(job).map_err(|_| StoreError::Closed)?;
        Ok(answer)
    }

    /// Runs `f` on the writer thread and awaits its result.
    pub(crate) async fn call<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    {
        self.submit(f)?.await.map_err(|_| StoreError::Closed)?
    }

    /// The same, for callers outside any async runtime (tools, benchmarks, seeding threads).
    pub(crate) fn call_blocking<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    {
        self.submit(f)?
            .blocking_recv()
            .map_err(|_| StoreError::Closed)?
    }
}
