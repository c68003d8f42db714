//! End-to-end tests: the real app binary in its real WebKitGTK window, driven over WebDriver
//! (tauri-driver → WebKitWebDriver) on a private headless desktop per test.
//!
//! Needs Xvfb, dbus, dunst, tauri-driver and WebKitWebDriver: `bash scripts/setup.sh`
//! installs them. Without them these tests fail (never skip), naming that command.
//! Screenshots and per-process logs land in tests/artifacts/; `UPDATE_SCREENSHOTS=1`
//! also refreshes docs/screenshots/.

mod alerts;
mod bulk;
mod desktop;
mod harness;
mod hostile;
mod hub;
mod inbox;
mod offline;
mod playbook;
mod screens;
mod services;
mod shell;
mod signin;
mod triage;
mod workday;
