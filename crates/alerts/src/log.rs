//! The alerts already sent, so a resync, a reconnect or a restart never repeats one.
//!
//! A small SQLite file of its own beside the replica: the replica is rebuilt from the hub when
//! it is damaged or reset, and that must not make every open urgent ticket notify again.

use std::path::Path;
use std::sync::Mutex;

use desk_domain::Millis;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use rusqlite_migration::{Migrations, M};

use crate::{Alert, AlertSettings};

/// How long a sent key is remembered. Long enough to outlast any resync or holiday; short
/// enough that the file stays small.
pub const RETENTION_MS: Millis = 30 * 24 * 60 * 60 * 1_000;

const M_CREATE: &str = "CREATE TABLE sent (
    key TEXT PRIMARY KEY NOT NULL,
    sent_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sent_by_time ON sent(sent_at);";

/// The agent's notification settings live in the same file: they belong to this console (not
/// to the replica, which may be rebuilt) and are read once at start.
const M_SETTINGS: &str = "CREATE TABLE settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    json TEXT NOT NULL
) STRICT;";

/// Why the alert log could not be opened or written.
#[derive(Debug, thiserror::Error)]
pub enum LogError {
    #[error("alert log: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("alert log schema: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("alert settings: {0}")]
    Settings(String),
}

/// The record of alert keys already sent ([`Alert::key`]).
///
/// Calls are short (one small transaction), so it owns its connection behind a mutex rather
/// than a writer thread; call it from a blocking context.
pub struct AlertLog {
    conn: Mutex<Connection>,
}

impl AlertLog {
    /// Opens (creating if needed) the log at `path`, with the workspace's SQLite settings.
    pub fn open(path: &Path) -> Result<AlertLog, LogError> {
        let mut conn = desk_sqlite::open_writer(path)?;
        Migrations::new(vec![M::up(M_CREATE), M::up(M_SETTINGS)]).to_latest(&mut conn)?;
        Ok(AlertLog {
            conn: Mutex::new(conn),
        })
    }

