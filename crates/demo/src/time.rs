//! Calendar arithmetic for the dates customers write ("on 3 Nov", "11月3日"), without a date crate.

use desk_domain::Millis;

pub(crate) const SECOND: i64 = 1_000;
pub(crate) const MINUTE: i64 = 60 * SECOND;
pub(crate) const HOUR: i64 = 60 * MINUTE;
pub(crate) const DAY: i64 = 24 * HOUR;

pub(crate) struct Civil {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

/// Local wall-clock time at `offset_hours` from UTC.
pub(crate) fn civil(at: Millis, offset_hours: i64) -> Civil {
    let local = at + offset_hours * HOUR;
    let days = local.div_euclid(DAY);
    let in_day = local.rem_euclid(DAY);
    let (year, month, day) = civil_from_days(days);
    Civil {
        year,
        month,
        day,
        hour: (in_day / HOUR) as u32,
        minute: ((in_day % HOUR) / MINUTE) as u32,
    }
}

/// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian, day 0 = 1970-01-01).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

pub(crate) const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates_convert() {
        let c = civil(0, 0);
        assert_eq!((c.year, c.month, c.day, c.hour), (1970, 1, 1, 0));
        // 2024-02-29T23:30Z is already 1 March in Beijing: the offset must roll the date.
        let leap = 1_709_249_400_000;
        let utc = civil(leap, 0);
        assert_eq!(
            (utc.year, utc.month, utc.day, utc.hour, utc.minute),
            (2024, 2, 29, 23, 30)
        );
        let cn = civil(leap, 8);
        assert_eq!((cn.month, cn.day, cn.hour), (3, 1, 7));
    }
}
