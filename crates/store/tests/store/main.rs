//! Integration tests of the replica on real SQLite files (one test binary, a module per feature).

mod demo_volume;
mod detail;
mod fixtures;
mod inbox;
mod macros;
mod replication;
mod search;
mod watch;
mod writes;
