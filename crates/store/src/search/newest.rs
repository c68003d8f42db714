//! Which hits a search shows: the `limit` most recently updated, newest first (ties: higher id
//! first), out of every ticket that matched.
//!
//! Two ways to find them, chosen by how many tickets matched:
//! - Few hits: look up each hit's `updated_at` in the narrow `tickets_recency` index and keep
//!   the newest. The cost grows with the hits: about half a microsecond each, so a common word
//!   at 1M tickets (55,000 hits) spent 30-40 ms on lookups alone.
//! - Many hits: walk the tickets from the newest down (`tickets_updated`, once per `active`
//!   value) and keep those in the hit set, until `limit` are found. The cost grows with how far
//!   down the newest hits are, about `limit × tickets / hits` steps: a few thousand for that
//!   word, a few milliseconds.
//!
//! Both read every hit id once anyway, to count them, so the choice costs nothing extra.

use desk_domain::TicketId;
use rusqlite::Connection;

/// Every ticket id the search matched, ascending, each once.
pub(crate) struct Hits(Vec<TicketId>);

impl Hits {
    pub(crate) fn new(mut ids: Vec<TicketId>) -> Hits {
        // One MATCH yields rowids in order already; INTERSECT and UNION do too, but nothing
        // promises it, and a sorted, unique list is what `contains` and `len` rely on.
        ids.sort_unstable();
        ids.dedup();
        Hits(ids)
    }

    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn contains(&self, id: TicketId) -> bool {
        self.0.binary_search(&id).is_ok()
    }

    pub(crate) fn ids(&self) -> &[TicketId] {
        &self.0
    }
}

/// What one `tickets_recency` lookup costs in steps of the walk (measured at 1M tickets:
/// about 1.6 µs against 0.11 µs).
const LOOKUP_STEPS: f64 = 15.0;

/// The ids of the `limit` newest hits, newest first.
pub(crate) fn newest(
    conn: &Connection,
    hits: &Hits,
    limit: usize,
) -> rusqlite::Result<Vec<TicketId>> {
    if hits.is_empty() {
        return Ok(Vec::new());
    }
    // The largest id stands in for the ticket count: one index seek, and close enough to
    // compare two costs that differ tenfold away from the crossover.
    let tickets: i64 = conn
        .prepare_cached("SELECT coalesce(max(id), 0) FROM tickets")?
        .query_row([], |r| r.get(0))?;
    // Hits spread evenly over time put the `limit`-th newest of each `active` value about
    // `limit × tickets / hits` tickets down.
    let walk_steps = 2.0 * limit as f64 * tickets as f64 / hits.len() as f64;
    let walked = if LOOKUP_STEPS * hits.len() as f64 > walk_steps {
        // Hits bunched among old tickets (a word from last year's outage) would make the walk
        // go much further than that; past a budget, the lookups are the cheaper plan after all.
        walk_newest(conn, hits, limit, 4 * walk_steps as usize + 10_000)?
    } else {
        None
    };
    let mut found = match walked {
        Some(found) => found,
        None => look_up_each(conn, hits)?,
    };
    found.sort_unstable_by(|a, b| b.cmp(a));
    found.truncate(limit);
    Ok(found.into_iter().map(|(_, id)| id).collect())
}

/// `(updated_at, id)` of every hit.
fn look_up_each(conn: &Connection, hits: &Hits) -> rusqlite::Result<Vec<(i64, TicketId)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT updated_at, id FROM tickets INDEXED BY tickets_recency
         WHERE id IN (SELECT value FROM json_each(?1))",
    )?;
    let rows = stmt.query_map([crate::tables::id_list(hits.ids())], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    rows.collect()
}

