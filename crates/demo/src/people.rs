//! Customers: names, contact details and KYC state. A customer is a function of the seed and
//! their number, so the same person comes back, unchanged, on later tickets.

use std::fmt::Write as _;

use desk_domain::{Customer, Verification};
use rand::Rng;

use crate::place::{self, Country};
use crate::rng;
use crate::Lang;

pub(crate) struct Person {
    pub customer: Customer,
    pub lang: Lang,
    pub family: &'static str,
    pub given: &'static str,
    pub female: bool,
    pub country: &'static Country,
}

/// (characters, pinyin) — the pinyin builds believable mailbox names.
#[rustfmt::skip]
const ZH_FAMILY: &[(&str, &str)] = &[
    ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"),
    ("黄", "huang"), ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"),
    ("马", "ma"), ("朱", "zhu"), ("胡", "hu"), ("郭", "guo"), ("何", "he"), ("林", "lin"),
    ("罗", "luo"), ("高", "gao"), ("郑", "zheng"), ("梁", "liang"), ("谢", "xie"), ("宋", "song"),
    ("唐", "tang"), ("韩", "han"), ("冯", "feng"), ("邓", "deng"), ("曹", "cao"), ("叶", "ye"),
];

/// (characters, pinyin, female)
#[rustfmt::skip]
const ZH_GIVEN: &[(&str, &str, bool)] = &[
    ("芳", "fang", true), ("静", "jing", true), ("丽娟", "lijuan", true), ("欣怡", "xinyi", true),
    ("雨桐", "yutong", true), ("婷", "ting", true), ("晓燕", "xiaoyan", true), ("佳琪", "jiaqi", true),
    ("梓涵", "zihan", true), ("思雨", "siyu", true), ("慧敏", "huimin", true), ("雪", "xue", true),
    ("诗涵", "shihan", true), ("美玲", "meiling", true), ("秀英", "xiuying", true),
    ("伟", "wei", false), ("强", "qiang", false), ("磊", "lei", false), ("俊杰", "junjie", false),
    ("浩然", "haoran", false), ("子轩", "zixuan", false), ("建国", "jianguo", false),
    ("志强", "zhiqiang", false), ("宇航", "yuhang", false), ("明", "ming", false),
    ("鹏", "peng", false), ("文博", "wenbo", false), ("家豪", "jiahao", false),
    ("晨", "chen", false), ("海涛", "haitao", false),
];

/// (name, female) — a mix of the backgrounds an international wallet serves.
#[rustfmt::skip]
const EN_GIVEN: &[(&str, bool)] = &[
    ("Emma", true), ("Oliver", false), ("Amelia", true), ("James", false), ("Sophie", true),
    ("Mohammed", false), ("Priya", true), ("Arjun", false), ("Chloe", true), ("Daniel", false),
    ("Grace", true), ("Liam", false), ("Aisha", true), ("Noah", false), ("Hannah", true),
    ("Lucas", false), ("Wei Jie", false), ("Nurul", true), ("Hafiz", false), ("Kenji", false),
    ("Chinedu", false), ("Amara", true), ("Diego", false), ("Sofia", true), ("Olivia", true),
    ("Ethan", false), ("Zara", true), ("Ryan", false), ("Isla", true), ("Connor", false),
    ("Fatima", true), ("Ravi", false), ("Ananya", true), ("Marcus", false), ("Keisha", true),
    ("Ewan", false), ("Niamh", true), ("Callum", false), ("Mei Ling", true), ("Tomasz", false),
];

#[rustfmt::skip]
const EN_FAMILY: &[&str] = &[
    "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas",
    "Johnson", "Patel", "Khan", "Singh", "Tan", "Lim", "Wong", "Lee", "Ng", "Rahman", "Abdullah",
    "O'Brien", "Murphy", "Kelly", "Nguyen", "Garcia", "Rodriguez", "Okafor", "Adeyemi", "Mensah",
    "Clarke", "Hughes", "Walker", "Robinson", "Wright", "Mitchell", "Cohen", "Fischer", "Novak",
    "Kowalski", "Silva", "Martins", "Hernandez", "MacDonald", "Campbell", "Chatterjee",
];

