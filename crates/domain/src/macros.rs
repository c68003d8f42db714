//! Macros: canned answers the agent drops into the composer, in English and Chinese, with a few
//! placeholders filled from the ticket. The built-in set is compiled in (so it improves with the
//! app and can never be lost); agents add their own, which the console's store keeps.
//!
//! Rendering is plain text into plain text: the result goes into the composer's textarea and is
//! sent as a plain-text reply, never interpreted as HTML. Values taken from the ticket (the
//! customer's name is customer-controlled) are inserted once and never re-scanned, so a name
//! such as `{{ticket_id}}` or `<img onerror=…>` comes out exactly as written.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, Localized, Millis, TicketId};

/// A macro's title and text per UI language. Either language may be left empty; the other one
/// is then used (see [`Macro::text`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Macro {
    /// `builtin.*` for the built-in set; any other id is an agent's macro. Empty when saving a
    /// new macro: the store assigns one.
    pub id: String,
    pub title: Localized,
    pub body: Localized,
    /// Built-ins can be used and duplicated, not changed or deleted.
    pub built_in: bool,
    /// When the agent last saved it; 0 for built-ins.
    #[ts(type = "number")]
    pub updated_at: Millis,
}

/// The language a macro is rendered in: the UI's two languages, spelled as the UI spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum Language {
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN")]
    ZhCn,
}

/// What a macro's placeholders are filled from. A missing (or blank) value has a polite
/// fallback where one reads naturally, and otherwise leaves the placeholder visible.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MacroContext {
    pub customer_name: Option<String>,
    pub ticket_id: Option<TicketId>,
    pub agent_name: Option<String>,
}

/// Every placeholder a macro may use, as written in its text.
pub const PLACEHOLDERS: &[&str] = &[
    "{{greeting}}",
    "{{customer_name}}",
    "{{ticket_id}}",
    "{{agent_name}}",
];

/// Built-in ids start with this; an agent's macro may not.
pub const BUILT_IN_PREFIX: &str = "builtin.";
pub const MAX_ID_CHARS: usize = 64;
pub const MAX_TITLE_CHARS: usize = 120;
/// Per language. A long answer, well under a reply's limit (`edit::MAX_BODY_BYTES`) once filled.
pub const MAX_BODY_CHARS: usize = 5_000;
/// A name longer than this is cut (with "…") when filled in: a customer-chosen name must not
/// be able to flood a reply.
pub const MAX_NAME_CHARS: usize = 80;

impl Macro {
    pub fn is_built_in_id(id: &str) -> bool {
        id.starts_with(BUILT_IN_PREFIX)
    }

    /// The title and body in `lang`, each falling back to the other language when empty.
    pub fn text(&self, lang: Language) -> (&str, &str) {
        (pick(&self.title, lang), pick(&self.body, lang))
    }

    /// The body in `lang` with its placeholders filled.
    pub fn render(&self, lang: Language, ctx: &MacroContext) -> String {
        render(self.text(lang).1, lang, ctx)
    }

