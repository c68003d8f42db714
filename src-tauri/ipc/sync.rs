//! Editing tickets and following replication: each edit is applied to the replica and queued
//! for the hub in one transaction, so it shows at once and survives a crash or a flight.

use desk_domain::{
    ApiError, AttentionItem, Resolution, SyncStatus, TicketDetail, TicketEdit, TicketId,
};
use tauri::{AppHandle, Runtime, State};

use super::ticket_number;
use crate::workspace::now_millis;
use crate::Console;

#[tauri::command]
pub async fn edit_ticket<R: Runtime>(
    app: AppHandle<R>,
    console: State<'_, Console>,
    ticket_id: TicketId,
    edit: TicketEdit,
) -> Result<TicketDetail, ApiError> {
    let ticket_id = ticket_number(ticket_id)?;
    let detail = console
        .store
        .edit_locally(ticket_id, edit, desk_sync::new_edit_id(), now_millis())
        .await?;
    console.after_local_edit(&app);
    Ok(detail)
}

#[tauri::command]
pub async fn sync_status(console: State<'_, Console>) -> Result<SyncStatus, ApiError> {
    let c = console.inner().clone();
    Ok(console.store.read(move |_| c.sync_status()).await?)
}

#[tauri::command]
pub async fn attention_items(console: State<'_, Console>) -> Result<Vec<AttentionItem>, ApiError> {
    Ok(console.store.read(|s| s.attention_items()).await?)
}

#[tauri::command]
pub async fn resolve_attention<R: Runtime>(
    app: AppHandle<R>,
    console: State<'_, Console>,
    edit_id: String,
    resolution: Resolution,
) -> Result<(), ApiError> {
    console
        .store
        .resolve_attention(edit_id, resolution, desk_sync::new_edit_id(), now_millis())
        .await?;
    console.after_local_edit(&app);
    Ok(())
}

#[tauri::command]
pub async fn set_work_offline(
    console: State<'_, Console>,
    offline: bool,
) -> Result<SyncStatus, ApiError> {
    let Some(sync) = console.sync() else {
        return Err(ApiError::invalid(
            "this workspace has no hub to go offline from",
        ));
    };
    sync.set_paused(offline);
    let c = console.inner().clone();
    let mut status = console.store.read(move |_| c.sync_status()).await?;
    // The loop confirms shortly with an event; answer with the state the agent asked for.
    if offline {
        status.connectivity = desk_domain::Connectivity::Paused;
    }
    Ok(status)
}
