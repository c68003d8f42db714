//! What the proxy does to a request, and how the fault for a request is chosen.

use std::collections::VecDeque;

/// What the proxy does to one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Forward faithfully and stream the response back chunk by chunk, so a live SSE
    /// feed reaches the client as it is produced rather than when it ends.
    Pass,
    /// Nothing reaches upstream: the connection is closed without a response, so the
    /// client sees a connection error. Making this the standing fault for a path also cuts
    /// responses to that path that are still streaming (a live SSE feed dies at once).
    Offline,
    /// Forward (so upstream commits), then send the status line, the headers and about
    /// half of the body, and abort the connection: the client saw the request "succeed"
    /// but can never read the answer.
    DropMidResponse,
    /// Forward and wait for upstream's full response (so it committed), then answer
    /// `500 {"code":"internal","message":"injected"}` instead.
    ServerErrorAfterCommit,
    /// Do not forward; answer `429` with `Retry-After: N` and
    /// `{"code":"store_unavailable","message":"slow down"}`.
    TooManyRequests { retry_after_secs: u64 },
    /// Read the request, do not forward, never answer: the request hangs until the client
    /// gives up or the proxy shuts down.
    Stall,
}

/// Counters since the proxy started.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Requests that arrived at the proxy.
    pub seen: u64,
    /// Requests that upstream answered (whatever the client got back afterwards).
    pub forwarded: u64,
    /// Requests that met any fault other than [`Fault::Pass`].
    pub injected: u64,
}

/// The standing faults plus the script of one-shot faults.
#[derive(Debug)]
pub(crate) struct FaultTable {
    standing: Fault,
    /// `(path prefix, fault)`; the longest matching prefix beats `standing`.
    by_prefix: Vec<(String, Fault)>,
    /// `(path prefix, fault)` consumed in order: a request takes the first entry whose
    /// prefix matches it. `""` matches every path.
    script: VecDeque<(String, Fault)>,
}

impl Default for FaultTable {
    fn default() -> Self {
        Self {
            standing: Fault::Pass,
            by_prefix: Vec::new(),
            script: VecDeque::new(),
        }
    }
}

impl FaultTable {
    /// A new standing fault for every path: path-specific rules are dropped, since
    /// "every following request" would otherwise not mean every request.
    pub(crate) fn set(&mut self, fault: Fault) {
        self.standing = fault;
        self.by_prefix.clear();
    }

    /// A standing fault for paths starting with `prefix`, replacing any earlier rule for
    /// the same prefix.
    pub(crate) fn set_for(&mut self, prefix: &str, fault: Fault) {
        self.by_prefix.retain(|(p, _)| p != prefix);
        self.by_prefix.push((prefix.to_owned(), fault));
    }

    pub(crate) fn script_for(&mut self, prefix: &str, faults: impl IntoIterator<Item = Fault>) {
        self.script
            .extend(faults.into_iter().map(|f| (prefix.to_owned(), f)));
    }

    /// The fault that applies to `path` once the script has nothing for it.
    pub(crate) fn standing_for(&self, path: &str) -> &Fault {
        self.by_prefix
            .iter()
            .filter(|(prefix, _)| path.starts_with(prefix.as_str()))
            .max_by_key(|(prefix, _)| prefix.len())
            .map_or(&self.standing, |(_, fault)| fault)
    }

    /// The fault for a request arriving now: a matching scripted fault is used up first.
    pub(crate) fn take_for(&mut self, path: &str) -> Fault {
        let scripted = self
            .script
            .iter()
            .position(|(prefix, _)| path.starts_with(prefix.as_str()));
        match scripted.and_then(|at| self.script.remove(at)) {
            Some((_, fault)) => fault,
            None => self.standing_for(path).clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_prefix_wins_and_set_clears_rules() {
        let mut t = FaultTable::default();
        t.set_for("/api", Fault::Stall);
        t.set_for("/api/events", Fault::Offline);
        assert_eq!(
            t.take_for("/api/events"),
            Fault::Offline,
            "the more specific rule must win"
        );
        assert_eq!(
            t.take_for("/api/edits"),
            Fault::Stall,
            "the /api rule covers it"
        );
        assert_eq!(
            t.take_for("/health"),
            Fault::Pass,
            "no rule: the standing fault"
        );
        t.set(Fault::DropMidResponse);
        assert_eq!(
            t.take_for("/api/events"),
            Fault::DropMidResponse,
            "set() is for every following request, so path rules must be gone"
        );
    }

    #[test]
    fn script_runs_in_order_per_prefix_then_falls_back() {
        let mut t = FaultTable::default();
        t.script_for("/api/edits", [Fault::Stall, Fault::Offline]);
        assert_eq!(
            t.take_for("/api/events"),
            Fault::Pass,
            "an edits-only script must not be used up by other paths"
        );
        assert_eq!(
            t.take_for("/api/edits"),
            Fault::Stall,
            "first scripted fault first"
        );
        assert_eq!(t.take_for("/api/edits"), Fault::Offline, "then the second");
        assert_eq!(t.take_for("/api/edits"), Fault::Pass, "script used up");
    }
}
