//! A hello-world Tauri window: what any Tauri app on WebKitGTK costs before its own code. The
//! memory figure (5) reports the console's footprint above this, measured the same way.

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the hello-world window runs");
}
