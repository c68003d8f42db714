//! One sync cycle, step by step: sign in, bootstrap (resumable), refetch tickets whose local
//! copy showed an edit the hub did not take, push the outbox, pull the feed. The background
//! loop (`run`) calls [`Engine::sync_once`]; tests call it directly to drive exact schedules.

use desk_domain::{Agent, AttentionKind, Progress, TicketId};
use desk_store::{EditAck, ServerChange, ServerTicket, Store, StoreError};
use desk_wire::{ChangeKind, Edit, EditOutcome, HubErrorCode, HubTicket};

use crate::ahead::Ahead;
use crate::client::{ClientError, HubClient};

/// Sign-in details for an engine that may sign in again by itself (the demo, scripted runs).
/// The console's sign-in screen uses [`Engine::resume`] instead, holding only a token.
#[derive(Clone)]
pub struct Credentials {
    pub agent_id: String,
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("agent_id", &self.agent_id)
            .field("password", &"<redacted>")
            .finish()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Hub(#[from] ClientError),
    #[error("the local replica failed: {0}")]
    Store(#[from] StoreError),
    /// The hub no longer accepts the session and the engine has no password to sign in with:
    /// the agent must sign in again.
    #[error("the hub ended this session; sign in again")]
    SignedOut,
}

impl SyncError {
    /// Whether the loop should keep retrying with backoff (as opposed to waiting for the agent).
    pub fn is_transient(&self) -> bool {
        match self {
            SyncError::Hub(ClientError::Transient { .. }) => true,
            SyncError::Hub(_) | SyncError::SignedOut => false,
            SyncError::Store(e) => e.code() == desk_domain::ErrorCode::StoreUnavailable,
        }
    }

    pub fn retry_after(&self) -> Option<std::time::Duration> {
        match self {
            SyncError::Hub(ClientError::Transient { retry_after, .. }) => *retry_after,
            _ => None,
        }
    }
}

/// What one cycle did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CycleReport {
    /// Tickets whose local copy changed (pulled, refetched or removed).
    pub changed: Vec<TicketId>,
    /// Edits the hub answered this cycle (applied, duplicate, held or refused).
    pub answered: usize,
    pub feed_after: i64,
}

pub struct Engine {
    store: Store,
    client: HubClient,
    agent_id: String,
    /// `None` for a resumed session: then a session the hub ends means "sign in again".
    password: Option<String>,
    agent: Option<Agent>,
    /// What the replica is bound to: the hub's URL unless said otherwise.
    identity: String,
    pub bootstrap_page: u32,
    pub changes_page: u32,
    pub push_batch: u32,
}

impl Engine {
    pub fn new(store: Store, hub_url: &str, credentials: Credentials) -> Result<Self, SyncError> {
        Ok(Self {
            store,
            client: HubClient::new(hub_url)?,
            agent_id: credentials.agent_id,
            password: Some(credentials.password),
            agent: None,
            identity: hub_url.trim_end_matches('/').to_string(),
            // The hub's largest: fewer commits, and fewer round trips to overlap.
            bootstrap_page: desk_wire::MAX_BOOTSTRAP_PAGE,
            changes_page: desk_wire::MAX_CHANGES_PAGE,
            push_batch: 100,
        })
    }

    /// An engine on a session signed in earlier (its token from the OS keychain). It holds no
    /// password: when the hub ends the session, the cycle fails with [`SyncError::SignedOut`].
    pub fn resume(
        store: Store,
        hub_url: &str,
        agent_id: &str,
        token: String,
    ) -> Result<Self, SyncError> {
        let mut engine = Self::new(
            store,
            hub_url,
            Credentials {
                agent_id: agent_id.to_string(),
                password: String::new(),
            },
        )?;
        engine.password = None;
        engine.client.set_token(Some(token));
        Ok(engine)
    }

    /// Binds the replica to `identity` instead of the URL: an embedded demo hub listens on a
    /// new port at every start but is the same hub.
    pub fn with_identity(mut self, identity: impl Into<String>) -> Self {
        self.identity = identity.into();
        self
    }

