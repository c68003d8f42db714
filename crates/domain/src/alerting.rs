//! What the agent chose to be interrupted for, and when not. The settings cross IPC (the
//! console's settings panel edits them); `desk-alerts` acts on them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Category, Millis, TicketId};

const MINUTES_PER_DAY: i64 = 24 * 60;

/// The agent's notification settings. Every field has a default, so settings saved by an older
/// version (or an empty `{}`) load without error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AlertSettings {
    /// Urgent-ticket notifications per category. A category missing here (one added to the
    /// taxonomy after the settings were saved) follows [`Category::is_urgent`].
    pub categories: BTreeMap<Category, bool>,
    /// Warn before one of my tickets breaches its SLA.
    pub sla_soon: bool,
    /// Tell me when a reply I queued came back held.
    pub needs_attention: bool,
    /// No notifications in this daily span, except urgent ones when `urgent_overrides_quiet`.
    /// What it holds back is dropped, not queued (the console's lists still show it) and not
    /// recorded as sent, so a later change or SLA check after the span can still raise it.
    pub quiet_hours: Option<QuietHours>,
    /// Security and fraud cases break through quiet hours: money can leave a stolen account
    /// while the agent is not looking.
    pub urgent_overrides_quiet: bool,
    /// How long before the SLA breach the warning comes.
    pub sla_lead_minutes: u32,
    /// When many alerts arrive together, one summary replaces them.
    pub burst: BurstRule,
}

impl Default for AlertSettings {
    fn default() -> Self {
        AlertSettings {
            categories: Category::ALL.iter().map(|c| (*c, c.is_urgent())).collect(),
            sla_soon: true,
            needs_attention: true,
            quiet_hours: None,
            urgent_overrides_quiet: true,
            sla_lead_minutes: 15,
            burst: BurstRule::default(),
        }
    }
}

impl AlertSettings {
    /// Whether urgent-ticket notifications are on for `category`.
    pub fn category_enabled(&self, category: Category) -> bool {
        self.categories
            .get(&category)
            .copied()
            .unwrap_or_else(|| category.is_urgent())
    }

    pub fn sla_lead_ms(&self) -> Millis {
        Millis::from(self.sla_lead_minutes) * 60_000
    }

    /// Whether `now` falls in the quiet hours, for an agent whose clock is `utc_offset_minutes`
    /// ahead of UTC (the caller passes it in: it changes with daylight saving time).
    pub fn is_quiet(&self, now: Millis, utc_offset_minutes: i32) -> bool {
        self.quiet_hours
            .is_some_and(|q| q.contains(local_minute_of_day(now, utc_offset_minutes)))
    }
}

/// A daily span of local time, as minutes after midnight. `start` is in the span, `end` is not;
/// a span whose end is before its start wraps midnight (22:00-07:00). Equal ends mean an empty
/// span, so a half-edited setting never silences everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct QuietHours {
    pub start_minute: u16,
    pub end_minute: u16,
}

impl QuietHours {
    /// Whether the local `minute` of the day (0..1440) is quiet.
    pub fn contains(self, minute: u16) -> bool {
        let (start, end) = (self.start_minute, self.end_minute);
        if start <= end {
            start <= minute && minute < end
        } else {
            minute >= start || minute < end
        }
    }
}

/// The agent's local minute of the day at `now`.
pub fn local_minute_of_day(now: Millis, utc_offset_minutes: i32) -> u16 {
    let minutes = now.div_euclid(60_000) + i64::from(utc_offset_minutes);
    // rem_euclid keeps times before 1970 and negative offsets in 0..1440.
    u16::try_from(minutes.rem_euclid(MINUTES_PER_DAY)).unwrap_or(0)
}

/// More than `threshold` alerts within `window_seconds` become one summary notification.
/// Urgent cases are counted apart, so reminders never delay one (see desk-alerts' `Burst`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct BurstRule {
    pub threshold: u32,
    pub window_seconds: u32,
}

impl Default for BurstRule {
    fn default() -> Self {
        BurstRule {
            threshold: 3,
            window_seconds: 10,
        }
    }
}

impl BurstRule {
    pub fn window_ms(self) -> Millis {
        Millis::from(self.window_seconds) * 1_000
    }
}

impl AlertSettings {
    /// Checks settings that came from outside (the settings panel, a hand-edited file) before
    /// they are saved: a nonsense value is refused with a reason, never clamped silently.
    pub fn validate(&self) -> Result<(), String> {
        if let Some(q) = self.quiet_hours {
            if q.start_minute >= MINUTES_PER_DAY as u16 || q.end_minute >= MINUTES_PER_DAY as u16 {
                return Err("quiet hours must be times of day between 00:00 and 23:59".into());
            }
        }
        if !(1..=MAX_SLA_LEAD_MINUTES).contains(&self.sla_lead_minutes) {
            return Err(format!(
                "the SLA warning must come 1 to {MAX_SLA_LEAD_MINUTES} minutes before the deadline"
            ));
        }
        if self.burst.threshold == 0
            || !(1..=MAX_BURST_WINDOW_SECONDS).contains(&self.burst.window_seconds)
        {
            return Err(format!(
                "a burst needs a threshold of at least 1 and a window of 1 to {MAX_BURST_WINDOW_SECONDS} seconds"
            ));
        }
        Ok(())
    }
}

