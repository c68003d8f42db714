//! A private desktop for figures 4 and 5, as the end-to-end tests build one: an X display
//! (Xvfb), a session bus with a real notification daemon (dunst) and a WebDriver server
//! (tauri-driver, which starts WebKitWebDriver, which starts the app). Everything started here
//! carries a marker variable, so the teardown also ends what those processes started in turn
//! (the app, WebKit's helpers, bus-activated services).

use std::fs;
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use tempfile::TempDir;

/// Larger than either window, so all of it is on screen.
const SCREEN: &str = "1920x1080x24";
const MARKER_VAR: &str = "WALLET_DESK_BENCH_DESKTOP";
const SETUP_HINT: &str = "install the desktop tools with `bash scripts/setup.sh`";

pub struct Desktop {
    pub display: String,
    pub bus_address: String,
    /// tauri-driver's WebDriver endpoint.
    pub driver_url: String,
    marker: String,
    log_dir: PathBuf,
    children: Vec<Child>,
    home: TempDir,
}

impl Desktop {
    /// Starts Xvfb, a session bus, dunst and tauri-driver; logs go to `log_dir`. `app_env`
    /// reaches the apps WebDriver starts (through tauri-driver and WebKitWebDriver).
    pub fn start(log_dir: &Path, app_env: &[(&str, String)]) -> anyhow::Result<Desktop> {
        for tool in [
            "Xvfb",
            "dbus-daemon",
            "dunst",
            "dbus-monitor",
            "WebKitWebDriver",
        ] {
            which(tool)?;
        }
        let tauri_driver = which("tauri-driver")?;
        fs::create_dir_all(log_dir)?;
        let home = tempfile::Builder::new()
            .prefix("desk-bench-home-")
            .tempdir()?;
        for dir in ["config", "data", "cache", "state", "runtime"] {
            fs::create_dir_all(home.path().join(dir))?;
        }
        // GLib ignores a runtime dir that others may read.
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(
            home.path().join("runtime"),
            fs::Permissions::from_mode(0o700),
        )?;
        let mut desktop = Desktop {
            display: String::new(),
            bus_address: String::new(),
            driver_url: String::new(),
            marker: String::new(),
            log_dir: log_dir.to_path_buf(),
            children: Vec::new(),
            home,
        };
        desktop.marker = format!(
            "{}-{}",
            std::process::id(),
            desktop
                .home
                .path()
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
        );

        let mut xvfb = Command::new("Xvfb");
        xvfb.args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            SCREEN,
            "-nolisten",
            "tcp",
            "-noreset",
        ]);
        let number = desktop.spawn_reading_line("xvfb", xvfb)?;
        desktop.display = format!(":{}", number.trim());

        let mut bus = Command::new("dbus-daemon");
        bus.args([
            "--session",
            "--nofork",
            "--nopidfile",
            "--nosyslog",
            "--print-address=1",
        ]);
        desktop.bus_address = desktop.spawn_reading_line("dbus", bus)?.trim().to_string();

        let dunst = desktop.spawn_logged("dunst", Command::new("dunst"))?;
        desktop.children.push(dunst);
        desktop.wait_until("dunst to own org.freedesktop.Notifications", || {
            desktop.bus_name_has_owner("org.freedesktop.Notifications")
        })?;

        let port = free_port()?;
        let mut driver = Command::new(tauri_driver);
        driver.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &free_port()?.to_string(),
        ]);
        for (key, value) in app_env {
            driver.env(key, value);
        }
        let driver = desktop.spawn_logged("tauri-driver", driver)?;
        desktop.children.push(driver);
        desktop.driver_url = format!("http://127.0.0.1:{port}");
        desktop.wait_until("tauri-driver to listen", || {
            std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
        })?;
        Ok(desktop)
    }

    /// Watches the bus for `Notify` calls; returns once the monitor is attached.
    pub fn monitor(&mut self) -> anyhow::Result<desk_testbed::BusMonitor> {
        let mut cmd = Command::new("dbus-monitor");
        cmd.args(desk_testbed::MONITOR_ARGS);
        self.apply_env(&mut cmd);
        cmd.stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(self.log_file("dbus-monitor")?);
        let mut child = cmd.spawn().context("starting dbus-monitor")?;
        let stdout = child.stdout.take().context("dbus-monitor's stdout")?;
        self.children.push(child);
        Ok(desk_testbed::BusMonitor::attach(stdout))
    }

    /// The live processes carrying this desktop's marker.
    pub fn marked_pids(&self) -> Vec<u32> {
        let needle = format!("{MARKER_VAR}={}", self.marker);
        let Ok(entries) = fs::read_dir("/proc") else {
            return Vec::new();
        };
        entries
            .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
            .filter(|pid| {
                fs::read(format!("/proc/{pid}/environ"))
                    .map(|env| env.split(|b| *b == 0).any(|var| var == needle.as_bytes()))
                    .unwrap_or(false)
            })
            .collect()
    }

    /// The pid of the process of this desktop running `exe`, if any.
    pub fn pid_of(&self, exe: &Path) -> Option<u32> {
        let exe = fs::canonicalize(exe).unwrap_or_else(|_| exe.to_path_buf());
        self.marked_pids()
            .into_iter()
            .find(|pid| fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|p| p == exe))
    }

    fn apply_env(&self, cmd: &mut Command) {
        let root = self.home.path();
        cmd.env(MARKER_VAR, &self.marker)
            .env("HOME", root)
            .env("XDG_CONFIG_HOME", root.join("config"))
            .env("XDG_DATA_HOME", root.join("data"))
            .env("XDG_CACHE_HOME", root.join("cache"))
            .env("XDG_STATE_HOME", root.join("state"))
            .env("XDG_RUNTIME_DIR", root.join("runtime"))
            .env("GDK_BACKEND", "x11")
            .env("NO_AT_BRIDGE", "1")
            // Notifications and the UI follow the desktop's language; pin it.
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("XAUTHORITY")
            .env_remove("SESSION_MANAGER");
        for (key, value) in [
            ("DISPLAY", &self.display),
            ("DBUS_SESSION_BUS_ADDRESS", &self.bus_address),
        ] {
            if value.is_empty() {
                cmd.env_remove(key);
            } else {
                cmd.env(key, value);
            }
        }
    }

    fn log_file(&self, name: &str) -> anyhow::Result<fs::File> {
        let path = self.log_dir.join(format!("{name}.log"));
        fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .with_context(|| format!("cannot open {}", path.display()))
    }

    fn spawn_logged(&self, name: &str, mut cmd: Command) -> anyhow::Result<Child> {
        self.apply_env(&mut cmd);
        let log = self.log_file(name)?;
        cmd.stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log);
        cmd.spawn()
            .with_context(|| format!("starting {name}; {SETUP_HINT}"))
    }

    /// Starts a process whose first stdout line is its answer (Xvfb's display, the bus address).
    fn spawn_reading_line(&mut self, name: &str, mut cmd: Command) -> anyhow::Result<String> {
        self.apply_env(&mut cmd);
        cmd.stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(self.log_file(name)?);
        let mut child = cmd
            .spawn()
            .with_context(|| format!("starting {name}; {SETUP_HINT}"))?;
        let stdout = child.stdout.take().context("piped stdout")?;
        self.children.push(child);
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let _ = tx.send(line);
            // Keep the pipe drained.
            let _ = std::io::copy(&mut reader, &mut std::io::sink());
        });
        match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(line) if !line.trim().is_empty() => Ok(line),
            _ => bail!("{name} printed nothing; see {}", self.log_dir.display()),
        }
    }

    fn wait_until(&self, what: &str, mut done: impl FnMut() -> bool) -> anyhow::Result<()> {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !done() {
            if Instant::now() > deadline {
                bail!(
                    "timed out waiting for {what}; logs in {}",
                    self.log_dir.display()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(())
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
        ]);
        cmd.output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
    }
}

impl Drop for Desktop {
    fn drop(&mut self) {
        // Everything of this desktop, the app WebKitWebDriver started included; then our own
        // children, so none is left a zombie.
        for signal in ["TERM", "KILL"] {
            let pids = self.marked_pids();
            if pids.is_empty() {
                break;
            }
            let _ = Command::new("kill")
                .arg(format!("-{signal}"))
                .args(pids.iter().map(u32::to_string))
                .stderr(Stdio::null())
                .status();
            let deadline = Instant::now() + Duration::from_secs(5);
            while !self.marked_pids().is_empty() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        for child in self.children.iter_mut().rev() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A program on PATH, or in cargo's bin directory (where tauri-driver is installed).
fn which(program: &str) -> anyhow::Result<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo").join("bin"));
    }
    dirs.into_iter()
        .map(|d| d.join(program))
        .find(|p| p.is_file())
        .with_context(|| format!("`{program}` is not on PATH; {SETUP_HINT}"))
}

fn free_port() -> anyhow::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}
