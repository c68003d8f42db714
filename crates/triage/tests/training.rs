//! Training is reproducible and the model file round-trips.

use desk_domain::Category;
use desk_triage::corpus::{fingerprint, Example};
use desk_triage::train::{train, TrainConfig};
use desk_triage::{Model, ModelError};

fn synthetic() -> Vec<Example> {
    let mut v = Vec::new();
    let data: [(&str, Category); 6] = [
        (
            "my card payment was declined at the shop",
            Category::CardsPayments,
        ),
        ("银行卡付款被拒绝了", Category::CardsPayments),
        ("the app crashes on start", Category::Technical),
        ("应用一打开就闪退", Category::Technical),
        (
            "withdrawal still pending after five days",
            Category::Withdrawal,
        ),
        ("提现还没到账", Category::Withdrawal),
    ];
    for i in 0..5 {
        for (t, c) in data {
            v.push(Example {
                text: format!("{t} {i}"),
                category: c,
            });
        }
    }
    v
}

fn small_cfg() -> TrainConfig {
    TrainConfig {
        bits: 12,
        epochs: 8,
        ..TrainConfig::default()
    }
}

#[test]
fn training_twice_gives_identical_bytes() {
    let data = synthetic();
    let a = train(&data, &small_cfg(), fingerprint(&data)).to_bytes();
    let b = train(&data, &small_cfg(), fingerprint(&data)).to_bytes();
    assert_eq!(
        a, b,
        "same data and config must give a byte-identical model (reviewable diffs)"
    );
    let other = TrainConfig {
        seed: 7,
        ..small_cfg()
    };
    assert_ne!(
        a,
        train(&data, &other, fingerprint(&data)).to_bytes(),
        "the seed is actually used"
    );
}

#[test]
fn trained_model_learns_the_synthetic_data() {
    let data = synthetic();
    let m = train(&data, &small_cfg(), 0);
    assert_eq!(
        m.predict("应用闪退").category,
        Category::Technical,
        "Chinese n-grams must carry signal"
    );
    assert_eq!(
        m.predict("payment declined").category,
        Category::CardsPayments,
        "English words must carry signal"
    );
}

#[test]
fn model_round_trips_through_bytes() {
    let data = synthetic();
    let m = train(&data, &small_cfg(), 42);
    let parsed = Model::from_bytes(&m.to_bytes()).expect("own output parses");
    assert_eq!(parsed, m, "serialise → parse must give the same model");
    assert_eq!(parsed.fingerprint(), 42, "the data fingerprint survives");
    for e in &data {
        assert_eq!(
            parsed.predict(&e.text),
            m.predict(&e.text),
            "same predictions after a round trip"
        );
    }
    let embedded = Model::embedded();
    assert_eq!(
        &Model::from_bytes(&embedded.to_bytes()).unwrap(),
        embedded,
        "the shipped model round-trips"
    );
}

#[test]
fn corrupt_model_bytes_are_refused() {
    let bytes = train(&synthetic(), &small_cfg(), 0).to_bytes();
    assert_eq!(
        Model::from_bytes(b"nope"),
        Err(ModelError::BadMagic),
        "wrong magic"
    );
    assert!(
        matches!(
            Model::from_bytes(&bytes[..bytes.len() - 3]),
            Err(ModelError::Corrupt(_))
        ),
        "a truncated file must be an error, not a silently smaller model"
    );
    let mut wrong_version = bytes.clone();
    wrong_version[4] = 99;
    assert_eq!(
        Model::from_bytes(&wrong_version),
        Err(ModelError::Format(99)),
        "unknown format"
    );
}
