//! The console's local replica of the hub: every ticket, its thread and customer, in one SQLite
//! file, so agents can triage with no network. Writes go through one writer thread; reads use
//! pooled read-only connections and never wait for writes (WAL).

mod bulk;
mod customer_tickets;
mod dashboard;
mod deferred_indexes;
mod error;
mod inbox;
mod migrations;
mod replication;
mod search;
mod search_catch_up;
mod tables;
mod wal_checkpoints;
mod watch;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use desk_sqlite::{Readers, Writer};

use desk_domain::{
    Agent, Group, InboxPage, InboxQuery, SearchResult, TicketDetail, TicketId, TicketRecord,
    ViewCount,
};
use rusqlite::{params_from_iter, Connection, OptionalExtension};

pub use bulk::MAX_BULK_TICKETS;
pub use customer_tickets::MAX_CUSTOMER_TICKETS;
pub use error::StoreError;
pub use inbox::Perspective;
pub use replication::{EditAck, ServerChange, ServerTicket, SyncPosition};
pub use tables::outbox::QueuedEdit;

use tables::ticket_links::Link;
use tables::{customers, messages, meta, search_index, team, ticket_links, tickets};

/// The most search hits one call returns; the total is still counted in full.
pub const MAX_SEARCH_ROWS: u32 = 500;

#[derive(Clone)]
pub struct Store {
    path: PathBuf,
    /// Shared so the search catch-up can hold it weakly (see `search_catch_up`).
    writer: Arc<Writer>,
    readers: Readers,
    catch_up: Arc<search_catch_up::CatchUp>,
}

impl Store {
    /// Opens (creating if needed) the replica at `path` and migrates it to the current schema.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        // Before migrating: a bootstrap cut short may have left indexes set aside, and every
        // migration must find the schema it was written against.
        restore_deferred_indexes(path)?;
        let writer = Writer::start(path, &migrations::all(), "store-writer")?;
        let store = Self {
            path: path.to_path_buf(),
            writer: Arc::new(writer),
            readers: Readers::new(path),
            catch_up: Arc::new(search_catch_up::CatchUp::open(path)),
        };
        // A catch-up cut short by a crash or a quit resumes here.
        if store.search_backlog()? > 0 {
            store.catch_up_search();
        }
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    // ---- writes -------------------------------------------------------------------------

    /// Stores tickets exactly as replicated, replacing earlier copies, in one transaction:
    /// either every record lands with its thread, links and search entries, or none does.
    pub async fn upsert_tickets(&self, records: Vec<TicketRecord>) -> Result<(), StoreError> {
        validate_records(&records)?;
        self.writer
            .call(move |conn| write_tickets(conn, &records))
            .await
    }

    /// [`Store::upsert_tickets`] for callers outside an async runtime.
    pub fn upsert_tickets_blocking(&self, records: Vec<TicketRecord>) -> Result<(), StoreError> {
        validate_records(&records)?;
        self.writer
            .call_blocking(move |conn| write_tickets(conn, &records))
    }

    /// Stores the team and who is signed in on this console.
    pub fn save_team_blocking(
        &self,
        groups: Vec<Group>,
        agents: Vec<Agent>,
        signed_in: &str,
        demo: bool,
    ) -> Result<(), StoreError> {
        if !agents.iter().any(|a| a.id == signed_in) {
            return Err(StoreError::Invalid(format!(
                "agent '{signed_in}' is not in the team"
            )));
        }
        let signed_in = signed_in.to_string();
        self.writer.call_blocking(move |conn| {
            let tx = conn.transaction()?;
            groups.iter().try_for_each(|g| team::upsert_group(&tx, g))?;
            agents.iter().try_for_each(|a| team::upsert_agent(&tx, a))?;
            meta::set(&tx, meta::AGENT_ID, &signed_in)?;
            meta::set(&tx, meta::DEMO, if demo { "1" } else { "0" })?;
            tx.commit()?;
            Ok(())
        })
    }

    // ---- reads (synchronous, on the calling thread; see `read`) --------------------------

    /// Runs a read on a blocking-pool thread, for async callers.
    pub async fn read<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
    {
        let store = self.clone();
        tokio::task::spawn_blocking(move || f(&store))
            .await
            .map_err(|e| StoreError::Unavailable(format!("read task failed: {e}")))?
    }

