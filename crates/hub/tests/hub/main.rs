//! The hub end to end: a real server on 127.0.0.1 port 0, a real SQLite file in a temp dir,
//! real HTTP. Every test starts its own hub, so they run in parallel.

mod auth;
mod bad_input;
mod classify;
mod cli;
mod edits;
mod embedded;
mod events;
mod feed;
mod intake;
mod openapi;
mod simulator;
mod support;
mod tickets;
