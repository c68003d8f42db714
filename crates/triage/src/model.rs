//! The classifier: multinomial logistic regression over hashed features, weights quantised to
//! `i8` with one shared scale. On disk only the non-zero rows are kept (delta-coded buckets), so
//! the committed file stays small; in memory the table is dense so a lookup is one index.

use std::sync::OnceLock;

use desk_domain::Category;
use serde::{Deserialize, Serialize};

use crate::features::{for_each_feature, FEATURE_VERSION};

/// Number of categories the model scores, in `Category::ALL` order.
pub const N_CLASSES: usize = 13;

const MAGIC: &[u8; 4] = b"DTRM";
const FORMAT_VERSION: u8 = 1;

/// The model trained by `train-triage`, compiled in so neither console nor hub needs a file.
static EMBEDDED: &[u8] = include_bytes!("../model/triage.model");

/// Why model bytes were refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("not a triage model (bad magic)")]
    BadMagic,
    #[error("unsupported model format {0}; retrain with this version of desk-triage")]
    Format(u8),
    #[error("model uses feature version {found}, this build extracts version {expected}; retrain")]
    FeatureVersion { found: u8, expected: u8 },
    #[error("model categories {0:?} do not match the taxonomy; retrain")]
    Categories(Vec<String>),
    #[error("model file is truncated or corrupt at byte {0}")]
    Corrupt(usize),
}

/// A model's answer for one text.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Prediction {
    pub category: Category,
    /// Softmax probability of `category`, in `[0, 1]`.
    pub confidence: f32,
    /// Probability of every category, indexed like `Category::ALL`.
    pub scores: [f32; N_CLASSES],
}

/// A trained classifier. Cheap to share: `predict` takes `&self` and allocates nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    bits: u8,
    scale: f32,
    bias: [f32; N_CLASSES],
    /// Dense `(1 << bits) × N_CLASSES` table of quantised weights.
    table: Vec<i8>,
    fingerprint: u64,
}

