//! Where customers live: currency, banks, phone numbering and time zone per country.

use std::fmt::Write as _;

use crate::rng::{self, DemoRng};

pub(crate) struct Country {
    pub code: &'static str,
    pub currency: &'static str,
    /// Rough units per US dollar, so amounts look right in each currency.
    pub per_usd: f64,
    pub utc_offset: i64,
    pub banks: &'static [&'static str],
    /// US style "Nov 3" rather than "3 Nov".
    pub month_first: bool,
}

const fn country(
    code: &'static str,
    currency: &'static str,
    per_usd: f64,
    utc_offset: i64,
    banks: &'static [&'static str],
) -> Country {
    Country {
        code,
        currency,
        per_usd,
        utc_offset,
        banks,
        month_first: false,
    }
}

pub(crate) static ZH_COUNTRIES: [(&Country, u32); 5] =
    [(&CN, 78), (&HK_ZH, 8), (&TW, 5), (&SG_ZH, 5), (&MY_ZH, 4)];

pub(crate) static EN_COUNTRIES: [(&Country, u32); 9] = [
    (&GB, 26),
    (&US, 22),
    (&SG, 10),
    (&AU, 9),
    (&CA, 8),
    (&MY, 7),
    (&HK, 7),
    (&IE, 7),
    (&NZ, 4),
];

static CN: Country = country(
    "CN",
    "¥",
    7.2,
    8,
    &[
        "招商银行",
        "工商银行",
        "建设银行",
        "中国银行",
        "农业银行",
        "交通银行",
        "平安银行",
        "浦发银行",
        "中信银行",
        "民生银行",
    ],
);
static HK_ZH: Country = country("HK", "HK$", 7.8, 8, &["汇丰银行", "中银香港", "恒生银行"]);
static TW: Country = country(
    "TW",
    "NT$",
    32.0,
    8,
    &["台湾银行", "国泰世华银行", "中国信托"],
);
static SG_ZH: Country = country("SG", "S$", 1.35, 8, &["星展银行", "华侨银行", "大华银行"]);
static MY_ZH: Country = country(
    "MY",
    "RM",
    4.5,
    8,
    &["马来亚银行", "联昌国际银行", "大众银行"],
);
static GB: Country = country(
    "GB",
    "£",
    0.79,
    0,
    &[
        "Barclays",
        "HSBC UK",
        "Lloyds",
        "NatWest",
        "Monzo",
        "Santander UK",
        "Nationwide",
    ],
);
static US: Country = Country {
    month_first: true,
    ..country(
        "US",
        "$",
        1.0,
        -5,
        &[
            "Chase",
            "Bank of America",
            "Wells Fargo",
            "Citibank",
            "Capital One",
        ],
    )
};
static SG: Country = country("SG", "S$", 1.35, 8, &["DBS", "OCBC", "UOB"]);
static AU: Country = country("AU", "A$", 1.5, 10, &["CommBank", "Westpac", "ANZ", "NAB"]);
static CA: Country = Country {
    month_first: true,
    ..country("CA", "C$", 1.37, -5, &["RBC", "TD", "Scotiabank", "BMO"])
};
static MY: Country = country("MY", "RM", 4.5, 8, &["Maybank", "CIMB", "Public Bank"]);
static HK: Country = country("HK", "HK$", 7.8, 8, &["HSBC", "Hang Seng Bank", "BOCHK"]);
static IE: Country = country("IE", "€", 0.92, 0, &["AIB", "Bank of Ireland", "PTSB"]);
static NZ: Country = country("NZ", "NZ$", 1.65, 12, &["ASB", "Kiwibank", "BNZ"]);

impl Country {
    /// A phone number in the country's own format. UK, US, Canadian and Australian numbers use
    /// the ranges reserved for drama and fiction, so no demo number reaches a real person.
    pub(crate) fn phone(&self, rng: &mut DemoRng) -> String {
        let mut s = String::with_capacity(20);
        match self.code {
            "CN" => {
                let _ = write!(s, "+86 1{}", rng::pick(rng, &['3', '5', '8', '9', '7']));
                rng::digits(rng, &mut s, 1);
                s.push(' ');
                rng::digits(rng, &mut s, 4);
                s.push(' ');
                rng::digits(rng, &mut s, 4);
            }
            "HK" => {
                let _ = write!(s, "+852 {}", rng::pick(rng, &['5', '6', '9']));
                grouped(rng, &mut s, &[3, 4]);
            }
            "TW" => {
                s.push_str("+886 9");
                grouped(rng, &mut s, &[2, 3, 3]);
            }
            "SG" => {
                let _ = write!(s, "+65 {}", rng::pick(rng, &['8', '9']));
                grouped(rng, &mut s, &[3, 4]);
            }
            "MY" => {
                let _ = write!(s, "+60 1{}-", rng::pick(rng, &['2', '6', '7', '9']));
                rng::digits(rng, &mut s, 3);
                s.push(' ');
                rng::digits(rng, &mut s, 4);
            }
            "GB" => {
                s.push_str("+44 7700 900");
                rng::digits(rng, &mut s, 3);
            }
            "US" | "CA" => {
                let areas: &[u16] = if self.code == "US" {
                    &[212, 415, 312, 646, 206, 512, 305]
                } else {
                    &[416, 604, 514, 403]
                };
                let _ = write!(s, "+1 {} 555 01", rng::pick(rng, areas));
                rng::digits(rng, &mut s, 2);
            }
            "AU" => {
                s.push_str("+61 491 570 ");
                rng::digits(rng, &mut s, 3);
            }
            "IE" => {
                let _ = write!(s, "+353 8{}", rng::pick(rng, &['5', '6', '7']));
                grouped(rng, &mut s, &[3, 4]);
            }
            _ => {
                let _ = write!(s, "+64 2{}", rng::pick(rng, &['1', '2', '7']));
                grouped(rng, &mut s, &[3, 4]);
            }
        }
        s
    }

    /// An amount of roughly `usd` dollars in local currency, rounded the way people round when
    /// they choose the amount themselves (`round`) or to the cent when a merchant set it.
    pub(crate) fn write_amount(&self, out: &mut String, usd: f64, round: bool, zh: bool) {
        let local = usd * self.per_usd;
        let cents = if round {
            let step = if local < 100.0 {
                5.0
            } else if local < 2_000.0 {
                50.0
            } else {
                500.0
            };
            ((local / step).round().max(1.0) * step * 100.0) as i64
        } else {
            (local * 100.0).round().max(50.0) as i64
        };
        if zh && self.code == "CN" && round {
            // Chinese customers write round sums as "1280元".
            let _ = write!(out, "{}元", cents / 100);
            return;
        }
        out.push_str(self.currency);
        write_grouped(out, cents / 100);
        let _ = write!(out, ".{:02}", cents % 100);
    }
}

fn grouped(rng: &mut DemoRng, out: &mut String, groups: &[usize]) {
    for (i, &n) in groups.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        rng::digits(rng, out, n);
    }
}

/// 1234567 as "1,234,567".
pub(crate) fn write_grouped(out: &mut String, n: i64) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut rest = n.unsigned_abs();
    loop {
        digits[len] = b'0' + (rest % 10) as u8;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for i in (0..len).rev() {
        out.push(char::from(digits[i]));
        if i > 0 && i % 3 == 0 {
            out.push(',');
        }
    }
}

pub(crate) fn pick_country(rng: &mut DemoRng, zh: bool) -> &'static Country {
    rng::weighted(
        rng,
        if zh {
            &ZH_COUNTRIES[..]
        } else {
            &EN_COUNTRIES[..]
        },
    )
}
