//! What the console tells its UI about the open workspace and the taxonomy, and search results.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Agent, Category, Channel, Group, Localized, TicketSummary};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WorkspaceInfo {
    /// The signed-in agent; "mine" views are relative to them.
    pub agent: Agent,
    pub ticket_count: u32,
    /// True when the console runs on generated demo data rather than a real hub.
    pub demo: bool,
    /// Everyone tickets can be assigned to, so the UI can show names for assignee ids.
    pub agents: Vec<Agent>,
    pub groups: Vec<Group>,
}

/// Whose session the console runs, or that it needs a sign-in. Never carries the token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SessionInfo {
    /// The embedded demo hub: signed in by itself, nothing to sign out of.
    Demo,
    SignedIn {
        hub_url: String,
        agent_id: String,
    },
    /// The sign-in screen shows; the last hub and agent fill its form when known.
    SignedOut {
        hub_url: Option<String>,
        agent_id: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CategoryInfo {
    pub id: Category,
    pub name: Localized,
    pub urgent: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChannelInfo {
    pub id: Channel,
    pub name: Localized,
    pub first_response_promise: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TaxonomyInfo {
    pub categories: Vec<CategoryInfo>,
    pub channels: Vec<ChannelInfo>,
}

impl TaxonomyInfo {
    pub fn current() -> Self {
        Self {
            categories: Category::ALL
                .iter()
                .map(|c| CategoryInfo {
                    id: *c,
                    name: c.name(),
                    urgent: c.is_urgent(),
                })
                .collect(),
            channels: Channel::ALL
                .iter()
                .map(|c| ChannelInfo {
                    id: *c,
                    name: c.name(),
                    first_response_promise: c.first_response_promise().to_string(),
                })
                .collect(),
        }
    }
}

/// Search hits, newest first, with the terms the query was understood as so the UI can
/// highlight them without re-implementing the parser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SearchResult {
    pub terms: Vec<String>,
    /// Matches in all, which may exceed `rows.len()`.
    pub total: u32,
    pub rows: Vec<TicketSummary>,
    /// Stored tickets that search cannot see yet: a first sync indexes them in the background
    /// after the inbox is usable. Above zero, the agent is told the results may be incomplete
    /// rather than trusting a "no match" that is only "not indexed yet".
    pub unindexed: u32,
}

/// Everything the core pushes to the UI, on the single Tauri event `console-event`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum ConsoleEvent {
    /// Tickets changed in the local store: counts and any open page or ticket are stale. An
    /// empty list means "any ticket may have changed" (a bulk fill or resync).
    TicketsChanged { ids: Vec<crate::TicketId> },
    /// The first fill of an empty workspace is under way (demo seeding now, hub bootstrap later).
    FillProgress { done: u32, total: u32 },
    /// Replication state changed: online or offline, queue length, attention items.
    Sync { status: crate::SyncStatus },
    /// The agent clicked a notification: show this ticket, or the urgent view when `None`
    /// (a summary of several tickets). The shell has already brought the window forward.
    OpenTicket { id: Option<crate::TicketId> },
    /// A notification the operating system could not show: show it inside the window.
    Alert { alert: crate::InWindowAlert },
    /// Urgent tickets (open, unassigned or mine) the agent has not opened yet; the tray shows
    /// the same number.
    UnreadUrgent { count: u32 },
}

/// The name of the one Tauri event that carries [`ConsoleEvent`]s.
pub const CONSOLE_EVENT: &str = "console-event";
