//! The schema's history, in the order it was applied. Each table module owns its migrations;
//! this list only fixes their global order. Append only: rusqlite_migration tracks progress in
//! `user_version`, so editing or reordering an applied entry would corrupt existing replicas.

use rusqlite_migration::{Migrations, M};

use crate::tables::{
    customers, macros, messages, meta, outbox, search_index, seen, team, ticket_links, tickets,
};

pub(crate) fn all() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(meta::M_20261122_CREATE),
        M::up(team::M_20261122_CREATE),
        M::up(customers::M_20261122_CREATE),
        M::up(tickets::M_20261122_CREATE),
        M::up(messages::M_20261122_CREATE),
        M::up(ticket_links::M_20261122_CREATE),
        M::up(search_index::M_20261122_CREATE),
        M::up(tickets::M_20261123_VERSION),
        M::up(outbox::M_20261123_CREATE),
        M::up(tickets::M_20261123_TRIAGE),
        M::up(seen::M_20261124_CREATE),
        M::up(macros::M_20261125_CREATE),
        M::up(tickets::M_20261126_RECENCY),
        M::up(search_index::M_20261127_BACKLOG),
        M::up(messages::M_20261127_PARTS),
    ])
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::all()
            .validate()
            .expect("every migration applies cleanly to an empty database");
    }
}
