//! Tauri's build step. Listing the app's commands in an app manifest makes each one a
//! permission (`allow-<command>`), so the webview may call only what a capability grants.

fn main() {
    // The built UI is embedded at compile time; without this, a rebuilt ui/dist would not
    // trigger a rebuild and the binary would silently ship the previous UI.
    println!("cargo:rerun-if-changed=ui/dist");
    let manifest = tauri_build::AppManifest::new().commands(&[
        "session_info",
        "sign_in",
        "sign_out",
        "workspace_info",
        "taxonomy",
        "inbox_page",
        "view_counts",
        "ticket_detail",
        "search_tickets",
        "customer_tickets",
        "suggest_category",
        "edit_ticket",
        "edit_tickets",
        "dashboard",
        "sync_status",
        "attention_items",
        "resolve_attention",
        "set_work_offline",
        "alert_settings",
        "set_alert_settings",
        "mark_seen",
        "unread_urgent",
        "list_macros",
        "save_macro",
        "delete_macro",
        "render_macro",
        "canary",
        "canary_count",
    ]);
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(manifest);
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
