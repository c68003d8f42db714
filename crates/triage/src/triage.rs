//! Model + rules → a decision that records why, so an agent can ask "why is this urgent?".

use desk_domain::{Category, Channel};
use serde::{Deserialize, Serialize};

use crate::model::Model;
use crate::rules::{fold, Rule, Rules};

/// What triage looks at for one ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TriageInput<'a> {
    /// Subject and first message, in any mix of Chinese and English.
    pub text: &'a str,
    pub channel: Option<Channel>,
    /// Amount in question, in minor units, when the ticket carries one.
    pub amount_minor: Option<i64>,
}

/// Why a decision came out the way it did. Stored with the ticket, shown to agents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// The model chose the category and no rule changed anything.
    Model { score: f32 },
    /// An admin rule set the category (and possibly more).
    Rule { rule_id: String, rule_name: String },
    /// The model chose the category; a rule (the first that changed anything) forced the
    /// urgency and/or the group.
    ModelAndRule {
        score: f32,
        rule_id: String,
        rule_name: String,
    },
}

/// The triage outcome for one ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct Decision {
    pub category: Category,
    pub urgent: bool,
    /// The model's probability for `category`, or 1.0 when a rule set the category.
    pub confidence: f32,
    /// Team the ticket is routed to, when a rule says so.
    pub group: Option<String>,
    pub reason: Reason,
}

/// The classifier with an admin's rules on top. `Triage<'static>` (from the embedded model)
/// can live in long-lived app state.
#[derive(Debug, Clone)]
pub struct Triage<'m> {
    model: &'m Model,
    rules: Rules,
}

impl Triage<'static> {
    /// The embedded model with the default rules.
    pub fn embedded() -> Triage<'static> {
        Triage::new(Model::embedded(), Rules::default_rules())
    }

    /// One process-wide [`Triage::embedded`], built on first use: the hub's intake and the
    /// console's suggestions share it instead of each keeping a copy.
    pub fn shared() -> &'static Triage<'static> {
        static SHARED: std::sync::OnceLock<Triage<'static>> = std::sync::OnceLock::new();
        SHARED.get_or_init(Triage::embedded)
    }
}

impl<'m> Triage<'m> {
    pub fn new(model: &'m Model, rules: Rules) -> Triage<'m> {
        Triage { model, rules }
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Swaps in new rules (e.g. after an admin edit) without touching the model.
    pub fn set_rules(&mut self, rules: Rules) {
        self.rules = rules;
    }

    /// Classifies one ticket: the model first, then the rules in order. For each of category,
    /// urgency and group, the first firing rule that sets it wins over the model.
    pub fn classify(&self, input: &TriageInput<'_>) -> Decision {
        let pred = self.model.predict(input.text);
        // Folding allocates, so only do it when some rule reads the text.
        let folded = if self.rules.uses_keywords() {
            fold(input.text)
        } else {
            String::new()
        };
        let mut category: Option<(Category, &Rule)> = None;
        let mut urgent: Option<(bool, &Rule)> = None;
        let mut group: Option<(&str, &Rule)> = None;
        let mut first_effect: Option<&Rule> = None;
        for rule in self.rules.rules() {
            let current = category.map_or(pred.category, |(c, _)| c);
            if !rule.matches(&folded, input, current) {
                continue;
            }
            let mut changed = false;
            if let (None, Some(c)) = (category, rule.then.category) {
                category = Some((c, rule));
                changed = true;
            }
            if let (None, Some(u)) = (urgent, rule.then.urgent) {
                urgent = Some((u, rule));
                changed = true;
            }
            if let (None, Some(g)) = (group, rule.then.group.as_deref()) {
                group = Some((g, rule));
                changed = true;
            }
            if changed && first_effect.is_none() {
                first_effect = Some(rule);
            }
        }
        let (final_category, confidence, reason) = match (category, first_effect) {
            (Some((c, r)), _) => (c, 1.0, rule_reason(r)),
            (None, Some(r)) => (
                pred.category,
                pred.confidence,
                Reason::ModelAndRule {
                    score: pred.confidence,
                    rule_id: r.id.clone(),
                    rule_name: r.name.clone(),
                },
            ),
            (None, None) => (
                pred.category,
                pred.confidence,
                Reason::Model {
                    score: pred.confidence,
                },
            ),
        };
        Decision {
            category: final_category,
            urgent: urgent.map_or(final_category.is_urgent(), |(u, _)| u),
            confidence,
            group: group.map(|(g, _)| g.to_owned()),
            reason,
        }
    }

    /// Classifies many tickets; same as calling [`Triage::classify`] on each.
    pub fn classify_batch(&self, inputs: &[TriageInput<'_>]) -> Vec<Decision> {
        inputs.iter().map(|i| self.classify(i)).collect()
    }
}

fn rule_reason(r: &Rule) -> Reason {
    Reason::Rule {
        rule_id: r.id.clone(),
        rule_name: r.name.clone(),
    }
}
