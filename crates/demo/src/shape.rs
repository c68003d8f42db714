//! Message bodies shaped by channel: emails carry greetings and sign-offs, chats and DMs are
//! short, in-app feedback ends with the device line, phone tickets start from the call, forum
//! posts ask the community.

use desk_domain::Channel;

use rand::Rng;

use crate::rng::{self, DemoRng};
use crate::slots::{render, Slot, Slots};
use crate::text::{Common, Scenario, Texts};
use crate::thread::MAX_BEATS;

/// What the thread planner asks for at one position of the thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Beat {
    /// The customer's first message.
    Opening,
    /// The customer adds to an unanswered ticket.
    Chaser,
    /// The agent's log of the phone call the ticket came from.
    CallLog,
    Ask,
    Answer,
    Note,
    Update,
    Fix,
    Thanks,
}

impl Beat {
    pub(crate) fn is_customer(self) -> bool {
        matches!(
            self,
            Beat::Opening | Beat::Chaser | Beat::Answer | Beat::Thanks
        )
    }

    pub(crate) fn is_reply(self) -> bool {
        matches!(self, Beat::Ask | Beat::Update | Beat::Fix)
    }
}

/// Payloads the UI must show as text, never run: demo data that proves it.
pub(crate) const HOSTILE: &[&str] = &[
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "\"><svg onload=alert(1)>",
    "<a href=\"javascript:alert(document.cookie)\">click</a>",
    "'; DROP TABLE tickets; --",
];

/// What the thread has said so far: lines already used, so nobody sends the same sentence
/// twice, and the scenario question still waiting for the customer's answer.
#[derive(Default)]
pub(crate) struct Memory {
    seen: [usize; 2 * MAX_BEATS],
    len: usize,
    open_question: Option<usize>,
}

impl Memory {
    fn seen(&self, line: &str) -> bool {
        self.seen[..self.len].contains(&(line.as_ptr() as usize))
    }

    fn remember(&mut self, line: &'static str) -> &'static str {
        if self.len < self.seen.len() {
            self.seen[self.len] = line.as_ptr() as usize;
            self.len += 1;
        }
        line
    }

    /// A line from `first` (with probability `p_first`) or `second`, and its index in `first`
    /// if it came from there. Repeats only once both lists are used up.
    fn pick(
        &mut self,
        rng: &mut DemoRng,
        first: &'static [&'static str],
        second: &'static [&'static str],
        p_first: f64,
    ) -> (&'static str, Option<usize>) {
        for _ in 0..4 {
            let from_first = rng::chance(rng, p_first);
            let lines = if from_first { first } else { second };
            let i = rng.random_range(0..lines.len());
            if !self.seen(lines[i]) {
                return (self.remember(lines[i]), from_first.then_some(i));
            }
        }
        let unseen = |lines: &'static [&'static str]| lines.iter().position(|l| !self.seen(l));
        if let Some(i) = unseen(first) {
            return (self.remember(first[i]), Some(i));
        }
        if let Some(i) = unseen(second) {
            return (self.remember(second[i]), None);
        }
        (rng::line(rng, second), None)
    }

    fn line(&mut self, rng: &mut DemoRng, lines: &'static [&'static str]) -> &'static str {
        self.pick(rng, lines, lines, 1.0).0
    }
}

pub(crate) struct Shaper<'a> {
    pub channel: Channel,
    pub texts: &'static Texts,
    pub scenario: &'static Scenario,
    pub common: &'static Common,
    pub slots: &'a Slots,
    /// References that must appear in the first message (the customer copies them from the app).
    pub want_refs: usize,
    /// Nobody has picked the ticket up: a phone ticket is then a voicemail, not a call.
    pub untouched: bool,
    /// Which of the scenario's parallel subject/opening/one-liner variants this ticket uses.
    pub variant: usize,
}

