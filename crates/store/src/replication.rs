//! The replica's side of sync: local edits with their outbox rows, the hub's copies with queued
//! edits re-applied on top, acknowledgements, and the feed cursor. Every method is one writer
//! transaction, so a crash leaves either all of a step or none of it.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use desk_domain::{
    Agent, AttentionItem, AttentionKind, Millis, Resolution, TicketDetail, TicketEdit, TicketId,
    TicketRecord,
};
use rusqlite::Connection;

use crate::tables::outbox::{self, QueuedEdit};
use crate::tables::{meta, search_index, team, tickets};
use crate::{deferred_indexes, Store, StoreError};

/// The hub's copy of a ticket at a version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerTicket {
    pub version: i64,
    pub record: TicketRecord,
}

/// One entry of the hub's change feed, as the replica applies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerChange {
    /// Boxed: a whole ticket dwarfs a removal.
    Upsert(Box<ServerTicket>),
    /// Deleted on the hub, or merged into another ticket; `reason` is shown on any queued edit.
    Removed { id: TicketId, reason: String },
}

/// What the hub said about one sent edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditAck {
    /// Applied now or before (a retried edit): the hub's ticket is at `version` or later.
    Applied { ticket_id: TicketId, version: i64 },
    /// Not applied; the agent decides.
    Attention {
        ticket_id: TicketId,
        kind: AttentionKind,
        reason: String,
    },
}

/// Where replication stands, read at start-up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncPosition {
    pub hub_url: Option<String>,
    /// `None` until a bootstrap completed.
    pub feed_after: Option<i64>,
    /// An unfinished bootstrap: the next page's cursor and the snapshot it belongs to.
    pub bootstrap: Option<(Option<String>, i64)>,
}

impl Store {
    /// Applies the agent's edit to the local copy and queues it for the hub, in one transaction.
    /// Returns the ticket as the agent now sees it.
    pub async fn edit_locally(
        &self,
        ticket_id: TicketId,
        edit: TicketEdit,
        edit_id: String,
        now: Millis,
    ) -> Result<TicketDetail, StoreError> {
        edit.validate().map_err(StoreError::Invalid)?;
        validate_edit_id(&edit_id)?;
        self.writer
            .call(move |conn| {
                let tx = conn.transaction()?;
                queue_and_apply(&tx, ticket_id, &edit, &edit_id, now)?;
                let detail = crate::ticket_detail(&tx, ticket_id)?;
                tx.commit()?;
                Ok(detail)
            })
            .await
    }

    /// Stores the hub's copies, each with this replica's queued edits re-applied on top, so a
    /// pull never hides what the agent just did. Copies older than the stored one are skipped.
    /// `feed_after`, when given, is saved in the same transaction.
    pub async fn apply_server_changes(
        &self,
        changes: Vec<ServerChange>,
        feed_after: Option<i64>,
    ) -> Result<Vec<TicketId>, StoreError> {
        for c in &changes {
            if let ServerChange::Upsert(t) = c {
                crate::validate_records(std::slice::from_ref(&t.record))?;
            }
        }
        self.writer
            .call(move |conn| {
                let tx = conn.transaction()?;
                let me = signed_in_agent(&tx)?;
                let mut touched = Vec::with_capacity(changes.len());
                let mut search = search_index::Pending::default();
                for change in &changes {
                    match change {
                        ServerChange::Upsert(t) => {
                            // Read per copy: a change page may repeat a ticket.
                            let held = Held::read(&tx, std::iter::once(&**t))?;
                            if apply_server_copy(&tx, &me, t, &held, &mut search, Indexing::Now)? {
                                touched.push(t.record.id);
                            }
                        }
                        ServerChange::Removed { id, reason } => {
                            remove_ticket(&tx, *id, reason, &mut search)?;
                            touched.push(*id);
                        }
                    }
                }
                search.write(&tx)?;
                if let Some(seq) = feed_after {
                    meta::set(&tx, meta::FEED_AFTER, &seq.to_string())?;
                }
                tx.commit()?;
                Ok(touched)
            })
            .await
    }

