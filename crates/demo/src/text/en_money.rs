//! English: top-ups, transfers and withdrawals.

use super::{Scenario, Texts};

pub(crate) static TOP_UP: Texts = Texts {
    scenarios: &[
        Scenario {
            tag: "card-declined",
            money: true,
            subjects: &["Top-up of {amount} failed but my card was charged", "Card top-up declined with error {err}"],
            openings: &[
                "I tried to top up {amount} from my {bank} card on {date} at {time}. The app said the top-up failed ({err}) but the money has already left my bank account.",
                "Every time I try to add money with my card ending {last4} I get error {err}. The card is valid and has plenty of balance – it works everywhere else.",
            ],
            shorts: &["my top-up of {amount} failed but the bank took the money", "can't top up, keeps saying {err}"],
            asks: &[
                "Error {err} usually means the issuing bank declined the payment – for example insufficient funds, an expired card or a limit on online payments. Could you check with {bank} whether they blocked it?",
                "I can see the attempt {tx}. Did you get an SMS or 3-D Secure prompt from {bank} when you topped up?",
            ],
            answers: &["I called {bank} and they say they didn't block anything.", "No SMS from the bank. The card ends in {last4}."],
            notes: &["Top-up {tx} declined by the issuer; a pre-authorisation hold stayed on the card. Hold released; told the customer it drops off within 5-7 days."],
            fixes: &["The failed top-up was only a temporary hold on your card, and we've asked {bank} to release it. It should disappear within 5 working days. You can try the top-up again now."],
        },
        Scenario {
            tag: "bank-delay",
            money: true,
            subjects: &["Bank transfer top-up not showing after 3 days", "Sent {amount} by bank transfer – still not in my wallet"],
            openings: &[
                "I sent {amount} by bank transfer from {bank} on {date} to top up my wallet and it still hasn't arrived. I know bank transfers take 1-3 working days, but it's been longer than that now.",
                "My bank says the transfer of {amount} to top up my wallet was completed on {date}. My balance hasn't changed. Reference {tx}.",
            ],
            shorts: &["topped up by bank transfer on {date}, still nothing", "bank transfer top-up hasn't arrived"],
            asks: &[
                "Bank-transfer top-ups normally take 1-3 working days. Could you send a screenshot of the transfer in your banking app, with the amount, date and reference visible?",
                "Which reference did you put on the transfer? We match incoming payments by your wallet ID.",
            ],
            answers: &["Screenshot attached. {bank} shows {amount} sent on {date}.", "I think I left the reference empty, sorry."],
            notes: &["Incoming bank transfer found without the wallet reference. Matched manually to {wallet} and credited {amount}."],
            fixes: &["We found your transfer – it arrived without your wallet ID as the reference, so it couldn't be matched automatically. {amount} has now been added to your balance. Next time, please use {wallet} as the reference."],
        },
        Scenario {
            tag: "pending-top-up",
            money: true,
            subjects: &["Top-up stuck on pending since {date}", "Why is my top-up still pending?"],
            openings: &[
                "My top-up of {amount} has been stuck on 'Pending' since {date}. My bank says the payment went through on their side. Can you check?",
                "I topped up {amount} by card at {time} and it's still pending hours later. Card top-ups are supposed to take a few hours at most.",
            ],
            shorts: &["top-up pending since {date}, ref {tx}", "top-up still pending after hours"],
            asks: &["I can see {tx} is still pending on our side. Has the amount actually left your {bank} account, or is it only reserved?"],
            answers: &["It has left my account, it's not just reserved.", "My bank app shows it as completed."],
            notes: &["Top-up {tx} stuck in 'awaiting settlement' after the acquirer outage on {date}. Forced settlement via payments ops."],
            fixes: &["Your pending top-up of {amount} has now completed and the money is in your wallet. It was held up by a problem at our card processor – sorry for the wait."],
        },
        Scenario {
            tag: "top-up-reverted",
            money: true,
            subjects: &["Top-up reverted – where is my money?", "Balance went down again after top-up"],
            openings: &[
                "I topped up {amount} yesterday and the balance went up, then this morning it went back down. The history says the top-up was reverted. I didn't cancel anything.",
                "Why was my top-up {tx} reversed? I can see the money left my {bank} account.",
            ],
            shorts: &["why was my top-up reverted??", "top-up reversed and the money is gone"],
            asks: &["When a bank reverses a top-up, the money goes back to the card, not the wallet. Could you check whether {amount} has come back to your {bank} card?"],
            answers: &["Nothing back on my card yet.", "I checked with {bank}, they don't see a refund."],
            notes: &["Checked the ledger: top-up {tx} reverted by the issuing bank (response code 05). Funds returned to the card, not to the wallet."],
            fixes: &["{bank} reversed the top-up, so the money went back to your card rather than your wallet. It can take 5-10 working days to appear on your statement. If it hasn't by then, send us the statement and we'll chase it."],
        },
        Scenario {
            tag: "duplicate-charge",
            money: true,
            subjects: &["Auto top-up charged twice", "Two top-ups taken, I only made one"],
            openings: &[
                "Auto top-up fired twice this morning and took {amount} two times from my {bank} account. I only want it once – please refund the duplicate.",
                "I pressed top-up once but {amount} was taken twice ({tx} and {tx2}).",
            ],
            shorts: &["auto top-up charged me twice", "one top-up, charged twice"],
            asks: &["Could you send a screenshot of your {bank} statement showing both debits?"],
            answers: &["Screenshot attached, you can see {amount} twice."],
            notes: &["Duplicate top-up confirmed: {tx} and {tx2} both settled. Second debit refunded."],
            fixes: &["We've refunded the duplicate top-up of {amount} to your {bank} account; allow 3-5 working days. Auto top-up will now run only once each time your balance drops below your threshold."],
        },
        Scenario {
            tag: "limits",
            money: false,
            subjects: &["Top-up limit reached – how do I raise it?", "Can't top up more than {limit}"],
            openings: &[
                "I'm trying to top up {amount} but the app says I've reached my top-up limit. I haven't added anything else this month. What is the limit and how do I raise it?",
                "The app won't let me top up more than {limit} a day. I need to pay a supplier this week. Can the limit be increased?",
            ],
            shorts: &["hit the top-up limit, how do I raise it?"],
            asks: &["Your limit depends on your verification level. Could you complete the source-of-funds step under Settings › Verification so we can review a higher limit?"],
            answers: &["Done, I've uploaded my payslip."],
            notes: &["Customer eligible for the {limit} tier once source of funds is checked. Tier applied."],
            fixes: &["Your top-up limit has been raised to {limit} per day now that your verification is complete. You can try the top-up again straight away."],
        },
    ],
    asks: &[
        "Thanks for reaching out – sorry about the trouble with your top-up. Could you tell me the amount, the date and whether you paid by card or bank transfer?",
        "Bank-transfer top-ups normally take 1-3 working days and card top-ups a few hours. Could you send a screenshot of what you see in the app?",
    ],
    answers: &["Screenshot attached.", "Any update? This is taking a long time.", "OK, I'll wait. Please keep me posted."],
    notes: &[
        "Top-up history for {wallet}: regular top-ups, no risk flags.",
        "Asked payments ops to look at this; on hold until they reply (usually 2-3 working days).",
        "No holds or blocks on {wallet}.",
    ],
    updates: &[
        "Quick update: our payments team is looking into this and I'll let you know as soon as I hear, usually within 2-3 working days.",
        "Still on it – I've asked our payments team for an update and will get back to you by the end of the day.",
    ],
};