    pub fn inbox_page(&self, q: &InboxQuery, who: &Perspective) -> Result<InboxPage, StoreError> {
        self.readers.with(|conn| inbox::page(conn, q, who))
    }

    pub fn view_counts(&self, who: &Perspective) -> Result<Vec<ViewCount>, StoreError> {
        self.readers.with(|conn| inbox::counts(conn, who))
    }

    pub fn ticket_detail(&self, id: TicketId) -> Result<TicketDetail, StoreError> {
        self.readers.with(|conn| ticket_detail(conn, id))
    }

    /// Tickets matching every term of `text`, most recently updated first. Any text is safe:
    /// it is never interpreted as query syntax, and text with nothing searchable finds nothing.
    pub fn search(&self, text: &str, limit: u32) -> Result<SearchResult, StoreError> {
        if limit == 0 || limit > MAX_SEARCH_ROWS {
            return Err(StoreError::Invalid(format!(
                "search limit must be 1..={MAX_SEARCH_ROWS}, got {limit}"
            )));
        }
        let terms = search::query::parse(text);
        let display = terms.iter().map(|t| t.display.clone()).collect();
        if terms.is_empty() {
            return Ok(SearchResult {
                terms: display,
                total: 0,
                rows: vec![],
                unindexed: 0,
            });
        }
        let (ids, params) = search_index::matching_ids_sql(&terms);
        self.readers.with(|conn| {
            let hits = search::newest::Hits::new(
                conn.prepare_cached(&ids)?
                    .query_map(params_from_iter(params.iter()), |r| r.get(0))?
                    .collect::<Result<_, _>>()?,
            );
            // Only the newest hits are read whole and joined to their customer. Joining every
            // hit before sorting made a common word at 1M tickets take hundreds of milliseconds.
            let newest = search::newest::newest(conn, &hits, limit as usize)?;
            let sql = format!(
                "SELECT {} FROM tickets t JOIN customers c ON c.id = t.customer_id
                 WHERE t.id IN (SELECT value FROM json_each(?1))
                 ORDER BY t.updated_at DESC, t.id DESC",
                tickets::SUMMARY_COLUMNS
            );
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt
                .query_map([tables::id_list(&newest)], tickets::summary_from_row)?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(SearchResult {
                terms: display,
                total: u32::try_from(hits.len()).unwrap_or(u32::MAX),
                rows,
                unindexed: search_catch_up::backlog_len(conn)?,
            })
        })
    }

    pub fn ticket_count(&self) -> Result<u32, StoreError> {
        self.readers.with(|conn| {
            let n: i64 = conn.query_row("SELECT count(*) FROM tickets", [], |r| r.get(0))?;
            Ok(u32::try_from(n).unwrap_or(u32::MAX))
        })
    }

    /// The agent signed in on this console, and whether the workspace holds demo data.
    pub fn signed_in(&self) -> Result<Option<(Agent, bool)>, StoreError> {
        self.readers.with(|conn| {
            let Some(id) = meta::get(conn, meta::AGENT_ID)? else {
                return Ok(None);
            };
            let demo = meta::get(conn, meta::DEMO)?.as_deref() == Some("1");
            Ok(team::agent(conn, &id)?.map(|a| (a, demo)))
        })
    }

    /// Every group and agent of the team.
    pub fn team(&self) -> Result<(Vec<Group>, Vec<Agent>), StoreError> {
        self.readers
            .with(|conn| Ok((team::groups(conn)?, team::agents(conn)?)))
    }

    /// `PRAGMA integrity_check` on a fresh read connection; `true` when SQLite says "ok".
    pub fn integrity_ok(&self) -> Result<bool, StoreError> {
        self.readers.with(|conn| {
            let verdict: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
            Ok(verdict == "ok")
        })
    }
}

pub(crate) fn validate_records(records: &[TicketRecord]) -> Result<(), StoreError> {
    for t in records {
        if t.subject.trim().is_empty() {
            return Err(StoreError::Invalid(format!(
                "ticket {} has an empty subject",
                t.id
            )));
        }
        if let Some(m) = t.messages.iter().find(|m| m.ticket_id != t.id) {
            return Err(StoreError::Invalid(format!(
                "message {} claims ticket {} but arrived in ticket {}",
                m.id, m.ticket_id, t.id
            )));
        }
    }
    Ok(())
}