    /// Stores one bootstrap page and where the next one starts, atomically, so an interrupted
    /// bootstrap resumes at the page it stopped on. `next` is `None` after the last page: the
    /// feed then continues from `snapshot_seq`.
    pub async fn apply_bootstrap_page(
        &self,
        tickets: Vec<ServerTicket>,
        next: Option<String>,
        snapshot_seq: i64,
        progress: (u32, u32),
    ) -> Result<(), StoreError> {
        for t in &tickets {
            crate::validate_records(std::slice::from_ref(&t.record))?;
        }
        let last = next.is_none();
        self.writer
            .call(move |conn| {
                as_bootstrap_write(conn, |conn| {
                    let tx = conn.transaction()?;
                    let me = signed_in_agent(&tx)?;
                    if next.is_some() {
                        // A bootstrap of one page has nothing to gain from building at the end.
                        deferred_indexes::set_aside(&tx)?;
                    }
                    // Search entries are left to the background catch-up: the inbox fills at
                    // once, and search follows a few seconds later (see `search_catch_up`).
                    let mut search = search_index::Pending::default();
                    // A bootstrap page holds each ticket once.
                    let held = Held::read(&tx, tickets.iter())?;
                    for t in &tickets {
                        apply_server_copy(&tx, &me, t, &held, &mut search, Indexing::Later)?;
                    }
                    search.write(&tx)?;
                    match next {
                        Some(cursor) => {
                            meta::set(&tx, meta::BOOTSTRAP_CURSOR, &cursor)?;
                            meta::set(&tx, meta::BOOTSTRAP_SNAPSHOT, &snapshot_seq.to_string())?;
                            meta::set(&tx, meta::BOOTSTRAP_DONE, &progress.0.to_string())?;
                            meta::set(&tx, meta::BOOTSTRAP_TOTAL, &progress.1.to_string())?;
                        }
                        None => {
                            for key in [
                                meta::BOOTSTRAP_CURSOR,
                                meta::BOOTSTRAP_SNAPSHOT,
                                meta::BOOTSTRAP_DONE,
                                meta::BOOTSTRAP_TOTAL,
                            ] {
                                meta::delete(&tx, key)?;
                            }
                            meta::set(&tx, meta::FEED_AFTER, &snapshot_seq.to_string())?;
                            deferred_indexes::restore(&tx)?;
                        }
                    }
                    tx.commit()?;
                    Ok(())
                })
            })
            .await?;
        if last {
            // The WAL holds the whole bootstrap (see `as_bootstrap_write`): copy it into the
            // file beside the search catch-up rather than in the writer's next commit.
            // Without a thread, the writer's own checkpoints copy it later.
            let _ = crate::wal_checkpoints::start(self.path().to_path_buf());
            self.catch_up_search();
        }
        Ok(())
    }

    /// Records a bootstrap that has begun but stored no page yet, so a restart resumes it.
    pub async fn begin_bootstrap(&self, snapshot_seq: i64) -> Result<(), StoreError> {
        self.writer
            .call(move |conn| {
                meta::set(conn, meta::BOOTSTRAP_SNAPSHOT, &snapshot_seq.to_string())?;
                Ok(())
            })
            .await
    }

    /// Binds the replica to a hub and an agent. A replica that followed another hub, or held
    /// another agent's queue, is refused rather than mixed.
    pub async fn bind_hub(
        &self,
        hub_url: String,
        agent: Agent,
        team: (Vec<desk_domain::Group>, Vec<Agent>),
    ) -> Result<(), StoreError> {
        self.writer
            .call(move |conn| {
                let tx = conn.transaction()?;
                if let Some(bound) = meta::get(&tx, meta::HUB_URL)? {
                    if bound != hub_url {
                        return Err(StoreError::Invalid(format!(
                            "this workspace follows another hub ({bound}); open a new workspace for {hub_url}"
                        )));
                    }
                }
                if let Some(me) = meta::get(&tx, meta::AGENT_ID)? {
                    let (queued, attention) = outbox::counts(&tx)?;
                    if me != agent.id && queued + attention > 0 {
                        return Err(StoreError::Invalid(
                            "another agent's edits are still queued in this workspace".into(),
                        ));
                    }
                }
                let (groups, mut agents) = team;
                if !agents.iter().any(|a| a.id == agent.id) {
                    agents.push(agent.clone());
                }
                groups.iter().try_for_each(|g| team::upsert_group(&tx, g))?;
                agents.iter().try_for_each(|a| team::upsert_agent(&tx, a))?;
                meta::set(&tx, meta::HUB_URL, &hub_url)?;
                meta::set(&tx, meta::AGENT_ID, &agent.id)?;
                tx.commit()?;
                Ok(())
            })
            .await
    }

