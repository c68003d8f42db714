//! English: disputes and refunds, cards and payments, fees and limits.

use super::{Scenario, Texts};

pub(crate) static DISPUTE_REFUND: Texts = Texts {
    scenarios: &[
        Scenario {
            tag: "merchant-dispute",
            money: true,
            subjects: &["Paid {amount} to {merchant}, never received the item", "Order not delivered – I want my money back"],
            openings: &[
                "I paid {amount} to {merchant} on {date} for an order ({order}) that never arrived. The seller stopped replying. I'd like to open a dispute.",
                "My parcel from {merchant} was marked as delivered but I never got it. I paid with my wallet, ref {tx}.",
            ],
            shorts: &["paid {merchant} but never got the item", "order never arrived, I want a refund"],
            asks: &["Have you tried contacting {merchant} directly? We ask customers to try the seller first; if they don't reply within 3 days we can open a dispute."],
            answers: &["I emailed them three times, no reply. Screenshots attached."],
            notes: &["Dispute opened for {tx} (goods not received). Merchant has 10 days to respond with proof of delivery."],
            fixes: &["{merchant} didn't provide proof of delivery, so we've decided the dispute in your favour and refunded {amount} to your wallet."],
        },
        Scenario {
            tag: "refund",
            money: true,
            subjects: &["Refund from {merchant} not showing", "Merchant says they refunded me, I can't see it"],
            openings: &[
                "{merchant} says they refunded {amount} on {date}, but it's not in my wallet.",
                "I returned an item to {merchant} two weeks ago and they confirmed the refund of {amount}. Where is it?",
            ],
            shorts: &["{merchant} refunded me but I can't see it", "where is my refund?"],
            asks: &["Refunds of card payments go back to the card, not the wallet balance. Could you check your card statement too?"],
            answers: &["I checked my card statement – nothing there either."],
            notes: &["Refund for {tx} received from the acquirer; credited to the original card rather than the wallet."],
            fixes: &["We found the refund: it went back to your card ending {last4} rather than your wallet balance, which is how refunds work for card payments. It should show on your statement within 5 working days."],
        },
        Scenario {
            tag: "duplicate-charge",
            money: true,
            subjects: &["Charged twice for the same purchase", "Double payment at {merchant}"],
            openings: &[
                "I was charged twice for one purchase at {merchant} on {date}: {tx} and {tx2}, both {amount}.",
                "The payment screen froze and I tapped 'Pay' again. Now I've paid {merchant} {amount} twice.",
            ],
            shorts: &["charged twice at {merchant}", "double payment, please refund one"],
            asks: &["I can see both payments. Did you receive one order from {merchant} or two?"],
            answers: &["Only one order, the confirmation email is attached."],
            notes: &["Confirmed duplicate: {tx} and {tx2}, identical amount, 40 seconds apart. Second one refunded."],
            fixes: &["You were right – the second payment was a duplicate. We've refunded {amount} to your wallet."],
        },
        Scenario {
            tag: "chargeback",
            money: true,
            subjects: &["Unexpected charge of {amount} on my statement", "Charged after I cancelled my subscription"],
            openings: &[
                "There's an extra charge of {amount} from {merchant} on my statement that I didn't agree to. The price was lower when I ordered.",
                "I see a charge of {amount} from {merchant} after I cancelled my subscription on {date}.",
            ],
            shorts: &["extra {amount} charge from {merchant}", "charged after cancelling my subscription"],
            asks: &["Could you send us what you agreed with {merchant} – the order confirmation or your cancellation email?"],
            answers: &["Cancellation email attached, dated {date}."],
            notes: &["{merchant} charged after cancellation; customer provided the cancellation email. Chargeback raised for {tx}."],
            fixes: &["We've upheld your claim and refunded {amount}. We've also blocked further payments to {merchant} from your wallet."],
        },
        Scenario {
            tag: "refund",
            money: true,
            subjects: &["Service not provided – requesting a refund", "Booking cancelled, refund please"],
            openings: &[
                "I booked a hotel through {merchant} for {amount} and they cancelled it. They say the refund is the wallet's responsibility.",
                "The course I paid {amount} for was cancelled and the organiser won't refund me. Can you help?",
            ],
            shorts: &["booking cancelled but no refund", "service never provided, need a refund"],
            asks: &["Could you send the booking confirmation and the merchant's cancellation message?"],
            answers: &["Both attached. They still refuse to refund."],
            notes: &["Merchant confirmed cancellation of order {order}; refund of {amount} issued via the acquirer."],
            fixes: &["The merchant has accepted the refund request and {amount} is back in your wallet."],
        },
    ],
    asks: &[
        "I'm sorry about this. Could you send the order confirmation, any messages with the seller and a screenshot of the payment?",
        "To open a dispute I need a short description of what happened and what you expected to receive.",
    ],
    answers: &["Screenshots attached.", "Any news on my case?", "The seller has just replied saying they'll refund me, let's see."],
    notes: &[
        "{merchant} has 4 other open disputes this month – flagged to merchant risk.",
        "Evidence received from the customer; dispute file complete.",
        "Dispute submitted to the card scheme; on hold until the merchant responds (up to 30 days).",
    ],
    updates: &[
        "We've opened a dispute with {merchant}. They have 10 working days to respond; I'll update you when they do.",
        "The merchant has responded and we're reviewing their evidence. I expect a decision within 5 working days.",
    ],
};

