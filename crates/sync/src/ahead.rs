//! Bootstrap pages asked for before they are needed. While the replica writes one page, the
//! next few are read by the hub and decoded here, each on its own task. The hub's reading, the
//! JSON both ways and the replica's writing then overlap on separate cores. One page in flight
//! would not do: its cursor only arrives with the page before it, so the hub's reading and the
//! console's decoding of consecutive pages would still take turns.

use std::collections::VecDeque;

use desk_wire::BootstrapPage;
use tokio::task::JoinHandle;

use crate::client::{ClientError, HubClient};

/// Pages in flight at most: the hub's readers and the console's decoding keep ahead of the
/// writer on two cores. Two measured 22,300 tickets/s and four 23,000 on the benchmark
/// machine, so little rides on the exact number; more would queue at the hub behind the same
/// cores, and each holds a page of tickets in memory.
const IN_FLIGHT: usize = 4;

type Fetch = JoinHandle<Result<BootstrapPage, ClientError>>;

pub(crate) struct Ahead {
    client: HubClient,
    limit: u32,
    /// In the order asked, each with the cursor it was asked from.
    pages: VecDeque<(String, Fetch)>,
}

impl Ahead {
    pub fn new(client: HubClient, limit: u32) -> Self {
        Self {
            client,
            limit,
            pages: VecDeque::new(),
        }
    }

    /// The page that starts at `cursor` (`None`: the first page). It is the one already on its
    /// way if that was asked for from exactly there; otherwise it is asked for now. Pages asked
    /// for from anywhere else are dropped: the replica writes pages strictly in sequence, each
    /// starting where the last committed one ended, so a look-ahead that guessed wrong (tickets
    /// deleted at the hub between two pages) costs a request, never a gap.
    pub async fn take(&mut self, cursor: Option<&str>) -> Result<BootstrapPage, ClientError> {
        while let Some((from, fetch)) = self.pages.pop_front() {
            if Some(from.as_str()) == cursor {
                return joined(fetch).await;
            }
            fetch.abort();
        }
        self.client.bootstrap(cursor, self.limit).await
    }

    /// Asks for the pages after `page` that are not on their way yet, up to [`IN_FLIGHT`].
    pub fn look_ahead(&mut self, page: &BootstrapPage) {
        if !page.has_more {
            return;
        }
        for cursor in page.cursor.iter().chain(&page.cursors_ahead) {
            if self.pages.len() >= IN_FLIGHT {
                break;
            }
            if self.pages.iter().any(|(from, _)| from == cursor) {
                continue;
            }
            let (client, limit, from) = (self.client.clone(), self.limit, cursor.clone());
            let fetch = tokio::spawn(async move { client.bootstrap(Some(&from), limit).await });
            self.pages.push_back((cursor.clone(), fetch));
        }
    }

    /// Drops every page on its way (a bootstrap starting over).
    pub fn clear(&mut self) {
        for (_, fetch) in self.pages.drain(..) {
            fetch.abort();
        }
    }
}

impl Drop for Ahead {
    /// A bootstrap that fails or is cancelled leaves no request running behind it.
    fn drop(&mut self) {
        self.clear();
    }
}

async fn joined(fetch: Fetch) -> Result<BootstrapPage, ClientError> {
    match fetch.await {
        Ok(page) => page,
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        // Only pages that are dropped are aborted, never one that is handed out.
        Err(e) => Err(ClientError::Transient {
            reason: format!("a page fetch stopped: {e}"),
            retry_after: None,
        }),
    }
}

#[cfg(test)]
mod tests {
    use support_hub::embedded::{DemoSeed, EmbeddedConfig, EmbeddedHub};

    use super::*;

    fn ids(page: &BootstrapPage) -> Vec<i64> {
        page.tickets.iter().map(|t| t.ticket.id).collect()
    }

    /// A ticket deleted at the hub between two pages moves where the next page ends, so the
    /// page asked for ahead starts one ticket too early. It must be dropped and the right one
    /// fetched: reading on from it would write ticket 11 twice and count it twice.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_look_ahead_that_guessed_wrong_is_refetched_from_the_true_cursor() {
        let dir = tempfile::tempdir().unwrap();
        let mut config = EmbeddedConfig::new(dir.path().join("hub.db"));
        config.demo = Some(DemoSeed {
            seed: 7,
            tickets: 12,
        });
        let hub = EmbeddedHub::start(config).await.unwrap();
        let login = hub.demo_login().unwrap();
        let mut client = HubClient::new(&hub.url()).unwrap();
        let token = client
            .login(&login.agent_id, &login.password)
            .await
            .unwrap()
            .token;
        client.set_token(Some(token.clone()));

        let mut ahead = Ahead::new(client, 5);
        let first = ahead.take(None).await.unwrap();
        assert_eq!(ids(&first), [1, 2, 3, 4, 5]);
        assert_eq!(
            first.cursors_ahead.len(),
            1,
            "12 tickets: one page follows the next, and it is the last"
        );
        let deleted = reqwest::Client::new()
            .delete(format!("{}/api/tickets/7", hub.url()))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(deleted.status(), reqwest::StatusCode::NO_CONTENT);

        // Asks for the second page and, from the cursor promised before the delete, a
        // third page that now starts at ticket 11.
        ahead.look_ahead(&first);
        assert_eq!(ahead.pages.len(), 2);
        let second = ahead.take(first.cursor.as_deref()).await.unwrap();
        assert_eq!(ids(&second), [6, 8, 9, 10, 11], "five live tickets");
        ahead.look_ahead(&second);
        let third = ahead.take(second.cursor.as_deref()).await.unwrap();
        assert_eq!(
            ids(&third),
            [12],
            "the page after the second starts where the second ended"
        );
        assert!(!third.has_more && ahead.pages.is_empty());
    }
}
