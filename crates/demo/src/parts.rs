//! The parts of an opening message beyond its text: the HTML part of some emails, and the
//! device and a small screenshot of in-app feedback. Chosen by ticket id rather than drawn
//! from the ticket's random stream, so adding parts changed no existing ticket's text.

use desk_domain::{Attachment, Channel, DeviceInfo, Message, TicketId};

use crate::slots::{Slot, Slots};

/// One email in four has an HTML part, as mail clients send it.
const HTML_EVERY: TicketId = 4;
/// One in-app report in three carries a screenshot: the 100k benchmark queue grows by about a
/// kilobyte on 2-3 % of its tickets.
const SCREENSHOT_EVERY: TicketId = 3;

const SCREEN_W: usize = 40;
const SCREEN_H: usize = 72;

/// Adds the channel's parts to a ticket's first message.
pub(crate) fn decorate(first: &mut Message, channel: Channel, id: TicketId, slots: &Slots) {
    match channel {
        Channel::Email if id % HTML_EVERY == 0 => first.html = Some(html_of(&first.body)),
        Channel::InApp => {
            first.device = Some(DeviceInfo {
                device: slots.get(Slot::Device).to_owned(),
                os_version: slots.get(Slot::Os).to_owned(),
                app_version: slots.get(Slot::App).to_owned(),
            });
            if id % SCREENSHOT_EVERY == 0 {
                let png = screenshot(id);
                first.attachments.push(Attachment {
                    name: format!("screenshot-{id}.png"),
                    content_type: "image/png".into(),
                    size: png.len() as u64,
                    data_b64: Some(base64(&png)),
                });
            }
        }
        _ => {}
    }
}

/// The text part as a mail client's HTML: paragraphs, a quoted signature and a help link.
/// The text may hold the demo's hostile markup, so it is escaped like any HTML writer would.
fn html_of(text: &str) -> String {
    let mut html = String::with_capacity(text.len() * 2 + 300);
    html.push_str("<html><body><div style=\"font-family:sans-serif;font-size:14px\">");
    for para in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
        html.push_str("<p>");
        for (i, line) in para.lines().enumerate() {
            if i > 0 {
                html.push_str("<br>");
            }
            escape_into(&mut html, line);
        }
        html.push_str("</p>");
    }
    html.push_str(
        "<p style=\"color:#888;font-size:12px\">Sent from my phone · \
         <a href=\"https://help.wallet.example/contact\">help.wallet.example</a></p>\
         </div></body></html>",
    );
    html
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// A tiny phone screen (title bar, lines of text, an error banner whose place varies by
/// ticket) as a 2-bit palette PNG, uncompressed: about 900 bytes, and no codec needed.
fn screenshot(id: TicketId) -> Vec<u8> {
    const PALETTE: [u8; 12] = [
        0xff, 0xff, 0xff, // background
        0x1f, 0x4e, 0x8c, // title bar
        0xc8, 0xcc, 0xd2, // text lines
        0xd9, 0x3b, 0x3b, // error banner
    ];
    let banner = 24 + (id.unsigned_abs() as usize % 4) * 8;
    let row_bytes = SCREEN_W.div_ceil(4);
    let mut raw = Vec::with_capacity(SCREEN_H * (row_bytes + 1));
    for y in 0..SCREEN_H {
        raw.push(0); // filter: none
        let mut row = vec![0u8; row_bytes];
        for x in 0..SCREEN_W {
            let colour = if y < 8 {
                1
            } else if (banner..banner + 6).contains(&y) && (3..SCREEN_W - 3).contains(&x) {
                3
            } else if y % 6 == 2 && (4..SCREEN_W - 4 - (y % 5) * 3).contains(&x) {
                2
            } else {
                0
            };
            row[x / 4] |= colour << (6 - 2 * (x % 4));
        }
        raw.extend_from_slice(&row);
    }
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&(SCREEN_W as u32).to_be_bytes());
    ihdr.extend_from_slice(&(SCREEN_H as u32).to_be_bytes());
    ihdr.extend_from_slice(&[2, 3, 0, 0, 0]); // 2-bit depth, palette, deflate, no interlace
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(&mut png, b"PLTE", &PALETTE);
    chunk(&mut png, b"IDAT", &zlib_stored(&raw));
    chunk(&mut png, b"IEND", &[]);
    png
}

fn chunk(png: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    png.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = png.len();
    png.extend_from_slice(kind);
    png.extend_from_slice(data);
    let crc = crc32(&png[start..]);
    png.extend_from_slice(&crc.to_be_bytes());
}

/// A zlib stream of one stored (uncompressed) deflate block; `data` is under 64 KiB.
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let len = data.len() as u16;
    let mut out = vec![0x78, 0x01, 0x01];
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&(!len).to_le_bytes());
    out.extend_from_slice(data);
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in data {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    out.extend_from_slice(&((b << 16) | a).to_be_bytes());
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let n = group
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= group.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screenshots_are_valid_small_pngs() {
        let png = screenshot(7);
        assert!(
            png.len() < 1_200,
            "kept small for the 100k queue: {}",
            png.len()
        );
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        // The CRC of IEND's type alone is a fixed, well-known value.
        assert!(png.ends_with(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xae, 0x42, 0x60, 0x82]));
        assert_ne!(
            screenshot(7),
            screenshot(8),
            "the banner moves between tickets"
        );
    }

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(base64(b"hello"), "aGVsbG8=");
        assert_eq!(base64(b"hi"), "aGk=");
        assert_eq!(base64(b"abc"), "YWJj");
        assert_eq!(base64(&[0xfb, 0xff]), "+/8=");
    }

    #[test]
    fn html_parts_escape_the_text() {
        let html = html_of("Hi <img src=x onerror=alert(1)>\n\nThanks & bye");
        assert!(html.contains("Hi &lt;img src=x onerror=alert(1)&gt;"));
        assert!(html.contains("<p>Thanks &amp; bye</p>"));
        assert!(!html.contains("<img"), "customer text never becomes markup");
    }
}
