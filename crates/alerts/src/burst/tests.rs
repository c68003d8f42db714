//! The burst rule's schedules, step by step with a fake clock.

use desk_domain::Channel;

use super::*;

const SEC: Millis = 1_000;

fn urgent(id: TicketId, category: Category) -> Alert {
    Alert::UrgentTicket {
        ticket_id: id,
        category,
        channel: Channel::WebChat,
    }
}

fn fraud(ids: std::ops::Range<TicketId>) -> Vec<Alert> {
    ids.map(|id| urgent(id, Category::Fraud)).collect()
}

fn sla(id: TicketId) -> Alert {
    Alert::SlaSoon {
        ticket_id: id,
        category: Category::TopUp,
        channel: Channel::Email,
        due_at: 15 * 60 * SEC,
    }
}

fn held_reply(id: TicketId) -> Alert {
    Alert::NeedsAttention {
        ticket_id: id,
        edit_id: format!("e-{id}"),
    }
}

fn singles(notices: &[Notice]) -> usize {
    notices
        .iter()
        .filter(|n| matches!(n, Notice::Single(_)))
        .count()
}

#[test]
fn up_to_the_threshold_each_alert_is_its_own_notification() {
    let mut b = Burst::new(BurstRule::default());
    assert_eq!(singles(&b.admit(fraud(1..3), 0)), 2);
    assert_eq!(singles(&b.admit(fraud(3..4), 2 * SEC)), 1);
    assert_eq!(b.next_flush_at(), None);
    // The first two left the window 10 s after they went out.
    assert_eq!(singles(&b.admit(fraud(4..6), 10 * SEC)), 2);
}

#[test]
fn a_burst_becomes_one_summary_with_counts_per_category() {
    let mut b = Burst::new(BurstRule::default());
    let mut alerts = fraud(1..4);
    alerts.push(urgent(4, Category::AccountSecurity));
    alerts.push(urgent(5, Category::AccountSecurity));
    let notices = b.admit(alerts, 0);
    assert_eq!(notices.len(), 1);
    let Notice::Summary(s) = &notices[0] else {
        panic!("expected a summary, got {notices:?}");
    };
    assert_eq!(
        s.urgent,
        vec![(Category::AccountSecurity, 2), (Category::Fraud, 3)]
    );
    assert_eq!((s.total(), s.open), (5, None));
    assert!(notices[0].is_urgent());
    assert_eq!(notices[0].ticket_to_open(), None);
}

#[test]
fn alerts_during_a_hold_come_out_together_when_it_ends() {
    let mut b = Burst::new(BurstRule::default());
    assert_eq!(b.admit(fraud(1..6), 0).len(), 1);
    assert_eq!(b.next_flush_at(), Some(10 * SEC));
    assert!(b.admit(fraud(6..8), SEC).is_empty());
    assert!(b.admit(fraud(8..9), 2 * SEC).is_empty());
    assert!(b.flush_due(9 * SEC).is_empty(), "not yet");
    let flushed = b.flush_due(10 * SEC);
    assert!(
        matches!(&flushed[..], [Notice::Summary(s)] if s.total() == 3),
        "{flushed:?}"
    );
    // The flush opened another hold; an empty one ends quietly.
    assert_eq!(b.next_flush_at(), Some(20 * SEC));
    assert!(b.flush_due(20 * SEC).is_empty());
    assert_eq!(b.next_flush_at(), None);
    assert_eq!(singles(&b.admit(fraud(9..10), 31 * SEC)), 1);
}

#[test]
fn a_forgotten_flush_happens_at_the_next_admit() {
    let mut b = Burst::new(BurstRule::default());
    b.admit(fraud(1..6), 0);
    b.admit(fraud(6..7), SEC);
    let later = b.admit(fraud(7..8), 60 * SEC);
    assert_eq!(
        later,
        vec![
            Notice::Single(urgent(6, Category::Fraud)),
            Notice::Single(urgent(7, Category::Fraud))
        ],
        "the one held alert, then the new one, each alone"
    );
}

#[test]
fn going_over_the_threshold_across_batches_starts_a_burst() {
    let mut b = Burst::new(BurstRule::default());
    assert_eq!(singles(&b.admit(fraud(1..4), 0)), 3);
    let n = b.admit(fraud(4..6), SEC);
    assert!(
        matches!(&n[..], [Notice::Summary(s)] if s.total() == 2),
        "{n:?}"
    );
}

