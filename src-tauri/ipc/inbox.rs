use desk_domain::{ApiError, InboxPage, InboxQuery, ViewCount};
use tauri::State;

use crate::Console;

#[tauri::command]
pub async fn inbox_page(
    console: State<'_, Console>,
    query: InboxQuery,
) -> Result<InboxPage, ApiError> {
    let who = console.perspective()?;
    Ok(console
        .store
        .read(move |s| s.inbox_page(&query, &who))
        .await?)
}

#[tauri::command]
pub async fn view_counts(console: State<'_, Console>) -> Result<Vec<ViewCount>, ApiError> {
    let who = console.perspective()?;
    Ok(console.store.read(move |s| s.view_counts(&who)).await?)
}
