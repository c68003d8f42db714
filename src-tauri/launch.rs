//! How the console was started: command-line flags and environment.

use std::path::PathBuf;

/// Demo tickets the embedded demo hub starts with when nothing says otherwise: enough for
/// every view to be busy, small enough to sync in a few seconds on first start.
pub const DEFAULT_DEMO_TICKETS: u32 = 5_000;
/// New customer messages per minute from the demo simulator: a lively but readable queue.
pub const DEFAULT_SIMULATE_PER_MINUTE: f64 = 4.0;

/// Where the tickets come from.
#[derive(Debug, Clone, PartialEq)]
pub enum HubChoice {
    /// An embedded hub on loopback with the demo team, demo tickets and a simulator.
    Demo {
        tickets: u32,
        simulate_per_minute: f64,
    },
    /// A real hub. With the password in the environment (never a flag: flags show in process
    /// lists) the console signs in by itself; without it, the session kept in the OS keychain
    /// resumes, or the sign-in screen shows.
    Remote { url: String, agent_id: String },
    /// The sign-in screen (`--sign-in`): the workspace's hub resumes from the keychain if it
    /// has a session there, otherwise the agent types a hub address and credentials.
    SignIn,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Launch {
    /// Where the workspace lives; `None` means the OS's app-data directory.
    pub data_dir: Option<PathBuf>,
    pub hub: HubChoice,
}

/// Why the flags could not be understood; printed with the usage text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct LaunchError(String);

impl From<&str> for LaunchError {
    fn from(s: &str) -> Self {
        LaunchError(s.to_string())
    }
}

/// The environment variable a real hub's password is read from.
pub const PASSWORD_ENV: &str = "WALLET_DESK_PASSWORD";

impl Launch {
    pub const USAGE: &'static str = "usage: wallet-desk [--data-dir DIR] \
        [--demo-tickets N] [--simulate PER_MINUTE] | [--hub URL --agent AGENT_ID] | [--sign-in]\n\
        env: WALLET_DESK_DEMO_TICKETS=N is the same as --demo-tickets N;\n\
        \x20    WALLET_DESK_PASSWORD is the agent's password for --hub (without it, the session\n\
        \x20    kept in the OS keychain resumes, or the sign-in screen shows);\n\
        \x20    WALLET_DESK_GPU=1 lets the webview composite with the GPU (Linux)";

    pub fn from_args(args: impl IntoIterator<Item = String>) -> Result<Self, LaunchError> {
        let mut data_dir = None;
        let mut tickets = match std::env::var("WALLET_DESK_DEMO_TICKETS") {
            Ok(v) => parse_count(&v)?,
            Err(_) => DEFAULT_DEMO_TICKETS,
        };
        let mut simulate = DEFAULT_SIMULATE_PER_MINUTE;
        let (mut url, mut agent, mut sign_in) = (None, None, false);
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--data-dir" => {
                    let dir = args.next().ok_or("--data-dir needs a directory")?;
                    data_dir = Some(PathBuf::from(dir));
                }
                "--demo-tickets" => {
                    tickets = parse_count(&args.next().ok_or("--demo-tickets needs a number")?)?
                }
                "--simulate" => {
                    let v = args.next().ok_or("--simulate needs messages per minute")?;
                    simulate = v
                        .parse::<f64>()
                        .ok()
                        .filter(|r| (0.0..=6000.0).contains(r))
                        .ok_or_else(|| {
                            LaunchError(format!("'{v}' is not a rate (0 to 6000 per minute)"))
                        })?;
                }
                "--hub" => url = Some(args.next().ok_or("--hub needs a URL")?),
                "--agent" => agent = Some(args.next().ok_or("--agent needs an agent id")?),
                "--sign-in" => sign_in = true,
                // WebKitWebDriver and macOS add flags of their own; they are not ours to reject.
                other if other.starts_with("-psn_") => {}
                other => return Err(LaunchError(format!("unknown argument '{other}'"))),
            }
        }
        let hub = match (url, agent) {
            (None, None) if sign_in => HubChoice::SignIn,
            (Some(_), _) | (_, Some(_)) if sign_in => {
                return Err(
                    "--sign-in asks for the hub on screen; leave out --hub and --agent".into(),
                )
            }
            (None, None) => HubChoice::Demo {
                tickets,
                simulate_per_minute: simulate,
            },
            (Some(url), Some(agent_id)) => {
                if !(url.starts_with("http://") || url.starts_with("https://")) {
                    return Err(LaunchError(format!("'{url}' is not an http(s) URL")));
                }
                HubChoice::Remote { url, agent_id }
            }
            _ => return Err("--hub and --agent go together".into()),
        };
        Ok(Launch { data_dir, hub })
    }
}

fn parse_count(v: &str) -> Result<u32, LaunchError> {
    v.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| *n <= 2_000_000)
        .ok_or_else(|| LaunchError(format!("'{v}' is not a ticket count (0 to 2000000)")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn flags_are_read() {
        let l = Launch::from_args(args(&[
            "--data-dir",
            "/tmp/x",
            "--demo-tickets",
            "300",
            "--simulate",
            "12",
        ]))
        .unwrap();
        assert_eq!(l.data_dir, Some(PathBuf::from("/tmp/x")));
        assert_eq!(
            l.hub,
            HubChoice::Demo {
                tickets: 300,
                simulate_per_minute: 12.0
            }
        );
        let l =
            Launch::from_args(args(&["--hub", "https://hub.example", "--agent", "a1"])).unwrap();
        assert_eq!(
            l.hub,
            HubChoice::Remote {
                url: "https://hub.example".into(),
                agent_id: "a1".into()
            }
        );
        let l = Launch::from_args(args(&["--sign-in", "--data-dir", "w"])).unwrap();
        assert_eq!(
            l.hub,
            HubChoice::SignIn,
            "--sign-in opens the sign-in screen"
        );
    }

    #[test]
    fn bad_flags_are_explained() {
        let err = |a: &[&str]| Launch::from_args(args(a)).unwrap_err().to_string();
        assert!(err(&["--data-dir"]).contains("needs a directory"));
        assert!(err(&["--demo-tickets", "lots"]).contains("not a ticket count"));
        assert!(err(&["--bogus"]).contains("unknown argument"));
        assert!(err(&["--hub", "http://h"]).contains("go together"));
        assert!(err(&["--hub", "ftp://h", "--agent", "a"]).contains("not an http"));
        assert!(err(&["--simulate", "-1"]).contains("not a rate"));
        assert!(err(&["--sign-in", "--hub", "http://h", "--agent", "a"]).contains("on screen"));
    }
}
