//! How a console replicates the hub: bootstrap pages of whole tickets, then the change feed
//! after the bootstrap's `snapshot_seq`, then live `FeedEvent`s that say when to pull again.

use desk_domain::{TicketId, TicketRecord};
use serde::{Deserialize, Serialize};

/// The largest change page the hub serves; larger requests are capped, not refused.
pub const MAX_CHANGES_PAGE: u32 = 1000;
/// Bootstrap pages carry whole threads, so they are smaller.
pub const MAX_BOOTSTRAP_PAGE: u32 = 500;

/// The hub's state of one ticket. `version` starts at 1 and grows by one on every change, so a
/// replica keeps whichever copy has the higher version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HubTicket {
    pub version: i64,
    #[serde(flatten)]
    pub ticket: TicketRecord,
}

/// Hand-written because the domain types carry no schema derive: the document promises the
/// version and says where the rest of the fields are defined.
#[cfg(feature = "utoipa")]
impl utoipa::PartialSchema for HubTicket {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, Type};
        ObjectBuilder::new()
            .description(Some(
                "A desk_domain::TicketRecord (id, subject, status, priority, category, channel, \
                 assignee_id, group_id, tags, transaction_refs, created_at, updated_at, customer, \
                 messages) plus the hub's version of it.",
            ))
            .property("version", ObjectBuilder::new().schema_type(Type::Integer))
            .required("version")
            .additional_properties(Some(AdditionalProperties::FreeForm(true)))
            .into()
    }
}

#[cfg(feature = "utoipa")]
impl utoipa::ToSchema for HubTicket {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChangeKind {
    /// The ticket as it is now (which may be newer than this change: later changes follow).
    /// Boxed: a whole ticket dwarfs the other variants.
    Upsert {
        ticket: Box<HubTicket>,
    },
    Deleted,
    Merged {
        #[cfg_attr(feature = "utoipa", schema(value_type = i64))]
        into: TicketId,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct Change {
    pub seq: i64,
    #[cfg_attr(feature = "utoipa", schema(value_type = i64))]
    pub ticket_id: TicketId,
    #[serde(flatten)]
    pub kind: ChangeKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct ChangesPage {
    /// In ascending `seq` order.
    pub changes: Vec<Change>,
    /// Pass as `after` for the next page; equals the request's `after` when nothing is new.
    pub next_after: i64,
    pub has_more: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::IntoParams))]
pub struct ChangesQuery {
    /// Changes with a greater `seq` than this; 0 for the whole feed.
    #[serde(default)]
    pub after: i64,
    /// Page size, capped at 1000; 500 when absent.
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct BootstrapPage {
    /// Ordered by ticket id.
    pub tickets: Vec<HubTicket>,
    /// Opaque; pass back for the next page. `None` on the last page.
    pub cursor: Option<String>,
    pub has_more: bool,
    /// The feed position when the bootstrap began, the same on every page of one bootstrap.
    /// After the last page, pull changes after it: anything that changed meanwhile is there.
    pub snapshot_seq: i64,
    /// How many tickets the whole bootstrap holds, for a progress bar; absent from hubs that
    /// do not count.
    #[serde(default)]
    pub total: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::IntoParams))]
pub struct BootstrapQuery {
    /// The previous page's cursor; absent for the first page.
    pub cursor: Option<String>,
    /// Page size, capped at 500; 100 when absent.
    pub limit: Option<u32>,
}

/// The payload of each server-sent event on `/api/events`: the feed now reaches `seq`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct FeedEvent {
    pub seq: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_tagged_by_kind() {
        let c = Change {
            seq: 3,
            ticket_id: 7,
            kind: ChangeKind::Merged { into: 5 },
        };
        assert_eq!(
            serde_json::to_value(&c).unwrap(),
            serde_json::json!({"seq": 3, "ticket_id": 7, "kind": "merged", "into": 5})
        );
        let d: Change = serde_json::from_value(
            serde_json::json!({"seq": 4, "ticket_id": 7, "kind": "deleted"}),
        )
        .unwrap();
        assert_eq!(d.kind, ChangeKind::Deleted);
    }
}
