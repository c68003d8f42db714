//! The sync engine against a real hub on a loopback port, with real SQLite replicas, and a
//! faulty proxy of our own in between where the network misbehaves.

mod converge;
mod durability;
mod faults;
mod schedules;
mod session;
mod support;
