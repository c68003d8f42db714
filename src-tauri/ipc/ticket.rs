use desk_domain::{ApiError, SearchResult, TicketDetail, TicketId};
use tauri::State;

use crate::Console;

#[tauri::command]
pub async fn ticket_detail(
    console: State<'_, Console>,
    id: TicketId,
) -> Result<TicketDetail, ApiError> {
    if id <= 0 {
        return Err(ApiError::invalid(format!("{id} is not a ticket number")));
    }
    Ok(console.store.read(move |s| s.ticket_detail(id)).await?)
}

#[tauri::command]
pub async fn search_tickets(
    console: State<'_, Console>,
    text: String,
    limit: u32,
) -> Result<SearchResult, ApiError> {
    Ok(console.store.read(move |s| s.search(&text, limit)).await?)
}
