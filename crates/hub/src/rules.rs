//! The hub's decisions that do not depend on a database: input checks, how a status reacts to
//! a customer message, when a reply must be held. Every backend calls these, so they stay the
//! same when PostgreSQL arrives, and they are tested here as plain functions.

use std::collections::BTreeSet;

use base64::Engine as _;
use desk_domain::{Customer, DeviceInfo, Millis, Status, Verification};
use desk_wire::{Attachment, CustomerRef, EditOp, EditOutcome, IntakeMessage};

const MAX_EDIT_ID: usize = 128;
const MAX_TAGS_PER_EDIT: usize = 50;
const MAX_THREAD_KEY: usize = 512;
const MAX_SUBJECT_CHARS: usize = 200;
/// A derived subject is the first line of the body, cut to this length.
const DERIVED_SUBJECT_CHARS: usize = 80;
/// An email's HTML part; newsletters-sized mail is not a support request.
pub const MAX_HTML_BYTES: usize = 256 * 1024;
/// Files a connector may send with its bytes, decoded; larger files come by name and size.
pub const MAX_ATTACHMENT_BYTES: usize = 5 * 1024 * 1024;
const MAX_ATTACHMENTS: usize = 20;
const MAX_FILE_NAME_CHARS: usize = 255;
const MAX_CONTENT_TYPE: usize = 100;

pub fn validate_intake(msg: &IntakeMessage) -> Result<(), String> {
    let who = &msg.customer;
    let has_key = [&who.wallet_account_id, &who.email, &who.phone]
        .iter()
        .any(|k| k.as_deref().is_some_and(|v| !v.trim().is_empty()));
    if !has_key {
        return Err("customer needs a wallet_account_id, email or phone".into());
    }
    if msg.body.trim().is_empty() {
        return Err("body is empty".into());
    }
    if let Some(key) = &msg.external_thread_id {
        if key.is_empty() || key.len() > MAX_THREAD_KEY {
            return Err(format!(
                "external_thread_id must be 1 to {MAX_THREAD_KEY} bytes"
            ));
        }
    }
    if msg
        .subject
        .as_ref()
        .is_some_and(|s| s.chars().count() > MAX_SUBJECT_CHARS)
    {
        return Err(format!(
            "subject is longer than {MAX_SUBJECT_CHARS} characters"
        ));
    }
    if msg.html.as_ref().is_some_and(|h| h.len() > MAX_HTML_BYTES) {
        return Err(format!("html is larger than {} KiB", MAX_HTML_BYTES / 1024));
    }
    let files: Vec<&Attachment> = attachments_of(msg).collect();
    if files.len() > MAX_ATTACHMENTS {
        return Err(format!(
            "a message carries at most {MAX_ATTACHMENTS} attachments and screenshots"
        ));
    }
    for file in files {
        check_attachment(file)?;
    }
    Ok(())
}

/// Email attachments, then in-app screenshots.
fn attachments_of(msg: &IntakeMessage) -> impl Iterator<Item = &Attachment> {
    msg.attachments
        .iter()
        .chain(msg.in_app.iter().flat_map(|m| &m.screenshots))
}

fn decode(file: &Attachment, b64: &str) -> Result<Vec<u8>, String> {
    base64::engine::general_purpose::STANDARD
        .decode(b64)
        .map_err(|e| format!("attachment '{}' is not valid base64: {e}", file.name))
}

fn check_attachment(file: &Attachment) -> Result<(), String> {
    if file.name.trim().is_empty() || file.name.chars().count() > MAX_FILE_NAME_CHARS {
        return Err(format!(
            "attachment names are 1 to {MAX_FILE_NAME_CHARS} characters"
        ));
    }
    if file.content_type.len() > MAX_CONTENT_TYPE || file.content_type.chars().any(char::is_control)
    {
        return Err(format!(
            "attachment '{}' has an invalid content_type",
            file.name
        ));
    }
    match (&file.bytes_b64, file.size) {
        (None, None) => Err(format!(
            "attachment '{}' has neither bytes nor size",
            file.name
        )),
        (Some(b64), size) => {
            // Base64 is 4 characters per 3 bytes: refuse before decoding a huge string.
            if b64.len() / 4 * 3 > MAX_ATTACHMENT_BYTES + 3 {
                return Err(format!(
                    "attachment '{}' is larger than {} MiB; send its size without bytes",
                    file.name,
                    MAX_ATTACHMENT_BYTES / 1024 / 1024
                ));
            }
            let bytes = decode(file, b64)?;
            if bytes.len() > MAX_ATTACHMENT_BYTES {
                return Err(format!(
                    "attachment '{}' is larger than {} MiB; send its size without bytes",
                    file.name,
                    MAX_ATTACHMENT_BYTES / 1024 / 1024
                ));
            }
            if size.is_some_and(|s| s != bytes.len() as u64) {
                return Err(format!(
                    "attachment '{}' size does not match its bytes",
                    file.name
                ));
            }
            Ok(())
        }
        (None, Some(_)) => Ok(()),
    }
}