pub(crate) static CARDS_PAYMENTS: Texts = Texts {
    scenarios: &[
        Scenario {
            tag: "card-declined",
            money: true,
            subjects: &["Card declined at {merchant}", "Payment declined: {err}"],
            openings: &[
                "My wallet card was declined at {merchant} today with {err}, even though I have more than {amount} in my balance.",
                "Online payments with my virtual card keep failing. The shop just says 'card declined'.",
            ],
            shorts: &["card declined at {merchant} and I have money", "virtual card keeps getting declined"],
            asks: &[
                "Could you check in the app under Card › Settings that online and contactless payments are switched on?",
                "I've checked your card ending {last4} and it's active. Did the shop show any error message?",
            ],
            answers: &["Online payments were off! I didn't know that switch existed.", "It just said 'declined', nothing more."],
            notes: &["Decline {err}: online payments switched off in the customer's own card controls. Explained how to switch them on."],
            fixes: &["The decline was caused by the online-payments switch being off in your card settings. Once it's on (Card › Settings) please try the payment again – it should go through."],
        },
        Scenario {
            tag: "card-delivery",
            money: false,
            subjects: &["My physical card hasn't arrived", "When will my card be delivered?"],
            openings: &[
                "I ordered a physical card on {date} and it still hasn't arrived. The app said 5-7 working days.",
                "My new card was supposed to arrive last week. I'm travelling soon and need it.",
            ],
            shorts: &["card still hasn't arrived", "ordered my card on {date}, where is it?"],
            asks: &["Could you check that the delivery address under Profile › Address is complete, including the flat number?"],
            answers: &["The address is correct, flat number included."],
            notes: &["Card dispatched by standard post, no tracking. Reordered with tracked delivery; the lost card is cancelled."],
            fixes: &["We've cancelled the card that went missing in the post and sent a new one by tracked delivery. You should get it in 3-5 working days, and you can use the virtual card meanwhile."],
        },
        Scenario {
            tag: "apple-pay",
            money: false,
            subjects: &["Can't add my card to Apple Pay", "Google Pay says my card isn't supported"],
            openings: &[
                "I'm trying to add my wallet card to Apple Pay on my {device} and it says 'Card not supported'.",
                "Google Pay rejects my card at the verification step. The SMS code never comes.",
            ],
            shorts: &["can't add my card to Apple Pay", "Google Pay won't accept my card"],
            asks: &["Which phone and OS version are you using? Adding a card to a phone wallet often depends on the device."],
            answers: &["I'm on a {device} with {os}."],
            notes: &["Token provisioning failed for card {last4} ({err}). Reset the token on the scheme side; asked the customer to retry."],
            fixes: &["We've reset the card on the payment network's side. Please remove it from your phone's wallet and add it again – it should work now."],
        },
        Scenario {
            tag: "card-linking",
            money: false,
            subjects: &["Can't link my {bank} card", "Linking a bank card fails"],
            openings: &[
                "When I try to link my {bank} debit card, the app says verification failed. The card works fine elsewhere.",
                "I want to link a new payment method but the option is greyed out.",
            ],
            shorts: &["can't link my {bank} card", "adding a payment method fails"],
            asks: &["Is online-payment security (3-D Secure) switched on for the card in the {bank} app? It's needed to link a card."],
            answers: &["I've turned on online security in the {bank} app now."],
            notes: &["{bank} cards need 3-D Secure for linking; the customer's card isn't enrolled. Advised to enable it with the bank."],
            fixes: &["Your {bank} card is now linked. The earlier failure was because the bank's online security check wasn't set up on the card."],
        },
        Scenario {
            tag: "pending-payment",
            money: true,
            subjects: &["Card payment stuck on pending", "Payment pending but the shop says unpaid"],
            openings: &[
                "A card payment of {amount} at {merchant} has been pending since {date}. The shop says they never received it.",
                "I paid {amount} at {merchant} and it's still 'pending' in the app while the shop says it failed. Do I pay again?",
            ],
            shorts: &["payment pending since {date}", "pending payment but shop says unpaid"],
            asks: &["Please don't pay twice yet. Did you get a receipt from {merchant}, and what time did you pay?"],
            answers: &["No receipt. I paid around {time} on {date}."],
            notes: &["Pending authorisation {tx} never captured by the merchant; auto-releases after 7 days."],
            fixes: &["The merchant never collected the pending payment, so we've released the hold and {amount} is available in your balance again."],
        },
    ],
    asks: &[
        "Thanks for getting in touch – I'm looking into this now. Could you send a screenshot of what you see in the app?",
        "Could you confirm the last four digits of the card this is about?",
    ],
    answers: &["Any update?", "Screenshot attached.", "Thanks, I'll wait to hear from you."],
    notes: &["Checked card {last4}: active, no blocks.", "Asked card ops to look into it; on hold until they reply."],
    updates: &[
        "I've asked our card team to look into this and will get back to you within one working day.",
        "Our card processor is checking this. I'll update you as soon as I hear.",
    ],
};

