//! The agent's own macros (canned answers). Built-ins are not rows: they come from
//! `desk_domain::macros::built_ins()`, so they change with the app and cannot be deleted.
//! Local to this console: the hub never hears of them.

use desk_domain::macros::{self, Macro};
use desk_domain::{Localized, Millis};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::{Store, StoreError};

pub(crate) const M_20261125_CREATE: &str = "
CREATE TABLE macros (
    id         TEXT PRIMARY KEY,
    title_en   TEXT NOT NULL,
    title_zh   TEXT NOT NULL,
    body_en    TEXT NOT NULL,
    body_zh    TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
";

/// More than any agent keeps; a runaway script cannot fill the disk through it.
pub const MAX_AGENT_MACROS: u32 = 1_000;

const COLUMNS: &str = "id, title_en, title_zh, body_en, body_zh, updated_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Macro> {
    Ok(Macro {
        id: r.get(0)?,
        title: Localized {
            en: r.get(1)?,
            zh: r.get(2)?,
        },
        body: Localized {
            en: r.get(3)?,
            zh: r.get(4)?,
        },
        built_in: false,
        updated_at: r.get(5)?,
    })
}

fn all(conn: &Connection) -> rusqlite::Result<Vec<Macro>> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM macros ORDER BY updated_at DESC, id"
    ))?
    .query_map([], from_row)?
    .collect()
}

fn get(conn: &Connection, id: &str) -> rusqlite::Result<Option<Macro>> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM macros WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()
}

/// Inserts or replaces `m` (already normalized, with an id), keeping its creation time.
fn upsert(conn: &Connection, m: &Macro) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO macros (id, title_en, title_zh, body_en, body_zh, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
         ON CONFLICT (id) DO UPDATE SET
             title_en = excluded.title_en, title_zh = excluded.title_zh,
             body_en = excluded.body_en, body_zh = excluded.body_zh,
             updated_at = excluded.updated_at",
    )?
    .execute(params![
        m.id,
        m.title.en,
        m.title.zh,
        m.body.en,
        m.body.zh,
        m.updated_at
    ])?;
    Ok(())
}

fn not_found(id: &str) -> StoreError {
    let shown: String = id.chars().take(macros::MAX_ID_CHARS).collect();
    StoreError::MacroNotFound(shown)
}

impl Store {
    /// Every macro the agent can use: the built-ins in their fixed order, then the agent's own,
    /// most recently saved first.
    pub fn macros(&self) -> Result<Vec<Macro>, StoreError> {
        let mut list = macros::built_ins();
        list.extend(self.readers.with(all)?);
        Ok(list)
    }

    /// One macro, built-in or the agent's.
    pub fn macro_by_id(&self, id: &str) -> Result<Macro, StoreError> {
        if let Some(m) = macros::built_in(id) {
            return Ok(m);
        }
        self.readers
            .with(|conn| get(conn, id))?
            .ok_or_else(|| not_found(id))
    }

    /// Saves the agent's macro, upserting by id: a new one (empty id) gets a fresh id, an
    /// existing id is replaced (keeping when it was created). Built-ins and invalid macros are
    /// refused before anything is written. Returns the macro as stored.
    pub async fn save_macro(&self, m: Macro, now: Millis) -> Result<Macro, StoreError> {
        let mut m = m.normalized()?;
        m.updated_at = now;
        self.writer
            .call(move |conn| {
                let tx = conn.transaction()?;
                if m.id.is_empty() || get(&tx, &m.id)?.is_none() {
                    let n: i64 = tx.query_row("SELECT count(*) FROM macros", [], |r| r.get(0))?;
                    if n >= i64::from(MAX_AGENT_MACROS) {
                        return Err(StoreError::Invalid(format!(
                            "you already have {MAX_AGENT_MACROS} macros; delete some first"
                        )));
                    }
                }
                if m.id.is_empty() {
                    // Random rather than a counter, so an id is never reused after a delete.
                    m.id =
                        tx.query_row("SELECT 'm-' || lower(hex(randomblob(8)))", [], |r| r.get(0))?;
                }
                upsert(&tx, &m)?;
                tx.commit()?;
                Ok(m)
            })
            .await
    }

    /// Deletes the agent's macro `id`. Built-ins are refused; an unknown id is not found.
    pub async fn delete_macro(&self, id: String) -> Result<(), StoreError> {
        if Macro::is_built_in_id(&id) {
            return Err(StoreError::Invalid(
                "built-in macros cannot be deleted".into(),
            ));
        }
        self.writer
            .call(move |conn| {
                let n = conn.execute("DELETE FROM macros WHERE id = ?1", [&id])?;
                if n == 0 {
                    return Err(not_found(&id));
                }
                Ok(())
            })
            .await
    }
}
