use desk_domain::*;
use desk_store::StoreError;

use crate::fixtures::*;

/// Tickets 1..=4 from customer "repeat" (updated in the order 3, 1, 4, 2, oldest first) and
/// ticket 5 from someone else.
fn history() -> Vec<TicketRecord> {
    let repeat = customer("repeat");
    let mut out: Vec<TicketRecord> = [(1, 3), (2, 1), (3, 4), (4, 2)]
        .into_iter()
        .map(|(id, minutes_ago)| {
            let mut t = ticket(id, &format!("ticket {id}"), "body");
            t.customer = repeat.clone();
            t.updated_at = NOW - minutes_ago * MINUTE;
            t
        })
        .collect();
    out.push(ticket(5, "someone else's", "body"));
    out
}

fn ids(rows: &[TicketSummary]) -> Vec<TicketId> {
    rows.iter().map(|r| r.id).collect()
}

#[test]
fn lists_only_this_customers_other_tickets_newest_first() {
    let (store, _d) = store();
    store.upsert_tickets_blocking(history()).unwrap();
    let rows = store.customer_tickets("repeat", 2, 10).unwrap();
    // Ticket 2 is the one being viewed; ticket 5 belongs to another customer.
    assert_eq!(ids(&rows), vec![4, 1, 3]);
    assert_eq!(rows[0].customer_name, "Customer repeat");
}

#[test]
fn the_limit_keeps_the_newest() {
    let (store, _d) = store();
    store.upsert_tickets_blocking(history()).unwrap();
    assert_eq!(
        ids(&store.customer_tickets("repeat", 0, 2).unwrap()),
        vec![2, 4]
    );
}

#[test]
fn a_customer_with_one_ticket_has_no_earlier_ones() {
    let (store, _d) = store();
    store.upsert_tickets_blocking(history()).unwrap();
    assert!(store.customer_tickets("c5", 5, 10).unwrap().is_empty());
    assert!(store.customer_tickets("nobody", 1, 10).unwrap().is_empty());
}

#[test]
fn a_limit_outside_1_to_50_is_refused() {
    let (store, _d) = store();
    for limit in [0, 51] {
        let err = store.customer_tickets("repeat", 1, limit).unwrap_err();
        assert!(matches!(err, StoreError::Invalid(_)), "{limit}: {err:?}");
        assert_eq!(err.code(), ErrorCode::InvalidInput);
    }
    assert!(store.customer_tickets("repeat", 1, 50).is_ok());
}
