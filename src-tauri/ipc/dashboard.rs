//! The dashboard's figures, read from the replica. The UI passes its UTC offset so "today"
//! is the agent's local day; the clock is read here, once, not inside the store.

use desk_domain::{ApiError, Dashboard, LocalDay};
use tauri::State;

use crate::workspace::now_millis;
use crate::Console;

/// Two weeks of urgent arrivals: enough to see a trend at a glance.
const URGENT_DAYS: u32 = 14;

#[tauri::command]
pub async fn dashboard(
    console: State<'_, Console>,
    utc_offset_minutes: i32,
) -> Result<Dashboard, ApiError> {
    let day = LocalDay::new(now_millis(), utc_offset_minutes).map_err(ApiError::invalid)?;
    Ok(console
        .store
        .read(move |s| s.dashboard(day, URGENT_DAYS))
        .await?)
}
