//! The facts one ticket is about — amount, bank, merchant, device, references — written into
//! the slots that every message of its thread shares, so a thread stays consistent.

use desk_domain::{Category, Millis};
use rand::Rng;

use crate::people::Person;
use crate::rng::{self, DemoRng};
use crate::slots::{Slot, Slots};
use crate::team::Member;
use crate::time::{self, DAY, HOUR};
use crate::Lang;

/// Characters of a transaction reference: no 0/O or 1/I, which agents misread on the phone.
const REF_CHARS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

#[rustfmt::skip]
const ZH_MERCHANTS: &[&str] = &[
    "京东自营", "淘宝店铺“小鹿家居”", "美团外卖", "携程旅行", "拼多多商家“果园直发”", "滴滴出行",
    "星巴克", "苏宁易购", "大麦网", "盒马鲜生", "网易游戏", "优衣库网店", "得物", "唯品会",
];
#[rustfmt::skip]
const EN_MERCHANTS: &[&str] = &[
    "Amazon Marketplace", "ASOS", "Uber", "Deliveroo", "Steam", "Booking.com", "gadgetzone_uk on eBay",
    "WildFernPrints on Etsy", "Apple.com", "Spotify", "Ryanair", "Argos", "Shopee", "Lazada", "Grab",
    "Northwind Electronics", "FitLife Gym",
];
#[rustfmt::skip]
const ZH_CITIES: &[&str] = &[
    "深圳", "上海", "北京", "广州", "成都", "杭州", "武汉", "西安", "重庆", "南京", "哈尔滨",
    "昆明", "厦门", "乌鲁木齐", "曼谷", "迪拜",
];
#[rustfmt::skip]
const EN_CITIES: &[&str] = &[
    "Manchester", "Birmingham", "Lagos", "Bucharest", "Frankfurt", "Toronto", "Dubai", "São Paulo",
    "Jakarta", "Chicago", "Kuala Lumpur", "Sydney", "Amsterdam", "Glasgow",
];
#[rustfmt::skip]
const ZH_COUNTRY_NAMES: &[&str] = &[
    "日本", "泰国", "越南", "美国", "英国", "澳大利亚", "加拿大", "阿联酋", "德国", "新西兰", "印度尼西亚",
];
#[rustfmt::skip]
const EN_COUNTRY_NAMES: &[&str] = &[
    "Japan", "Brazil", "Germany", "the UAE", "Vietnam", "Thailand", "South Africa", "Mexico",
    "Turkey", "India", "Nigeria", "Poland",
];
#[rustfmt::skip]
const PHISH: &[&str] = &[
    "http://wallet-verify-center.top/login", "https://0kwallet-support.xyz/unfreeze",
    "http://secure-wallet-refund.cc/claim", "https://wa11et-login.net/verify",
    "http://kyc-update-wallet.info/id", "https://wallet.account-unlock.live",
];

const IOS: &[&str] = &[
    "iOS 16.7.8",
    "iOS 17.4.1",
    "iOS 17.5",
    "iOS 17.6.1",
    "iOS 18.0.1",
    "iOS 18.1",
    "iOS 18.2",
];
const ANDROID: &[&str] = &[
    "Android 12",
    "Android 13",
    "Android 14",
    "Android 14",
    "Android 15",
];
const HARMONY: &[&str] = &["HarmonyOS 4.0", "HarmonyOS 4.2"];

#[rustfmt::skip]
const ZH_DEVICES: &[(&str, &[&str])] = &[
    ("iPhone 15 Pro", IOS), ("iPhone 14", IOS), ("iPhone 13", IOS), ("iPhone 12", IOS),
    ("HUAWEI Mate 60 Pro", HARMONY), ("HUAWEI P60", HARMONY), ("Xiaomi 14", ANDROID),
    ("Redmi Note 12", ANDROID), ("OPPO Reno10", ANDROID), ("vivo X100", ANDROID),
    ("Honor Magic6", ANDROID), ("OnePlus 12", ANDROID),
];
#[rustfmt::skip]
const EN_DEVICES: &[(&str, &[&str])] = &[
    ("iPhone 15 Pro", IOS), ("iPhone 15", IOS), ("iPhone 14", IOS), ("iPhone 13 mini", IOS),
    ("iPhone SE", IOS), ("iPhone 16 Pro Max", IOS), ("Pixel 7", ANDROID), ("Pixel 8 Pro", ANDROID),
    ("Galaxy S23", ANDROID), ("Galaxy A54", ANDROID), ("Galaxy S24 Ultra", ANDROID),
    ("OnePlus 11", ANDROID), ("Motorola Edge 40", ANDROID),
];

