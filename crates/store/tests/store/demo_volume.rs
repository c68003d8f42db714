//! The store against a realistic workspace from the demo generator, not just hand-made rows.

use desk_domain::*;
use desk_store::Perspective;

use crate::fixtures::*;

#[test]
fn a_generated_workspace_is_consistent_and_searchable() {
    let (store, _d) = store();
    let mut generator = desk_demo::Generator::new(11, NOW);
    let tickets: Vec<TicketRecord> = (1..=2_000).map(|id| generator.ticket(id)).collect();
    for chunk in tickets.chunks(500) {
        store.upsert_tickets_blocking(chunk.to_vec()).unwrap();
    }
    assert_eq!(store.ticket_count().unwrap(), 2_000);
    assert!(store.integrity_ok().unwrap());

    let who = Perspective {
        agent_id: Some(desk_demo::team().agents[0].id.clone()),
        now: NOW,
    };
    let counts = store.view_counts(&who).unwrap();
    let count = |v: InboxView| counts.iter().find(|c| c.view == v).unwrap().count;
    let expected_urgent = tickets
        .iter()
        .filter(|t| t.is_urgent() && t.status.is_active())
        .count();
    assert_eq!(
        count(InboxView::Urgent) as usize,
        expected_urgent,
        "urgent view = active security/fraud tickets"
    );
    let by_category: u32 = Category::ALL
        .iter()
        .map(|c| count(InboxView::Category(*c)))
        .sum();
    assert_eq!(
        by_category,
        count(InboxView::Active),
        "categories partition the active queue"
    );

    // Every generated word the seeds care about must be findable exactly where it occurs.
    for word in ["被盗", "提现", "冻结", "充值"] {
        let expected = tickets
            .iter()
            .filter(|t| {
                t.subject.contains(word) || t.messages.iter().any(|m| m.body.contains(word))
            })
            .count();
        let found = store.search(word, 500).unwrap().total as usize;
        assert!(
            expected > 0,
            "the generator must produce tickets containing {word}"
        );
        assert_eq!(
            found, expected,
            "search for {word} must find exactly the tickets containing it"
        );
    }

    let with_ref = tickets
        .iter()
        .find(|t| !t.transaction_refs.is_empty())
        .expect("money tickets carry refs");
    let reference = &with_ref.transaction_refs[0];
    let fragment: String = reference.chars().skip(4).take(8).collect();
    let hits = store.search(&fragment, 50).unwrap();
    assert!(
        hits.rows.iter().any(|r| r.id == with_ref.id),
        "a fragment of {reference} finds its ticket"
    );
}
