//! How the console was started: command-line flags and environment.

use std::path::PathBuf;

/// Demo tickets generated into an empty workspace when nothing says otherwise: enough for
/// every view to be busy, small enough to fill in a few seconds on first start.
pub const DEFAULT_DEMO_TICKETS: u32 = 5_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Launch {
    /// Where the workspace lives; `None` means the OS's app-data directory.
    pub data_dir: Option<PathBuf>,
    /// How many demo tickets to generate into an empty workspace (0: none).
    pub demo_tickets: u32,
}

impl Launch {
    pub const USAGE: &'static str = "usage: wallet-desk [--data-dir DIR] [--demo-tickets N]\n\
        env: WALLET_DESK_DEMO_TICKETS=N is the same as --demo-tickets N";

    pub fn from_args(args: impl IntoIterator<Item = String>) -> Result<Self, String> {
        let mut launch = Launch {
            data_dir: None,
            demo_tickets: match std::env::var("WALLET_DESK_DEMO_TICKETS") {
                Ok(v) => parse_count(&v)?,
                Err(_) => DEFAULT_DEMO_TICKETS,
            },
        };
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--data-dir" => {
                    let dir = args.next().ok_or("--data-dir needs a directory")?;
                    launch.data_dir = Some(PathBuf::from(dir));
                }
                "--demo-tickets" => {
                    launch.demo_tickets =
                        parse_count(&args.next().ok_or("--demo-tickets needs a number")?)?
                }
                // WebKitWebDriver and macOS add flags of their own; they are not ours to reject.
                other if other.starts_with("-psn_") => {}
                other => return Err(format!("unknown argument '{other}'")),
            }
        }
        Ok(launch)
    }
}

fn parse_count(v: &str) -> Result<u32, String> {
    v.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| *n <= 2_000_000)
        .ok_or_else(|| format!("'{v}' is not a ticket count (0 to 2000000)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn flags_are_read() {
        let l =
            Launch::from_args(args(&["--data-dir", "/tmp/x", "--demo-tickets", "300"])).unwrap();
        assert_eq!(l.data_dir, Some(PathBuf::from("/tmp/x")));
        assert_eq!(l.demo_tickets, 300);
    }

    #[test]
    fn bad_flags_are_explained() {
        assert!(Launch::from_args(args(&["--data-dir"]))
            .unwrap_err()
            .contains("needs a directory"));
        assert!(Launch::from_args(args(&["--demo-tickets", "lots"]))
            .unwrap_err()
            .contains("not a ticket count"));
        assert!(Launch::from_args(args(&["--bogus"]))
            .unwrap_err()
            .contains("unknown argument"));
    }
}