#[rustfmt::skip]
const APP_VERSIONS: &[(&str, u32)] = &[
    ("5.12.3", 30), ("5.12.2", 12), ("5.12.0", 8), ("5.11.8", 15), ("5.11.4", 8), ("5.10.2", 7),
    ("5.13.0", 10), ("5.9.7", 5), ("5.13.1", 5),
];

fn error_codes(category: Category) -> &'static [&'static str] {
    match category {
        Category::TopUp => &[
            "E4012",
            "E4051",
            "TOPUP_DECLINED_51",
            "3DS_AUTH_FAILED",
            "BANK_TIMEOUT_504",
        ],
        Category::Transfer => &[
            "E2031",
            "TRF_LIMIT_EXCEEDED",
            "BENEFICIARY_REJECTED",
            "E2044",
        ],
        Category::Withdrawal => &[
            "W3007",
            "WD_BANK_REJECTED",
            "E3012",
            "ACCOUNT_NAME_MISMATCH",
        ],
        Category::AccountAccess => &[
            "AUTH-401",
            "AUTH-423",
            "OTP_EXPIRED",
            "E1007",
            "2FA_MISMATCH",
        ],
        Category::CardsPayments => &["CARD_DECLINED_05", "E6021", "DO_NOT_HONOUR", "E6033"],
        Category::Technical => &[
            "E9001",
            "ERR_NETWORK_TIMEOUT",
            "SSL_HANDSHAKE_FAILED",
            "E5030",
            "HTTP 502",
        ],
        Category::AccountSettings => &["KYC-207", "KYC-311", "DOC_UNREADABLE"],
        Category::AccountSecurity | Category::Fraud => &["RISK-118", "E1403", "AUTH-451"],
        _ => &["E5000", "E5003"],
    }
}

/// (days before the ticket the money moved, rough size in USD, whether the customer chose a
/// round sum). Withdrawals reach us after the 3-7 working days have run out; disputes after
/// the seller stopped answering.
fn money_shape(category: Category) -> ((i64, i64), (f64, f64), bool) {
    match category {
        Category::TopUp => ((0, 4), (20.0, 700.0), true),
        Category::Withdrawal => ((5, 13), (60.0, 2_500.0), true),
        Category::Transfer => ((0, 5), (15.0, 1_500.0), true),
        Category::DisputeRefund => ((3, 25), (8.0, 600.0), false),
        Category::Fraud => ((0, 3), (12.0, 1_500.0), false),
        Category::CardsPayments => ((0, 6), (4.0, 350.0), false),
        Category::FeesLimits => ((0, 10), (200.0, 6_000.0), true),
        Category::AccountSecurity => ((0, 2), (100.0, 3_000.0), true),
        _ => ((0, 7), (10.0, 500.0), true),
    }
}

