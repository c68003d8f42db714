//! Tickets full of personal data, and the check that none of it leaks into a notification.

use desk_domain::{Category, Channel, Millis, Priority, Status, TicketSummary};

pub const CUSTOMER: &str = "Li Wei";
pub const CUSTOMER_ZH: &str = "王小明";
pub const EMAIL: &str = "li.wei@example.com";
pub const PHONE: &str = "+86 138 0013 8000";
pub const TRANSACTION: &str = "TXN-2026-884213";
pub const WALLET: &str = "WAL-7731-0042";
pub const SUBJECT: &str = "Li Wei: someone emptied my wallet";

/// Every personal detail a ticket of these tests carries.
pub const PERSONAL: [&str; 7] = [
    CUSTOMER,
    CUSTOMER_ZH,
    EMAIL,
    PHONE,
    TRANSACTION,
    WALLET,
    SUBJECT,
];

/// An open, unassigned ticket whose every text field is personal data.
pub fn hostile_ticket(id: i64, category: Category, channel: Channel) -> TicketSummary {
    TicketSummary {
        id,
        subject: SUBJECT.to_string(),
        status: Status::New,
        priority: Priority::Urgent,
        category,
        channel,
        urgent: category.is_urgent(),
        customer_name: format!("{CUSTOMER} ({CUSTOMER_ZH})"),
        assignee_id: None,
        group_id: None,
        preview: format!(
            "I am {CUSTOMER}, call {PHONE} or mail {EMAIL}; wallet {WALLET} lost {TRANSACTION}"
        ),
        updated_at: now(),
        sla_due_at: None,
    }
}

/// Fails the test if any personal detail appears in `text`.
pub fn assert_no_personal_data(text: &str) {
    for secret in PERSONAL {
        assert!(
            !text.contains(secret),
            "personal data {secret:?} leaked into notification text:\n{text}"
        );
    }
    // Pieces too: the digits of the phone number, the local part of the email.
    for fragment in ["13800138000", "138 0013", "li.wei", "884213", "7731"] {
        assert!(
            !text.contains(fragment),
            "a fragment of personal data ({fragment:?}) leaked into:\n{text}"
        );
    }
}

/// The wall clock, as the app passes it in.
pub fn now() -> Millis {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("the clock is after 1970");
    Millis::try_from(since_epoch.as_millis()).expect("fits in i64")
}
