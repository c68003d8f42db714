//! What the inbox can ask for: a view, extra filters, a sort and a page.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, Category, Channel, Priority, Status, TicketSummary};

/// How far ahead a breach counts as "at risk": long enough to act, short enough to matter.
pub const SLA_RISK_WINDOW_MS: i64 = 60 * 60_000;

/// The largest page the UI may ask for. A virtual list needs a screenful or two; anything
/// larger only moves bytes across IPC that nobody sees.
pub const MAX_PAGE: u32 = 500;

/// The saved views agents switch between all day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum InboxView {
    /// Every ticket that still needs an agent.
    Active,
    /// Active tickets assigned to the signed-in agent.
    Mine,
    /// Active tickets nobody owns yet.
    Unassigned,
    /// Active security and fraud cases.
    Urgent,
    /// Active tickets that breach their SLA within the risk window, or already have.
    SlaAtRisk,
    /// Pending: the customer owes us an answer.
    WaitingOnCustomer,
    /// Solved or closed.
    Done,
    /// Active tickets from one channel.
    Channel(Channel),
    /// Active tickets of one category.
    Category(Category),
}

impl InboxView {
    /// The fixed views the sidebar always shows, before the per-channel and per-category ones.
    pub const FIXED: &'static [InboxView] = &[
        InboxView::Active,
        InboxView::Mine,
        InboxView::Unassigned,
        InboxView::Urgent,
        InboxView::SlaAtRisk,
        InboxView::WaitingOnCustomer,
        InboxView::Done,
    ];

    /// Every view the sidebar counts.
    pub fn all() -> Vec<InboxView> {
        let mut v = Self::FIXED.to_vec();
        v.extend(Channel::ALL.iter().map(|c| InboxView::Channel(*c)));
        v.extend(Category::ALL.iter().map(|c| InboxView::Category(*c)));
        v
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum InboxSort {
    /// Most pressing first, then the soonest SLA breach, then the oldest: how a queue is worked.
    #[default]
    Priority,
    /// Soonest SLA breach first; tickets without a running clock last.
    SlaDue,
    /// Most recently changed first.
    Updated,
}

/// Narrowing on top of a view. Empty lists mean "any".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct InboxFilter {
    pub statuses: Vec<Status>,
    pub priorities: Vec<Priority>,
    pub channels: Vec<Channel>,
    pub categories: Vec<Category>,
    pub tag: Option<String>,
    pub assignee_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InboxQuery {
    pub view: InboxView,
    #[serde(default)]
    pub filter: InboxFilter,
    #[serde(default)]
    pub sort: InboxSort,
    pub offset: u32,
    pub limit: u32,
}

impl InboxQuery {
    pub fn validate(&self) -> Result<(), ApiError> {
        if self.limit == 0 || self.limit > MAX_PAGE {
            return Err(ApiError::invalid(format!(
                "page size must be 1..={MAX_PAGE}, got {}",
                self.limit
            )));
        }
        if let Some(tag) = &self.filter.tag {
            if tag.is_empty() || tag.chars().count() > 64 {
                return Err(ApiError::invalid("a tag filter must be 1 to 64 characters"));
            }
        }
        Ok(())
    }
}

/// One page of a view, with the view's total so the virtual list knows its height.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InboxPage {
    pub total: u32,
    pub offset: u32,
    pub rows: Vec<TicketSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ViewCount {
    pub view: InboxView,
    pub count: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_serialize_as_tagged_objects() {
        let v = serde_json::to_value(InboxView::Channel(Channel::Email)).unwrap();
        assert_eq!(v, serde_json::json!({"kind": "channel", "value": "email"}));
        let v = serde_json::to_value(InboxView::Urgent).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"kind": "urgent"}),
            "unit views carry no value key"
        );
    }

    #[test]
    fn every_channel_and_category_has_a_view() {
        let all = InboxView::all();
        assert_eq!(
            all.len(),
            InboxView::FIXED.len() + Channel::ALL.len() + Category::ALL.len()
        );
    }

    #[test]
    fn page_size_is_bounded() {
        let mut q = InboxQuery {
            view: InboxView::Active,
            filter: Default::default(),
            sort: Default::default(),
            offset: 0,
            limit: 0,
        };
        assert!(q.validate().is_err(), "an empty page is a caller bug");
        q.limit = MAX_PAGE + 1;
        assert!(
            q.validate().is_err(),
            "whole-table pages are what the virtual list avoids"
        );
        q.limit = 100;
        assert!(q.validate().is_ok());
    }
}
