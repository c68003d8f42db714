//! Inbox views as SQL: which tickets a view holds, in which order, one page at a time.

use desk_domain::inbox::SLA_RISK_WINDOW_MS;
use desk_domain::{InboxFilter, InboxPage, InboxQuery, InboxSort, InboxView, Millis, ViewCount};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};

use crate::tables::tickets::{summary_from_row, SUMMARY_COLUMNS};
use crate::StoreError;

/// What "now" and "me" mean for view membership. Passed in so queries are deterministic.
#[derive(Debug, Clone)]
pub struct Perspective {
    pub agent_id: Option<String>,
    pub now: Millis,
}

/// A WHERE clause under construction, with its positional parameters.
#[derive(Default)]
pub(crate) struct Conditions {
    clauses: Vec<String>,
    params: Vec<Value>,
}

impl Conditions {
    fn push(&mut self, clause: &str, params: impl IntoIterator<Item = Value>) {
        self.clauses.push(clause.to_string());
        self.params.extend(params);
    }

    fn any_of(&mut self, column: &str, values: Vec<String>) {
        if values.is_empty() {
            return;
        }
        let marks = vec!["?"; values.len()].join(", ");
        self.push(
            &format!("{column} IN ({marks})"),
            values.into_iter().map(Value::Text),
        );
    }

    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            "1".to_string()
        } else {
            self.clauses.join(" AND ")
        }
    }
}

pub(crate) fn view_conditions(view: InboxView, who: &Perspective) -> Conditions {
    let mut c = Conditions::default();
    match view {
        InboxView::Active => c.push("t.active = 1", []),
        InboxView::Mine => {
            // Without a signed-in agent, "mine" is empty rather than everyone's.
            let me = who.agent_id.clone().unwrap_or_default();
            c.push("t.assignee_id = ? AND t.active = 1", [Value::Text(me)]);
        }
        InboxView::Unassigned => c.push("t.assignee_id IS NULL AND t.active = 1", []),
        InboxView::Urgent => c.push("t.urgent = 1 AND t.active = 1", []),
        InboxView::SlaAtRisk => c.push(
            "t.active = 1 AND t.sla_key <= ?",
            [Value::Integer(who.now + SLA_RISK_WINDOW_MS)],
        ),
        InboxView::WaitingOnCustomer => c.push("t.status = 'pending'", []),
        InboxView::Done => c.push("t.status IN ('solved', 'closed')", []),
        InboxView::Channel(ch) => c.push(
            "t.active = 1 AND t.channel = ?",
            [Value::Text(ch.id().into())],
        ),
        InboxView::Category(cat) => c.push(
            "t.active = 1 AND t.category = ?",
            [Value::Text(cat.id().into())],
        ),
    }
    c
}

fn filter_conditions(c: &mut Conditions, f: &InboxFilter) {
    c.any_of(
        "t.status",
        f.statuses.iter().map(|s| s.as_str().to_string()).collect(),
    );
    c.any_of(
        "t.channel",
        f.channels.iter().map(|s| s.id().to_string()).collect(),
    );
    c.any_of(
        "t.category",
        f.categories.iter().map(|s| s.id().to_string()).collect(),
    );
    if !f.priorities.is_empty() {
        let marks = vec!["?"; f.priorities.len()].join(", ");
        c.push(
            &format!("t.priority IN ({marks})"),
            f.priorities.iter().map(|p| Value::Integer(p.rank())),
        );
    }
    if let Some(tag) = &f.tag {
        c.push(
            "t.id IN (SELECT ticket_id FROM ticket_tags WHERE tag = ?)",
            [Value::Text(tag.clone())],
        );
    }
    if let Some(a) = &f.assignee_id {
        c.push("t.assignee_id = ?", [Value::Text(a.clone())]);
    }
}

fn order_by(sort: InboxSort) -> &'static str {
    match sort {
        InboxSort::Priority => "t.priority DESC, t.sla_key, t.created_at, t.id",
        InboxSort::SlaDue => "t.sla_key, t.priority DESC, t.id",
        // Ties broken by ascending id: the order the index already stores them in.
        InboxSort::Updated => "t.updated_at DESC, t.id",
    }
}

pub(crate) fn page(
    conn: &Connection,
    q: &InboxQuery,
    who: &Perspective,
) -> Result<InboxPage, StoreError> {
    q.validate()?;
    let mut c = view_conditions(q.view, who);
    filter_conditions(&mut c, &q.filter);
    let total: i64 = conn
        .prepare_cached(&format!("SELECT count(*) FROM tickets t WHERE {}", c.sql()))?
        .query_row(params_from_iter(c.params.iter()), |r| r.get(0))?;
    // Deferred join: page through the covering sort index alone, then fetch full rows for
    // just this page. Skipping 50,000 rows of an index is milliseconds; skipping 50,000 joined
    // rows was most of a second.
    let order = order_by(q.sort);
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM (SELECT t.id FROM tickets t WHERE {} ORDER BY {order}
            LIMIT ? OFFSET ?) AS page
         JOIN tickets t ON t.id = page.id JOIN customers c ON c.id = t.customer_id
         ORDER BY {order}",
        c.sql()
    );
    let mut params = c.params.clone();
    params.push(Value::Integer(q.limit.into()));
    params.push(Value::Integer(q.offset.into()));
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(params.iter()), summary_from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(InboxPage {
        total: clamp_u32(total),
        offset: q.offset,
        rows,
    })
}

/// Every view's size. Fixed views count through their indexes; per-channel and per-category
/// counts come from one grouped scan of the `active` index each.
pub(crate) fn counts(conn: &Connection, who: &Perspective) -> Result<Vec<ViewCount>, StoreError> {
    let mut out = Vec::new();
    for view in InboxView::FIXED {
        let c = view_conditions(*view, who);
        let n: i64 = conn
            .prepare_cached(&format!("SELECT count(*) FROM tickets t WHERE {}", c.sql()))?
            .query_row(params_from_iter(c.params.iter()), |r| r.get(0))?;
        out.push(ViewCount {
            view: *view,
            count: clamp_u32(n),
        });
    }
    let grouped = |column: &str| -> Result<Vec<(String, i64)>, StoreError> {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {column}, count(*) FROM tickets WHERE active = 1 GROUP BY {column}"
        ))?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    };
    let channels = grouped("channel")?;
    for ch in desk_domain::Channel::ALL {
        let n = channels
            .iter()
            .find(|(id, _)| id == ch.id())
            .map_or(0, |(_, n)| *n);
        out.push(ViewCount {
            view: InboxView::Channel(*ch),
            count: clamp_u32(n),
        });
    }
    let categories = grouped("category")?;
    for cat in desk_domain::Category::ALL {
        let n = categories
            .iter()
            .find(|(id, _)| id == cat.id())
            .map_or(0, |(_, n)| *n);
        out.push(ViewCount {
            view: InboxView::Category(*cat),
            count: clamp_u32(n),
        });
    }
    Ok(out)
}

fn clamp_u32(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}