/// An SLA warning earlier than a working day ahead is noise, not a warning.
pub const MAX_SLA_LEAD_MINUTES: u32 = 8 * 60;
/// Holding alerts back longer than this would delay a fraud case.
pub const MAX_BURST_WINDOW_SECONDS: u32 = 120;

/// A notification shown inside the window, because no notification service took it (none on
/// the session bus, or it did not answer in time). The same words as the native one: the
/// ticket number, category and channel, never customer data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InWindowAlert {
    pub summary: String,
    pub body: String,
    /// The ticket to open on click; `None` for a summary of several (open the urgent view).
    pub ticket_id: Option<TicketId>,
    pub urgent: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: Millis = 3_600_000;

    #[test]
    fn validation_refuses_nonsense_with_a_reason() {
        assert_eq!(AlertSettings::default().validate(), Ok(()));
        let bad_hours = AlertSettings {
            quiet_hours: Some(QuietHours {
                start_minute: 1440,
                end_minute: 60,
            }),
            ..AlertSettings::default()
        };
        assert!(bad_hours.validate().unwrap_err().contains("quiet hours"));
        let no_lead = AlertSettings {
            sla_lead_minutes: 0,
            ..AlertSettings::default()
        };
        assert!(no_lead.validate().unwrap_err().contains("SLA"));
        let zero_burst = AlertSettings {
            burst: BurstRule {
                threshold: 0,
                window_seconds: 10,
            },
            ..AlertSettings::default()
        };
        assert!(zero_burst.validate().unwrap_err().contains("burst"));
    }

    #[test]
    fn defaults_turn_on_urgent_categories_sla_and_attention_only() {
        let s = AlertSettings::default();
        assert!(s.category_enabled(Category::Fraud));
        assert!(s.category_enabled(Category::AccountSecurity));
        assert!(!s.category_enabled(Category::TopUp));
        assert!(s.sla_soon && s.needs_attention && s.urgent_overrides_quiet);
        assert_eq!(s.sla_lead_minutes, 15);
        assert_eq!(
            s.burst,
            BurstRule {
                threshold: 3,
                window_seconds: 10
            }
        );
        assert_eq!(s.quiet_hours, None);
    }

    #[test]
    fn settings_round_trip_and_missing_fields_take_defaults() {
        let empty: AlertSettings = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, AlertSettings::default());

        let partial: AlertSettings = serde_json::from_str(
            r#"{"categories": {"top_up": true}, "quiet_hours": {"start_minute": 1320, "end_minute": 420}}"#,
        )
        .unwrap();
        assert!(partial.category_enabled(Category::TopUp));
        assert!(
            partial.category_enabled(Category::Fraud),
            "an unlisted category follows its urgent flag"
        );
        assert!(!partial.category_enabled(Category::Withdrawal));
        assert_eq!(partial.sla_lead_minutes, 15);

        let json = serde_json::to_string(&partial).unwrap();
        assert_eq!(
            serde_json::from_str::<AlertSettings>(&json).unwrap(),
            partial
        );
    }

    #[test]
    fn quiet_hours_may_wrap_midnight() {
        let night = QuietHours {
            start_minute: 22 * 60,
            end_minute: 7 * 60,
        };
        assert!(night.contains(22 * 60));
        assert!(night.contains(23 * 60 + 59));
        assert!(night.contains(0));
        assert!(night.contains(6 * 60 + 59));
        assert!(!night.contains(7 * 60), "the end is not quiet");
        assert!(!night.contains(12 * 60));

        let lunch = QuietHours {
            start_minute: 12 * 60,
            end_minute: 13 * 60,
        };
        assert!(lunch.contains(12 * 60 + 30));
        assert!(!lunch.contains(13 * 60));
        assert!(!lunch.contains(11 * 60));

        let empty = QuietHours {
            start_minute: 600,
            end_minute: 600,
        };
        assert!((0..1440).all(|m| !empty.contains(m)));
    }

    #[test]
    fn quiet_hours_are_in_the_agents_local_time() {
        let s = AlertSettings {
            quiet_hours: Some(QuietHours {
                start_minute: 22 * 60,
                end_minute: 7 * 60,
            }),
            ..AlertSettings::default()
        };
        // 2026-01-01T15:30Z is 23:30 in Shanghai (UTC+8) and 10:30 in New York (UTC-5).
        let t = 1_767_281_400_000;
        assert_eq!(local_minute_of_day(t, 0), 15 * 60 + 30);
        assert!(s.is_quiet(t, 8 * 60));
        assert!(!s.is_quiet(t, -5 * 60));
        assert!(!s.is_quiet(t, 0));
        // 03:00 UTC is 22:00 the day before in UTC-5: the wrap works across the date line.
        assert!(s.is_quiet(t + 11 * HOUR + 30 * 60_000, -5 * 60));
        assert_eq!(local_minute_of_day(-60_000, 0), 1439);
    }
}
