//! Signing in from the console's form, resuming a kept session, and what happens when the hub
//! ends it: the engine asks for a new sign-in instead of retrying with a password it lacks.

use std::time::Duration;

use desk_domain::Connectivity;
use desk_sync::{Engine, HubClient, RunOptions, SignInError, SyncError, SyncEvent};

use crate::support::{agent, hub, sync, Console};

#[tokio::test]
async fn sign_in_failures_say_what_to_check() {
    let hub = hub().await;
    let client = HubClient::new(&hub.hub.url()).unwrap();
    assert_eq!(
        client
            .sign_in(&agent(0), "not-the-password")
            .await
            .unwrap_err(),
        SignInError::WrongCredentials,
        "a wrong password is told apart from network trouble"
    );
    let ok = client.sign_in(&agent(0), "demo").await.unwrap();
    assert_eq!(ok.agent.id, agent(0), "the right password signs in");

    // A port nobody listens on: bound, then released, so connecting is refused.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let nowhere = HubClient::new(&format!("http://127.0.0.1:{port}")).unwrap();
    assert!(
        matches!(
            nowhere.sign_in(&agent(0), "demo").await,
            Err(SignInError::Unreachable(_))
        ),
        "nothing listening is 'unreachable'"
    );

    // A web server that is not a hub: answers every path with a page.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        while let Ok((mut s, _)) = listener.accept().await {
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf).await;
            let body = "<html>hello</html>";
            let _ = s
                .write_all(
                    format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                        body.len()
                    )
                    .as_bytes(),
                )
                .await;
        }
    });
    assert!(
        matches!(
            HubClient::new(&url)
                .unwrap()
                .sign_in(&agent(0), "demo")
                .await,
            Err(SignInError::NotAHub(_))
        ),
        "a page that is not a sign-in answer is 'not a hub'"
    );
}

#[tokio::test]
async fn a_resumed_session_syncs_and_a_revoked_one_asks_for_sign_in() {
    let hub = hub().await;
    let url = hub.hub.url();
    let console = Console::new(agent(0));
    let login = HubClient::new(&url)
        .unwrap()
        .sign_in(&agent(0), "demo")
        .await
        .unwrap();

    let mut engine = Engine::resume(console.store.clone(), &url, &agent(0), login.token.clone())
        .unwrap()
        .with_request_timeout(Duration::from_secs(5));
    sync(&mut engine)
        .await
        .expect("a kept token syncs without a password");
    assert!(
        console.store.ticket_count().unwrap() > 0,
        "the resumed session filled the replica"
    );
    assert_eq!(
        console.store.signed_in().unwrap().map(|(a, _)| a.id),
        Some(agent(0)),
        "the replica is bound to the agent the token belongs to"
    );

    // The hub ends the session (as sign-out elsewhere or expiry would).
    let mut other = HubClient::new(&url).unwrap();
    other.set_token(Some(login.token.clone()));
    other.logout().await.expect("the hub ends the session");
    assert!(
        matches!(sync(&mut engine).await, Err(SyncError::SignedOut)),
        "without a password the engine must ask for a new sign-in, not retry"
    );

    // The background loop says so in its status and stops.
    let engine = Engine::resume(console.store.clone(), &url, &agent(0), login.token).unwrap();
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let handle = desk_sync::spawn(engine, RunOptions::default(), tx);
    let signed_out = tokio::time::timeout(Duration::from_secs(20), async {
        while let Some(ev) = rx.recv().await {
            if let SyncEvent::Status(s) = ev {
                if s.connectivity == Connectivity::SignedOut {
                    return true;
                }
            }
        }
        false
    })
    .await
    .unwrap_or(false);
    assert!(signed_out, "the loop reports 'signed out' for a dead token");
    assert_eq!(handle.status().connectivity, Connectivity::SignedOut);
    tokio::time::timeout(Duration::from_secs(5), handle.shutdown())
        .await
        .expect("the loop has stopped by itself, so shutdown returns at once");
}
