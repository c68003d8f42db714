//! The demo support team and how tickets are routed to it.

use desk_domain::{Agent, Category, Group};

use crate::rng::{self, DemoRng};
use crate::Lang;

/// The demo workspace's groups and agents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoTeam {
    pub groups: Vec<Group>,
    pub agents: Vec<Agent>,
}

pub(crate) const FIRST_LINE: &str = "first_line";
pub(crate) const PAYMENTS: &str = "payments";
pub(crate) const SECURITY: &str = "security";

const GROUPS: [(&str, &str); 3] = [
    (FIRST_LINE, "First line / 一线"),
    (PAYMENTS, "Payments / 支付"),
    (SECURITY, "Security / 安全"),
];

pub(crate) struct Member {
    pub id: &'static str,
    pub name: &'static str,
    pub initials: &'static str,
    pub group: &'static str,
    /// Reads and writes Chinese: zh tickets go to these agents first, as a real rota would.
    pub zh: bool,
    /// How much of the group's work lands on this agent.
    pub share: u32,
}

/// The first entry is the signed-in demo agent ("me"); it takes the largest first-line share so
/// the "mine" views are well filled.
pub(crate) const MEMBERS: [Member; 8] = [
    member("agent-lin-yue", "Lin Yue 林悦", "LY", FIRST_LINE, true, 5),
    member("agent-priya-nair", "Priya Nair", "PN", FIRST_LINE, false, 3),
    member("agent-tom-becker", "Tom Becker", "TB", FIRST_LINE, true, 2),
    member("agent-zhou-hao", "Zhou Hao 周浩", "ZH", PAYMENTS, true, 3),
    member(
        "agent-sarah-okafor",
        "Sarah Okafor",
        "SO",
        PAYMENTS,
        false,
        3,
    ),
    member("agent-chen-jing", "Chen Jing 陈静", "CJ", PAYMENTS, true, 2),
    member(
        "agent-daniel-reyes",
        "Daniel Reyes",
        "DR",
        SECURITY,
        false,
        3,
    ),
    member("agent-wang-fang", "Wang Fang 王芳", "WF", SECURITY, true, 3),
];

const fn member(
    id: &'static str,
    name: &'static str,
    initials: &'static str,
    group: &'static str,
    zh: bool,
    share: u32,
) -> Member {
    Member {
        id,
        name,
        initials,
        group,
        zh,
        share,
    }
}

/// Groups "first_line", "payments" and "security", and eight agents spread across them. The
/// first agent is the signed-in demo agent ("me"), in the first-line group.
pub fn team() -> DemoTeam {
    DemoTeam {
        groups: GROUPS
            .iter()
            .map(|(id, name)| Group {
                id: (*id).to_owned(),
                name: (*name).to_owned(),
            })
            .collect(),
        agents: MEMBERS
            .iter()
            .map(|m| Agent {
                id: m.id.to_owned(),
                name: m.name.to_owned(),
                group_id: Some(m.group.to_owned()),
            })
            .collect(),
    }
}

/// Security cases go to the security team, money movement to payments, the rest to first line.
pub(crate) fn group_for(category: Category) -> &'static str {
    match category {
        Category::AccountSecurity | Category::Fraud => SECURITY,
        Category::TopUp
        | Category::Withdrawal
        | Category::Transfer
        | Category::DisputeRefund
        | Category::FeesLimits => PAYMENTS,
        Category::AccountAccess
        | Category::CardsPayments
        | Category::AccountSettings
        | Category::RegionCompliance
        | Category::Technical
        | Category::General => FIRST_LINE,
    }
}

/// An agent of `group`, preferring those who read the ticket's language.
pub(crate) fn pick_member(rng: &mut DemoRng, group: &str, lang: Lang) -> &'static Member {
    let mut choices = [(0usize, 0u32); MEMBERS.len()];
    let mut n = 0;
    for (i, m) in MEMBERS.iter().enumerate() {
        if m.group == group {
            let fluent = m.zh == (lang == Lang::Zh) || lang == Lang::En;
            choices[n] = (i, if fluent { m.share * 3 } else { m.share });
            n += 1;
        }
    }
    &MEMBERS[rng::weighted(rng, &choices[..n])]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn team_has_three_groups_and_me_first_in_first_line() {
        let t = team();
        let groups: Vec<&str> = t.groups.iter().map(|g| g.id.as_str()).collect();
        assert_eq!(groups, ["first_line", "payments", "security"]);
        assert_eq!(
            t.agents[0].group_id.as_deref(),
            Some("first_line"),
            "the signed-in agent works first line"
        );
        assert!(t.agents.len() >= 6);
        for g in &groups {
            assert!(
                t.agents.iter().any(|a| a.group_id.as_deref() == Some(*g)),
                "group {g} needs agents"
            );
        }
    }

    #[test]
    fn zh_tickets_go_to_agents_who_read_chinese() {
        let rng = &mut crate::rng::derive(1, 99, 0);
        for group in [FIRST_LINE, PAYMENTS, SECURITY] {
            let zh = (0..200)
                .filter(|_| pick_member(rng, group, Lang::Zh).zh)
                .count();
            assert!(
                zh >= 150,
                "{group}: Chinese tickets mostly to Chinese-reading agents ({zh}/200)"
            );
        }
    }
}