    /// Returns the keys never recorded before, in input order and without repeats, and records
    /// them, all in one transaction: if two callers race, each key goes to exactly one. Keys
    /// older than [`RETENTION_MS`] are forgotten on the way.
    pub fn first_time<'k>(
        &self,
        keys: impl IntoIterator<Item = &'k str>,
        now: Millis,
    ) -> Result<Vec<String>, LogError> {
        // A panic elsewhere while holding the lock leaves no half-done state: every change
        // happens inside a transaction that rolled back.
        let mut conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "DELETE FROM sent WHERE sent_at < ?1",
            params![now.saturating_sub(RETENTION_MS)],
        )?;
        let mut fresh = Vec::new();
        {
            let mut insert =
                tx.prepare_cached("INSERT OR IGNORE INTO sent (key, sent_at) VALUES (?1, ?2)")?;
            for key in keys {
                if insert.execute(params![key, now])? == 1 {
                    fresh.push(key.to_string());
                }
            }
        }
        tx.commit()?;
        Ok(fresh)
    }

    /// The saved settings, or the defaults when none were saved. Settings that no longer
    /// parse (a downgrade, a hand edit) give the defaults with a warning: a console that
    /// cannot read its preferences must still notify about fraud.
    pub fn settings(&self) -> Result<AlertSettings, LogError> {
        let conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
        let json: Option<String> = conn
            .query_row("SELECT json FROM settings WHERE id = 1", [], |r| r.get(0))
            .optional()?;
        Ok(match json {
            None => AlertSettings::default(),
            Some(j) => serde_json::from_str(&j).unwrap_or_else(|e| {
                tracing::warn!(error = %e, "saved alert settings unreadable; using defaults");
                AlertSettings::default()
            }),
        })
    }

    /// Saves `settings` after checking them; invalid ones are refused and nothing changes.
    pub fn save_settings(&self, settings: &AlertSettings) -> Result<(), LogError> {
        settings.validate().map_err(LogError::Settings)?;
        let json =
            serde_json::to_string(settings).map_err(|e| LogError::Settings(e.to_string()))?;
        let conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
        conn.execute(
            "INSERT INTO settings (id, json) VALUES (1, ?1)
             ON CONFLICT (id) DO UPDATE SET json = excluded.json",
            params![json],
        )?;
        Ok(())
    }

    /// The alerts whose event was never sent, recorded as sent now.
    pub fn fresh(&self, alerts: Vec<Alert>, now: Millis) -> Result<Vec<Alert>, LogError> {
        let keys: Vec<String> = alerts.iter().map(Alert::key).collect();
        let new = self.first_time(keys.iter().map(String::as_str), now)?;
        let mut new = new.into_iter().peekable();
        // `first_time` keeps input order, so one pass pairs each new key with its alert.
        Ok(alerts
            .into_iter()
            .zip(keys)
            .filter_map(|(alert, key)| {
                (new.peek() == Some(&key)).then(|| {
                    new.next();
                    alert
                })
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use desk_domain::{Category, Channel};

    use super::*;

    const DAY: Millis = 24 * 60 * 60 * 1_000;

    fn temp_log() -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("alerts.sqlite");
        (dir, path)
    }

    #[test]
    fn settings_persist_and_invalid_ones_are_refused_without_a_trace() {
        let (_dir, path) = temp_log();
        let log = AlertLog::open(&path).unwrap();
        assert_eq!(log.settings().unwrap(), AlertSettings::default());
        let quiet = AlertSettings {
            sla_lead_minutes: 30,
            ..AlertSettings::default()
        };
        log.save_settings(&quiet).unwrap();
        let bad = AlertSettings {
            sla_lead_minutes: 0,
            ..AlertSettings::default()
        };
        assert!(matches!(
            log.save_settings(&bad),
            Err(LogError::Settings(_))
        ));
        drop(log);
        assert_eq!(
            AlertLog::open(&path).unwrap().settings().unwrap(),
            quiet,
            "the valid save survives a restart; the refused one changed nothing"
        );
    }

    #[test]
    fn a_key_is_new_once_even_after_reopening() {
        let (_dir, path) = temp_log();
        let log = AlertLog::open(&path).unwrap();
        assert_eq!(
            log.first_time(["urgent:1", "urgent:2", "urgent:1"], 0)
                .unwrap(),
            ["urgent:1", "urgent:2"]
        );
        assert_eq!(
            log.first_time(["urgent:2", "urgent:3"], 1).unwrap(),
            ["urgent:3"]
        );
        drop(log);
        let reopened = AlertLog::open(&path).unwrap();
        assert!(reopened
            .first_time(["urgent:1", "urgent:2", "urgent:3"], 2)
            .unwrap()
            .is_empty());
    }

    #[test]
    fn keys_are_forgotten_after_thirty_days() {
        let (_dir, path) = temp_log();
        let log = AlertLog::open(&path).unwrap();
        log.first_time(["urgent:1"], 0).unwrap();
        log.first_time(["urgent:2"], 10 * DAY).unwrap();
        assert!(log.first_time(["urgent:1"], 30 * DAY).unwrap().is_empty());
        assert_eq!(
            log.first_time(["urgent:1", "urgent:2"], 30 * DAY + 1)
                .unwrap(),
            ["urgent:1"]
        );
        let rows: i64 = log
            .conn
            .lock()
            .unwrap()
            .query_row("SELECT count(*) FROM sent", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 2, "the old row was deleted, not just ignored");
    }

    #[test]
    fn fresh_keeps_the_alerts_of_new_keys_in_order() {
        let (_dir, path) = temp_log();
        let log = AlertLog::open(&path).unwrap();
        let urgent = |id| Alert::UrgentTicket {
            ticket_id: id,
            category: Category::Fraud,
            channel: Channel::Phone,
        };
        log.first_time(["urgent:2"], 0).unwrap();
        assert_eq!(
            log.fresh(vec![urgent(1), urgent(2), urgent(3), urgent(1)], 0)
                .unwrap(),
            vec![urgent(1), urgent(3)]
        );
    }

    #[test]
    fn two_handles_on_one_file_never_both_get_a_key() {
        let (_dir, path) = temp_log();
        let a = AlertLog::open(&path).unwrap();
        let b = AlertLog::open(&path).unwrap();
        let keys: Vec<String> = (0..200).map(|i| format!("urgent:{i}")).collect();
        let (ka, kb) = std::thread::scope(|s| {
            let ta = s.spawn(|| a.first_time(keys.iter().map(String::as_str), 0).unwrap());
            let tb = s.spawn(|| {
                b.first_time(keys.iter().rev().map(String::as_str), 0)
                    .unwrap()
            });
            (ta.join().unwrap(), tb.join().unwrap())
        });
        assert_eq!(ka.len() + kb.len(), 200);
    }
}