    /// Records the hub's answers. Applied edits leave the outbox; held or refused ones move to
    /// the attention list, and their ticket is marked for a fresh copy (the local one shows the
    /// edit). Answers for edits no longer queued (a duplicated response) change nothing.
    pub async fn acknowledge(&self, acks: Vec<(String, EditAck)>) -> Result<(), StoreError> {
        self.writer
            .call(move |conn| {
                let tx = conn.transaction()?;
                for (edit_id, ack) in &acks {
                    match ack {
                        EditAck::Applied { ticket_id, version } => {
                            if outbox::delete(&tx, edit_id)? {
                                tickets::set_version(&tx, *ticket_id, *version)?;
                            }
                        }
                        EditAck::Attention {
                            ticket_id,
                            kind,
                            reason,
                        } => {
                            if outbox::set_attention(&tx, edit_id, *kind, reason)? {
                                outbox::mark_refetch(&tx, *ticket_id)?;
                            }
                        }
                    }
                }
                tx.commit()?;
                Ok(())
            })
            .await
    }

    /// The agent's decision on an attention item. `Resend` queues the same op again as a new
    /// edit (a new id, based on the ticket as it is now); `Discard` drops it.
    pub async fn resolve_attention(
        &self,
        edit_id: String,
        resolution: Resolution,
        new_edit_id: String,
        now: Millis,
    ) -> Result<(), StoreError> {
        validate_edit_id(&new_edit_id)?;
        self.writer
            .call(move |conn| {
                let tx = conn.transaction()?;
                let Some((item, state)) = outbox::get(&tx, &edit_id)? else {
                    return Err(StoreError::Invalid(format!(
                        "no edit '{edit_id}' is waiting"
                    )));
                };
                if state == "queued" {
                    return Err(StoreError::Invalid(format!(
                        "edit '{edit_id}' is still queued, not waiting for a decision"
                    )));
                }
                outbox::delete(&tx, &edit_id)?;
                if resolution == Resolution::Resend {
                    if !tickets::exists(&tx, item.ticket_id)? {
                        return Err(StoreError::TicketNotFound(item.ticket_id));
                    }
                    queue_and_apply(&tx, item.ticket_id, &item.edit, &new_edit_id, now)?;
                }
                tx.commit()?;
                Ok(())
            })
            .await
    }

    /// Up to `limit` queued edits, oldest first.
    pub fn queued_edits(&self, limit: u32) -> Result<Vec<QueuedEdit>, StoreError> {
        self.readers.with(|conn| Ok(outbox::queued(conn, limit)?))
    }

    /// (queued, needing attention).
    pub fn outbox_counts(&self) -> Result<(u32, u32), StoreError> {
        self.readers.with(|conn| Ok(outbox::counts(conn)?))
    }

    pub fn attention_items(&self) -> Result<Vec<AttentionItem>, StoreError> {
        self.readers.with(|conn| {
            Ok(outbox::attention(conn)?
                .into_iter()
                .map(|w| AttentionItem {
                    edit_id: w.edit.edit_id,
                    ticket_id: w.edit.ticket_id,
                    subject: w.subject.unwrap_or_default(),
                    edit: w.edit.edit,
                    kind: w.kind,
                    reason: w.reason,
                    created_at: w.edit.created_at,
                })
                .collect())
        })
    }

