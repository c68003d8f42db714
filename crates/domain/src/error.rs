//! The one error shape that crosses every boundary (Tauri IPC now, the hub's HTTP API later):
//! `{"code": "...", "message": "..."}`. The UI branches on `code` only; `message` is for people.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Only the codes the UI acts on differently. Anything else is `Internal`, which the UI shows
/// as "something went wrong" with the message; adding a code is a UI change, so keep this small.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The caller sent something malformed or out of range; the UI shows the message inline.
    InvalidInput,
    /// The ticket (or other record) is not in the local replica.
    NotFound,
    /// The local database could not be opened or is busy beyond the timeout; retrying can help.
    StoreUnavailable,
    /// A bug or an unexpected failure.
    Internal,
    /// Sign-in: the hub does not know this agent and password.
    WrongCredentials,
    /// Sign-in: nothing answered at the hub's address, or it was too busy to.
    HubUnreachable,
    /// Sign-in: something answered, but not as a hub does.
    NotAHub,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[error("{code:?}: {message}")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidInput, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::NotFound, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_json_shape_is_pinned() {
        let json =
            serde_json::to_value(ApiError::not_found("ticket 7 is not in the replica")).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "not_found", "message": "ticket 7 is not in the replica"}),
            "the UI matches on exactly these two keys and snake_case codes"
        );
    }
}
