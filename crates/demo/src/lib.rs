//! Realistic support tickets in Chinese (zh-CN) and English for Wallet Desk: the console's demo
//! workspace, the benchmarks' 100k and 1M ticket sets, and (later) the hub's traffic simulator.
//!
//! Every ticket is a function of `(seed, now, id)` alone: each draws from its own random stream,
//! so ticket 500 is the same whether it is generated first or after a million others, and a
//! benchmark can generate ranges in parallel. The wording comes from the e-wallet support
//! articles in `shared/seeds` (stolen accounts, phishing, frozen accounts, 1-3 day bank top-ups,
//! 3-7 day withdrawals, crashes reported with device and OS version…), rewritten as tickets.

use desk_domain::{Channel, Message, MessageKind, Millis, TicketId, TicketRecord};

mod facts;
mod parts;
mod people;
mod place;
mod rng;
mod shape;
mod slots;
mod team;
mod text;
mod thread;
mod ticket;
mod time;

#[cfg(test)]
mod tests;

pub use team::{team, DemoTeam};

use slots::{Slot, Slots};

/// Message ids are `ticket id * 100 + index`, so a ticket holds at most this many messages.
pub const MAX_MESSAGES_PER_TICKET: usize = 99;

/// The language a ticket's customer writes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// The language of a ticket: Chinese if its subject or first message contains Chinese
    /// characters (every zh subject does; no en subject does).
    pub fn of(ticket: &TicketRecord) -> Lang {
        let first = ticket.messages.first().map_or("", |m| m.body.as_str());
        if has_cjk(&ticket.subject) || has_cjk(first) {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Deterministic ticket generator.
pub struct Generator {
    seed: u64,
    now: Millis,
    /// Per-ticket facts, reused across tickets so generating a million costs no extra buffers.
    slots: Slots,
}

impl Generator {
    /// Same seed and now => exactly the same tickets in the same order.
    pub fn new(seed: u64, now: Millis) -> Self {
        Generator {
            seed,
            now,
            slots: Slots::new(),
        }
    }

    /// One complete ticket with customer and thread, created in the 30 days before `now`.
    /// Message ids are `id * 100 + index`; every message's `ticket_id` is `id`.
    pub fn ticket(&mut self, id: TicketId) -> TicketRecord {
        ticket::build(self.seed, self.now, id, &mut self.slots, None)
    }

    /// A ticket that has just arrived at `at`: status new, unassigned or not, one customer
    /// message at `at`. For the simulator's stream of new work.
    pub fn incoming(&mut self, id: TicketId, at: Millis) -> TicketRecord {
        ticket::build(self.seed, self.now, id, &mut self.slots, Some(at))
    }

    /// A customer follow-up on an existing ticket at time `at`, in the ticket's language and
    /// channel, with id `ticket.id * 100 + ticket.messages.len()`.
    ///
    /// # Panics
    /// When the ticket already holds [`MAX_MESSAGES_PER_TICKET`] messages: the next id would
    /// belong to the following ticket.
    pub fn follow_up(&mut self, ticket: &TicketRecord, at: Millis) -> Message {
        let index = ticket.messages.len();
        assert!(
            index < MAX_MESSAGES_PER_TICKET,
            "ticket {} already has {index} messages; ids id*100+index would collide",
            ticket.id
        );
        let lang = Lang::of(ticket);
        let common = text::common(lang);
        // A stream per (ticket, position, time), so repeated follow-ups differ but replay exactly.
        let rng = &mut rng::derive(
            self.seed ^ at as u64,
            rng::FOLLOW_UP,
            (ticket.id as u64) << 7 | index as u64,
        );
        let slots = &mut self.slots;
        slots.clear();
        let name = ticket.customer.name.as_str();
        slots.set(
            Slot::Sign,
            match lang {
                Lang::Zh => name,
                // Given names can be two words ("Mei Ling"); the family name is the last.
                Lang::En => name.rsplit_once(' ').map_or(name, |(given, _)| given),
            },
        );
        slots.set(Slot::Wallet, &ticket.customer.wallet_account_id);
        let days = ((at - ticket.created_at) / time::DAY).max(1);
        slots.set_fmt(Slot::Days, format_args!("{days}"));
        let lines = match ticket.transaction_refs.first() {
            Some(tx) if rng::chance(rng, 0.4) => {
                slots.set(Slot::Tx, tx);
                common.follow_ups_tx
            }
            _ => common.follow_ups,
        };
        let mut body = String::with_capacity(160);
        if ticket.channel == Channel::Email {
            slots::render(&mut body, rng::line(rng, common.email_hello), slots);
            body.push_str("\n\n");
        }
        slots::render(&mut body, rng::line(rng, lines), slots);
        if ticket.channel == Channel::Email {
            body.push_str("\n\n");
            slots::render(&mut body, rng::line(rng, common.email_bye), slots);
        }
        Message {
            id: ticket.id * 100 + index as i64,
            ticket_id: ticket.id,
            kind: MessageKind::Customer,
            author: ticket.customer.name.clone(),
            body,
            channel: ticket.channel,
            created_at: at,
            html: None,
            attachments: vec![],
            device: None,
        }
    }
}
