//! A real hub for the tests that point the console at one: an embedded hub with a small demo
//! queue, and a signed-in client standing in for the channel connectors and other agents.

use desk_domain::TicketId;
use desk_sync::HubClient;
use support_hub::embedded::{DemoSeed, EmbeddedConfig, EmbeddedHub};

pub struct TestHub {
    pub hub: EmbeddedHub,
    /// Signed in as another agent of the demo team (not the console's).
    pub client: HubClient,
    token: String,
    _dir: tempfile::TempDir,
}

impl TestHub {
    /// A hub with 20 demo tickets from `seed`.
    pub async fn start(seed: u64) -> TestHub {
        let dir = tempfile::tempdir().unwrap();
        let mut config = EmbeddedConfig::new(dir.path().join("hub.db"));
        config.demo = Some(DemoSeed { seed, tickets: 20 });
        let hub = EmbeddedHub::start(config).await.expect("the hub starts");
        let mut client = HubClient::new(&hub.url()).unwrap();
        let login = client
            .login(&desk_demo::team().agents[1].id, "demo")
            .await
            .unwrap();
        client.set_token(Some(login.token.clone()));
        TestHub {
            hub,
            client,
            token: login.token,
            _dir: dir,
        }
    }

    /// The environment and arguments that sign the console in to this hub as the demo agent.
    pub fn console_args(&self) -> (Vec<(&'static str, String)>, Vec<String>) {
        let env = vec![("WALLET_DESK_PASSWORD", "demo".to_string())];
        let args = vec![
            "--hub".into(),
            self.hub.url(),
            "--agent".into(),
            support_hub::seed::demo_agent_id(),
        ];
        (env, args)
    }

    /// Posts any intake message (the hub's JSON, as a connector sends it); returns the ticket
    /// it landed in.
    pub async fn intake_raw(&self, message: serde_json::Value) -> TicketId {
        let res = reqwest::Client::new()
            .post(format!("{}/api/intake", self.hub.url()))
            .bearer_auth(&self.token)
            .json(&message)
            .send()
            .await
            .unwrap();
        let status = res.status();
        let text = res.text().await.unwrap_or_default();
        assert!(
            status.is_success(),
            "intake accepts the message: {status} {text}"
        );
        let filed: serde_json::Value = serde_json::from_str(&text).unwrap();
        filed["ticket_id"]
            .as_i64()
            .expect("intake says which ticket")
    }

    /// Files a live-chat message from `customer` (the intake's customer object) through the
    /// hub's intake, as a channel connector would; returns the ticket it landed in.
    pub async fn intake(&self, customer: serde_json::Value, body: &str) -> TicketId {
        let res = reqwest::Client::new()
            .post(format!("{}/api/intake", self.hub.url()))
            .bearer_auth(&self.token)
            .json(&serde_json::json!({
                "channel": "web_chat",
                "customer": customer,
                "body": body,
            }))
            .send()
            .await
            .unwrap();
        assert!(
            res.status().is_success(),
            "intake accepts the message: {}",
            res.status()
        );
        let filed: serde_json::Value = res.json().await.unwrap();
        filed["ticket_id"]
            .as_i64()
            .expect("intake says which ticket")
    }
}
