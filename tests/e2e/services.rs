//! A private desktop for each test: its own X display (Xvfb), session bus, notification
//! daemon, WebDriver server (tauri-driver, which starts WebKitWebDriver) and workspace.
//!
//! What must hold:
//! - Nothing is fixed: Xvfb picks a free display itself (`-displayfd`), ports come from the OS,
//!   every directory is a fresh temp dir. Tests run in parallel without seeing each other.
//! - Nothing outlives the fixture. Every process we start, and everything those start in turn
//!   (WebKitWebDriver, the app, WebKit's helper processes, bus-activated services), carries a
//!   marker variable unique to this fixture. Drop ends all of them by that marker, also when
//!   the test panicked. Killing tauri-driver alone is not enough: it takes WebKitWebDriver down
//!   but leaves the app running as an orphan.
//! - Under nextest a timed-out test's process group is killed; all of these stay in the test's
//!   process group (nothing here starts a new session or group), so they go with it.
//! - A missing tool fails the test with a message naming `bash scripts/setup.sh`; the suite
//!   never passes by skipping the real window.

use std::{
    fs,
    io::{BufRead, BufReader, Read, Write},
    net::{TcpListener, TcpStream},
    path::{Path, PathBuf},
    process::{Child, ChildStdout, Command, Stdio},
    sync::mpsc,
    time::{Duration, Instant},
};

use tempfile::TempDir;

/// Demo tickets for a test workspace: enough for every view to have rows, small enough that
/// the first start fills it in well under a second.
pub const TEST_DEMO_TICKETS: u32 = 300;

/// How long the app may take from session start to its first painted inbox. A cold WebKit
/// start plus the demo fill on a busy 2-core CI machine takes a few seconds; this leaves room.
pub const READY_TIMEOUT: Duration = Duration::from_secs(60);

/// How long one UI step (a click, a language switch) may take to show its result.
pub const STEP_TIMEOUT: Duration = Duration::from_secs(20);

/// How long the app process may be missing while its session is being opened before we call
/// it dead (WebKitWebDriver starts it within a second).
pub(crate) const APP_GONE_GRACE: Duration = Duration::from_secs(10);

/// Larger than the app's default window (1360x860), so all of it is on screen.
const SCREEN: &str = "1920x1080x24";
const SETUP_HINT: &str = "install the end-to-end test tools with `bash scripts/setup.sh`";

/// Where a test leaves what helps after a failure: screenshots and the logs of every process.
pub fn artifacts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("artifacts")
}

/// The checked-in screenshots the README shows; refreshed with `UPDATE_SCREENSHOTS=1`.
pub fn docs_screenshots_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join("screenshots")
}

/// A program the desktop needs, looked up on PATH (and, for cargo-installed tools, in cargo's
/// bin directory, which is not always on PATH in a fresh shell).
pub fn require_tool(program: &str, provided_by: &str) -> PathBuf {
    let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    if let Some(cargo_home) = std::env::var_os("CARGO_HOME") {
        dirs.push(PathBuf::from(cargo_home).join("bin"));
    }
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo").join("bin"));
    }
    dirs.into_iter()
        .map(|d| d.join(program))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!(
                "end-to-end prerequisite `{program}` ({provided_by}) was not found on PATH: \
                 {SETUP_HINT}"
            )
        })
}

/// The processes and directories of one private desktop, without the app. `Desktop` adds
/// the app session on top; the harness tests use this alone.
pub struct Services {
    /// The X display, e.g. `:3`.
    pub display: String,
    /// The private session bus.
    pub bus_address: String,
    /// tauri-driver's WebDriver endpoint, e.g. `http://127.0.0.1:40123`.
    pub driver_url: String,
    /// Unique value of [`Services::MARKER_VAR`] in the environment of everything started here.
    pub marker: String,
    /// Logs of each process (the app's stderr ends up in tauri-driver.log).
    pub log_dir: PathBuf,
    /// Direct children in start order; torn down in reverse.
    children: Vec<(&'static str, Child)>,
    /// HOME, XDG dirs and the runtime dir of the desktop session; removed last.
    home: TempDir,
}

impl Services {
    /// The environment variable that marks every process belonging to one desktop.
    pub const MARKER_VAR: &'static str = "WALLET_DESK_E2E_DESKTOP";

