//! English lines that shape messages for their channel.

use super::Common;

pub(crate) static COMMON: Common = Common {
    email_hello: &["Hello,", "Hi,", "Dear Support Team,", "Hi there,", "Good morning,"],
    email_extra: &[
        "I've attached a screenshot.",
        "This is urgent, please reply as soon as possible.",
        "My wallet ID is {wallet}.",
        "I already tried the chat but got no answer.",
        "I've been a customer for years and this has never happened before.",
    ],
    email_bye: &["Thanks,\n{sign}", "Kind regards,\n{sign}", "Best,\n{sign}", "Thank you in advance,\n{sign}", "Regards,\n{sign}"],
    agent_hello: &["Hi {first},", "Dear {first},", "Hello {first},"],
    agent_bye: &["Best regards,\n{agent}\nCustomer Support", "Kind regards,\n{agent} | Customer Support", "Thanks,\n{agent}"],
    chat_hi: &["", "", "Hi! ", "Hello. "],
    chat_lead: &["", "", "Thanks for waiting. "],
    forum_tail: &[
        "\n\nHas anyone else had this?",
        "\n\nAny ideas? Support hasn't answered yet.",
        "\n\nIs this a known issue?",
        "\n\nEdit: still happening today.",
    ],
    forum_hello: &["Hi {first}, thanks for posting.\n\n", "Hello {first},\n\n"],
    forum_private: "\n\nFor anything about your own account, please don't post details here – we've sent you a private message.",
    social_sign: " ^{ini}",
    device_line: "Device: {device} · {os} · App {app}",
    screenshot: "[1 screenshot attached]",
    call_open: "[Phone call] ",
    voicemail: "[Voicemail, transcribed] ",
    call_log: "Call log – inbound, {dur}. Caller verified via {verif}.\n",
    call_follow: "Following up on our call today.\n\n",
    thanks: &[
        "Thanks, that worked!",
        "Got it, thank you for your help.",
        "Received, thanks.",
        "Great, thanks for sorting this out so quickly.",
        "Thank you, all good now.",
    ],
    chasers: &[
        "Hello? Is anyone there?",
        "Sorry, forgot to add: my wallet ID is {wallet}.",
        "Still waiting for a reply…",
        "Adding a screenshot of the error.",
        "Please, this is urgent.",
    ],
    follow_ups: &[
        "Any update on this?",
        "Hi, just following up – I still haven't heard back.",
        "Is there any news? It's been {days} days.",
        "Still waiting. This is really frustrating.",
        "Can someone please look at this?",
    ],
    follow_ups_tx: &["Any update on {tx}?", "Just checking on {tx} – has anything happened?"],
    tx_label: "Ref: ",
    tx_separator: ", ",
    hostile_lead: &["The page showed this: ", "Copied from the error screen: ", ""],
};
