//! A private session bus for one test, and on request an X display with a real notification
//! daemon (dunst) on it, so notifications go where they go on an agent's Linux desktop.
//!
//! - Nothing is shared with the developer's session: the bus has its own config (no service
//!   directories, so nothing is bus-activated behind the test's back), the display is chosen
//!   by Xvfb itself (`-displayfd`), and HOME, XDG dirs and dunst's config are fresh temp dirs.
//! - Nothing outlives the fixture: Drop ends every process it started, by pid.
//! - A missing tool fails the test with a message naming `bash scripts/setup.sh`; nothing is
//!   skipped.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use tempfile::TempDir;

const SETUP_HINT: &str = "install the notification test tools with `bash scripts/setup.sh`";
const START_TIMEOUT: Duration = Duration::from_secs(20);

/// What owns `org.freedesktop.Notifications` on the test's bus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Daemon {
    /// dunst on its own Xvfb display.
    Dunst,
    /// Nobody: `Notify` fails at once with `ServiceUnknown`.
    Absent,
    /// A service that the bus starts but that never takes the name: `Notify` waits for it, as
    /// it does when a desktop's daemon is stuck.
    Stalled,
}

/// A program the tests need, looked up on PATH.
pub fn require_tool(program: &str, package: &str) -> PathBuf {
    std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!("`{program}` (Debian package {package}) was not found on PATH: {SETUP_HINT}")
        })
}

