//! Properties the console, the benchmarks and the simulator rely on.

use std::collections::{HashMap, HashSet};

use desk_domain::{Category, Channel, MessageKind, Status, TicketRecord};

use crate::{has_cjk, team, Generator, Lang};

const NOW: i64 = 1_793_000_000_000; // 2026-10-26
const THIRTY_DAYS: i64 = 30 * 24 * 60 * 60 * 1000;

fn batch(seed: u64, n: i64) -> Vec<TicketRecord> {
    let mut g = Generator::new(seed, NOW);
    (1..=n).map(|id| g.ticket(id)).collect()
}

fn text_of(t: &TicketRecord) -> String {
    let mut s = t.subject.clone();
    for m in &t.messages {
        s.push('\n');
        s.push_str(&m.body);
    }
    s
}

#[test]
fn same_seed_and_now_give_the_same_tickets_and_another_seed_does_not() {
    let a = batch(7, 300);
    assert_eq!(
        a,
        batch(7, 300),
        "demo data and benchmarks must be reproducible"
    );
    let b = batch(8, 300);
    let differing = a.iter().zip(&b).filter(|(x, y)| x != y).count();
    assert!(
        differing > 290,
        "a different seed must give different tickets ({differing}/300 differ)"
    );
    // Each ticket is a function of its id alone, so ranges can be generated independently.
    let mut g = Generator::new(7, NOW);
    assert_eq!(
        g.ticket(150),
        a[149],
        "ticket 150 must not depend on the tickets before it"
    );
}

#[test]
fn every_category_channel_and_language_appears_in_500_tickets() {
    let tickets = batch(1, 500);
    let cats: HashSet<Category> = tickets.iter().map(|t| t.category).collect();
    let chans: HashSet<Channel> = tickets.iter().map(|t| t.channel).collect();
    assert_eq!(
        cats.len(),
        Category::ALL.len(),
        "every category needs demo tickets: {cats:?}"
    );
    assert_eq!(
        chans.len(),
        Channel::ALL.len(),
        "every channel needs demo tickets: {chans:?}"
    );
    let zh = tickets.iter().filter(|t| Lang::of(t) == Lang::Zh).count();
    assert!(
        (200..=300).contains(&zh),
        "about half the tickets should be Chinese, got {zh}/500"
    );
}

#[test]
fn messages_have_unique_ids_own_ticket_and_increasing_times_within_the_window() {
    let tickets = batch(2, 2_000);
    let mut ids = HashSet::new();
    for t in &tickets {
        assert!(!t.messages.is_empty(), "ticket {} has no thread", t.id);
        assert_eq!(
            t.created_at, t.messages[0].created_at,
            "the thread starts when the ticket does"
        );
        assert_eq!(
            t.updated_at,
            t.messages.last().unwrap().created_at,
            "updated_at is the last message"
        );
        assert!(
            t.created_at >= NOW - THIRTY_DAYS,
            "ticket {} is older than 30 days",
            t.id
        );
        assert!(
            t.updated_at <= NOW,
            "ticket {} has a message after now",
            t.id
        );
        for (i, m) in t.messages.iter().enumerate() {
            assert_eq!(m.ticket_id, t.id);
            assert_eq!(m.id, t.id * 100 + i as i64, "message ids are id*100+index");
            assert_eq!(m.channel, t.channel, "a thread stays on its channel");
            assert!(!m.body.trim().is_empty() && !m.author.is_empty());
            assert!(ids.insert(m.id), "message id {} repeats", m.id);
        }
        for w in t.messages.windows(2) {
            assert!(
                w[0].created_at < w[1].created_at,
                "ticket {}: times must strictly increase",
                t.id
            );
        }
        assert_eq!(
            t.messages[0].kind,
            MessageKind::Customer,
            "the customer opens every ticket"
        );
    }
}

#[test]
fn threads_hold_one_to_nine_messages_and_about_five_on_average() {
    let tickets = batch(3, 2_000);
    let lens: Vec<usize> = tickets.iter().map(|t| t.messages.len()).collect();
    assert!(
        lens.iter().all(|n| (1..=9).contains(n)),
        "thread lengths must be 1..=9"
    );
    let mean = lens.iter().sum::<usize>() as f64 / lens.len() as f64;
    assert!(
        (4.0..=6.0).contains(&mean),
        "mean thread length {mean:.2} should be about 5"
    );
    let new_with_reply = tickets.iter().filter(|t| {
        t.status == Status::New && t.messages.iter().any(|m| m.kind != MessageKind::Customer)
    });
    assert_eq!(
        new_with_reply.count(),
        0,
        "a new ticket has not been touched by an agent"
    );
}