/// Fills `slots` for one ticket. `agent` writes the ticket's replies and notes, if any.
pub(crate) fn fill(
    slots: &mut Slots,
    rng: &mut DemoRng,
    category: Category,
    person: &Person,
    agent: Option<&Member>,
    created_at: Millis,
) {
    let zh = person.lang == Lang::Zh;
    let country = person.country;
    let ((days_lo, days_hi), (usd_lo, usd_hi), round) = money_shape(category);
    let days = rng.random_range(days_lo..=days_hi);
    let tx_at = created_at - days * DAY - rng.random_range(0..6 * HOUR);
    let usd = usd_lo * (usd_hi / usd_lo).powf(rng.random::<f64>());

    slots.clear();
    slots.set_with(Slot::Amount, |b| country.write_amount(b, usd, round, zh));
    let fee = (usd * rng.random_range(0.005..0.03)).max(0.3);
    slots.set_with(Slot::Fee, |b| country.write_amount(b, fee, false, zh));
    let limit = *rng::pick(rng, &[1_000.0, 2_000.0, 5_000.0, 10_000.0, 20_000.0]);
    slots.set_with(Slot::Limit, |b| country.write_amount(b, limit, true, zh));
    slots.set_with(Slot::Tx, |b| write_ref(b, rng, tx_at, country.utc_offset));
    let tx2_at = tx_at - rng.random_range(0..2 * DAY);
    slots.set_with(Slot::Tx2, |b| write_ref(b, rng, tx2_at, country.utc_offset));

    let when = time::civil(tx_at, country.utc_offset);
    let month = time::MONTHS[when.month as usize - 1];
    if zh {
        slots.set_fmt(Slot::Date, format_args!("{}月{}日", when.month, when.day));
    } else if country.month_first {
        slots.set_fmt(Slot::Date, format_args!("{month} {}", when.day));
    } else {
        slots.set_fmt(Slot::Date, format_args!("{} {month}", when.day));
    }
    slots.set_fmt(
        Slot::Time,
        format_args!("{:02}:{:02}", when.hour, when.minute),
    );
    slots.set_fmt(Slot::Days, format_args!("{}", days.max(1)));

    slots.set(Slot::Bank, rng::line(rng, country.banks));
    slots.set(
        Slot::Merchant,
        rng::line(rng, if zh { ZH_MERCHANTS } else { EN_MERCHANTS }),
    );
    slots.set_with(Slot::Order, |b| rng::digits(rng, b, 13));
    let &(device, systems) = rng::pick(rng, if zh { ZH_DEVICES } else { EN_DEVICES });
    slots.set(Slot::Device, device);
    slots.set(Slot::Os, rng::line(rng, systems));
    slots.set(Slot::App, rng::weighted(rng, APP_VERSIONS));
    slots.set(Slot::Err, rng::line(rng, error_codes(category)));
    slots.set(
        Slot::City,
        rng::line(rng, if zh { ZH_CITIES } else { EN_CITIES }),
    );
    slots.set_with(Slot::Last4, |b| rng::digits(rng, b, 4));
    slots.set(
        Slot::Country,
        rng::line(
            rng,
            if zh {
                ZH_COUNTRY_NAMES
            } else {
                EN_COUNTRY_NAMES
            },
        ),
    );
    slots.set(Slot::Phish, rng::line(rng, PHISH));

    if zh {
        let title = if person.female { "女士" } else { "先生" };
        slots.set_fmt(Slot::First, format_args!("{}{title}", person.family));
        slots.set(Slot::Sign, &person.customer.name);
    } else {
        slots.set(Slot::First, person.given);
        slots.set(Slot::Sign, person.given);
    }
    if let Some(agent) = agent {
        slots.set(Slot::Agent, agent.name);
        slots.set(Slot::Ini, agent.initials);
    }
    slots.set(Slot::Wallet, &person.customer.wallet_account_id);
    let (minutes, seconds) = (rng.random_range(2..19), rng.random_range(0..60));
    if zh {
        slots.set_fmt(Slot::Dur, format_args!("{minutes}分{seconds}秒"));
        slots.set(
            Slot::Verif,
            rng::line(
                rng,
                &[
                    "短信验证码",
                    "出生日期和最近一笔交易",
                    "安全问题",
                    "回拨注册手机号",
                ],
            ),
        );
    } else {
        slots.set_fmt(Slot::Dur, format_args!("{minutes} min {seconds} s"));
        slots.set(
            Slot::Verif,
            rng::line(
                rng,
                &[
                    "SMS code",
                    "date of birth and last transaction",
                    "security questions",
                    "a call-back to the registered number",
                ],
            ),
        );
    }
}

/// "TX20261103-8F3KQ2ZP": the local date the money moved, then eight random characters.
fn write_ref(out: &mut String, rng: &mut DemoRng, at: Millis, utc_offset: i64) {
    use std::fmt::Write as _;
    let d = time::civil(at, utc_offset);
    let _ = write!(out, "TX{:04}{:02}{:02}-", d.year, d.month, d.day);
    for _ in 0..8 {
        out.push(char::from(*rng::pick(rng, REF_CHARS)));
    }
}
