use desk_domain::{
    ApiError, CategorySuggestion, MessageKind, SearchResult, TicketDetail, TicketId, TicketSummary,
};
use desk_triage::{Triage, TriageInput};
use tauri::State;

use super::ticket_number;
use crate::Console;

#[tauri::command]
pub async fn ticket_detail(
    console: State<'_, Console>,
    id: TicketId,
) -> Result<TicketDetail, ApiError> {
    let id = ticket_number(id)?;
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

/// How many earlier tickets the customer panel lists: enough to spot a pattern, short enough
/// to keep the thread in view.
const EARLIER_TICKETS_SHOWN: u32 = 10;

/// The customer's other tickets, newest first, for the ticket view's customer panel.
/// `except` is the ticket being viewed, which is not "earlier".
#[tauri::command]
pub async fn customer_tickets(
    console: State<'_, Console>,
    customer_id: String,
    except: TicketId,
) -> Result<Vec<TicketSummary>, ApiError> {
    let except = ticket_number(except)?;
    Ok(console
        .store
        .read(move |s| s.customer_tickets(&customer_id, except, EARLIER_TICKETS_SHOWN))
        .await?)
}

/// What the on-device model makes of the ticket (its subject and the customer's words), so
/// the agent can correct a category with one click. Runs offline, in microseconds.
#[tauri::command]
pub async fn suggest_category(
    console: State<'_, Console>,
    id: TicketId,
) -> Result<CategorySuggestion, ApiError> {
    let id = ticket_number(id)?;
    let detail = console.store.read(move |s| s.ticket_detail(id)).await?;
    let t = &detail.record;
    let mut text = t.subject.clone();
    for m in t
        .messages
        .iter()
        .filter(|m| m.kind == MessageKind::Customer)
    {
        text.push('\n');
        text.push_str(&m.body);
    }
    let decision = Triage::shared().classify(&TriageInput {
        text: &text,
        channel: Some(t.channel),
        amount_minor: None,
    });
    Ok(CategorySuggestion {
        category: decision.category,
        urgent: decision.urgent,
        confidence_permille: (decision.confidence.clamp(0.0, 1.0) * 1000.0).round() as u16,
    })
}

/// One edit for many tickets (the inbox's bulk bar): queued as one ordinary edit per ticket,
/// all in one transaction. `batch_id` is made by the UI once per action, so a retried call
/// queues nothing twice. Returns how many tickets the edit is queued for.
#[tauri::command]
pub async fn edit_tickets<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    console: State<'_, Console>,
    batch_id: String,
    ticket_ids: Vec<TicketId>,
    edit: desk_domain::TicketEdit,
) -> Result<u32, ApiError> {
    let queued = console
        .store
        .edit_many(batch_id, ticket_ids, edit, crate::workspace::now_millis())
        .await?;
    console.after_local_edit(&app);
    Ok(queued)
}