#[test]
fn transaction_refs_appear_in_the_ticket_text_and_money_cases_have_them() {
    let tickets = batch(4, 2_000);
    for t in &tickets {
        let text = text_of(t);
        assert!(t.transaction_refs.len() <= 2, "1-2 references per ticket");
        for r in &t.transaction_refs {
            assert!(
                text.contains(r.as_str()),
                "ticket {}: ref {r} is not in its text",
                t.id
            );
            assert!(
                r.starts_with("TX") && r.len() == 19,
                "ref format TXyyyymmdd-XXXXXXXX: {r}"
            );
        }
    }
    // Nearly every money case is about a payment the customer can quote; the rest (a limit
    // question, a card kept by an ATM) are not.
    let money: Vec<&TicketRecord> = tickets
        .iter()
        .filter(|t| {
            matches!(
                t.category,
                Category::TopUp
                    | Category::Transfer
                    | Category::Withdrawal
                    | Category::DisputeRefund
                    | Category::Fraud
            )
        })
        .collect();
    let with_refs = money
        .iter()
        .filter(|t| !t.transaction_refs.is_empty())
        .count();
    assert!(
        with_refs * 100 >= money.len() * 85,
        "money cases with refs: {with_refs}/{}",
        money.len()
    );
    let other = tickets
        .iter()
        .filter(|t| {
            matches!(
                t.category,
                Category::Technical | Category::General | Category::AccountAccess
            )
        })
        .filter(|t| !t.transaction_refs.is_empty())
        .count();
    assert!(
        other < 40,
        "non-money cases rarely quote a reference, got {other}"
    );
}

#[test]
fn cases_are_routed_to_the_fitting_group_and_agent() {
    let team = team();
    let group_of: HashMap<&str, &str> = team
        .agents
        .iter()
        .map(|a| (a.id.as_str(), a.group_id.as_deref().unwrap()))
        .collect();
    let tickets = batch(5, 2_000);
    for t in &tickets {
        let group = t
            .group_id
            .as_deref()
            .expect("every ticket is in a group queue");
        if t.category.is_urgent() {
            assert_eq!(
                group, "security",
                "security and fraud go to the security team"
            );
        }
        if let Some(a) = &t.assignee_id {
            assert_eq!(
                group_of[a.as_str()],
                group,
                "ticket {}: assignee outside its group",
                t.id
            );
        }
    }
    let unassigned = tickets.iter().filter(|t| t.assignee_id.is_none()).count();
    assert!(
        (360..=640).contains(&unassigned),
        "about a quarter unassigned, got {unassigned}/2000"
    );
    let urgent = tickets.iter().filter(|t| t.category.is_urgent()).count();
    assert!(
        (140..=280).contains(&urgent),
        "security+fraud ~8-12%, got {urgent}/2000"
    );
}

#[test]
fn customer_messages_stay_in_the_ticket_language() {
    for t in batch(6, 1_000) {
        let zh = Lang::of(&t) == Lang::Zh;
        for m in t
            .messages
            .iter()
            .filter(|m| m.kind == MessageKind::Customer)
        {
            assert_eq!(
                has_cjk(&m.body),
                zh,
                "ticket {}: customer wrote in the other language: {}",
                t.id,
                m.body
            );
        }
        assert_eq!(
            has_cjk(&t.customer.name),
            zh,
            "zh tickets have Chinese-named customers"
        );
        assert!(
            t.customer.wallet_account_id.starts_with("WAL-")
                && t.customer.wallet_account_id.len() == 14
        );
    }
}

