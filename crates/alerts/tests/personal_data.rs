//! Notification text never carries personal data: operating systems keep notification history
//! on disk. Tickets whose subject, customer and preview are full of it go through the whole
//! decision path, and every text that comes out, in both languages, is checked.

mod support;

use desk_alerts::{
    AlertLog, AlertSettings, Alerting, Language, Moment, Notice, QuietHours, TicketState,
};
use desk_domain::{
    AttentionItem, AttentionKind, Category, Channel, Customer, Message, MessageKind, Status,
    TicketDetail, TicketEdit, TicketRecord, Verification,
};
use support::fixtures::{self, assert_no_personal_data, hostile_ticket, now};

fn texts(notices: &[Notice]) -> Vec<String> {
    notices
        .iter()
        .flat_map(|n| [Language::En, Language::Zh].map(|lang| n.text(lang)))
        .map(|t| format!("{}\n{}\n{}", t.summary, t.body, t.action_label))
        .collect()
}

fn hostile_detail(id: i64) -> TicketDetail {
    let summary = hostile_ticket(id, Category::AccountSecurity, Channel::Phone);
    TicketDetail {
        record: TicketRecord {
            id,
            subject: summary.subject.clone(),
            status: Status::Open,
            priority: summary.priority,
            category: summary.category,
            channel: summary.channel,
            assignee_id: Some("agent-me".into()),
            group_id: None,
            tags: vec![fixtures::WALLET.into()],
            transaction_refs: vec![fixtures::TRANSACTION.into()],
            created_at: now(),
            updated_at: now(),
            customer: Customer {
                id: "cust-1".into(),
                wallet_account_id: fixtures::WALLET.into(),
                name: fixtures::CUSTOMER.into(),
                email: Some(fixtures::EMAIL.into()),
                phone: Some(fixtures::PHONE.into()),
                country: "CN".into(),
                verification: Verification::Verified,
            },
            messages: vec![Message {
                id: 1,
                ticket_id: id,
                kind: MessageKind::Customer,
                author: fixtures::CUSTOMER.into(),
                body: summary.preview.clone(),
                channel: Channel::Phone,
                created_at: now(),
                html: None,
                attachments: vec![],
                device: None,
            }],
            triage: None,
        },
        urgent: true,
        sla_due_at: Some(now() + 5 * 60_000),
        version: 3,
        queued: 0,
    }
}

fn held_reply(id: i64) -> AttentionItem {
    AttentionItem {
        edit_id: format!("edit-{id}"),
        ticket_id: id,
        subject: fixtures::SUBJECT.into(),
        edit: TicketEdit::Reply {
            body: format!(
                "Dear {}, your {} is safe",
                fixtures::CUSTOMER,
                fixtures::WALLET
            ),
        },
        kind: AttentionKind::Held,
        reason: format!(
            "{} wrote again from {}",
            fixtures::CUSTOMER,
            fixtures::EMAIL
        ),
        created_at: now(),
    }
}

fn fresh_alerting() -> (tempfile::TempDir, Alerting) {
    let dir = tempfile::tempdir().unwrap();
    let log = AlertLog::open(&dir.path().join("alerts.sqlite")).unwrap();
    (dir, Alerting::new(AlertSettings::default(), log))
}

fn me_now() -> Moment {
    Moment {
        me: Some("agent-me".into()),
        now: now(),
        utc_offset_minutes: 480,
    }
}

#[test]
fn single_alerts_carry_only_ticket_number_category_and_channel() {
    let (_dir, mut alerting) = fresh_alerting();
    let detail = hostile_detail(4101);
    let tickets = [
        TicketState::from(&hostile_ticket(4100, Category::Fraud, Channel::WebChat)),
        // Mine, urgent and near its SLA: an urgent alert and an SLA alert.
        TicketState::from(&detail),
    ];
    let notices = alerting.on_changes(&tickets, &[], &me_now());
    assert_eq!(notices.len(), 3, "{notices:?}");
    let texts = texts(&notices);
    for text in &texts {
        assert_no_personal_data(text);
    }
    assert!(
        texts[0].contains("Ticket #4100 · Live chat"),
        "{}",
        texts[0]
    );
    assert!(texts[1].contains("工单 #4100 · 在线聊天"), "{}", texts[1]);
    assert!(
        texts[4].starts_with("SLA at risk: Account security"),
        "{}",
        texts[4]
    );

    let record_state = TicketState::from(&detail.record);
    assert_eq!(record_state.id, 4101);
}

#[test]
fn held_replies_and_summaries_carry_no_personal_data_either() {
    let (_dir, mut alerting) = fresh_alerting();
    let held = alerting.on_changes(&[], &[held_reply(4200)], &me_now());
    assert_eq!(held.len(), 1);

    let storm: Vec<TicketState> = (4300..4306)
        .map(|id| {
            let category = if id % 2 == 0 {
                Category::Fraud
            } else {
                Category::AccountSecurity
            };
            TicketState::from(&hostile_ticket(id, category, Channel::Email))
        })
        .collect();
    let summary = alerting.on_changes(&storm, &[held_reply(4201)], &me_now());
    assert!(
        matches!(&summary[..], [Notice::Summary(s)] if s.total() == 7),
        "{summary:?}"
    );
    for text in texts(&held).iter().chain(&texts(&summary)) {
        assert_no_personal_data(text);
    }
}

#[test]
fn quiet_hours_still_let_an_urgent_case_through_without_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let settings = AlertSettings {
        // All day quiet, but for the last minute.
        quiet_hours: Some(QuietHours {
            start_minute: 0,
            end_minute: 1439,
        }),
        ..AlertSettings::default()
    };
    let mut alerting = Alerting::new(
        settings,
        AlertLog::open(&dir.path().join("alerts.sqlite")).unwrap(),
    );
    let mut at = me_now();
    // 12:00 local.
    at.now = at.now - at.now.rem_euclid(86_400_000) + 4 * 3_600_000;
    let notices = alerting.on_changes(
        &[TicketState::from(&hostile_ticket(
            4400,
            Category::Fraud,
            Channel::Social,
        ))],
        &[held_reply(4401)],
        &at,
    );
    assert_eq!(notices.len(), 1, "only the urgent case: {notices:?}");
    for text in texts(&notices) {
        assert_no_personal_data(&text);
    }
}
