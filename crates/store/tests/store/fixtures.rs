//! Hand-built tickets whose content each test controls exactly.

use desk_domain::*;
use desk_store::Store;
use tempfile::TempDir;

pub const NOW: Millis = 1_790_000_000_000;
pub const MINUTE: Millis = 60_000;

/// A store in a fresh temporary directory; the directory lives as long as the returned guard.
pub fn store() -> (Store, TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("replica.db")).unwrap();
    (store, dir)
}

pub fn customer(id: &str) -> Customer {
    Customer {
        id: id.into(),
        wallet_account_id: format!("WAL-{}", 1_000_000_000 + id.len()),
        name: format!("Customer {id}"),
        email: Some(format!("{id}@example.com")),
        phone: Some("+86 138 1234 5678".into()),
        country: "CN".into(),
        verification: Verification::Verified,
    }
}

pub fn message(ticket: TicketId, n: i64, kind: MessageKind, body: &str, at: Millis) -> Message {
    Message {
        id: ticket * 100 + n,
        ticket_id: ticket,
        kind,
        author: "someone".into(),
        body: body.into(),
        channel: Channel::Email,
        created_at: at,
        html: None,
        attachments: vec![],
        device: None,
    }
}

/// An open, normal-priority top-up ticket with one customer message.
pub fn ticket(id: TicketId, subject: &str, body: &str) -> TicketRecord {
    let at = NOW - 10 * MINUTE;
    TicketRecord {
        id,
        subject: subject.into(),
        status: Status::Open,
        priority: Priority::Normal,
        category: Category::TopUp,
        channel: Channel::Email,
        assignee_id: None,
        group_id: None,
        tags: vec![],
        transaction_refs: vec![],
        created_at: at,
        updated_at: at,
        customer: customer(&format!("c{id}")),
        messages: vec![message(id, 0, MessageKind::Customer, body, at)],
        triage: None,
    }
}

/// Binds `store` to a test hub as "Agent A", as a first sign-in does: local edits need a
/// signed-in agent to attribute them to.
pub async fn bind_agent_a(store: &Store) {
    let me = Agent {
        id: "agent-a".into(),
        name: "Agent A".into(),
        group_id: None,
    };
    store
        .bind_hub("http://hub.test".into(), me, (vec![], vec![]))
        .await
        .unwrap();
}
