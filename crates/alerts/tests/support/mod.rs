//! Shared by the integration tests: tickets full of personal data, a private desktop and a
//! bus monitor.

#![allow(dead_code)] // each test binary uses its own part of this

pub mod desktop;
pub mod fixtures;
