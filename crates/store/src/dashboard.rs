//! The dashboard's figures, each one indexed query: open work per category (the category
//! index), today's SLA breaches (a range on the SLA index), urgent arrivals per local day (the
//! urgent index, then a range on creation time).

use desk_domain::dashboard::MAX_DASHBOARD_DAYS;
use desk_domain::{Category, CategoryCount, Dashboard, DayCount, LocalDay};
use rusqlite::Connection;

use crate::tables::tickets::category_at;
use crate::{Store, StoreError};

impl Store {
    /// The dashboard as the agent sees it at `day.now`, with `days` days of urgent history.
    pub fn dashboard(&self, day: LocalDay, days: u32) -> Result<Dashboard, StoreError> {
        if days == 0 || days > MAX_DASHBOARD_DAYS {
            return Err(StoreError::Invalid(format!(
                "the urgent history covers 1 to {MAX_DASHBOARD_DAYS} days, got {days}"
            )));
        }
        self.readers.with(|conn| {
            // The reader already holds one read transaction (a snapshot), so the three
            // figures describe the same moment.
            let breaches_by_category = breaches(conn, day)?;
            let d = Dashboard {
                open_by_category: open_by_category(conn)?,
                breaches_today: breaches_by_category.iter().map(|c| c.count).sum(),
                breaches_by_category,
                urgent_by_day: urgent_by_day(conn, day, days)?,
            };
            Ok(d)
        })
    }
}

fn count(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn open_by_category(conn: &Connection) -> Result<Vec<CategoryCount>, StoreError> {
    // Counted exactly as the sidebar's category views count, so the two always agree.
    let mut stmt = conn.prepare_cached(
        "SELECT category, count(*) FROM tickets INDEXED BY tickets_category
         WHERE active = 1 GROUP BY category",
    )?;
    let found = stmt
        .query_map([], |r| Ok((category_at(r, 0)?, r.get::<_, i64>(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Category::ALL
        .iter()
        .map(|&category| CategoryCount {
            category,
            count: found
                .iter()
                .find(|(c, _)| *c == category)
                .map_or(0, |(_, n)| count(*n)),
        })
        .collect())
}

fn breaches(conn: &Connection, day: LocalDay) -> Result<Vec<CategoryCount>, StoreError> {
    // A deadline that passed since local midnight on a ticket still waiting for an agent.
    let mut stmt = conn.prepare_cached(
        "SELECT category, count(*) FROM tickets INDEXED BY tickets_sla
         WHERE active = 1 AND sla_key >= ?1 AND sla_key < ?2
         GROUP BY category",
    )?;
    let mut rows = stmt
        .query_map((day.today_start(), day.now), |r| {
            Ok(CategoryCount {
                category: category_at(r, 0)?,
                count: count(r.get(1)?),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    rows.sort_by_key(|c| Category::ALL.iter().position(|x| *x == c.category));
    Ok(rows)
}

fn urgent_by_day(conn: &Connection, day: LocalDay, days: u32) -> Result<Vec<DayCount>, StoreError> {
    let starts = day.day_starts(days);
    let from = starts[0];
    // Bucketed in SQL (integer division by the day's length from the first local midnight),
    // so only one row per day crosses into Rust.
    let mut stmt = conn.prepare_cached(
        "SELECT (created_at - ?1) / 86400000, count(*) FROM tickets INDEXED BY tickets_urgent
         WHERE urgent = 1 AND created_at >= ?1 AND created_at <= ?2
         GROUP BY 1",
    )?;
    let found = stmt
        .query_map((from, day.now), |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(starts
        .iter()
        .enumerate()
        .map(|(i, &day_start)| DayCount {
            day_start,
            count: found
                .iter()
                .find(|(b, _)| *b == i as i64)
                .map_or(0, |(_, n)| count(*n)),
        })
        .collect())
}
