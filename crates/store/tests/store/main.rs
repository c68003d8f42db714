//! Integration tests of the replica on real SQLite files (one test binary, a module per feature).

mod bootstrap_indexes;
mod bulk;
mod customer_tickets;
mod dashboard;
mod demo_volume;
mod detail;
mod fixtures;
mod inbox;
mod macros;
mod replication;
mod search;
mod search_catch_up;
mod watch;
mod writes;
