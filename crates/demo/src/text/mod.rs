//! What customers and agents write, per category and language. Templates carry `{slot}`s that
//! `slots::render` fills from the ticket's facts.
//!
//! A category is a set of scenarios (a stolen phone and a phishing link are both "account
//! security" but read differently): a ticket picks one scenario so its subject, first message,
//! notes and resolution agree; the category-wide lines (questions, updates, follow-ups) are
//! worded to fit every scenario of the category.

use desk_domain::Category;

use crate::Lang;

mod en_account;
mod en_common;
mod en_help;
mod en_money;
mod en_other;
mod en_pay;
mod zh_account;
mod zh_common;
mod zh_help;
mod zh_money;
mod zh_other;
mod zh_pay;

type Lines = &'static [&'static str];

pub(crate) struct Scenario {
    /// The tag an agent would put on this kind of case ("" for none).
    pub tag: &'static str,
    /// The case is about a specific payment, so the customer quotes its reference.
    pub money: bool,
    pub subjects: Lines,
    /// The customer's first message, in full.
    pub openings: Lines,
    /// The same problem as a one-liner, for chat and social DMs.
    pub shorts: Lines,
    /// The agent's questions for this kind of case.
    pub asks: Lines,
    /// The customer's answers to them.
    pub answers: Lines,
    /// Internal notes specific to the scenario.
    pub notes: Lines,
    /// The public reply that resolves it.
    pub fixes: Lines,
}

pub(crate) struct Texts {
    pub scenarios: &'static [Scenario],
    /// Questions that fit any scenario of the category.
    pub asks: Lines,
    /// Customer messages that fit any scenario: chasers, screenshots, impatience.
    pub answers: Lines,
    /// Internal notes that fit any scenario, including the escalations that put a case on hold.
    pub notes: Lines,
    /// Progress replies while the case is worked.
    pub updates: Lines,
}

/// The language-wide lines that shape a message for its channel.
pub(crate) struct Common {
    pub email_hello: Lines,
    pub email_extra: Lines,
    pub email_bye: Lines,
    pub agent_hello: Lines,
    pub agent_bye: Lines,
    pub chat_hi: Lines,
    pub chat_lead: Lines,
    pub forum_tail: Lines,
    pub forum_hello: Lines,
    pub forum_private: &'static str,
    pub social_sign: &'static str,
    pub device_line: &'static str,
    pub screenshot: &'static str,
    pub call_open: &'static str,
    /// A phone ticket nobody has picked up yet starts from the voicemail.
    pub voicemail: &'static str,
    pub call_log: &'static str,
    pub call_follow: &'static str,
    pub thanks: Lines,
    pub chasers: Lines,
    pub follow_ups: Lines,
    pub follow_ups_tx: Lines,
    pub tx_label: &'static str,
    pub tx_separator: &'static str,
    pub hostile_lead: Lines,
}

pub(crate) fn texts(lang: Lang, category: Category) -> &'static Texts {
    match (lang, category) {
        (Lang::En, Category::AccountSecurity) => &en_account::ACCOUNT_SECURITY,
        (Lang::En, Category::Fraud) => &en_account::FRAUD,
        (Lang::En, Category::AccountAccess) => &en_account::ACCOUNT_ACCESS,
        (Lang::En, Category::AccountSettings) => &en_other::ACCOUNT_SETTINGS,
        (Lang::En, Category::TopUp) => &en_money::TOP_UP,
        (Lang::En, Category::Transfer) => &en_money::TRANSFER,
        (Lang::En, Category::Withdrawal) => &en_money::WITHDRAWAL,
        (Lang::En, Category::DisputeRefund) => &en_pay::DISPUTE_REFUND,
        (Lang::En, Category::CardsPayments) => &en_pay::CARDS_PAYMENTS,
        (Lang::En, Category::FeesLimits) => &en_pay::FEES_LIMITS,
        (Lang::En, Category::RegionCompliance) => &en_other::REGION_COMPLIANCE,
        (Lang::En, Category::Technical) => &en_help::TECHNICAL,
        (Lang::En, Category::General) => &en_help::GENERAL,
        (Lang::Zh, Category::AccountSecurity) => &zh_account::ACCOUNT_SECURITY,
        (Lang::Zh, Category::Fraud) => &zh_account::FRAUD,
        (Lang::Zh, Category::AccountAccess) => &zh_account::ACCOUNT_ACCESS,
        (Lang::Zh, Category::AccountSettings) => &zh_other::ACCOUNT_SETTINGS,
        (Lang::Zh, Category::TopUp) => &zh_money::TOP_UP,
        (Lang::Zh, Category::Transfer) => &zh_money::TRANSFER,
        (Lang::Zh, Category::Withdrawal) => &zh_money::WITHDRAWAL,
        (Lang::Zh, Category::DisputeRefund) => &zh_pay::DISPUTE_REFUND,
        (Lang::Zh, Category::CardsPayments) => &zh_pay::CARDS_PAYMENTS,
        (Lang::Zh, Category::FeesLimits) => &zh_pay::FEES_LIMITS,
        (Lang::Zh, Category::RegionCompliance) => &zh_other::REGION_COMPLIANCE,
        (Lang::Zh, Category::Technical) => &zh_help::TECHNICAL,
        (Lang::Zh, Category::General) => &zh_help::GENERAL,
    }
}

