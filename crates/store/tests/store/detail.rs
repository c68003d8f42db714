use desk_domain::*;

use crate::fixtures::*;

#[test]
fn detail_returns_the_thread_in_order_with_customer_tags_and_refs() {
    let (store, _d) = store();
    let mut t = ticket(7, "Withdrawal pending", "Where is my money?");
    t.messages.push(message(
        7,
        1,
        MessageKind::Note,
        "Checked the ledger",
        NOW - 5 * MINUTE,
    ));
    t.messages.push(message(
        7,
        2,
        MessageKind::Reply,
        "Withdrawals take 3-7 working days.",
        NOW - 4 * MINUTE,
    ));
    t.tags = vec!["vip".into(), "bank-delay".into()];
    t.transaction_refs = vec!["TX1".into()];
    store.upsert_tickets_blocking(vec![t.clone()]).unwrap();

    let d = store.ticket_detail(7).unwrap();
    let kinds: Vec<_> = d.record.messages.iter().map(|m| m.kind).collect();
    assert_eq!(
        kinds,
        [MessageKind::Customer, MessageKind::Note, MessageKind::Reply],
        "oldest first"
    );
    assert_eq!(
        d.record.tags,
        ["bank-delay", "vip"],
        "tags come back sorted"
    );
    assert_eq!(d.record.customer, t.customer);
    assert_eq!(
        d.sla_due_at, None,
        "the reply answered the customer, so no clock runs"
    );
    assert!(!d.urgent);
}

#[test]
fn missing_ticket_is_not_found_not_internal() {
    let (store, _d) = store();
    let err = store.ticket_detail(404).unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::NotFound,
        "the UI shows 'not found' differently from a failure"
    );
    let api: ApiError = err.into();
    assert_eq!(api.code, ErrorCode::NotFound);
}

#[test]
fn hostile_text_is_stored_exactly_as_given() {
    let (store, _d) = store();
    let body = "<img src=x onerror=alert(1)>\u{0}'; DROP TABLE tickets; -- 😀";
    store
        .upsert_tickets_blocking(vec![ticket(9, "<script>", body)])
        .unwrap();
    let d = store.ticket_detail(9).unwrap();
    assert_eq!(
        d.record.messages[0].body, body,
        "ticket text is data: never altered or interpreted"
    );
    assert_eq!(d.record.subject, "<script>");
}

#[tokio::test]
async fn the_triage_note_survives_the_replica() {
    use desk_domain::{TriageNote, TriageSource};
    let (store, _dir) = crate::fixtures::store();
    let mut t = crate::fixtures::ticket(5, "Stolen account", "someone logged in");
    let note = TriageNote {
        source: TriageSource::ModelAndRule,
        rule: Some("Stolen account <b>".into()),
        score_permille: Some(812),
        category: desk_domain::Category::AccountSecurity,
        urgent: true,
        group_id: Some("security".into()),
    };
    t.triage = Some(note.clone());
    store.upsert_tickets(vec![t]).await.unwrap();
    assert_eq!(
        store.ticket_detail(5).unwrap().record.triage,
        Some(note),
        "the agent sees why the hub filed the ticket, offline too"
    );
}

#[test]
fn html_parts_attachments_and_device_survive_the_replica_untouched() {
    let (store, _d) = store();
    let mut t = ticket(11, "App crashes", "It crashes on top-up");
    let hostile = r#"<p>Hi</p><img src=x onerror="alert(1)"><a href="javascript:x()">x</a>"#;
    t.messages[0].html = Some(hostile.into());
    t.messages[0].attachments = vec![
        Attachment {
            name: "shot.png".into(),
            content_type: "image/png".into(),
            size: 5,
            data_b64: Some("aGVsbG8=".into()),
        },
        Attachment {
            name: "log.txt".into(),
            content_type: "text/plain".into(),
            size: 70_000,
            data_b64: None,
        },
    ];
    t.messages[0].device = Some(DeviceInfo {
        device: "Pixel 8".into(),
        os_version: "Android 15".into(),
        app_version: "5.12.1".into(),
    });
    t.messages
        .push(message(11, 1, MessageKind::Reply, "On it", NOW - MINUTE));
    store.upsert_tickets_blocking(vec![t.clone()]).unwrap();

    let d = store.ticket_detail(11).unwrap();
    assert_eq!(
        d.record.messages[0], t.messages[0],
        "the HTML is stored exactly as received (the UI sanitizes), with every file and the device"
    );
    let plain = &d.record.messages[1];
    assert!(
        plain.html.is_none() && plain.attachments.is_empty() && plain.device.is_none(),
        "a plain message gains no parts"
    );
}
