//! The hub the sync figures run against: an embedded demo hub on a loopback port, exactly
//! what the console's demo mode starts, plus the channel-connector side (intake) over HTTP.

use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use desk_demo::Generator;
use desk_domain::{Millis, TicketId};
use desk_store::Store;
use desk_sync::{Credentials, Engine};
use desk_wire::{CustomerRef, IntakeMessage, IntakeResult, LoginRequest, LoginResponse};
use support_hub::embedded::{DemoLogin, DemoSeed, EmbeddedConfig, EmbeddedHub};

/// The generator's seed for every workspace, so the hub, the ceiling and the search
/// workspaces hold the same tickets.
pub const SEED: u64 = 2026;

pub struct DemoHub {
    hub: EmbeddedHub,
    pub url: String,
    pub login: DemoLogin,
    /// How long the demo import took, for the report's context.
    pub import_secs: f64,
}

impl DemoHub {
    pub async fn start(dir: &Path, tickets: usize) -> anyhow::Result<DemoHub> {
        let mut config = EmbeddedConfig::new(dir.join("hub.sqlite3"));
        config.demo = Some(DemoSeed {
            seed: SEED,
            tickets,
        });
        let started = Instant::now();
        let hub = EmbeddedHub::start(config).await?;
        let import_secs = started.elapsed().as_secs_f64();
        let login = hub.demo_login().context("a demo hub has a demo login")?;
        Ok(DemoHub {
            url: hub.url(),
            login,
            hub,
            import_secs,
        })
    }

    /// A console's sync engine for the demo agent over `store`, as the app builds it.
    pub fn engine(&self, store: Store) -> anyhow::Result<Engine> {
        let credentials = Credentials {
            agent_id: self.login.agent_id.clone(),
            password: self.login.password.clone(),
        };
        Ok(Engine::new(store, &self.url, credentials)?)
    }

    /// A signed-in HTTP client posting as a channel connector would.
    pub async fn connector(&self) -> anyhow::Result<Connector> {
        let http = reqwest::Client::new();
        let login: LoginResponse = http
            .post(format!("{}/api/login", self.url))
            .json(&LoginRequest {
                agent_id: Some(self.login.agent_id.clone()),
                email: None,
                password: self.login.password.clone(),
            })
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        Ok(Connector {
            http,
            url: self.url.clone(),
            token: login.token,
        })
    }

    pub async fn shutdown(self) -> anyhow::Result<()> {
        Ok(self.hub.shutdown().await?)
    }
}

/// Posts customer messages to the hub's intake. Clones share the connection pool.
#[derive(Clone)]
pub struct Connector {
    http: reqwest::Client,
    url: String,
    token: String,
}

impl Connector {
    pub async fn post(&self, message: &IntakeMessage) -> anyhow::Result<IntakeResult> {
        Ok(self
            .http
            .post(format!("{}/api/intake", self.url))
            .bearer_auth(&self.token)
            .json(message)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?)
    }
}

/// A realistic customer message from a new customer: demo wording and channel, with a contact
/// and thread key unique to `(run, n)` so it opens a ticket of its own. Posting it again with
/// another body is a follow-up on the same thread.
pub fn new_customer_message(
    generator: &mut Generator,
    run: &str,
    n: TicketId,
    now: Millis,
) -> IntakeMessage {
    let t = generator.incoming(n, now);
    let body = t
        .messages
        .first()
        .map_or_else(|| t.subject.clone(), |m| m.body.clone());
    IntakeMessage {
        channel: t.channel,
        external_thread_id: Some(format!("bench-{run}-{n}")),
        customer: CustomerRef {
            email: Some(format!("bench-{run}-{n}@example.test")),
            name: Some(t.customer.name),
            country: Some(t.customer.country),
            ..CustomerRef::default()
        },
        subject: Some(t.subject),
        body,
        html: None,
        attachments: vec![],
        sent_at: None,
        in_app: None,
        call: None,
    }
}
