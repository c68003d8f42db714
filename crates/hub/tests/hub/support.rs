//! Starting a hub and talking to it.

use std::path::PathBuf;

use desk_domain::{Agent, Group};
use reqwest::{Response, StatusCode};
use serde_json::{json, Value};
use support_hub::store::{HubStore, NewAgent};
use support_hub::{password, SqliteStore};
use tempfile::TempDir;

pub const ALICE: &str = "alice";
pub const BOB: &str = "bob";

pub struct TestHub {
    pub base: String,
    pub client: reqwest::Client,
    pub db: PathBuf,
    _dir: TempDir,
}

impl TestHub {
    /// A hub with agents alice and bob (password "pw-<id>") in group "first_line".
    pub async fn start() -> Self {
        Self::start_with_demo(0).await
    }

    /// The same, plus the demo team and `demo_tickets` generated tickets.
    pub async fn start_with_demo(demo_tickets: u32) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("hub.sqlite3");
        let store = SqliteStore::open(&db).unwrap();
        store
            .add_group(Group {
                id: "first_line".into(),
                name: "First line".into(),
            })
            .await
            .unwrap();
        for id in [ALICE, BOB] {
            store
                .add_agent(NewAgent {
                    agent: Agent {
                        id: id.into(),
                        name: format!("Agent {id}"),
                        group_id: Some("first_line".into()),
                    },
                    email: Some(format!("{id}@desk.example")),
                    password_hash: password::hash(&format!("pw-{id}")).unwrap(),
                })
                .await
                .unwrap();
        }
        if demo_tickets > 0 {
            let demo = support_hub::seed::DemoSeed {
                seed: support_hub::seed::DEFAULT_GENERATOR_SEED,
                tickets: demo_tickets as usize,
            };
            support_hub::seed::demo(&store, demo, 1_790_000_000_000)
                .await
                .unwrap();
        }
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(support_hub::serve(listener, store));
        Self {
            base,
            client: reqwest::Client::new(),
            db,
            _dir: dir,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn login(&self, agent: &str) -> String {
        let res = self
            .client
            .post(self.url("/api/login"))
            .json(&json!({"agent_id": agent, "password": format!("pw-{agent}")}))
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.status(),
            StatusCode::OK,
            "{agent} must be able to sign in"
        );
        res.json::<Value>().await.unwrap()["token"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    pub async fn post(&self, token: &str, path: &str, body: &Value) -> Response {
        self.client
            .post(self.url(path))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn get(&self, token: &str, path: &str) -> Response {
        self.client
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
    }

    pub async fn get_json(&self, token: &str, path: &str) -> Value {
        let res = self.get(token, path).await;
        assert_eq!(res.status(), StatusCode::OK, "GET {path}");
        res.json().await.unwrap()
    }

    /// Posts one intake message; returns the IntakeResult.
    pub async fn intake(&self, token: &str, msg: &Value) -> Value {
        let res = self.post(token, "/api/intake", msg).await;
        assert!(res.status().is_success(), "intake failed: {}", res.status());
        res.json().await.unwrap()
    }

    /// Sends a batch; returns the results array.
    pub async fn edits(&self, token: &str, edits: Value) -> Vec<Value> {
        let res = self
            .post(token, "/api/edits", &json!({"edits": edits}))
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        res.json().await.unwrap()
    }

    /// Every ticket, through bootstrap.
    pub async fn tickets(&self, token: &str) -> Vec<Value> {
        let mut all = Vec::new();
        let mut path = "/api/bootstrap?limit=500".to_owned();
        loop {
            let page = self.get_json(token, &path).await;
            all.extend(page["tickets"].as_array().unwrap().iter().cloned());
            match page["cursor"].as_str() {
                Some(c) => path = format!("/api/bootstrap?limit=500&cursor={c}"),
                None => return all,
            }
        }
    }

    pub async fn ticket(&self, token: &str, id: i64) -> Value {
        self.tickets(token)
            .await
            .into_iter()
            .find(|t| t["id"] == id)
            .unwrap_or_else(|| panic!("ticket {id} is missing"))
    }

    /// Row counts of every table a request could write to, read straight from the file.
    pub fn fingerprint(&self) -> Vec<(&'static str, i64)> {
        let conn = rusqlite::Connection::open_with_flags(
            &self.db,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap();
        [
            "tickets",
            "messages",
            "customers",
            "changes",
            "applied_edits",
            "threads",
            "ticket_tags",
        ]
        .into_iter()
        .map(|t| {
            let n = conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .unwrap();
            (t, n)
        })
        .collect()
    }
}

pub fn email(from: &str, thread: Option<&str>, body: &str) -> Value {
    json!({
        "channel": "email",
        "external_thread_id": thread,
        "customer": {"email": from, "name": "Mei Chen", "country": "SG"},
        "subject": "Top-up not received",
        "body": body,
    })
}

pub fn edit(id: &str, ticket: i64, base: i64, op: Value) -> Value {
    json!({"edit_id": id, "ticket_id": ticket, "base_version": base, "op": op})
}

pub fn messages(ticket: &Value) -> Vec<Value> {
    ticket["messages"].as_array().unwrap().clone()
}
