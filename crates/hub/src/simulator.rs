//! Traffic for a demo hub: customers writing in at a steady average rate, in Chinese and
//! English, about everything a wallet queue sees, security and fraud cases included. Every
//! message goes through [`AppState::file_message`], the path `/api/intake` takes, so triage,
//! security routing, the feed and live events behave exactly as with real connectors.
//!
//! Arrivals are a Poisson process (exponential gaps) drawn from a seeded RNG: bursts and lulls
//! like a real queue, and the same sequence of choices for the same seed and database.

use std::time::Duration;

use desk_demo::{Generator, MAX_MESSAGES_PER_TICKET};
use desk_domain::{Channel, Millis, TicketRecord};
use desk_wire::{Attachment, CallDirection, CallMeta, CustomerRef, InAppMeta, IntakeMessage};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::routes::{now_millis, AppState};
use crate::store::{HubStore, StoreError, TicketState};

/// Share of messages that are customers writing again about a ticket still in play.
const FOLLOW_UP_SHARE: f64 = 0.3;
/// Share of new tickets that are security or fraud cases. The demo generator's queue mix has
/// about a tenth; the simulator leans higher so urgent work shows up within minutes.
const URGENT_SHARE: f64 = 0.15;
/// Follow-ups go to one of this many most recently active tickets.
const FOLLOW_UP_POOL: u32 = 50;
/// The generator's ids pick the customer (ids up to N draw from about 3N/4 people), so this
/// range mixes returning demo customers with new ones.
const GENERATOR_IDS: i64 = 20_000;
/// Draws before settling for a ticket outside the wanted urgent/ordinary kind.
const MAX_DRAWS: usize = 64;
/// A thousand a second is already a load test; beyond that the timer is all there is.
pub const MAX_PER_MINUTE: f64 = 60_000.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimulatorConfig {
    /// Average messages per minute; fractions are fine (0.5 is one every two minutes).
    pub per_minute: f64,
    /// Seeds the generator (the demo's seed brings back the demo's customers) and the timing.
    pub seed: u64,
}

#[derive(Debug, thiserror::Error)]
#[error(
    "the simulator rate must be above 0 and at most {MAX_PER_MINUTE} messages a minute, not {0}"
)]
pub struct InvalidRate(pub f64);

/// What the simulator filed before it stopped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SimulationTally {
    pub new_tickets: u64,
    /// Messages that joined an existing ticket.
    pub follow_ups: u64,
    pub failed: u64,
}

/// A running simulator task.
pub struct Simulator {
    stop: CancellationToken,
    task: JoinHandle<SimulationTally>,
}

impl Simulator {
    /// Starts filing messages on the current runtime until `shutdown` fires or [`Self::stop`].
    pub fn spawn<S: HubStore>(
        state: AppState<S>,
        config: SimulatorConfig,
        shutdown: &CancellationToken,
    ) -> Result<Simulator, InvalidRate> {
        check_rate(config.per_minute)?;
        // A child: stopping the simulator alone must not shut the hub down.
        let stop = shutdown.child_token();
        let task = tokio::spawn(run(state, config, stop.clone()));
        Ok(Simulator { stop, task })
    }

    /// Stops filing (a message being filed is finished first) and reports what was filed.
    pub async fn stop(self) -> SimulationTally {
        self.stop.cancel();
        self.task.await.unwrap_or_else(|e| {
            tracing::error!(error = %e, "the simulator task failed");
            SimulationTally::default()
        })
    }
}

pub(crate) fn check_rate(per_minute: f64) -> Result<(), InvalidRate> {
    if per_minute.is_finite() && per_minute > 0.0 && per_minute <= MAX_PER_MINUTE {
        Ok(())
    } else {
        Err(InvalidRate(per_minute))
    }
}

async fn run<S: HubStore>(
    state: AppState<S>,
    config: SimulatorConfig,
    stop: CancellationToken,
) -> SimulationTally {
    // Mixing in the feed position keeps a restarted demo from replaying the same customers in
    // the same order, while a given database and seed still replay exactly.
    let position = state.store.latest_seq().await.unwrap_or(0);
    let mut rng = StdRng::seed_from_u64(config.seed ^ (position as u64).rotate_left(32));
    let mut generator = Generator::new(config.seed, now_millis());
    let mean_gap = 60.0 / config.per_minute;
    let mut tally = SimulationTally::default();
    tracing::info!(per_minute = config.per_minute, "simulator started");
    loop {
        // Exponential gaps: 1 - U is in (0, 1], so the logarithm is finite.
        let gap = -(1.0 - rng.random::<f64>()).ln() * mean_gap;
        tokio::select! {
            biased;
            _ = stop.cancelled() => break,
            _ = tokio::time::sleep(Duration::from_secs_f64(gap)) => {}
        }
        match file_one(&state, &mut generator, &mut rng).await {
            Ok(true) => tally.new_tickets += 1,
            Ok(false) => tally.follow_ups += 1,
            Err(e) => {
                tally.failed += 1;
                tracing::warn!(error = %e, "a simulated message was not filed");
            }
        }
    }
    tracing::info!(
        new_tickets = tally.new_tickets,
        follow_ups = tally.follow_ups,
        failed = tally.failed,
        "simulator stopped"
    );
    tally
}

