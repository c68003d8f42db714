//! The tray icon: where the console lives while its window is closed, and how many urgent
//! cases are waiting unread. Closing the window hides it here; "Quit" in the tray's menu ends
//! the app.
//!
//! A desktop without a tray (no StatusNotifier host, a headless test display) still gets a
//! working console: building the icon failing is logged, and closing the window then quits.

use tauri::menu::{Menu, MenuItem};
use tauri::tray::{MouseButton, MouseButtonState, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Manager, Runtime, WindowEvent};

const TRAY_ID: &str = "main";
pub(crate) const WINDOW: &str = "main";

/// Builds the tray icon and makes closing the window hide it there. Call from `setup`.
pub fn install<R: Runtime>(app: &AppHandle<R>) {
    match build(app) {
        Ok(()) => {
            if let Some(window) = app.get_webview_window(WINDOW) {
                let hide = window.clone();
                window.on_window_event(move |event| {
                    if let WindowEvent::CloseRequested { api, .. } = event {
                        api.prevent_close();
                        let _ = hide.hide();
                    }
                });
            }
        }
        Err(e) => eprintln!("wallet-desk: no tray icon ({e}); closing the window quits"),
    }
}

fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let show = MenuItem::with_id(app, "show", "Show Wallet Desk", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit", true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&show, &quit])?;
    let mut builder = TrayIconBuilder::with_id(TRAY_ID)
        .tooltip("Wallet Desk")
        .menu(&menu)
        .show_menu_on_left_click(false)
        .on_menu_event(|app, event| match event.id().as_ref() {
            "show" => bring_forward(app),
            "quit" => app.exit(0),
            _ => {}
        })
        .on_tray_icon_event(|tray, event| {
            if let TrayIconEvent::Click {
                button: MouseButton::Left,
                button_state: MouseButtonState::Up,
                ..
            } = event
            {
                bring_forward(tray.app_handle());
            }
        });
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)?;
    Ok(())
}

/// Shows, restores and focuses the window, from the tray or a minimized state.
pub fn bring_forward<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(WINDOW) {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}

/// Shows the unread urgent count on the tray: as a label beside the icon where the desktop
/// supports one (Linux indicators, the macOS menu bar), and in the tooltip everywhere.
pub fn show_unread<R: Runtime>(app: &AppHandle<R>, count: u32) {
    let Some(tray) = app.tray_by_id(TRAY_ID) else {
        return;
    };
    let (title, tooltip) = match count {
        0 => (None, "Wallet Desk".to_string()),
        n => (
            Some(n.to_string()),
            format!("Wallet Desk: {n} urgent unread"),
        ),
    };
    let _ = tray.set_title(title.as_deref());
    let _ = tray.set_tooltip(Some(&tooltip));
}
