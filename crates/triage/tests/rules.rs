//! Admin rules: precedence over the model, conditions, and clear errors for bad files.

use desk_domain::{Category, Channel};
use desk_triage::{Model, Reason, Rules, Triage, TriageInput};

fn input(text: &str) -> TriageInput<'_> {
    TriageInput {
        text,
        channel: None,
        amount_minor: None,
    }
}

const FORCE_FEES: &str = r#"{"rules": [
  {"id": "r1", "name": "Crash means fees (test)", "when": {"keywords": ["CRASH"]},
   "then": {"category": "fees_limits", "group": "billing"}}
]}"#;

#[test]
fn a_matching_rule_beats_the_model_and_is_named() {
    let model = Model::embedded();
    let text = "The app crashes when I open it";
    assert_eq!(
        model.predict(text).category,
        Category::Technical,
        "precondition: the model says technical"
    );
    let d = Triage::new(model, Rules::from_json(FORCE_FEES).unwrap()).classify(&input(text));
    assert_eq!(
        d.category,
        Category::FeesLimits,
        "the rule's category must override the model"
    );
    assert_eq!(
        d.group.as_deref(),
        Some("billing"),
        "the rule's group applies"
    );
    assert_eq!(d.confidence, 1.0, "a rule-set category is certain");
    assert_eq!(
        d.reason,
        Reason::Rule {
            rule_id: "r1".into(),
            rule_name: "Crash means fees (test)".into()
        },
        "the reason must name the rule, case-insensitively matched"
    );
}

#[test]
fn a_non_matching_rule_leaves_the_model_decision() {
    let model = Model::embedded();
    let text = "我想更改手机号码";
    let with = Triage::new(model, Rules::from_json(FORCE_FEES).unwrap()).classify(&input(text));
    let without = Triage::new(model, Rules::none()).classify(&input(text));
    assert_eq!(
        with, without,
        "a rule that does not fire must change nothing"
    );
    assert!(
        matches!(with.reason, Reason::Model { .. }),
        "the model is the reason"
    );
    assert_eq!(with.group, None, "no rule, no routing");
}

#[test]
fn first_rule_wins_per_field_and_model_keeps_category_when_rules_only_route() {
    let json = r#"{"rules": [
      {"id": "vip", "name": "Big amounts are urgent", "when": {"min_amount_minor": 1000000},
       "then": {"urgent": true, "group": "vip"}},
      {"id": "later", "name": "Later rule", "when": {"min_amount_minor": 0},
       "then": {"group": "ignored", "category": "general"}}
    ]}"#;
    let triage = Triage::new(Model::embedded(), Rules::from_json(json).unwrap());
    let text = "提现三天了还没到账";
    let big = triage.classify(&TriageInput {
        amount_minor: Some(2_000_000),
        ..input(text)
    });
    assert_eq!(
        big.category,
        Category::General,
        "only the later rule sets a category, so it applies"
    );
    assert!(big.urgent, "the first rule forces urgency");
    assert_eq!(
        big.group.as_deref(),
        Some("vip"),
        "the first rule that sets a group wins"
    );
    let small = triage.classify(&TriageInput {
        amount_minor: Some(500),
        ..input(text)
    });
    assert_eq!(
        small.group.as_deref(),
        Some("ignored"),
        "below the threshold only the later rule fires"
    );
    let none = triage.classify(&input(text));
    assert_eq!(
        none.category,
        Category::Withdrawal,
        "without an amount no amount rule can fire, so the model decides"
    );
    assert!(!none.urgent, "withdrawals are not urgent by themselves");
}

#[test]
fn channel_condition_and_model_plus_rule_reason() {
    let json = r#"{"rules": [
      {"id": "phone", "name": "Phone calls go to the call team", "when": {"channels": ["phone"]},
       "then": {"group": "calls", "urgent": true}}
    ]}"#;
    let triage = Triage::new(Model::embedded(), Rules::from_json(json).unwrap());
    let text = "提现三天了还没到账";
    let call = triage.classify(&TriageInput {
        channel: Some(Channel::Phone),
        ..input(text)
    });
    assert_eq!(
        call.category,
        Category::Withdrawal,
        "the rule sets no category, the model's stands"
    );
    assert!(
        call.urgent && call.group.as_deref() == Some("calls"),
        "the channel rule fires on phone"
    );
    match call.reason {
        Reason::ModelAndRule { rule_id, score, .. } => {
            assert_eq!(rule_id, "phone", "the rule that forced urgency is named");
            assert!(score > 0.5, "the model's score is kept alongside");
        }
        other => panic!("expected model+rule reason, got {other:?}"),
    }
    let mail = triage.classify(&TriageInput {
        channel: Some(Channel::Email),
        ..input(text)
    });
    assert!(
        !mail.urgent && mail.group.is_none(),
        "the channel rule must not fire on email"
    );
}

#[test]
fn decisions_serialise_snake_case_and_tagged() {
    let d = Triage::embedded().classify(&input("someone logged into my account"));
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(
        json["category"], "account_security",
        "categories serialise as taxonomy ids"
    );
    assert_eq!(json["reason"]["kind"], "rule", "reason is a tagged enum");
    assert_eq!(
        json["reason"]["rule_id"], "security-en",
        "the English security rule matched"
    );
    let back: desk_triage::Decision = serde_json::from_value(json).unwrap();
    assert_eq!(back, d, "decisions round-trip for storage with tickets");
}

#[test]
fn invalid_rules_give_clear_errors() {
    let cases = [
        (r#"{"rules": [{"id": "a", "name": "A", "when": {"keywords": ["x"]}, "then": {"category": "nope"}}]}"#,
         "rule #1 ('a'): unknown category 'nope'"),
        (r#"{"rules": [{"id": "a", "name": "A", "when": {"keywords": []}, "then": {"urgent": true}}]}"#,
         "rule #1 ('a'): keywords list is empty"),
        (r#"{"rules": [{"id": "a", "name": "A", "when": {"keywords": [" "]}, "then": {"urgent": true}}]}"#,
         "rule #1 ('a'): a keyword is blank"),
        (r#"{"rules": [{"id": "a", "name": "A", "when": {"channels": ["fax"]}, "then": {"urgent": true}}]}"#,
         "rule #1 ('a'): unknown channel 'fax'"),
        (r#"{"rules": [{"id": "a", "name": "A", "when": {}, "then": {"urgent": true}}]}"#,
         "rule #1 ('a'): no conditions: a rule needs keywords, channels, categories or min_amount_minor"),
        (r#"{"rules": [{"id": "a", "name": "A", "when": {"keywords": ["x"]}, "then": {}}]}"#,
         "rule #1 ('a'): no effects: a rule needs category, urgent or group"),
        (r#"{"rules": [{"id": "a", "name": "A", "when": {"keywords": ["x"]}, "then": {"urgent": true}},
                       {"id": "a", "name": "B", "when": {"keywords": ["y"]}, "then": {"urgent": true}}]}"#,
         "rule #2 ('a'): duplicate rule id"),
    ];
    for (json, want) in cases {
        let err = Rules::from_json(json).expect_err(want);
        assert_eq!(
            err.to_string(),
            want,
            "the admin must see what is wrong and where"
        );
    }
    let typo = Rules::from_json(r#"{"rules": [{"id": "a", "name": "A", "when": {"keyword": ["x"]}, "then": {"urgent": true}}]}"#)
        .unwrap_err()
        .to_string();
    assert!(
        typo.contains("unknown field `keyword`"),
        "a misspelt field must not silently disable a condition: {typo}"
    );
}
