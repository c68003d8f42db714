//! One module per table (or tightly bound pair): its migration, its writes and its row mapping.

pub(crate) mod customers;
// Declared here rather than in lib.rs: the module also holds the `impl Store` for macros.
pub(crate) mod macros;
pub(crate) mod messages;
pub(crate) mod meta;
pub(crate) mod outbox;
pub(crate) mod search_index;
pub(crate) mod seen;
pub(crate) mod team;
pub(crate) mod ticket_links;
pub(crate) mod tickets;

/// `ids` as a JSON array, bound to one parameter and read with `json_each`: a page's lookups
/// become one statement instead of one per ticket, whatever the page's size.
pub(crate) fn id_list(ids: &[desk_domain::TicketId]) -> String {
    // A list of integers always serializes; the fallback only satisfies the type.
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_owned())
}
