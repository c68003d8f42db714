//! What crossed the test's bus, as dbus-monitor saw it: every `Notify` call (what a
//! notification daemon, and through it the OS's history, receives) and every `AddMatch` (how
//! we know a click listener has subscribed before we click).

use std::io::{BufRead, BufReader};
use std::process::ChildStdout;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One message dbus-monitor printed: its header line and its argument lines.
#[derive(Debug, Clone, Default)]
pub struct Message {
    pub header: String,
    pub lines: Vec<String>,
}

impl Message {
    pub fn member(&self) -> Option<&str> {
        self.header
            .split([';', ' '])
            .find_map(|part| part.strip_prefix("member="))
    }

    /// All of it, as printed.
    pub fn raw(&self) -> String {
        std::iter::once(self.header.as_str())
            .chain(self.lines.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Arguments at the top level (dbus-monitor indents them by three spaces).
    fn top_level(&self) -> Vec<&str> {
        self.lines
            .iter()
            .filter_map(|l| l.strip_prefix("   "))
            .filter(|l| !l.starts_with(' '))
            .collect()
    }
}

/// A `Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout)`.
#[derive(Debug, Clone)]
pub struct NotifyCall {
    pub app_name: String,
    pub summary: String,
    pub body: String,
    pub actions: Vec<String>,
    /// The `urgency` hint: 0 low, 1 normal, 2 critical.
    pub urgency: Option<u8>,
    /// Everything dbus-monitor printed for the call, hints included.
    pub raw: String,
}

impl NotifyCall {
    /// `None` while dbus-monitor has not printed the whole call yet.
    fn parse(m: &Message) -> Option<NotifyCall> {
        let top = m.top_level();
        // The last argument, expire_timeout, tells the call is complete.
        if !top.last()?.starts_with("int32 ") {
            return None;
        }
        let strings: Vec<String> = top
            .iter()
            .filter_map(|l| l.strip_prefix("string "))
            .map(unquote)
            .collect();
        let [app_name, _icon, summary, body] = &strings[..] else {
            panic!("unexpected Notify layout:\n{}", m.raw());
        };
        let mut actions = Vec::new();
        let mut in_actions = false;
        let mut urgency = None;
        let mut after_urgency_key = false;
        let mut arrays_seen = 0;
        for line in &m.lines {
            if line == "   array [" {
                arrays_seen += 1;
                in_actions = arrays_seen == 1;
                continue;
            }
            if line == "   ]" {
                in_actions = false;
                continue;
            }
            let item = line.trim();
            if in_actions {
                if let Some(s) = item.strip_prefix("string ") {
                    actions.push(unquote(s));
                }
            } else if item == "string \"urgency\"" {
                after_urgency_key = true;
            } else if after_urgency_key {
                urgency = item
                    .rsplit(' ')
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|_| item.contains("byte"));
                after_urgency_key = false;
            }
        }
        Some(NotifyCall {
            app_name: app_name.clone(),
            summary: summary.clone(),
            body: body.clone(),
            actions,
            urgency,
            raw: m.raw(),
        })
    }
}

fn unquote(s: &str) -> String {
    s.strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(s)
        .to_string()
}

/// A running dbus-monitor on the test's bus.
pub struct BusMonitor {
    messages: Arc<Mutex<Vec<Message>>>,
}

impl BusMonitor {
    /// Reads a `dbus-monitor` started with [`crate::MONITOR_ARGS`] on the test's bus; returns
    /// once the monitor is attached, so nothing sent afterwards can be missed. The caller owns
    /// (and ends) the process.
    pub fn attach(stdout: ChildStdout) -> BusMonitor {
        let messages: Arc<Mutex<Vec<Message>>> = Arc::default();
        let sink = Arc::clone(&messages);
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                let mut all = sink.lock().unwrap();
                if line.starts_with(' ') {
                    if let Some(last) = all.last_mut() {
                        last.lines.push(line);
                    }
                } else if !line.is_empty() {
                    all.push(Message {
                        header: line,
                        lines: Vec::new(),
                    });
                }
            }
        });
        let monitor = BusMonitor { messages };
        // dbus-monitor becomes a monitor by giving up its name: NameLost is its first output
        // after which every matching message is printed.
        monitor.wait("dbus-monitor to attach", Duration::from_secs(20), |m| {
            m.iter().any(|m| m.member() == Some("NameLost"))
        });
        monitor
    }

    /// The complete `Notify` calls so far.
    pub fn notify_calls(&self) -> Vec<NotifyCall> {
        self.messages
            .lock()
            .unwrap()
            .iter()
            .filter(|m| m.member() == Some("Notify"))
            .filter_map(NotifyCall::parse)
            .collect()
    }

    /// Waits until `n` `Notify` calls have been seen; returns all of them.
    pub fn wait_for_notify(&self, n: usize, timeout: Duration) -> Vec<NotifyCall> {
        let deadline = Instant::now() + timeout;
        loop {
            let calls = self.notify_calls();
            if calls.len() >= n {
                return calls;
            }
            assert!(
                Instant::now() < deadline,
                "expected {n} Notify calls within {timeout:?}, saw {}:\n{}",
                calls.len(),
                self.dump()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until `n` `AddMatch` rules mentioning `needle` have been added on the bus.
    pub fn wait_for_add_match(&self, needle: &str, n: usize, timeout: Duration) {
        self.wait(
            &format!("{n} AddMatch rules with {needle:?}"),
            timeout,
            |messages| {
                messages
                    .iter()
                    .filter(|m| m.member() == Some("AddMatch") && m.raw().contains(needle))
                    .count()
                    >= n
            },
        );
    }

    pub fn wait(&self, what: &str, timeout: Duration, mut done: impl FnMut(&[Message]) -> bool) {
        let deadline = Instant::now() + timeout;
        while !done(&self.messages.lock().unwrap()) {
            assert!(
                Instant::now() < deadline,
                "timed out after {timeout:?} waiting for {what}; the bus saw:\n{}",
                self.dump()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Everything seen, for failure messages.
    pub fn dump(&self) -> String {
        self.messages
            .lock()
            .unwrap()
            .iter()
            .map(Message::raw)
            .collect::<Vec<_>>()
            .join("\n")
    }
}
