//! Text → hashed feature buckets, shared by training and inference so they can never disagree.
//!
//! Latin-script text gets lowercased word unigrams and bigrams (digits folded to `0`, so
//! "3 days" and "5 days" look alike). Chinese has no spaces, so runs of Han characters get
//! character unigrams, bigrams and trigrams instead. Everything streams through a callback with
//! no allocation: the hashes are built incrementally from `char`s.

/// Bumped whenever the extraction below changes; a model trained with another version is refused.
pub const FEATURE_VERSION: u8 = 1;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

// Distinct tags keep a word unigram from colliding systematically with, say, a CJK bigram.
const TAG_WORD: u64 = 0x11;
const TAG_WORD_BIGRAM: u64 = 0x22;
const TAG_CJK_UNI: u64 = 0x33;
const TAG_CJK_BI: u64 = 0x44;
const TAG_CJK_TRI: u64 = 0x55;
const TAG_PREFIX: u64 = 0x66;

/// Words longer than this also emit their prefix: a cheap stemmer ("charged"/"charges").
const PREFIX_LEN: usize = 5;

/// Folds full-width ASCII (common in Chinese input methods) to ASCII and lowercases, so
/// "ＡＰＰ", "App" and "app" are one token. Used by the rules' keyword matching too.
pub fn fold_char(c: char) -> char {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        0x2018 | 0x2019 => '\'',
        _ => c,
    };
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        // Multi-char lowercase expansions are rare outside Turkish/German; the first char is
        // enough for matching and keeps this a 1:1 mapping.
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Han ideographs (CJK unified, extension A and compatibility blocks).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x2A6DF)
}

/// True when the text reads as Chinese (any Han character); used to report per-language figures.
pub fn is_zh(text: &str) -> bool {
    text.chars().any(is_cjk)
}

#[inline]
fn fnv_step(h: u64, x: u32) -> u64 {
    (h ^ u64::from(x)).wrapping_mul(FNV_PRIME)
}

/// SplitMix64 finaliser: spreads FNV's weak low bits before we take the top `bits`.
#[inline]
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[inline]
fn bucket(tag: u64, a: u64, b: u64, bits: u8) -> u32 {
    let h = mix(tag.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a ^ b.rotate_left(23));
    (h >> (64 - u32::from(bits))) as u32
}

/// Calls `emit` with the bucket (in `0..2^bits`) of every feature of `text`, in text order.
/// Returns how many features were emitted (the length used for normalisation).
pub fn for_each_feature(text: &str, bits: u8, mut emit: impl FnMut(u32)) -> usize {
    let mut n = 0usize;
    let mut out = |b: u32| {
        n += 1;
        emit(b)
    };
    // Word state: hash of the word being read, its length, and the previous word's hash.
    let mut word = FNV_OFFSET;
    let mut word_len = 0usize;
    let mut prefix = FNV_OFFSET;
    let mut prev_word: Option<u64> = None;
    // CJK state: the two previous Han characters of the current run.
    let mut c1: Option<u32> = None;
    let mut c2: Option<u32> = None;

    let end_word = |word: &mut u64,
                    word_len: &mut usize,
                    prefix: &mut u64,
                    prev_word: &mut Option<u64>,
                    out: &mut dyn FnMut(u32)| {
        if *word_len == 0 {
            return;
        }
        out(bucket(TAG_WORD, *word, 0, bits));
        if *word_len > PREFIX_LEN {
            out(bucket(TAG_PREFIX, *prefix, 0, bits));
        }
        if let Some(p) = *prev_word {
            out(bucket(TAG_WORD_BIGRAM, p, *word, bits));
        }
        *prev_word = Some(*word);
        *word = FNV_OFFSET;
        *prefix = FNV_OFFSET;
        *word_len = 0;
    };

    for raw in text.chars() {
        let c = fold_char(raw);
        if is_cjk(c) {
            end_word(
                &mut word,
                &mut word_len,
                &mut prefix,
                &mut prev_word,
                &mut out,
            );
            // A Chinese run breaks the English word chain: "app 闪退 again" has no bigram app_again.
            prev_word = None;
            let x = c as u32;
            out(bucket(TAG_CJK_UNI, u64::from(x), 0, bits));
            if let Some(a) = c1 {
                out(bucket(TAG_CJK_BI, u64::from(a), u64::from(x), bits));
                if let Some(b) = c2 {
                    let ab = (u64::from(b) << 32) | u64::from(a);
                    out(bucket(TAG_CJK_TRI, ab, u64::from(x), bits));
                }
            }
            c2 = c1;
            c1 = Some(x);
        } else if c.is_alphanumeric() {
            c1 = None;
            c2 = None;
            let x = if c.is_ascii_digit() { '0' } else { c } as u32;
            word = fnv_step(word, x);
            word_len += 1;
            if word_len <= PREFIX_LEN {
                prefix = word;
            }
        } else if c == '\'' {
            // Inside a word an apostrophe is dropped ("didn't" → "didnt"), so it is not a break.
        } else {
            end_word(
                &mut word,
                &mut word_len,
                &mut prefix,
                &mut prev_word,
                &mut out,
            );
            c1 = None;
            c2 = None;
        }
    }
    end_word(
        &mut word,
        &mut word_len,
        &mut prefix,
        &mut prev_word,
        &mut out,
    );
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feats(t: &str) -> Vec<u32> {
        let mut v = Vec::new();
        for_each_feature(t, 18, |b| v.push(b));
        v
    }

    #[test]
    fn case_width_and_digits_do_not_change_features() {
        assert_eq!(
            feats("My APP crashed 3 times"),
            feats("my ａｐｐ Crashed 7 times"),
            "case, full-width letters and digit values must not split the vocabulary"
        );
    }

    #[test]
    fn chinese_gets_char_ngrams() {
        // 4 Han chars: 4 unigrams + 3 bigrams + 2 trigrams.
        assert_eq!(feats("账户冻结").len(), 9, "CJK runs need uni/bi/trigrams");
        // 2 words longer than the prefix length: 2 unigrams + 2 prefixes + 1 bigram.
        assert_eq!(
            feats("payment failed").len(),
            5,
            "Latin words need unigrams and bigrams"
        );
        assert!(feats("").is_empty(), "empty text has no features");
    }
}
