//! Figure 8: the on-device classifier with the default rules, over 1,000 demo tickets (subject
//! and first message, as the hub's intake feeds it).

use std::hint::black_box;
use std::time::Instant;

use desk_demo::Generator;
use desk_triage::{Triage, TriageInput};

use crate::hub::SEED;
use crate::report::{Row, Target};

pub const TICKETS: usize = 1_000;

pub fn run(runs: usize) -> Vec<Row> {
    let mut generator = Generator::new(SEED, support_hub::routes::now_millis());
    let tickets: Vec<_> = (1..=TICKETS as i64)
        .map(|id| generator.ticket(id))
        .collect();
    let texts: Vec<String> = tickets
        .iter()
        .map(|t| {
            let first = t.messages.first().map_or("", |m| m.body.as_str());
            format!("{}\n{first}", t.subject)
        })
        .collect();
    let inputs: Vec<TriageInput<'_>> = tickets
        .iter()
        .zip(&texts)
        .map(|(t, text)| TriageInput {
            text,
            channel: Some(t.channel),
            amount_minor: None,
        })
        .collect();
    let triage = Triage::shared();
    // The first call loads the embedded model; the app pays that once at start-up.
    black_box(triage.classify_batch(&inputs));
    let ms: Vec<f64> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            black_box(triage.classify_batch(black_box(&inputs)));
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    vec![Row::measured(
        8,
        "Triage model: classify 1,000 tickets (model and default rules)",
        "ms",
        &ms,
    )
    .with_target(Target::median_at_most(20.0))
    .with_note("one thread, model loaded")]
}