pub struct Desktop {
    pub bus_address: String,
    pub display: Option<String>,
    pub log_dir: PathBuf,
    dir: TempDir,
    /// Started processes, torn down in reverse order.
    children: Vec<(&'static str, Child)>,
}

impl Desktop {
    pub fn start(test: &str, daemon: Daemon) -> Desktop {
        let dbus_daemon = require_tool("dbus-daemon", "dbus");
        require_tool("dbus-send", "dbus");
        require_tool("dbus-monitor", "dbus");
        let (xvfb, dunst) = if daemon == Daemon::Dunst {
            require_tool("dunstctl", "dunst");
            (
                Some(require_tool("Xvfb", "xvfb")),
                Some(require_tool("dunst", "dunst")),
            )
        } else {
            (None, None)
        };

        let dir = tempfile::Builder::new()
            .prefix("desk-alerts-desktop-")
            .tempdir()
            .expect("a temp dir for the test desktop");
        let log_dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("desk-alerts")
            .join(test);
        let _ = fs::remove_dir_all(&log_dir);
        fs::create_dir_all(&log_dir).expect("a log dir under target/tmp");
        for sub in ["home", "config", "runtime", "bus", "services"] {
            fs::create_dir_all(dir.path().join(sub)).expect("temp desktop dirs");
        }
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(
            dir.path().join("runtime"),
            fs::Permissions::from_mode(0o700),
        )
        .expect("XDG_RUNTIME_DIR must be private");

        let mut desktop = Desktop {
            bus_address: String::new(),
            display: None,
            log_dir,
            dir,
            children: Vec::new(),
        };

        if let Some(xvfb) = xvfb {
            let mut cmd = Command::new(xvfb);
            cmd.args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ]);
            let number = desktop.spawn_reading_line("xvfb", cmd);
            assert!(
                !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()),
                "Xvfb should print its display number, got {number:?}"
            );
            desktop.display = Some(format!(":{number}"));
        }

        let config = desktop.write_bus_config(daemon);
        let mut cmd = Command::new(dbus_daemon);
        cmd.arg(format!("--config-file={}", config.display()))
            .args(["--nofork", "--nopidfile", "--nosyslog", "--print-address=1"]);
        desktop.bus_address = desktop.spawn_reading_line("dbus", cmd);
        assert!(
            desktop.bus_address.starts_with("unix:"),
            "dbus-daemon should print its address, got {:?}",
            desktop.bus_address
        );

        if let Some(dunst) = dunst {
            let child = desktop.spawn_logged("dunst", Command::new(dunst));
            desktop.children.push(("dunst", child));
            desktop.wait_until("dunst to own org.freedesktop.Notifications", || {
                desktop.name_has_owner("org.freedesktop.Notifications")
            });
        }
        desktop
    }

    /// A command that runs on this desktop (its bus, display and temp HOME).
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut cmd = Command::new(program);
        self.apply_env(&mut cmd);
        cmd
    }

    /// Runs a short command on this desktop and returns its output, failing the test if it
    /// fails.
    /// Starts dbus-monitor on this desktop's bus and waits until it is attached.
    pub fn monitor(&mut self) -> desk_testbed::BusMonitor {
        let mut cmd = self.command("dbus-monitor");
        cmd.args(desk_testbed::MONITOR_ARGS);
        let stdout = self.spawn_piped("dbus-monitor", cmd);
        desk_testbed::BusMonitor::attach(stdout)
    }

    pub fn run(&self, program: &str, args: &[&str]) -> String {
        let output: Output = self
            .command(program)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("cannot run {program}: {e}; {SETUP_HINT}"));
        assert!(
            output.status.success(),
            "{program} {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Starts a long-running process on this desktop and hands over its stdout (its stderr
    /// goes to its log); Drop ends it.
    pub fn spawn_piped(&mut self, name: &'static str, mut cmd: Command) -> ChildStdout {
        self.apply_env(&mut cmd);
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(self.log_file(name))
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {name}: {e}; {SETUP_HINT}"));
        let stdout = child.stdout.take().expect("piped stdout");
        self.children.push((name, child));
        stdout
    }

    pub fn wait_until(&self, what: &str, mut done: impl FnMut() -> bool) {
        let deadline = Instant::now() + START_TIMEOUT;
        while !done() {
            assert!(
                Instant::now() < deadline,
                "timed out after {START_TIMEOUT:?} waiting for {what}; logs in {}",
                self.log_dir.display()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn name_has_owner(&self, name: &str) -> bool {
        desk_testbed::bus_name_has_owner(&self.bus_address, name)
    }

    /// A session bus like the desktop's, minus its service directories, plus (for a stalled
    /// daemon) one service that starts and never answers.
    fn write_bus_config(&self, daemon: Daemon) -> PathBuf {
        let root = self.dir.path();
        let mut services = String::new();
        if daemon == Daemon::Stalled {
            let script = root.join("stalled-notifications.sh");
            // Records its pid so Drop can end it: the bus starts it, not the test.
            fs::write(
                &script,
                format!(
                    "#!/bin/sh\necho $$ > '{}'\nexec sleep 120\n",
                    root.join("stalled.pid").display()
                ),
            )
            .expect("stalled service script");
            fs::write(
                root.join("services/org.freedesktop.Notifications.service"),
                format!(
                    "[D-BUS Service]\nName=org.freedesktop.Notifications\nExec=/bin/sh {}\n",
                    script.display()
                ),
            )
            .expect("stalled service file");
            services = format!(
                "<servicedir>{}</servicedir>\n  <limit name=\"service_start_timeout\">60000</limit>",
                root.join("services").display()
            );
        }
        let config = root.join("bus.conf");
        fs::write(
            &config,
            desk_testbed::session_bus_config(&root.join("bus"), &services),
        )
        .expect("bus config");
        config
    }

    fn apply_env(&self, cmd: &mut Command) {
        let root = self.dir.path();
        cmd.env("HOME", root.join("home"))
            .env("XDG_CONFIG_HOME", root.join("config"))
            .env("XDG_RUNTIME_DIR", root.join("runtime"))
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("XAUTHORITY");
        match &self.display {
            Some(display) => cmd.env("DISPLAY", display),
            None => cmd.env_remove("DISPLAY"),
        };
        if self.bus_address.is_empty() {
            cmd.env_remove("DBUS_SESSION_BUS_ADDRESS");
        } else {
            cmd.env("DBUS_SESSION_BUS_ADDRESS", &self.bus_address);
        }
    }

    fn log_file(&self, name: &str) -> fs::File {
        fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.log_dir.join(format!("{name}.log")))
            .expect("a log file")
    }

    fn spawn_logged(&self, name: &str, mut cmd: Command) -> Child {
        self.apply_env(&mut cmd);
        let log = self.log_file(name);
        cmd.stdin(Stdio::null())
            .stdout(log.try_clone().expect("log handle"))
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {name}: {e}; {SETUP_HINT}"))
    }

    /// Starts a process whose first stdout line is what we wait for (Xvfb's display number,
    /// dbus-daemon's address); the rest of its output goes to its log.
    fn spawn_reading_line(&mut self, name: &'static str, mut cmd: Command) -> String {
        self.apply_env(&mut cmd);
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(self.log_file(name))
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {name}: {e}; {SETUP_HINT}"));
        let stdout = child.stdout.take().expect("piped stdout");
        let line = first_line(stdout, self.log_file(name), START_TIMEOUT);
        self.children.push((name, child));
        line.unwrap_or_else(|| {
            panic!(
                "{name} printed nothing within {START_TIMEOUT:?}; see {}",
                self.log_dir.display()
            )
        })
        .trim()
        .to_string()
    }
}

impl Drop for Desktop {
    fn drop(&mut self) {
        // The stalled service was started by the bus, so it is not among our children.
        if let Ok(pid) = fs::read_to_string(self.dir.path().join("stalled.pid")) {
            let _ = Command::new("kill")
                .arg(pid.trim())
                .stderr(Stdio::null())
                .status();
        }
        for (_, child) in self.children.iter_mut().rev() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Reads the first line of `stdout` within `timeout`; the rest is copied to `log`, so the pipe
/// never fills and blocks the process.
fn first_line(stdout: ChildStdout, mut log: fs::File, timeout: Duration) -> Option<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        let ok = reader.read_line(&mut line).map(|n| n > 0).unwrap_or(false);
        let _ = tx.send(ok.then_some(line));
        let _ = std::io::copy(&mut reader, &mut log);
    });
    rx.recv_timeout(timeout).ok().flatten()
}