    /// How long one request may take before it counts as lost and is retried.
    pub fn with_request_timeout(mut self, timeout: std::time::Duration) -> Self {
        self.client.set_timeout(timeout);
        self
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// A client carrying this engine's session, for the live event stream.
    pub fn client(&self) -> &HubClient {
        &self.client
    }

    pub fn agent(&self) -> Option<&Agent> {
        self.agent.as_ref()
    }

    /// Signs in and binds the replica to this hub and agent.
    pub async fn sign_in(&mut self) -> Result<Agent, SyncError> {
        let Some(password) = self.password.as_deref() else {
            return Err(SyncError::SignedOut);
        };
        let login = self.client.login(&self.agent_id, password).await?;
        self.client.set_token(Some(login.token));
        self.bind(Some(login.agent)).await
    }

    /// Binds the replica to this hub and agent on the current session: the team comes from
    /// the hub, and "me" from the sign-in answer or, for a resumed session, the team list.
    /// A replica bound to another hub, or holding another agent's queued edits, is refused.
    pub async fn bind(&mut self, agent: Option<Agent>) -> Result<Agent, SyncError> {
        let team = match self.client.team().await {
            Err(ClientError::Unauthorized(_)) if self.password.is_none() => {
                self.client.set_token(None);
                return Err(SyncError::SignedOut);
            }
            other => other?,
        };
        let agent = agent
            .or_else(|| team.agents.iter().find(|a| a.id == self.agent_id).cloned())
            .unwrap_or_else(|| Agent {
                id: self.agent_id.clone(),
                name: self.agent_id.clone(),
                group_id: None,
            });
        self.store
            .bind_hub(
                self.identity.clone(),
                agent.clone(),
                (team.groups, team.agents),
            )
            .await?;
        self.agent = Some(agent.clone());
        Ok(agent)
    }

    /// One full cycle. A session the hub no longer accepts is renewed once with the password;
    /// without one (a resumed session) the agent must sign in again.
    pub async fn sync_once(
        &mut self,
        progress: &mut (dyn FnMut(Progress) + Send),
    ) -> Result<CycleReport, SyncError> {
        if !self.client.has_token() {
            self.sign_in().await?;
        } else if self.agent.is_none() {
            self.bind(None).await?;
        }
        match self.cycle(progress).await {
            Err(SyncError::Hub(ClientError::Unauthorized(_))) => {
                self.client.set_token(None);
                self.sign_in().await?;
                self.cycle(progress).await
            }
            other => other,
        }
    }

    async fn cycle(
        &mut self,
        progress: &mut (dyn FnMut(Progress) + Send),
    ) -> Result<CycleReport, SyncError> {
        let mut report = CycleReport::default();
        if self.store.sync_position()?.feed_after.is_none() {
            self.bootstrap(progress).await?;
        }
        self.refetch(&mut report).await?;
        self.push(&mut report).await?;
        // Held or refused edits leave local copies to correct at once, not next cycle.
        self.refetch(&mut report).await?;
        self.pull(&mut report).await?;
        Ok(report)
    }

    async fn bootstrap(
        &mut self,
        progress: &mut (dyn FnMut(Progress) + Send),
    ) -> Result<(), SyncError> {
        let (mut cursor, mut snapshot) = match self.store.sync_position()?.bootstrap {
            Some((cursor, snap)) => (cursor, Some(snap)),
            None => (None, None),
        };
        let mut done = self.store.ticket_count()?;
        let mut ahead = Ahead::new(self.client.clone(), self.bootstrap_page);
        loop {
            let page = ahead.take(cursor.as_deref()).await?;
            if snapshot.is_some_and(|s| s != page.snapshot_seq) {
                // The hub no longer knows our cursor's snapshot (restarted with a new file?):
                // begin again rather than mix two snapshots.
                ahead.clear();
                cursor = None;
                snapshot = None;
                continue;
            }
            // The next pages are fetched while this one is written. Each page's cursor is
            // stored only with the page that the next write commits, so a failure on either
            // side resumes at a stored page.
            ahead.look_ahead(&page);
            snapshot = Some(page.snapshot_seq);
            done += page.tickets.len() as u32;
            let total = page.total.unwrap_or(done).max(done);
            let tickets = page.tickets.into_iter().map(server_ticket).collect();
            let next = if page.has_more {
                page.cursor.clone()
            } else {
                None
            };
            self.store
                .apply_bootstrap_page(tickets, next.clone(), page.snapshot_seq, (done, total))
                .await?;
            progress(Progress { done, total });
            match next {
                Some(c) => cursor = Some(c),
                None => return Ok(()),
            }
        }
    }

    async fn refetch(&mut self, report: &mut CycleReport) -> Result<(), SyncError> {
        for id in self.store.tickets_to_refetch()? {
            let change = match self.client.ticket(id).await? {
                Some(t) => ServerChange::Upsert(Box::new(server_ticket(t))),
                None => ServerChange::Removed {
                    id,
                    reason: "the ticket is no longer on the hub".into(),
                },
            };
            report
                .changed
                .extend(self.store.apply_server_changes(vec![change], None).await?);
        }
        Ok(())
    }

    async fn push(&mut self, report: &mut CycleReport) -> Result<(), SyncError> {
        loop {
            let queued = self.store.queued_edits(self.push_batch)?;
            if queued.is_empty() {
                return Ok(());
            }
            let edits: Vec<Edit> = queued
                .iter()
                .map(|q| Edit {
                    edit_id: q.edit_id.clone(),
                    ticket_id: q.ticket_id,
                    base_version: q.base_version,
                    op: q.edit.clone(),
                })
                .collect();
            let results = match self.client.send_edits(edits.clone()).await {
                Ok(r) => r,
                // The batch as a whole was refused (too large, one malformed edit): send the
                // edits one at a time so a bad one cannot block those behind it.
                Err(ClientError::Refused(_)) => self.push_singly(edits).await?,
                Err(e) => return Err(e.into()),
            };
            let mut acks = Vec::with_capacity(results.len());
            let mut transient = None;
            for r in results {
                let Some(q) = queued.iter().find(|q| q.edit_id == r.edit_id) else {
                    continue;
                };
                let ack = match r.outcome {
                    EditOutcome::Applied { version } | EditOutcome::Duplicate { version } => {
                        EditAck::Applied {
                            ticket_id: q.ticket_id,
                            version,
                        }
                    }
                    EditOutcome::Held { reason, .. } => EditAck::Attention {
                        ticket_id: q.ticket_id,
                        kind: AttentionKind::Held,
                        reason,
                    },
                    EditOutcome::Rejected { code, message } if code.retry_helps() => {
                        transient.get_or_insert(message);
                        continue;
                    }
                    EditOutcome::Rejected { message, .. } => EditAck::Attention {
                        ticket_id: q.ticket_id,
                        kind: AttentionKind::Rejected,
                        reason: message,
                    },
                };
                acks.push((r.edit_id, ack));
            }
            let answered = acks.len();
            report.answered += answered;
            self.store.acknowledge(acks).await?;
            if let Some(reason) = transient {
                return Err(ClientError::Transient {
                    reason,
                    retry_after: None,
                }
                .into());
            }
            if answered == 0 {
                // The hub answered none of them; do not spin.
                return Err(ClientError::Transient {
                    reason: "the hub answered no edit of the batch".into(),
                    retry_after: None,
                }
                .into());
            }
        }
    }

    async fn push_singly(
        &mut self,
        edits: Vec<Edit>,
    ) -> Result<Vec<desk_wire::EditResult>, ClientError> {
        let mut out = Vec::with_capacity(edits.len());
        for edit in edits {
            let id = edit.edit_id.clone();
            match self.client.send_edits(vec![edit]).await {
                Ok(mut r) => out.append(&mut r),
                Err(ClientError::Refused(e)) => out.push(desk_wire::EditResult {
                    edit_id: id,
                    outcome: EditOutcome::Rejected {
                        code: if e.code == HubErrorCode::Internal {
                            HubErrorCode::InvalidInput
                        } else {
                            e.code
                        },
                        message: e.message,
                    },
                }),
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }

    async fn pull(&mut self, report: &mut CycleReport) -> Result<(), SyncError> {
        let mut after = self.store.sync_position()?.feed_after.unwrap_or(0);
        loop {
            let page = self.client.changes(after, self.changes_page).await?;
            let changes = page
                .changes
                .into_iter()
                .map(|c| match c.kind {
                    ChangeKind::Upsert { ticket } => {
                        ServerChange::Upsert(Box::new(server_ticket(*ticket)))
                    }
                    ChangeKind::Deleted => ServerChange::Removed {
                        id: c.ticket_id,
                        reason: "the ticket was deleted on the hub".into(),
                    },
                    ChangeKind::Merged { into } => ServerChange::Removed {
                        id: c.ticket_id,
                        reason: format!("the ticket was merged into ticket {into}"),
                    },
                })
                .collect::<Vec<_>>();
            if !changes.is_empty() || page.next_after != after {
                report.changed.extend(
                    self.store
                        .apply_server_changes(changes, Some(page.next_after))
                        .await?,
                );
            }
            after = page.next_after;
            report.feed_after = after;
            if !page.has_more {
                return Ok(());
            }
        }
    }
}

fn server_ticket(t: HubTicket) -> ServerTicket {
    ServerTicket {
        version: t.version,
        record: t.ticket,
    }
}