pub(crate) static TRANSFER: Texts = Texts {
    scenarios: &[
        Scenario {
            tag: "bank-delay",
            money: true,
            subjects: &["Transfer of {amount} not received by recipient", "Recipient still hasn't got my transfer"],
            openings: &[
                "I sent {amount} to my landlord's {bank} account on {date}. The app shows 'Completed' but he says nothing has arrived.",
                "My transfer {tx} to my sister hasn't reached her. It's been two days. Can you tell me where the money is?",
            ],
            shorts: &["recipient hasn't received my {amount} transfer", "transfer says completed but nothing arrived"],
            asks: &[
                "I've found {tx}. Could you ask the recipient to check with their bank using that reference?",
                "Could you confirm the recipient's name and the last four digits of their account, so I can check the details entered?",
            ],
            answers: &["Their bank says they can't see anything coming in.", "The account ends in {last4}, and the name is exactly as on their card."],
            notes: &["Transfer {tx} left us on {date}; receiving bank {bank} confirms receipt, pending credit to the beneficiary. Gave the customer the bank reference."],
            fixes: &["{bank} has confirmed the {amount} was credited to the recipient's account this morning. If they still can't see it, they can quote reference {tx} to their bank."],
        },
        Scenario {
            tag: "transfer-delay",
            money: true,
            subjects: &["Wallet transfer pending for hours", "Transfer to a friend stuck on pending"],
            openings: &[
                "Wallet-to-wallet transfers are normally instant, but the {amount} I sent to a friend at {time} is still pending.",
                "Why is my transfer {tx} still 'processing'? I've sent money to the same person many times before without any problem.",
            ],
            shorts: &["transfer pending for hours, usually instant", "transfer stuck on processing"],
            asks: &["Did you recently log in on a new phone or change your security settings? A new device can trigger an extra check on transfers."],
            answers: &["Yes, I got a new phone last week."],
            notes: &["Transfer {tx} held by the velocity check (new device). Released after reviewing the device history."],
            fixes: &["Your transfer was held for a routine security check because you'd just logged in on a new device. It's been released and your friend has received {amount}."],
        },
        Scenario {
            tag: "transfer-declined",
            money: true,
            subjects: &["Transfer declined with {err}", "Why was my transfer declined?"],
            openings: &[
                "I tried to send {amount} to a {bank} account and it was declined with {err}. I have enough balance.",
                "My transfer of {amount} was declined ({tx}). Every transfer above {limit} seems to fail. Is there a limit I don't know about?",
            ],
            shorts: &["transfer declined, {err}", "can't send more than {limit}?"],
            asks: &["Could you check the recipient's name exactly as it appears on their bank account? A mismatch in the name or account number is the most common reason for a decline."],
            answers: &["I copied the name from the invoice, I'll ask them for the exact name."],
            notes: &["{err}: beneficiary bank rejected – account name mismatch. Customer to check the recipient's name as it appears on the bank account."],
            fixes: &["The transfer was declined because the recipient's name didn't match the bank account. Once you've corrected the name you can send it again – your balance wasn't charged."],
        },
        Scenario {
            tag: "wrong-recipient",
            money: true,
            subjects: &["Sent money to the wrong person", "Please cancel my transfer"],
            openings: &[
                "I made a typo and sent {amount} to the wrong wallet on {date} at {time}. Can you cancel it or get it back?",
                "I need to cancel transfer {tx} – I sent it twice by mistake.",
            ],
            shorts: &["sent {amount} to the wrong person!", "need to cancel a transfer, sent it twice"],
            asks: &["We can't reverse a completed transfer ourselves, but we can ask the recipient to return it. Could you confirm the wallet ID or phone number you sent it to?"],
            answers: &["It went to a number one digit different from my friend's."],
            notes: &["Recall requested from the recipient wallet for {tx}. Recipient has 10 days to respond before we close the request."],
            fixes: &["The recipient agreed to return the money and {amount} is back in your wallet. Please double-check the recipient before confirming next time."],
        },
        Scenario {
            tag: "cross-border",
            money: true,
            subjects: &["International transfer delayed", "Transfer to {country} taking too long"],
            openings: &[
                "I sent {amount} to my family in {country} on {date}. The app said it would arrive in 1-2 days but it's still not there.",
                "How long do transfers to {country} take? Mine ({tx}) has been 'in progress' for four days.",
            ],
            shorts: &["transfer to {country} still hasn't arrived", "international transfer stuck"],
            asks: &["For transfers abroad we sometimes need the purpose of the payment. Could you tell me what it's for (family support, rent, tuition…)?"],
            answers: &["It's family support, I send the same amount every month."],
            notes: &["Cross-border transfer {tx} held by the intermediary bank for compliance screening. Asked the customer for the purpose of payment."],
            fixes: &["The intermediary bank has released the transfer and your family's bank credited it today. These checks are routine for some countries and can add 1-3 working days."],
        },
    ],
    asks: &[
        "Thanks for the details. Could you confirm the date and time you sent the transfer, and the amount?",
        "Transfers between wallets are usually instant; bank transfers take 1-2 working days, longer over weekends and public holidays. Let me check where yours is – could you send a screenshot of the transfer?",
    ],
    answers: &["Any news? I really need this sorted.", "Thanks, I've passed that on.", "It was {amount}, on {date} around {time}."],
    notes: &[
        "Recipient details match a previous successful transfer; no issue on our side.",
        "Weekend cut-off: transfers after 16:00 on Friday settle on Monday.",
        "Opened a trace with the clearing partner; on hold pending their reply (1-3 working days).",
    ],
    updates: &[
        "We've opened a trace with the clearing bank. They usually reply within 1-3 working days and I'll update you as soon as they do.",
        "The transfer is with the receiving bank now. I've asked them to confirm when they credit it.",
    ],
};

