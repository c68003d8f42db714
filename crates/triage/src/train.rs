//! Training: plain SGD on the softmax cross-entropy with L2 decay on the rows an example
//! touches. Deterministic by construction: a seeded xorshift shuffles, floats are summed in a
//! fixed order, and nothing iterates a `HashMap`.

use desk_domain::Category;

use crate::corpus::Example;
use crate::features::{for_each_feature, is_zh};
use crate::model::{class_index, softmax, Model, N_CLASSES};

/// Hyper-parameters. `Default` is what `train-triage` ships; chosen by validation accuracy.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainConfig {
    /// Feature hash width (table rows = 2^bits).
    pub bits: u8,
    pub epochs: u32,
    /// Initial learning rate; decays as `lr / (1 + decay * epoch)`.
    pub lr: f32,
    pub decay: f32,
    /// L2 penalty, applied lazily to the rows an example touches.
    pub l2: f32,
    /// Extra weight for Chinese examples: they are ~6% of the data but half of the traffic.
    pub zh_weight: f32,
    /// Class re-weighting exponent: weight = (mean class size / class size)^balance.
    /// 0 = none; higher lifts recall of small classes such as account_security.
    pub balance: f32,
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            bits: 18,
            epochs: 20,
            lr: 1.0,
            decay: 0.2,
            l2: 1e-6,
            zh_weight: 2.0,
            balance: 0.3,
            seed: 0x7269_6167_6521,
        }
    }
}

struct Sample {
    feats: Vec<u32>,
    value: f32,
    class: usize,
    weight: f32,
}

/// Fits a model on `examples`. `fingerprint` is stored in the model (see `corpus::fingerprint`).
pub fn train(examples: &[Example], cfg: &TrainConfig, fingerprint: u64) -> Model {
    let mut counts = [0usize; N_CLASSES];
    for e in examples {
        counts[class_index(e.category)] += 1;
    }
    let present = counts.iter().filter(|c| **c > 0).count().max(1);
    let mean = examples.len() as f32 / present as f32;
    let samples: Vec<Sample> = examples
        .iter()
        .map(|e| {
            let mut feats = Vec::new();
            let n = for_each_feature(&e.text, cfg.bits, |b| feats.push(b));
            let class = class_index(e.category);
            let lang = if is_zh(&e.text) { cfg.zh_weight } else { 1.0 };
            let weight = lang * (mean / counts[class] as f32).powf(cfg.balance);
            Sample {
                feats,
                value: 1.0 / (n.max(1) as f32).sqrt(),
                class,
                weight,
            }
        })
        .collect();

    let mut w = vec![0f32; (1usize << cfg.bits) * N_CLASSES];
    let mut bias = [0f32; N_CLASSES];
    let mut order: Vec<usize> = (0..samples.len()).collect();
    let mut rng = XorShift(cfg.seed | 1);
    let mut p = [0f32; N_CLASSES];
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        let lr = cfg.lr / (1.0 + cfg.decay * epoch as f32);
        for &i in &order {
            let s = &samples[i];
            p.copy_from_slice(&bias);
            for &f in &s.feats {
                let row = &w[f as usize * N_CLASSES..][..N_CLASSES];
                for (pc, wc) in p.iter_mut().zip(row) {
                    *pc += wc * s.value;
                }
            }
            softmax(&mut p);
            p[s.class] -= 1.0; // p is now the gradient of the loss w.r.t. the logits
            let step = lr * s.weight;
            for &f in &s.feats {
                let row = &mut w[f as usize * N_CLASSES..][..N_CLASSES];
                for (wc, g) in row.iter_mut().zip(&p) {
                    *wc -= step * (g * s.value + cfg.l2 * *wc);
                }
            }
            for (b, g) in bias.iter_mut().zip(&p) {
                *b -= step * g * 0.1; // a slower bias keeps the class prior from swamping words
            }
        }
    }
    Model::from_weights(cfg.bits, &w, bias, fingerprint)
}

/// Fraction of `examples` the model labels correctly, or `None` for an empty slice.
pub fn accuracy(model: &Model, examples: &[Example]) -> Option<f64> {
    if examples.is_empty() {
        return None;
    }
    let ok = examples
        .iter()
        .filter(|e| model.predict(&e.text).category == e.category)
        .count();
    Some(ok as f64 / examples.len() as f64)
}

/// Recall of one category: of the examples labelled `c`, the fraction predicted as `c`.
pub fn recall(model: &Model, examples: &[Example], c: Category) -> Option<f64> {
    let of_c: Vec<&Example> = examples.iter().filter(|e| e.category == c).collect();
    if of_c.is_empty() {
        return None;
    }
    let hit = of_c
        .iter()
        .filter(|e| model.predict(&e.text).category == c)
        .count();
    Some(hit as f64 / of_c.len() as f64)
}

/// xorshift64*: tiny, seedable and identical on every platform, unlike `rand`'s defaults.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle(&mut self, v: &mut [usize]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}
