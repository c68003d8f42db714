//! Ticket triage for Wallet Desk: a small on-device classifier for Chinese and English ticket
//! text, plus admin rules that override it. Shared by the hub and the console.
//!
//! ```no_run
//! use desk_triage::{Triage, TriageInput};
//! let triage = Triage::embedded();
//! let d = triage.classify(&TriageInput { text: "有人盗用了我的账户", ..Default::default() });
//! assert!(d.urgent);
//! ```
//!
//! The model (`model/triage.model`) is compiled in; `train-triage` rebuilds it reproducibly from
//! Banking77's training split and the crate's own examples (`data/`). See README.md.

pub mod corpus;
pub mod features;
pub mod model;
pub mod rules;
pub mod train;
pub mod triage;

pub use model::{Model, ModelError, Prediction, N_CLASSES};
pub use rules::{Rule, Rules, RulesError, DEFAULT_RULES_JSON};
pub use triage::{Decision, Reason, Triage, TriageInput};

/// Credit for the training data, required by its CC BY 4.0 licence; the About screen shows it.
pub const ATTRIBUTION: &str = "Ticket triage model trained in part on the Banking77 data set \
(training split) by PolyAI: Casanueva, Temčinas, Gerz, Henderson, Vulić, \"Efficient Intent \
Detection with Dual Sentence Encoders\", 2020, arXiv:2003.04807. Licensed under Creative Commons \
Attribution 4.0 International (CC BY 4.0), https://creativecommons.org/licenses/by/4.0/. \
Intents were mapped to Wallet Desk categories; Chinese and additional English examples were \
written for Wallet Desk.";