    /// The macro as an agent may save it: titles and bodies trimmed, line endings `\n`, and
    /// every rule checked. The id may be empty (a new macro); `updated_at` is left to the store.
    pub fn normalized(mut self) -> Result<Macro, ApiError> {
        self.id = self.id.trim().to_string();
        if self.built_in || Macro::is_built_in_id(&self.id) {
            return Err(ApiError::invalid(
                "built-in macros cannot be changed; duplicate it and edit the copy",
            ));
        }
        check_id(&self.id)?;
        for (title, language) in [
            (&mut self.title.en, "English"),
            (&mut self.title.zh, "Chinese"),
        ] {
            *title = title.trim().to_string();
            if title.chars().any(char::is_control) {
                return Err(ApiError::invalid(format!(
                    "the {language} title must be one line"
                )));
            }
            let n = title.chars().count();
            if n > MAX_TITLE_CHARS {
                return Err(ApiError::invalid(format!(
                    "the {language} title is {n} characters; the limit is {MAX_TITLE_CHARS}"
                )));
            }
        }
        for (body, language) in [
            (&mut self.body.en, "English"),
            (&mut self.body.zh, "Chinese"),
        ] {
            *body = body
                .replace("\r\n", "\n")
                .replace('\r', "\n")
                .trim()
                .to_string();
            if body
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t')
            {
                return Err(ApiError::invalid(format!(
                    "the {language} text contains control characters"
                )));
            }
            let n = body.chars().count();
            if n > MAX_BODY_CHARS {
                return Err(ApiError::invalid(format!(
                    "the {language} text is {n} characters; the limit is {MAX_BODY_CHARS}"
                )));
            }
            if let Some(unknown) = unknown_placeholder(body) {
                return Err(ApiError::invalid(format!(
                    "unknown placeholder {unknown} in the {language} text; use {}",
                    PLACEHOLDERS.join(", ")
                )));
            }
        }
        if self.title.en.is_empty() && self.title.zh.is_empty() {
            return Err(ApiError::invalid(
                "a macro needs a title in English or Chinese",
            ));
        }
        if self.body.en.is_empty() && self.body.zh.is_empty() {
            return Err(ApiError::invalid(
                "a macro needs text in English or Chinese",
            ));
        }
        Ok(self)
    }
}

fn check_id(id: &str) -> Result<(), ApiError> {
    if id.is_empty() {
        return Ok(());
    }
    let ok = id.chars().count() <= MAX_ID_CHARS
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(())
    } else {
        let shown: String = id.chars().take(MAX_ID_CHARS).collect();
        Err(ApiError::invalid(format!(
            "'{shown}' is not a macro id: use up to {MAX_ID_CHARS} letters, digits, '-', '_' or '.'"
        )))
    }
}

fn pick(l: &Localized, lang: Language) -> &str {
    let (first, second) = match lang {
        Language::En => (&l.en, &l.zh),
        Language::ZhCn => (&l.zh, &l.en),
    };
    if first.trim().is_empty() {
        second
    } else {
        first
    }
}

/// The first `{{…}}` in `text` that is not one of [`PLACEHOLDERS`] (shortened for messages).
fn unknown_placeholder(text: &str) -> Option<String> {
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let candidate = &rest[start..];
        if let Some(p) = PLACEHOLDERS.iter().find(|p| candidate.starts_with(**p)) {
            rest = &candidate[p.len()..];
            continue;
        }
        let after = &candidate[2..];
        match after.find("}}") {
            // `{{{ticket_id}}}`: the inner, known placeholder is checked on the next round.
            Some(end) if !after[..end].contains("{{") => {
                let whole: String = candidate[..end + 4].chars().take(40).collect();
                return Some(whole);
            }
            _ => rest = &candidate[1..],
        }
    }
    None
}

