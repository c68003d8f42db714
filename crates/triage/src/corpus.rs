//! Training data: Banking77's training split mapped to the taxonomy, plus the crate's own
//! Chinese and English examples; the deterministic validation split; and the metrics that
//! `train-triage` records and the accuracy test re-checks.

use std::path::{Path, PathBuf};

use desk_domain::Category;
use serde::{Deserialize, Serialize};

use crate::features::is_zh;
use crate::model::Model;
use crate::train::{accuracy, recall};

/// One labelled text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub text: String,
    pub category: Category,
}

#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{file} line {line}: {msg}")]
    Csv {
        file: String,
        line: usize,
        msg: String,
    },
}

/// Percentage of examples (by stable text hash) held out for validation.
pub const VALIDATION_PERCENT: u64 = 12;

/// Default input paths, relative to this crate, so tests and the trainer agree without flags.
pub fn default_banking77() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/banking77/train.csv")
}
pub fn default_zh() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/zh_examples.csv")
}
pub fn default_en() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/en_examples.csv")
}

/// Reads a two-column `text,label` CSV with a header. `label` maps a label to a category
/// (Banking77 intent or taxonomy id) and unknown labels are errors, not silent drops.
pub fn read_csv(
    path: &Path,
    label: impl Fn(&str) -> Option<Category>,
) -> Result<Vec<Example>, CorpusError> {
    let text = std::fs::read_to_string(path).map_err(|source| CorpusError::Io {
        path: path.to_owned(),
        source,
    })?;
    parse_csv(&text, &path.display().to_string(), label)
}

/// Parses CSV text (RFC 4180 quoting) into examples; see [`read_csv`].
pub fn parse_csv(
    text: &str,
    file: &str,
    label: impl Fn(&str) -> Option<Category>,
) -> Result<Vec<Example>, CorpusError> {
    let err = |line: usize, msg: String| CorpusError::Csv {
        file: file.to_owned(),
        line,
        msg,
    };
    let mut out = Vec::new();
    for (line, fields) in records(text).into_iter().skip(1) {
        if fields.len() == 1 && fields[0].trim().is_empty() {
            continue;
        }
        if fields.len() != 2 {
            return Err(err(
                line,
                format!("expected 2 fields, found {}", fields.len()),
            ));
        }
        let text = fields[0].trim();
        if text.is_empty() {
            return Err(err(line, "empty text".into()));
        }
        let category = label(fields[1].trim())
            .ok_or_else(|| err(line, format!("unknown label '{}'", fields[1])))?;
        out.push(Example {
            text: text.to_owned(),
            category,
        });
    }
    Ok(out)
}

/// Splits CSV text into records of fields, with the 1-based line each record starts on.
fn records(text: &str) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let (mut fields, mut field) = (Vec::new(), String::new());
    let (mut quoted, mut line, mut start) = (false, 1usize, 1usize);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(std::mem::take(&mut field)),
            '\r' if !quoted => {}
            '\n' if !quoted => {
                fields.push(std::mem::take(&mut field));
                out.push((start, std::mem::take(&mut fields)));
                line += 1;
                start = line;
            }
            _ => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
        }
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        out.push((start, fields));
    }
    out
}

