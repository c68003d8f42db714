//! How the window's webview draws, on Linux. WebKitGTK composites pages through OpenGL by
//! default. Without a GPU it can use (software GL: virtual machines, remote desktops, the
//! benchmark's Xvfb) that cost the console about 100 MB of memory, measured by
//! scripts/bench.sh (figure 5, BENCHMARKS.md). The console is lists and text, which WebKit
//! paints on the CPU without compositing; scrolling all 100,000 inbox rows worked the same.
//! Compositing is also the usual cause of blank Tauri windows on some GPU drivers.
//! `WALLET_DESK_GPU=1` keeps WebKit's default, for a machine where it serves better.

#[cfg(target_os = "linux")]
pub fn configure(window: &tauri::WebviewWindow) -> tauri::Result<()> {
    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
    if std::env::var("WALLET_DESK_GPU").is_ok_and(|v| v == "1") {
        return Ok(());
    }
    window.with_webview(|webview| {
        if let Some(settings) = WebViewExt::settings(&webview.inner()) {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    })
}

/// Other platforms' webviews (WebView2, WKWebView) manage the GPU themselves.
#[cfg(not(target_os = "linux"))]
pub fn configure(_window: &tauri::WebviewWindow) -> tauri::Result<()> {
    Ok(())
}
