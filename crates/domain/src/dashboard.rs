//! The numbers behind the agent's dashboard: where the open work sits, what breached its SLA
//! today, and how urgent cases have come in. Days are the agent's local days, so "today" is
//! computed from a UTC offset the caller passes in (no clock or time zone is read here).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Category, Millis};

const DAY_MS: Millis = 24 * 60 * 60_000;
/// The longest history the urgent chart asks for: two weeks fits a glance, a quarter is ample.
pub const MAX_DASHBOARD_DAYS: u32 = 90;
/// UTC offsets on Earth run from -12:00 to +14:00.
const MAX_OFFSET_MINUTES: i32 = 14 * 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CategoryCount {
    pub category: Category,
    pub count: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DayCount {
    /// The local midnight the day starts at, as Unix milliseconds.
    pub day_start: Millis,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Dashboard {
    /// Active tickets per category, every category listed (zeros included), in taxonomy order.
    pub open_by_category: Vec<CategoryCount>,
    /// Active tickets whose SLA deadline passed between local midnight and now.
    pub breaches_today: u32,
    /// The same breaches per category; only categories with at least one.
    pub breaches_by_category: Vec<CategoryCount>,
    /// Urgent (security and fraud) tickets created per local day, oldest first, today last.
    pub urgent_by_day: Vec<DayCount>,
}

/// The agent's local calendar at one instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalDay {
    pub now: Millis,
    /// Minutes east of UTC (UTC+8 is 480), as `-Date.getTimezoneOffset()` in the webview.
    pub utc_offset_minutes: i32,
}

impl LocalDay {
    pub fn new(now: Millis, utc_offset_minutes: i32) -> Result<Self, String> {
        if utc_offset_minutes.abs() > MAX_OFFSET_MINUTES {
            return Err(format!(
                "a UTC offset is between -{MAX_OFFSET_MINUTES} and {MAX_OFFSET_MINUTES} minutes, got {utc_offset_minutes}"
            ));
        }
        Ok(Self {
            now,
            utc_offset_minutes,
        })
    }

    /// The instant today began (local midnight), as Unix milliseconds.
    pub fn today_start(&self) -> Millis {
        let offset = Millis::from(self.utc_offset_minutes) * 60_000;
        (self.now + offset).div_euclid(DAY_MS) * DAY_MS - offset
    }

    /// The local midnights of the last `days` days, oldest first, today last.
    pub fn day_starts(&self, days: u32) -> Vec<Millis> {
        let today = self.today_start();
        (0..Millis::from(days))
            .rev()
            .map(|back| today - back * DAY_MS)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-11-22 01:30 UTC: still the 21st in New York, already the 22nd in Shanghai.
    const NOW: Millis = 1_795_311_000_000;

    #[test]
    fn today_starts_at_local_midnight_on_either_side_of_utc() {
        let shanghai = LocalDay::new(NOW, 480).unwrap();
        let new_york = LocalDay::new(NOW, -300).unwrap();
        let utc_midnight_22nd = NOW - 90 * 60_000;
        assert_eq!(
            shanghai.today_start(),
            utc_midnight_22nd - 8 * 3_600_000,
            "in UTC+8 the 22nd began at 16:00 UTC on the 21st"
        );
        assert_eq!(
            new_york.today_start(),
            utc_midnight_22nd - DAY_MS + 5 * 3_600_000,
            "in UTC-5 it is still the 21st, which began at 05:00 UTC"
        );
        assert!(shanghai.today_start() <= NOW && NOW - shanghai.today_start() < DAY_MS);
        assert!(new_york.today_start() <= NOW && NOW - new_york.today_start() < DAY_MS);
    }

    #[test]
    fn day_starts_run_oldest_first_and_end_today() {
        let d = LocalDay::new(NOW, 480).unwrap();
        let days = d.day_starts(14);
        assert_eq!(days.len(), 14);
        assert_eq!(*days.last().unwrap(), d.today_start());
        assert!(days.windows(2).all(|w| w[1] - w[0] == DAY_MS));
    }

    #[test]
    fn impossible_offsets_are_refused() {
        assert!(LocalDay::new(NOW, 15 * 60).is_err());
        assert!(LocalDay::new(NOW, -(15 * 60)).is_err());
        assert!(LocalDay::new(NOW, 14 * 60).is_ok());
    }
}
