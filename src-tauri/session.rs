//! Signing in to a hub from the sign-in screen, resuming a kept session at start, and signing
//! out. The hub's session token lives in the OS keychain only; the password is used once, for
//! the sign-in request, and is never kept. The replica stays on sign-out: its binding to one
//! hub and agent refuses to mix in another's queue.

use std::time::Duration;

use desk_domain::{ApiError, ErrorCode, SessionInfo};
use desk_keychain::SessionKey;
use desk_store::StoreError;
use desk_sync::{Engine, HubClient, SignInError, SyncError};
use tauri::{AppHandle, Runtime};

use crate::workspace::Console;

/// Sign-out tells the hub to end the session, but never waits long for it: the token leaves
/// the keychain either way.
const LOGOUT_TIMEOUT: Duration = Duration::from_secs(3);

/// A hub address as typed: http or https with a host, nothing else.
pub fn hub_url(text: &str) -> Result<String, ApiError> {
    let text = text.trim();
    let bad = || {
        ApiError::invalid(format!(
            "'{text}' is not a hub address: it must start with http:// or https://"
        ))
    };
    let url = tauri::Url::parse(text).map_err(|_| bad())?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
        return Err(bad());
    }
    Ok(text.trim_end_matches('/').to_string())
}

fn sign_in_error(e: SignInError) -> ApiError {
    let code = match e {
        SignInError::WrongCredentials => ErrorCode::WrongCredentials,
        SignInError::Unreachable(_) => ErrorCode::HubUnreachable,
        SignInError::NotAHub(_) => ErrorCode::NotAHub,
    };
    ApiError::new(code, e.to_string())
}

impl Console {
    /// At start, for a real hub: the token kept for `url` and `agent` resumes the session;
    /// without one the window shows the sign-in form, filled with what is known.
    pub(crate) fn resume_or_sign_in<R: Runtime>(
        &self,
        app: AppHandle<R>,
        url: Option<String>,
        agent: Option<String>,
    ) {
        let signed_out = SessionInfo::SignedOut {
            hub_url: url.clone(),
            agent_id: agent.clone(),
        };
        let (Some(url), Some(agent)) = (url, agent) else {
            return self.set_session(signed_out);
        };
        let token = match self.keychain.token(&SessionKey::new(&url, &agent)) {
            Ok(Some(token)) => token,
            Ok(None) => return self.set_session(signed_out),
            Err(e) => {
                // The agent can still sign in; the new token then fails to save, and says why.
                eprintln!("wallet-desk: {e}");
                return self.set_session(signed_out);
            }
        };
        let engine = match Engine::resume(self.store.clone(), &url, &agent, token) {
            Ok(engine) => engine,
            Err(e) => {
                eprintln!("wallet-desk: sync did not start: {e}");
                return self.set_session(signed_out);
            }
        };
        self.set_session(SessionInfo::SignedIn {
            hub_url: url,
            agent_id: agent,
        });
        let console = self.clone();
        tauri::async_runtime::spawn(async move { console.run_engine(app, engine).await });
    }

    /// The loop found the hub no longer accepts the kept token: it is useless, so it leaves
    /// the keychain, and the window goes to the sign-in form.
    pub(crate) async fn session_ended(&self) {
        if let SessionInfo::SignedIn { hub_url, agent_id } = self.session() {
            self.forget_token(SessionKey::new(&hub_url, &agent_id))
                .await;
            self.set_session(SessionInfo::SignedOut {
                hub_url: Some(hub_url),
                agent_id: Some(agent_id),
            });
        }
        drop(self.take_sync());
    }