/// Stable 64-bit FNV-1a, used for the split and the data fingerprint (never `DefaultHasher`,
/// whose output may change between Rust releases).
fn fnv(bytes: &[u8], mut h: u64) -> u64 {
    for b in bytes {
        h = (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Whether an example belongs to the validation split: a hash of its text, so duplicates land
/// on the same side and adding examples never moves existing ones.
pub fn is_validation(text: &str) -> bool {
    fnv(text.as_bytes(), 0xcbf2_9ce4_8422_2325 ^ 0x5e1d) % 100 < VALIDATION_PERCENT
}

/// Order-sensitive hash of all examples: changes whenever the training data does.
pub fn fingerprint(examples: &[Example]) -> u64 {
    examples.iter().fold(0xcbf2_9ce4_8422_2325, |h, e| {
        let h = fnv(e.text.as_bytes(), h);
        fnv(e.category.id().as_bytes(), fnv(&[0], h))
    })
}

/// All training data, split.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub train: Vec<Example>,
    pub val: Vec<Example>,
    /// [`fingerprint`] of train and validation together, in file order.
    pub fingerprint: u64,
}

impl Corpus {
    pub fn split(all: Vec<Example>) -> Corpus {
        let fingerprint = fingerprint(&all);
        let (val, train) = all.into_iter().partition(|e| is_validation(&e.text));
        Corpus {
            train,
            val,
            fingerprint,
        }
    }

    /// Banking77 (intents mapped through the taxonomy) followed by the zh and en examples.
    pub fn load(banking77: &Path, zh: &Path, en: &Path) -> Result<Corpus, CorpusError> {
        let mut all = read_csv(banking77, Category::for_banking77_intent)?;
        all.extend(read_csv(zh, Category::from_id)?);
        all.extend(read_csv(en, Category::from_id)?);
        Ok(Corpus::split(all))
    }
}

/// Validation figures, written to `model/metrics.json`. No dates, so retraining the same data
/// reproduces the file exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    pub accuracy: f64,
    pub accuracy_en: f64,
    pub accuracy_zh: f64,
    /// Of validation examples labelled urgent, the share the model also calls urgent.
    pub urgent_recall: f64,
    pub recall_account_security: f64,
    pub recall_fraud: f64,
    pub n_train: usize,
    pub n_val: usize,
    pub n_val_en: usize,
    pub n_val_zh: usize,
    pub hash_bits: u8,
    pub features: usize,
    pub model_bytes: usize,
    /// Hex [`fingerprint`] of the data the model was trained on.
    pub data_fingerprint: String,
}

/// Rounds to 4 decimals so the JSON is short and stable.
fn r4(x: Option<f64>) -> f64 {
    (x.unwrap_or(0.0) * 10_000.0).round() / 10_000.0
}

/// Evaluates `model` on the corpus's validation split.
pub fn evaluate(model: &Model, corpus: &Corpus) -> Metrics {
    let (zh, en): (Vec<Example>, Vec<Example>) =
        corpus.val.iter().cloned().partition(|e| is_zh(&e.text));
    let urgent: Vec<&Example> = corpus
        .val
        .iter()
        .filter(|e| e.category.is_urgent())
        .collect();
    let urgent_hit = urgent
        .iter()
        .filter(|e| model.predict(&e.text).category.is_urgent())
        .count();
    Metrics {
        accuracy: r4(accuracy(model, &corpus.val)),
        accuracy_en: r4(accuracy(model, &en)),
        accuracy_zh: r4(accuracy(model, &zh)),
        urgent_recall: r4((!urgent.is_empty()).then(|| urgent_hit as f64 / urgent.len() as f64)),
        recall_account_security: r4(recall(model, &corpus.val, Category::AccountSecurity)),
        recall_fraud: r4(recall(model, &corpus.val, Category::Fraud)),
        n_train: corpus.train.len(),
        n_val: corpus.val.len(),
        n_val_en: en.len(),
        n_val_zh: zh.len(),
        hash_bits: model.hash_bits(),
        features: model.feature_count(),
        model_bytes: model.to_bytes().len(),
        data_fingerprint: format!("{:016x}", corpus.fingerprint),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_handles_quotes_commas_and_newlines() {
        let text = "text,category\n\"a, \"\"quoted\"\" one\",fraud\r\nplain,general\n\"two\nlines\",technical\n";
        let ex = parse_csv(text, "t", Category::from_id).unwrap();
        assert_eq!(
            ex.len(),
            3,
            "three records despite embedded comma and newline"
        );
        assert_eq!(ex[0].text, "a, \"quoted\" one", "doubled quotes unescape");
        assert_eq!(
            ex[2].text, "two\nlines",
            "quoted newline stays in the field"
        );
    }

    #[test]
    fn csv_reports_bad_labels_with_line() {
        let err = parse_csv("text,category\nhello,nope\n", "f.csv", Category::from_id).unwrap_err();
        assert_eq!(
            err.to_string(),
            "f.csv line 2: unknown label 'nope'",
            "errors must point at the line"
        );
    }
}
