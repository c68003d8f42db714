//! The two FTS5 indexes behind search (see `crate::search` for why there are two).
//!
//! Both are contentless with `contentless_delete=1`: the text already lives in `tickets` and
//! `messages`, so storing it again would double the file, and contentless-delete lets a ticket
//! be re-indexed with a plain `DELETE` by rowid. That avoids the external-content trap in which
//! an update leaves the old terms matching. The rowid of both indexes is the ticket id.

use desk_domain::{TicketId, TicketRecord};
use rusqlite::Connection;

use crate::search::cjk::bigrams;
use crate::search::query::Term;

pub(crate) const M_20261122_CREATE: &str = "
CREATE VIRTUAL TABLE ticket_text USING fts5(
    body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE ticket_ids USING fts5(
    body, content = '', contentless_delete = 1, tokenize = 'trigram'
);
-- Merge segments less eagerly than the defaults (4 and 16): bulk fills run about 1.7x faster,
-- and searches stay in single-digit milliseconds on 10,000 tickets.
INSERT INTO ticket_text (ticket_text, rank) VALUES ('automerge', 16);
INSERT INTO ticket_text (ticket_text, rank) VALUES ('crisismerge', 64);
";

/// Tickets stored but not yet in either search index. A bootstrap writes its pages without
/// indexing (tokenizing into two indexes was about a third of its time) and lists each ticket
/// here; `crate::search_catch_up` then indexes them in the background from the stored rows.
/// Being a table, the list survives a crash, so the catch-up resumes where it stopped.
/// Invariant: a ticket is in the indexes or in this list, never both.
pub(crate) const M_20261127_BACKLOG: &str = "
CREATE TABLE search_backlog (
    -- No foreign key: a ticket removed meanwhile is dropped from the list by the catch-up.
    ticket_id INTEGER PRIMARY KEY
) STRICT;
";

/// The search-index writes of one transaction, held back until its other writes are done.
///
/// FTS5 keeps new terms in memory until commit, except that it writes them out as a new index
/// segment whenever a statement opens a savepoint, and SQLite opens one for every statement that
/// may need a partial rollback: our upserts, multi-row deletes and foreign-key checks. Indexing
/// each ticket between its row writes therefore made one tiny segment per ticket and merged
/// them over and over, about 90% of a bulk fill. Writing the index entries after all rows, in
/// the order they were queued, leaves one segment per transaction.
#[derive(Default)]
pub(crate) struct Pending {
    writes: Vec<Write>,
}

enum Write {
    Index {
        id: TicketId,
        was_indexed: bool,
        words: String,
        ids: String,
    },
    Remove(TicketId),
    Defer {
        id: TicketId,
        was_indexed: bool,
    },
}

impl Pending {
    /// (Re)indexes one ticket from its replicated record, replacing whatever was indexed
    /// before. `was_indexed` is false for a ticket the replica has never held: skipping the
    /// delete then saves a lookup across every index segment.
    pub(crate) fn index(&mut self, t: &TicketRecord, was_indexed: bool) {
        let mut words = String::with_capacity(1024);
        words.push_str(&t.subject);
        words.push('\n');
        words.push_str(&t.customer.name);
        for m in &t.messages {
            words.push('\n');
            words.push_str(&m.body);
        }
        let mut ids = vec![t.id.to_string(), t.customer.wallet_account_id.clone()];
        ids.extend(t.customer.email.iter().cloned());
        if let Some(phone) = &t.customer.phone {
            ids.push(phone.clone());
            ids.push(phone.chars().filter(char::is_ascii_digit).collect());
        }
        ids.extend(t.transaction_refs.iter().cloned());
        self.writes.push(Write::Index {
            id: t.id,
            was_indexed,
            words: bigrams(&words),
            ids: ids.join("\n"),
        });
    }

    pub(crate) fn remove(&mut self, id: TicketId) {
        self.writes.push(Write::Remove(id));
    }

    /// Leaves the ticket to the background catch-up instead of indexing it now: its old
    /// entries (if any) go, and it joins the backlog.
    pub(crate) fn defer(&mut self, id: TicketId, was_indexed: bool) {
        self.writes.push(Write::Defer { id, was_indexed });
    }

    /// Writes everything queued, in order. Call last in the transaction, before commit.
    pub(crate) fn write(self, conn: &Connection) -> rusqlite::Result<()> {
        for w in self.writes {
            match w {
                Write::Index {
                    id,
                    was_indexed,
                    words,
                    ids,
                } => {
                    if in_backlog(conn, id)? {
                        // Not indexed yet: the catch-up indexes the row as stored by then.
                        continue;
                    }
                    if was_indexed {
                        remove(conn, id)?;
                    }
                    conn.prepare_cached("INSERT INTO ticket_text (rowid, body) VALUES (?1, ?2)")?
                        .execute((id, words))?;
                    conn.prepare_cached("INSERT INTO ticket_ids (rowid, body) VALUES (?1, ?2)")?
                        .execute((id, ids))?;
                }
                Write::Remove(id) => {
                    if !leave_backlog(conn, id)? {
                        remove(conn, id)?;
                    }
                }
                Write::Defer { id, was_indexed } => {
                    if was_indexed && !in_backlog(conn, id)? {
                        remove(conn, id)?;
                    }
                    conn.prepare_cached(
                        "INSERT OR IGNORE INTO search_backlog (ticket_id) VALUES (?1)",
                    )?
                    .execute([id])?;
                }
            }
        }
        Ok(())
    }
}

fn in_backlog(conn: &Connection, id: TicketId) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT 1 FROM search_backlog WHERE ticket_id = ?1")?
        .exists([id])
}

/// Takes `id` off the backlog; true if it was there (so it was never indexed).
pub(crate) fn leave_backlog(conn: &Connection, id: TicketId) -> rusqlite::Result<bool> {
    Ok(conn
        .prepare_cached("DELETE FROM search_backlog WHERE ticket_id = ?1")?
        .execute([id])?
        > 0)
}

fn remove(conn: &Connection, id: TicketId) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM ticket_text WHERE rowid = ?1")?
        .execute([id])?;
    conn.prepare_cached("DELETE FROM ticket_ids WHERE rowid = ?1")?
        .execute([id])?;
    Ok(())
}

/// SQL selecting the ids of tickets that match every term, plus its parameters in order.
/// Each term matches in either index; terms are intersected.
pub(crate) fn matching_ids_sql(terms: &[Term]) -> (String, Vec<String>) {
    let mut sql = String::new();
    let mut params = Vec::new();
    for (i, term) in terms.iter().enumerate() {
        if i > 0 {
            sql.push_str(" INTERSECT ");
        }
        sql.push_str(
            "SELECT id FROM (SELECT rowid AS id FROM ticket_text WHERE ticket_text MATCH ?",
        );
        params.push(term.words.clone());
        if let Some(fragment) = &term.id_fragment {
            sql.push_str(" UNION SELECT rowid AS id FROM ticket_ids WHERE ticket_ids MATCH ?");
            params.push(fragment.clone());
        }
        if let Some(n) = term.ticket_number {
            sql.push_str(" UNION SELECT id FROM tickets WHERE id = CAST(? AS INTEGER)");
            params.push(n.to_string());
        }
        sql.push(')');
    }
    (sql, params)
}
