//! The IPC surface: every command the UI may call, each a few lines that delegate to the core.
//! Errors cross as `desk_domain::ApiError` (`{code, message}`), never as bare strings.
//!
//! [`COMMANDS`] describes the same commands for `ui/src/lib/bindings/commands.ts`, which
//! `tests/bindings.rs` regenerates and checks; keep the two lists in step (the test fails
//! when the handler's list and this one disagree).

mod alerts;
mod canary;
mod dashboard;
mod inbox;
mod macros;
mod session;
mod sync;
mod ticket;
mod workspace;

use std::path::Path;

use desk_domain::bindings::ts_name;
use desk_domain::*;

/// A TypeScript type name, rendered with the bindings' configuration.
pub type TsType = fn(&Path) -> String;

pub struct CommandSpec {
    pub name: &'static str,
    pub args: &'static [(&'static str, TsType)],
    pub returns: TsType,
}

pub const COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        name: "session_info",
        args: &[],
        returns: ts_name::<SessionInfo>,
    },
    CommandSpec {
        name: "sign_in",
        args: &[
            ("hub_url", ts_name::<String>),
            ("login", ts_name::<String>),
            ("password", ts_name::<String>),
        ],
        returns: ts_name::<SessionInfo>,
    },
    CommandSpec {
        name: "sign_out",
        args: &[],
        returns: ts_name::<SessionInfo>,
    },
    CommandSpec {
        name: "workspace_info",
        args: &[],
        returns: ts_name::<WorkspaceInfo>,
    },
    CommandSpec {
        name: "taxonomy",
        args: &[],
        returns: ts_name::<TaxonomyInfo>,
    },
    CommandSpec {
        name: "inbox_page",
        args: &[("query", ts_name::<InboxQuery>)],
        returns: ts_name::<InboxPage>,
    },
    CommandSpec {
        name: "view_counts",
        args: &[],
        returns: ts_name::<Vec<ViewCount>>,
    },
    CommandSpec {
        name: "ticket_detail",
        args: &[("id", ts_name::<TicketId>)],
        returns: ts_name::<TicketDetail>,
    },
    CommandSpec {
        name: "search_tickets",
        args: &[("text", ts_name::<String>), ("limit", ts_name::<u32>)],
        returns: ts_name::<SearchResult>,
    },
    CommandSpec {
        name: "customer_tickets",
        args: &[
            ("customer_id", ts_name::<String>),
            ("except", ts_name::<TicketId>),
        ],
        returns: ts_name::<Vec<TicketSummary>>,
    },
    CommandSpec {
        name: "suggest_category",
        args: &[("id", ts_name::<TicketId>)],
        returns: ts_name::<CategorySuggestion>,
    },
    CommandSpec {
        name: "edit_ticket",
        args: &[
            ("ticket_id", ts_name::<TicketId>),
            ("edit", ts_name::<TicketEdit>),
        ],
        returns: ts_name::<TicketDetail>,
    },
    CommandSpec {
        name: "edit_tickets",
        args: &[
            ("batch_id", ts_name::<String>),
            ("ticket_ids", ts_name::<Vec<TicketId>>),
            ("edit", ts_name::<TicketEdit>),
        ],
        returns: ts_name::<u32>,
    },
    CommandSpec {
        name: "dashboard",
        args: &[("utc_offset_minutes", ts_name::<i32>)],
        returns: ts_name::<Dashboard>,
    },
    CommandSpec {
        name: "sync_status",
        args: &[],
        returns: ts_name::<SyncStatus>,
    },
    CommandSpec {
        name: "attention_items",
        args: &[],
        returns: ts_name::<Vec<AttentionItem>>,
    },
    CommandSpec {
        name: "resolve_attention",
        args: &[
            ("edit_id", ts_name::<String>),
            ("resolution", ts_name::<Resolution>),
        ],
        returns: ts_name::<()>,
    },
    CommandSpec {
        name: "set_work_offline",
        args: &[("offline", ts_name::<bool>)],
        returns: ts_name::<SyncStatus>,
    },
    CommandSpec {
        name: "alert_settings",
        args: &[],
        returns: ts_name::<AlertSettings>,
    },
    CommandSpec {
        name: "set_alert_settings",
        args: &[("settings", ts_name::<AlertSettings>)],
        returns: ts_name::<AlertSettings>,
    },
    CommandSpec {
        name: "mark_seen",
        args: &[("id", ts_name::<TicketId>)],
        returns: ts_name::<u32>,
    },
    CommandSpec {
        name: "unread_urgent",
        args: &[],
        returns: ts_name::<u32>,
    },
    CommandSpec {
        name: "list_macros",
        args: &[],
        returns: ts_name::<Vec<Macro>>,
    },
    CommandSpec {
        name: "save_macro",
        args: &[("macro", ts_name::<Macro>)],
        returns: ts_name::<Macro>,
    },
    CommandSpec {
        name: "delete_macro",
        args: &[("id", ts_name::<String>)],
        returns: ts_name::<()>,
    },
    CommandSpec {
        name: "render_macro",
        args: &[
            ("id", ts_name::<String>),
            ("ticket_id", ts_name::<TicketId>),
            ("lang", ts_name::<Language>),
        ],
        returns: ts_name::<String>,
    },
    CommandSpec {
        name: "canary",
        args: &[],
        returns: ts_name::<()>,
    },
    CommandSpec {
        name: "canary_count",
        args: &[],
        returns: ts_name::<u32>,
    },
];

/// A ticket number from the UI, checked once for every command that takes one.
pub(crate) fn ticket_number(id: TicketId) -> Result<TicketId, ApiError> {
    if id <= 0 {
        return Err(ApiError::invalid(format!("{id} is not a ticket number")));
    }
    Ok(id)
}

pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static
{
    tauri::generate_handler![
        session::session_info,
        session::sign_in,
        session::sign_out,
        workspace::workspace_info,
        workspace::taxonomy,
        inbox::inbox_page,
        inbox::view_counts,
        ticket::ticket_detail,
        ticket::search_tickets,
        ticket::customer_tickets,
        ticket::suggest_category,
        sync::edit_ticket,
        ticket::edit_tickets,
        dashboard::dashboard,
        sync::sync_status,
        sync::attention_items,
        sync::resolve_attention,
        sync::set_work_offline,
        alerts::alert_settings,
        alerts::set_alert_settings,
        alerts::mark_seen,
        alerts::unread_urgent,
        macros::list_macros,
        macros::save_macro,
        macros::delete_macro,
        macros::render_macro,
        canary::canary,
        canary::canary_count,
    ]
}

/// Command names as registered, for the drift test against [`COMMANDS`] and build.rs.
pub const REGISTERED: &[&str] = &[
    "session_info",
    "sign_in",
    "sign_out",
    "workspace_info",
    "taxonomy",
    "inbox_page",
    "view_counts",
    "ticket_detail",
    "search_tickets",
    "customer_tickets",
    "suggest_category",
    "edit_ticket",
    "edit_tickets",
    "dashboard",
    "sync_status",
    "attention_items",
    "resolve_attention",
    "set_work_offline",
    "alert_settings",
    "set_alert_settings",
    "mark_seen",
    "unread_urgent",
    "list_macros",
    "save_macro",
    "delete_macro",
    "render_macro",
    "canary",
    "canary_count",
];
