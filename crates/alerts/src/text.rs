//! Notification wording, in the agent's language.
//!
//! Operating systems keep notification history on disk (GNOME, KDE, the Windows Action Center,
//! macOS's Notification Center database), so the text carries no personal data: only the
//! ticket number, the category name and the channel name. That holds by construction: the
//! inputs here ([`Alert`], [`Summary`]) have no field that could carry a name, an email, a
//! phone, a wallet or transaction id, a subject or a message.

use desk_domain::{Category, Channel, Localized, TicketId};
use serde::{Deserialize, Serialize};

use crate::{Alert, Notice, Summary};

/// The agent's interface language; spelled like the UI's locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN", alias = "zh")]
    Zh,
}

impl Language {
    /// `zh`, `zh-CN`, `zh-Hans`... are Chinese; anything else is English.
    pub fn from_tag(tag: &str) -> Language {
        if tag.to_ascii_lowercase().starts_with("zh") {
            Language::Zh
        } else {
            Language::En
        }
    }

    fn pick(self, name: Localized) -> String {
        match self {
            Language::En => name.en,
            Language::Zh => name.zh,
        }
    }
}

/// What a notification says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationText {
    /// The title line.
    pub summary: String,
    pub body: String,
    /// The label of the default action (a click on the notification).
    pub action_label: String,
}

impl Notice {
    /// The notification's wording in `lang`.
    pub fn text(&self, lang: Language) -> NotificationText {
        match self {
            Notice::Single(alert) => alert_text(alert, lang),
            Notice::Summary(summary) => summary_text(summary, lang),
        }
    }
}

fn category_name(category: Category, lang: Language) -> String {
    lang.pick(category.name())
}

/// The taxonomy's English channel names explain themselves in parentheses ("In-app feedback
/// (may carry screenshots, ...)"); a notification has room for the name only.
fn channel_name(channel: Channel, lang: Language) -> String {
    let name = lang.pick(channel.name());
    let cut = name
        .find(" (")
        .or_else(|| name.find('（'))
        .unwrap_or(name.len());
    name[..cut].trim_end().to_string()
}

fn ticket_line(ticket_id: TicketId, channel: Channel, lang: Language) -> String {
    let channel = channel_name(channel, lang);
    match lang {
        Language::En => format!("Ticket #{ticket_id} · {channel}"),
        Language::Zh => format!("工单 #{ticket_id} · {channel}"),
    }
}

fn open_ticket(lang: Language) -> String {
    match lang {
        Language::En => "Open ticket",
        Language::Zh => "打开工单",
    }
    .to_string()
}

fn alert_text(alert: &Alert, lang: Language) -> NotificationText {
    let (summary, body) = match alert {
        Alert::UrgentTicket {
            ticket_id,
            category,
            channel,
        } => {
            let category = category_name(*category, lang);
            let summary = match lang {
                Language::En => format!("Urgent: {category}"),
                Language::Zh => format!("紧急：{category}"),
            };
            (summary, ticket_line(*ticket_id, *channel, lang))
        }
        Alert::SlaSoon {
            ticket_id,
            category,
            channel,
            ..
        } => {
            let category = category_name(*category, lang);
            let summary = match lang {
                Language::En => format!("SLA at risk: {category}"),
                Language::Zh => format!("SLA 即将超时：{category}"),
            };
            (summary, ticket_line(*ticket_id, *channel, lang))
        }
        Alert::NeedsAttention { ticket_id, .. } => match lang {
            Language::En => (
                format!("Reply held: ticket #{ticket_id}"),
                "The customer or another agent wrote since you drafted it. Review it before it is sent."
                    .to_string(),
            ),
            Language::Zh => (
                format!("回复已暂缓：工单 #{ticket_id}"),
                "起草后客户或其他客服有新消息，请核对后再发送。".to_string(),
            ),
        },
    };
    NotificationText {
        summary,
        body,
        action_label: open_ticket(lang),
    }
}

fn summary_text(s: &Summary, lang: Language) -> NotificationText {
    let (total, urgent) = (s.total(), s.urgent_count());
    let summary = match lang {
        Language::En if urgent == total => format!("{total} urgent {}", plural(total, "ticket")),
        Language::En if urgent > 0 => format!("{total} alerts, {urgent} urgent"),
        Language::En => format!("{total} alerts"),
        Language::Zh if urgent == total => format!("{total} 个紧急工单"),
        Language::Zh if urgent > 0 => format!("{total} 条提醒，其中 {urgent} 个紧急"),
        Language::Zh => format!("{total} 条提醒"),
    };
    let sep = match lang {
        Language::En => ": ",
        Language::Zh => "：",
    };
    let mut parts: Vec<String> = s
        .urgent
        .iter()
        .map(|(category, n)| format!("{}{sep}{n}", category_name(*category, lang)))
        .collect();
    if s.sla_soon > 0 {
        let label = match lang {
            Language::En => "SLA at risk",
            Language::Zh => "SLA 即将超时",
        };
        parts.push(format!("{label}{sep}{}", s.sla_soon));
    }
    if s.needs_attention > 0 {
        let label = match lang {
            Language::En => "Replies held",
            Language::Zh => "回复已暂缓",
        };
        parts.push(format!("{label}{sep}{}", s.needs_attention));
    }
    let action_label = match (s.open, lang) {
        (Some(_), _) => open_ticket(lang),
        (None, Language::En) => "Show urgent tickets".to_string(),
        (None, Language::Zh) => "查看紧急工单".to_string(),
    };
    NotificationText {
        summary,
        body: parts.join(" · "),
        action_label,
    }
}

