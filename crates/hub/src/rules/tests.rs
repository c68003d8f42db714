use desk_domain::{Channel, Status};
use desk_wire::{
    Attachment, CustomerRef, EditOp, EditOutcome, HubErrorCode, InAppMeta, IntakeMessage,
};

use base64::Engine as _;

use super::*;

fn message(body: &str) -> IntakeMessage {
    IntakeMessage {
        channel: Channel::Email,
        external_thread_id: None,
        customer: CustomerRef {
            email: Some("mei@example.com".into()),
            ..Default::default()
        },
        subject: None,
        body: body.into(),
        html: None,
        attachments: vec![],
        sent_at: None,
        in_app: None,
        call: None,
    }
}

#[test]
fn intake_needs_a_customer_key_and_a_body() {
    assert!(validate_intake(&message("hello")).is_ok());
    assert!(
        validate_intake(&message("  \n")).is_err(),
        "blank bodies are not messages"
    );
    let mut anonymous = message("hello");
    anonymous.customer = CustomerRef {
        name: Some("Mei".into()),
        ..Default::default()
    };
    assert!(
        validate_intake(&anonymous).is_err(),
        "a name alone cannot find the customer again"
    );
}

#[test]
fn screenshots_must_be_real_base64_of_the_stated_size() {
    let mut m = message("app crashes");
    let shot = |b64: Option<&str>, size: Option<u64>| Attachment {
        name: "s.png".into(),
        content_type: "image/png".into(),
        bytes_b64: b64.map(Into::into),
        size,
    };
    let mut with = |shots| {
        m.in_app = Some(InAppMeta {
            device: "Pixel 8".into(),
            os_version: "Android 15".into(),
            app_version: "5.2.0".into(),
            screenshots: shots,
        });
        validate_intake(&m)
    };
    assert!(with(vec![shot(Some("aGVsbG8="), Some(5))]).is_ok());
    assert!(
        with(vec![shot(None, Some(5000))]).is_ok(),
        "size-only references are allowed"
    );
    assert!(with(vec![shot(Some("not base64!"), None)]).is_err());
    assert!(with(vec![shot(Some("aGVsbG8="), Some(6))]).is_err());
    assert!(with(vec![shot(None, None)]).is_err());
}

#[test]
fn oversized_html_and_attachments_are_refused_by_name() {
    let mut m = message("see the mail");
    m.html = Some("x".repeat(MAX_HTML_BYTES));
    assert!(
        validate_intake(&m).is_ok(),
        "256 KiB of HTML is within the limit"
    );
    m.html = Some("x".repeat(MAX_HTML_BYTES + 1));
    let err = validate_intake(&m).unwrap_err();
    assert!(err.contains("html"), "the error names the field: {err}");

    let mut m = message("statement attached");
    let big = base64::engine::general_purpose::STANDARD.encode(vec![0u8; MAX_ATTACHMENT_BYTES + 1]);
    m.attachments = vec![Attachment {
        name: "statement.pdf".into(),
        content_type: "application/pdf".into(),
        bytes_b64: Some(big),
        size: None,
    }];
    let err = validate_intake(&m).unwrap_err();
    assert!(
        err.contains("statement.pdf") && err.contains("MiB"),
        "the connector learns which file and what limit: {err}"
    );
    m.attachments[0].bytes_b64 = None;
    m.attachments[0].size = Some(50 * 1024 * 1024);
    assert!(
        validate_intake(&m).is_ok(),
        "a large file by size alone is fine"
    );
    m.attachments[0].name = " ".into();
    assert!(
        validate_intake(&m).is_err(),
        "a nameless file cannot be listed"
    );
}

