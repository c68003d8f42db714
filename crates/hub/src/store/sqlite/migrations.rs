//! The schema's history in the order it was applied. Each table module owns its migration;
//! this list only fixes the global order. Append only: rusqlite_migration tracks progress in
//! `user_version`, so editing an applied entry would corrupt existing hubs.

use rusqlite_migration::{Migrations, M};

use super::tables::{
    applied_edits, changes, customers, labels, messages, meta, sessions, team, threads, tickets,
    triage_notes,
};

pub(super) fn all() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(team::M_20261122_CREATE),
        M::up(sessions::M_20261122_CREATE),
        M::up(customers::M_20261122_CREATE),
        M::up(tickets::M_20261122_CREATE),
        M::up(messages::M_20261122_CREATE),
        M::up(labels::M_20261122_CREATE),
        M::up(threads::M_20261122_CREATE),
        M::up(changes::M_20261122_CREATE),
        M::up(applied_edits::M_20261122_CREATE),
        M::up(meta::M_20261122_CREATE),
        M::up(triage_notes::M_20261123_CREATE),
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
