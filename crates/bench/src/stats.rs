//! Medians, percentiles and spread of repeated measurements. Sorting is enough at these sample
//! counts (at most a few thousand), and exact values beat a histogram's buckets.

use serde::{Deserialize, Serialize};

/// What the report says about one set of samples.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub samples: usize,
    pub median: f64,
    pub p50: f64,
    pub p95: f64,
    pub min: f64,
    pub max: f64,
    /// The interquartile range: where the middle half of the samples fell.
    pub q1: f64,
    pub q3: f64,
}

impl Summary {
    /// `None` for no samples: a figure that measured nothing must not look like zero.
    pub fn of(samples: &[f64]) -> Option<Summary> {
        let mut sorted: Vec<f64> = samples.iter().copied().filter(|v| v.is_finite()).collect();
        if sorted.is_empty() {
            return None;
        }
        sorted.sort_by(f64::total_cmp);
        let median = percentile(&sorted, 50.0);
        Some(Summary {
            samples: sorted.len(),
            median,
            p50: median,
            p95: percentile(&sorted, 95.0),
            min: sorted[0],
            max: sorted[sorted.len() - 1],
            q1: percentile(&sorted, 25.0),
            q3: percentile(&sorted, 75.0),
        })
    }
}

/// The `p`th percentile of sorted samples, interpolating linearly between the two nearest
/// ranks (the common "type 7" definition, as in numpy and R's default), so the median of an
/// even count is the mean of the middle two.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    match sorted.len() {
        0 => f64::NAN,
        1 => sorted[0],
        n => {
            let rank = (p / 100.0).clamp(0.0, 1.0) * (n - 1) as f64;
            let low = rank.floor() as usize;
            let high = rank.ceil() as usize;
            sorted[low] + (sorted[high] - sorted[low]) * (rank - low as f64)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate_between_ranks() {
        let s = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(percentile(&s, 50.0), 2.5);
        assert_eq!(percentile(&s, 0.0), 1.0);
        assert_eq!(percentile(&s, 100.0), 4.0);
        let hundred: Vec<f64> = (1..=100).map(f64::from).collect();
        assert!((percentile(&hundred, 95.0) - 95.05).abs() < 1e-9);
    }

    #[test]
    fn summary_sorts_and_ignores_non_finite_samples() {
        let s = Summary::of(&[5.0, f64::NAN, 1.0, 3.0]).unwrap();
        assert_eq!((s.samples, s.median, s.min, s.max), (3, 3.0, 1.0, 5.0));
        assert_eq!((s.q1, s.q3), (2.0, 4.0));
        assert!(Summary::of(&[]).is_none());
        assert_eq!(Summary::of(&[7.0]).unwrap().p95, 7.0);
    }
}