fn plural(n: u32, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urgent(id: TicketId, category: Category, channel: Channel) -> Notice {
        Notice::Single(Alert::UrgentTicket {
            ticket_id: id,
            category,
            channel,
        })
    }

    #[test]
    fn urgent_alert_names_category_ticket_and_channel() {
        let n = urgent(1234, Category::Fraud, Channel::WebChat);
        assert_eq!(
            n.text(Language::En),
            NotificationText {
                summary: "Urgent: Fraud and unauthorized transactions".into(),
                body: "Ticket #1234 · Live chat".into(),
                action_label: "Open ticket".into(),
            }
        );
        assert_eq!(
            n.text(Language::Zh),
            NotificationText {
                summary: "紧急：欺诈与未授权交易".into(),
                body: "工单 #1234 · 在线聊天".into(),
                action_label: "打开工单".into(),
            }
        );
    }

    #[test]
    fn channel_names_drop_their_explanations() {
        let names: Vec<String> = Channel::ALL
            .iter()
            .map(|c| channel_name(*c, Language::En))
            .collect();
        assert_eq!(
            names,
            [
                "Live chat",
                "Email",
                "Phone hotline",
                "In-app feedback",
                "Social media direct messages",
                "Community forum"
            ]
        );
        for c in Channel::ALL {
            assert_eq!(channel_name(*c, Language::Zh), c.name().zh);
        }
    }

    #[test]
    fn sla_and_attention_wording() {
        let sla = Notice::Single(Alert::SlaSoon {
            ticket_id: 88,
            category: Category::Withdrawal,
            channel: Channel::Email,
            due_at: 0,
        });
        assert_eq!(sla.text(Language::En).summary, "SLA at risk: Withdrawals");
        assert_eq!(sla.text(Language::Zh).summary, "SLA 即将超时：提现");
        assert_eq!(sla.text(Language::En).body, "Ticket #88 · Email");
        let held = Notice::Single(Alert::NeedsAttention {
            ticket_id: 89,
            edit_id: "edit-secret-id".into(),
        });
        let text = held.text(Language::En);
        assert_eq!(text.summary, "Reply held: ticket #89");
        assert!(!format!("{text:?}").contains("edit-secret-id"));
    }

    #[test]
    fn summaries_count_per_category_in_both_languages() {
        let s = Notice::Summary(Summary {
            urgent: vec![(Category::AccountSecurity, 2), (Category::Fraud, 3)],
            sla_soon: 0,
            needs_attention: 0,
            open: None,
        });
        assert_eq!(
            s.text(Language::En),
            NotificationText {
                summary: "5 urgent tickets".into(),
                body: "Account security: 2 · Fraud and unauthorized transactions: 3".into(),
                action_label: "Show urgent tickets".into(),
            }
        );
        assert_eq!(s.text(Language::Zh).summary, "5 个紧急工单");
        assert_eq!(
            s.text(Language::Zh).body,
            "账户安全：2 · 欺诈与未授权交易：3"
        );

        let mixed = Notice::Summary(Summary {
            urgent: vec![(Category::Fraud, 1)],
            sla_soon: 2,
            needs_attention: 1,
            open: None,
        });
        assert_eq!(mixed.text(Language::En).summary, "4 alerts, 1 urgent");
        assert_eq!(
            mixed.text(Language::En).body,
            "Fraud and unauthorized transactions: 1 · SLA at risk: 2 · Replies held: 1"
        );
        assert_eq!(mixed.text(Language::Zh).summary, "4 条提醒，其中 1 个紧急");
    }

    #[test]
    fn language_tags_follow_the_ui_locale() {
        assert_eq!(Language::from_tag("zh-CN"), Language::Zh);
        assert_eq!(Language::from_tag("en-GB"), Language::En);
        assert_eq!(
            serde_json::from_str::<Language>("\"zh-CN\"").unwrap(),
            Language::Zh
        );
        assert_eq!(
            serde_json::from_str::<Language>("\"zh\"").unwrap(),
            Language::Zh
        );
        assert_eq!(serde_json::to_string(&Language::En).unwrap(), "\"en\"");
    }
}
