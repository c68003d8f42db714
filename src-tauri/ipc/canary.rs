//! A tripwire for script from ticket content. Nothing in the UI calls `canary`: ticket text
//! and email HTML are hostile, and the tests plant payloads that try to invoke it. A call
//! means script ran where only the console's own code may run, so the count must stay zero.
//! It stays registered in release builds because it is harmless (it only counts) and a
//! nonzero count in a support case is itself the evidence.

use std::sync::atomic::{AtomicU32, Ordering};

static CALLS: AtomicU32 = AtomicU32::new(0);

#[tauri::command]
pub fn canary() {
    let n = CALLS.fetch_add(1, Ordering::SeqCst) + 1;
    // No ticket content: only that the tripwire fired, and how often.
    eprintln!("wallet-desk: canary invoked ({n} so far): script ran outside the console's code");
}

#[tauri::command]
pub fn canary_count() -> u32 {
    CALLS.load(Ordering::SeqCst)
}
