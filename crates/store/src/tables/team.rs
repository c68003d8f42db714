//! Groups and agents: who tickets can be routed and assigned to.

use desk_domain::{Agent, Group};
use rusqlite::{Connection, OptionalExtension};

pub(crate) const M_20261122_CREATE: &str = "
CREATE TABLE groups (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL
) STRICT;
CREATE TABLE agents (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    group_id TEXT REFERENCES groups (id)
) STRICT;
";

pub(crate) fn upsert_group(conn: &Connection, g: &Group) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO groups (id, name) VALUES (?1, ?2)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name",
    )?
    .execute((&g.id, &g.name))?;
    Ok(())
}

pub(crate) fn upsert_agent(conn: &Connection, a: &Agent) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO agents (id, name, group_id) VALUES (?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, group_id = excluded.group_id",
    )?
    .execute((&a.id, &a.name, &a.group_id))?;
    Ok(())
}

pub(crate) fn agent(conn: &Connection, id: &str) -> rusqlite::Result<Option<Agent>> {
    conn.query_row(
        "SELECT id, name, group_id FROM agents WHERE id = ?1",
        [id],
        |r| {
            Ok(Agent {
                id: r.get(0)?,
                name: r.get(1)?,
                group_id: r.get(2)?,
            })
        },
    )
    .optional()
}

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
