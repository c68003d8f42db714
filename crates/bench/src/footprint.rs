//! What a process tree costs in memory, and when a process started, read from /proc.
//!
//! RSS counts every shared page in full in every process that maps it, so a sum over WebKit's
//! processes counts the shared libraries several times; PSS divides each shared page among
//! the processes sharing it, so the sum over the tree is what the tree really occupies.

use std::collections::BTreeSet;
use std::fs;
use std::time::{Duration, SystemTime};

/// Resident memory of a process tree, summed over its processes, in MB (10^6 bytes, the unit
/// of the targets).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Footprint {
    pub rss_mb: f64,
    pub pss_mb: f64,
    pub processes: usize,
}

/// `root` and all its descendants (the app, WebKitWebProcess, WebKitNetworkProcess and any
/// sandbox helper between them).
pub fn tree(root: u32) -> Vec<u32> {
    let mut parents = Vec::new();
    if let Ok(entries) = fs::read_dir("/proc") {
        for pid in entries.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok()) {
            if let Some(ppid) = stat_fields(pid).and_then(|f| f.get(1)?.parse::<u32>().ok()) {
                parents.push((pid, ppid));
            }
        }
    }
    let mut found = BTreeSet::from([root]);
    loop {
        let before = found.len();
        for (pid, ppid) in &parents {
            if found.contains(ppid) {
                found.insert(*pid);
            }
        }
        if found.len() == before {
            return found.into_iter().collect();
        }
    }
}

/// The tree's RSS and PSS from each process's smaps_rollup; processes that ended meanwhile
/// count as nothing.
pub fn measure(root: u32) -> Footprint {
    let (mut rss_kib, mut pss_kib, mut processes) = (0u64, 0u64, 0);
    for pid in tree(root) {
        let Ok(text) = fs::read_to_string(format!("/proc/{pid}/smaps_rollup")) else {
            continue;
        };
        rss_kib += kib(&text, "Rss:");
        pss_kib += kib(&text, "Pss:");
        processes += 1;
    }
    Footprint {
        rss_mb: rss_kib as f64 * 1024.0 / 1e6,
        pss_mb: pss_kib as f64 * 1024.0 / 1e6,
        processes,
    }
}

fn kib(smaps_rollup: &str, key: &str) -> u64 {
    smaps_rollup
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// When `pid` started, as wall-clock time: now, less the process's age on the boot clock
/// (/proc/uptime less the start tick in /proc/PID/stat). Both are in 10 ms ticks, which bounds
/// the precision; the boot time in /proc/stat is whole seconds and would not do.
pub fn started_at(pid: u32) -> Option<SystemTime> {
    let now = SystemTime::now();
    let uptime: f64 = fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let ticks: u64 = stat_fields(pid)?.get(19)?.parse().ok()?;
    // USER_HZ is 100 on every Linux this runs on (the kernel fixes it for user space).
    let age = (uptime - ticks as f64 / 100.0).max(0.0);
    now.checked_sub(Duration::from_secs_f64(age))
}

/// /proc/PID/stat after the command name: state, ppid, … (field 3 onwards of proc(5)).
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_name = &stat[stat.rfind(')')? + 1..];
    Some(after_name.split_whitespace().map(str::to_string).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_has_a_footprint_and_a_start() {
        let me = std::process::id();
        let f = measure(me);
        assert!(
            f.processes >= 1 && f.rss_mb > 0.0 && f.pss_mb > 0.0,
            "{f:?}"
        );
        let started = started_at(me).expect("a start time");
        let age = SystemTime::now()
            .duration_since(started)
            .expect("started in the past");
        assert!(age < Duration::from_secs(3600), "{age:?}");
    }
}
