//! What the channel connectors (mail gateway, chat widget, phone system, in-app feedback,
//! social and forum bridges) post to the hub for each customer message.

use desk_domain::{Channel, Millis, TicketId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct IntakeMessage {
    /// A taxonomy channel id; anything else is refused.
    #[cfg_attr(feature = "utoipa", schema(value_type = String, example = "email"))]
    pub channel: Channel,
    /// The channel's own conversation key: the email thread's first Message-ID, a chat session,
    /// a social conversation or a forum thread. Messages with the same key join one ticket.
    #[serde(default)]
    pub external_thread_id: Option<String>,
    pub customer: CustomerRef,
    #[serde(default)]
    pub subject: Option<String>,
    /// Stored exactly as received. For email, the text part (the gateway derives one from the
    /// HTML when the mail has none): triage, search and previews read only this.
    pub body: String,
    /// An email's HTML part, stored as received (at most 256 KiB); consoles show it only
    /// sanitized, in a frame where no script runs.
    #[serde(default)]
    pub html: Option<String>,
    /// Files sent with the message. Images of an allowed type up to 1 MiB keep their bytes;
    /// any other file is kept by name and size only.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// When the customer sent it, if the channel knows; otherwise the hub's receipt time.
    #[serde(default)]
    #[cfg_attr(feature = "utoipa", schema(value_type = Option<i64>))]
    pub sent_at: Option<Millis>,
    #[serde(default)]
    pub in_app: Option<InAppMeta>,
    #[serde(default)]
    pub call: Option<CallMeta>,
}

/// Whatever the channel knows about the sender; at least one of wallet account, email or phone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct CustomerRef {
    pub wallet_account_id: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub name: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
}

/// In-app feedback carries the device it came from, which technical cases need first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct InAppMeta {
    pub device: String,
    pub os_version: String,
    pub app_version: String,
    #[serde(default)]
    pub screenshots: Vec<Attachment>,
}

/// A file sent with a message: either its bytes (standard base64) or, when the connector keeps
/// the file itself, only its size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct Attachment {
    pub name: String,
    pub content_type: String,
    #[serde(default)]
    pub bytes_b64: Option<String>,
    #[serde(default)]
    pub size: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct CallMeta {
    pub duration_s: u32,
    pub direction: CallDirection,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CallDirection {
    Inbound,
    Outbound,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct IntakeResult {
    #[cfg_attr(feature = "utoipa", schema(value_type = i64))]
    pub ticket_id: TicketId,
    /// False when the message joined an existing ticket.
    pub created: bool,
    pub message_id: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_channels_do_not_parse() {
        let bad =
            serde_json::json!({"channel": "fax", "customer": {"email": "a@b.c"}, "body": "x"});
        assert!(serde_json::from_value::<IntakeMessage>(bad).is_err());
        let ok =
            serde_json::json!({"channel": "in_app", "customer": {"email": "a@b.c"}, "body": "x"});
        let m: IntakeMessage = serde_json::from_value(ok).unwrap();
        assert_eq!(m.channel, Channel::InApp);
        assert_eq!(m.external_thread_id, None);
        assert_eq!(m.html, None, "connectors that send no HTML need not say so");
        assert!(m.attachments.is_empty());
    }
}
