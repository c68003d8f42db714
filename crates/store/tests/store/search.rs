use desk_domain::*;
use desk_store::Store;

use crate::fixtures::*;

fn ids(store: &Store, text: &str) -> Vec<TicketId> {
    let mut ids: Vec<TicketId> = store
        .search(text, 100)
        .unwrap()
        .rows
        .iter()
        .map(|r| r.id)
        .collect();
    ids.sort();
    ids
}

fn seeded() -> (Store, tempfile::TempDir) {
    let (store, dir) = store();
    let mut stolen = ticket(1, "账户安全问题", "我的账户被盗用了，请马上帮我冻结账户！");
    stolen.category = Category::AccountSecurity;
    let withdrawal = ticket(
        2,
        "提现三天了还没到账",
        "我在周一申请了提现，现在还没有到账。",
    );
    let mut topup = ticket(
        3,
        "Top-up failed twice",
        "My card top-up was declined. Reference below.",
    );
    topup.transaction_refs = vec!["TX20261103-8F3KQ2ZP".into()];
    let locked = ticket(
        4,
        "Account locked",
        "I typed the wrong password and now I'm locked out.",
    );
    store
        .upsert_tickets_blocking(vec![stolen, withdrawal, topup, locked])
        .unwrap();
    (store, dir)
}

#[test]
fn finds_two_character_chinese_words_inside_longer_phrases() {
    let (store, _d) = seeded();
    assert_eq!(
        ids(&store, "被盗"),
        [1],
        "被盗 sits inside 被盗用 and must still match"
    );
    assert_eq!(ids(&store, "冻结"), [1]);
    assert_eq!(
        ids(&store, "提现"),
        [2],
        "提现 appears in the subject and the body of ticket 2 only"
    );
    assert_eq!(
        ids(&store, "盗用了"),
        [1],
        "longer CJK phrases match as bigram phrases"
    );
    assert!(
        ids(&store, "盗被").is_empty(),
        "bigrams must be adjacent and in order"
    );
}

#[test]
fn finds_english_words_by_prefix_and_case_insensitively() {
    let (store, _d) = seeded();
    assert_eq!(ids(&store, "declined"), [3]);
    assert_eq!(
        ids(&store, "LOCK"),
        [4],
        "search-as-you-type: a prefix of 'locked' matches"
    );
    assert_eq!(ids(&store, "top-up card"), [3], "every term must match");
    assert!(
        ids(&store, "declined locked").is_empty(),
        "terms are ANDed, not ORed"
    );
}

#[test]
fn finds_fragments_of_transaction_ids_emails_and_phones() {
    let (store, _d) = seeded();
    assert_eq!(
        ids(&store, "8F3KQ"),
        [3],
        "a fragment from the middle of a transaction id"
    );
    assert_eq!(
        ids(&store, "1103-8f3"),
        [3],
        "case-insensitive, across the dash"
    );
    assert_eq!(ids(&store, "c4@example"), [4], "part of an email address");
    assert_eq!(
        ids(&store, "138-1234-5678").len(),
        4,
        "phone typed with dashes matches digits"
    );
    assert_eq!(ids(&store, "#3"), [3], "ticket numbers are searchable");
}

#[test]
fn mixed_terms_may_match_in_different_indexes() {
    let (store, _d) = seeded();
    assert_eq!(
        ids(&store, "declined 8F3KQ"),
        [3],
        "a word from the text AND an id fragment"
    );
}

#[test]
fn hostile_search_text_never_errors() {
    let (store, _d) = seeded();
    let nasty = [
        "\"",
        "\"\"",
        "\"unbalanced",
        "*",
        "**",
        "-",
        "--",
        "- -x",
        "(",
        ")",
        "((a",
        "a)",
        "[]",
        "{",
        "NEAR(",
        "NEAR(a b",
        "a AND",
        "OR",
        "NOT",
        "AND OR NOT",
        "^",
        "^a",
        "body:",
        "body:x",
        ":",
        "'",
        "';DROP TABLE tickets;--",
        "a*b",
        "*a",
        "a\"b",
        "\\",
        "\u{0}",
        "\u{200b}",
        "\u{feff}",
        "😀",
        "x\u{301}",
        "²³",
        "①",
        "ＡＢＣ",
        "\t\n",
        "<script>alert(1)</script>",
        "%",
        "_",
        "\u{fffd}",
        "ـ",
        "a-b-c",
        "+",
        "@",
        ".",
        "...",
        "#",
        "Ⅻ",
    ];
    for text in nasty {
        let r = store.search(text, 50);
        assert!(r.is_ok(), "search({text:?}) must not error: {:?}", r.err());
    }
    let long = "被盗 \"( ".repeat(5_000);
    assert!(
        store.search(&long, 50).is_ok(),
        "very long input is truncated, not rejected"
    );
    assert_eq!(
        store.ticket_count().unwrap(),
        4,
        "hostile input changed nothing"
    );
}

#[test]
fn renamed_ticket_is_no_longer_found_by_its_old_words() {
    let (store, _d) = seeded();
    assert_eq!(ids(&store, "locked"), [4]);
    let mut renamed = ticket(
        4,
        "Password reset request",
        "Please help me reset my password.",
    );
    renamed.customer = customer("c4");
    store.upsert_tickets_blocking(vec![renamed]).unwrap();
    assert!(
        ids(&store, "locked").is_empty(),
        "the old subject and body must leave the index when the ticket changes"
    );
    assert_eq!(ids(&store, "reset"), [4], "the new words are indexed");
}

#[test]
fn totals_count_every_match_beyond_the_limit() {
    let (store, _d) = store();
    let many: Vec<_> = (1..=30)
        .map(|i| ticket(i, "Withdrawal pending", "still waiting"))
        .collect();
    store.upsert_tickets_blocking(many).unwrap();
    let r = store.search("withdrawal", 10).unwrap();
    assert_eq!(r.rows.len(), 10);
    assert_eq!(
        r.total, 30,
        "the UI shows how many matched, not how many were sent"
    );
    assert_eq!(r.terms, ["withdrawal"]);
}

#[test]
fn limits_are_checked() {
    let (store, _d) = seeded();
    assert_eq!(
        store.search("x", 0).unwrap_err().code(),
        ErrorCode::InvalidInput
    );
    assert_eq!(
        store.search("x", 501).unwrap_err().code(),
        ErrorCode::InvalidInput
    );
    assert!(store.search("   ", 10).unwrap().rows.is_empty());
}
