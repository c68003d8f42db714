use desk_domain::*;
use desk_store::Perspective;

use crate::fixtures::*;

fn who() -> Perspective {
    Perspective {
        agent_id: Some("me".into()),
        now: NOW,
    }
}

fn query(view: InboxView, sort: InboxSort, offset: u32, limit: u32) -> InboxQuery {
    InboxQuery {
        view,
        filter: InboxFilter::default(),
        sort,
        offset,
        limit,
    }
}

/// Twelve tickets with a known spread of status, priority, owner, channel and category.
fn queue() -> Vec<TicketRecord> {
    (1..=12)
        .map(|i| {
            let mut t = ticket(i, &format!("ticket {i}"), "body");
            t.priority = Priority::ALL[(i % 4) as usize];
            t.status = match i {
                1..=8 => Status::Open,
                9 => Status::New,
                10 => Status::Pending,
                11 => Status::Solved,
                _ => Status::OnHold,
            };
            t.assignee_id = (i % 3 == 0).then(|| "me".to_string());
            t.channel = Channel::ALL[(i % 6) as usize];
            if i == 5 || i == 9 {
                t.category = Category::Fraud;
            }
            if i == 2 {
                t.tags = vec!["vip".into()];
            }
            t.created_at = NOW - i * 60 * MINUTE;
            t.updated_at = NOW - (12 - i) * MINUTE;
            t.messages[0].created_at = t.created_at;
            t
        })
        .collect()
}

#[test]
fn views_hold_the_right_tickets_and_counts_agree_with_pages() {
    let (store, _d) = store();
    store.upsert_tickets_blocking(queue()).unwrap();
    let counts = store.view_counts(&who()).unwrap();
    let count = |v: InboxView| counts.iter().find(|c| c.view == v).unwrap().count;

    assert_eq!(
        count(InboxView::Active),
        10,
        "new, open and on-hold need an agent; pending/solved do not"
    );
    assert_eq!(count(InboxView::WaitingOnCustomer), 1);
    assert_eq!(count(InboxView::Done), 1);
    assert_eq!(
        count(InboxView::Urgent),
        2,
        "fraud tickets 5 and 9 are urgent"
    );
    assert_eq!(
        count(InboxView::Mine),
        4,
        "tickets 3, 6, 9 and 12 are mine and active (12 is on hold, 9 is new)"
    );
    let by_channel: u32 = Channel::ALL
        .iter()
        .map(|c| count(InboxView::Channel(*c)))
        .sum();
    assert_eq!(
        by_channel,
        count(InboxView::Active),
        "every active ticket has exactly one channel"
    );

    for c in &counts {
        let page = store
            .inbox_page(&query(c.view, InboxSort::Priority, 0, 500), &who())
            .unwrap();
        assert_eq!(
            page.total, c.count,
            "{:?}: the sidebar count must equal the list's total",
            c.view
        );
        assert_eq!(page.rows.len() as u32, c.count);
    }
}

#[test]
fn priority_sort_puts_the_most_pressing_first() {
    let (store, _d) = store();
    store.upsert_tickets_blocking(queue()).unwrap();
    let page = store
        .inbox_page(
            &query(InboxView::Active, InboxSort::Priority, 0, 100),
            &who(),
        )
        .unwrap();
    let ranks: Vec<i64> = page.rows.iter().map(|r| r.priority.rank()).collect();
    assert!(
        ranks.windows(2).all(|w| w[0] >= w[1]),
        "priorities must not rise down the list: {ranks:?}"
    );
    let updated = store
        .inbox_page(
            &query(InboxView::Active, InboxSort::Updated, 0, 100),
            &who(),
        )
        .unwrap();
    let times: Vec<i64> = updated.rows.iter().map(|r| r.updated_at).collect();
    assert!(
        times.windows(2).all(|w| w[0] >= w[1]),
        "most recently updated first: {times:?}"
    );
}