    /// Tickets whose local copy must be replaced by a fresh one from the hub.
    pub fn tickets_to_refetch(&self) -> Result<Vec<TicketId>, StoreError> {
        self.readers.with(|conn| Ok(outbox::to_refetch(conn)?))
    }

    pub fn sync_position(&self) -> Result<SyncPosition, StoreError> {
        self.readers.with(|conn| {
            let num = |key| -> Result<Option<i64>, StoreError> {
                meta::get(conn, key)?
                    .map(|v| {
                        v.parse()
                            .map_err(|_| StoreError::Invalid(format!("bad {key} in meta")))
                    })
                    .transpose()
            };
            let bootstrap = num(meta::BOOTSTRAP_SNAPSHOT)?
                .map(|snap| -> Result<_, StoreError> {
                    Ok((meta::get(conn, meta::BOOTSTRAP_CURSOR)?, snap))
                })
                .transpose()?;
            Ok(SyncPosition {
                hub_url: meta::get(conn, meta::HUB_URL)?,
                feed_after: num(meta::FEED_AFTER)?,
                bootstrap,
            })
        })
    }

    /// The ticket versions the replica holds, for convergence checks.
    pub fn ticket_version(&self, id: TicketId) -> Result<Option<i64>, StoreError> {
        self.readers.with(|conn| Ok(tickets::version(conn, id)?))
    }
}

fn validate_edit_id(id: &str) -> Result<(), StoreError> {
    if id.is_empty() || id.len() > 64 || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return Err(StoreError::Invalid(
            "an edit id is 1 to 64 letters, digits or dashes".into(),
        ));
    }
    Ok(())
}

pub(crate) fn signed_in_agent(conn: &Connection) -> Result<Agent, StoreError> {
    let id = meta::get(conn, meta::AGENT_ID)?
        .ok_or_else(|| StoreError::Invalid("nobody is signed in to this workspace".into()))?;
    Ok(team::agent(conn, &id)?.unwrap_or(Agent {
        name: id.clone(),
        id,
        group_id: None,
    }))
}

fn queue_and_apply(
    tx: &Connection,
    ticket_id: TicketId,
    edit: &TicketEdit,
    edit_id: &str,
    now: Millis,
) -> Result<(), StoreError> {
    let me = signed_in_agent(tx)?;
    let mut search = search_index::Pending::default();
    queue_edit(tx, &me, ticket_id, edit, edit_id, now, &mut search)?;
    search.write(tx)?;
    Ok(())
}

/// Queues one edit against the stored version and applies it to the local copy. A bulk
/// action calls this once per ticket in one transaction, so both paths queue exactly the same
/// rows; search entries are collected in `search` and written once by the caller.
pub(crate) fn queue_edit(
    tx: &Connection,
    me: &Agent,
    ticket_id: TicketId,
    edit: &TicketEdit,
    edit_id: &str,
    now: Millis,
    search: &mut search_index::Pending,
) -> Result<(), StoreError> {
    let Some(base_version) = tickets::version(tx, ticket_id)? else {
        return Err(StoreError::TicketNotFound(ticket_id));
    };
    if outbox::get(tx, edit_id)?.is_some() {
        // The UI retried a call that already landed: the edit is queued once, not twice.
        return Ok(());
    }
    let seq = outbox::insert(tx, edit_id, ticket_id, base_version, edit, now)?;
    let mut record = crate::ticket_detail(tx, ticket_id)?.record;
    edit.apply(&mut record, me, -seq, now);
    // The ticket exists (its version was just read), so it is already indexed or waiting in
    // the search backlog; write_ticket keeps it in whichever of the two it is.
    crate::write_ticket(tx, &record, true, search)?;
    Ok(())
}

/// When a stored copy's search entries are written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Indexing {
    Now,
    /// By the background catch-up (bootstrap pages).
    Later,
}

/// How large the WAL may grow during a bootstrap before the writer checkpoints it: 1 GiB of
/// 4 KiB pages, about 300,000 tickets of the demo's size. A bound on the disk a bootstrap
/// borrows, not a tuning: a bootstrap of up to that size never waits for a checkpoint.
const BOOTSTRAP_WAL_PAGES: i64 = 262_144;