/// Fills the placeholders of `body`. Unknown `{{…}}` stay as written, so a typo is seen before
/// the reply is sent; filled values are never re-scanned.
pub fn render(body: &str, lang: Language, ctx: &MacroContext) -> String {
    let name = ctx.customer_name.as_deref().and_then(clean_name);
    let agent = ctx.agent_name.as_deref().and_then(clean_name);
    let mut out = String::with_capacity(body.len() + 64);
    let mut rest = body;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let candidate = &rest[start..];
        let known = PLACEHOLDERS
            .iter()
            .find(|p| candidate.starts_with(**p))
            .and_then(|p| {
                let value = match *p {
                    "{{greeting}}" => Some(greeting(lang, name.as_deref())),
                    "{{customer_name}}" => Some(name.clone().unwrap_or_else(|| {
                        match lang {
                            Language::En => "valued customer",
                            Language::ZhCn => "尊敬的客户",
                        }
                        .to_string()
                    })),
                    "{{ticket_id}}" => ctx.ticket_id.map(|id| id.to_string()),
                    "{{agent_name}}" => Some(agent.clone().unwrap_or_else(|| {
                        match lang {
                            Language::En => "Support agent",
                            Language::ZhCn => "客服专员",
                        }
                        .to_string()
                    })),
                    _ => None,
                };
                value.map(|v| (p.len(), v))
            });
        match known {
            Some((len, value)) => {
                out.push_str(&value);
                rest = &candidate[len..];
            }
            None => {
                // Not ours (or no value): keep the brace and look again one character on.
                out.push('{');
                rest = &candidate[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn greeting(lang: Language, name: Option<&str>) -> String {
    match (lang, name) {
        (Language::En, Some(n)) => format!("Hello {n},"),
        (Language::En, None) => "Hello,".to_string(),
        (Language::ZhCn, Some(n)) => format!("{n}，您好！"),
        (Language::ZhCn, None) => "您好！".to_string(),
    }
}

/// A name fit to go into a reply: one line, no invisible direction or formatting characters
/// (which could reorder the text around it), runs of spaces collapsed, at most
/// [`MAX_NAME_CHARS`]. `None` when nothing printable is left.
fn clean_name(raw: &str) -> Option<String> {
    let mut out = String::new();
    let mut space = false;
    for c in raw.chars() {
        if is_invisible_format(c) {
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    if out.is_empty() {
        return None;
    }
    if out.chars().count() > MAX_NAME_CHARS {
        out = out.chars().take(MAX_NAME_CHARS - 1).collect();
        out.push('…');
    }
    Some(out)
}

fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}'
        | '\u{061C}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}')
}

struct BuiltIn {
    id: &'static str,
    title_en: &'static str,
    title_zh: &'static str,
    body_en: &'static str,
    body_zh: &'static str,
}

/// The built-in macros, in the order the picker lists them.
pub fn built_ins() -> Vec<Macro> {
    BUILT_INS
        .iter()
        .map(|b| Macro {
            id: b.id.to_string(),
            title: Localized {
                en: b.title_en.to_string(),
                zh: b.title_zh.to_string(),
            },
            body: Localized {
                en: b.body_en.to_string(),
                zh: b.body_zh.to_string(),
            },
            built_in: true,
            updated_at: 0,
        })
        .collect()
}

/// The built-in macro `id`, if there is one.
pub fn built_in(id: &str) -> Option<Macro> {
    built_ins().into_iter().find(|m| m.id == id)
}

// The answers follow what the seed articles tell customers (password reset through "forgot
// password", top-up checks, 3-7 working days for withdrawals with holidays adding to it,
// phishing, disputes with evidence, freezes lifted after identity checks with the registered
// email and most recent transaction). Menu paths match the demo tickets' app.
const BUILT_INS: &[BuiltIn] = &[
    BuiltIn {
        id: "builtin.password_reset",
        title_en: "Password reset steps",
        title_zh: "重置登录密码步骤",
        body_en: "\
{{greeting}}

Thank you for contacting us. You can reset your password yourself in a few steps:

1. Open the app and tap \"Forgot password?\" on the sign-in screen.
2. Enter the email address or mobile number registered to your wallet.
3. Open the reset link we send to your email, or enter the code we send by SMS. The link expires after a short time, so please use it straight away.
4. Choose a new password and confirm it. A strong password mixes letters, numbers and symbols, and is not one you use anywhere else.
5. Sign in with your new password.

If the email has not arrived within a few minutes, please check your spam or junk folder. Once you are back in, we recommend turning on two-factor authentication under Settings › Security.

Please remember that we will never ask for your password or verification codes. If anything does not work as described, just reply to this message (ticket #{{ticket_id}}) and we will help you further.

Best regards,
{{agent_name}}
Customer Support",
        body_zh: "\
{{greeting}}

感谢您联系我们。您可以按以下步骤自行重置登录密码：

1. 打开App，在登录页面点击“忘记密码？”。
2. 输入与钱包账户绑定的邮箱地址或手机号码。
3. 打开我们发送到您邮箱的重置链接，或输入短信验证码。链接有效期较短，请尽快使用。
4. 设置新密码并再次确认。建议组合使用字母、数字和符号，且不要与其他平台的密码相同。
5. 使用新密码重新登录。

如果几分钟后仍未收到邮件，请检查垃圾邮件文件夹。登录后，建议您在“设置 › 安全”中开启双重认证。

温馨提示：我们绝不会向您索要密码或验证码。如操作中遇到任何问题，请直接回复此消息（工单号 #{{ticket_id}}），我们会继续为您处理。

祝您生活愉快！
{{agent_name}}
客户服务中心",
    },
    BuiltIn {
        id: "builtin.top_up_failed",
        title_en: "Top-up failed: what to check",
        title_zh: "充值失败排查",
        body_en: "\
{{greeting}}

I'm sorry your top-up did not go through. Most failed top-ups come down to one of the following, so please check:

1. Payment details: the card number, expiry date, account name and payment PIN were entered correctly.
2. Balance: there are enough funds on the card or bank account you are topping up from.
3. Bank limits: some banks limit large or online payments. Your bank can tell you your limit and raise it if needed.
4. Card status: the card has not expired or been blocked, and online payments are switched on for it.
5. Connection: an unstable network can interrupt the payment. Please try again on a stable connection, or use another card or top-up method.

Please also note the usual timings: card top-ups normally arrive within a few hours, while bank transfers take 1-3 working days.

If money has left your bank account but your wallet balance has not changed, please do not top up again. Reply to this message (ticket #{{ticket_id}}) with the date, time, amount and top-up method, plus any error message or a screenshot, and we will trace the payment for you.

Best regards,
{{agent_name}}
Customer Support",
        body_zh: "\
{{greeting}}

很抱歉您的充值没有成功。充值失败通常由以下原因造成，请您逐一核对：

1. 支付信息：银行卡号、有效期、户名及支付密码是否填写正确。
2. 余额：用于充值的银行卡或银行账户余额是否充足。
3. 银行限额：部分银行对大额或网上支付设有限制，您可以向银行了解具体额度，如有需要可申请调整。
4. 卡片状态：银行卡是否已过期或被冻结，网上支付功能是否已开通。
5. 网络：网络不稳定可能导致支付中断，请在网络良好时重试，或更换其他银行卡、其他充值方式。

另外请留意到账时间：银行卡充值一般几小时内到账，银行转账充值通常需要1至3个工作日。

如果银行已扣款但钱包余额没有变化，请不要重复充值。请直接回复此消息（工单号 #{{ticket_id}}），告知充值的日期、时间、金额和充值方式，并附上错误提示或截图，我们会为您核查这笔款项。

祝您生活愉快！
{{agent_name}}
客户服务中心",
    },
    BuiltIn {
        id: "builtin.withdrawal_times",
        title_en: "Withdrawal processing times",
        title_zh: "提现到账时间说明",
        body_en: "\
{{greeting}}

Thank you for your patience. Withdrawals to a bank account usually arrive within 3-7 working days; the exact time depends on how quickly the receiving bank processes the payment.

Weekends and public holidays are not working days for banks, so a withdrawal requested shortly before or during a holiday period will take longer to arrive.

You can follow the status of your withdrawal in the app's transaction history. If the money has not arrived after 7 working days, please reply to this message (ticket #{{ticket_id}}) with the withdrawal's transaction ID and the last four digits of the receiving account, and we will trace it with the bank for you.

Best regards,
{{agent_name}}
Customer Support",
        body_zh: "\
{{greeting}}

感谢您的耐心等待。提现到银行账户一般需要3至7个工作日到账，具体时间取决于收款银行的处理速度。

周末及法定节假日银行不处理业务，因此在节假日前后或期间申请的提现，到账时间会相应顺延。

您可以在App的交易记录中查看提现进度。如果超过7个工作日仍未到账，请直接回复此消息（工单号 #{{ticket_id}}），并提供该笔提现的交易号及收款账户的后四位，我们会联系银行为您查询。

祝您生活愉快！
{{agent_name}}
客户服务中心",
    },
    BuiltIn {
        id: "builtin.phishing",
        title_en: "How to recognise phishing",
        title_zh: "如何识别钓鱼诈骗",
        body_en: "\
{{greeting}}

Thank you for checking with us first; that was exactly the right thing to do. Here is how to recognise phishing and keep your wallet safe:

- We will never ask for your password, payment PIN or the one-time verification codes (OTP) we send you, whether by phone, email, SMS, chat or social media. Anyone who asks for them is not us, so please never share them.
- Only contact us through official channels: the app itself, our official website, and the contact details shown in the app under Help › Contact us. Check the web address carefully before signing in; fake sites often copy our design with a slightly different address.
- Be wary of pressure. Messages saying your account will be closed, or that you must \"verify\" it or move money right away, are a common trick.
- Do not open links, scan QR codes or install apps sent by people you do not know, and never let anyone control your phone remotely.
- Download the app only from the official app stores, and keep the app and your phone's system up to date.

If you have already shared a code or password, please change your password now and reply to this message (ticket #{{ticket_id}}) so that we can secure your account straight away.

Best regards,
{{agent_name}}
Customer Support",
        body_zh: "\
{{greeting}}

感谢您先向我们核实，这样做非常正确。以下几点可以帮助您识别钓鱼诈骗、保护钱包安全：

- 我们绝不会通过电话、邮件、短信、在线聊天或社交媒体向您索要登录密码、支付密码或短信验证码（OTP）。任何索要这些信息的人都不是我们的工作人员，请勿透露给任何人。
- 请只通过官方渠道联系我们：App本身、官方网站，以及App“帮助 › 联系我们”中列出的联系方式。登录前请仔细核对网址，钓鱼网站常常仿冒官方页面，但网址略有不同。
- 警惕催促。声称“账户即将被关闭”、要求您立即“验证账户”或转移资金的消息，都是常见的诈骗手法。
- 不要打开陌生人发来的链接、扫描其二维码或安装其推荐的App，也不要让任何人远程控制您的手机。
- 只从官方应用商店下载App，并及时更新App和手机系统。

如果您已经透露了验证码或密码，请立即修改密码，并回复此消息（工单号 #{{ticket_id}}），我们会第一时间协助您保护账户安全。

祝您生活愉快！
{{agent_name}}
客户服务中心",
    },
    BuiltIn {
        id: "builtin.dispute",
        title_en: "How to file a dispute",
        title_zh: "如何发起交易争议",
        body_en: "\
{{greeting}}

I'm sorry to hear about the problem with this transaction. Here is how to file a dispute:

1. If you have not done so yet, please contact the merchant or recipient first; many issues are resolved fastest that way. If they do not respond within 3 days or cannot resolve it, we will step in.
2. Gather your evidence: the transaction ID, date and amount, the order confirmation, screenshots of your messages with the seller, and anything else that shows what you expected to receive.
3. Reply to this message (ticket #{{ticket_id}}) with a short description of what happened and the outcome you are asking for, and attach the evidence.

Once we have everything, we will open the dispute and ask the merchant to respond within the set time. We will keep you updated on this ticket until a decision is made; if it is decided in your favour, the refund is returned to your wallet.

Best regards,
{{agent_name}}
Customer Support",
        body_zh: "\
{{greeting}}

很抱歉这笔交易给您带来了困扰。发起交易争议的步骤如下：

1. 如您尚未联系商家或收款方，请先与对方沟通，很多问题这样解决最快。如果对方3天内没有回复或无法解决，我们会介入处理。
2. 准备相关凭证：交易号、交易日期和金额、订单确认信息、与卖家沟通的截图，以及其他能说明您应收到的商品或服务的材料。
3. 回复此消息（工单号 #{{ticket_id}}），简要说明事情经过和您希望的处理结果，并附上上述凭证。

资料齐全后，我们会为您发起争议，并要求商家在规定时间内答复。处理期间我们会通过本工单随时告知进展；如果争议结果对您有利，退款将退回到您的钱包。

祝您生活愉快！
{{agent_name}}
客户服务中心",
    },
    BuiltIn {
        id: "builtin.account_freeze",
        title_en: "Account frozen for security",
        title_zh: "账户安全冻结说明",
        body_en: "\
{{greeting}}

To protect your funds, your account has been temporarily frozen. While it is frozen, no payments or withdrawals can be made from it, so your balance is safe.

Before we lift the freeze, we need to confirm that it is really you. Please reply to this message (ticket #{{ticket_id}}) with:

1. The email address registered to your wallet.
2. The date and amount of your most recent transaction.

Alternatively, you can complete identity verification in the app under Settings › Verification.

Once you are verified, we will unfreeze your account, usually within 24 hours on working days, and ask you to set a new password. We also recommend turning on two-factor authentication under Settings › Security.

Please do not share your password, payment PIN or verification codes with anyone, including people who say they are from our team.

Best regards,
{{agent_name}}
Customer Support",
        body_zh: "\
{{greeting}}

为保障您的资金安全，您的账户已被临时冻结。冻结期间，账户无法进行任何付款或提现，您的余额是安全的。

解除冻结前，我们需要确认是您本人操作。请回复此消息（工单号 #{{ticket_id}}），并提供：

1. 钱包账户绑定的注册邮箱。
2. 您最近一笔交易的日期和金额。

您也可以在App“设置 › 身份认证”中完成身份验证。

身份确认后，我们会为您解除冻结（工作日内通常在24小时内完成），并请您设置新的登录密码。同时建议您在“设置 › 安全”中开启双重认证。

请勿向任何人透露您的密码、支付密码或验证码，包括自称是我们工作人员的人。

祝您生活愉快！
{{agent_name}}
客户服务中心",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(name: Option<&str>) -> MacroContext {
        MacroContext {
            customer_name: name.map(str::to_string),
            ticket_id: Some(4242),
            agent_name: Some("Li Wei".into()),
        }
    }

    fn agent_macro(en_title: &str, en_body: &str) -> Macro {
        Macro {
            id: String::new(),
            title: Localized {
                en: en_title.into(),
                zh: String::new(),
            },
            body: Localized {
                en: en_body.into(),
                zh: String::new(),
            },
            built_in: false,
            updated_at: 0,
        }
    }

    #[test]
    fn fills_every_placeholder_in_both_languages() {
        let body = "{{greeting}} #{{ticket_id}} {{customer_name}} / {{agent_name}}";
        assert_eq!(
            render(body, Language::En, &ctx(Some("Emily Carter"))),
            "Hello Emily Carter, #4242 Emily Carter / Li Wei"
        );
        assert_eq!(
            render(body, Language::ZhCn, &ctx(Some("王芳"))),
            "王芳，您好！ #4242 王芳 / Li Wei"
        );
    }

    #[test]
    fn a_missing_or_blank_name_gets_a_polite_generic_greeting() {
        for name in [None, Some(""), Some("  \n\t "), Some("\u{200B}\u{202E}")] {
            assert_eq!(
                render("{{greeting}}", Language::En, &ctx(name)),
                "Hello,",
                "{name:?}"
            );
            assert_eq!(
                render("{{greeting}}", Language::ZhCn, &ctx(name)),
                "您好！",
                "{name:?}"
            );
        }
        assert_eq!(
            render("Dear {{customer_name}},", Language::En, &ctx(None)),
            "Dear valued customer,"
        );
        assert_eq!(
            render("{{customer_name}}您好", Language::ZhCn, &ctx(None)),
            "尊敬的客户您好"
        );
    }

    #[test]
    fn unknown_and_unfinished_placeholders_stay_visible() {
        let c = ctx(Some("Ann"));
        assert_eq!(
            render("Hi {{name}} {{ customer_name }}", Language::En, &c),
            "Hi {{name}} {{ customer_name }}",
            "a typo must be seen before the reply goes out"
        );
        assert_eq!(render("a {{ b", Language::En, &c), "a {{ b");
        assert_eq!(render("{{", Language::En, &c), "{{");
        assert_eq!(render("}}{{}}", Language::En, &c), "}}{{}}");
        assert_eq!(
            render("{{{customer_name}}}", Language::En, &c),
            "{Ann}",
            "the inner placeholder is still found"
        );
        let no_ticket = MacroContext {
            ticket_id: None,
            ..c
        };
        assert_eq!(
            render("#{{ticket_id}}", Language::En, &no_ticket),
            "#{{ticket_id}}"
        );
    }

    #[test]
    fn hostile_names_come_out_as_inert_plain_text() {
        let c = |n: &str| ctx(Some(n));
        // Markup stays exactly as typed: the composer is a textarea, the reply plain text.
        let xss = "<img src=x onerror=alert(1)>";
        assert_eq!(
            render("{{greeting}}", Language::En, &c(xss)),
            format!("Hello {xss},")
        );
        // A name that looks like a placeholder is not expanded again.
        assert_eq!(
            render(
                "{{customer_name}} {{ticket_id}}",
                Language::En,
                &c("{{ticket_id}}")
            ),
            "{{ticket_id}} 4242"
        );
        assert_eq!(
            render(
                "{{greeting}}",
                Language::En,
                &c("{{agent_name}}{{greeting}}")
            ),
            "Hello {{agent_name}}{{greeting}},"
        );
        // A name cannot add lines (a fake "agent" signature) or reorder the text around it.
        assert_eq!(
            render(
                "{{greeting}}",
                Language::En,
                &c("Bob\r\n\r\nRefund approved.\u{0}")
            ),
            "Hello Bob Refund approved.,"
        );
        assert_eq!(
            render(
                "{{customer_name}}!",
                Language::En,
                &c("\u{202E}evil\u{202C} name")
            ),
            "evil name!"
        );
        // Nor flood it.
        let long = "A".repeat(10_000);
        let out = render("{{customer_name}}", Language::En, &c(&long));
        assert_eq!(out.chars().count(), MAX_NAME_CHARS);
        assert!(out.ends_with('…'));
        // Byte-boundary safety on multi-byte names.
        let zh = "张".repeat(200);
        assert_eq!(
            render("{{customer_name}}", Language::ZhCn, &c(&zh))
                .chars()
                .count(),
            MAX_NAME_CHARS
        );
    }

    #[test]
    fn text_falls_back_to_the_other_language() {
        let m = agent_macro("Only English", "Body in English");
        assert_eq!(m.text(Language::ZhCn), ("Only English", "Body in English"));
        let mut zh_only = agent_macro("", "");
        zh_only.title.zh = "仅中文".into();
        zh_only.body.zh = "{{greeting}}内容".into();
        assert_eq!(zh_only.text(Language::En).0, "仅中文");
        assert_eq!(
            zh_only.render(Language::En, &ctx(None)),
            "Hello,内容",
            "placeholders follow the requested language"
        );
    }

    #[test]
    fn normalizing_trims_and_accepts_a_one_language_macro() {
        let m = agent_macro("  Refund sent  ", "\r\n{{greeting}}\r\nDone.\r\n  ")
            .normalized()
            .unwrap();
        assert_eq!(m.title.en, "Refund sent");
        assert_eq!(m.body.en, "{{greeting}}\nDone.");
    }

    #[test]
    fn bad_macros_are_refused_with_a_clear_reason() {
        let refuse = |m: Macro, needle: &str| {
            let e = m.normalized().expect_err(needle);
            assert_eq!(e.code, crate::ErrorCode::InvalidInput);
            assert!(
                e.message.contains(needle),
                "{:?} lacks {needle:?}",
                e.message
            );
        };
        refuse(agent_macro("  ", "body"), "needs a title");
        refuse(agent_macro("Title", " \n "), "needs text");
        refuse(agent_macro(&"t".repeat(121), "b"), "limit is 120");
        refuse(agent_macro("t", &"b".repeat(5_001)), "limit is 5000");
        refuse(agent_macro("two\nlines", "b"), "one line");
        refuse(agent_macro("t", "bell\u{7}"), "control characters");
        refuse(
            agent_macro("t", "Hi {{name}}"),
            "unknown placeholder {{name}}",
        );
        let mut built = agent_macro("t", "b");
        built.id = "builtin.phishing".into();
        refuse(built.clone(), "duplicate it");
        built.id = "mine".into();
        built.built_in = true;
        refuse(built, "duplicate it");
        let mut bad_id = agent_macro("t", "b");
        bad_id.id = "../../etc".into();
        refuse(bad_id.clone(), "is not a macro id");
        bad_id.id = "x".repeat(65);
        refuse(bad_id, "is not a macro id");
        // Limits count characters, not bytes: 120 Chinese characters are fine.
        let mut zh = agent_macro("", "");
        zh.title.zh = "字".repeat(120);
        zh.body.zh = "字".repeat(5_000);
        assert!(zh.normalized().is_ok());
    }

    #[test]
    fn built_ins_are_complete_bilingual_and_use_only_known_placeholders() {
        let all = built_ins();
        assert!(all.len() >= 6);
        let mut ids: Vec<&str> = all.iter().map(|m| m.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all.len(), "built-in ids are unique");
        for m in &all {
            assert!(m.built_in && Macro::is_built_in_id(&m.id), "{}", m.id);
            for text in [&m.title.en, &m.title.zh, &m.body.en, &m.body.zh] {
                assert!(!text.trim().is_empty(), "{} has an empty text", m.id);
            }
            assert!(m.title.en.chars().count() <= MAX_TITLE_CHARS);
            assert!(m.title.zh.chars().count() <= MAX_TITLE_CHARS);
            for body in [&m.body.en, &m.body.zh] {
                assert!(body.chars().count() <= MAX_BODY_CHARS, "{}", m.id);
                assert_eq!(unknown_placeholder(body), None, "{}", m.id);
                assert!(body.starts_with("{{greeting}}"), "{} greets first", m.id);
            }
            // Fully filled, nothing of the template syntax is left for the customer to see.
            for lang in [Language::En, Language::ZhCn] {
                let out = m.render(lang, &ctx(Some("Emily Carter")));
                assert!(!out.contains("{{") && !out.contains("}}"), "{}", m.id);
            }
            assert!(m.body.zh.contains('，'), "{} is written in Chinese", m.id);
            assert_eq!(built_in(&m.id).as_ref(), Some(m));
        }
        let withdrawal = built_in("builtin.withdrawal_times").unwrap();
        assert!(withdrawal.body.en.contains("3-7 working days"));
        assert!(withdrawal.body.zh.contains("3至7个工作日"));
        assert!(withdrawal.body.zh.contains("节假日"));
        let phishing = built_in("builtin.phishing").unwrap();
        assert!(phishing.body.en.contains("OTP") && phishing.body.zh.contains("验证码"));
    }

    #[test]
    fn language_is_spelled_as_the_ui_spells_it() {
        assert_eq!(serde_json::to_string(&Language::ZhCn).unwrap(), "\"zh-CN\"");
        assert_eq!(
            serde_json::from_str::<Language>("\"en\"").unwrap(),
            Language::En
        );
        assert!(serde_json::from_str::<Language>("\"fr\"").is_err());
    }
}
