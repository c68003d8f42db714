//! English: account settings and verification, countries and compliance.

use super::{Scenario, Texts};

pub(crate) static ACCOUNT_SETTINGS: Texts = Texts {
    scenarios: &[
        Scenario {
            tag: "profile-change",
            money: false,
            subjects: &["How do I change my name after marriage?", "Need to update my address"],
            openings: &[
                "I got married and changed my surname. How do I update my name on the wallet?",
                "I've moved house. The app won't let me change my address – the field is locked.",
            ],
            shorts: &["how do I change my name?", "can't update my address"],
            asks: &["Could you upload your new ID, or a document showing the change, in the app under Settings › Verification?"],
            answers: &["I've uploaded the document just now."],
            notes: &["Name and address changes need a supporting document; sent the document request link."],
            fixes: &["Your details have been updated. It may take a few minutes to show in the app."],
        },
        Scenario {
            tag: "kyc",
            money: false,
            subjects: &["Identity verification stuck on pending", "Why was my verification rejected?"],
            openings: &[
                "I uploaded my ID on {date} and verification has said 'pending' ever since. I can't use the wallet fully.",
                "My verification was rejected ({err}) but the photo was clear. What's wrong?",
            ],
            shorts: &["verification still pending since {date}", "verification rejected, why?"],
            asks: &["Could you upload a clear photo of your ID again (all four corners visible, no glare) under Settings › Verification?"],
            answers: &["Done, I uploaded the photo again."],
            notes: &["KYC rejected ({err}): document expired. Asked the customer for a valid ID."],
            fixes: &["Your identity is now verified and all features are unlocked."],
        },
        Scenario {
            tag: "kyc",
            money: false,
            subjects: &["Why do you need my source of funds?", "Asked for payslips – is this legit?"],
            openings: &[
                "I got an email asking for proof of my source of funds. Is this real? Why do you need it?",
                "Why do I have to verify my identity just to receive money from a friend?",
            ],
            shorts: &["why do you need proof of income?", "why must I verify my identity?"],
            asks: &["Yes, requests like this come from us – you'll also see it in the app under Notifications. Would you like me to list the documents we accept?"],
            answers: &["Yes please, which documents do you accept?"],
            notes: &["Source-of-funds request is genuine (triggered by cumulative volume). Confirmed to the customer."],
            fixes: &["The request is genuine: regulations require us to check where larger amounts come from. A payslip, bank statement or tax return works, and once it's uploaded your account will be fully active again."],
        },
        Scenario {
            tag: "close-account",
            money: false,
            subjects: &["Please close my account", "How do I delete my wallet?"],
            openings: &[
                "I'd like to close my wallet account. I have about {amount} left – how do I get it out first?",
                "Please delete my account and all my data.",
            ],
            shorts: &["I want to close my account", "delete my account please"],
            asks: &["Before we close the account, please withdraw or spend your remaining balance. Would you like me to explain how?"],
            answers: &["I've withdrawn everything now."],
            notes: &["Closure request: balance {amount}; asked the customer to withdraw first. Data retention notice sent."],
            fixes: &["Your account has been closed and any remaining balance sent to your bank account. We keep some records for 5 years as the law requires; everything else has been deleted."],
        },
        Scenario {
            tag: "profile-change",
            money: false,
            subjects: &["Change the email on my account", "Update my phone number"],
            openings: &[
                "I no longer have access to my old email. Can I change the email on my account to this one?",
                "I've changed my phone number. How do I update it without receiving a code on the old one?",
            ],
            shorts: &["need to change my email", "new phone number, how do I update it?"],
            asks: &["For security, please confirm your date of birth and the last four digits of your registered phone number."],
            answers: &["Here are the details you asked for."],
            notes: &["Contact change verified by selfie + ID; updated."],
            fixes: &["We've updated your contact details. You'll get a confirmation on both the old and the new address."],
        },
    ],
    asks: &["Happy to help. Could you tell me exactly what you'd like to change?"],
    answers: &["It still says pending.", "Thanks, that's clear."],
    notes: &[
        "Documents forwarded to the KYC team; expected turnaround one working day.",
        "Customer's KYC level is basic; advanced verification needed for this change.",
    ],
    updates: &["Your request is with our verification team. This usually takes one working day."],
};

