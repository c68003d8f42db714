//! `support-hub classify`: triage for scripts. JSON lines in, exactly one JSON line out per
//! line in, so `paste`-style tooling can line results up with inputs. A bad line yields an
//! error object in its place and processing goes on.

use std::io::{self, BufRead, Write};

use desk_domain::Channel;
use desk_triage::{Triage, TriageInput};
use serde::{Deserialize, Serialize};

/// One input line. Unknown fields are ignored so callers can carry their own ids along.
#[derive(Debug, Deserialize)]
struct Input {
    text: String,
    #[serde(default)]
    channel: Option<Channel>,
    #[serde(default)]
    amount_minor: Option<i64>,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    error: LineError<'a>,
}

#[derive(Serialize)]
struct LineError<'a> {
    code: &'a str,
    message: String,
    /// 1-based, as editors and `sed -n` count.
    line: u64,
}

/// How a run went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClassifyTally {
    pub classified: u64,
    pub failed: u64,
}

/// Classifies every line of `input` and writes one line per input line to `output`. Only I/O
/// failures end the run early; bad lines are reported in place.
pub fn run(
    triage: &Triage<'_>,
    mut input: impl BufRead,
    mut output: impl Write,
) -> io::Result<ClassifyTally> {
    let mut tally = ClassifyTally::default();
    let mut raw = Vec::with_capacity(1024);
    let mut number = 0u64;
    loop {
        raw.clear();
        // Bytes, not read_line: invalid UTF-8 on one line must not end the run.
        if input.read_until(b'\n', &mut raw)? == 0 {
            break;
        }
        number += 1;
        let line = raw.strip_suffix(b"\n").unwrap_or(&raw);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        match decide(triage, line) {
            Ok(decision) => {
                serde_json::to_writer(&mut output, &decision)?;
                tally.classified += 1;
            }
            Err(message) => {
                let error = LineError {
                    code: "invalid_input",
                    message,
                    line: number,
                };
                serde_json::to_writer(&mut output, &ErrorLine { error })?;
                tally.failed += 1;
            }
        }
        output.write_all(b"\n")?;
    }
    output.flush()?;
    Ok(tally)
}

fn decide(triage: &Triage<'_>, line: &[u8]) -> Result<desk_triage::Decision, String> {
    let text = std::str::from_utf8(line).map_err(|e| format!("the line is not UTF-8: {e}"))?;
    if text.trim().is_empty() {
        return Err("the line is blank".into());
    }
    let input: Input = serde_json::from_str(text).map_err(|e| {
        format!(r#"expected {{"text": "...", "channel": "...", "amount_minor": 0}}: {e}"#)
    })?;
    if input.text.trim().is_empty() {
        return Err("text is empty".into());
    }
    Ok(triage.classify(&TriageInput {
        text: &input.text,
        channel: input.channel,
        amount_minor: input.amount_minor,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn lines(input: &[u8]) -> (Vec<Value>, ClassifyTally) {
        let mut out = Vec::new();
        let tally = run(&Triage::embedded(), input, &mut out).unwrap();
        let values = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (values, tally)
    }

    #[test]
    fn every_line_gets_exactly_one_answer_in_place() {
        let input = b"{\"text\": \"\xe6\x9c\x89\xe4\xba\xba\xe7\x9b\x97\xe7\x94\xa8\xe4\xba\x86\xe6\x88\x91\xe7\x9a\x84\xe8\xb4\xa6\xe6\x88\xb7\"}\n\
            \n\
            {\"text\": \"\xff\"}\n\
            {\"text\": \"card top-up failed\", \"channel\": \"fax\"}\r\n\
            {\"text\": \"I didn't make this payment\", \"channel\": \"email\", \"amount_minor\": 5000}";
        let (out, tally) = lines(input);
        assert_eq!(
            out.len(),
            5,
            "one output line per input line, the last without a newline too"
        );
        assert_eq!(
            tally,
            ClassifyTally {
                classified: 2,
                failed: 3
            }
        );
        assert_eq!(out[0]["category"], "account_security");
        assert_eq!(out[0]["urgent"], true);
        for (i, bad) in [(1, 2), (2, 3), (3, 4)] {
            assert_eq!(out[i]["error"]["code"], "invalid_input");
            assert_eq!(
                out[i]["error"]["line"], bad,
                "errors name their 1-based line"
            );
        }
        assert_eq!(out[4]["category"], "fraud");
    }
}