impl Shaper<'_> {
    /// The body for `beat`; returns the slots it used. `first_reply` marks the agent's first
    /// public answer, which is where forum and phone replies add their one-off lines.
    pub(crate) fn body(
        &self,
        rng: &mut DemoRng,
        memory: &mut Memory,
        beat: Beat,
        first_reply: bool,
        out: &mut String,
    ) -> u32 {
        let c = self.common;
        let s = self.slots;
        let (t, sc) = (self.texts, self.scenario);
        let mut used = 0;
        match beat {
            Beat::Opening => return self.opening(rng, out),
            Beat::Chaser => used |= render(out, memory.line(rng, c.chasers), s),
            Beat::Answer => {
                // Answer the scenario question if one is open (asks and answers are written in
                // pairs when their counts match); otherwise a generic follow-up.
                let line = match memory.open_question.take() {
                    Some(i) if sc.answers.len() == sc.asks.len() => memory.remember(sc.answers[i]),
                    Some(_) => memory.line(rng, sc.answers),
                    None => memory.line(rng, t.answers),
                };
                used |= render(out, line, s);
                used |= self.customer_sign_off(rng, out, false);
            }
            Beat::Thanks => {
                used |= render(out, memory.line(rng, c.thanks), s);
                used |= self.customer_sign_off(rng, out, true);
            }
            Beat::Note => used |= render(out, memory.pick(rng, sc.notes, t.notes, 0.5).0, s),
            Beat::CallLog => {
                used |= render(out, c.call_log, s);
                used |= render(out, memory.line(rng, sc.notes), s);
            }
            Beat::Ask | Beat::Update | Beat::Fix => {
                let core = match beat {
                    Beat::Ask => {
                        let (line, scenario_index) = memory.pick(rng, sc.asks, t.asks, 0.7);
                        memory.open_question = scenario_index;
                        line
                    }
                    Beat::Update => memory.line(rng, t.updates),
                    _ => memory.line(rng, sc.fixes),
                };
                match self.channel {
                    Channel::Email | Channel::InApp => {
                        used |= render(out, rng::line(rng, c.agent_hello), s);
                        out.push_str("\n\n");
                        used |= render(out, core, s);
                        if self.channel == Channel::Email {
                            out.push_str("\n\n");
                            used |= render(out, rng::line(rng, c.agent_bye), s);
                        }
                    }
                    Channel::WebChat => {
                        if beat == Beat::Update {
                            out.push_str(rng::line(rng, c.chat_lead));
                        }
                        used |= render(out, core, s);
                    }
                    Channel::Phone => {
                        if first_reply {
                            out.push_str(c.call_follow);
                        }
                        used |= render(out, core, s);
                    }
                    Channel::Social => {
                        used |= render(out, core, s);
                        used |= render(out, c.social_sign, s);
                    }
                    Channel::Forum => {
                        used |= render(out, rng::line(rng, c.forum_hello), s);
                        used |= render(out, core, s);
                        if first_reply {
                            out.push_str(c.forum_private);
                        }
                    }
                }
            }
        }
        used
    }

    /// Emails end with the customer's sign-off; a thank-you just with their name.
    fn customer_sign_off(&self, rng: &mut DemoRng, out: &mut String, name_only: bool) -> u32 {
        if self.channel != Channel::Email {
            return 0;
        }
        out.push_str("\n\n");
        if name_only {
            render(out, "{sign}", self.slots)
        } else {
            render(out, rng::line(rng, self.common.email_bye), self.slots)
        }
    }

    fn opening(&self, rng: &mut DemoRng, out: &mut String) -> u32 {
        let c = self.common;
        let s = self.slots;
        let short = match self.channel {
            Channel::Social => true,
            Channel::WebChat => rng::chance(rng, 0.5),
            _ => false,
        };
        let lines = if short {
            self.scenario.shorts
        } else {
            self.scenario.openings
        };
        let core = lines[self.variant % lines.len()];
        let mut used = 0;
        match self.channel {
            Channel::Email => {
                used |= render(out, rng::line(rng, c.email_hello), s);
                out.push_str("\n\n");
            }
            Channel::WebChat => out.push_str(rng::line(rng, c.chat_hi)),
            Channel::Phone if self.untouched => out.push_str(c.voicemail),
            Channel::Phone => out.push_str(c.call_open),
            _ => {}
        }
        used |= render(out, core, s);
        used |= self.missing_refs(used, out);
        match self.channel {
            Channel::Email => {
                if rng::chance(rng, 0.6) {
                    out.push_str("\n\n");
                    used |= render(out, rng::line(rng, c.email_extra), s);
                }
                out.push_str("\n\n");
                used |= render(out, rng::line(rng, c.email_bye), s);
            }
            Channel::InApp => {
                out.push_str("\n\n");
                used |= render(out, c.device_line, s);
                if rng::chance(rng, 0.4) {
                    out.push('\n');
                    out.push_str(c.screenshot);
                }
            }
            Channel::Forum => out.push_str(rng::line(rng, c.forum_tail)),
            _ => {}
        }
        used
    }

    /// Adds the wanted references the opening's wording did not mention, as a customer pastes
    /// them from the transaction screen.
    fn missing_refs(&self, used: u32, out: &mut String) -> u32 {
        let wanted = [Slot::Tx, Slot::Tx2];
        let missing = wanted[..self.want_refs.min(2)]
            .iter()
            .filter(|slot| used & slot.bit() == 0);
        let mut added = 0;
        for slot in missing {
            if added == 0 {
                out.push_str(
                    if self.channel == Channel::WebChat || self.channel == Channel::Social {
                        " "
                    } else {
                        "\n"
                    },
                );
                out.push_str(self.common.tx_label);
            } else {
                out.push_str(self.common.tx_separator);
            }
            out.push_str(self.slots.get(*slot));
            added |= slot.bit();
        }
        added
    }
}
