//! The shape and timing of a thread: who writes when, given the ticket's status and channel.

use desk_domain::{Channel, Message, MessageKind, Millis, Status, TicketId};

use crate::rng::{self, DemoRng};
use crate::shape::{Beat, Memory, Shaper};
use crate::time::{MINUTE, SECOND};

pub(crate) const MAX_BEATS: usize = 9;

/// After the opening, a worked case alternates like this; the status decides how it ends.
const BODY: [Beat; 8] = [
    Beat::Ask,
    Beat::Answer,
    Beat::Note,
    Beat::Update,
    Beat::Answer,
    Beat::Note,
    Beat::Update,
    Beat::Answer,
];

/// Thread lengths for tickets an agent has touched; with new tickets' 1-3 messages the mean
/// over a queue is about five.
const WORKED_LENGTHS: [(usize, u32); 8] = [
    (2, 8),
    (3, 12),
    (4, 15),
    (5, 17),
    (6, 16),
    (7, 13),
    (8, 10),
    (9, 9),
];

pub(crate) struct Plan {
    pub beats: [Beat; MAX_BEATS],
    pub len: usize,
}

pub(crate) fn plan(rng: &mut DemoRng, status: Status, channel: Channel) -> Plan {
    let mut beats = [Beat::Opening; MAX_BEATS];
    if status == Status::New {
        // A voicemail is one message; chat and email customers often add a line or two.
        let len = if channel == Channel::Phone {
            1
        } else {
            rng::weighted(rng, &[(1, 50), (2, 32), (3, 18)])
        };
        beats[1..len].fill(Beat::Chaser);
        return Plan { beats, len };
    }
    let len = rng::weighted(rng, &WORKED_LENGTHS);
    let tail: &[Beat] = match status {
        Status::Open if rng::chance(rng, 0.3) => &[Beat::Note],
        Status::Open | Status::New => &[Beat::Answer],
        Status::Pending => &[Beat::Ask],
        Status::OnHold => &[Beat::Note],
        Status::Solved | Status::Closed if len >= 4 && rng::chance(rng, 0.4) => {
            &[Beat::Fix, Beat::Thanks]
        }
        Status::Solved | Status::Closed => &[Beat::Fix],
    };
    let body = len - tail.len();
    beats[1..body].copy_from_slice(&BODY[..body - 1]);
    beats[body..len].copy_from_slice(tail);
    // Two public replies in a row read as if the customer's answer went missing: the agent
    // worked the case (a note) between them instead.
    for i in 2..len {
        if beats[i].is_reply() && beats[i - 1].is_reply() {
            beats[i - 1] = Beat::Note;
        }
    }
    if channel == Channel::Phone && len >= 2 {
        beats[1] = Beat::CallLog;
    }
    Plan { beats, len }
}

/// Time from the previous message to `beat`, in milliseconds: seconds in a live chat, minutes
/// to days by email.
fn gap(rng: &mut DemoRng, beat: Beat, channel: Channel, index: usize) -> i64 {
    let minutes = |rng: &mut DemoRng, lo: i64, hi: i64| rng::skewed(rng, lo * MINUTE, hi * MINUTE);
    match channel {
        Channel::WebChat => {
            let (lo, hi) = match beat {
                Beat::Chaser => (30, 300),
                Beat::Ask => (20, 180),
                Beat::Answer => (15, 240),
                Beat::Note | Beat::CallLog => (30, 600),
                Beat::Update => (60, 900),
                Beat::Fix => (60, 1_200),
                Beat::Opening | Beat::Thanks => (10, 120),
            };
            // Longer chats often resume later, after the customer has checked with the bank.
            let later = if index >= 3 && rng::chance(rng, 0.2) {
                60
            } else {
                1
            };
            rng::skewed(rng, lo * SECOND, hi * SECOND) * later
        }
        _ => {
            let scale = if channel == Channel::Social { 3 } else { 1 };
            match beat {
                Beat::CallLog => minutes(rng, 3, 18),
                Beat::Chaser => minutes(rng, 10, 1_440 / scale),
                Beat::Ask => minutes(rng, 20, 1_200 / scale),
                Beat::Answer => minutes(rng, 30, 2_880 / scale),
                Beat::Note => minutes(rng, 2, 240),
                Beat::Update => minutes(rng, 60, 2_880 / scale),
                Beat::Fix => minutes(rng, 60, 4_320 / scale),
                Beat::Opening | Beat::Thanks => minutes(rng, 10, 1_440),
            }
        }
    }
}

pub(crate) struct Authors<'a> {
    pub customer: &'a str,
    pub agent: &'a str,
}

/// The messages of `plan`, the first at `start` and none after `horizon`. Returns the messages
/// and the template slots they used.
#[allow(clippy::too_many_arguments)]
pub(crate) fn messages(
    rng: &mut DemoRng,
    id: TicketId,
    plan: &Plan,
    shaper: &Shaper<'_>,
    authors: &Authors<'_>,
    start: Millis,
    horizon: Millis,
) -> (Vec<Message>, u32) {
    let beats = &plan.beats[..plan.len];
    let mut gaps = [0i64; MAX_BEATS];
    for (i, beat) in beats.iter().enumerate().skip(1) {
        gaps[i] = gap(rng, *beat, shaper.channel, i);
    }
    // Squeeze the thread into the time it has had; keep a margin so the last message is never
    // after `horizon`, and every gap at least a millisecond so times strictly increase.
    let total: i64 = gaps.iter().sum();
    let budget = (horizon - start) * 9 / 10;
    if total > budget {
        for g in gaps.iter_mut().take(plan.len).skip(1) {
            *g = ((*g as i128 * budget as i128 / total as i128) as i64).max(1);
        }
    }

    let mut out = Vec::with_capacity(plan.len);
    let mut used = 0;
    let mut at = start;
    let mut replied = false;
    let mut memory = Memory::default();
    for (i, &beat) in beats.iter().enumerate() {
        at += gaps[i];
        let mut body = String::with_capacity(256);
        let first_reply = beat.is_reply() && !replied;
        replied |= beat.is_reply();
        used |= shaper.body(rng, &mut memory, beat, first_reply, &mut body);
        let (kind, author) = match beat {
            b if b.is_customer() => (MessageKind::Customer, authors.customer),
            b if b.is_reply() => (MessageKind::Reply, authors.agent),
            _ => (MessageKind::Note, authors.agent),
        };
        out.push(Message {
            id: id * 100 + i as i64,
            ticket_id: id,
            kind,
            author: author.to_owned(),
            body,
            channel: shaper.channel,
            created_at: at,
            html: None,
            attachments: vec![],
            device: None,
        });
    }
    (out, used)
}
