//! `support-hub classify`, run as scripts run it: the built binary, JSON lines through pipes.

use std::io::{Read, Write};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_support-hub");

const STOLEN: &str = r#"{"text": "有人盗用了我的账户"}"#;
const NOT_ME: &str = r#"{"text": "I didn't make this payment", "channel": "email", "amount_minor": 12000, "ref": "r-1"}"#;
const SLOW: &str = r#"{"text": "提现三天了还没到账", "channel": "in_app"}"#;

/// Feeds `input` on a separate thread while reading stdout, so neither pipe can fill up and
/// stall the other.
fn classify(args: &[&str], input: Vec<u8>) -> Output {
    let mut child = Command::new(BIN)
        .arg("classify")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        // A refused rules file exits before reading: a broken pipe is then expected.
        let _ = stdin.write_all(&input);
    });
    let mut stdout = Vec::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_end(&mut stdout)
        .unwrap();
    let mut stderr = Vec::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_end(&mut stderr)
        .unwrap();
    writer.join().unwrap();
    Output {
        status: child.wait().unwrap(),
        stdout,
        stderr,
    }
}

fn output_lines(out: &Output) -> Vec<Value> {
    std::str::from_utf8(&out.stdout)
        .expect("the output is UTF-8 even when the input was not")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l:?} is not JSON: {e}")))
        .collect()
}

#[test]
fn thousands_of_mixed_lines_get_one_answer_each_in_order() {
    let n = 3000;
    let bad_at = [1500, 2001, 2999]; // 1-based line numbers
    let mut input = Vec::new();
    for i in 1..=n {
        match i {
            1500 => input.extend_from_slice(br#"{"text": "unterminated"#),
            2001 => {}                                                        // blank
            2999 => input.extend_from_slice(b"{\"text\": \"\xe6\x8f\xff\"}"), // bad UTF-8
            _ => input.extend_from_slice([STOLEN, NOT_ME, SLOW][i % 3].as_bytes()),
        }
        input.push(b'\n');
    }
    let out = classify(&[], input);
    assert_eq!(
        out.status.code(),
        Some(1),
        "some lines failed, so the exit status must say so; stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = output_lines(&out);
    assert_eq!(
        lines.len(),
        n,
        "exactly one output line per input line, blank ones included"
    );

    let categories: Vec<&str> = desk_domain::Category::ALL.iter().map(|c| c.id()).collect();
    for (index, line) in lines.iter().enumerate() {
        let number = index + 1;
        if bad_at.contains(&number) {
            assert_eq!(
                line["error"]["code"], "invalid_input",
                "line {number}: {line}"
            );
            assert_eq!(
                line["error"]["line"], number,
                "errors say which input line they answer"
            );
            assert!(line["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()));
            continue;
        }
        let category = line["category"]
            .as_str()
            .unwrap_or_else(|| panic!("line {number}: {line}"));
        assert!(
            categories.contains(&category),
            "{category} is a taxonomy id"
        );
        let confidence = line["confidence"].as_f64().unwrap();
        assert!(
            (0.0..=1.0).contains(&confidence),
            "confidence {confidence} is a probability"
        );
        assert!(line["urgent"].is_boolean());
        assert!(
            line["reason"]["kind"].is_string(),
            "every answer says why: {line}"
        );
        let (want_category, want_urgent) = match number % 3 {
            0 => ("account_security", true),
            1 => ("fraud", true),
            _ => ("withdrawal", false),
        };
        assert_eq!(category, want_category, "line {number}");
        assert_eq!(line["urgent"], want_urgent, "line {number}");
        if want_urgent {
            assert_eq!(
                line["group"], "security",
                "the default rules route urgent cases"
            );
        }
    }
}

#[test]
fn custom_rules_replace_the_defaults_and_clean_input_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.json");
    std::fs::write(
        &rules,
        r#"{"rules": [{"id": "payouts", "name": "Payout delays go to payments",
            "when": {"keywords": ["提现"]}, "then": {"category": "withdrawal", "group": "payments"}}]}"#,
    )
    .unwrap();
    let input = format!("{SLOW}\n{STOLEN}").into_bytes(); // no final newline
    let out = classify(&["--rules", rules.to_str().unwrap()], input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = output_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["group"], "payments");
    assert_eq!(lines[0]["reason"]["rule_id"], "payouts");
    assert_eq!(
        lines[0]["confidence"], 1.0,
        "a rule that sets the category is certain"
    );
    assert!(
        lines[1]["reason"]["rule_id"].is_null(),
        "the default security rules are replaced, not added to: {}",
        lines[1]
    );

    std::fs::write(&rules, r#"{"rules": [{"id": "x"}]}"#).unwrap();
    let refused = classify(&["--rules", rules.to_str().unwrap()], b"{}\n".to_vec());
    assert!(
        !refused.status.success(),
        "a broken rules file must not be ignored"
    );
    assert!(
        refused.stdout.is_empty(),
        "nothing is classified with broken rules"
    );
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("rules.json"),
        "the error names the file"
    );
}