    /// Signs in with the form's details, binds the replica, keeps the token in the keychain and
    /// starts syncing. Nothing is kept when any step fails.
    pub async fn sign_in<R: Runtime>(
        &self,
        app: AppHandle<R>,
        hub_url_text: &str,
        login: &str,
        password: &str,
    ) -> Result<SessionInfo, ApiError> {
        match self.session() {
            SessionInfo::Demo => {
                return Err(ApiError::invalid(
                    "the demo workspace is signed in already; open another workspace for a hub",
                ))
            }
            SessionInfo::SignedIn { .. } => {
                return Err(ApiError::invalid("already signed in; sign out first"))
            }
            SessionInfo::SignedOut { .. } => {}
        }
        let url = hub_url(hub_url_text)?;
        let login = login.trim();
        if login.is_empty() {
            return Err(ApiError::invalid("enter your agent id or email"));
        }
        if password.is_empty() {
            return Err(ApiError::invalid("enter your password"));
        }
        let client = HubClient::new(&url).map_err(|e| ApiError::internal(e.to_string()))?;
        let answer = client
            .sign_in(login, password)
            .await
            .map_err(sign_in_error)?;
        let agent_id = answer.agent.id.clone();
        let token = answer.token.clone();
        let kept = async {
            let mut engine = Engine::resume(self.store.clone(), &url, &agent_id, token.clone())
                .map_err(|e| ApiError::internal(e.to_string()))?;
            engine.bind(Some(answer.agent)).await.map_err(|e| match e {
                SyncError::Store(StoreError::Invalid(m)) => ApiError::invalid(m),
                SyncError::Store(e) => e.into(),
                other => ApiError::new(ErrorCode::HubUnreachable, other.to_string()),
            })?;
            let key = SessionKey::new(&url, &agent_id);
            let chain = self.keychain.clone();
            let secret = token.clone();
            tauri::async_runtime::spawn_blocking(move || chain.save(&key, &secret))
                .await
                .map_err(|e| ApiError::internal(e.to_string()))?
                .map_err(|e| ApiError::internal(e.to_string()))?;
            Ok::<_, ApiError>(engine)
        }
        .await;
        let engine = match kept {
            Ok(engine) => engine,
            Err(e) => {
                // A session nobody keeps must not stay valid on the hub.
                end_on_hub(&url, token).await;
                return Err(e);
            }
        };
        let info = SessionInfo::SignedIn {
            hub_url: url,
            agent_id,
        };
        self.set_session(info.clone());
        let console = self.clone();
        tauri::async_runtime::spawn(async move { console.run_engine(app, engine).await });
        Ok(info)
    }

    /// Stops syncing, ends the session on the hub when it answers, and removes the token from
    /// the keychain. The replica and its queued edits stay for the next sign-in.
    pub async fn sign_out(&self) -> Result<SessionInfo, ApiError> {
        let SessionInfo::SignedIn { hub_url, agent_id } = self.session() else {
            return Err(ApiError::invalid(
                "nobody is signed in to a hub here (the demo workspace has no sign-out)",
            ));
        };
        if let Some(sync) = self.take_sync() {
            sync.shutdown().await;
        }
        let key = SessionKey::new(&hub_url, &agent_id);
        let chain = self.keychain.clone();
        let lookup = key.clone();
        if let Ok(Ok(Some(token))) =
            tauri::async_runtime::spawn_blocking(move || chain.token(&lookup)).await
        {
            end_on_hub(&hub_url, token).await;
        }
        // A keychain that fails now is logged, not fatal: syncing has stopped and the hub has
        // ended the session, so a token left behind no longer opens anything.
        self.forget_token(key).await;
        let info = SessionInfo::SignedOut {
            hub_url: Some(hub_url),
            agent_id: Some(agent_id),
        };
        self.set_session(info.clone());
        Ok(info)
    }

    async fn forget_token(&self, key: SessionKey) {
        let chain = self.keychain.clone();
        match tauri::async_runtime::spawn_blocking(move || chain.forget(&key)).await {
            Ok(Err(e)) => eprintln!("wallet-desk: {e}"),
            Err(e) => eprintln!("wallet-desk: {e}"),
            Ok(Ok(_)) => {}
        }
    }
}

/// Best effort: a hub that is down or slow keeps the token until it expires, which is fine
/// because the console no longer has it.
async fn end_on_hub(url: &str, token: String) {
    let Ok(mut client) = HubClient::new(url) else {
        return;
    };
    client.set_timeout(LOGOUT_TIMEOUT);
    client.set_token(Some(token));
    let _ = client.logout().await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hub_addresses_are_http_or_https_with_a_host() {
        assert_eq!(
            hub_url(" https://hub.example/ ").unwrap(),
            "https://hub.example",
            "spaces and a trailing slash are tidied, so the keychain entry is the same"
        );
        assert_eq!(
            hub_url("http://127.0.0.1:8080").unwrap(),
            "http://127.0.0.1:8080"
        );
        for bad in [
            "",
            "hub.example",
            "ftp://hub.example",
            "file:///etc/passwd",
            "https://",
        ] {
            let e = hub_url(bad).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidInput, "{bad:?} must be refused");
            assert!(
                e.message.contains("http://"),
                "the message says what is expected"
            );
        }
    }
}
