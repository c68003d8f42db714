//! Read connections, pooled, used on the blocking pool so the runtime never waits on SQLite.
//! Each read runs in one transaction, so WAL gives it a consistent snapshot.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rusqlite::Connection;

use crate::store::StoreError;

/// Idle connections kept for reuse; more may exist briefly under load.
const KEEP_IDLE: usize = 8;

#[derive(Clone)]
pub(super) struct Readers {
    path: PathBuf,
    idle: Arc<Mutex<Vec<Connection>>>,
}

impl Readers {
    pub(super) fn new(path: &Path) -> Self {
        Self {
            path: path.to_path_buf(),
            idle: Arc::default(),
        }
    }

    /// Runs `f` inside a read transaction on a pooled connection, off the async runtime.
    pub(super) async fn read<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    {
        let this = self.clone();
        tokio::task::spawn_blocking(move || this.with(f))
            .await
            .map_err(|e| StoreError::Internal(format!("a read task failed: {e}")))?
    }

    fn with<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let pooled = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let conn = match pooled {
            Some(c) => c,
            None => super::connection::open_reader(&self.path).map_err(super::sql_error)?,
        };
        let out = (|| {
            let tx = conn.unchecked_transaction().map_err(super::sql_error)?;
            let out = f(&tx)?;
            tx.finish().map_err(super::sql_error)?;
            Ok(out)
        })();
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < KEEP_IDLE {
            idle.push(conn);
        }
        out
    }
}
