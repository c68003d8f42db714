use std::path::Path;
use std::sync::mpsc;
use std::thread;

use rusqlite::Connection;
use rusqlite_migration::Migrations;
use tokio::sync::oneshot;

use crate::{Gone, OpenError};

type Job = Box<dyn FnOnce(&mut Connection) + Send>;

const CLOSED: Gone = Gone("the database has shut down");

/// A handle to the database's single writer thread. Clones share the thread; it ends, closing
/// the connection, when the last handle is dropped.
#[derive(Clone)]
pub struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    /// Opens the write connection, migrates the schema to the latest version (in one
    /// transaction), and starts the thread.
    pub fn start(path: &Path, migrations: &Migrations<'_>, name: &str) -> Result<Self, OpenError> {
        let mut conn = crate::open_writer(path)?;
        migrations.to_latest(&mut conn)?;
        let (jobs, queue) = mpsc::channel::<Job>();
        thread::Builder::new()
            .name(name.to_string())
            .spawn(move || {
                for job in queue {
                    job(&mut conn);
                }
            })?;
        Ok(Self { jobs })
    }

    fn submit<T, E, F>(&self, f: F) -> Result<oneshot::Receiver<Result<T, E>>, Gone>
    where
        T: Send + 'static,
        E: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, E> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let job: Job = Box::new(move |conn| {
            // The caller may have gone away (a cancelled request); the write still happened,
            // and idempotent retries find it.
            let _ = reply.send(f(conn));
        });
        self.jobs.send(job).map_err(|_| CLOSED)?;
        Ok(answer)
    }

    /// Runs `f` on the writer thread and awaits its result.
    pub async fn call<T, E, F>(&self, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<Gone> + Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, E> + Send + 'static,
    {
        self.submit(f)?.await.map_err(|_| CLOSED)?
    }

    /// The same, for callers outside any async runtime (tools, benchmarks, seeding threads).
    pub fn call_blocking<T, E, F>(&self, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<Gone> + Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, E> + Send + 'static,
    {
        self.submit(f)?.blocking_recv().map_err(|_| CLOSED)?
    }
}
