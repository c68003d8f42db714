//! Bearer sessions, stored by the SHA-256 of the token: a copy of the database does not let
//! anyone act as an agent.

use desk_domain::{Agent, Millis};
use rusqlite::{params, Connection, OptionalExtension};

pub(crate) const M_20261122_CREATE: &str = "
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    agent_id   TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_agent ON sessions (agent_id);
";

pub(crate) fn insert(
    conn: &Connection,
    token_hash: &str,
    agent_id: &str,
    now: Millis,
    expires_at: Millis,
) -> rusqlite::Result<()> {
    // Expired sessions are swept here, on the rare write, rather than by a timer.
    conn.prepare_cached("DELETE FROM sessions WHERE expires_at <= ?1")?
        .execute([now])?;
    conn.prepare_cached(
        "INSERT INTO sessions (token_hash, agent_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![token_hash, agent_id, now, expires_at])?;
    Ok(())
}

pub(crate) fn agent(
    conn: &Connection,
    token_hash: &str,
    now: Millis,
) -> rusqlite::Result<Option<Agent>> {
    conn.prepare_cached(
        "SELECT a.id, a.name, a.group_id FROM sessions s JOIN agents a ON a.id = s.agent_id
         WHERE s.token_hash = ?1 AND s.expires_at > ?2",
    )?
    .query_row(params![token_hash, now], |r| {
        Ok(Agent {
            id: r.get(0)?,
            name: r.get(1)?,
            group_id: r.get(2)?,
        })
    })
    .optional()
}

pub(crate) fn delete(conn: &Connection, token_hash: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM sessions WHERE token_hash = ?1")?
        .execute([token_hash])?;
    Ok(())
}
