//! Macros: the built-in and the agent's own canned answers, and rendering one for a ticket.

use desk_domain::{ApiError, Language, Macro, MacroContext, TicketId};
use tauri::State;

use super::ticket_number;
use crate::workspace::now_millis;
use crate::Console;

#[tauri::command]
pub async fn list_macros(console: State<'_, Console>) -> Result<Vec<Macro>, ApiError> {
    Ok(console.store.read(|s| s.macros()).await?)
}

/// Creates (empty id) or replaces the agent's macro; returns it as stored. The argument is
/// `macro` on the wire (Tauri drops the `r#`).
#[tauri::command]
pub async fn save_macro(console: State<'_, Console>, r#macro: Macro) -> Result<Macro, ApiError> {
    Ok(console.store.save_macro(r#macro, now_millis()).await?)
}

#[tauri::command]
pub async fn delete_macro(console: State<'_, Console>, id: String) -> Result<(), ApiError> {
    Ok(console.store.delete_macro(id).await?)
}

/// The macro's text in `lang`, filled from the ticket's customer and the signed-in agent, as
/// plain text for the composer.
#[tauri::command]
pub async fn render_macro(
    console: State<'_, Console>,
    id: String,
    ticket_id: TicketId,
    lang: Language,
) -> Result<String, ApiError> {
    let ticket_id = ticket_number(ticket_id)?;
    let rendered = console
        .store
        .read(move |s| {
            let m = s.macro_by_id(&id)?;
            let detail = s.ticket_detail(ticket_id)?;
            let agent_name = s.signed_in()?.map(|(a, _)| a.name);
            let ctx = MacroContext {
                customer_name: Some(detail.record.customer.name),
                ticket_id: Some(ticket_id),
                agent_name,
            };
            Ok(m.render(lang, &ctx))
        })
        .await?;
    Ok(rendered)
}
