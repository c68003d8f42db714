//! The physical ceiling for figure 1: the same tickets and messages inserted with plain
//! rusqlite, one transaction and prepared statements, into minimal tables with no secondary
//! index and no search index. No replica can store faster on this machine.

use std::path::Path;
use std::time::Instant;

use desk_demo::Generator;
use desk_domain::TicketRecord;

const SCHEMA: &str = "
CREATE TABLE tickets (
    id INTEGER PRIMARY KEY, subject TEXT NOT NULL, status TEXT NOT NULL, priority TEXT NOT NULL,
    category TEXT NOT NULL, channel TEXT NOT NULL, customer_id TEXT NOT NULL,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
);
CREATE TABLE messages (
    id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL, kind TEXT NOT NULL,
    author TEXT NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL
);";

/// The demo tickets 1..=`count`, as the hub's demo import generates them.
pub fn rows(seed: u64, count: usize) -> Vec<TicketRecord> {
    let mut generator = Generator::new(seed, support_hub::routes::now_millis());
    (1..=count as i64).map(|id| generator.ticket(id)).collect()
}

/// Seconds to insert `rows` into a fresh database in `dir`, from `BEGIN` to a durable commit.
/// The connection is set up as the replica's is (WAL, synchronous=FULL), so only the work
/// between them differs.
pub fn insert(dir: &Path, rows: &[TicketRecord]) -> anyhow::Result<f64> {
    let mut conn = desk_sqlite::open_writer(&dir.join("ceiling.sqlite3"))?;
    conn.execute_batch(SCHEMA)?;
    let started = Instant::now();
    let tx = conn.transaction()?;
    {
        let mut ticket = tx.prepare(
            "INSERT INTO tickets (id, subject, status, priority, category, channel, customer_id,
                                  created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        let mut message = tx.prepare(
            "INSERT INTO messages (id, ticket_id, kind, author, body, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for t in rows {
            ticket.execute((
                t.id,
                &t.subject,
                t.status.as_str(),
                t.priority.as_str(),
                t.category.id(),
                t.channel.id(),
                &t.customer.id,
                t.created_at,
                t.updated_at,
            ))?;
            for m in &t.messages {
                message.execute((
                    m.id,
                    m.ticket_id,
                    m.kind.as_str(),
                    &m.author,
                    &m.body,
                    m.created_at,
                ))?;
            }
        }
    }
    tx.commit()?;
    Ok(started.elapsed().as_secs_f64())
}
