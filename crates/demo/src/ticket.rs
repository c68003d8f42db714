//! One ticket: who writes, about what, through which channel, in what state.

use desk_domain::{Category, Channel, Millis, Priority, Status, TicketId, TicketRecord};
use rand::Rng;

use crate::people::{self, Person};
use crate::rng::{self, DemoRng};
use crate::shape::{Shaper, HOSTILE};
use crate::slots::{Slot, Slots};
use crate::team;
use crate::text;
use crate::thread::{self, Authors};
use crate::time::{DAY, HOUR, MINUTE};

/// A wallet queue: money movement and logins dominate; security and fraud about a tenth.
const CATEGORIES: [(Category, u32); 13] = [
    (Category::TopUp, 15),
    (Category::Withdrawal, 13),
    (Category::AccountAccess, 13),
    (Category::Transfer, 12),
    (Category::CardsPayments, 8),
    (Category::DisputeRefund, 7),
    (Category::AccountSecurity, 6),
    (Category::AccountSettings, 6),
    (Category::Technical, 6),
    (Category::FeesLimits, 5),
    (Category::Fraud, 4),
    (Category::General, 3),
    (Category::RegionCompliance, 3),
];

const STATUSES: [(Status, u32); 6] = [
    (Status::New, 12),
    (Status::Open, 27),
    (Status::Pending, 18),
    (Status::OnHold, 8),
    (Status::Solved, 22),
    (Status::Closed, 13),
];

fn channel_for(rng: &mut DemoRng, category: Category, person: &Person) -> Channel {
    let (chat, email, in_app, phone, social, forum) = match category {
        Category::Technical => (18, 14, 45, 6, 5, 12),
        Category::AccountSecurity | Category::Fraud => (30, 20, 10, 30, 6, 4),
        _ => (30, 22, 20, 12, 9, 7),
    };
    let channel = rng::weighted(
        rng,
        &[
            (Channel::WebChat, chat),
            (Channel::Email, email),
            (Channel::InApp, in_app),
            (Channel::Phone, phone),
            (Channel::Social, social),
            (Channel::Forum, forum),
        ],
    );
    // A customer without an email address cannot have written one.
    if channel == Channel::Email && person.customer.email.is_none() {
        Channel::WebChat
    } else {
        channel
    }
}

fn priority_for(rng: &mut DemoRng, category: Category) -> Priority {
    if category.is_urgent() {
        rng::weighted(
            rng,
            &[
                (Priority::Urgent, 55),
                (Priority::High, 35),
                (Priority::Normal, 10),
            ],
        )
    } else {
        rng::weighted(
            rng,
            &[
                (Priority::Low, 12),
                (Priority::Normal, 68),
                (Priority::High, 18),
                (Priority::Urgent, 2),
            ],
        )
    }
}

/// How long ago the ticket was opened: new tickets are hours old (so SLA views have work in
/// them), closed ones days; nothing is older than 30 days.
fn age_for(rng: &mut DemoRng, status: Status) -> i64 {
    let (lo, hi) = match status {
        Status::New => (MINUTE, 36 * HOUR),
        Status::Open => (10 * MINUTE, 10 * DAY),
        Status::Pending => (HOUR, 14 * DAY),
        Status::OnHold => (DAY, 20 * DAY),
        Status::Solved => (2 * HOUR, 25 * DAY),
        Status::Closed => (4 * DAY, 30 * DAY),
    };
    rng::skewed(rng, lo, hi)
}

/// How many references the customer quotes: one or two when the case is about a payment,
/// none otherwise (a reference pasted into an address change reads as a generator bug).
fn refs_for(rng: &mut DemoRng, money: bool) -> usize {
    match (money, rng::chance(rng, 0.25)) {
        (false, _) => 0,
        (true, true) => 2,
        (true, false) => 1,
    }
}