#[test]
fn a_storm_arriving_one_ticket_per_sync_is_one_summary_after_the_first_few() {
    let mut b = Burst::new(BurstRule::default());
    let mut shown = Vec::new();
    for id in 1..=6 {
        shown.extend(b.admit(fraud(id..id + 1), id * 100));
    }
    assert_eq!(
        singles(&shown),
        3,
        "up to the threshold, each shows: {shown:?}"
    );
    assert_eq!(shown.len(), 3, "the rest wait in the hold: {shown:?}");
    let until = b.next_flush_at().expect("the fourth alert opened a hold");
    assert!(
        b.flush_due(until - 1).is_empty(),
        "not before the window ends"
    );
    let flushed = b.flush_due(until);
    assert!(
        matches!(&flushed[..], [Notice::Summary(s)] if s.total() == 3),
        "tickets 4-6 as one summary: {flushed:?}"
    );
}

#[test]
fn a_summary_about_one_ticket_opens_it() {
    let s = Summary::of(&[
        urgent(7, Category::Fraud),
        Alert::SlaSoon {
            ticket_id: 7,
            category: Category::Fraud,
            channel: Channel::Email,
            due_at: 1,
        },
    ]);
    assert_eq!((s.open, s.sla_soon, s.urgent_count()), (Some(7), 1, 1));
}

#[test]
fn three_sla_warnings_do_not_delay_an_urgent_case() {
    let mut b = Burst::new(BurstRule::default());
    for (i, id) in (1..=3).enumerate() {
        assert_eq!(
            b.admit(vec![sla(id)], i as Millis * SEC),
            vec![Notice::Single(sla(id))],
            "routine reminder {id} fits the budget of everything shown (3), so it shows alone"
        );
    }
    // The old rule counted the three reminders against the urgent case: a fourth notice in
    // the window, so it opened a hold and waited in it a whole window (until 13 s).
    assert_eq!(
        b.admit(fraud(10..11), 3 * SEC),
        vec![Notice::Single(urgent(10, Category::Fraud))],
        "routine notices use none of the urgent budget: the case shows at once, alone"
    );
    assert_eq!(
        b.next_flush_at(),
        None,
        "nothing waits: the urgent case opened no hold"
    );
}

#[test]
fn an_urgent_case_every_four_seconds_is_never_held_by_reminders_between() {
    // The alert-latency benchmark's pace, with two reminders in every gap: the worst
    // routine traffic the urgent cases could meet.
    let mut b = Burst::new(BurstRule::default());
    for k in 0..20 {
        let t = k * 4 * SEC;
        let shown = b.admit(fraud(k + 1..k + 2), t);
        assert!(
            shown.contains(&Notice::Single(urgent(k + 1, Category::Fraud))),
            "case {} at {t} ms: at most 3 urgent notices fall in any 10 s (t-8 s, t-4 s, t), \
             within the urgent budget, so it shows at once: {shown:?}",
            k + 1
        );
        b.admit(vec![sla(100 + k), held_reply(200 + k)], t + SEC);
    }
}

#[test]
fn a_routine_hold_does_not_swallow_an_urgent_case() {
    let mut b = Burst::new(BurstRule::default());
    for id in 1..=3 {
        assert_eq!(singles(&b.admit(vec![sla(id)], (id - 1) * SEC)), 1);
    }
    assert!(
        b.admit(vec![sla(4)], 3 * SEC).is_empty(),
        "a fourth routine alert in 10 s goes over the limit of everything shown: it waits"
    );
    assert_eq!(
        b.next_flush_at(),
        Some(13 * SEC),
        "in a routine hold one window long"
    );
    assert!(
        b.admit(vec![held_reply(5)], 4 * SEC).is_empty(),
        "routine alerts during the routine hold join it"
    );
    assert_eq!(
        b.admit(fraud(6..7), 5 * SEC),
        vec![Notice::Single(urgent(6, Category::Fraud))],
        "a routine hold holds only routine alerts; no urgent notice went out, so the urgent \
         case is within its budget and shows at once"
    );
    assert_eq!(
        b.next_flush_at(),
        Some(13 * SEC),
        "the urgent case neither opened a hold nor moved the routine one"
    );
    let flushed = b.flush_due(13 * SEC);
    assert!(
        matches!(&flushed[..], [Notice::Summary(s)]
            if (s.sla_soon, s.needs_attention, s.urgent_count()) == (1, 1, 0)),
        "the routine hold ends with exactly what it held, the urgent case not among it: \
         {flushed:?}"
    );

    // The same when a batch of reminders opened the hold with a summary.
    let mut b = Burst::new(BurstRule::default());
    let batch = (1..=5).map(held_reply).collect();
    assert!(
        matches!(&b.admit(batch, 0)[..], [Notice::Summary(s)] if s.needs_attention == 5),
        "five reminders at once are one summary, which opens a routine hold"
    );
    assert_eq!(
        b.admit(fraud(6..7), SEC),
        vec![Notice::Single(urgent(6, Category::Fraud))],
        "the routine summary was not urgent, so the urgent budget is untouched"
    );
}

