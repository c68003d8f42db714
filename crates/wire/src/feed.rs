//! How a console replicates the hub: bootstrap pages of whole tickets, then the change feed
//! after the bootstrap's `snapshot_seq`, then live `FeedEvent`s that say when to pull again.

use desk_domain::{TicketId, TicketRecord};
use serde::{Deserialize, Serialize};

/// The largest change page the hub serves; larger requests are capped, not refused.
pub const MAX_CHANGES_PAGE: u32 = 1000;
/// The largest bootstrap page. Each page is one request and one transaction in the console,
/// and each commit writes the b-tree pages it touched into the WAL again (the customers'
/// pages, spread by id, most of all), so fewer, larger pages copy faster: 100,000 demo tickets
/// went from 25,600 tickets/s at 500 a page to 28,000 at 2,000 (BENCHMARKS.md). A page of the
/// demo's tickets with their threads is a few MB of JSON, and the console holds four in flight.
pub const MAX_BOOTSTRAP_PAGE: u32 = 2000;

/// The hub's state of one ticket. `version` starts at 1 and grows by one on every change, so a
/// replica keeps whichever copy has the higher version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "FlatHubTicket")]
pub struct HubTicket {
    pub version: i64,
    #[serde(flatten)]
    pub ticket: TicketRecord,
}

/// How a `HubTicket` is decoded. serde decodes a `flatten` field by first buffering the whole
/// object as generic `Content` and then decoding it a second time; in a bootstrap that was
/// four fifths of the console's decoding time. This mirror spells the fields out, so the JSON
/// is decoded once and straight into its types. The wire format is unchanged, and building a
/// `TicketRecord` names every field, so a field added there fails to compile until it is added
/// here too.
#[derive(Deserialize)]
struct FlatHubTicket {
    version: i64,
    id: desk_domain::TicketId,
    subject: String,
    status: desk_domain::Status,
    priority: desk_domain::Priority,
    category: desk_domain::Category,
    channel: desk_domain::Channel,
    assignee_id: Option<String>,
    group_id: Option<String>,
    tags: Vec<String>,
    transaction_refs: Vec<String>,
    created_at: desk_domain::Millis,
    updated_at: desk_domain::Millis,
    customer: desk_domain::Customer,
    messages: Vec<desk_domain::Message>,
    #[serde(default)]
    triage: Option<desk_domain::TriageNote>,
}

impl From<FlatHubTicket> for HubTicket {
    fn from(f: FlatHubTicket) -> HubTicket {
        HubTicket {
            version: f.version,
            ticket: TicketRecord {
                id: f.id,
                subject: f.subject,
                status: f.status,
                priority: f.priority,
                category: f.category,
                channel: f.channel,
                assignee_id: f.assignee_id,
                group_id: f.group_id,
                tags: f.tags,
                transaction_refs: f.transaction_refs,
                created_at: f.created_at,
                updated_at: f.updated_at,
                customer: f.customer,
                messages: f.messages,
                triage: f.triage,
            },
        }
    }
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
    /// Cursors for the pages after the next one, in order: the `cursor` the next page will
    /// carry, then the one the page after it will, as far as the hub looked ahead (empty when
    /// the next page is the last). A console can ask for those pages while
    /// the next is still on its way, so the hub's reading and the console's decoding of
    /// several pages overlap with its writing. Absent from hubs that do not look ahead; a
    /// console then fetches one page at a time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cursors_ahead: Vec<String>,
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

    /// The hub sends a ticket's fields beside `version`, not nested, and the console's
    /// hand-spelled decoder must read every one of them back: a field it dropped would
    /// silently vanish from every replica.
    #[test]
    fn hub_tickets_are_flat_and_decode_every_field() {
        let wire = serde_json::json!({
            "version": 4, "id": 12, "subject": "Top-up failed", "status": "pending",
            "priority": "high", "category": "top_up", "channel": "email",
            "assignee_id": "agent-1", "group_id": "payments",
            "tags": ["vip"], "transaction_refs": ["TX-991"],
            "created_at": 1000, "updated_at": 2000,
            "customer": {"id": "c-1", "wallet_account_id": "W-1", "name": "Lin",
                         "email": "lin@example.com", "phone": null, "country": "SG",
                         "verification": "verified"},
            "messages": [{"id": 5, "ticket_id": 12, "kind": "customer", "author": "Lin",
                          "body": "<b>hi</b>", "channel": "email", "created_at": 1000,
                          "html": "<b>hi</b>", "attachments": [], "device": null}],
            "triage": {"source": "rule", "rule": "payments", "score_permille": null,
                       "category": "top_up", "urgent": false, "group_id": "payments"},
        });
        let t: HubTicket = serde_json::from_value(wire.clone()).unwrap();
        assert_eq!(t.version, 4);
        assert_eq!(t.ticket.id, 12);
        assert_eq!(t.ticket.tags, ["vip"]);
        assert_eq!(t.ticket.transaction_refs, ["TX-991"]);
        assert_eq!(t.ticket.customer.email.as_deref(), Some("lin@example.com"));
        assert_eq!(t.ticket.messages[0].html.as_deref(), Some("<b>hi</b>"));
        assert_eq!(
            t.ticket.triage.as_ref().unwrap().rule.as_deref(),
            Some("payments")
        );
        // Encoding it again gives back exactly what was sent: nothing dropped or renamed.
        assert_eq!(serde_json::to_value(&t).unwrap(), wire);

        // An older hub sends no triage note; that is a ticket without one, not an error.
        let mut old = wire;
        old.as_object_mut().unwrap().remove("triage");
        let t: HubTicket = serde_json::from_value(old).unwrap();
        assert_eq!(t.ticket.triage, None);
    }
}
