//! The sign-in screen and sign-out. The password passes through once, to the hub; the token
//! the hub answers with goes to the OS keychain and never back to the window.

use desk_domain::{ApiError, SessionInfo};
use tauri::{AppHandle, Runtime, State};

use crate::Console;

#[tauri::command]
pub fn session_info(console: State<'_, Console>) -> SessionInfo {
    console.session()
}

#[tauri::command]
pub async fn sign_in<R: Runtime>(
    app: AppHandle<R>,
    console: State<'_, Console>,
    hub_url: String,
    login: String,
    password: String,
) -> Result<SessionInfo, ApiError> {
    console.sign_in(app, &hub_url, &login, &password).await
}

#[tauri::command]
pub async fn sign_out(console: State<'_, Console>) -> Result<SessionInfo, ApiError> {
    console.sign_out().await
}
