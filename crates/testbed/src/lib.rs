//! Helpers for tests that run real desktop services (a private session bus, a notification
//! daemon). Used only as a dev-dependency.

pub mod monitor;

pub use monitor::{BusMonitor, Message, NotifyCall};

/// The `dbus-monitor` arguments that [`BusMonitor::attach`] expects: every `Notify` call (what
/// a notification daemon, and through it the OS's history, receives) and every `AddMatch` (how
/// a test knows a click listener subscribed before it clicks).
pub const MONITOR_ARGS: [&str; 3] = [
    "--session",
    "type='method_call',interface='org.freedesktop.Notifications',member='Notify'",
    "type='method_call',interface='org.freedesktop.DBus',member='AddMatch'",
];

/// A private session bus configuration for `dbus-daemon --config-file`: it listens in
/// `listen_dir`, lets any client own names and monitor, and starts only the services that
/// `services` (extra `<servicedir>`/`<limit>` elements, or nothing) names. The standard session
/// config would activate any installed notification daemon on the first `Notify`, which tests
/// of "no daemon" or "a stuck daemon" must rule out.
pub fn session_bus_config(listen_dir: &std::path::Path, services: &str) -> String {
    format!(
        r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={}</listen>
  <auth>EXTERNAL</auth>
  {services}
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
        listen_dir.display()
    )
}

/// Whether some process owns `name` on the bus at `address`: how a test knows a daemon it
/// started (a notification daemon, a keyring) is ready before the code under test calls it.
pub fn bus_name_has_owner(address: &str, name: &str) -> bool {
    std::process::Command::new("dbus-send")
        .env("DBUS_SESSION_BUS_ADDRESS", address)
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            &format!("string:{name}"),
        ])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .map(|o| o.status.success() && String::from_utf8_lossy(&o.stdout).contains("true"))
        .unwrap_or(false)
}
