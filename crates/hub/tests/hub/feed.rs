use std::collections::{BTreeMap, HashMap, HashSet};

use desk_domain::{
    Agent, Category, Channel, Customer, Message, MessageKind, Millis, Priority, Status, TicketEdit,
    TicketRecord, TriageNote, Verification,
};
use desk_wire::{Edit, HubTicket, IntakeMessage};
use reqwest::StatusCode;
use serde_json::{json, Value};
use support_hub::store::{BootstrapCursor, TicketState};
use support_hub::{HubStore, SqliteStore};

use crate::support::{edit, email, TestHub, ALICE};

async fn pages(hub: &TestHub, token: &str, after: i64, limit: u32) -> Vec<Value> {
    let mut out = Vec::new();
    let mut after = after;
    loop {
        let page = hub
            .get_json(token, &format!("/api/changes?after={after}&limit={limit}"))
            .await;
        let changes = page["changes"].as_array().unwrap();
        assert!(changes.len() <= limit as usize);
        out.extend(changes.iter().cloned());
        let next = page["next_after"].as_i64().unwrap();
        if !page["has_more"].as_bool().unwrap() {
            return out;
        }
        assert!(
            next > after,
            "a page with more to come must move the cursor"
        );
        after = next;
    }
}

#[tokio::test]
async fn the_feed_pages_in_order_without_gaps_or_duplicates() {
    let hub = TestHub::start_with_demo(12).await;
    let token = hub.login(ALICE).await;
    for i in 0..5 {
        hub.intake(&token, &email(&format!("c{i}@example.com"), None, "hello"))
            .await;
    }
    hub.edits(
        &token,
        json!([edit("f1", 3, 1, json!({"kind": "note", "body": "checked"}))]),
    )
    .await;

    let whole = hub
        .get_json(&token, "/api/changes?after=0&limit=1000")
        .await;
    let whole = whole["changes"].as_array().unwrap().clone();
    assert_eq!(whole.len(), 12 + 5 + 1, "one change per ticket write");
    let paged = pages(&hub, &token, 0, 4).await;
    let seqs = |cs: &[Value]| {
        cs.iter()
            .map(|c| c["seq"].as_i64().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        seqs(&paged),
        seqs(&whole),
        "paging must neither skip nor repeat"
    );
    assert!(
        seqs(&whole).windows(2).all(|w| w[0] < w[1]),
        "strictly ascending"
    );
    assert!(paged.iter().all(|c| c["kind"] == "upsert"));

    let mid = seqs(&whole)[9];
    let tail = pages(&hub, &token, mid, 3).await;
    assert_eq!(
        seqs(&tail),
        seqs(&whole)[10..].to_vec(),
        "`after` is exclusive"
    );

    let last = *seqs(&whole).last().unwrap();
    let empty = hub
        .get_json(&token, &format!("/api/changes?after={last}"))
        .await;
    assert_eq!(empty["changes"], json!([]));
    assert_eq!(
        empty["next_after"], last,
        "nothing new keeps the cursor where it is"
    );
    assert_eq!(empty["has_more"], false);

    let zero = hub.get(&token, "/api/changes?after=0&limit=0").await;
    assert_eq!(zero.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn bootstrap_then_changes_after_the_snapshot_misses_nothing() {
    let hub = TestHub::start_with_demo(23).await;
    let token = hub.login(ALICE).await;

    // A console's replica, keeping the higher version of each ticket.
    let mut replica: HashMap<i64, Value> = HashMap::new();
    let mut keep = |t: &Value| {
        let id = t["id"].as_i64().unwrap();
        let newer = replica
            .get(&id)
            .is_none_or(|old| old["version"].as_i64() < t["version"].as_i64());
        if newer {
            replica.insert(id, t.clone());
        }
    };

    let first = hub.get_json(&token, "/api/bootstrap?limit=5").await;
    let snapshot = first["snapshot_seq"].as_i64().unwrap();
    assert_eq!(snapshot, 23);
    first["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .for_each(&mut keep);

    // Writes while the bootstrap is under way: to a ticket already fetched, and a new one.
    hub.edits(
        &token,
        json!([edit(
            "b1",
            2,
            1,
            json!({"kind": "set_priority", "priority": "urgent"})
        )]),
    )
    .await;
    let created = hub
        .intake(&token, &email("late@example.com", None, "late"))
        .await;

    let mut cursor = first["cursor"].as_str().map(str::to_owned);
    let mut ids: Vec<i64> = first["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_i64().unwrap())
        .collect();
    // Cursors promised for each page (by its index) by the pages before it.
    let mut promised: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    // Page k's `cursors_ahead[j]` is the cursor page k + 1 + j will end with.
    fn promise(promised: &mut BTreeMap<usize, Vec<String>>, k: usize, page: &Value) {
        let ahead = page["cursors_ahead"].as_array().into_iter().flatten();
        for (j, c) in ahead.enumerate() {
            let c = c.as_str().unwrap().to_owned();
            promised.entry(k + 1 + j).or_default().push(c);
        }
    }
    promise(&mut promised, 0, &first);
    let mut checked = 0;
    let mut k = 0;
    while let Some(c) = cursor {
        let page = hub
            .get_json(&token, &format!("/api/bootstrap?limit=5&cursor={c}"))
            .await;
        assert_eq!(
            page["snapshot_seq"], snapshot,
            "one bootstrap, one snapshot"
        );
        // A console asks for the pages after this one before it arrives, from the cursors
        // earlier pages promised; each must be the cursor this page ends with, or the console
        // refetches. The last page ends with none, so none may have been promised for it.
        k += 1;
        let ends_with = page["cursor"].as_str().map(str::to_owned);
        for p in promised.remove(&k).unwrap_or_default() {
            assert_eq!(
                Some(p),
                ends_with,
                "page {k} carries the cursor promised for it"
            );
            checked += 1;
        }
        promise(&mut promised, k, &page);
        for t in page["tickets"].as_array().unwrap() {
            ids.push(t["id"].as_i64().unwrap());
            keep(t);
        }
        cursor = page["cursor"].as_str().map(str::to_owned);
        assert_eq!(page["has_more"], cursor.is_some());
    }
    assert_eq!(
        (k, checked),
        (4, 1 + 2 + 3),
        "24 tickets in pages of 5, four pages after the first: the second was promised a \
         cursor by the first page, the third by two pages, the fourth by three"
    );
    let unique: HashSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "no ticket twice");
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "id order");

    for change in pages(&hub, &token, snapshot, 100).await {
        keep(&change["ticket"]);
    }
    let truth = hub.tickets(&token).await;
    assert_eq!(replica.len(), truth.len());
    for t in &truth {
        assert_eq!(
            &replica[&t["id"].as_i64().unwrap()],
            t,
            "replica matches the hub"
        );
    }
    assert_eq!(
        replica[&2]["priority"], "urgent",
        "the edit during bootstrap arrived"
    );
    assert!(replica.contains_key(&created["ticket_id"].as_i64().unwrap()));

    let bad = hub.get(&token, "/api/bootstrap?cursor=nonsense").await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}

const FILED_AT: Millis = 1_790_000_000_000;

fn customer(id: &str, email: &str) -> Customer {
    Customer {
        id: id.into(),
        wallet_account_id: format!("wa-{id}"),
        name: format!("Customer {id}"),
        email: Some(email.into()),
        phone: None,
        country: "SG".into(),
        verification: Verification::Verified,
    }
}

/// A solved ticket as the demo import brings it, so intake from its customer opens a new one.
/// `thread` is `(message id, created_at)` in the order the rows are inserted.
fn imported(
    id: i64,
    customer: &Customer,
    tags: &[&str],
    refs: &[&str],
    thread: &[(i64, Millis)],
) -> TicketRecord {
    TicketRecord {
        id,
        subject: format!("Ticket {id}"),
        status: Status::Solved,
        priority: Priority::Normal,
        category: Category::TopUp,
        channel: Channel::Email,
        assignee_id: None,
        group_id: None,
        tags: tags.iter().map(|t| t.to_string()).collect(),
        transaction_refs: refs.iter().map(|r| r.to_string()).collect(),
        created_at: 100,
        updated_at: 200,
        customer: customer.clone(),
        messages: thread
            .iter()
            .map(|&(message, created_at)| Message {
                id: message,
                ticket_id: id,
                kind: MessageKind::Customer,
                author: customer.name.clone(),
                body: format!("message {message}"),
                channel: Channel::Email,
                created_at,
                html: None,
                attachments: Vec::new(),
                device: None,
            })
            .collect(),
        triage: None,
    }
}

async fn file(store: &SqliteStore, from: &str, body: &str) -> (i64, i64) {
    let msg: IntakeMessage = serde_json::from_value(email(from, None, body)).unwrap();
    let (result, _) = store.intake(msg, FILED_AT).await.unwrap();
    (result.ticket_id, result.message_id)
}

/// Every page of a bootstrap of `limit` tickets a page.
async fn bootstrap_pages(store: &SqliteStore, limit: u32) -> Vec<Vec<HubTicket>> {
    let mut pages = Vec::new();
    let mut cursor = None;
    loop {
        let page = store.bootstrap(cursor, limit).await.unwrap();
        pages.push(page.tickets);
        match page.cursor {
            Some(c) => cursor = Some(BootstrapCursor::decode(&c).unwrap()),
            None => return pages,
        }
    }
}

fn ids(tickets: &[HubTicket]) -> Vec<i64> {
    tickets.iter().map(|t| t.ticket.id).collect()
}

fn message_ids(t: &HubTicket) -> Vec<i64> {
    t.ticket.messages.iter().map(|m| m.id).collect()
}

/// The note as intake stored it, read straight from the file.
fn stored_note(db: &std::path::Path, ticket: i64) -> TriageNote {
    let conn = desk_sqlite::open_reader(db).unwrap();
    let json: String = conn
        .query_row(
            "SELECT note FROM triage_notes WHERE ticket_id = ?1",
            [ticket],
            |r| r.get(0),
        )
        .unwrap();
    serde_json::from_str(&json).unwrap()
}

/// A bootstrap page reads each table once for all its tickets and matches the rows up; every
/// ticket must still get exactly its own tags, references, customer, thread and triage note,
/// on whichever page it lands, and the same as when it is read alone.
#[tokio::test]
async fn bootstrap_pages_give_each_ticket_exactly_its_own_parts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hub.sqlite3");
    let store = SqliteStore::open(&db).unwrap();
    let mei = customer("cust-mei", "mei@example.com");
    let tan = customer("cust-tan", "tan@example.com");
    // Tags and references out of order; threads whose ids and times disagree, with ties.
    let records = vec![
        imported(
            1,
            &mei,
            &["vip", "app", "refund"],
            &["TX-9", "TX-1"],
            &[(12, 1_000), (11, 1_000), (10, 2_000)],
        ),
        imported(2, &tan, &[], &[], &[(20, 500)]),
        imported(3, &mei, &["gone"], &["TX-3"], &[(30, 700)]),
        imported(4, &mei, &["b", "a"], &["TX-4"], &[(41, 3_000), (40, 3_000)]),
    ];
    store.import_tickets(records.clone()).await.unwrap();
    // A gap in the ids, on a page boundary below.
    store.delete_ticket(3, FILED_AT).await.unwrap();
    // Intake files tickets 5 (tan) and 6 (mei, her third ticket), each with a triage note.
    // Tan writes again and an agent notes something in the same millisecond: ties broken by id.
    let (five, first) = file(&store, "tan@example.com", "my top-up did not arrive").await;
    let (joined, second) = file(&store, "tan@example.com", "still nothing").await;
    assert_eq!((five, joined), (5, 5));
    let agent = Agent {
        id: ALICE.into(),
        name: "Alice".into(),
        group_id: None,
    };
    let note = Edit {
        edit_id: "n1".into(),
        ticket_id: 5,
        base_version: 2,
        op: TicketEdit::Note {
            body: "checking the bank".into(),
        },
    };
    store
        .apply_edits(agent, vec![note], FILED_AT)
        .await
        .unwrap();
    let (six, third) = file(&store, "mei@example.com", "I cannot sign in").await;
    assert_eq!(six, 6);

    let pages = bootstrap_pages(&store, 2).await;
    assert_eq!(
        pages.iter().map(|p| ids(p)).collect::<Vec<_>>(),
        [vec![1, 2], vec![4, 5], vec![6]]
    );
    let tickets: HashMap<i64, HubTicket> = pages
        .into_iter()
        .flatten()
        .map(|t| (t.ticket.id, t))
        .collect();

    // Imported tickets come back as imported, with tags, references and threads sorted.
    let sorted = |mut r: TicketRecord| {
        r.tags.sort();
        r.transaction_refs.sort();
        r.messages.sort_by_key(|m| (m.created_at, m.id));
        HubTicket {
            version: 1,
            ticket: r,
        }
    };
    for record in [&records[0], &records[1], &records[3]] {
        assert_eq!(tickets[&record.id], sorted(record.clone()));
    }
    assert_eq!(tickets[&1].ticket.tags, ["app", "refund", "vip"]);
    assert_eq!(tickets[&1].ticket.transaction_refs, ["TX-1", "TX-9"]);
    assert_eq!(message_ids(&tickets[&1]), [11, 12, 10]);
    assert_eq!(message_ids(&tickets[&2]), [20]);
    assert_eq!(tickets[&4].ticket.tags, ["a", "b"]);
    assert_eq!(message_ids(&tickets[&4]), [40, 41]);

    // Filed tickets: their own thread, customer and note, nothing of their neighbours'.
    let t5 = &tickets[&5];
    assert_eq!(t5.version, 3);
    assert_eq!(t5.ticket.customer, tan);
    assert!(t5.ticket.tags.is_empty() && t5.ticket.transaction_refs.is_empty());
    let thread: Vec<_> = t5
        .ticket
        .messages
        .iter()
        .map(|m| (m.kind, m.created_at))
        .collect();
    assert_eq!(
        thread,
        [
            (MessageKind::Customer, FILED_AT),
            (MessageKind::Customer, FILED_AT),
            (MessageKind::Note, FILED_AT),
        ]
    );
    let note_id = t5.ticket.messages[2].id;
    assert!(first < second && second < note_id);
    assert_eq!(message_ids(t5), [first, second, note_id]);
    assert_eq!(t5.ticket.triage, Some(stored_note(&db, 5)));
    let t6 = &tickets[&6];
    assert_eq!(t6.ticket.customer, mei, "found again by email");
    assert_eq!(message_ids(t6), [third]);
    assert_eq!(t6.ticket.triage, Some(stored_note(&db, 6)));
    assert!([1, 2, 4]
        .iter()
        .all(|id| tickets[id].ticket.triage.is_none()));

    // Read alone, each ticket is the same as on its page; the deleted one stays deleted.
    for (id, t) in &tickets {
        assert_eq!(
            store.ticket(*id).await.unwrap(),
            TicketState::Live(Box::new(t.clone()))
        );
    }
    assert_eq!(store.ticket(3).await.unwrap(), TicketState::Deleted);

    // A note this build cannot read is left out; the ticket still loads.
    desk_sqlite::open_writer(&db)
        .unwrap()
        .execute(
            "UPDATE triage_notes SET note = '{\"source\": \"oracle\"}' WHERE ticket_id = 5",
            [],
        )
        .unwrap();
    let page = store.bootstrap(None, 10).await.unwrap();
    assert_eq!(ids(&page.tickets), [1, 2, 4, 5, 6]);
    assert_eq!(page.tickets[3].ticket.triage, None);
    assert_eq!(page.tickets[4].ticket.triage, Some(stored_note(&db, 6)));
    assert_eq!(page.total, Some(5));
}
