//! 中文：按渠道组织消息的通用语句。

use super::Common;

pub(crate) static COMMON: Common = Common {
    email_hello: &["您好，", "客服你好：", "你好，", "尊敬的客服：", "您好！"],
    email_extra: &[
        "附件是截图。",
        "这件事比较急，请尽快回复。",
        "我的钱包账号是{wallet}。",
        "在线客服一直没人回应，所以发邮件。",
        "我用了好几年了，第一次遇到这种情况。",
    ],
    email_bye: &[
        "谢谢！\n{sign}",
        "盼复，谢谢。\n{sign}",
        "麻烦了。\n{sign}",
        "此致\n{sign}",
    ],
    agent_hello: &["{first}，您好：", "尊敬的{first}，您好！", "{first}您好，"],
    agent_bye: &[
        "祝好！\n客服 {agent}",
        "如有其他问题，欢迎随时联系我们。\n客服团队 {agent}",
        "谢谢！\n{agent}",
    ],
    chat_hi: &["", "你好，", "您好，", "在吗？"],
    chat_lead: &["", "", "感谢您的耐心等待。"],
    forum_tail: &[
        "\n\n有没有人遇到过同样的问题？",
        "\n\n求助，客服还没回复，大家有什么办法吗？",
        "\n\n这是普遍问题吗？",
        "\n\n更新：今天还是这样。",
    ],
    forum_hello: &["{first}您好，感谢在社区发帖。\n\n", "{first}您好：\n\n"],
    forum_private: "\n\n涉及个人账户的信息请不要在论坛公开，我们已通过私信与您联系。",
    social_sign: "（客服 {agent}）",
    device_line: "设备：{device} · {os} · 应用版本 {app}",
    screenshot: "[附截图1张]",
    call_open: "【来电】",
    voicemail: "【语音留言转写】",
    call_log: "通话记录：呼入，时长{dur}，已通过{verif}核实身份。\n",
    call_follow: "跟进今天的通话：\n\n",
    thanks: &[
        "收到了，谢谢！",
        "好的，问题解决了，谢谢你们。",
        "好的，收到，感谢！",
        "明白了，谢谢客服。",
        "可以了，辛苦了！",
    ],
    chasers: &[
        "在吗？",
        "补充一下，我的钱包账号是{wallet}。",
        "还在等回复……",
        "补充一张报错截图。",
        "麻烦快点处理，很着急。",
    ],
    follow_ups: &[
        "请问有进展了吗？",
        "跟进一下，我还没收到回复。",
        "已经{days}天了，还没处理好吗？",
        "一直在等，真的很着急。",
        "麻烦有人看一下好吗？",
    ],
    follow_ups_tx: &["{tx}这笔现在处理得怎么样了？", "想问一下{tx}有结果了吗？"],
    tx_label: "交易号：",
    tx_separator: "、",
    hostile_lead: &["页面上显示的是：", "错误页面复制下来的内容：", ""],
};