/// Runs the same urgent-only script as the old rule, which counted every notice: with no
/// routine alerts about, both rules must give exactly these notices at exactly these times.
#[test]
fn urgent_storms_summarise_and_hold_exactly_as_before() {
    let mut b = Burst::new(BurstRule::default());
    let f = |id| urgent(id, Category::Fraud);
    assert_eq!(
        b.admit(fraud(1..3), 0),
        vec![Notice::Single(f(1)), Notice::Single(f(2))],
        "two urgent notices fit the threshold of 3"
    );
    assert_eq!(
        b.admit(fraud(3..4), SEC),
        vec![Notice::Single(f(3))],
        "the third still fits"
    );
    assert!(
        b.admit(fraud(4..5), 2 * SEC).is_empty(),
        "a fourth urgent case in 10 s starts the storm: it opens an urgent hold and waits"
    );
    assert_eq!(b.next_flush_at(), Some(12 * SEC), "one window from then");
    assert!(
        b.admit(fraud(5..7), 3 * SEC).is_empty(),
        "urgent cases during an urgent hold join it"
    );
    assert!(b.flush_due(12 * SEC - 1).is_empty(), "not before it ends");
    assert_eq!(
        b.flush_due(12 * SEC),
        vec![Notice::Summary(Summary::of(&[f(4), f(5), f(6)]))],
        "the hold ends as one summary of what it held"
    );
    assert_eq!(
        b.next_flush_at(),
        Some(22 * SEC),
        "the summary opened the next hold: the storm may go on"
    );
    assert!(b.admit(fraud(7..8), 13 * SEC).is_empty(), "held again");
    assert_eq!(
        b.flush_due(22 * SEC),
        vec![Notice::Single(f(7))],
        "a hold of one ends as that alert alone"
    );
    assert_eq!(b.next_flush_at(), None, "which opens no further hold");
    assert_eq!(
        b.admit(fraud(8..13), 23 * SEC),
        vec![Notice::Summary(Summary::of(&fraud(8..13)))],
        "five at once go over the limit in one batch: one summary now"
    );
    assert_eq!(
        b.next_flush_at(),
        Some(33 * SEC),
        "and it opens a hold for what follows"
    );
}

#[test]
fn routine_alerts_after_three_urgent_ones_are_held() {
    let mut b = Burst::new(BurstRule::default());
    assert_eq!(singles(&b.admit(fraud(1..4), 0)), 3);
    assert!(
        b.admit(vec![sla(10)], SEC).is_empty(),
        "routine alerts count every notice shown: 3 urgent + 1 is over the limit, so the \
         reminder yields and waits"
    );
    assert_eq!(b.next_flush_at(), Some(11 * SEC), "in a routine hold");
    assert!(
        b.admit(vec![held_reply(11)], 2 * SEC).is_empty(),
        "and the next routine alert joins it"
    );
    let flushed = b.flush_due(11 * SEC);
    assert!(
        matches!(&flushed[..], [Notice::Summary(s)]
            if (s.sla_soon, s.needs_attention, s.urgent_count()) == (1, 1, 0)),
        "both come out together when the window ends: {flushed:?}"
    );
    assert!(!flushed[0].is_urgent());
    assert_eq!(
        b.admit(fraud(4..5), 11 * SEC),
        vec![Notice::Single(urgent(4, Category::Fraud))],
        "the urgent ones at 0 s left the window and the routine summary is not urgent, so \
         neither it nor the routine hold it opened delays the next urgent case"
    );
}

#[test]
fn routine_alerts_during_an_urgent_hold_join_it() {
    let mut b = Burst::new(BurstRule::default());
    assert_eq!(b.admit(fraud(1..6), 0).len(), 1);
    assert!(
        b.admit(vec![sla(10)], SEC).is_empty(),
        "a reminder in the middle of an urgent storm waits for the storm's next summary"
    );
    assert!(b.admit(fraud(6..7), 2 * SEC).is_empty());
    let flushed = b.flush_due(10 * SEC);
    assert!(
        matches!(&flushed[..], [Notice::Summary(s)] if (s.urgent_count(), s.sla_soon) == (1, 1)),
        "one toast for both: {flushed:?}"
    );
    assert!(
        flushed[0].is_urgent(),
        "it announces an urgent case, so it counts as urgent"
    );
    assert_eq!(
        b.next_flush_at(),
        Some(20 * SEC),
        "and opens an urgent hold"
    );
    assert!(
        b.admit(fraud(7..8), 11 * SEC).is_empty(),
        "which holds the next urgent case, as before"
    );
}

