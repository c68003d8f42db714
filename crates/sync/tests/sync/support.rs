//! A demo hub on port 0 and consoles (replica + engine) around it, plus the convergence check
//! every test ends with.

use std::collections::BTreeMap;
use std::time::Duration;

use desk_domain::{Progress, TicketRecord};
use desk_store::Store;
use desk_sync::{Credentials, CycleReport, Engine, HubClient, SyncError};
use support_hub::embedded::{DemoSeed, EmbeddedConfig, EmbeddedHub};
use tempfile::TempDir;

pub const DEMO_TICKETS: usize = 12;

pub struct Hub {
    pub hub: EmbeddedHub,
    _dir: TempDir,
}

pub async fn hub() -> Hub {
    let dir = tempfile::tempdir().unwrap();
    let mut config = EmbeddedConfig::new(dir.path().join("hub.db"));
    config.demo = Some(DemoSeed {
        seed: 7,
        tickets: DEMO_TICKETS,
    });
    let hub = EmbeddedHub::start(config).await.expect("the hub starts");
    Hub { hub, _dir: dir }
}

/// The demo team's agents, by index; every demo password is "demo".
pub fn agent(i: usize) -> String {
    desk_demo::team().agents[i].id.clone()
}

pub struct Console {
    pub store: Store,
    pub agent_id: String,
    pub dir: TempDir,
}

impl Console {
    pub fn new(agent_id: String) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("replica.db")).unwrap();
        Self {
            store,
            agent_id,
            dir,
        }
    }

    /// A fresh engine over this console's replica, as after a restart.
    pub fn engine(&self, url: &str) -> Engine {
        Engine::new(
            self.store.clone(),
            url,
            Credentials {
                agent_id: self.agent_id.clone(),
                password: "demo".into(),
            },
        )
        .unwrap()
        .with_request_timeout(Duration::from_millis(700))
    }

    /// Reopens the replica file, as a restarted console does.
    pub fn restart_store(&mut self) {
        self.store = Store::open(&self.dir.path().join("replica.db")).unwrap();
    }
}

pub async fn sync(engine: &mut Engine) -> Result<CycleReport, SyncError> {
    engine.sync_once(&mut |_: Progress| {}).await
}

/// Syncs until a cycle succeeds with nothing left queued; panics if that takes too many tries.
pub async fn settle(engine: &mut Engine) {
    for _ in 0..20 {
        if sync(engine).await.is_ok() && engine.store().outbox_counts().unwrap().0 == 0 {
            return;
        }
    }
    panic!("the engine did not settle in 20 cycles");
}

/// Every ticket as the hub holds it, by id, with its version.
pub async fn hub_tickets(url: &str) -> BTreeMap<i64, (i64, TicketRecord)> {
    let mut client = HubClient::new(url).unwrap();
    let login = client.login(&agent(0), "demo").await.unwrap();
    client.set_token(Some(login.token));
    let mut out = BTreeMap::new();
    let mut cursor = None;
    loop {
        let page = client.bootstrap(cursor.as_deref(), 500).await.unwrap();
        for t in page.tickets {
            out.insert(t.ticket.id, (t.version, normal(t.ticket)));
        }
        if !page.has_more {
            return out;
        }
        cursor = page.cursor;
    }
}

/// Tags are a set; compare them sorted.
pub fn normal(mut t: TicketRecord) -> TicketRecord {
    t.tags.sort();
    t
}

/// The replica equals the hub: same tickets, same versions, same content.
pub async fn assert_converged(url: &str, store: &Store) {
    let hub = hub_tickets(url).await;
    assert_eq!(
        store.ticket_count().unwrap() as usize,
        hub.len(),
        "the replica holds exactly the hub's tickets"
    );
    for (id, (version, record)) in &hub {
        let local = store
            .ticket_detail(*id)
            .expect("every hub ticket is replicated");
        assert_eq!(
            local.version, *version,
            "ticket {id}: replica is at the hub's version"
        );
        assert_eq!(local.queued, 0, "ticket {id}: nothing left queued");
        assert_eq!(
            &normal(local.record),
            record,
            "ticket {id}: replica equals hub"
        );
    }
}
