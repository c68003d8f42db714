//! Template slots: the per-ticket facts (amount, bank, device…) that every message of a thread
//! shares, kept in one reusable buffer so a ticket costs no allocation beyond its own strings.

use std::fmt::{self, Write as _};

macro_rules! slots {
    ($($variant:ident = $name:literal),+ $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum Slot { $($variant),+ }

        impl Slot {
            pub(crate) const ALL: &'static [Slot] = &[$(Slot::$variant),+];

            fn from_name(name: &str) -> Option<Slot> {
                match name { $($name => Some(Slot::$variant),)+ _ => None }
            }
        }
    };
}

slots!(
    Amount = "amount",
    Fee = "fee",
    Limit = "limit",
    Tx = "tx",
    Tx2 = "tx2",
    Date = "date",
    Time = "time",
    Days = "days",
    Bank = "bank",
    Merchant = "merchant",
    Order = "order",
    Device = "device",
    Os = "os",
    App = "app",
    Err = "err",
    City = "city",
    Last4 = "last4",
    Country = "country",
    Phish = "phish",
    First = "first",
    Sign = "sign",
    Agent = "agent",
    Ini = "ini",
    Wallet = "wallet",
    Dur = "dur",
    Verif = "verif",
);

const COUNT: usize = Slot::ALL.len();

impl Slot {
    pub(crate) fn bit(self) -> u32 {
        1 << self as u32
    }
}

pub(crate) struct Slots {
    buf: String,
    spans: [(u32, u32); COUNT],
}

impl Slots {
    pub(crate) fn new() -> Self {
        Slots {
            buf: String::with_capacity(1024),
            spans: [(0, 0); COUNT],
        }
    }

    pub(crate) fn clear(&mut self) {
        self.buf.clear();
        self.spans = [(0, 0); COUNT];
    }

    pub(crate) fn set(&mut self, slot: Slot, value: &str) {
        let start = self.buf.len();
        self.buf.push_str(value);
        self.spans[slot as usize] = (start as u32, self.buf.len() as u32);
    }

    pub(crate) fn set_fmt(&mut self, slot: Slot, value: fmt::Arguments<'_>) {
        let start = self.buf.len();
        // Writing into a String cannot fail.
        let _ = self.buf.write_fmt(value);
        self.spans[slot as usize] = (start as u32, self.buf.len() as u32);
    }

    /// Builds a slot's value in place, for values assembled from random pieces.
    pub(crate) fn set_with(&mut self, slot: Slot, build: impl FnOnce(&mut String)) {
        let start = self.buf.len();
        build(&mut self.buf);
        self.spans[slot as usize] = (start as u32, self.buf.len() as u32);
    }

    pub(crate) fn get(&self, slot: Slot) -> &str {
        let (start, end) = self.spans[slot as usize];
        &self.buf[start as usize..end as usize]
    }
}

/// Appends `template` with its `{slot}`s filled; returns the bit set of slots it used, so the
/// caller knows whether a transaction reference already appears in the text.
pub(crate) fn render(out: &mut String, template: &str, slots: &Slots) -> u32 {
    let mut used = 0;
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let slot = after
            .find('}')
            .and_then(|close| Slot::from_name(&after[..close]).map(|s| (s, close)));
        match slot {
            Some((slot, close)) => {
                out.push_str(slots.get(slot));
                used |= slot.bit();
                rest = &after[close + 1..];
            }
            // Not a slot: keep the brace, so a bad template shows up in review and in tests.
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    used
}

/// The slot names a template refers to that are not slots (empty when the template is sound).
#[cfg(test)]
pub(crate) fn unknown_slots(template: &str) -> Vec<String> {
    let mut bad = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if Slot::from_name(&after[..close]).is_some() => rest = &after[close + 1..],
            _ => {
                bad.push(after.chars().take(12).collect());
                rest = after;
            }
        }
    }
    bad
}