pub(crate) static REGION_COMPLIANCE: Texts = Texts {
    scenarios: &[
        Scenario {
            tag: "cross-border",
            money: false,
            subjects: &["Is the wallet available in {country}?", "Can I use my wallet after moving to {country}?"],
            openings: &[
                "I'm moving to {country} for work. Can I keep using my wallet there, and can I top up from a local bank?",
                "I'm spending six months in {country}. Will my wallet keep working there?",
            ],
            shorts: &["does the wallet work in {country}?", "moving to {country}, will the wallet still work?"],
            asks: &["Will you be living in {country} permanently, or travelling?"],
            answers: &["I'll be there for at least two years."],
            notes: &["{country} not on the supported list for residence; payments abroad are fine. Explained."],
            fixes: &["You can keep using the wallet while travelling in {country}, but if you move there permanently you'll need to update your country of residence, and some features may not be available."],
        },
        Scenario {
            tag: "cross-border",
            money: true,
            subjects: &["Payment to {country} blocked", "Cross-border transfer restrictions"],
            openings: &[
                "My transfer of {amount} to {country} was blocked with a message about regulations. It's for my family.",
                "My payment to a merchant in {country} was stopped ({tx}). Why can't I pay there?",
            ],
            shorts: &["payment to {country} blocked?", "why can't I pay in {country}?"],
            asks: &["Could you tell me a bit more about the payment – the amount and what it's for?"],
            answers: &["The payment is {amount}, for university fees."],
            notes: &["Destination on the restricted list for outbound transfers; compliance confirmed the block."],
            fixes: &["Transfers to {country} are restricted under current rules, so we can't send this one, and the money is back in your wallet. I'm sorry for the inconvenience."],
        },
        Scenario {
            tag: "age-limit",
            money: false,
            subjects: &["Can my 16-year-old open an account?", "Minimum age for the wallet"],
            openings: &[
                "My son is 16. Can he have his own wallet account, or does he need to be 18?",
                "My account was closed because I'm under 18. I'm turning 18 next month – can I reopen it then?",
            ],
            shorts: &["minimum age for an account?", "account closed because I'm under 18"],
            asks: &["Could you confirm the date of birth as it appears on the ID?"],
            answers: &["I've sent the date of birth exactly as on the ID."],
            notes: &["Age policy is 18+. Informed the customer; no teen accounts."],
            fixes: &["Accounts are available from age 18. Once you turn 18 you can register again with the same phone number."],
        },
        Scenario {
            tag: "legal",
            money: false,
            subjects: &["Legal action over lost funds", "Statements needed for my lawyer"],
            openings: &[
                "I lost {amount} in a dispute with a merchant and my lawyer needs full statements for the last 12 months. How do I request them?",
                "I've been told to get legal advice about money I lost through the platform. Where do I send a formal complaint?",
            ],
            shorts: &["need statements for my lawyer", "how do I file a formal complaint?"],
            asks: &["For a formal complaint we need your full name, the transactions involved and the outcome you're looking for."],
            answers: &["I've sent the details by email."],
            notes: &["Formal complaint logged and referred to the complaints team (8-week response window)."],
            fixes: &["You can download statements for any period under Profile › Statements. I've also logged your formal complaint; our complaints team will reply in writing within 8 weeks."],
        },
    ],
    asks: &["Thanks for your question – let me check the current rules for you. Which country do you live in now?"],
    answers: &["That's really disappointing.", "OK, thanks for checking."],
    notes: &["Checked with compliance: the rule applies here.", "Forwarded to the legal and complaints queue; on hold."],
    updates: &["I've checked with our compliance team and will get back to you within 2 working days."],
};
