//! Figure 5: the release app's start-up to its first painted inbox rows on an already-synced
//! workspace, and the resident memory of its whole process tree (the app and WebKit's
//! processes) when idle and after scrolling the whole inbox, next to a hello-world Tauri window
//! measured the same way.

use std::path::Path;
use std::time::Duration;

use anyhow::Context;
use serde_json::Value;

use crate::desktop::Desktop;
use crate::figures::alert_latency::epoch_secs;
use crate::footprint::{self, Footprint};
use crate::report::{Row, Target};
use crate::window::Window;

/// How long a window is left alone before "idle" is measured: WebKit finishes its first
/// layout, font loading and cache warm-up in the first seconds.
const SETTLE: Duration = Duration::from_secs(5);

/// The time of the UI's `inbox-ready` mark (set once the first inbox rows have painted, see
/// ui/src/lib/ready.ts), in milliseconds since the epoch.
const INBOX_READY_MS: &str = "const e = performance.getEntriesByName('inbox-ready')[0]; \
     return e ? performance.timeOrigin + e.startTime : null;";

/// Scrolls the inbox for up to 4 s, one page of rows (100, what the UI fetches at once) per
/// frame once the rows in view have loaded. Answers whether the end was reached. Every page is
/// fetched and painted on the way, as when an agent drags the scrollbar to the bottom.
const SCROLL_SOME: &str = r#"
const done = arguments[arguments.length - 1];
const list = document.querySelector('[data-testid="inbox-list"]');
const until = performance.now() + 4000;
const step = () => {
  if (!list.querySelector('.skeleton')) {
    if (list.scrollTop + list.clientHeight >= list.scrollHeight - 1) return done(true);
    list.scrollTop += 100 * 68;
  }
  if (performance.now() > until) return done(false);
  requestAnimationFrame(step);
};
requestAnimationFrame(step);
"#;

struct Samples {
    startup_s: Vec<f64>,
    idle: Vec<Footprint>,
    scrolled: Vec<Footprint>,
    hello: Vec<Footprint>,
}

/// `runs` starts of the console (`app` with `args`) and of the hello-world window, one after
/// the other on the same desktop.
pub async fn run(
    desktop: &Desktop,
    app: &Path,
    args: &[String],
    hello: &Path,
    runs: usize,
    tickets: usize,
) -> anyhow::Result<Vec<Row>> {
    let mut s = Samples {
        startup_s: Vec::new(),
        idle: Vec::new(),
        scrolled: Vec::new(),
        hello: Vec::new(),
    };
    for _ in 0..runs {
        let window = Window::open(desktop, app, args).await?;
        let started = footprint::started_at(window.pid).context("the app's start time")?;
        let ready = window
            .poll(
                "the first inbox rows",
                Duration::from_secs(120),
                INBOX_READY_MS,
            )
            .await?;
        let ready_ms = ready.as_f64().context("the mark's time is a number")?;
        s.startup_s.push(ready_ms / 1000.0 - epoch_secs(started));
        tokio::time::sleep(SETTLE).await;
        s.idle.push(footprint::measure(window.pid));
        scroll_to_the_end(&window).await?;
        tokio::time::sleep(SETTLE).await;
        s.scrolled.push(footprint::measure(window.pid));
        window.close(desktop).await?;
    }
    for _ in 0..runs {
        let window = Window::open(desktop, hello, &[]).await?;
        window
            .poll(
                "the hello-world page",
                Duration::from_secs(60),
                "return document.readyState === 'complete' ? true : null",
            )
            .await?;
        tokio::time::sleep(SETTLE).await;
        s.hello.push(footprint::measure(window.pid));
        window.close(desktop).await?;
    }
    Ok(rows(&s, tickets))
}

async fn scroll_to_the_end(window: &Window) -> anyhow::Result<()> {
    for _ in 0..1_000 {
        if window.run_async(SCROLL_SOME).await? == Value::Bool(true) {
            return Ok(());
        }
    }
    anyhow::bail!("the inbox did not reach its end within 4,000 s of scrolling")
}

fn rows(s: &Samples, tickets: usize) -> Vec<Row> {
    let pss = |f: &[Footprint]| f.iter().map(|f| f.pss_mb).collect::<Vec<_>>();
    let rss = |f: &[Footprint]| f.iter().map(|f| f.rss_mb).collect::<Vec<_>>();
    let hello_pss = crate::stats::Summary::of(&pss(&s.hello)).map_or(f64::NAN, |h| h.median);
    let above = |f: &[Footprint]| f.iter().map(|f| f.pss_mb - hello_pss).collect::<Vec<_>>();
    let context = |f: &[Footprint]| {
        let r = crate::stats::Summary::of(&rss(f));
        let processes = f.iter().map(|f| f.processes).max().unwrap_or(0);
        match r {
            Some(r) => format!(
                "RSS {:.0} MB ({:.0}–{:.0}); {processes} processes",
                r.median, r.min, r.max
            ),
            None => String::new(),
        }
    };
    let size = crate::markdown::thousands(tickets as f64);
    vec![
        Row::measured(
            5,
            format!("Start-up: process start → first inbox rows painted, {size}-ticket workspace"),
            "s",
            &s.startup_s,
        )
        .with_target(Target::median_at_most(1.5))
        .with_note("release build under Xvfb, workspace already synced; from the kernel's start time of the process to the UI's inbox-ready mark"),
        Row::measured(5, "Memory, idle: PSS of the app's process tree", "MB", &pss(&s.idle))
            .with_note(format!("{}; {} s after the first rows", context(&s.idle), SETTLE.as_secs())),
        Row::measured(
            5,
            format!("Memory after scrolling all {size} rows: PSS of the process tree"),
            "MB",
            &pss(&s.scrolled),
        )
        .with_note(context(&s.scrolled)),
        Row::measured(5, "Hello-world Tauri window: PSS of its process tree", "MB", &pss(&s.hello))
            .with_note(format!("{}; the baseline (crates/bench/hello), same build and desktop", context(&s.hello))),
        Row::measured(5, "Memory above hello-world, idle (PSS)", "MB", &above(&s.idle))
            .with_target(Target::median_at_most(100.0)),
        Row::measured(
            5,
            "Memory above hello-world, after scrolling (PSS)",
            "MB",
            &above(&s.scrolled),
        )
        .with_target(Target::median_at_most(100.0)),
    ]
}