#[test]
fn follow_up_is_a_fresh_customer_message_in_the_ticket_language() {
    let mut g = Generator::new(9, NOW);
    for id in 1..=300 {
        let mut t = g.ticket(id);
        let at = NOW + 60_000;
        let m = g.follow_up(&t, at);
        assert_eq!(m.kind, MessageKind::Customer);
        assert_eq!(
            (m.ticket_id, m.channel, m.created_at),
            (t.id, t.channel, at)
        );
        assert!(
            t.messages.iter().all(|old| old.id != m.id),
            "follow-up id must be fresh"
        );
        assert_eq!(m.id, t.id * 100 + t.messages.len() as i64);
        assert_eq!(
            has_cjk(&m.body),
            Lang::of(&t) == Lang::Zh,
            "follow-up language: {}",
            m.body
        );
        assert!(
            !m.body.contains('{'),
            "unfilled slot in follow-up: {}",
            m.body
        );
        t.messages.push(m);
        let next = g.follow_up(&t, at + 1);
        assert_eq!(
            next.id,
            t.id * 100 + t.messages.len() as i64,
            "a second follow-up takes the next id"
        );
    }
}

#[test]
fn chinese_tickets_use_the_words_search_tests_look_for() {
    let tickets = batch(10, 2_000);
    let zh_bodies: Vec<&str> = tickets
        .iter()
        .filter(|t| Lang::of(t) == Lang::Zh)
        .flat_map(|t| t.messages.iter().map(|m| m.body.as_str()))
        .collect();
    for word in ["被盗", "提现", "冻结", "充值", "钓鱼"] {
        assert!(
            zh_bodies.iter().any(|b| b.contains(word)),
            "no zh message contains {word}"
        );
    }
}

#[test]
fn channels_have_their_own_shape() {
    for t in batch(11, 1_500) {
        let first = &t.messages[0].body;
        match t.channel {
            Channel::InApp => assert!(
                first.contains("App 5.") || first.contains("应用版本 5."),
                "in-app feedback carries device, OS and app version: {first}"
            ),
            Channel::Phone if t.messages.len() > 1 && t.status != Status::New => {
                assert_eq!(
                    t.messages[1].kind,
                    MessageKind::Note,
                    "the agent logs the call"
                );
            }
            Channel::Email => assert!(
                first.contains("\n\n"),
                "emails have a greeting and sign-off"
            ),
            _ => {}
        }
    }
}

#[test]
fn some_tickets_carry_hostile_markup_and_few_do() {
    let tickets = batch(12, 4_000);
    let hostile = tickets
        .iter()
        .filter(|t| {
            t.messages[0].body.contains("alert(") || t.messages[0].body.contains("DROP TABLE")
        })
        .count();
    assert!(
        (5..=50).contains(&hostile),
        "about 1 in 200 tickets exercise escaping, got {hostile}/4000"
    );
}

#[test]
fn incoming_tickets_are_new_and_start_now() {
    let mut g = Generator::new(14, NOW);
    for id in 10_001..10_100 {
        let t = g.incoming(id, NOW + 5_000);
        assert_eq!(t.status, Status::New);
        assert_eq!(t.messages.len(), 1);
        assert_eq!((t.created_at, t.updated_at), (NOW + 5_000, NOW + 5_000));
    }
}

#[test]
fn some_emails_have_html_and_in_app_reports_their_device_and_a_few_screenshots() {
    let tickets = batch(15, 2_000);
    let first = |c: Channel| {
        tickets
            .iter()
            .filter(move |t| t.channel == c)
            .map(|t| &t.messages[0])
    };
    let emails = first(Channel::Email).count();
    let html = first(Channel::Email).filter(|m| m.html.is_some()).count();
    assert!(
        html * 8 >= emails && html * 2 <= emails,
        "about one email in four has an HTML part: {html}/{emails}"
    );
    let in_app = first(Channel::InApp).count();
    assert!(
        first(Channel::InApp).all(|m| m.device.as_ref().is_some_and(|d| !d.device.is_empty())),
        "in-app feedback always says which device it came from"
    );
    let shots: Vec<_> = tickets
        .iter()
        .flat_map(|t| &t.messages)
        .flat_map(|m| &m.attachments)
        .collect();
    assert!(
        shots.len() * 5 >= in_app && shots.len() * 2 <= in_app,
        "about one in-app report in three has a screenshot: {}/{in_app}",
        shots.len()
    );
    let bytes: usize = shots
        .iter()
        .map(|a| a.data_b64.as_ref().map_or(0, String::len))
        .sum();
    assert!(
        bytes / tickets.len() < 200,
        "screenshots add under 200 bytes per ticket on average: {} B",
        bytes / tickets.len()
    );
    assert!(
        tickets
            .iter()
            .filter(|t| t.channel != Channel::Email)
            .all(|t| t.messages.iter().all(|m| m.html.is_none())),
        "only email has HTML parts"
    );
}
