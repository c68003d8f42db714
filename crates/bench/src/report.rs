//! The machine-readable report (`target/bench/report.json`): where and how the run happened,
//! and one row per measured quantity. A figure of the issue may have several rows (bootstrap
//! has the sync rate, the ceiling and their ratio; search has a row per size and kind).

use serde::{Deserialize, Serialize};

use crate::machine::Machine;
use crate::stats::Summary;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Bumped when a field changes meaning, so scripts comparing runs can tell.
    pub schema: u32,
    pub date: String,
    pub commit: String,
    pub command: String,
    /// A smoke run at small sizes: its figures are not comparable with the targets.
    pub quick: bool,
    pub machine: Machine,
    pub sizes: Sizes,
    pub total_seconds: f64,
    /// One-minute load average when the run started and when it ended.
    pub load: [Option<f64>; 2],
    /// Median milliseconds of a durable 4 KiB write in the workspace directory, at the start
    /// and at the end (see `machine::fsync_ms`).
    pub fsync_ms: [Option<f64>; 2],
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sizes {
    /// Demo tickets for bootstrap, sync, outbox and the smaller search workspace.
    pub tickets: usize,
    /// Tickets in the larger search workspace.
    pub large: usize,
}

/// One measured (or not yet measured) quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The figure's number in the issue (1 to 8).
    pub figure: u8,
    pub name: String,
    pub unit: String,
    /// Absent when nothing was measured.
    #[serde(flatten)]
    pub stats: Option<Summary>,
    pub target: Option<Target>,
    /// Absent when there is no target or nothing was measured.
    pub met: Option<bool>,
    pub note: Option<String>,
}

impl Row {
    pub fn measured(figure: u8, name: impl Into<String>, unit: &str, samples: &[f64]) -> Row {
        Row {
            figure,
            name: name.into(),
            unit: unit.to_string(),
            stats: Summary::of(samples),
            target: None,
            met: None,
            note: None,
        }
    }

    /// A figure someone else measures, or not yet: it shows in the table as such.
    pub fn not_measured(figure: u8, name: &str, unit: &str, target: Target, note: &str) -> Row {
        Row {
            figure,
            name: name.to_string(),
            unit: unit.to_string(),
            stats: None,
            target: Some(target),
            met: None,
            note: Some(note.to_string()),
        }
    }

    pub fn with_target(mut self, target: Target) -> Row {
        self.met = self.stats.as_ref().map(|s| target.holds(s));
        self.target = Some(target);
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Row {
        self.note = Some(note.into());
        self
    }
}

/// A goal from the issue: which statistic, which way, how far.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub stat: Stat,
    pub op: Op,
    pub value: f64,
}

impl Target {
    pub fn median_at_least(value: f64) -> Target {
        Target {
            stat: Stat::Median,
            op: Op::AtLeast,
            value,
        }
    }

    pub fn median_at_most(value: f64) -> Target {
        Target {
            stat: Stat::Median,
            op: Op::AtMost,
            value,
        }
    }

    pub fn p95_at_most(value: f64) -> Target {
        Target {
            stat: Stat::P95,
            op: Op::AtMost,
            value,
        }
    }

    pub fn holds(&self, s: &Summary) -> bool {
        let v = match self.stat {
            Stat::Median => s.median,
            Stat::P95 => s.p95,
        };
        match self.op {
            Op::AtLeast => v >= self.value,
            Op::AtMost => v <= self.value,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stat {
    Median,
    P95,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    AtLeast,
    AtMost,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_compare_the_statistic_they_name() {
        let row = Row::measured(2, "sync", "ms", &[10.0, 20.0, 30.0, 40.0, 500.0]);
        assert_eq!(
            row.clone().with_target(Target::median_at_most(50.0)).met,
            Some(true)
        );
        assert_eq!(row.with_target(Target::p95_at_most(200.0)).met, Some(false));
        let empty = Row::measured(1, "x", "ms", &[]).with_target(Target::median_at_least(1.0));
        assert_eq!(
            empty.met, None,
            "nothing measured is neither met nor missed"
        );
    }
}
