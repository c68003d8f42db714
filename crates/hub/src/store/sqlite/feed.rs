//! Bootstrap pages and change pages, each read in one snapshot.

use desk_wire::{BootstrapPage, Change, ChangeKind, ChangesPage};
use rusqlite::Connection;

use super::tables::changes::{self, StoredKind};
use super::tables::{tickets, TicketRange};
use crate::store::{BootstrapCursor, StoreError};

/// How many pages past the next one a bootstrap page gives cursors for: enough for a console
/// to keep its hub readers and its writer busy at once (see desk-sync's look-ahead). Each
/// costs the page `limit` more ids read from the primary key.
const PAGES_AHEAD: u32 = 3;

pub(super) fn bootstrap(
    conn: &Connection,
    cursor: Option<BootstrapCursor>,
    limit: u32,
) -> Result<BootstrapPage, StoreError> {
    // The first page fixes the snapshot: every change after it is in the feed, so a console
    // that pulls changes after `snapshot_seq` once the last page is in misses nothing, even if
    // tickets changed between pages.
    let cursor = match cursor {
        Some(c) => c,
        None => BootstrapCursor {
            after_id: 0,
            snapshot_seq: changes::latest_seq(conn)?,
        },
    };
    // The ids of this page and the next few, and one past them: whether more pages follow,
    // and the cursors the next pages will carry, without loading any ticket beyond this page.
    // The route refuses 0; a page of at least one keeps the cursors below well defined.
    let limit = limit.max(1);
    let mut ids = tickets::ids_after(conn, cursor.after_id, (1 + PAGES_AHEAD) * limit + 1)?;
    // The cursor after the first `pages` pages, if another page follows them.
    let cursor_after = |pages: u32| {
        let end = (pages * limit) as usize;
        ids.get(end - 1).filter(|_| ids.len() > end).map(|&last| {
            BootstrapCursor {
                after_id: last,
                snapshot_seq: cursor.snapshot_seq,
            }
            .encode()
        })
    };
    let next = cursor_after(1);
    let ahead: Vec<String> = (2..=1 + PAGES_AHEAD).map_while(cursor_after).collect();
    let has_more = next.is_some();
    ids.truncate(limit as usize);
    let page = match ids.last() {
        Some(&last) => tickets::load_range(
            conn,
            TicketRange {
                after: cursor.after_id,
                last,
            },
        )?,
        None => Vec::new(),
    };
    Ok(BootstrapPage {
        tickets: page,
        cursor: next,
        cursors_ahead: ahead,
        has_more,
        snapshot_seq: cursor.snapshot_seq,
        // For the console's progress bar only; tickets created meanwhile arrive by the feed.
        total: Some(conn.query_row("SELECT count(*) FROM tickets", [], |r| r.get(0))?),
    })
}

pub(super) fn changes(
    conn: &Connection,
    after: i64,
    limit: u32,
) -> Result<ChangesPage, StoreError> {
    let mut rows = changes::after(conn, after, limit + 1)?;
    let has_more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next_after = rows.last().map_or(after, |r| r.seq);
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let kind = match row.kind {
            StoredKind::Upsert => match tickets::load(conn, row.ticket_id)? {
                Some(ticket) => ChangeKind::Upsert {
                    ticket: Box::new(ticket),
                },
                // Removed since: a later deleted or merged change in the feed says so.
                None => continue,
            },
            StoredKind::Deleted => ChangeKind::Deleted,
            StoredKind::Merged(into) => ChangeKind::Merged { into },
        };
        out.push(Change {
            seq: row.seq,
            ticket_id: row.ticket_id,
            kind,
        });
    }
    Ok(ChangesPage {
        changes: out,
        next_after,
        has_more,
    })
}
