use desk_domain::{ApiError, TaxonomyInfo, WorkspaceInfo};
use tauri::State;

use crate::Console;

#[tauri::command]
pub async fn workspace_info(console: State<'_, Console>) -> Result<WorkspaceInfo, ApiError> {
    let info = console
        .store
        .read(|s| {
            let (agent, demo) = s.signed_in()?.ok_or_else(|| {
                desk_store::StoreError::Unavailable("the workspace is still being prepared".into())
            })?;
            let (groups, agents) = s.team()?;
            Ok(WorkspaceInfo {
                agent,
                ticket_count: s.ticket_count()?,
                demo,
                agents,
                groups,
            })
        })
        .await?;
    Ok(info)
}

#[tauri::command]
pub fn taxonomy() -> TaxonomyInfo {
    TaxonomyInfo::current()
}
