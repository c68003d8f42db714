//! Prints a few generated tickets, for reviewing the demo data by eye:
//! `cargo run -p desk-demo --example sample -- [count] [seed]`.

use std::io::Write as _;

use desk_demo::Generator;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let count: i64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(6);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(42);
    let now = 1_793_000_000_000;
    let mut g = Generator::new(seed, now);
    let out = &mut std::io::stdout().lock();
    for id in 1..=count {
        let t = g.ticket(id);
        writeln!(
            out,
            "══ #{} {} | {} · {} · {} · {} | {:?} {:?} | tags {:?} | refs {:?} | {} ({}, {})",
            t.id,
            t.subject,
            t.category,
            t.channel,
            t.status.as_str(),
            t.priority.as_str(),
            t.assignee_id,
            t.group_id,
            t.tags,
            t.transaction_refs,
            t.customer.name,
            t.customer.country,
            t.customer.email.as_deref().unwrap_or("-"),
        )?;
        for m in &t.messages {
            let hours_ago = (now - m.created_at) as f64 / 3_600_000.0;
            writeln!(
                out,
                "── {} {} ({hours_ago:.1} h ago)",
                m.kind.as_str(),
                m.author
            )?;
            writeln!(out, "{}", m.body)?;
        }
        writeln!(out)?;
    }
    Ok(())
}
