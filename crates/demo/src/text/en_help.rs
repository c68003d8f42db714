//! English: technical problems and general questions.

use super::{Scenario, Texts};

pub(crate) static TECHNICAL: Texts = Texts {
    scenarios: &[
        Scenario {
            tag: "crash",
            money: false,
            subjects: &["App crashes on launch after update", "App keeps crashing on my {device}"],
            openings: &[
                "Since updating to {app} the app closes as soon as I open it. I'm on a {device} with {os}. I've already restarted the phone.",
                "The app crashes every time I tap 'Transfer'. The screen goes white and then it closes.",
            ],
            shorts: &["app crashes as soon as I open it", "app closes when I tap Transfer"],
            asks: &["Sorry about that. Could you tell me your device model, OS version, the app version (Profile › About) and the exact error text, if any?"],
            answers: &["{device}, {os}, app {app}. It just closes, no error."],
            notes: &["Crash reports for {app} on {os} match known issue MOB-2231 (fix in the next release)."],
            fixes: &["This was a bug in version {app} on {os}. A fixed version is now in the store – please update and the app should open normally."],
        },
        Scenario {
            tag: "outage",
            money: false,
            subjects: &["App stuck on the loading screen", "Error {err} when opening the app"],
            openings: &[
                "The app just shows a spinning circle and never loads my balance. Wi-Fi and mobile data both work for other apps.",
                "I get {err} every time I open the app. It started today.",
            ],
            shorts: &["app stuck loading", "getting {err} on every screen"],
            asks: &["Does this happen on both Wi-Fi and mobile data, or only one of them?"],
            answers: &["It happens on both Wi-Fi and mobile data."],
            notes: &["{err} spike 09:10-09:40 during API gateway incident INC-5521. Resolved."],
            fixes: &["We had a service problem this morning that stopped the app loading for some customers. It's fixed now – please close and reopen the app."],
        },
        Scenario {
            tag: "payment-error",
            money: false,
            subjects: &["Payment page shows an error", "Error {err} when paying"],
            openings: &[
                "When I try to pay at {merchant}, the payment page shows {err} and doesn't continue. Was I charged?",
                "The confirm button does nothing on the payment page. I've tried five times.",
            ],
            shorts: &["payment page shows {err}", "confirm button does nothing"],
            asks: &["Could you send a screenshot of the error? I'll check whether any payment went through."],
            answers: &["Screenshot attached. The error says {err}."],
            notes: &["Front-end bug on the payment page for {os}; no charges taken. Workaround: web checkout."],
            fixes: &["You were not charged. The error was a display bug on {os}, fixed in the latest version – please update the app."],
        },
        Scenario {
            tag: "app-update",
            money: false,
            subjects: &["Can't update the app", "App says update required but there is no update"],
            openings: &[
                "The store says the update fails to install on my {device}. I'm stuck on {app} and the app says I must update.",
                "The app says I must update to keep using it, but the store shows no update for my {device} ({os}, app {app}).",
            ],
            shorts: &["update won't install", "app wants an update that isn't there"],
            asks: &["How much free storage does your phone have? Updates often fail when it's nearly full."],
            answers: &["Only 300 MB free – I'll clear some space and try again."],
            notes: &["Store rollout of the new version was paused for {os} yesterday; resumed this morning."],
            fixes: &["The new version is available in the store again for your phone. Please free up some space and install it – your account and settings stay as they are."],
        },
        Scenario {
            tag: "crash",
            money: false,
            subjects: &["Balance shows 0.00 but I have money", "Home screen shows the wrong balance"],
            openings: &[
                "My balance shows 0.00 on the home screen but the transaction list is correct. Scary!",
                "Since this morning the home screen on my {device} shows an old balance. The transactions are all there.",
            ],
            shorts: &["balance shows 0.00??", "home screen shows the wrong balance"],
            asks: &["A screen recording or screenshot would help a lot, if you can send one."],
            answers: &["Screen recording attached."],
            notes: &["Cached-balance bug after background refresh; clearing the app cache fixes it. Logged MOB-2304."],
            fixes: &["Your balance is correct on our side. Clearing the app cache (Settings › Storage) fixes the display, and the bug is fixed in the next update."],
        },
    ],
    asks: &[
        "Could you make sure you're on the latest version, clear the app's cache and restart your phone? Let me know if the problem continues.",
        "To help our developers, could you tell me your device model, OS version and app version?",
    ],
    answers: &["I cleared the cache and reinstalled, still the same.", "It works now after the update, thanks.", "{device}, {os}, app {app}."],
    notes: &[
        "Attached the customer's device info to the bug ticket; engineering investigating.",
        "Can't reproduce on a test device with {os}; asked for logs.",
        "Known issue in {app}; linked to the incident. On hold until the fix ships.",
    ],
    updates: &[
        "Thanks for the details – I've passed them to our developers, who are working on a fix. I'll let you know when an update is available.",
        "Our engineers have found the cause and a fix is going out in the next app update.",
    ],
};

