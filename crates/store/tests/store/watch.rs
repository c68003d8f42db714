//! What the console's alerts read from the replica: changed tickets, my deadlines, and which
//! urgent cases the agent has not opened yet (the tray's count).

use desk_domain::*;

use crate::fixtures::*;

fn urgent(id: TicketId, assignee: Option<&str>) -> TicketRecord {
    let mut t = ticket(
        id,
        &format!("case {id}"),
        "someone took money from my wallet",
    );
    t.category = Category::Fraud;
    t.priority = Priority::Urgent;
    t.assignee_id = assignee.map(str::to_string);
    t
}

#[tokio::test]
async fn summaries_follow_the_ids_asked_for_and_skip_missing_ones() {
    let (store, _dir) = store();
    store
        .upsert_tickets(vec![
            ticket(3, "c", "x"),
            ticket(1, "a", "x"),
            ticket(2, "b", "x"),
        ])
        .await
        .unwrap();
    let got: Vec<TicketId> = store
        .summaries(&[3, 1, 99])
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(got, vec![1, 3], "99 is not in the replica; order is by id");
    assert!(store.summaries(&[]).unwrap().is_empty());
}

#[tokio::test]
async fn deadlines_are_my_open_tickets_due_in_the_window_only() {
    let (store, _dir) = store();
    let mut mine = ticket(1, "mine", "x");
    mine.assignee_id = Some("me".into());
    let mut theirs = ticket(2, "theirs", "x");
    theirs.assignee_id = Some("other".into());
    let mut solved = ticket(3, "solved", "x");
    solved.assignee_id = Some("me".into());
    solved.status = Status::Solved;
    let due = mine.sla_due_at().expect("an open ticket's SLA clock runs");
    store
        .upsert_tickets(vec![mine, theirs, solved])
        .await
        .unwrap();

    let ids = |from: Millis, to: Millis| -> Vec<TicketId> {
        store
            .deadlines_between("me", from, to)
            .unwrap()
            .iter()
            .map(|s| s.id)
            .collect()
    };
    assert_eq!(
        ids(due - MINUTE, due),
        vec![1],
        "due at the window's end counts"
    );
    assert!(
        ids(due, due + MINUTE).is_empty(),
        "already due is not 'soon'"
    );
    assert!(
        ids(due - 2 * MINUTE, due - MINUTE).is_empty(),
        "not yet in the window"
    );
}

#[tokio::test]
async fn unread_urgent_counts_unopened_cases_for_me_or_nobody() {
    let (store, _dir) = store();
    let mut solved = urgent(4, None);
    solved.status = Status::Solved;
    store
        .upsert_tickets(vec![
            urgent(1, None),
            urgent(2, Some("me")),
            urgent(3, Some("other")),
            solved,
            ticket(5, "top-up", "x"),
        ])
        .await
        .unwrap();
    assert_eq!(
        store.unread_urgent(Some("me")).unwrap(),
        2,
        "1 (nobody's) and 2 (mine); 3 is in another agent's hands, 4 is solved, 5 not urgent"
    );
    assert_eq!(
        store.unread_urgent(None).unwrap(),
        1,
        "with nobody signed in, only 1"
    );

    assert_eq!(store.mark_seen(1, Some("me".into()), NOW).await.unwrap(), 1);
    assert_eq!(
        store
            .mark_seen(1, Some("me".into()), NOW + 1)
            .await
            .unwrap(),
        1,
        "opening a ticket twice is harmless"
    );
    assert_eq!(store.mark_seen(2, Some("me".into()), NOW).await.unwrap(), 0);

    // Seen survives reopening the file: the count is not "unread since the app started".
    let path = store.path().to_path_buf();
    drop(store);
    let reopened = desk_store::Store::open(&path).unwrap();
    assert_eq!(reopened.unread_urgent(Some("me")).unwrap(), 0);
}
