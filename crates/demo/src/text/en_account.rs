//! English: account security, fraud, login and password.

use super::{Scenario, Texts};

pub(crate) static ACCOUNT_SECURITY: Texts = Texts {
    scenarios: &[
        Scenario {
            tag: "account-takeover",
            money: false,
            subjects: &["Someone has taken over my account", "My account was hacked – password and email changed", "Account stolen, please lock it"],
            openings: &[
                "I can't log in any more and I just got an email saying my password and email address were changed. I didn't do this. My balance was about {amount} – please lock the account before they take everything.",
                "I think my wallet account has been stolen. I got a login alert from {city} at {time} on {date} and now my password doesn't work. Please freeze the account right away.",
            ],
            shorts: &["my account got hacked, please freeze it NOW", "someone changed my password and I can't get in"],
            asks: &["I've frozen the account so nothing can leave it. To confirm it's really you, please tell me your date of birth and the last payment you remember making."],
            answers: &["The last payment I made was to {merchant}, a few days ago. Date of birth is the one on my ID."],
            notes: &["Account {wallet} frozen at customer's request. Password and email changed from a new device at {time}; email reverted to the original. Security review opened."],
            fixes: &["Your account is secure again: we've reversed the email change, reset your password and signed out every device. Please turn on two-factor authentication when you log in, and tell us if you see anything you don't recognise."],
        },
        Scenario {
            tag: "phishing",
            money: false,
            subjects: &["I entered my details on a fake wallet site", "Phishing text pretending to be you"],
            openings: &[
                "I got an SMS saying my wallet would be suspended unless I verified it at {phish}. I entered my login and the SMS code before I realised it was fake. What should I do?",
                "Is {phish} yours? It looks exactly like your login page and someone sent me the link on WhatsApp asking me to 'confirm a refund'. I typed in my password.",
            ],
            shorts: &["is {phish} one of your sites?", "I think I clicked a phishing link and entered my password"],
            asks: &["Please don't use that link again. Did you also enter your payment PIN or card details on the site, or only your login and the code?"],
            answers: &["Only my login and the SMS code, not my card.", "I think I also typed my card number, I'm not sure."],
            notes: &["Customer entered credentials on phishing page {phish}. Forced password reset, revoked sessions, reported the domain to the takedown vendor."],
            fixes: &["Thanks for reporting it so quickly. That site is not ours and we've asked for it to be taken down. We've reset your password and ended all sessions, and no money left your account. We will never ask you for your SMS code."],
        },
        Scenario {
            tag: "suspicious-login",
            money: false,
            subjects: &["Login alert from {city} – that wasn't me", "Unknown device logged into my wallet"],
            openings: &[
                "I just got a notification that my account was accessed from {city} on a device I don't own. I've never been there. Nothing seems to be missing yet but I'm worried.",
                "My activity log shows a login on {date} at {time} from {city}. I was asleep at home. Can you check whether anything was changed and block that device?",
            ],
            shorts: &["got a login alert from {city}, not me!", "unknown login on my account, please check"],
            asks: &["Can you tell me when you last logged in yourself, and from which device?"],
            answers: &["I last logged in yesterday on my own {device}."],
            notes: &["Login from {city} on {date} {time}: new device, correct password, 2FA not enabled. No transactions after the login. Sessions revoked; advised customer to enable 2FA."],
            fixes: &["We've signed that device out and blocked it. No payments or changes were made during that session. To be safe, please change your password and turn on two-factor authentication under Settings › Security."],
        },
        Scenario {
            tag: "lost-phone",
            money: false,
            subjects: &["Phone stolen – please block my wallet", "Lost my phone with the wallet app on it"],
            openings: &[
                "My phone was stolen on {date} and the wallet app was logged in. I have a new SIM now. Please block access from that phone so nobody can use my balance.",
                "I lost my {device} last night. The app has my cards linked. Can you freeze the account until I get a new phone?",
            ],
            shorts: &["phone stolen, please block my wallet", "lost my phone, need to freeze the account"],
            asks: &["I've frozen the account for now. Do you still have access to your registered email? We'll send a link there to move your wallet to your new phone."],
            answers: &["Yes, I can read my email on my laptop."],
            notes: &["Customer reports stolen {device}. Device binding removed, account frozen temporarily, card ending {last4} blocked. Awaiting ID check to unfreeze."],
            fixes: &["The old phone can no longer access your wallet and your card ending {last4} has been replaced. Your account is unfrozen – log in on your new phone and you'll be asked to verify it by SMS."],
        },
        Scenario {
            tag: "account-frozen",
            money: false,
            subjects: &["Why is my account frozen?", "Account frozen after security check"],
            openings: &[
                "My account was frozen today with a message about 'unusual activity'. I have {amount} in there that I need for rent. What do I need to do to get it unfrozen?",
                "I received an email saying my wallet is frozen for security reasons. I haven't done anything unusual. Please tell me what's going on.",
            ],
            shorts: &["why is my account frozen??", "account frozen and I need my money"],
            asks: &["We need to confirm it's you before we lift the freeze. Please verify in the app under Settings › Verify identity, or reply with a photo of your ID and a selfie holding it."],
            answers: &["I've uploaded the ID and selfie in the app just now."],
            notes: &["Freeze triggered by risk rule {err} (3 new payees in 10 minutes). Requested ID and selfie before lifting."],
            fixes: &["Thanks for verifying your identity. We've lifted the freeze and your full balance is available. The hold was placed automatically to protect you after several new payees were added in a short time."],
        },
    ],
    asks: &["Please don't share your password or SMS codes with anyone, including us. Have you had any calls or messages recently asking for a code or asking you to install an app?"],
    answers: &[
        "Is my money safe? Please tell me nothing has been taken.",
        "How long does this take? I need access to my money.",
        "Yes, someone called me pretending to be from my bank and asked for a code. I'm so sorry.",
    ],
    notes: &[
        "Escalated to the security team with device fingerprint and IP history. Account stays frozen until the review completes.",
        "Checked the ledger for {wallet}: no outgoing payments since the suspicious activity.",
        "Asked the security team to freeze the account; customer informed.",
    ],
    updates: &[
        "Our security team is reviewing the activity on your account. The freeze stays in place until they've finished, usually within 24 hours. Your balance is safe.",
        "Thank you, we have what we need. The security team will finish the review today and I'll update you as soon as they do.",
    ],
};