pub(crate) fn common(lang: Lang) -> &'static Common {
    match lang {
        Lang::En => &en_common::COMMON,
        Lang::Zh => &zh_common::COMMON,
    }
}

/// Every template, for tests that check slots and wording across the whole table.
#[cfg(test)]
pub(crate) fn all_templates(lang: Lang) -> Vec<&'static str> {
    let mut out = Vec::new();
    for c in Category::ALL {
        let t = texts(lang, *c);
        for s in t.scenarios {
            for lines in [
                s.subjects, s.openings, s.shorts, s.asks, s.answers, s.notes, s.fixes,
            ] {
                out.extend_from_slice(lines);
            }
        }
        for lines in [t.asks, t.answers, t.notes, t.updates] {
            out.extend_from_slice(lines);
        }
    }
    let c = common(lang);
    for lines in [
        c.email_hello,
        c.email_extra,
        c.email_bye,
        c.agent_hello,
        c.agent_bye,
        c.chat_hi,
        c.chat_lead,
        c.forum_tail,
        c.forum_hello,
        c.thanks,
        c.chasers,
        c.follow_ups,
        c.follow_ups_tx,
        c.hostile_lead,
    ] {
        out.extend_from_slice(lines);
    }
    out.extend_from_slice(&[
        c.forum_private,
        c.social_sign,
        c.device_line,
        c.screenshot,
        c.call_open,
        c.voicemail,
        c.call_log,
        c.call_follow,
    ]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Generator;

    fn batch(n: i64) -> Vec<desk_domain::TicketRecord> {
        let mut g = Generator::new(13, 1_793_000_000_000);
        (1..=n).map(|id| g.ticket(id)).collect()
    }

    #[test]
    fn both_languages_tell_the_same_scenarios_with_enough_variety() {
        for c in Category::ALL {
            let (zh, en) = (texts(Lang::Zh, *c), texts(Lang::En, *c));
            let tags = |t: &Texts| t.scenarios.iter().map(|s| s.tag).collect::<Vec<_>>();
            assert_eq!(
                tags(zh),
                tags(en),
                "{c}: zh and en scenarios must correspond"
            );
            let subjects: usize = en.scenarios.iter().map(|s| s.subjects.len()).sum();
            let openings: usize = zh.scenarios.iter().map(|s| s.openings.len()).sum();
            assert!(
                subjects >= 6 && openings >= 6,
                "{c}: too few subject or body variants"
            );
            for s in zh.scenarios.iter().chain(en.scenarios) {
                let lists = [
                    s.subjects, s.openings, s.shorts, s.asks, s.answers, s.notes, s.fixes,
                ];
                assert!(
                    lists.iter().all(|l| !l.is_empty()),
                    "{c}/{}: empty list",
                    s.tag
                );
            }
        }
    }

    #[test]
    fn every_template_uses_known_slots_and_renders_completely() {
        for lang in [Lang::Zh, Lang::En] {
            for t in all_templates(lang) {
                let bad = crate::slots::unknown_slots(t);
                assert!(bad.is_empty(), "unknown slots {bad:?} in template: {t}");
            }
        }
        for t in batch(1_000) {
            let texts = std::iter::once(&t.subject).chain(t.messages.iter().map(|m| &m.body));
            for text in texts {
                assert!(
                    !text.contains('{'),
                    "ticket {}: unfilled slot in {text}",
                    t.id
                );
            }
        }
    }
}