/// The writer's page cache during a bootstrap: 64 MiB (a negative `cache_size` is in KiB).
const BOOTSTRAP_CACHE_KIB: i64 = -65_536;

/// Runs `f` with the writer's settings for bootstrap pages, restoring them afterwards
/// whatever `f` did: the writer's next job must have its checks and durability back.
///
/// - No foreign-key checks. Every checked insert made SQLite open a statement journal and
///   look up the parent row; a page writes each ticket's customer before the ticket and the
///   ticket before its thread and links (`write_ticket_rows`), and `validate_records` refused
///   any message claiming another ticket, so the checks could not fail there.
/// - No CHECK constraints. They guard columns written from Rust enums (`Status::as_str`,
///   `MessageKind::as_str`, …), so a page cannot break them, and SQLite evaluates a CHECK
///   `IN (…)` list of three or more values by building a temporary b-tree for every row
///   (perf: a fifth of the writer's time went to opening and closing those).
/// - `synchronous = NORMAL`: the commit does not wait for the disk. In WAL mode a power cut
///   can then lose only the last commits, never corrupt the file, and what those commits held
///   is a page the hub still has: the page's cursor is stored in the same transaction, so the
///   bootstrap resumes at the last page that did reach the disk. Nothing the agent did is in
///   these transactions, and the next `FULL` commit (any local edit) syncs them as well.
///   Waiting on the disk for every 500-ticket page was most of the writer's idle time.
/// - Automatic checkpoints only past [`BOOTSTRAP_WAL_PAGES`], not the usual 1,000 pages:
///   each one copies the WAL into the database file and waits for the disk to sync it, while
///   the next page waits decoded in memory (about a seventh of a bootstrap on the benchmark
///   machine). Copying on another thread during the bootstrap was no faster on two cores, and
///   let the WAL grow anyway. So the WAL holds the bootstrap, and the last page has it copied
///   in the background (`wal_checkpoints`).
/// - A page cache of [`BOOTSTRAP_CACHE_KIB`], not SQLite's 2 MB: one bootstrap page of 2,000
///   tickets dirties more than that (its threads alone are a few MB), and a transaction that
///   outgrows its cache spills pages to the WAL before the commit and reads them back. The
///   customers' b-tree, written all over by id, was read back from the WAL on every page
///   (perf: `pread` and `walFindFrame` on the writer). Setting the old size back frees the rest.
///
/// `foreign_keys` only takes effect outside a transaction, hence a wrapper around it.
fn as_bootstrap_write<T>(
    conn: &mut Connection,
    f: impl FnOnce(&mut Connection) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    // Whatever the writer was opened with (desk-sqlite's `open_writer`), not a second copy
    // of it here.
    let synchronous: i64 = conn.query_row("PRAGMA synchronous", [], |r| r.get(0))?;
    let autocheckpoint: i64 = conn.query_row("PRAGMA wal_autocheckpoint", [], |r| r.get(0))?;
    let cache_size: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "ignore_check_constraints", "ON")?;
    conn.pragma_update(None, "wal_autocheckpoint", BOOTSTRAP_WAL_PAGES)?;
    conn.pragma_update(None, "cache_size", BOOTSTRAP_CACHE_KIB)?;
    let out = f(conn);
    let restored = conn
        .pragma_update(None, "foreign_keys", "ON")
        .and_then(|()| conn.pragma_update(None, "synchronous", synchronous))
        .and_then(|()| conn.pragma_update(None, "wal_autocheckpoint", autocheckpoint))
        .and_then(|()| conn.pragma_update(None, "cache_size", cache_size))
        .and_then(|()| conn.pragma_update(None, "ignore_check_constraints", "OFF"));
    let out = out?;
    restored?;
    Ok(out)
}

