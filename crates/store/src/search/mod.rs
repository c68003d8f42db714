//! Full-text search over the replica.
//!
//! Two FTS5 indexes, because no single tokenizer serves both needs:
//! - `ticket_text` (unicode61) holds words: subject, customer name and every message. SQLite
//!   sees a run of Chinese characters as one token, so 被盗 could never match inside 我的账户被盗用了;
//!   and trigrams need three characters, so they miss two-character words. We therefore rewrite
//!   CJK runs into overlapping bigrams ([`cjk::bigrams`]) on the way in and on the way out, the
//!   way CJK analyzers in Lucene do.
//! - `ticket_ids` (trigram) holds identifiers: emails, phones, wallet and transaction ids, so a
//!   fragment from the middle of an id matches.
//!
//! User text never reaches FTS5 syntax directly: [`query::parse`] turns it into quoted terms.

pub(crate) mod cjk;
pub(crate) mod newest;
pub(crate) mod query;