pub(crate) static FRAUD: Texts = Texts {
    scenarios: &[
        Scenario {
            tag: "card-compromised",
            money: true,
            subjects: &["Payment I didn't make: {amount} at {merchant}", "Unknown card payment on my statement"],
            openings: &[
                "There's a payment of {amount} to {merchant} on {date} that I didn't make. My card ending {last4} is still in my wallet. Please block the card and get my money back.",
                "I've just noticed payments I don't recognise, the largest is {amount} ({tx}). I haven't shared my card details with anyone.",
            ],
            shorts: &["there's a {amount} payment I never made", "unknown charge from {merchant}, not me"],
            asks: &["I've blocked your card so nothing else can be charged. Do you still have the physical card, and does anyone else ever use it?"],
            answers: &["Yes, I still have the card. Nobody else uses it."],
            notes: &["Card ending {last4} blocked. {tx} disputed under fraud reason code 10.4; provisional credit not yet issued."],
            fixes: &["We've confirmed the payment to {merchant} was fraudulent and refunded {amount} to your wallet. Your old card is blocked and a new one is on its way."],
        },
        Scenario {
            tag: "scam",
            money: true,
            subjects: &["I was scammed – sent {amount} to a fake seller", "Scammer tricked me into transferring money"],
            openings: &[
                "I sent {amount} to someone selling concert tickets on social media and they've blocked me. The transfer reference is {tx}. Can you stop it or get it back?",
                "A man called saying he was from your fraud team and told me to move {amount} to a 'safe account'. I did it on {date} at {time}. I now realise it was a scam.",
            ],
            shorts: &["I got scammed, sent {amount} to a fake seller", "someone pretending to be you made me move my money"],
            asks: &["Please don't reply to the person who contacted you. Did you share any codes or passwords, or install an app at their request?"],
            answers: &["I did install an app he told me to. I've deleted it now."],
            notes: &["Scam payment reported. Recall request sent to the receiving wallet for {tx}; beneficiary account flagged to fraud ops."],
            fixes: &["The receiving account was frozen before all the money was moved and we recovered {amount}, which is back in your wallet. We've also reported the scammer's account."],
        },
        Scenario {
            tag: "atm-fraud",
            money: true,
            subjects: &["ATM withdrawal I didn't make", "Cash taken out of my account abroad"],
            openings: &[
                "My statement shows an ATM withdrawal of {amount} in {city} on {date}. I was at work all day and I still have my card.",
                "Someone withdrew {amount} in cash with my card in {city} overnight. I never use ATMs abroad. Please freeze everything.",
            ],
            shorts: &["ATM withdrawal in {city} that wasn't me", "cash taken from my card abroad"],
            asks: &["Could you confirm where you were at the time of the withdrawal, and whether your card has been out of your sight recently?"],
            answers: &["I was at work, my colleagues can confirm. The card never left my wallet."],
            notes: &["Withdrawal {tx} in {city} was chip-and-PIN; skimming suspected. Card blocked, case sent to the card scheme."],
            fixes: &["The card scheme accepted our fraud claim for the withdrawal in {city}. {amount} has been credited back to your wallet and a replacement card is on its way."],
        },
        Scenario {
            tag: "direct-debit",
            money: true,
            subjects: &["Direct debit I never set up", "Recurring charge I don't recognise"],
            openings: &[
                "A direct debit for {amount} was taken on {date} by a company called {merchant}. I never signed anything with them.",
                "Every month {amount} goes out to {merchant} and I have no idea what it is. Can you cancel it and refund me?",
            ],
            shorts: &["direct debit I never set up, {amount}", "recurring charge to {merchant}, not mine"],
            asks: &["Do you recognise {merchant} at all – a free trial, or a subscription someone in your family might have signed up for?"],
            answers: &["No, I've never heard of them and nobody in my family has."],
            notes: &["Mandate for {merchant} created via card-on-file. Mandate cancelled; indemnity claim raised for the last payment {tx}."],
            fixes: &["We've cancelled the mandate with {merchant} and refunded the last payment of {amount}. No further payments will be taken."],
        },
        Scenario {
            tag: "account-frozen",
            money: true,
            subjects: &["Money transferred out of my wallet without permission", "Unauthorised transfer of {amount}"],
            openings: &[
                "{amount} was transferred from my wallet to an account I don't know on {date} at {time}. I didn't do it and I didn't get any confirmation SMS.",
                "My balance dropped by {amount} overnight. The history shows a transfer {tx} to someone I've never heard of.",
            ],
            shorts: &["someone transferred {amount} out of my wallet", "unauthorised transfer, please help"],
            asks: &["I've frozen your account while we investigate. Did you get any login or new-device alerts before the transfer?"],
            answers: &["I got an email about a new device but thought it was spam."],
            notes: &["Transfer {tx} made from a device first seen the same day. Account frozen, recipient wallet restricted, fraud investigation opened."],
            fixes: &["Our investigation found the transfer was unauthorised. We've returned {amount} to your wallet and removed the unknown device from your account."],
        },
    ],
    asks: &[
        "I'm sorry this happened. To open a fraud claim I need the date, amount and merchant or recipient of each transaction you don't recognise. Could you list them?",
        "We'll handle this as a fraud case. Have you reported it to the police? A report number helps the claim, but it isn't required.",
    ],
    answers: &[
        "The police report number is {order}.",
        "How long will the investigation take? This is most of my savings.",
        "There are two: {amount} on {date} and a smaller one the day before.",
    ],
    notes: &[
        "Escalated to fraud ops with the full transaction list. Told the customer investigations take up to 15 working days.",
        "Provisional credit of {amount} issued while the claim is pending.",
        "Card scheme desk: claim accepted, waiting for the other side's response (up to 30 days).",
    ],
    updates: &[
        "Your fraud claim is open and our team is working on it. Investigations can take up to 15 working days; we'll update you as soon as we hear back.",
        "We've given you a temporary credit of {amount} while the investigation runs. If the claim succeeds it becomes permanent.",
    ],
};