#[test]
fn only_small_allowed_images_keep_their_bytes() {
    let mut m = message("screens");
    let file = |name: &str, ct: &str, b64: Option<&str>, size: Option<u64>| Attachment {
        name: name.into(),
        content_type: ct.into(),
        bytes_b64: b64.map(Into::into),
        size,
    };
    m.attachments = vec![
        file("a.png", "Image/PNG", Some("aGVsbG8="), None),
        file("b.svg", "image/svg+xml", Some("aGVsbG8="), None),
        file("c.html", "text/html", Some("aGVsbG8="), None),
        file("d.jpg", "image/jpeg", None, Some(9)),
    ];
    validate_intake(&m).unwrap();
    let kept = kept_attachments(&m);
    assert_eq!(kept.len(), 4, "every file is listed");
    assert_eq!(
        kept[0].content_type, "image/png",
        "types are compared lower-cased"
    );
    assert_eq!(kept[0].data_b64.as_deref(), Some("aGVsbG8="));
    assert_eq!(kept[0].size, 5, "the size is the decoded size");
    assert_eq!(kept[1].data_b64, None, "SVG can carry script: never inline");
    assert_eq!(kept[2].data_b64, None, "HTML files are listed, not shown");
    assert_eq!((kept[3].size, kept[3].data_b64.is_none()), (9, true));
}

#[test]
fn derived_subjects_use_the_first_line() {
    assert_eq!(
        subject_for(&message("\n  Top-up missing\nsecond line")),
        "Top-up missing"
    );
    let long = "字".repeat(100);
    let s = subject_for(&message(&long));
    assert_eq!(
        s.chars().count(),
        81,
        "80 characters and an ellipsis, cut on char boundaries"
    );
    let mut given = message("body");
    given.subject = Some("Given".into());
    assert_eq!(subject_for(&given), "Given");
}

#[test]
fn customer_messages_reopen_waiting_and_solved_tickets() {
    assert_eq!(status_after_customer_message(Status::Pending), Status::Open);
    assert_eq!(status_after_customer_message(Status::Solved), Status::Open);
    assert_eq!(status_after_customer_message(Status::New), Status::New);
    assert_eq!(
        status_after_customer_message(Status::OnHold),
        Status::OnHold,
        "still waiting on the third party"
    );
}

#[test]
fn future_send_times_are_clamped() {
    assert_eq!(message_time(None, 100), 100);
    assert_eq!(message_time(Some(50), 100), 50);
    assert_eq!(message_time(Some(500), 100), 100);
}

#[test]
fn stale_replies_are_those_that_missed_a_foreign_message() {
    assert!(!reply_is_stale(3, None));
    assert!(!reply_is_stale(3, Some(3)), "the agent saw version 3");
    assert!(reply_is_stale(3, Some(4)));
}

#[test]
fn retries_get_the_first_answer() {
    assert_eq!(
        answer_for_retry(EditOutcome::Applied { version: 4 }),
        EditOutcome::Duplicate { version: 4 }
    );
    let held = EditOutcome::Held {
        reason: "r".into(),
        server_version: 2,
    };
    assert_eq!(answer_for_retry(held.clone()), held);
    let rejected = EditOutcome::Rejected {
        code: HubErrorCode::NotFound,
        message: "m".into(),
    };
    assert_eq!(answer_for_retry(rejected.clone()), rejected);
}

#[test]
fn edit_ops_are_checked() {
    let tags = |t: &[&str]| EditOp::AddTags {
        tags: t.iter().map(|s| s.to_string()).collect(),
    };
    assert!(validate_op(&tags(&["vip"])).is_ok());
    assert!(validate_op(&tags(&[])).is_err());
    assert!(validate_op(&tags(&[" "])).is_err());
    assert!(validate_op(&tags(&["a\u{0}b"])).is_err());
    assert!(validate_op(&EditOp::Note { body: "".into() }).is_err());
    assert!(validate_op(&EditOp::SetAssignee {
        assignee_id: Some("".into())
    })
    .is_err());
    assert!(validate_op(&EditOp::SetAssignee { assignee_id: None }).is_ok());
    assert_eq!(
        tag_set(&[" b".into(), "a".into(), "b".into()]),
        vec!["a".to_string(), "b".to_string()]
    );
    assert!(validate_edit_id("").is_err());
    assert!(validate_edit_id(&"x".repeat(129)).is_err());
}