impl Model {
    /// The model shipped inside this crate, parsed on first use.
    pub fn embedded() -> &'static Model {
        static PARSED: OnceLock<Model> = OnceLock::new();
        // The bytes are fixed at compile time and parsed by a test, so failure is a build defect.
        PARSED.get_or_init(|| Model::from_bytes(EMBEDDED).expect("embedded triage.model parses"))
    }

    /// Quantises trained float weights (`(1 << bits) × N_CLASSES`, row-major) into a model.
    pub fn from_weights(
        bits: u8,
        weights: &[f32],
        bias: [f32; N_CLASSES],
        fingerprint: u64,
    ) -> Model {
        assert_eq!(
            weights.len(),
            (1usize << bits) * N_CLASSES,
            "weight table size"
        );
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        let table = weights
            .iter()
            .map(|w| (w / scale).round().clamp(-127.0, 127.0) as i8)
            .collect();
        Model {
            bits,
            scale,
            bias,
            table,
            fingerprint,
        }
    }

    /// Scores `text`. Text with no usable characters is `General` with confidence 0, since
    /// the bias alone would just name the most common training category.
    pub fn predict(&self, text: &str) -> Prediction {
        let mut acc = [0i32; N_CLASSES];
        let n = for_each_feature(text, self.bits, |b| {
            let row = &self.table[b as usize * N_CLASSES..][..N_CLASSES];
            for (a, w) in acc.iter_mut().zip(row) {
                *a += i32::from(*w);
            }
        });
        if n == 0 {
            let mut scores = [0.0; N_CLASSES];
            scores[class_index(Category::General)] = 1.0;
            return Prediction {
                category: Category::General,
                confidence: 0.0,
                scores,
            };
        }
        // Features are weighted 1/sqrt(n) so long and short tickets score on one scale.
        let norm = self.scale / (n as f32).sqrt();
        let mut scores = [0f32; N_CLASSES];
        for ((s, a), b) in scores.iter_mut().zip(acc).zip(self.bias) {
            *s = b + a as f32 * norm;
        }
        softmax(&mut scores);
        let best = argmax(&scores);
        Prediction {
            category: Category::ALL[best],
            confidence: scores[best],
            scores,
        }
    }

    /// Hash of the training data this model was fitted on (see `corpus::fingerprint`), so a
    /// test can tell that the committed model is stale.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// Feature-hash width: the table has `2^bits` rows.
    pub fn hash_bits(&self) -> u8 {
        self.bits
    }

    /// Rows with at least one non-zero weight: the features the model actually uses.
    pub fn feature_count(&self) -> usize {
        self.table
            .chunks_exact(N_CLASSES)
            .filter(|r| r.iter().any(|w| *w != 0))
            .count()
    }

    /// Serialises to the committed file format; deterministic for a given model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.feature_count() * (N_CLASSES + 2));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&[FORMAT_VERSION, FEATURE_VERSION, self.bits, N_CLASSES as u8]);
        for c in Category::ALL {
            out.push(c.id().len() as u8);
            out.extend_from_slice(c.id().as_bytes());
        }
        out.extend_from_slice(&self.scale.to_le_bytes());
        for b in self.bias {
            out.extend_from_slice(&b.to_le_bytes());
        }
        out.extend_from_slice(&self.fingerprint.to_le_bytes());
        out.extend_from_slice(&(self.feature_count() as u32).to_le_bytes());
        let mut last = 0usize;
        for (i, row) in self.table.chunks_exact(N_CLASSES).enumerate() {
            if row.iter().all(|w| *w == 0) {
                continue;
            }
            write_varint(&mut out, (i - last) as u64);
            last = i;
            out.extend(row.iter().map(|w| *w as u8));
        }
        out
    }

    /// Parses the format written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(4)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let head = r.take(4)?;
        if head[0] != FORMAT_VERSION {
            return Err(ModelError::Format(head[0]));
        }
        if head[1] != FEATURE_VERSION {
            return Err(ModelError::FeatureVersion {
                found: head[1],
                expected: FEATURE_VERSION,
            });
        }
        let (bits, n) = (head[2], usize::from(head[3]));
        if !(8..=24).contains(&bits) {
            return Err(ModelError::Corrupt(r.pos));
        }
        let mut ids = Vec::with_capacity(n);
        for _ in 0..n {
            let len = usize::from(r.take(1)?[0]);
            ids.push(String::from_utf8_lossy(r.take(len)?).into_owned());
        }
        // Category order is the class order, so any taxonomy change requires retraining.
        if !ids
            .iter()
            .map(String::as_str)
            .eq(Category::ALL.iter().map(|c| c.id()))
        {
            return Err(ModelError::Categories(ids));
        }
        let scale = r.f32()?;
        let mut bias = [0f32; N_CLASSES];
        for b in &mut bias {
            *b = r.f32()?;
        }
        let fingerprint = u64::from_le_bytes(r.take(8)?.try_into().expect("8 bytes"));
        let rows = u32::from_le_bytes(r.take(4)?.try_into().expect("4 bytes")) as usize;
        let size = 1usize << bits;
        let mut table = vec![0i8; size * N_CLASSES];
        let mut row = 0usize;
        for i in 0..rows {
            let delta = r.varint()? as usize;
            if i > 0 && delta == 0 {
                return Err(ModelError::Corrupt(r.pos));
            }
            row = row
                .checked_add(delta)
                .filter(|&x| x < size)
                .ok_or(ModelError::Corrupt(r.pos))?;
            for (dst, src) in table[row * N_CLASSES..][..N_CLASSES]
                .iter_mut()
                .zip(r.take(N_CLASSES)?)
            {
                *dst = *src as i8;
            }
        }
        if r.pos != bytes.len() {
            return Err(ModelError::Corrupt(r.pos));
        }
        Ok(Model {
            bits,
            scale,
            bias,
            table,
            fingerprint,
        })
    }
}

/// Position of `c` in `Category::ALL`, which is the model's class order.
pub fn class_index(c: Category) -> usize {
    Category::ALL
        .iter()
        .position(|x| *x == c)
        .expect("every category is in ALL")
}

pub(crate) fn softmax(s: &mut [f32]) {
    let max = s.iter().fold(f32::NEG_INFINITY, |m, x| m.max(*x));
    let mut sum = 0.0;
    for x in s.iter_mut() {
        *x = (*x - max).exp();
        sum += *x;
    }
    for x in s.iter_mut() {
        *x /= sum;
    }
}

/// First index of the largest score, so ties resolve deterministically.
pub(crate) fn argmax(s: &[f32]) -> usize {
    let mut best = 0;
    for (i, x) in s.iter().enumerate() {
        if *x > s[best] {
            best = i;
        }
    }
    best
}

fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or(ModelError::Corrupt(self.pos))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }

    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(ModelError::Corrupt(self.pos))
    }
}
