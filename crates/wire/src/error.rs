//! The hub's HTTP error body: the same `{code, message}` shape as the console's `ApiError`, with
//! the codes an HTTP client acts on. Kept separate from `desk_domain::ErrorCode` because codes
//! like `unauthorized` mean nothing across the console's IPC boundary.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HubErrorCode {
    /// Malformed or out-of-range input; fix the request, retrying as-is cannot help.
    InvalidInput,
    /// No bearer token, an unknown one, or an expired one: sign in again.
    Unauthorized,
    /// The ticket (or other record) does not exist on the hub.
    NotFound,
    /// The request collides with existing state, e.g. an edit id another agent already used.
    Conflict,
    /// The body exceeds the endpoint's limit.
    PayloadTooLarge,
    /// The hub's database is busy or shutting down; retrying later can help.
    StoreUnavailable,
    /// A bug or an unexpected failure.
    Internal,
}

impl HubErrorCode {
    /// Whether sending the same request again later may succeed. A sync engine keeps queued
    /// edits for retry only on these codes and surfaces the others to the agent.
    pub fn retry_helps(self) -> bool {
        matches!(
            self,
            HubErrorCode::StoreUnavailable | HubErrorCode::Internal
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct HubError {
    pub code: HubErrorCode,
    pub message: String,
}

impl HubError {
    pub fn new(code: HubErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for HubError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.code, self.message)
    }
}

impl std::error::Error for HubError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_body_matches_the_console_shape() {
        let json =
            serde_json::to_value(HubError::new(HubErrorCode::Unauthorized, "sign in")).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "unauthorized", "message": "sign in"}),
            "clients branch on the same two keys as the console's ApiError"
        );
    }

    #[test]
    fn only_transient_codes_invite_a_retry() {
        assert!(HubErrorCode::StoreUnavailable.retry_helps());
        assert!(!HubErrorCode::InvalidInput.retry_helps());
        assert!(!HubErrorCode::Conflict.retry_helps());
    }
}