/// What the replica holds for a page of hub copies: its versions of them, which have queued
/// edits to re-apply, and which are marked for a fresh copy. Read in three statements per
/// page; read per ticket, they were three of the six statements of every bootstrapped ticket.
struct Held {
    versions: HashMap<TicketId, i64>,
    queued: HashSet<TicketId>,
    refetch: HashSet<TicketId>,
}

impl Held {
    fn read<'a>(
        tx: &Connection,
        copies: impl Iterator<Item = &'a ServerTicket>,
    ) -> rusqlite::Result<Held> {
        let ids: Vec<TicketId> = copies.map(|t| t.record.id).collect();
        Ok(Held {
            versions: tickets::versions(tx, &ids)?,
            queued: outbox::with_queued(tx, &ids)?,
            refetch: outbox::marked_refetch(tx, &ids)?,
        })
    }
}

/// Stores one hub copy (if not older than ours) with queued edits re-applied. Returns whether
/// it was stored. `held` must have been read in this transaction, after any earlier copy of
/// the same ticket was stored (a change page reads it once per copy of a ticket it repeats).
fn apply_server_copy(
    tx: &Connection,
    me: &Agent,
    t: &ServerTicket,
    held: &Held,
    search: &mut search_index::Pending,
    indexing: Indexing,
) -> Result<bool, StoreError> {
    let id = t.record.id;
    let stored = held.versions.get(&id).copied();
    if stored.is_some_and(|v| v > t.version) {
        return Ok(false);
    }
    // Copied only to re-apply queued edits; most copies are stored as the hub sent them.
    let record = if held.queued.contains(&id) {
        let mut record = t.record.clone();
        for q in outbox::queued_for(tx, id)? {
            q.edit.apply(&mut record, me, -q.seq, q.created_at);
        }
        Cow::Owned(record)
    } else {
        Cow::Borrowed(&t.record)
    };
    let known = stored.is_some();
    crate::write_ticket_rows(tx, &record, known, t.version)?;
    match indexing {
        Indexing::Now => search.index(&record, known),
        Indexing::Later => search.defer(id, known),
    }
    if held.refetch.contains(&id) {
        outbox::clear_refetch(tx, id)?;
    }
    Ok(true)
}

fn remove_ticket(
    tx: &Connection,
    id: TicketId,
    reason: &str,
    search: &mut search_index::Pending,
) -> Result<(), StoreError> {
    outbox::reject_all_for(tx, id, reason)?;
    outbox::clear_refetch(tx, id)?;
    if tickets::delete(tx, id)? {
        search.remove(id);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SETTINGS: [&str; 5] = [
        "foreign_keys",
        "synchronous",
        "ignore_check_constraints",
        "wal_autocheckpoint",
        "cache_size",
    ];

    fn settings(conn: &Connection) -> Vec<i64> {
        SETTINGS
            .iter()
            .map(|s| {
                conn.query_row(&format!("PRAGMA {s}"), [], |r| r.get(0))
                    .unwrap()
            })
            .collect()
    }

    /// The bootstrap's settings hold only inside it: the writer's next job (an agent's edit)
    /// must get its checks, its durable commit, its checkpoints and its memory back, also when
    /// the page failed half-way.
    #[test]
    fn a_bootstrap_write_sets_its_settings_and_restores_the_writers_own() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = desk_sqlite::open_writer(&dir.path().join("r.sqlite3")).unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        let own = settings(&conn);
        assert_eq!(own[0], 1, "the writer checks foreign keys");
        assert_ne!(
            own[4], BOOTSTRAP_CACHE_KIB,
            "the test must see the cache change"
        );

        let inside = as_bootstrap_write(&mut conn, |c| Ok(settings(c))).unwrap();
        assert_eq!(
            inside,
            vec![0, 1, 1, BOOTSTRAP_WAL_PAGES, BOOTSTRAP_CACHE_KIB]
        );
        assert_eq!(settings(&conn), own);

        let failed: Result<(), StoreError> =
            as_bootstrap_write(&mut conn, |_| Err(StoreError::Invalid("half-way".into())));
        assert!(matches!(failed, Err(StoreError::Invalid(_))));
        assert_eq!(settings(&conn), own, "restored after a failed page too");
    }
}
