//! Command-line flags, and how many repetitions each figure gets at full and quick sizes.

use std::path::PathBuf;

use anyhow::{bail, Context};

pub const USAGE: &str = "\
desk-bench: the benchmark suite behind BENCHMARKS.md (run it through scripts/bench.sh)

  --quick            smoke run: 10,000 tickets, few repetitions (figures not comparable)
  --tickets N        demo tickets for bootstrap, sync, outbox and search (default 100000)
  --large N          tickets of the large search workspace (default 1000000)
  --only 1,3,8       run only these figures, merged into the report at --report when it has
                     the same sizes (each row keeps the commit, date and load of its run)
  --report PATH      JSON report (default target/bench/report.json)
  --markdown PATH    human table, findings kept (default BENCHMARKS.md)
  --command TEXT     the command to record in the report
  --workdir DIR      where workspaces are generated (default: a temporary directory)";

#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub quick: bool,
    pub tickets: usize,
    pub large: usize,
    pub only: Option<Vec<u8>>,
    pub report: PathBuf,
    pub markdown: PathBuf,
    pub command: Option<String>,
    pub workdir: Option<PathBuf>,
}

impl Options {
    pub fn parse(args: impl IntoIterator<Item = String>) -> anyhow::Result<Options> {
        let mut o = Options {
            quick: false,
            tickets: 100_000,
            large: 1_000_000,
            only: None,
            report: "target/bench/report.json".into(),
            markdown: "BENCHMARKS.md".into(),
            command: None,
            workdir: None,
        };
        let (mut tickets, mut large) = (None, None);
        let mut args = args.into_iter();
        while let Some(flag) = args.next() {
            let mut value = || args.next().with_context(|| format!("{flag} needs a value"));
            match flag.as_str() {
                "--quick" => o.quick = true,
                "--tickets" => tickets = Some(count(&value()?)?),
                "--large" => large = Some(count(&value()?)?),
                "--only" => {
                    let list = value()?
                        .split(',')
                        .map(|f| f.trim().parse::<u8>())
                        .collect::<Result<Vec<_>, _>>()
                        .context("--only takes figure numbers like 1,3,8")?;
                    o.only = Some(list);
                }
                "--report" => o.report = value()?.into(),
                "--markdown" => o.markdown = value()?.into(),
                "--command" => o.command = Some(value()?),
                "--workdir" => o.workdir = Some(value()?.into()),
                "-h" | "--help" => bail!("{USAGE}"),
                other => bail!("unknown flag {other}\n\n{USAGE}"),
            }
        }
        if o.quick {
            o.tickets = 10_000;
            o.large = 20_000;
        }
        o.tickets = tickets.unwrap_or(o.tickets);
        o.large = large.unwrap_or(o.large);
        Ok(o)
    }

    pub fn runs(&self, figure: u8) -> bool {
        self.only.as_ref().is_none_or(|l| l.contains(&figure))
    }

    pub fn plan(&self) -> Plan {
        if self.quick {
            Plan {
                bootstrap_runs: 2,
                sync_changes: 30,
                search_runs: 5,
                outbox_runs: 2,
                intake_runs: 2,
                intake_messages: 400,
                triage_runs: 20,
                alert_samples: 5,
                startup_runs: 2,
            }
        } else {
            Plan {
                bootstrap_runs: 3,
                sync_changes: 200,
                search_runs: 25,
                outbox_runs: 5,
                intake_runs: 5,
                intake_messages: 4_000,
                triage_runs: 200,
                alert_samples: 20,
                startup_runs: 5,
            }
        }
    }
}

fn count(s: &str) -> anyhow::Result<usize> {
    let n: usize = s
        .replace('_', "")
        .parse()
        .with_context(|| format!("not a count: {s}"))?;
    if n == 0 {
        bail!("a workspace needs at least one ticket");
    }
    Ok(n)
}

/// Repetitions per figure: enough for a stable median at full size, a code-path check when quick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    pub bootstrap_runs: usize,
    /// Changes timed one after another for the incremental sync percentiles.
    pub sync_changes: usize,
    /// Repetitions of each search query.
    pub search_runs: usize,
    pub outbox_runs: usize,
    pub intake_runs: usize,
    /// Messages posted per intake run, across all clients.
    pub intake_messages: usize,
    pub triage_runs: usize,
    /// Urgent cases timed to their notification (figure 4).
    pub alert_samples: usize,
    /// Starts of the console and of the hello-world window (figure 5).
    pub startup_runs: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> anyhow::Result<Options> {
        Options::parse(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn quick_shrinks_sizes_unless_given() {
        let o = parse(&["--quick", "--large", "50_000"]).unwrap();
        assert_eq!((o.tickets, o.large), (10_000, 50_000));
        let full = parse(&[]).unwrap();
        assert_eq!((full.tickets, full.large), (100_000, 1_000_000));
    }

    #[test]
    fn only_selects_figures_and_bad_flags_fail() {
        let o = parse(&["--only", "1, 8"]).unwrap();
        assert!(o.runs(1) && o.runs(8) && !o.runs(3));
        assert!(parse(&["--only", "x"]).is_err());
        assert!(parse(&["--tickets"]).is_err());
        assert!(parse(&["--bogus"]).is_err());
    }
}
