//! Tauri's build step: embeds tauri.conf.json and the page.

fn main() {
    tauri_build::build();
}