#[test]
fn an_urgent_hold_left_with_only_reminders_opens_a_routine_hold() {
    let mut b = Burst::new(BurstRule::default());
    assert_eq!(b.admit(fraud(1..6), 0).len(), 1);
    assert!(b.admit(vec![sla(10), sla(11)], SEC).is_empty());
    let flushed = b.flush_due(10 * SEC);
    assert!(
        matches!(&flushed[..], [Notice::Summary(s)] if s.total() == 2 && !flushed[0].is_urgent()),
        "{flushed:?}"
    );
    assert_eq!(
        b.admit(fraud(6..7), 11 * SEC),
        vec![Notice::Single(urgent(6, Category::Fraud))],
        "the summary held only reminders, so the hold it opened is a routine one and the \
         urgent budget is empty (the storm's summary left the window at 10 s)"
    );
    assert!(
        b.admit(vec![sla(12)], 12 * SEC).is_empty(),
        "a reminder joins that routine hold"
    );
    assert_eq!(b.next_flush_at(), Some(20 * SEC));
}

#[test]
fn a_mixed_batch_shows_urgent_cases_first_and_summarises_the_reminders() {
    let mut b = Burst::new(BurstRule::default());
    let mut batch = fraud(1..3);
    batch.extend([sla(10), sla(11)]);
    assert_eq!(
        b.admit(batch, 0),
        vec![
            Notice::Single(urgent(1, Category::Fraud)),
            Notice::Single(urgent(2, Category::Fraud)),
            Notice::Summary(Summary::of(&[sla(10), sla(11)])),
        ],
        "two urgent cases fit their budget and show alone; then 2 shown + 2 reminders is \
         over the limit of everything, so the reminders are one summary (the old rule made \
         the whole batch one summary, hiding the urgent cases in it)"
    );
    assert_eq!(
        b.admit(fraud(3..4), SEC),
        vec![Notice::Single(urgent(3, Category::Fraud))],
        "the reminders' summary opened a routine hold only"
    );

    let mut b = Burst::new(BurstRule::default());
    let mut storm = fraud(1..5);
    storm.push(sla(10));
    assert_eq!(
        b.admit(storm, 0),
        vec![Notice::Summary(Summary::of(&[
            urgent(1, Category::Fraud),
            urgent(2, Category::Fraud),
            urgent(3, Category::Fraud),
            urgent(4, Category::Fraud),
            sla(10)
        ]))],
        "urgent cases over the limit become a summary now, and a reminder in the same \
         batch rides in it: one toast, as before"
    );
}

#[test]
fn nothing_admitted_is_ever_lost() {
    // A fixed pseudo-random mix of kinds, batch sizes and gaps.
    let mut seed: u64 = 0x5eed;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n
    };
    let count = |notices: &[Notice], into: &mut [u32; 3]| {
        for notice in notices {
            let s = match notice {
                Notice::Single(alert) => Summary::of(std::slice::from_ref(alert)),
                Notice::Summary(s) => s.clone(),
            };
            into[0] += s.urgent_count();
            into[1] += s.sla_soon;
            into[2] += s.needs_attention;
        }
    };
    let (mut admitted, mut shown) = ([0u32; 3], [0u32; 3]);
    let mut b = Burst::new(BurstRule::default());
    let (mut now, mut id) = (0, 0);
    for _ in 0..2_000 {
        now += next(6) as Millis * 700;
        let mut batch = Vec::new();
        for _ in 0..next(4) {
            id += 1;
            let kind = next(3) as usize;
            admitted[kind] += 1;
            batch.push(match kind {
                0 => urgent(id, Category::Fraud),
                1 => sla(id),
                _ => held_reply(id),
            });
        }
        // The caller's timer fires sometimes, and sometimes it is forgotten.
        if next(2) == 0 {
            if let Some(at) = b.next_flush_at().filter(|&at| at <= now) {
                count(&b.flush_due(at), &mut shown);
            }
        }
        count(&b.admit(batch, now), &mut shown);
    }
    count(&b.flush_due(Millis::MAX), &mut shown);
    assert_eq!(shown, admitted, "[urgent, sla, replies] shown = admitted");
}
