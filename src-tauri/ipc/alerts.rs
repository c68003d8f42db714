//! Alert settings and the unread urgent count (the tray's number).

use desk_domain::{AlertSettings, ApiError, TicketId};
use tauri::{AppHandle, Runtime, State};

use super::ticket_number;
use crate::Console;

#[tauri::command]
pub async fn alert_settings(console: State<'_, Console>) -> Result<AlertSettings, ApiError> {
    Ok(console.alerts()?.settings())
}

/// Saves the agent's settings after validating them; an invalid field is refused with its
/// reason and the previous settings stay.
#[tauri::command]
pub async fn set_alert_settings<R: Runtime>(
    app: AppHandle<R>,
    console: State<'_, Console>,
    settings: AlertSettings,
) -> Result<AlertSettings, ApiError> {
    let alerts = console.alerts()?;
    tauri::async_runtime::spawn_blocking(move || alerts.save_settings(&app, settings))
        .await
        .map_err(|e| ApiError::invalid(format!("settings were not saved: {e}")))?
}

/// The agent opened a ticket; returns how many urgent tickets are still unread.
#[tauri::command]
pub async fn mark_seen<R: Runtime>(
    app: AppHandle<R>,
    console: State<'_, Console>,
    id: TicketId,
) -> Result<u32, ApiError> {
    let id = ticket_number(id)?;
    console.alerts()?.mark_seen(&app, id).await
}

#[tauri::command]
pub async fn unread_urgent(console: State<'_, Console>) -> Result<u32, ApiError> {
    let alerts = console.alerts()?;
    tauri::async_runtime::spawn_blocking(move || alerts.unread_urgent())
        .await
        .map_err(|e| ApiError::invalid(format!("count failed: {e}")))?
}