/// What the thread keeps of a validated message's files: every file by name, type and size,
/// and the bytes only of small images of an allowed type (the rest stays with the connector).
pub fn kept_attachments(msg: &IntakeMessage) -> Vec<desk_domain::Attachment> {
    attachments_of(msg)
        .map(|file| {
            let content_type = file.content_type.trim().to_ascii_lowercase();
            let bytes = file.bytes_b64.as_deref().and_then(|b| decode(file, b).ok());
            let size = bytes
                .as_ref()
                .map_or(file.size.unwrap_or(0), |b| b.len() as u64);
            let data_b64 = bytes
                .filter(|_| desk_domain::Attachment::inline_image(&content_type, size))
                .map(|b| base64::engine::general_purpose::STANDARD.encode(b));
            desk_domain::Attachment {
                name: file.name.clone(),
                content_type,
                size,
                data_b64,
            }
        })
        .collect()
}

/// The device in-app feedback came from.
pub fn device_of(msg: &IntakeMessage) -> Option<DeviceInfo> {
    msg.in_app.as_ref().map(|m| DeviceInfo {
        device: m.device.clone(),
        os_version: m.os_version.clone(),
        app_version: m.app_version.clone(),
    })
}

/// A customer first seen in this message. Unknown wallet account and country stay empty
/// rather than invented.
pub fn new_customer(who: &CustomerRef, id: String) -> Customer {
    let name = [&who.name, &who.email, &who.phone, &who.wallet_account_id]
        .into_iter()
        .flatten()
        .find(|v| !v.trim().is_empty())
        .cloned()
        .unwrap_or_default();
    Customer {
        id,
        wallet_account_id: who.wallet_account_id.clone().unwrap_or_default(),
        name,
        email: who.email.clone(),
        phone: who.phone.clone(),
        country: who.country.clone().unwrap_or_default(),
        verification: Verification::Unverified,
    }
}

/// The subject given, else the body's first line, shortened. Never empty.
pub fn subject_for(msg: &IntakeMessage) -> String {
    if let Some(s) = msg.subject.as_ref().filter(|s| !s.trim().is_empty()) {
        return s.clone();
    }
    let first = msg
        .body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let mut subject: String = first.chars().take(DERIVED_SUBJECT_CHARS).collect();
    if first.chars().count() > DERIVED_SUBJECT_CHARS {
        subject.push('…');
    }
    subject
}

/// A customer writing again puts the ball back in our court.
pub fn status_after_customer_message(status: Status) -> Status {
    match status {
        Status::Pending | Status::Solved => Status::Open,
        other => other,
    }
}

/// The channel's send time, but never in the future: a skewed clock must not push a message
/// past the SLA clock or reorder a thread.
pub fn message_time(sent_at: Option<Millis>, now: Millis) -> Millis {
    sent_at.map_or(now, |t| t.min(now))
}

/// Call details, kept with the message as JSON. The device and screenshots of in-app
/// feedback have columns of their own ([`device_of`], [`kept_attachments`]), replicated with
/// the thread; keeping them here too would store every screenshot twice.
pub fn intake_meta(msg: &IntakeMessage) -> Option<String> {
    msg.call
        .as_ref()
        .map(|call| serde_json::json!({ "call": call }).to_string())
}

pub fn validate_edit_id(id: &str) -> Result<(), String> {
    if id.is_empty() || id.len() > MAX_EDIT_ID {
        return Err(format!("edit_id must be 1 to {MAX_EDIT_ID} bytes"));
    }
    Ok(())
}

/// The domain's checks (the same ones the console runs before queueing), then the hub's own
/// limits, which protect the server rather than describe a valid edit.
pub fn validate_op(op: &EditOp) -> Result<(), String> {
    op.validate()?;
    if let EditOp::AddTags { tags } | EditOp::RemoveTags { tags } = op {
        if tags.len() > MAX_TAGS_PER_EDIT {
            return Err(format!("an edit carries 1 to {MAX_TAGS_PER_EDIT} tags"));
        }
        // Control characters would reach every replica's UI and logs.
        if tags.iter().any(|t| t.chars().any(char::is_control)) {
            return Err("tags are printable characters only".into());
        }
    }
    Ok(())
}

/// Tags as a set: trimmed, deduplicated, sorted.
pub fn tag_set(tags: &[String]) -> Vec<String> {
    tags.iter()
        .map(|t| t.trim().to_owned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// A reply based on `base_version` has not seen anything written after it. `foreign` is the
/// newest version produced by the customer or by someone other than the replying agent.
pub fn reply_is_stale(base_version: i64, foreign: Option<i64>) -> bool {
    foreign.is_some_and(|v| v > base_version)
}

/// What a retried edit id gets: the first answer, with "applied" saying it was not applied
/// again.
pub fn answer_for_retry(first: EditOutcome) -> EditOutcome {
    match first {
        EditOutcome::Applied { version } => EditOutcome::Duplicate { version },
        other => other,
    }
}

#[cfg(test)]
mod tests;
