//! The dashboard's figures against hand-made tickets whose deadlines and arrivals are known,
//! and their speed on a 100,000-ticket replica.

use desk_domain::*;
use desk_store::Perspective;

use crate::fixtures::*;

const HOUR: Millis = 60 * MINUTE;
const DAY: Millis = 24 * HOUR;

fn with(id: TicketId, f: impl FnOnce(&mut TicketRecord)) -> TicketRecord {
    let mut t = ticket(id, &format!("Ticket {id}"), "help");
    f(&mut t);
    t
}

#[test]
fn open_tickets_per_category_match_the_sidebar_counts() {
    let (store, _d) = store();
    let mut generator = desk_demo::Generator::new(5, NOW);
    let tickets: Vec<TicketRecord> = (1..=1_500).map(|id| generator.ticket(id)).collect();
    store.upsert_tickets_blocking(tickets).unwrap();
    let day = LocalDay::new(NOW, 480).unwrap();
    let dash = store.dashboard(day, 14).unwrap();
    let counts = store
        .view_counts(&Perspective {
            agent_id: None,
            now: NOW,
        })
        .unwrap();
    assert_eq!(
        dash.open_by_category.len(),
        Category::ALL.len(),
        "every category is listed, zeros included, so the chart's axis is stable"
    );
    for c in &dash.open_by_category {
        let sidebar = counts
            .iter()
            .find(|v| v.view == InboxView::Category(c.category))
            .unwrap()
            .count;
        assert_eq!(
            c.count, sidebar,
            "{:?}: the dashboard and the sidebar must agree",
            c.category
        );
    }
    assert!(dash.open_by_category.iter().any(|c| c.count > 0));
}

#[test]
fn breaches_today_count_deadlines_passed_since_local_midnight_on_open_tickets() {
    let (store, _d) = store();
    store
        .upsert_tickets_blocking(vec![
            with(1, |_| {}),
            with(2, |t| t.category = Category::Fraud),
            with(3, |_| {}),
            with(4, |t| t.status = Status::Solved),
        ])
        .unwrap();
    let due = |id| store.ticket_detail(id).unwrap().sla_due_at;
    let first = due(1).expect("an open ticket with a waiting customer has a deadline");
    assert_eq!(due(2), Some(first), "same channel, priority and wait");
    assert_eq!(due(4), None, "a solved ticket's clock is stopped");
    // Now is just after the deadline, on the same UTC day (the fixture's clock is mid-afternoon).
    let offset_minutes = 0;
    let day = LocalDay::new(first + MINUTE, offset_minutes).unwrap();
    assert!(
        day.today_start() < first,
        "the deadline must fall after midnight for this test"
    );
    let dash = store.dashboard(day, 1).unwrap();
    assert_eq!(
        dash.breaches_today, 3,
        "tickets 1-3 breached a minute ago; the solved one has no clock"
    );
    let total: u32 = dash.breaches_by_category.iter().map(|c| c.count).sum();
    assert_eq!(total, dash.breaches_today);
    assert_eq!(
        dash.breaches_by_category
            .iter()
            .find(|c| c.category == Category::Fraud)
            .map(|c| c.count),
        Some(1)
    );
    // Before the deadline nothing has breached yet.
    let early = store
        .dashboard(LocalDay::new(first - MINUTE, offset_minutes).unwrap(), 1)
        .unwrap();
    assert_eq!(
        early.breaches_today, 0,
        "a deadline still ahead is not a breach"
    );
    // A day later the breach belongs to yesterday.
    let tomorrow = store
        .dashboard(
            LocalDay::new(first + DAY + MINUTE, offset_minutes).unwrap(),
            1,
        )
        .unwrap();
    assert_eq!(
        tomorrow.breaches_today, 0,
        "yesterday's breach is not today's"
    );
}

#[test]
fn urgent_arrivals_are_bucketed_by_the_agents_local_day() {
    let (store, _d) = store();
    // 2026-11-22 01:30 UTC is 09:30 on the 22nd in UTC+8, 20:30 on the 21st in UTC-5.
    let now: Millis = 1_795_311_000_000;
    let at = |id, created: Millis, category| {
        with(id, |t| {
            t.category = category;
            t.created_at = created;
            t.updated_at = created;
            t.messages[0].created_at = created;
        })
    };
    store
        .upsert_tickets_blocking(vec![
            at(1, now - 30 * MINUTE, Category::Fraud), // 01:00 UTC on the 22nd
            at(2, now - 2 * HOUR, Category::AccountSecurity), // 23:30 UTC on the 21st
            at(3, now - 3 * DAY, Category::Fraud),
            at(4, now - 30 * MINUTE, Category::TopUp), // not urgent
            at(5, now - 20 * DAY, Category::Fraud),    // outside two weeks
        ])
        .unwrap();
    let shanghai = store
        .dashboard(LocalDay::new(now, 480).unwrap(), 14)
        .unwrap();
    let counts: Vec<u32> = shanghai.urgent_by_day.iter().map(|d| d.count).collect();
    assert_eq!(counts.len(), 14);
    assert_eq!(
        counts[13], 2,
        "in UTC+8 both arrivals fall on the 22nd (07:30 and 09:00)"
    );
    assert_eq!(counts[10], 1, "three days ago");
    assert_eq!(
        counts.iter().sum::<u32>(),
        3,
        "the top-up and the old case are left out"
    );
    let new_york = store
        .dashboard(LocalDay::new(now, -300).unwrap(), 14)
        .unwrap();
    let counts: Vec<u32> = new_york.urgent_by_day.iter().map(|d| d.count).collect();
    assert_eq!(
        counts[13], 2,
        "in UTC-5 both fall on the 21st (18:30 and 20:00), today there"
    );
    assert_eq!(
        new_york.urgent_by_day[13].day_start,
        LocalDay::new(now, -300).unwrap().today_start()
    );
}

#[test]
fn a_history_length_out_of_range_is_refused() {
    let (store, _d) = store();
    let day = LocalDay::new(NOW, 0).unwrap();
    for days in [0, 91] {
        assert_eq!(
            store.dashboard(day, days).unwrap_err().code(),
            ErrorCode::InvalidInput
        );
    }
}