pub(crate) static FEES_LIMITS: Texts = Texts {
    scenarios: &[
        Scenario {
            tag: "fx-rate",
            money: true,
            subjects: &["Wrong exchange rate applied", "Exchange rate much worse than expected"],
            openings: &[
                "I paid {amount} abroad on {date} and the exchange rate I got was much worse than the rate shown in the app.",
                "Why did my card payment in {country} use a different rate from the one on your website? Ref {tx}.",
            ],
            shorts: &["exchange rate was way off", "wrong FX rate on my payment"],
            asks: &["Card payments are converted on the day the merchant settles. Could you tell me the rate you expected and where you saw it?"],
            answers: &["The app showed a better rate when I paid, screenshot attached."],
            notes: &["Payment {tx} settled two days after authorisation; the difference comes from the settlement-date rate. Within policy."],
            fixes: &["Card payments are converted at the rate on the day the merchant settles, which can differ from the rate when you paid. This time we've refunded the difference of {fee} as a goodwill gesture."],
        },
        Scenario {
            tag: "fee-waiver",
            money: false,
            subjects: &["Can I get a fee reduction?", "Fee waiver for large transfers"],
            openings: &[
                "I've used the wallet for years and move around {amount} a month. Do you offer lower fees for long-standing or high-volume customers?",
                "I'm about to transfer {amount} for a house deposit. Is there a reduced fee for large transactions?",
            ],
            shorts: &["any fee discount for regular users?", "what's the fee for a large transfer?"],
            asks: &["How long have you had your account, and roughly how much do you send each month? That decides which pricing tier applies."],
            answers: &["About four years, and roughly {amount} a month."],
            notes: &["Customer qualifies for the loyalty fee tier (3+ years, monthly volume above {limit}). Tier applied."],
            fixes: &["You qualify for our loyalty pricing, so we've lowered your transfer fees from today. You'll see the new fee before you confirm each transfer."],
        },
        Scenario {
            tag: "fee-charged",
            money: true,
            subjects: &["Charged a {fee} fee I wasn't told about", "Why was I charged a fee for my top-up?"],
            openings: &[
                "I was charged a {fee} fee on a {amount} top-up ({tx}). The app didn't show any fee before I confirmed.",
                "My card top-up of {amount} had a fee of {fee}. I thought top-ups were free.",
            ],
            shorts: &["unexpected {fee} fee", "why a fee on my top-up?"],
            asks: &["Could you send a screenshot of the confirmation screen you saw before paying? And was it paid with a credit card?"],
            answers: &["Screenshot attached – no fee shown there.", "Yes, it was with my credit card."],
            notes: &["Fee {fee} on {tx} is correct per tariff (credit card top-ups 1.5%). The fee preview is shown at step 2 of the flow."],
            fixes: &["The fee applies to top-ups by credit card and is shown on the confirmation screen. As this is the first time, we've refunded the {fee} fee."],
        },
        Scenario {
            tag: "limits",
            money: false,
            subjects: &["What are my daily limits?", "Need to increase my transfer limit"],
            openings: &[
                "What is the maximum I can send per day? I need to send {amount} and the app stops me at {limit}.",
                "Can I raise my monthly limit? I'm fully verified and my salary is paid into the wallet.",
            ],
            shorts: &["what's my daily limit?", "need a higher transfer limit"],
            asks: &["Your limits depend on your verification level. Have you completed verification under Settings › Verification?"],
            answers: &["Yes, I'm fully verified."],
            notes: &["Customer fully verified; raised to tier 3 (daily {limit})."],
            fixes: &["Your daily limit has been raised to {limit}. The change is effective now."],
        },
        Scenario {
            tag: "multi-currency",
            money: false,
            subjects: &["Which currencies can I hold?", "Can I keep a balance in another currency?"],
            openings: &[
                "I'm moving to {country} next month. Can I hold a balance in the local currency, and what does it cost to convert?",
                "Is there a fee for converting between currencies in the app?",
            ],
            shorts: &["which currencies can I hold?", "is there a fee for currency conversion?"],
            asks: &["Which currency would you like to hold, and will you be paid in it or only spend in it?"],
            answers: &["I'll be paid in the local currency."],
            notes: &["Explained multi-currency balances and the weekend conversion mark-up."],
            fixes: &["You can hold balances in 12 currencies. Conversions in the app cost 0.35% on weekdays and 0.5% at weekends; holding a balance is free."],
        },
    ],
    asks: &["Thanks for your question – I'm checking which fees and limits apply to your account. Is there anything else you'd like me to look at?"],
    answers: &["No, that's all, thanks. I'll wait.", "That's still more than other apps charge."],
    notes: &[
        "Checked the tariff; considering a goodwill gesture given the customer's tenure.",
        "Asked the pricing team to review; on hold until they answer.",
    ],
    updates: &["I've asked our pricing team to review your account. I'll let you know what they say within 2 working days."],
};