fn tags_for(
    rng: &mut DemoRng,
    scenario_tag: &'static str,
    person: &Person,
    category: Category,
    channel: Channel,
    status: Status,
    app: &str,
) -> Vec<String> {
    let mut candidates: [&str; 6] = [""; 6];
    let mut push = |i: &mut usize, tag: &'static str| {
        candidates[*i] = tag;
        *i += 1;
    };
    let mut n = 0;
    if !scenario_tag.is_empty() && rng::chance(rng, 0.7) {
        push(&mut n, scenario_tag);
    }
    if rng::chance(rng, 0.06) {
        push(&mut n, "vip");
    }
    if rng::chance(rng, 0.1) {
        push(&mut n, "repeat-contact");
    }
    if status == Status::OnHold && rng::chance(rng, 0.5) {
        push(&mut n, "escalated");
    }
    let app_case = category == Category::Technical || channel == Channel::InApp;
    if app_case && app.starts_with("5.12") && rng::chance(rng, 0.5) {
        push(&mut n, "app-5.12");
    }
    if person.customer.verification != desk_domain::Verification::Verified
        && scenario_tag != "kyc"
        && rng::chance(rng, 0.4)
    {
        push(&mut n, "kyc");
    }
    candidates[..n.min(3)]
        .iter()
        .map(|t| (*t).to_owned())
        .collect()
}

fn nth(lines: &'static [&'static str], variant: usize) -> &'static str {
    lines[variant % lines.len()]
}

/// The ticket `id`. With `incoming`, a ticket just opened at that time (status new, one
/// message), for the simulator; otherwise a ticket from the 30 days before `now`.
pub(crate) fn build(
    seed: u64,
    now: Millis,
    id: TicketId,
    slots: &mut Slots,
    incoming: Option<Millis>,
) -> TicketRecord {
    let stream = if incoming.is_some() {
        rng::INCOMING
    } else {
        rng::TICKET
    };
    let rng = &mut rng::derive(seed, stream, id as u64);
    // Customers come back: about four tickets in three are from someone seen before or after.
    let pool = id.unsigned_abs() * 3 / 4 + 500;
    let person = people::person(seed, rng.random_range(0..pool));
    let lang = person.lang;
    let category = rng::weighted(rng, &CATEGORIES);
    let channel = channel_for(rng, category, &person);
    let status = if incoming.is_some() {
        Status::New
    } else {
        rng::weighted(rng, &STATUSES)
    };
    let priority = priority_for(rng, category);
    let group = team::group_for(category);
    let agent = team::pick_member(rng, group, lang);
    let unassigned = rng::chance(rng, if status == Status::New { 0.9 } else { 0.15 });
    let (created_at, horizon) = match incoming {
        Some(at) => (at, at),
        None => (now - age_for(rng, status), now),
    };

    let texts = text::texts(lang, category);
    let scenario = rng::pick(rng, texts.scenarios);
    // Subject, opening and one-liner are written as parallel variants: pick them together.
    let variant = rng.random_range(0..6usize);
    crate::facts::fill(slots, rng, category, &person, Some(agent), created_at);
    let want_refs = refs_for(rng, scenario.money);
    let mut plan = thread::plan(rng, status, channel);
    if incoming.is_some() {
        plan.len = 1;
    }
    let shaper = Shaper {
        channel,
        texts,
        scenario,
        common: text::common(lang),
        slots,
        want_refs,
        untouched: status == Status::New,
        variant,
    };
    let authors = Authors {
        customer: &person.customer.name,
        agent: agent.name,
    };
    let (mut messages, used) =
        thread::messages(rng, id, &plan, &shaper, &authors, created_at, horizon);

    let mut subject = String::with_capacity(96);
    crate::slots::render(&mut subject, nth(scenario.subjects, variant), slots);
    if rng::chance(rng, 1.0 / 200.0) {
        let common = text::common(lang);
        let payload = rng::line(rng, HOSTILE);
        let body = &mut messages[0].body;
        body.push_str("\n\n");
        body.push_str(rng::line(rng, common.hostile_lead));
        body.push_str(payload);
        if rng::chance(rng, 0.3) {
            subject.insert(0, ' ');
            subject.insert_str(0, payload);
        }
    }

    crate::parts::decorate(&mut messages[0], channel, id, slots);

    let mut transaction_refs = Vec::new();
    for slot in [Slot::Tx, Slot::Tx2] {
        if used & slot.bit() != 0 {
            transaction_refs.push(slots.get(slot).to_owned());
        }
    }
    let tags = tags_for(
        rng,
        scenario.tag,
        &person,
        category,
        channel,
        status,
        slots.get(Slot::App),
    );
    let updated_at = messages.last().map_or(created_at, |m| m.created_at);
    TicketRecord {
        id,
        subject,
        status,
        priority,
        category,
        channel,
        assignee_id: (!unassigned).then(|| agent.id.to_owned()),
        group_id: Some(group.to_owned()),
        tags,
        transaction_refs,
        created_at,
        updated_at,
        customer: person.customer,
        messages,
        triage: None,
    }
}
