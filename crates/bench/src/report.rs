//! The machine-readable report (`target/bench/report.json`): where and how the run happened,
//! and one row per measured quantity. A figure of the issue may have several rows (bootstrap
//! has the sync rate, the ceiling and their ratio; search has a row per size and kind).
//!
//! A run of some figures (`--only`) is merged into the last report: its rows replace those of
//! the figures it measured, and every row carries the run it came from (commit, date, load),
//! so figures can be re-measured one at a time and the report still says where each came from.

use serde::{Deserialize, Serialize};

use crate::machine::Machine;
use crate::stats::Summary;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Bumped when a field changes meaning, so scripts comparing runs can tell. 2: rows carry
    /// their run, and the top-level run fields describe the latest run merged in.
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
    /// The run that measured this row (absent in schema 1 reports: the report's own run).
    #[serde(default)]
    pub run: Option<Run>,
}

/// Where and when one invocation of desk-bench measured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Run {
    pub date: String,
    pub commit: String,
    pub command: String,
    pub total_seconds: f64,
    pub load: [Option<f64>; 2],
    pub fsync_ms: [Option<f64>; 2],
}

impl Report {
    /// The run described by the report's top-level fields.
    pub fn run(&self) -> Run {
        Run {
            date: self.date.clone(),
            commit: self.commit.clone(),
            command: self.command.clone(),
            total_seconds: self.total_seconds,
            load: self.load,
            fsync_ms: self.fsync_ms,
        }
    }

    /// Whether a run of some figures may be merged into this report: same sizes, and both
    /// full or both quick, so the table never mixes incomparable rows.
    pub fn accepts(&self, fresh: &Report) -> bool {
        self.sizes == fresh.sizes && self.quick == fresh.quick
    }

    /// This report with `fresh`'s figures replacing its own; the top-level run becomes
    /// `fresh`'s (the latest), and each kept row keeps the run it came from.
    pub fn merge(self, fresh: Report) -> Report {
        let fresh = fresh.stamped();
        let old = self.stamped();
        let measured: Vec<u8> = fresh.rows.iter().map(|r| r.figure).collect();
        let mut rows: Vec<Row> = old
            .rows
            .into_iter()
            .filter(|r| !measured.contains(&r.figure))
            .chain(fresh.rows.iter().cloned())
            .collect();
        // Stable: the rows of a figure stay in the order they were measured.
        rows.sort_by_key(|r| r.figure);
        Report { rows, ..fresh }
    }

    /// Every row without a run gets this report's own.
    pub fn stamped(mut self) -> Report {
        let run = self.run();
        for row in &mut self.rows {
            row.run.get_or_insert_with(|| run.clone());
        }
        self
    }
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
            run: None,
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

    fn report(commit: &str, rows: Vec<Row>) -> Report {
        Report {
            schema: 2,
            date: format!("date of {commit}"),
            commit: commit.into(),
            command: "scripts/bench.sh".into(),
            quick: false,
            machine: crate::machine::Machine::here(),
            sizes: Sizes {
                tickets: 100,
                large: 1000,
            },
            total_seconds: 1.0,
            load: [Some(1.0), Some(2.0)],
            fsync_ms: [None, None],
            rows,
        }
    }

    #[test]
    fn a_partial_run_replaces_only_its_figures_and_rows_keep_their_run() {
        let full = report(
            "old",
            vec![
                Row::measured(1, "bootstrap", "tickets/s", &[1.0]),
                Row::measured(4, "alerts", "ms", &[9.0]),
                Row::measured(4, "alerts, second row", "ms", &[9.0]),
                Row::measured(8, "triage", "ms", &[1.0]),
            ],
        );
        let partial = report("new", vec![Row::measured(4, "alerts", "ms", &[3.0])]);
        assert!(full.accepts(&partial));
        let merged = full.merge(partial);
        let rows: Vec<(u8, &str, &str)> = merged
            .rows
            .iter()
            .map(|r| {
                (
                    r.figure,
                    r.name.as_str(),
                    r.run.as_ref().map_or("", |r| r.commit.as_str()),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                (1, "bootstrap", "old"),
                (4, "alerts", "new"),
                (8, "triage", "old")
            ],
            "figure 4's rows are all replaced; every row names its run"
        );
        assert_eq!(merged.commit, "new");
        let mut quick = report("quick", vec![]);
        quick.quick = true;
        assert!(!merged.accepts(&quick));
    }

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