/// Files one message; returns whether it opened a new ticket.
async fn file_one<S: HubStore>(
    state: &AppState<S>,
    generator: &mut Generator,
    rng: &mut StdRng,
) -> Result<bool, StoreError> {
    let at = now_millis();
    let follow_up = if rng.random_bool(FOLLOW_UP_SHARE) {
        follow_up(state, generator, rng, at).await?
    } else {
        None
    };
    let message = match follow_up {
        Some(m) => m,
        None => new_ticket(generator, rng, at),
    };
    let result = state.file_message(message).await?;
    tracing::debug!(
        ticket = result.ticket_id,
        created = result.created,
        "simulated message filed"
    );
    Ok(result.created)
}

/// A customer writing again about one of the recently active tickets; `None` when there is
/// none to write about.
async fn follow_up<S: HubStore>(
    state: &AppState<S>,
    generator: &mut Generator,
    rng: &mut StdRng,
    at: Millis,
) -> Result<Option<IntakeMessage>, StoreError> {
    let ids = state.store.active_ticket_ids(FOLLOW_UP_POOL).await?;
    if ids.is_empty() {
        return Ok(None);
    }
    let id = ids[rng.random_range(0..ids.len())];
    let TicketState::Live(hub_ticket) = state.store.ticket(id).await? else {
        return Ok(None); // removed since the list was read
    };
    let ticket = &hub_ticket.ticket;
    // The generator numbers follow-ups after the thread; a very long thread has no room left.
    if ticket.messages.len() >= MAX_MESSAGES_PER_TICKET {
        return Ok(None);
    }
    let body = generator.follow_up(ticket, at).body;
    Ok(Some(message(ticket, body, false, rng, at)))
}

/// A new case, security or fraud about [`URGENT_SHARE`] of the time.
fn new_ticket(generator: &mut Generator, rng: &mut StdRng, at: Millis) -> IntakeMessage {
    let want_urgent = rng.random_bool(URGENT_SHARE);
    let mut ticket = generator.incoming(rng.random_range(1..=GENERATOR_IDS), at);
    for _ in 1..MAX_DRAWS {
        if ticket.category.is_urgent() == want_urgent {
            break;
        }
        ticket = generator.incoming(rng.random_range(1..=GENERATOR_IDS), at);
    }
    let body = ticket
        .messages
        .first()
        .map(|m| m.body.clone())
        .unwrap_or_else(|| ticket.subject.clone());
    let mut msg = message(&ticket, body, true, rng, at);
    // The opening's other parts, as the mail gateway and the in-app reporter send them.
    if let Some(first) = ticket.messages.first() {
        msg.html = first.html.clone();
        msg.in_app = first.device.as_ref().map(|d| InAppMeta {
            device: d.device.clone(),
            os_version: d.os_version.clone(),
            app_version: d.app_version.clone(),
            screenshots: first
                .attachments
                .iter()
                .map(|a| Attachment {
                    name: a.name.clone(),
                    content_type: a.content_type.clone(),
                    bytes_b64: a.data_b64.clone(),
                    size: Some(a.size),
                })
                .collect(),
        });
    }
    msg
}

/// What a channel connector would post for this customer's message about `ticket`.
fn message(
    ticket: &TicketRecord,
    body: String,
    opening: bool,
    rng: &mut StdRng,
    at: Millis,
) -> IntakeMessage {
    let c = &ticket.customer;
    let non_empty = |s: &str| Some(s.to_owned()).filter(|s| !s.is_empty());
    // Only channels with subject lines have subjects, and only on the first message.
    let subject = match ticket.channel {
        Channel::Email | Channel::Forum if opening => Some(ticket.subject.clone()),
        _ => None,
    };
    let call = (ticket.channel == Channel::Phone).then(|| CallMeta {
        duration_s: rng.random_range(45..=900),
        direction: CallDirection::Inbound,
    });
    IntakeMessage {
        channel: ticket.channel,
        external_thread_id: None,
        customer: CustomerRef {
            wallet_account_id: non_empty(&c.wallet_account_id),
            email: c.email.clone(),
            phone: c.phone.clone(),
            name: non_empty(&c.name),
            country: non_empty(&c.country),
        },
        subject,
        body,
        html: None,
        attachments: vec![],
        sent_at: Some(at),
        in_app: None,
        call,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_tickets_lean_urgent_about_as_configured_and_pass_intake_checks() {
        let mut generator = Generator::new(7, 1_790_000_000_000);
        let mut rng = StdRng::seed_from_u64(7);
        let n = 2000;
        let (mut urgent, mut html, mut shots) = (0, 0, 0);
        for _ in 0..n {
            let msg = new_ticket(&mut generator, &mut rng, 1_790_000_000_000);
            crate::rules::validate_intake(&msg).expect("simulated messages are valid intake");
            let category = crate::triage::triage(&msg).category;
            urgent += usize::from(category.is_urgent());
            html += usize::from(msg.html.is_some());
            shots += msg.in_app.as_ref().map_or(0, |a| a.screenshots.len());
        }
        assert!(
            html > 0 && shots > 0,
            "the demo's HTML mail and screenshots reach the hub too: {html} html, {shots} shots"
        );
        let share = urgent as f64 / n as f64;
        // Triage, not the generator, has the last word; it must still see roughly the mix.
        assert!(
            (0.08..0.25).contains(&share),
            "about 15% of new tickets should triage as security or fraud, got {share}"
        );
    }

    #[test]
    fn rates_outside_the_range_are_refused() {
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, MAX_PER_MINUTE * 2.0] {
            assert!(check_rate(bad).is_err(), "{bad} per minute must be refused");
        }
        for good in [0.1, 6.0, MAX_PER_MINUTE] {
            assert!(
                check_rate(good).is_ok(),
                "{good} per minute is a usable rate"
            );
        }
    }
}
