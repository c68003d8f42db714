//! Admin rules: JSON a hub admin edits to override the model ("anything that says 钓鱼 is a
//! security case, route it to the security team"). Parsed into raw strings first and then
//! validated, so an error names the rule and the bad value instead of a serde column number.

use desk_domain::{Category, Channel};
use serde::{Deserialize, Serialize};

use crate::features::fold_char;
use crate::triage::TriageInput;

/// The rules shipped with the crate: security and fraud wording in zh and en.
pub const DEFAULT_RULES_JSON: &str = include_str!("../rules/default.json");

/// Why a rules file was refused.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    #[error("rules file is not valid JSON for the rules format: {0}")]
    Json(#[from] serde_json::Error),
    #[error("rule #{index} ('{id}'): {msg}")]
    Invalid {
        index: usize,
        id: String,
        msg: String,
    },
}

/// The file as written: `{"rules": [ { "id", "name", "when": {..}, "then": {..} } ]}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    rules: Vec<RawRule>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    name: String,
    when: RawWhen,
    then: RawThen,
}

// Unknown fields are refused so a typo ("keyword") cannot silently disable a condition.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWhen {
    keywords: Option<Vec<String>>,
    channels: Option<Vec<String>>,
    min_amount_minor: Option<i64>,
    categories: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawThen {
    category: Option<String>,
    urgent: Option<bool>,
    group: Option<String>,
}

/// What must hold for a rule to fire. Every condition given must hold; within a list any
/// element may match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conditions {
    /// Case- and width-insensitive substrings, stored folded (see [`fold`]).
    pub keywords: Option<Vec<String>>,
    pub channels: Option<Vec<Channel>>,
    /// The input's amount (minor units) must be at least this; inputs without an amount never match.
    pub min_amount_minor: Option<i64>,
    /// The category decided so far (the model's, or an earlier rule's) must be one of these.
    pub categories: Option<Vec<Category>>,
}

/// What a firing rule sets. For each field the first firing rule that sets it wins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Effects {
    pub category: Option<Category>,
    pub urgent: Option<bool>,
    pub group: Option<String>,
}

/// One validated rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub id: String,
    pub name: String,
    pub when: Conditions,
    pub then: Effects,
}

/// An ordered, validated rule list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rules {
    rules: Vec<Rule>,
}

/// Lowercases, maps full-width ASCII to ASCII and collapses whitespace, for keyword matching.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(fold_char) {
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

impl Rules {
    /// Parses and validates an admin's rules file.
    pub fn from_json(json: &str) -> Result<Rules, RulesError> {
        let file: RulesFile = serde_json::from_str(json)?;
        let mut rules: Vec<Rule> = Vec::with_capacity(file.rules.len());
        for (i, raw) in file.rules.into_iter().enumerate() {
            let index = i + 1;
            let id = raw.id.trim().to_owned();
            let bad = |msg: String| RulesError::Invalid {
                index,
                id: id.clone(),
                msg,
            };
            if id.is_empty() {
                return Err(bad("id is empty".into()));
            }
            if rules.iter().any(|r| r.id == id) {
                return Err(bad("duplicate rule id".into()));
            }
            if raw.name.trim().is_empty() {
                return Err(bad("name is empty".into()));
            }
            let w = raw.when;
            let keywords = match w.keywords {
                Some(k) if k.is_empty() => return Err(bad("keywords list is empty".into())),
                Some(k) => {
                    let folded: Vec<String> = k.iter().map(|s| fold(s)).collect();
                    if folded.iter().any(String::is_empty) {
                        return Err(bad("a keyword is blank".into()));
                    }
                    Some(folded)
                }
                None => None,
            };
            let channels = parse_list(w.channels, "channels", Channel::from_id).map_err(&bad)?;
            let categories =
                parse_list(w.categories, "categories", Category::from_id).map_err(&bad)?;
            if w.min_amount_minor.is_some_and(|a| a < 0) {
                return Err(bad("min_amount_minor is negative".into()));
            }
            if keywords.is_none()
                && channels.is_none()
                && categories.is_none()
                && w.min_amount_minor.is_none()
            {
                return Err(bad("no conditions: a rule needs keywords, channels, categories or min_amount_minor".into()));
            }
            let t = raw.then;
            let category = match t.category {
                Some(c) => Some(
                    Category::from_id(&c).ok_or_else(|| bad(format!("unknown category '{c}'")))?,
                ),
                None => None,
            };
            let group = t.group.map(|g| g.trim().to_owned());
            if group.as_deref() == Some("") {
                return Err(bad("group is empty".into()));
            }
            if category.is_none() && t.urgent.is_none() && group.is_none() {
                return Err(bad(
                    "no effects: a rule needs category, urgent or group".into()
                ));
            }
            rules.push(Rule {
                id,
                name: raw.name.trim().to_owned(),
                when: Conditions {
                    keywords,
                    channels,
                    min_amount_minor: w.min_amount_minor,
                    categories,
                },
                then: Effects {
                    category,
                    urgent: t.urgent,
                    group,
                },
            });
        }
        Ok(Rules { rules })
    }

    /// The shipped defaults (`rules/default.json`).
    pub fn default_rules() -> Rules {
        // Compiled in and parsed by a unit test, so failure here is a build defect.
        Rules::from_json(DEFAULT_RULES_JSON).expect("rules/default.json is valid")
    }

    /// No rules: the model decides everything.
    pub fn none() -> Rules {
        Rules::default()
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Whether any rule looks at the text (so callers can skip folding it).
    pub(crate) fn uses_keywords(&self) -> bool {
        self.rules.iter().any(|r| r.when.keywords.is_some())
    }
}

impl Rule {
    /// Whether this rule fires. `folded` is [`fold`] of the input text; `current` the category
    /// decided so far.
    pub(crate) fn matches(&self, folded: &str, input: &TriageInput<'_>, current: Category) -> bool {
        let w = &self.when;
        w.keywords
            .as_ref()
            .is_none_or(|k| k.iter().any(|k| folded.contains(k.as_str())))
            && w.channels
                .as_ref()
                .is_none_or(|c| input.channel.is_some_and(|x| c.contains(&x)))
            && w.min_amount_minor
                .is_none_or(|min| input.amount_minor.is_some_and(|a| a >= min))
            && w.categories.as_ref().is_none_or(|c| c.contains(&current))
    }
}

fn parse_list<T>(
    raw: Option<Vec<String>>,
    what: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<Vec<T>>, String> {
    let Some(raw) = raw else { return Ok(None) };
    if raw.is_empty() {
        return Err(format!("{what} list is empty"));
    }
    raw.iter()
        .map(|s| {
            parse(s.trim()).ok_or_else(|| format!("unknown {} '{s}'", what.trim_end_matches('s')))
        })
        .collect::<Result<Vec<T>, String>>()
        .map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_rules_parse_and_route_urgent_to_security() {
        let rules = Rules::default_rules();
        assert!(
            rules.rules().len() >= 4,
            "defaults cover zh and en security and fraud"
        );
        for r in rules.rules() {
            if r.then.urgent == Some(true) {
                assert_eq!(
                    r.then.group.as_deref(),
                    Some("security"),
                    "urgent rule {} must route to security",
                    r.id
                );
            }
        }
    }

    #[test]
    fn fold_normalises_case_width_and_spaces() {
        assert_eq!(
            fold("  Someone   LOGGED\tinto ＭＹ account "),
            "someone logged into my account"
        );
        assert_eq!(
            fold("我的账户冻结了"),
            "我的账户冻结了",
            "Chinese passes through unchanged"
        );
    }
}
