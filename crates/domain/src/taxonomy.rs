//! Categories and channels from the shared taxonomy (`crates/domain/taxonomy.json`, a copy of
//! the spec). The enums give the rest of the code exhaustive matches; the JSON gives the
//! bilingual names, the urgent flag and the Banking77 mapping, so wording lives in one place.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::vocabulary::string_enum;

/// A name in both UI languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Localized {
    pub zh: String,
    pub en: String,
}

string_enum!(
    /// What a ticket is about.
    Category, id, from_id {
        AccountSecurity = "account_security",
        Fraud = "fraud",
        AccountAccess = "account_access",
        TopUp = "top_up",
        Transfer = "transfer",
        Withdrawal = "withdrawal",
        DisputeRefund = "dispute_refund",
        CardsPayments = "cards_payments",
        FeesLimits = "fees_limits",
        AccountSettings = "account_settings",
        RegionCompliance = "region_compliance",
        Technical = "technical",
        General = "general",
    }
);

string_enum!(
    /// Where a customer reached us.
    Channel, id, from_id {
        WebChat = "web_chat",
        Email = "email",
        Phone = "phone",
        InApp = "in_app",
        Social = "social",
        Forum = "forum",
    }
);

#[derive(Debug, Deserialize)]
struct TaxonomyFile {
    categories: Vec<CategoryEntry>,
    channels: Vec<ChannelEntry>,
}

#[derive(Debug, Deserialize)]
struct CategoryEntry {
    id: String,
    zh: String,
    en: String,
    urgent: bool,
    banking77: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct ChannelEntry {
    id: String,
    zh: String,
    en: String,
    first_response_target: String,
}

/// The taxonomy text compiled into every binary, so the console and hub never depend on a file
/// beside them at run time.
pub const TAXONOMY_JSON: &str = include_str!("../taxonomy.json");

fn taxonomy() -> &'static TaxonomyFile {
    static PARSED: OnceLock<TaxonomyFile> = OnceLock::new();
    // The file is compiled in and checked by a unit test, so a parse failure is a build defect.
    PARSED
        .get_or_init(|| serde_json::from_str(TAXONOMY_JSON).expect("embedded taxonomy.json parses"))
}

impl Category {
    fn entry(self) -> &'static CategoryEntry {
        taxonomy()
            .categories
            .iter()
            .find(|c| c.id == self.id())
            .expect("every Category variant is in taxonomy.json (unit-tested)")
    }

    pub fn name(self) -> Localized {
        let e = self.entry();
        Localized {
            zh: e.zh.clone(),
            en: e.en.clone(),
        }
    }

    /// Security and fraud cases: they jump the queue and raise native notifications.
    pub fn is_urgent(self) -> bool {
        self.entry().urgent
    }

    /// The Banking77 intents that belong to this category (training data for triage).
    pub fn banking77_intents(self) -> &'static [String] {
        &self.entry().banking77
    }

    /// The category a Banking77 intent maps to, if the taxonomy lists it.
    pub fn for_banking77_intent(intent: &str) -> Option<Category> {
        Category::ALL
            .iter()
            .copied()
            .find(|c| c.banking77_intents().iter().any(|i| i == intent))
    }
}

impl Channel {
    fn entry(self) -> &'static ChannelEntry {
        taxonomy()
            .channels
            .iter()
            .find(|c| c.id == self.id())
            .expect("every Channel variant is in taxonomy.json (unit-tested)")
    }

    pub fn name(self) -> Localized {
        let e = self.entry();
        Localized {
            zh: e.zh.clone(),
            en: e.en.clone(),
        }
    }

    /// The first-response promise as the taxonomy words it, for display.
    pub fn first_response_promise(self) -> &'static str {
        &self.entry().first_response_target
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_and_taxonomy_file_list_the_same_ids() {
        let t = taxonomy();
        let file_cats: Vec<&str> = t.categories.iter().map(|c| c.id.as_str()).collect();
        let enum_cats: Vec<&str> = Category::ALL.iter().map(|c| c.id()).collect();
        assert_eq!(
            file_cats, enum_cats,
            "Category must mirror taxonomy.json, in order"
        );
        let file_ch: Vec<&str> = t.channels.iter().map(|c| c.id.as_str()).collect();
        let enum_ch: Vec<&str> = Channel::ALL.iter().map(|c| c.id()).collect();
        assert_eq!(
            file_ch, enum_ch,
            "Channel must mirror taxonomy.json, in order"
        );
    }

    #[test]
    fn embedded_copy_matches_the_shared_spec_when_present() {
        // CI clones the repo with shared/ beside it; a stale copy would silently drift.
        let spec = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/spec/taxonomy.json");
        if let Ok(text) = std::fs::read_to_string(&spec) {
            assert_eq!(
                text, TAXONOMY_JSON,
                "crates/domain/taxonomy.json is out of date with the spec"
            );
        }
    }

    #[test]
    fn only_security_and_fraud_are_urgent() {
        let urgent: Vec<Category> = Category::ALL
            .iter()
            .copied()
            .filter(|c| c.is_urgent())
            .collect();
        assert_eq!(urgent, vec![Category::AccountSecurity, Category::Fraud]);
    }

    #[test]
    fn names_are_bilingual_and_ids_round_trip() {
        assert_eq!(Category::Withdrawal.name().zh, "提现");
        assert_eq!(Channel::InApp.name().zh, "应用内反馈");
        for c in Category::ALL {
            assert_eq!(c.id().parse::<Category>().unwrap(), *c);
        }
        assert_eq!(
            "<script>".parse::<Channel>().unwrap_err().code,
            crate::ErrorCode::InvalidInput
        );
    }

    #[test]
    fn banking77_intents_map_to_one_category() {
        assert_eq!(
            Category::for_banking77_intent("lost_or_stolen_phone"),
            Some(Category::AccountSecurity)
        );
        assert_eq!(
            Category::for_banking77_intent("top_up_failed"),
            Some(Category::TopUp)
        );
        assert_eq!(Category::for_banking77_intent("no_such_intent"), None);
    }
}