    /// Starts Xvfb, a session bus, dunst and tauri-driver for `test` (a name for the log
    /// folder). `extra_env` is passed to tauri-driver, and through WebKitWebDriver to the app.
    pub fn start(test: &str, extra_env: &[(&str, String)]) -> Services {
        Self::start_with(test, extra_env, true)
    }

    /// [`Services::start`], with or without a notification daemon: without one, nobody owns
    /// org.freedesktop.Notifications and the bus refuses notifications at once.
    pub fn start_with(test: &str, extra_env: &[(&str, String)], daemon: bool) -> Services {
        // Look every tool up first, so a machine without them fails before anything starts.
        let xvfb = require_tool("Xvfb", "Debian package xvfb");
        let dbus_daemon = require_tool("dbus-daemon", "Debian package dbus");
        let dunst = require_tool("dunst", "Debian package dunst");
        require_tool("dbus-monitor", "Debian package dbus");
        require_tool("dbus-send", "Debian package dbus");
        let tauri_driver = require_tool("tauri-driver", "cargo install tauri-driver");
        require_tool("WebKitWebDriver", "Debian package webkit2gtk-driver");

        let home = tempfile::Builder::new()
            .prefix("wallet-desk-e2e-home-")
            .tempdir()
            .expect("a temp dir for the desktop session's HOME");
        let log_dir = artifacts_dir().join("logs").join(test);
        let _ = fs::remove_dir_all(&log_dir);
        fs::create_dir_all(&log_dir).expect("tests/artifacts/logs is writable");

        let mut services = Services {
            display: String::new(),
            bus_address: String::new(),
            driver_url: String::new(),
            marker: format!(
                "{}-{}",
                std::process::id(),
                home.path().file_name().unwrap().to_string_lossy()
            ),
            log_dir,
            children: Vec::new(),
            home,
        };
        services.prepare_home();

        // X display. Xvfb writes the display number it chose to fd 1 once it listens.
        let mut cmd = Command::new(&xvfb);
        cmd.args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            SCREEN,
            "-nolisten",
            "tcp",
            "-noreset",
        ]);
        let (child, line) = services.spawn_reading_line("xvfb", cmd, Duration::from_secs(20));
        services.children.push(("Xvfb", child));
        let number = line.trim().to_string();
        assert!(
            !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()),
            "Xvfb should report the display number it chose, got {line:?}; see {}",
            services.log_dir.join("xvfb.log").display()
        );
        services.display = format!(":{number}");
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{number}"));
        services.wait_until(
            "the X server socket to appear",
            Duration::from_secs(10),
            || socket.exists(),
        );

        // Session bus: notifications, and anything GTK or WebKit asks the bus for.
        let mut cmd = Command::new(&dbus_daemon);
        if daemon {
            cmd.arg("--session");
        } else {
            // The standard session config activates any installed notification daemon (dunst
            // ships a service file) on the first Notify; this bus has no service directories.
            cmd.arg(format!(
                "--config-file={}",
                services.bus_config_without_services().display()
            ));
        }
        cmd.args(["--nofork", "--nopidfile", "--nosyslog", "--print-address=1"]);
        let (child, line) = services.spawn_reading_line("dbus", cmd, Duration::from_secs(20));
        services.children.push(("dbus-daemon", child));
        services.bus_address = line.trim().to_string();
        assert!(
            services.bus_address.contains('='),
            "dbus-daemon should print its address, got {line:?}; see {}",
            services.log_dir.join("dbus.log").display()
        );

        // A real notification daemon, so the app's notifications have someone to go to.
        if daemon {
            let cmd = Command::new(&dunst);
            let child = services.spawn_logged("dunst", cmd);
            services.children.push(("dunst", child));
            services.wait_until(
                "dunst to own org.freedesktop.Notifications on the session bus",
                Duration::from_secs(20),
                || services.bus_name_has_owner("org.freedesktop.Notifications"),
            );
        }

        // WebDriver: tauri-driver on two free ports. A port can be taken between asking the OS
        // for it and tauri-driver binding it, so a failed start is retried with new ports.
        let mut last_error = String::new();
        for _attempt in 0..3 {
            let (port, native_port) = (free_port(), free_port());
            let mut cmd = Command::new(&tauri_driver);
            cmd.args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ]);
            for (key, value) in extra_env {
                cmd.env(key, value);
            }
            let mut child = services.spawn_logged("tauri-driver", cmd);
            let url = format!("http://127.0.0.1:{port}");
            let deadline = Instant::now() + Duration::from_secs(30);
            let ready = loop {
                if let Ok(Some(status)) = child.try_wait() {
                    last_error = format!("tauri-driver exited with {status}");
                    break false;
                }
                match http_get(port, "/status") {
                    Ok((200, body)) if body.contains("\"ready\"") => break true,
                    Ok((code, body)) => last_error = format!("GET /status: {code} {body}"),
                    Err(e) => last_error = format!("GET /status: {e}"),
                }
                if Instant::now() > deadline {
                    break false;
                }
                std::thread::sleep(Duration::from_millis(100));
            };
            if ready {
                services.children.push(("tauri-driver", child));
                services.driver_url = url;
                return services;
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!(
            "tauri-driver did not answer GET /status ({last_error}); see {}",
            services.log_dir.join("tauri-driver.log").display()
        );
    }

    /// A session bus configuration that starts no services on demand.
    fn bus_config_without_services(&self) -> PathBuf {
        let root = self.home.path();
        let config = root.join("bus-without-services.conf");
        fs::write(
            &config,
            desk_testbed::session_bus_config(&root.join("runtime"), ""),
        )
        .expect("bus config in the desktop's home");
        config
    }

    /// Starts gnome-keyring's Secret Service on this desktop's bus, for the tests that sign in
    /// (the session token goes to the OS keychain). Its login keyring is created unlocked with
    /// a throwaway password read from stdin, so nothing ever prompts; it lives in this
    /// desktop's HOME and ends with it.
    pub fn start_keyring(&mut self) {
        let keyring = require_tool("gnome-keyring-daemon", "Debian package gnome-keyring");
        let mut cmd = Command::new(keyring);
        cmd.args(["--foreground", "--unlock", "--components=secrets"]);
        self.apply_env(&mut cmd);
        let log = self.log_file("gnome-keyring");
        cmd.stdin(Stdio::piped())
            .stdout(log.try_clone().expect("log handle"))
            .stderr(log);
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("could not start gnome-keyring-daemon: {e}; {SETUP_HINT}"));
        let mut stdin = child.stdin.take().expect("piped stdin");
        stdin
            .write_all(b"e2e-keyring-password")
            .expect("the keyring daemon reads its password");
        drop(stdin);
        self.children.push(("gnome-keyring", child));
        self.wait_until(
            "gnome-keyring-daemon to own org.freedesktop.secrets on the session bus",
            Duration::from_secs(20),
            || self.bus_name_has_owner("org.freedesktop.secrets"),
        );
    }

    /// Runs a tool on this desktop and returns its output whatever its exit status (e.g.
    /// `secret-tool lookup`, which fails when nothing is stored).
    pub fn output(&self, program: &str, args: &[&str]) -> std::process::Output {
        let mut cmd = Command::new(program);
        cmd.args(args).stdin(Stdio::null());
        self.apply_env(&mut cmd);
        cmd.output()
            .unwrap_or_else(|e| panic!("could not run {program}: {e}; {SETUP_HINT}"))
    }

    /// The desktop session's HOME (WebKit's storage, the XDG dirs).
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// Watches this desktop's bus for notifications; returns once the monitor is attached.
    pub fn monitor(&mut self) -> desk_testbed::BusMonitor {
        let mut cmd = Command::new("dbus-monitor");
        cmd.args(desk_testbed::MONITOR_ARGS);
        self.apply_env(&mut cmd);
        cmd.stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(self.log_file("dbus-monitor"));
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("could not start dbus-monitor: {e}; {SETUP_HINT}"));
        let stdout = child.stdout.take().expect("piped stdout");
        self.children.push(("dbus-monitor", child));
        desk_testbed::BusMonitor::attach(stdout)
    }

    /// A command that runs on this desktop (its display, bus and home), logging to `name`.
    pub fn command_logged(&self, name: &str, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut cmd = Command::new(program);
        self.apply_env(&mut cmd);
        let log = self.log_file(name);
        cmd.stdin(Stdio::null())
            .stdout(log.try_clone().expect("log handle"))
            .stderr(log);
        cmd
    }

    /// Runs a tool on this desktop (e.g. `dunstctl`) and returns its stdout.
    pub fn run(&self, program: &str, args: &[&str]) -> String {
        let mut cmd = Command::new(program);
        cmd.args(args);
        self.apply_env(&mut cmd);
        let out = cmd
            .output()
            .unwrap_or_else(|e| panic!("could not run {program}: {e}; {SETUP_HINT}"));
        assert!(
            out.status.success(),
            "{program} {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The pids of every live process carrying this desktop's marker.
    pub fn marked_pids(&self) -> Vec<u32> {
        let needle = format!("{}={}", Self::MARKER_VAR, self.marker);
        let Ok(entries) = fs::read_dir("/proc") else {
            return Vec::new();
        };
        entries
            .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
            .filter(|pid| {
                // Zombies have an empty environ; they are gone in every sense that matters.
                fs::read(format!("/proc/{pid}/environ"))
                    .map(|env| env.split(|b| *b == 0).any(|var| var == needle.as_bytes()))
                    .unwrap_or(false)
            })
            .collect()
    }

    /// Whether a process of this desktop runs the program `exe`.
    pub fn runs(&self, exe: &Path) -> bool {
        let exe = fs::canonicalize(exe).unwrap_or_else(|_| exe.to_path_buf());
        self.marked_pids().into_iter().any(|pid| {
            fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|running| running == exe)
        })
    }

    /// The last lines of each log, for failure messages.
    pub fn log_tails(&self) -> String {
        let mut out = String::new();
        for name in ["tauri-driver", "xvfb", "dbus", "dunst", "gnome-keyring"] {
            let path = self.log_dir.join(format!("{name}.log"));
            let text = fs::read_to_string(&path).unwrap_or_default();
            let lines: Vec<&str> = text.lines().collect();
            let tail = &lines[lines.len().saturating_sub(30)..];
            if !tail.is_empty() {
                out.push_str(&format!(
                    "--- {} (last {} lines)\n",
                    path.display(),
                    tail.len()
                ));
                for line in tail {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
        out
    }

    fn prepare_home(&self) {
        let root = self.home.path();
        for dir in ["config", "data", "cache", "state", "runtime"] {
            fs::create_dir_all(root.join(dir)).expect("desktop HOME is writable");
        }
        // XDG_RUNTIME_DIR must be private to its user, or GLib complains and ignores it.
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(root.join("runtime"), fs::Permissions::from_mode(0o700))
            .expect("desktop runtime dir permissions");
    }

    /// The environment of every process of this desktop: its own display, bus and home, so
    /// nothing is read from or written to the developer's session (WebKit's local storage,
    /// GTK settings, the app's default data dir all live under the temp HOME).
    fn apply_env(&self, cmd: &mut Command) {
        let root = self.home.path();
        cmd.env(Self::MARKER_VAR, &self.marker)
            .env("HOME", root)
            .env("XDG_CONFIG_HOME", root.join("config"))
            .env("XDG_DATA_HOME", root.join("data"))
            .env("XDG_CACHE_HOME", root.join("cache"))
            .env("XDG_STATE_HOME", root.join("state"))
            .env("XDG_RUNTIME_DIR", root.join("runtime"))
            .env("GDK_BACKEND", "x11")
            .env("NO_AT_BRIDGE", "1")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("XAUTHORITY")
            .env_remove("SESSION_MANAGER");
        if self.display.is_empty() {
            cmd.env_remove("DISPLAY");
        } else {
            cmd.env("DISPLAY", &self.display);
        }
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
            .expect("log file in tests/artifacts/logs")
    }

    fn spawn_logged(&self, name: &str, mut cmd: Command) -> Child {
        self.apply_env(&mut cmd);
        let log = self.log_file(name);
        cmd.stdin(Stdio::null())
            .stdout(log.try_clone().expect("log handle"))
            .stderr(log);
        cmd.spawn()
            .unwrap_or_else(|e| panic!("could not start {name}: {e}; {SETUP_HINT}"))
    }

    /// Starts a process whose first stdout line is what we wait for (Xvfb's display number,
    /// dbus-daemon's address); the rest of its stdout goes to its log.
    fn spawn_reading_line(
        &mut self,
        name: &'static str,
        mut cmd: Command,
        timeout: Duration,
    ) -> (Child, String) {
        self.apply_env(&mut cmd);
        cmd.stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(self.log_file(name));
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {name}: {e}; {SETUP_HINT}"));
        let stdout = child.stdout.take().expect("piped stdout");
        match first_line(stdout, self.log_file(name), timeout) {
            Some(line) => (child, line),
            None => {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "{name} printed nothing within {timeout:?}; see {}",
                    self.log_dir.join(format!("{name}.log")).display()
                );
            }
        }
    }

    fn wait_until(&self, what: &str, timeout: Duration, mut done: impl FnMut() -> bool) {
        let deadline = Instant::now() + timeout;
        while !done() {
            assert!(
                Instant::now() < deadline,
                "timed out after {timeout:?} waiting for {what}\n{}",
                self.log_tails()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn bus_name_has_owner(&self, name: &str) -> bool {
        let mut cmd = Command::new("dbus-send");
        self.apply_env(&mut cmd);
        cmd.args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            &format!("string:{name}"),
        ])
        .stdin(Stdio::null())
        .stderr(Stdio::null());
        cmd.output()
            .map(|o| o.status.success() && String::from_utf8_lossy(&o.stdout).contains("true"))
            .unwrap_or(false)
    }

    fn signal(sig: &str, pids: &[u32]) {
        if pids.is_empty() {
            return;
        }
        // `kill` the program rather than libc: the workspace forbids unsafe code.
        let _ = Command::new("kill")
            .arg(format!("-{sig}"))
            .args(pids.iter().map(u32::to_string))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }

    fn wait_gone(&mut self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            // Reap our own children, or they linger as zombies until the test process exits.
            for (_, child) in &mut self.children {
                let _ = child.try_wait();
            }
            if self.marked_pids().is_empty() {
                return true;
            }
            if Instant::now() > deadline {
                return false;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Services {
    fn drop(&mut self) {
        // tauri-driver first, politely: on SIGTERM it stops WebKitWebDriver itself.
        if let Some((_, driver)) = self.children.iter_mut().find(|(n, _)| *n == "tauri-driver") {
            Self::signal("TERM", &[driver.id()]);
            let deadline = Instant::now() + Duration::from_secs(3);
            while matches!(driver.try_wait(), Ok(None)) && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        // Then everything else of this desktop, the orphaned app included.
        Self::signal("TERM", &self.marked_pids());
        if !self.wait_gone(Duration::from_secs(5)) {
            Self::signal("KILL", &self.marked_pids());
            self.wait_gone(Duration::from_secs(5));
        }
        for (_, child) in self.children.iter_mut().rev() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A port that was free a moment ago on 127.0.0.1.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("the OS hands out a free loopback port")
}

/// A minimal HTTP/1.1 GET against 127.0.0.1, enough to ask a WebDriver server for /status.
pub fn http_get(port: u16, path: &str) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    stream.set_write_timeout(Some(Duration::from_secs(5)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let code = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("not an HTTP response: {text:?}")))?;
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    Ok((code, body))
}

/// Reads the first line of `stdout` within `timeout`; whatever follows is copied to `log`
/// (the pipe must stay drained, or a chatty process would block on a full pipe).
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
