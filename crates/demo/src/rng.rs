//! Random streams. Each ticket, customer and follow-up draws from its own stream derived from
//! the seed, so any one of them can be regenerated alone and in any order.

use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};

pub(crate) type DemoRng = SmallRng;

pub(crate) const TICKET: u64 = 1;
pub(crate) const CUSTOMER: u64 = 2;
pub(crate) const FOLLOW_UP: u64 = 3;
pub(crate) const INCOMING: u64 = 4;

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A stream for item `n` of kind `stream`. Mixing twice keeps neighbouring ids (1, 2, 3…) from
/// producing correlated tickets.
pub(crate) fn derive(seed: u64, stream: u64, n: u64) -> DemoRng {
    SmallRng::seed_from_u64(splitmix(splitmix(seed ^ splitmix(stream)) ^ n))
}

pub(crate) fn pick<'a, T>(rng: &mut DemoRng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

pub(crate) fn line(rng: &mut DemoRng, lines: &[&'static str]) -> &'static str {
    lines[rng.random_range(0..lines.len())]
}

pub(crate) fn weighted<T: Copy>(rng: &mut DemoRng, items: &[(T, u32)]) -> T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut r = rng.random_range(0..total);
    for &(value, weight) in items {
        if r < weight {
            return value;
        }
        r -= weight;
    }
    items[items.len() - 1].0
}

pub(crate) fn chance(rng: &mut DemoRng, p: f64) -> bool {
    rng.random_bool(p)
}

/// A value in `lo..=hi` skewed towards `lo`: most replies come quickly, a few take long, which
/// is what a real queue's response-time histogram looks like.
pub(crate) fn skewed(rng: &mut DemoRng, lo: i64, hi: i64) -> i64 {
    let u: f64 = rng.random();
    lo + ((hi - lo) as f64 * u * u) as i64
}

/// `n` random digits appended to `out`.
pub(crate) fn digits(rng: &mut DemoRng, out: &mut String, n: usize) {
    for _ in 0..n {
        out.push(char::from(b'0' + rng.random_range(0..10u8)));
    }
}