#[test]
fn sla_sort_puts_running_clocks_before_stopped_ones() {
    let (store, _d) = store();
    let mut q = queue();
    q[0].messages
        .push(message(1, 1, MessageKind::Reply, "answered", NOW - MINUTE));
    store.upsert_tickets_blocking(q).unwrap();
    let page = store
        .inbox_page(&query(InboxView::Active, InboxSort::SlaDue, 0, 100), &who())
        .unwrap();
    let dues: Vec<Option<i64>> = page.rows.iter().map(|r| r.sla_due_at).collect();
    let first_none = dues
        .iter()
        .position(Option::is_none)
        .expect("ticket 1 was answered");
    assert!(
        dues[first_none..].iter().all(Option::is_none),
        "no deadline after the stopped clocks: {dues:?}"
    );
    let running: Vec<i64> = dues[..first_none].iter().map(|d| d.unwrap()).collect();
    assert!(
        running.windows(2).all(|w| w[0] <= w[1]),
        "soonest breach first: {running:?}"
    );
}

#[test]
fn pages_cover_the_view_without_gaps_or_repeats() {
    let (store, _d) = store();
    let many: Vec<_> = (1..=250).map(|i| ticket(i, "t", "b")).collect();
    store.upsert_tickets_blocking(many).unwrap();
    let mut seen = Vec::new();
    for offset in (0..250).step_by(64) {
        let page = store
            .inbox_page(
                &query(InboxView::Active, InboxSort::Priority, offset, 64),
                &who(),
            )
            .unwrap();
        assert_eq!(page.total, 250);
        assert_eq!(page.offset, offset);
        seen.extend(page.rows.iter().map(|r| r.id));
    }
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(
        sorted.len(),
        250,
        "ties are broken by id, so paging is stable and complete"
    );
}

#[test]
fn filters_narrow_a_view() {
    let (store, _d) = store();
    store.upsert_tickets_blocking(queue()).unwrap();
    let mut q = query(InboxView::Active, InboxSort::Priority, 0, 100);
    q.filter.tag = Some("vip".into());
    assert_eq!(
        store
            .inbox_page(&q, &who())
            .unwrap()
            .rows
            .iter()
            .map(|r| r.id)
            .collect::<Vec<_>>(),
        [2]
    );
    q.filter = InboxFilter {
        priorities: vec![Priority::Urgent],
        statuses: vec![Status::Open],
        ..Default::default()
    };
    let page = store.inbox_page(&q, &who()).unwrap();
    assert!(page
        .rows
        .iter()
        .all(|r| r.priority == Priority::Urgent && r.status == Status::Open));
    assert_eq!(page.total, 2, "tickets 3 and 7 are open and urgent");
}

#[test]
fn sla_at_risk_depends_on_now() {
    let (store, _d) = store();
    let mut chat = ticket(1, "chat", "hello?");
    chat.channel = Channel::WebChat;
    chat.messages[0].created_at = NOW;
    store
        .upsert_tickets_blocking(vec![chat, ticket(2, "email", "hi")])
        .unwrap();
    let page = store
        .inbox_page(
            &query(InboxView::SlaAtRisk, InboxSort::SlaDue, 0, 10),
            &who(),
        )
        .unwrap();
    assert_eq!(
        page.rows.iter().map(|r| r.id).collect::<Vec<_>>(),
        [1],
        "a chat is due in 2 minutes; an email in a day"
    );
    let later = Perspective {
        now: NOW + 24 * 60 * MINUTE,
        ..who()
    };
    assert_eq!(
        store
            .inbox_page(
                &query(InboxView::SlaAtRisk, InboxSort::SlaDue, 0, 10),
                &later
            )
            .unwrap()
            .total,
        2
    );
}

#[test]
fn mine_is_empty_without_a_signed_in_agent() {
    let (store, _d) = store();
    store.upsert_tickets_blocking(queue()).unwrap();
    let nobody = Perspective {
        agent_id: None,
        now: NOW,
    };
    assert_eq!(
        store
            .inbox_page(&query(InboxView::Mine, InboxSort::Priority, 0, 10), &nobody)
            .unwrap()
            .total,
        0
    );
}

#[test]
fn bad_page_sizes_are_rejected_with_invalid_input() {
    let (store, _d) = store();
    let err = store
        .inbox_page(
            &query(InboxView::Active, InboxSort::Priority, 0, 10_000),
            &who(),
        )
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
}
