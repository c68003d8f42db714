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
