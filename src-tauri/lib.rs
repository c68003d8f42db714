//! Wallet Desk's desktop shell. It stays thin: it opens the workspace, registers IPC commands
//! that delegate to the core crates, and forwards core events to the window. Everything it does
//! beyond wiring lives in `desk-store`, `desk-sync`, `desk-alerts`, `desk-domain` and
//! `support-hub` (embedded in demo mode), which build and test without a window.

mod alerts;
pub mod ipc;
mod launch;
mod session;
mod tray;
mod webview;
mod workspace;

use tauri::Manager;

pub use launch::Launch;
pub use workspace::Console;

pub fn run() {
    let launch = match Launch::from_args(std::env::args().skip(1)) {
        Ok(l) => l,
        Err(message) => {
            eprintln!("wallet-desk: {message}\n\n{}", Launch::USAGE);
            std::process::exit(2);
        }
    };
    tauri::Builder::default()
        // First, so a second launch exits before it opens anything: the running console comes
        // forward instead (from the tray too).
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            tray::bring_forward(app)
        }))
        // Size, position and maximized state, but not visibility: a console quit while hidden
        // in the tray must still open with a window.
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(
                    tauri_plugin_window_state::StateFlags::all()
                        - tauri_plugin_window_state::StateFlags::VISIBLE,
                )
                .build(),
        )
        // Opens links from customer email in the system browser once the agent confirms; the
        // capability scopes it to http, https and mailto.
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            let dir = match &launch.data_dir {
                Some(d) => d.clone(),
                None => app.path().app_data_dir()?,
            };
            let console = Console::open(&dir)?;
            tray::install(app.handle());
            console.start_alerts(app.handle());
            console.start_sync(app.handle().clone(), launch.hub.clone())?;
            app.manage(console);
            if let Some(window) = app.get_webview_window(tray::WINDOW) {
                webview::configure(&window)?;
            }
            Ok(())
        })
        .invoke_handler(ipc::handler())
        .run(tauri::generate_context!())
        .expect("the Tauri runtime failed to start");
}
