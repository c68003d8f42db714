//! Prints the decision for each argument: `cargo run -p desk-triage --example classify -- "我的账户被锁定了"`.

use desk_triage::{Triage, TriageInput};

fn main() {
    let triage = Triage::embedded();
    for text in std::env::args().skip(1) {
        let d = triage.classify(&TriageInput {
            text: &text,
            ..Default::default()
        });
        println!(
            "{text}\n  {}",
            serde_json::to_string(&d).expect("decision serialises")
        );
    }
}