pub(crate) static GENERAL: Texts = Texts {
    scenarios: &[
        Scenario {
            tag: "how-to",
            money: false,
            subjects: &["What are your support hours?", "How can I speak to someone on the phone?"],
            openings: &[
                "What are your customer service hours? I'd rather speak to someone than use chat.",
                "Is there a phone number I can call? I couldn't find it on the website.",
            ],
            shorts: &["what are your opening hours?", "can I call you?"],
            asks: &["Is there something specific I can help with right now?"],
            answers: &["I wanted to ask about a payment, but I'll call."],
            notes: &["Gave the hotline number and hours."],
            fixes: &["Our chat and hotline are open 24/7, and we answer emails within 48 hours. You'll find the hotline number in the app under Help › Contact us."],
        },
        Scenario {
            tag: "feedback",
            money: false,
            subjects: &["Suggestion: dark mode", "Feedback on the new design"],
            openings: &[
                "Love the app, but please add a dark mode – my eyes hurt at night.",
                "The new home screen hides the transfer button. It took me ages to find it.",
            ],
            shorts: &["please add dark mode", "the new design is confusing"],
            asks: &["Thanks for the feedback! Which screens do you use most, so I can pass on the details?"],
            answers: &["Mostly the home screen and the transfer page."],
            notes: &["Logged the feedback on the product board (FB-812)."],
            fixes: &["Thanks again – I've passed your feedback to our product team, and it's on their list for the coming releases."],
        },
        Scenario {
            tag: "how-to",
            money: false,
            subjects: &["How do I split a bill with friends?", "How do I download a statement?"],
            openings: &[
                "How do I split a bill with friends in the app? I can't find the option.",
                "I need a statement for the last 3 months for a visa application. How do I get one?",
            ],
            shorts: &["how do I split a bill?", "how do I get a statement?"],
            asks: &["Are you using the app or the website? The steps are slightly different."],
            answers: &["The app, on my {device}."],
            notes: &["How-to question; sent the help centre article."],
            fixes: &["You'll find it in the app: statements under Profile › Statements (choose the period and tap 'Export PDF'), bill splitting under Pay › Split. Let us know if you need anything else."],
        },
        Scenario {
            tag: "feedback",
            money: false,
            subjects: &["Complaint about slow support", "Waiting days for an answer"],
            openings: &[
                "I've been waiting four days for a reply to my email. This is not acceptable for a payments app.",
                "Your chat bot keeps sending me in circles. I want to speak to a human.",
            ],
            shorts: &["why does support take so long?", "I want a human, not a bot"],
            asks: &["I'm sorry you've had to wait. Could you tell me when you wrote before, so I can find your earlier message?"],
            answers: &["I wrote from this address on {date}."],
            notes: &["Complaint about response time; apologised and linked the earlier ticket."],
            fixes: &["I'm sorry for the wait. I've answered your original question and passed your feedback to our team lead."],
        },
    ],
    asks: &["Thanks for reaching out! Could you tell me a bit more about what you're trying to do?"],
    answers: &["Thanks, that's what I needed.", "OK, I'll try that."],
    notes: &["General enquiry, no account action needed."],
    updates: &["I've passed your message to the right team and will get back to you shortly."],
};
