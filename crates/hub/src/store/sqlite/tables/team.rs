//! Groups and the agents in them, with their password hashes.

use desk_domain::{Agent, Group};
use rusqlite::{params, Connection, OptionalExtension};

use crate::store::{AgentCredentials, LoginName, NewAgent};

pub(crate) const M_20261122_CREATE: &str = "
CREATE TABLE groups (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL
) STRICT;
CREATE TABLE agents (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    email         TEXT UNIQUE,
    group_id      TEXT REFERENCES groups (id),
    -- Argon2id PHC string; the password itself is never stored.
    password_hash TEXT NOT NULL
) STRICT;
";

/// Adds the group unless one with that id exists (its name is then left as it is).
pub(crate) fn upsert_group(conn: &Connection, g: &Group) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO groups (id, name) VALUES (?1, ?2)
         ON CONFLICT (id) DO NOTHING",
    )?
    .execute(params![g.id, g.name])?;
    Ok(())
}

pub(crate) fn upsert_agent(conn: &Connection, a: &NewAgent) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO agents (id, name, email, group_id, password_hash) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email,
            group_id = excluded.group_id, password_hash = excluded.password_hash",
    )?
    .execute(params![
        a.agent.id,
        a.agent.name,
        a.email,
        a.agent.group_id,
        a.password_hash
    ])?;
    Ok(())
}

pub(crate) fn group_exists(conn: &Connection, id: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT 1 FROM groups WHERE id = ?1")?
        .exists([id])
}

pub(crate) fn agent_exists(conn: &Connection, id: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT 1 FROM agents WHERE id = ?1")?
        .exists([id])
}

pub(crate) fn credentials(
    conn: &Connection,
    name: &LoginName,
) -> rusqlite::Result<Option<AgentCredentials>> {
    let (sql, key) = match name {
        LoginName::AgentId(id) => (
            "SELECT id, name, group_id, password_hash FROM agents WHERE id = ?1",
            id,
        ),
        LoginName::Email(email) => (
            "SELECT id, name, group_id, password_hash FROM agents WHERE email = ?1",
            email,
        ),
    };
    conn.prepare_cached(sql)?
        .query_row([key], |r| {
            Ok(AgentCredentials {
                agent: Agent {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    group_id: r.get(2)?,
                },
                password_hash: r.get(3)?,
            })
        })
        .optional()
}

/// Every group, by id.
pub(crate) fn groups(conn: &Connection) -> rusqlite::Result<Vec<Group>> {
    let mut stmt = conn.prepare_cached("SELECT id, name FROM groups ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok(Group {
            id: r.get(0)?,
            name: r.get(1)?,
        })
    })?;
    rows.collect()
}

/// Every agent, by name; never their email or password hash.
pub(crate) fn agents(conn: &Connection) -> rusqlite::Result<Vec<Agent>> {
    let mut stmt =
        conn.prepare_cached("SELECT id, name, group_id FROM agents ORDER BY name, id")?;
    let rows = stmt.query_map([], |r| {
        Ok(Agent {
            id: r.get(0)?,
            name: r.get(1)?,
            group_id: r.get(2)?,
        })
    })?;
    rows.collect()
}
