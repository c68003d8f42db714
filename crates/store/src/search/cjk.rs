//! CJK bigram rewriting, shared by indexing and querying so both see the same tokens.

/// True for the scripts written without spaces between words.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'   // Hiragana, Katakana
        | '\u{3400}'..='\u{4dbf}' // CJK Extension A
        | '\u{4e00}'..='\u{9fff}' // CJK Unified Ideographs
        | '\u{f900}'..='\u{faff}' // CJK Compatibility Ideographs
        | '\u{ac00}'..='\u{d7af}' // Hangul syllables
        | '\u{20000}'..='\u{2ebef}') // Extensions B-F
}

/// Rewrites every run of CJK characters as space-separated overlapping bigrams
/// (账户被盗 → 账户 户被 被盗), leaving other text as it is. A lone CJK character stays a
/// one-character token. Spaces around each run keep it from fusing with Latin neighbours.
pub(crate) fn bigrams(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut run: Vec<char> = Vec::new();
    for c in text.chars() {
        if is_cjk(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

fn flush(run: &mut Vec<char>, out: &mut String) {
    if run.is_empty() {
        return;
    }
    out.push(' ');
    if run.len() == 1 {
        out.push(run[0]);
    } else {
        for (i, pair) in run.windows(2).enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push(pair[0]);
            out.push(pair[1]);
        }
    }
    out.push(' ');
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_become_overlapping_bigrams() {
        assert_eq!(
            bigrams("账户被盗").split_whitespace().collect::<Vec<_>>(),
            ["账户", "户被", "被盗"]
        );
    }

    #[test]
    fn latin_text_is_untouched_and_kept_apart() {
        let out = bigrams("TX123提现abc");
        assert_eq!(
            out.split_whitespace().collect::<Vec<_>>(),
            ["TX123", "提现", "abc"]
        );
        assert_eq!(bigrams("plain words"), "plain words");
    }

    #[test]
    fn single_character_stays_a_token() {
        assert_eq!(
            bigrams("a 盗 b").split_whitespace().collect::<Vec<_>>(),
            ["a", "盗", "b"]
        );
    }
}