pub(crate) static ACCOUNT_ACCESS: Texts = Texts {
    scenarios: &[
        Scenario {
            tag: "password-reset",
            money: false,
            subjects: &["Forgot my password and the reset email never arrives", "Can't reset my password"],
            openings: &[
                "I forgot my password and clicked 'Forgot password?' three times, but no reset email has arrived. I've checked spam.",
                "The password reset link says 'expired' every time I open it, even straight after it arrives.",
            ],
            shorts: &["reset email never comes", "password reset link says expired"],
            asks: &["Could you check that the email on your account is the one you're writing from? Reset links only go to the registered address."],
            answers: &["Yes, it's this address.", "Maybe it's my old work email, I can't access that any more."],
            notes: &["Reset emails to the customer bounced (mailbox full). Customer cleared the inbox; reset link resent."],
            fixes: &["I've sent a fresh reset link that's valid for 30 minutes. Please open it on the same device and choose a new password – and we recommend turning on two-factor authentication afterwards."],
        },
        Scenario {
            tag: "locked-out",
            money: false,
            subjects: &["Account locked after too many attempts", "Locked out – error {err}"],
            openings: &[
                "I typed my password wrong a few times and now the app says my account is locked ({err}). How do I unlock it?",
                "My account got locked this morning after I entered an old password. It says to try again in 24 hours but I need to pay a bill today.",
            ],
            shorts: &["account locked, error {err}", "locked out after wrong passwords"],
            asks: &["To confirm it's you, could you tell me your date of birth and the amount of your most recent top-up?"],
            answers: &["The last top-up was {amount}, a few days ago."],
            notes: &["Lock triggered by 5 failed logins from the customer's usual device. Identity confirmed via SMS, lock lifted."],
            fixes: &["Your account is unlocked. Please log in with your current password, or use 'Forgot password?' if you're unsure of it – five wrong attempts lock it again for 24 hours."],
        },
        Scenario {
            tag: "2fa",
            money: false,
            subjects: &["Not receiving SMS verification code", "Changed phone number, can't get 2FA code"],
            openings: &[
                "I'm not getting the SMS code when I log in. I've waited 10 minutes and tried three times. My number hasn't changed.",
                "I got a new phone number and the two-factor codes still go to my old number, so I can't log in at all.",
            ],
            shorts: &["no SMS code when logging in", "2FA codes go to my old number"],
            asks: &["Could you confirm the phone number the codes should go to? Only the last four digits, please."],
            answers: &["The number ends in {last4}."],
            notes: &["SMS provider shows delivery failures to the customer's carrier today. Switched the customer to voice OTP."],
            fixes: &["We've updated your verified phone number, so codes will now arrive on the right number. Please log in and check under Settings › Security that it's correct."],
        },
        Scenario {
            tag: "pin-blocked",
            money: false,
            subjects: &["Payment PIN blocked", "Wallet PIN locked after wrong entries"],
            openings: &[
                "I entered the wrong payment PIN three times and now it's blocked. I can't pay for anything. How do I reset it?",
                "My PIN got blocked at a shop checkout on {date}. Do I need to wait or can you unblock it?",
            ],
            shorts: &["PIN blocked, can't pay", "my payment PIN is locked"],
            asks: &["For security, please confirm your date of birth and your last transaction, then I can reset the PIN counter."],
            answers: &["My last payment was {amount} at {merchant}."],
            notes: &["PIN retry counter reset after identity check (date of birth + last transaction)."],
            fixes: &["Your PIN is unblocked. You can set a new one under Settings › Payment PIN; we'd suggest not reusing the old one."],
        },
        Scenario {
            tag: "kyc",
            money: false,
            subjects: &["Face verification keeps failing at login", "App asks me to verify my identity and won't accept my ID"],
            openings: &[
                "Since the update the app asks me to verify my identity before logging in, but the face scan fails every time with {err}.",
                "I'm being asked to re-verify with my ID to log in. I've uploaded it five times and it says the document is unreadable.",
            ],
            shorts: &["face scan fails every time, can't log in", "ID upload keeps failing"],
            asks: &["Which device and app version are you using? And could you send a screenshot of the message you see?"],
            answers: &["I'm on a {device} with {os}, app {app}. Screenshot attached."],
            notes: &["Liveness check failing (low light / old camera). Sent a manual verification link."],
            fixes: &["We've verified your identity manually and you can log in again. Thanks for bearing with us."],
        },
    ],
    asks: &["Sorry you're locked out. For your security I can't change login details in this conversation – I've sent a verification link to your registered email. Please open it and let me know once done."],
    answers: &["Done, I've clicked the link.", "It still doesn't work, same message as before.", "I need to pay a bill today, please hurry."],
    notes: &[
        "Identity confirmed against date of birth and recent activity.",
        "No suspicious activity on {wallet}; failed logins all from the customer's usual device and IP range.",
        "Escalated to the identity team for manual verification; on hold.",
    ],
    updates: &[
        "Thanks, that matches our records. I've asked our identity team to restore your access; this normally takes under an hour.",
        "Our identity team is reviewing your account. I'll update you as soon as they're done, usually within one working day.",
    ],
};
