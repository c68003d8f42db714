//! Turning what an agent typed into FTS5 match expressions that cannot fail to parse.
//!
//! Every term becomes a double-quoted FTS5 string (inner quotes doubled), so operators, `*`,
//! `-`, brackets and quotes in the input are plain characters. Terms are ANDed: a ticket must
//! contain every term, each either as words (`ticket_text`) or inside an identifier
//! (`ticket_ids`).

use super::cjk::{bigrams, is_cjk};

/// Longer input is cut, not rejected: search-as-you-type must never error.
const MAX_INPUT_CHARS: usize = 512;
const MAX_TERMS: usize = 12;
/// Trigram matching needs three characters to use its index.
const MIN_ID_FRAGMENT: usize = 3;

/// One term the agent typed, ready for both indexes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    /// As typed (trimmed), for highlighting in the UI.
    pub display: String,
    /// Expression for `ticket_text`.
    pub words: String,
    /// Expression for `ticket_ids`, when the term is long enough to be an id fragment.
    pub id_fragment: Option<String>,
    /// A ticket number, when the term is one ("#10234" or "10234"): agents quote them.
    pub ticket_number: Option<i64>,
}

pub(crate) fn parse(input: &str) -> Vec<Term> {
    let input: String = input.chars().take(MAX_INPUT_CHARS).collect();
    let mut terms: Vec<Term> = Vec::new();
    for raw in input.split_whitespace() {
        // Operators and punctuation on their own carry no meaning to search for.
        let raw = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if raw.is_empty() || terms.iter().any(|t| t.display == raw) {
            continue;
        }
        let has_cjk = raw.chars().any(is_cjk);
        let quoted = quote(&bigrams(raw));
        // Latin terms match as prefixes so "withdr" finds "withdrawal" while typing. A CJK
        // term is already a phrase of bigrams; a prefix there would over-match.
        let words = if has_cjk {
            quoted
        } else {
            format!("{quoted}*")
        };
        let id_fragment =
            (raw.chars().count() >= MIN_ID_FRAGMENT && !has_cjk).then(|| quote(&id_text(raw)));
        // Agents quote ticket numbers ("#10234"): match those exactly, however short.
        let ticket_number = raw.parse::<i64>().ok().filter(|n| *n > 0);
        terms.push(Term {
            display: raw.to_string(),
            words,
            id_fragment,
            ticket_number,
        });
        if terms.len() == MAX_TERMS {
            break;
        }
    }
    terms
}

/// Phone numbers are stored with their punctuation and as bare digits; searching a number
/// typed with spaces or dashes inside one term ("138-1234") should still find it.
pub(crate) fn id_text(raw: &str) -> String {
    let digits_only = raw
        .chars()
        .all(|c| c.is_ascii_digit() || "+-() .".contains(c))
        && raw.chars().any(|c| c.is_ascii_digit());
    if digits_only {
        raw.chars().filter(char::is_ascii_digit).collect()
    } else {
        raw.to_string()
    }
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_syntax_becomes_quoted_text() {
        let t = parse(r#"NEAR("a" OR b*) -c ^d"#);
        assert!(
            t.iter().all(|t| t.words.starts_with('"')),
            "every term must be a quoted string: {t:?}"
        );
        assert_eq!(t[0].display, r#"NEAR("a"#);
        assert_eq!(t[0].words, r#""NEAR(""a"*"#, "inner quotes are doubled");
    }

    #[test]
    fn punctuation_only_terms_are_dropped() {
        assert!(parse(r#"* - ( ) "" ' ^ "#).is_empty());
        assert!(parse("").is_empty());
    }

    #[test]
    fn chinese_terms_are_bigram_phrases_without_prefix() {
        let t = parse("被盗用");
        assert_eq!(t[0].words, "\" 被盗 盗用 \"");
        assert_eq!(t[0].id_fragment, None, "CJK text is not an identifier");
    }

    #[test]
    fn short_terms_skip_the_trigram_index() {
        assert_eq!(parse("tx")[0].id_fragment, None);
        assert_eq!(parse("8f3k")[0].id_fragment.as_deref(), Some("\"8f3k\""));
    }

    #[test]
    fn phone_fragments_are_matched_as_digits() {
        assert_eq!(
            parse("138-1234")[0].id_fragment.as_deref(),
            Some("\"1381234\"")
        );
    }

    #[test]
    fn input_is_bounded() {
        let long = "word ".repeat(1000);
        let terms = parse(&long);
        assert!(
            terms.len() <= 2,
            "duplicates collapse (the cut may leave one partial word)"
        );
        assert!(terms.iter().all(|t| "word".starts_with(&t.display)));
        let many: String = (0..100).map(|i| format!("w{i} ")).collect();
        assert_eq!(parse(&many).len(), MAX_TERMS);
    }
}
