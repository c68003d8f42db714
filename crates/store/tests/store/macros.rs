//! The agent's macros on a real replica file: listed after the built-ins, saved (upsert by id),
//! deleted, kept across restarts; built-ins and bad input refused with nothing written.

use desk_domain::macros::{built_ins, MAX_BODY_CHARS};
use desk_domain::*;
use desk_store::{Store, StoreError};

use crate::fixtures::*;

fn draft(title_en: &str, body_en: &str) -> Macro {
    Macro {
        id: String::new(),
        title: Localized {
            en: title_en.into(),
            zh: String::new(),
        },
        body: Localized {
            en: body_en.into(),
            zh: String::new(),
        },
        built_in: false,
        updated_at: 0,
    }
}

fn own(store: &Store) -> Vec<Macro> {
    store
        .macros()
        .unwrap()
        .into_iter()
        .filter(|m| !m.built_in)
        .collect()
}

#[tokio::test]
async fn a_fresh_replica_lists_exactly_the_built_ins() {
    let (store, _dir) = store();
    let list = store.macros().unwrap();
    assert_eq!(
        list,
        built_ins(),
        "no agent macros yet; built-ins in their order"
    );
    let m = store.macro_by_id("builtin.dispute").unwrap();
    assert!(m.built_in);
}

#[tokio::test]
async fn save_assigns_an_id_then_updates_in_place_and_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("replica.db");
    let store = Store::open(&path).unwrap();

    let saved = store
        .save_macro(
            draft(
                "  Refund sent ",
                "{{greeting}}\r\nYour refund is on its way.",
            ),
            NOW,
        )
        .await
        .unwrap();
    assert!(
        saved.id.starts_with("m-"),
        "a new macro gets an id: {}",
        saved.id
    );
    assert!(!saved.built_in);
    assert_eq!(saved.updated_at, NOW);
    assert_eq!(saved.title.en, "Refund sent", "stored trimmed");
    assert_eq!(saved.body.en, "{{greeting}}\nYour refund is on its way.");

    let mut edited = saved.clone();
    edited.title.zh = "退款已发出".into();
    edited.body.zh = "{{greeting}}\n退款已发出。".into();
    let edited = store.save_macro(edited, NOW + MINUTE).await.unwrap();
    assert_eq!(edited.id, saved.id, "saving an existing id replaces it");

    let other = store
        .save_macro(draft("Second", "text"), NOW + 2 * MINUTE)
        .await
        .unwrap();
    assert_ne!(other.id, saved.id);
    assert_eq!(
        own(&store).iter().map(|m| &m.id).collect::<Vec<_>>(),
        vec![&other.id, &saved.id],
        "the agent's macros follow the built-ins, most recently saved first"
    );
    let list = store.macros().unwrap();
    assert!(list[..built_ins().len()].iter().all(|m| m.built_in));

    drop(store);
    let reopened = Store::open(&path).unwrap();
    assert_eq!(
        reopened.macro_by_id(&saved.id).unwrap(),
        edited,
        "macros are durable across restarts"
    );
    assert_eq!(own(&reopened).len(), 2);
}

#[tokio::test]
async fn save_with_a_new_id_inserts_it() {
    let (store, _dir) = store();
    let mut m = draft("Chosen id", "text");
    m.id = "greeting-vip".into();
    let saved = store.save_macro(m, NOW).await.unwrap();
    assert_eq!(saved.id, "greeting-vip");
    assert_eq!(
        store.macro_by_id("greeting-vip").unwrap().title.en,
        "Chosen id"
    );
}

#[tokio::test]
async fn delete_removes_the_agents_macro_only() {
    let (store, _dir) = store();
    let saved = store.save_macro(draft("Bye", "text"), NOW).await.unwrap();
    store.delete_macro(saved.id.clone()).await.unwrap();
    assert!(own(&store).is_empty());
    let again = store.delete_macro(saved.id.clone()).await.unwrap_err();
    assert!(
        matches!(again, StoreError::MacroNotFound(_)),
        "a second delete says it is gone: {again}"
    );
    assert_eq!(ApiError::from(again).code, ErrorCode::NotFound);
    assert!(matches!(
        store.macro_by_id(&saved.id),
        Err(StoreError::MacroNotFound(_))
    ));
}

#[tokio::test]
async fn built_ins_cannot_be_deleted_or_overwritten() {
    let (store, _dir) = store();
    let err = store
        .delete_macro("builtin.phishing".into())
        .await
        .unwrap_err();
    assert_eq!(ApiError::from(err).code, ErrorCode::InvalidInput);

    let mut copy = store.macro_by_id("builtin.phishing").unwrap();
    copy.body.en = "Send us your OTP.".into();
    let err = store.save_macro(copy.clone(), NOW).await.unwrap_err();
    assert!(err.to_string().contains("duplicate"), "{err}");
    // Duplicating is the way: same text, no id, not built-in.
    copy.id = String::new();
    copy.built_in = false;
    let dup = store.save_macro(copy, NOW).await.unwrap();
    assert!(!dup.built_in && !dup.id.starts_with("builtin."));

    assert_eq!(
        store.macro_by_id("builtin.phishing").unwrap(),
        built_ins()
            .into_iter()
            .find(|m| m.id == "builtin.phishing")
            .unwrap(),
        "the built-in itself is unchanged"
    );
}

#[tokio::test]
async fn bad_input_is_refused_and_nothing_is_written() {
    let (store, _dir) = store();
    let kept = store
        .save_macro(draft("Kept", "original"), NOW)
        .await
        .unwrap();

    let mut cases = vec![
        draft("", "no title"),
        draft("No text", "   "),
        draft("Typo", "Hello {{custmer_name}}"),
        draft("Long", &"x".repeat(MAX_BODY_CHARS + 1)),
        draft("two\nlines", "text"),
    ];
    let mut bad_id = draft("Bad id", "text");
    bad_id.id = "'; DROP TABLE macros; --".into();
    cases.push(bad_id);
    // An update of an existing macro that breaks a rule leaves the stored one as it was.
    let mut broken_edit = kept.clone();
    broken_edit.title.en = String::new();
    cases.push(broken_edit);

    for m in cases {
        let err = store.save_macro(m.clone(), NOW + MINUTE).await.unwrap_err();
        let api = ApiError::from(err);
        assert_eq!(api.code, ErrorCode::InvalidInput, "{m:?}");
        assert!(!api.message.is_empty());
    }
    assert_eq!(own(&store), vec![kept], "no refused save wrote anything");
}
