//! Where the console keeps the hub's session token: the OS keychain, never a file or web
//! storage. One entry per hub and agent, under the service `wallet-desk` and the account
//! `<agent>@<hub url>`. Only the token is kept; the password is used once to sign in.
//!
//! The calls block (Secret Service is a D-Bus round trip, and may start the keyring daemon),
//! so async callers run them on a blocking thread.

use std::fmt;

/// The keychain service name every entry of the console is filed under.
pub const SERVICE: &str = "wallet-desk";

/// Which session a token belongs to: one hub and one agent.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionKey {
    hub_url: String,
    agent_id: String,
}

impl SessionKey {
    /// A trailing slash does not make another hub.
    pub fn new(hub_url: &str, agent_id: &str) -> Self {
        Self {
            hub_url: hub_url.trim_end_matches('/').to_string(),
            agent_id: agent_id.to_string(),
        }
    }

    pub fn hub_url(&self) -> &str {
        &self.hub_url
    }

    pub fn agent_id(&self) -> &str {
        &self.agent_id
    }

    /// The keychain account name: what a person sees in Seahorse or Keychain Access.
    pub fn account(&self) -> String {
        format!("{}@{}", self.agent_id, self.hub_url)
    }
}

impl fmt::Debug for SessionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.account())
    }
}

/// Why the keychain could not answer. Messages never contain the token.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeychainError {
    /// No keychain service runs, or it refused access (locked, no D-Bus session).
    #[error("the system keychain is not available: {0}")]
    Unavailable(String),
    /// The keychain answered, but with something unusable (a damaged entry).
    #[error("the system keychain failed: {0}")]
    Failed(String),
}

/// The session tokens the console keeps. One implementation per platform keychain; the trait
/// is the seam that lets the shell be handed a keychain rather than reach for a global.
pub trait Keychain: Send + Sync {
    /// Keeps `token` for `key`, replacing any earlier one.
    fn save(&self, key: &SessionKey, token: &str) -> Result<(), KeychainError>;
    /// The kept token, or `None` when there is none.
    fn token(&self, key: &SessionKey) -> Result<Option<String>, KeychainError>;
    /// Removes the token; `false` when there was none.
    fn forget(&self, key: &SessionKey) -> Result<bool, KeychainError>;
}

/// The operating system's keychain, through the `keyring` crate.
#[derive(Debug, Clone)]
pub struct OsKeychain {
    service: String,
}

impl Default for OsKeychain {
    fn default() -> Self {
        Self::new(SERVICE)
    }
}

impl OsKeychain {
    /// Entries filed under `service` (the app uses [`SERVICE`]).
    pub fn new(service: &str) -> Self {
        Self {
            service: service.to_string(),
        }
    }

    fn entry(&self, key: &SessionKey) -> Result<keyring::Entry, KeychainError> {
        keyring::Entry::new(&self.service, &key.account()).map_err(classify)
    }
}

impl Keychain for OsKeychain {
    fn save(&self, key: &SessionKey, token: &str) -> Result<(), KeychainError> {
        self.entry(key)?.set_password(token).map_err(classify)
    }

    fn token(&self, key: &SessionKey) -> Result<Option<String>, KeychainError> {
        match self.entry(key)?.get_password() {
            Ok(t) => Ok(Some(t)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(classify(e)),
        }
    }

    fn forget(&self, key: &SessionKey) -> Result<bool, KeychainError> {
        match self.entry(key)?.delete_credential() {
            Ok(()) => Ok(true),
            Err(keyring::Error::NoEntry) => Ok(false),
            Err(e) => Err(classify(e)),
        }
    }
}

fn classify(e: keyring::Error) -> KeychainError {
    match e {
        keyring::Error::PlatformFailure(_) | keyring::Error::NoStorageAccess(_) => {
            KeychainError::Unavailable(e.to_string())
        }
        other => KeychainError::Failed(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_names_agent_and_hub_without_trailing_slash() {
        let key = SessionKey::new("https://hub.example/", "lin.yue");
        assert_eq!(
            key.account(),
            "lin.yue@https://hub.example",
            "the same hub with or without a slash must find the same entry"
        );
        assert_eq!(key, SessionKey::new("https://hub.example", "lin.yue"));
    }
}
