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