fn write_tickets(conn: &mut Connection, records: &[TicketRecord]) -> Result<(), StoreError> {
    let tx = conn.transaction()?;
    let mut search = search_index::Pending::default();
    for t in records {
        let known = tickets::exists(&tx, t.id)?;
        write_ticket(&tx, t, known, &mut search)?;
    }
    search.write(&tx)?;
    tx.commit()?;
    Ok(())
}

/// Writes one ticket with its customer, thread and links inside the caller's transaction, and
/// queues its search entries in `search`, which the caller writes last (see
/// `search_index::Pending` for why). `known`: whether the replica held it before.
pub(crate) fn write_ticket(
    tx: &Connection,
    t: &TicketRecord,
    known: bool,
    search: &mut search_index::Pending,
) -> Result<(), StoreError> {
    write_ticket_rows(tx, t, known, 0)?;
    search.index(t, known);
    Ok(())
}

/// Rebuilds the indexes of a bootstrap that did not finish (see `deferred_indexes`).
fn restore_deferred_indexes(path: &Path) -> Result<(), StoreError> {
    if !path.exists() {
        return Ok(());
    }
    let mut conn = desk_sqlite::open_writer(path)?;
    let has_meta: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta')",
        [],
        |r| r.get(0),
    )?;
    if has_meta {
        let tx = conn.transaction()?;
        deferred_indexes::restore(&tx)?;
        tx.commit()?;
    }
    Ok(())
}

/// [`write_ticket`] without the search entries, for callers that index later or not at all.
/// `version`: the hub's version of this copy, 0 for a local write (see `tickets::write`).
pub(crate) fn write_ticket_rows(
    tx: &Connection,
    t: &TicketRecord,
    known: bool,
    version: i64,
) -> Result<(), StoreError> {
    customers::upsert(tx, &t.customer)?;
    tickets::write(tx, t, known, version)?;
    messages::replace_thread(tx, t.id, &t.messages, known)?;
    // A ticket the replica never held has no links to clear (a bootstrap's common case).
    ticket_links::replace(tx, Link::Tag, t.id, &t.tags, known)?;
    ticket_links::replace(tx, Link::Reference, t.id, &t.transaction_refs, known)?;
    Ok(())
}

pub(crate) fn ticket_detail(conn: &Connection, id: TicketId) -> Result<TicketDetail, StoreError> {
    let sql = format!(
        "SELECT t.subject, t.status, t.priority, t.category, t.channel, t.assignee_id,
                t.group_id, t.created_at, t.updated_at, t.urgent, t.sla_due_at, t.version, t.triage, {}
         FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id = ?1",
        customers::COLUMNS
    );
    let head = conn
        .prepare_cached(&sql)?
        .query_row([id], |r| {
            Ok((
                TicketRecord {
                    id,
                    subject: r.get(0)?,
                    status: tickets::status_at(r, 1)?,
                    priority: tickets::priority_at(r, 2)?,
                    category: tickets::category_at(r, 3)?,
                    channel: tickets::channel_at(r, 4)?,
                    assignee_id: r.get(5)?,
                    group_id: r.get(6)?,
                    tags: vec![],
                    transaction_refs: vec![],
                    created_at: r.get(7)?,
                    updated_at: r.get(8)?,
                    customer: customers::from_row(r, 13)?,
                    messages: vec![],
                    triage: tickets::triage_at(r, 12)?,
                },
                r.get::<_, bool>(9)?,
                r.get::<_, Option<i64>>(10)?,
                r.get::<_, i64>(11)?,
            ))
        })
        .optional()?;
    let Some((mut record, urgent, sla_due_at, version)) = head else {
        return Err(StoreError::TicketNotFound(id));
    };
    record.messages = messages::thread(conn, id)?;
    record.tags = ticket_links::list(conn, Link::Tag, id)?;
    record.transaction_refs = ticket_links::list(conn, Link::Reference, id)?;
    Ok(TicketDetail {
        record,
        urgent,
        sla_due_at,
        version,
        queued: tables::outbox::queued_count_for(conn, id)?,
    })
}
