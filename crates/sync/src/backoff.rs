//! Retry delays: exponential with full jitter, capped, and never shorter than a server's
//! `Retry-After`. Jitter spreads a fleet of consoles that lost the hub at the same moment, so
//! they do not all come back in the same second.

use std::time::Duration;

use rand::Rng;

#[derive(Debug, Clone)]
pub struct Backoff {
    pub base: Duration,
    pub cap: Duration,
    /// The longest `Retry-After` honoured; a hub asking for more is retried at this.
    pub retry_after_cap: Duration,
    failures: u32,
}

impl Default for Backoff {
    fn default() -> Self {
        Self::new(Duration::from_millis(500), Duration::from_secs(30))
    }
}

impl Backoff {
    pub fn new(base: Duration, cap: Duration) -> Self {
        Self {
            base,
            cap,
            retry_after_cap: Duration::from_secs(300),
            failures: 0,
        }
    }

    pub fn reset(&mut self) {
        self.failures = 0;
    }

    pub fn failures(&self) -> u32 {
        self.failures
    }

    /// The delay before the next attempt after one more failure.
    pub fn next_delay(&mut self, retry_after: Option<Duration>) -> Duration {
        self.failures = self.failures.saturating_add(1);
        let exp = self
            .base
            .saturating_mul(1u32 << self.failures.min(16).saturating_sub(1))
            .min(self.cap);
        // Full jitter, but at least half the step: a zero delay would hammer a hub that is down.
        let millis = exp.as_millis() as u64;
        let jittered = Duration::from_millis(rand::rng().random_range(millis / 2..=millis.max(1)));
        match retry_after {
            Some(server) => server.min(self.retry_after_cap).max(jittered.min(self.cap)),
            None => jittered,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_and_stay_capped() {
        let mut b = Backoff::new(Duration::from_millis(100), Duration::from_secs(2));
        let first = b.next_delay(None);
        assert!(first <= Duration::from_millis(100) && first >= Duration::from_millis(50));
        for _ in 0..50 {
            assert!(
                b.next_delay(None) <= Duration::from_secs(2),
                "the cap bounds every delay"
            );
        }
        b.reset();
        assert!(
            b.next_delay(None) <= Duration::from_millis(100),
            "success starts over"
        );
    }

    #[test]
    fn retry_after_is_honoured_within_its_cap() {
        let mut b = Backoff::new(Duration::from_millis(100), Duration::from_secs(2));
        assert!(
            b.next_delay(Some(Duration::from_secs(7))) >= Duration::from_secs(7),
            "the hub asked for 7 s; coming back sooner only earns another 429"
        );
        let mut b = Backoff::new(Duration::from_millis(100), Duration::from_secs(2));
        assert_eq!(
            b.next_delay(Some(Duration::from_secs(86_400))),
            Duration::from_secs(300)
        );
    }
}