#[rustfmt::skip]
const ZH_MAIL: &[&str] = &["qq.com", "163.com", "126.com", "foxmail.com", "gmail.com", "sina.com", "outlook.com"];
#[rustfmt::skip]
const EN_MAIL: &[&str] = &["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "hotmail.com", "proton.me", "live.com"];

/// Customer number `k` for this seed.
pub(crate) fn person(seed: u64, k: u64) -> Person {
    let rng = &mut rng::derive(seed, rng::CUSTOMER, k);
    let lang = if rng.random_bool(0.5) {
        Lang::Zh
    } else {
        Lang::En
    };
    let country = place::pick_country(rng, lang == Lang::Zh);
    let mut wallet = String::with_capacity(14);
    wallet.push_str("WAL-");
    rng::digits(rng, &mut wallet, 10);
    let verification = rng::weighted(
        rng,
        &[
            (Verification::Verified, 86),
            (Verification::Pending, 7),
            (Verification::Unverified, 5),
            (Verification::Rejected, 2),
        ],
    );
    let (family, given, female, name, email) = match lang {
        Lang::Zh => {
            let &(family, family_py) = rng::pick(rng, ZH_FAMILY);
            let &(given, given_py, female) = rng::pick(rng, ZH_GIVEN);
            let mut email = String::with_capacity(32);
            match rng.random_range(0..4) {
                0 => {
                    let n = rng.random_range(8..11);
                    rng::digits(rng, &mut email, n);
                }
                1 => {
                    let _ = write!(
                        email,
                        "{family_py}{given_py}{}",
                        rng.random_range(1975..2006)
                    );
                }
                2 => {
                    let _ = write!(email, "{given_py}.{family_py}{}", rng.random_range(1..100));
                }
                _ => {
                    let _ = write!(email, "{family_py}_{given_py}");
                }
            }
            let domain = if email.as_bytes()[0].is_ascii_digit() {
                "qq.com"
            } else {
                rng::pick(rng, ZH_MAIL)
            };
            let _ = write!(email, "@{domain}");
            // Many mainland wallets are opened with a phone number alone.
            let email = (!rng.random_bool(0.1)).then_some(email);
            (family, given, female, format!("{family}{given}"), email)
        }
        Lang::En => {
            let &(given, female) = rng::pick(rng, EN_GIVEN);
            let family = *rng::pick(rng, EN_FAMILY);
            let mut email = String::with_capacity(32);
            let first = given.split(' ').next().unwrap_or(given);
            match rng.random_range(0..4) {
                0 => mailbox(&mut email, &[first, ".", family]),
                1 => {
                    mailbox(&mut email, &[first, family]);
                    let _ = write!(email, "{}", rng.random_range(1..100));
                }
                2 => mailbox(&mut email, &[&first[..1], family]),
                _ => {
                    mailbox(&mut email, &[first, "_", family]);
                    let _ = write!(email, "{}", rng.random_range(70..100));
                }
            }
            let _ = write!(email, "@{}", rng::pick(rng, EN_MAIL));
            (
                family,
                given,
                female,
                format!("{given} {family}"),
                Some(email),
            )
        }
    };
    Person {
        customer: Customer {
            id: format!("cus-{k:07}"),
            wallet_account_id: wallet,
            name,
            email,
            phone: Some(country.phone(rng)),
            country: country.code.to_owned(),
            verification,
        },
        lang,
        family,
        given,
        female,
        country,
    }
}

/// Lower-case ASCII mailbox from name parts ("O'Brien" → "obrien").
fn mailbox(out: &mut String, parts: &[&str]) {
    for part in parts {
        out.extend(
            part.chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '_')
                .map(|c| c.to_ascii_lowercase()),
        );
    }
}
