//! Times classification of 1,000 mixed zh/en tickets with the embedded model and default rules:
//! `cargo run --release -p desk-triage --example bench`.

use std::time::Instant;

use desk_triage::{Model, Triage, TriageInput};

const TEXTS: &[&str] = &[
    "有人盗用了我的账户，请马上帮我冻结",
    "I didn't make this payment and I want my money back",
    "提现三天了还没到账，银行卡一直没收到钱",
    "The app crashes every time I open it after the latest update",
    "充值失败但是钱被扣了，余额没有变化",
    "How long does a transfer to another bank take? My friend has not received it yet.",
    "我的账户被锁定了，输错了几次密码",
    "What are your customer support opening hours on weekends?",
];

fn main() {
    let inputs: Vec<TriageInput<'_>> = (0..1000)
        .map(|i| TriageInput {
            text: TEXTS[i % TEXTS.len()],
            ..Default::default()
        })
        .collect();
    let model = Model::embedded(); // parse outside the timed region, as the app does once
    let triage = Triage::embedded();
    let mut best_model = f64::MAX;
    let mut best_triage = f64::MAX;
    for _ in 0..20 {
        let t = Instant::now();
        let n = inputs
            .iter()
            .filter(|i| model.predict(i.text).category.is_urgent())
            .count();
        best_model = best_model.min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let d = triage.classify_batch(&inputs);
        best_triage = best_triage.min(t.elapsed().as_secs_f64());
        assert_eq!(d.len(), 1000);
        std::hint::black_box(n);
    }
    println!(
        "1,000 texts: model only {:.2} ms, model + default rules {:.2} ms (best of 20)",
        best_model * 1e3,
        best_triage * 1e3
    );
}