/// `(updated_at, id)` of at least the `limit` newest hits: the newest of each `active` value,
/// plus any that tie with the last one taken, so the final sort breaks ties by id as the other
/// plan does. `None` when that takes more than `budget` steps.
fn walk_newest(
    conn: &Connection,
    hits: &Hits,
    limit: usize,
    budget: usize,
) -> rusqlite::Result<Option<Vec<(i64, TicketId)>>> {
    // `tickets_updated` (active, updated_at DESC) gives this order without a sort. It is not
    // named in INDEXED BY: during a bootstrap it is set aside, and this must still answer
    // (slowly) rather than fail; the search index is empty then anyway.
    let mut stmt = conn.prepare_cached(
        "SELECT updated_at, id FROM tickets WHERE active = ?1 ORDER BY updated_at DESC",
    )?;
    let mut found = Vec::with_capacity(limit * 2);
    let mut steps = 0;
    for active in [true, false] {
        let mut taken = 0;
        let mut cutoff = None;
        let mut rows = stmt.query([active])?;
        while let Some(row) = rows.next()? {
            steps += 1;
            if steps > budget {
                return Ok(None);
            }
            let (updated_at, id): (i64, TicketId) = (row.get(0)?, row.get(1)?);
            if cutoff.is_some_and(|c| updated_at < c) {
                break;
            }
            if hits.contains(id) {
                found.push((updated_at, id));
                taken += 1;
                if taken == limit {
                    cutoff = Some(updated_at);
                }
            }
        }
    }
    Ok(Some(found))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    /// A replica of `n` demo tickets where every fifth shares its `updated_at` with the next,
    /// so ties must be broken by id.
    fn replica(n: i64) -> (Store, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("replica.sqlite3")).unwrap();
        let mut generator = desk_demo::Generator::new(7, 1_790_000_000_000);
        let mut tickets: Vec<_> = (1..=n).map(|id| generator.ticket(id)).collect();
        for pair in tickets.chunks_mut(5) {
            if let [a, b, ..] = pair {
                b.updated_at = a.updated_at;
            }
        }
        store.upsert_tickets_blocking(tickets).unwrap();
        (store, dir)
    }

    fn sorted(mut found: Vec<(i64, TicketId)>, limit: usize) -> Vec<(i64, TicketId)> {
        found.sort_unstable_by(|a, b| b.cmp(a));
        found.truncate(limit);
        found
    }

    /// Both plans must show the same hits in the same order, whatever the hits and the limit:
    /// which plan runs is a matter of speed only.
    #[test]
    fn the_walk_and_the_lookups_pick_the_same_newest_hits() {
        let (store, dir) = replica(400);
        let conn = desk_sqlite::open_reader(&dir.path().join("replica.sqlite3")).unwrap();
        let every = |k: i64| Hits::new((1..=400).filter(|id| id % k == 0).collect());
        let oldest_only = Hits::new((1..=40).collect());
        for hits in [every(1), every(3), every(7), oldest_only] {
            for limit in [1, 5, 20, 200] {
                let walked = walk_newest(&conn, &hits, limit, usize::MAX)
                    .unwrap()
                    .unwrap();
                let looked_up = look_up_each(&conn, &hits).unwrap();
                let expected = sorted(looked_up, limit);
                assert_eq!(expected.len(), limit.min(hits.len()));
                assert_eq!(
                    sorted(walked, limit),
                    expected,
                    "{} hits, limit {limit}",
                    hits.len()
                );
                let ids: Vec<_> = expected.iter().map(|(_, id)| *id).collect();
                assert_eq!(newest(&conn, &hits, limit).unwrap(), ids);
            }
        }
        drop(store);
    }

    /// Hits far down the walk exhaust its budget; the search then answers by lookups instead.
    #[test]
    fn a_walk_past_its_budget_gives_way_to_the_lookups() {
        let (_store, dir) = replica(400);
        let conn = desk_sqlite::open_reader(&dir.path().join("replica.sqlite3")).unwrap();
        let hits = Hits::new(vec![1, 2]);
        assert_eq!(walk_newest(&conn, &hits, 2, 50).unwrap(), None);
        let found = walk_newest(&conn, &hits, 2, usize::MAX).unwrap().unwrap();
        assert_eq!(found.len(), 2, "given the steps, the walk finds both");
    }
}
