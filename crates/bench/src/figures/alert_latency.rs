//! Figure 4: from an urgent ticket posted to the hub's intake to the console's `Notify` call
//! on the session bus, with the release app in its window, a real notification daemon (dunst)
//! and dbus-monitor timestamping what crosses the bus.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context};
use desk_domain::{Channel, TicketId};
use desk_testbed::BusMonitor;
use desk_wire::{CustomerRef, IntakeMessage};

use crate::hub::{Connector, DemoHub};
use crate::report::{Row, Target};

/// Wording the console's triage files as a security or fraud case (as the alert e2e test).
const URGENT_TEXT: &str = "Someone logged into my account and I didn't make this payment";

/// The console turns more than 3 alerts within 10 s into one summary; posts this far apart
/// stay single notifications, each with its own latency.
pub const SPACING: Duration = Duration::from_secs(4);

/// Posts `samples` urgent cases, one every [`SPACING`], and times each to its `Notify`.
/// The console must be synced and its monitor attached.
pub async fn run(hub: &DemoHub, monitor: &BusMonitor, samples: usize) -> anyhow::Result<Vec<Row>> {
    let connector = hub.connector().await?;
    // The first alert after start-up warms the daemon and the console's notification thread.
    let first = post(&connector, "warm-up").await?.0;
    notified_at(monitor, first, Duration::from_secs(60))
        .await
        .context("the warm-up alert")?;
    let mut latencies = Vec::with_capacity(samples);
    for n in 0..samples {
        tokio::time::sleep(SPACING).await;
        let (id, posted) = post(&connector, &n.to_string()).await?;
        let shown = notified_at(monitor, id, Duration::from_secs(20)).await?;
        latencies.push((shown - posted) * 1000.0);
    }
    Ok(vec![Row::measured(
        4,
        "Alert latency: urgent ticket at intake → Notify on the session bus",
        "ms",
        &latencies,
    )
    .with_target(Target::p95_at_most(500.0))
    .with_note(format!(
        "release app synced with a demo hub over loopback, dunst on a private bus; one urgent case every {} s (the burst rule batches more than 3 in 10 s)",
        SPACING.as_secs()
    ))])
}

/// Files an urgent live-chat case from a new customer; returns its ticket and when the post
/// began (seconds since the epoch, the clock dbus-monitor stamps with).
async fn post(connector: &Connector, run: &str) -> anyhow::Result<(TicketId, f64)> {
    let message = chat_message(&format!("bench-alert-{run}"), URGENT_TEXT);
    let posted = epoch_secs(SystemTime::now());
    let filed = connector.post(&message).await?;
    Ok((filed.ticket_id, posted))
}

/// A live-chat message from a new customer named by `key` (who has no personal data to leak).
pub fn chat_message(key: &str, body: &str) -> IntakeMessage {
    IntakeMessage {
        channel: Channel::WebChat,
        external_thread_id: Some(key.to_string()),
        customer: CustomerRef {
            email: Some(format!("{key}@example.test")),
            name: Some("Bench Customer".into()),
            ..CustomerRef::default()
        },
        subject: None,
        body: body.to_string(),
        html: None,
        attachments: vec![],
        sent_at: None,
        in_app: None,
        call: None,
    }
}

/// When the `Notify` for ticket `id` crossed the bus (dbus-monitor's `time=`).
async fn notified_at(monitor: &BusMonitor, id: TicketId, timeout: Duration) -> anyhow::Result<f64> {
    let deadline = Instant::now() + timeout;
    let needle = format!("#{id} ");
    loop {
        let calls = monitor.notify_calls();
        if let Some(call) = calls
            .iter()
            .find(|c| c.body.contains(&needle) || c.body.ends_with(&format!("#{id}")))
        {
            // `raw` starts with the header line dbus-monitor printed for the call.
            let header = call.raw.lines().next().unwrap_or_default();
            return header_time(header)
                .with_context(|| format!("no time= in dbus-monitor's header {header:?}"));
        }
        if Instant::now() > deadline {
            bail!(
                "no Notify for urgent ticket {id} within {timeout:?} (batched into a summary, or \
                 the console did not alert)"
            );
        }
        // Async: the hub the console pulls from runs on this runtime.
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// `method call time=1763800000.123456 sender=…` → seconds since the epoch.
fn header_time(header: &str) -> Option<f64> {
    header
        .split_whitespace()
        .find_map(|part| part.strip_prefix("time="))?
        .parse()
        .ok()
}

pub fn epoch_secs(t: SystemTime) -> f64 {
    t.duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs_f64()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_monitor_timestamp() {
        let header = "method call time=1763800000.250001 sender=:1.7 -> destination=:1.3 \
                      serial=9 path=/org/freedesktop/Notifications; member=Notify";
        assert_eq!(header_time(header), Some(1_763_800_000.250001));
        assert_eq!(header_time("signal sender=org.freedesktop.DBus"), None);
    }
}
