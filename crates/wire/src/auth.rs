//! Signing in to the hub.

use desk_domain::{Agent, Millis};
use serde::{Deserialize, Serialize};

/// Either `agent_id` or `email` names the agent.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    #[serde(default)]
    pub agent_id: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    pub password: String,
}

/// Hand-written so a logged request never shows the password.
impl std::fmt::Debug for LoginRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginRequest")
            .field("agent_id", &self.agent_id)
            .field("email", &self.email)
            .field("password", &"<redacted>")
            .finish()
    }
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct LoginResponse {
    /// Send as `Authorization: Bearer <token>`. The hub keeps only its hash.
    pub token: String,
    #[cfg_attr(feature = "utoipa", schema(value_type = Object))]
    pub agent: Agent,
    #[cfg_attr(feature = "utoipa", schema(value_type = i64))]
    pub expires_at: Millis,
}

impl std::fmt::Debug for LoginResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginResponse")
            .field("token", &"<redacted>")
            .field("agent", &self.agent)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_secrets() {
        let req = LoginRequest {
            agent_id: Some("a".into()),
            email: None,
            password: "hunter2".into(),
        };
        assert!(
            !format!("{req:?}").contains("hunter2"),
            "passwords must not reach logs"
        );
    }
}