pub(crate) static WITHDRAWAL: Texts = Texts {
    scenarios: &[
        Scenario {
            tag: "bank-delay",
            money: true,
            subjects: &["Withdrawal of {amount} still not in my bank", "Withdrawal pending for a week"],
            openings: &[
                "I withdrew {amount} to my {bank} account on {date}. I know withdrawals take 3-7 working days, but it's past that now and nothing has arrived.",
                "My withdrawal {tx} has said 'Processing' for six working days. When will I get my money?",
            ],
            shorts: &["withdrawal of {amount} still not in my bank", "withdrawal pending for a week now"],
            asks: &[
                "I can see {tx} was paid out on our side. Could you send a screenshot of your {bank} statement for the days since {date}?",
                "Withdrawals take 3-7 working days depending on the bank. Could you confirm the account you withdrew to (the last four digits are enough)?",
            ],
            answers: &["Statement attached – nothing from you on there.", "The account ends in {last4}, the same one I always use."],
            notes: &["Withdrawal {tx} paid out on schedule; {bank} confirmed receipt. Delay is on the bank's side – gave the customer the payout reference."],
            fixes: &["Your withdrawal of {amount} was credited by {bank} today. Withdrawals normally take 3-7 working days; this one took longer because of the public holiday."],
        },
        Scenario {
            tag: "withdrawal-declined",
            money: true,
            subjects: &["Withdrawal rejected: {err}", "Withdrawal returned to my wallet"],
            openings: &[
                "My withdrawal of {amount} was rejected with {err} and the money went back to my wallet. The bank details are correct.",
                "I tried to withdraw {amount} to my new {bank} account and it bounced back after three days.",
            ],
            shorts: &["withdrawal rejected, {err}", "withdrawal bounced back to my wallet"],
            asks: &["Is the {bank} account in exactly the same name as your wallet? Withdrawals can only go to an account in your own name."],
            answers: &["It's a joint account with my partner – is that the problem?"],
            notes: &["{err}: account holder name at {bank} doesn't match the wallet name. Customer must withdraw to an account in their own name."],
            fixes: &["The withdrawal was returned because the bank account is in a different name. Once you add an account in your own name you can withdraw straight away – there's no fee for the failed attempt."],
        },
        Scenario {
            tag: "kyc",
            money: true,
            subjects: &["Can't withdraw – app says verification needed", "Withdrawal on hold for verification"],
            openings: &[
                "I want to withdraw {amount} but the app says I need to verify my identity first. I already did that when I signed up.",
                "My withdrawal of {amount} is on hold and I was asked for proof of source of funds. Why?",
            ],
            shorts: &["can't withdraw, it asks me to verify again", "withdrawal on hold for verification"],
            asks: &["For larger withdrawals we're required to check the source of funds. Could you upload a recent payslip or bank statement under Settings › Verification?"],
            answers: &["Uploaded my last three payslips."],
            notes: &["Withdrawal flagged for enhanced due diligence (monthly volume above {limit}). Requested a payslip or bank statement."],
            fixes: &["Thanks for the documents – your verification is complete and the withdrawal of {amount} has been released. It should reach {bank} in 3-7 working days."],
        },
        Scenario {
            tag: "atm-dispense",
            money: true,
            subjects: &["ATM didn't give me cash but charged me", "Wrong amount of cash from ATM"],
            openings: &[
                "I withdrew {amount} at an ATM in {city} on {date} but the machine gave me nothing and my balance still went down.",
                "The ATM gave me less cash than I asked for – I asked for {amount} and the full amount was charged.",
            ],
            shorts: &["ATM gave no cash but I was charged", "ATM short-changed me"],
            asks: &["Could you tell me where the ATM was and roughly what time you used it?"],
            answers: &["It was an ATM in {city}, around {time}."],
            notes: &["ATM withdrawal {tx}: acquirer journal shows a dispense error. Claim raised with the ATM operator."],
            fixes: &["The ATM operator confirmed the machine failed to dispense, and {amount} has been refunded to your wallet."],
        },
        Scenario {
            tag: "card-swallowed",
            money: false,
            subjects: &["ATM kept my card", "Card swallowed by a cash machine"],
            openings: &[
                "An ATM in {city} swallowed my card ending {last4} on {date}. What should I do?",
                "My card got stuck in an ATM and it never came back out. Is my money safe?",
            ],
            shorts: &["ATM swallowed my card", "card stuck in a cash machine"],
            asks: &["I've blocked the card to be safe. Did the ATM show a message, and do you know which bank runs the machine?"],
            answers: &["The screen said 'card retained, contact your bank'."],
            notes: &["Card {last4} retained by the ATM. Card blocked, replacement ordered, no transactions after retention."],
            fixes: &["We've blocked the card the ATM kept and sent you a new one, which should arrive in 5-7 working days. Your balance is safe and you can pay with the virtual card in the app meanwhile."],
        },
    ],
    asks: &[
        "Sorry for the wait. Could you tell me the amount and date of the withdrawal so I can check it?",
        "Was this a withdrawal to your bank account or a cash withdrawal at an ATM?",
    ],
    answers: &["I really need this money, please hurry.", "No, nothing has changed on my side.", "Any news?"],
    notes: &[
        "Withdrawal history normal; no holds on {wallet}.",
        "Escalated to payments ops for a trace; on hold until they reply.",
        "Called the customer back, no answer; left a message in the app.",
    ],
    updates: &[
        "Our payments team is tracing this and I'll update you within 2 working days.",
        "I've checked again today: everything is on track on our side. I'll let you know as soon as there's news.",
    ],
};
