//! Customer wording from the seed articles and everyday tickets. The model alone must get the
//! category right (rules are a backstop, not a crutch), and the full triage must agree.

use desk_domain::Category::{self, *};
use desk_triage::{Model, Reason, Triage, TriageInput};

/// (text, expected category, why it must hold)
const CASES: &[(&str, Category, &str)] = &[
    (
        "有人盗用了我的账户",
        AccountSecurity,
        "seed: 账户被盗用 is a security case",
    ),
    (
        "我的账户被锁定了",
        AccountAccess,
        "seed: 账户被锁定 after wrong passwords is a login problem, not security",
    ),
    (
        "提现三天了还没到账",
        Withdrawal,
        "seed: withdrawals take 3-7 working days",
    ),
    (
        "I didn't make this payment",
        Fraud,
        "a payment the customer did not make is fraud",
    ),
    ("充值失败了，银行卡却扣了钱", TopUp, "seed: 充值失败"),
    (
        "昨天点开了一个钓鱼网站的链接，还填了密码",
        AccountSecurity,
        "seed: 钓鱼网站",
    ),
    ("这个应用每次打开都会闪退", Technical, "seed: 应用程序崩溃"),
    ("给朋友的转账到现在都没到", Transfer, "seed: 转账延迟"),
    (
        "商家不发货，我想把钱退回来",
        DisputeRefund,
        "seed: 交易纠纷/退款",
    ),
    ("转账的手续费为什么这么高", FeesLimits, "seed: 手续费"),
    (
        "哪些国家可以使用这个钱包",
        RegionCompliance,
        "seed: 国家/地区",
    ),
    ("登录密码想不起来了", AccountAccess, "seed: 忘记密码"),
    (
        "The app freezes on startup since the update",
        Technical,
        "crashes after updates are technical",
    ),
    (
        "What time does your support team open?",
        General,
        "opening hours are a general question",
    ),
    ("My top-up didn't go through", TopUp, "failed top-ups"),
    (
        "I need to change the address on my profile",
        AccountSettings,
        "personal details",
    ),
    (
        "My withdrawal from the ATM was declined",
        Withdrawal,
        "ATM problems are withdrawals",
    ),
    (
        "There is a charge on my card from a shop I have never been to",
        Fraud,
        "unrecognised card payment",
    ),
];

#[test]
fn model_alone_gets_the_category() {
    let model = Model::embedded();
    let wrong: Vec<String> = CASES
        .iter()
        .filter_map(|(text, want, why)| {
            let p = model.predict(text);
            (p.category != *want)
                .then(|| format!("{text:?}: got {} want {want} ({why})", p.category))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "model misclassifies:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn triage_agrees_and_urgency_follows_category() {
    let triage = Triage::embedded();
    for (text, want, why) in CASES {
        let d = triage.classify(&TriageInput {
            text,
            ..Default::default()
        });
        assert_eq!(d.category, *want, "{text:?}: {why}");
        assert_eq!(
            d.urgent,
            want.is_urgent(),
            "{text:?}: only security and fraud are urgent"
        );
        if d.urgent {
            assert_eq!(
                d.group.as_deref(),
                Some("security"),
                "{text:?}: urgent cases go to the security team"
            );
        }
        assert!(
            (0.0..=1.0).contains(&d.confidence),
            "{text:?}: confidence is a probability"
        );
    }
}

#[test]
fn urgent_seed_cases_explain_themselves() {
    let triage = Triage::embedded();
    let d = triage.classify(&TriageInput {
        text: "有人盗用了我的账户",
        ..Default::default()
    });
    assert!(d.urgent, "account takeover must be urgent");
    match d.reason {
        Reason::Rule { rule_id, .. } => {
            assert_eq!(rule_id, "security-zh", "the zh security rule covers 盗用")
        }
        other => panic!("expected the security rule to explain the decision, got {other:?}"),
    }
    let d = triage.classify(&TriageInput {
        text: "我的账户被锁定了",
        ..Default::default()
    });
    assert!(!d.urgent, "a locked account is not a security incident");
    assert!(
        matches!(d.reason, Reason::Model { .. }),
        "no rule mentions 锁定, so the model decided"
    );
}

#[test]
fn empty_text_is_general_with_zero_confidence() {
    let p = Model::embedded().predict("  ,.!? ");
    assert_eq!(
        p.category, General,
        "no features → no evidence for any specific category"
    );
    assert_eq!(p.confidence, 0.0, "no evidence → no confidence");
}
