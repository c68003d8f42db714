//! Measures generation speed: `cargo run --release -p desk-demo --example bench -- [count]`.
//! Prints tickets per second and the size of the text produced.

use std::io::Write as _;
use std::time::Instant;

use desk_demo::Generator;

fn main() -> std::io::Result<()> {
    let count: i64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let mut g = Generator::new(42, 1_793_000_000_000);
    let start = Instant::now();
    let (mut messages, mut bytes) = (0usize, 0usize);
    for id in 1..=count {
        let t = g.ticket(id);
        messages += t.messages.len();
        bytes += t.subject.len() + t.messages.iter().map(|m| m.body.len()).sum::<usize>();
    }
    let secs = start.elapsed().as_secs_f64();
    writeln!(
        std::io::stdout(),
        "{count} tickets, {messages} messages, {:.1} MB of text in {secs:.2} s ({:.0} tickets/s)",
        bytes as f64 / 1e6,
        count as f64 / secs,
    )
}
