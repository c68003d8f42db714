use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};

use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_support-hub");

/// Kills the server when the test ends, pass or fail.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn serve(db: &std::path::Path, extra: &[&str]) -> (Server, String) {
    let mut child = Command::new(BIN)
        .args(["serve", "--db"])
        .arg(db)
        .args(["--listen", "127.0.0.1:0"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_owned();
    (Server(child), base)
}

async fn login(base: &str, agent: &str, password: &str) -> reqwest::Response {
    reqwest::Client::new()
        .post(format!("{base}/api/login"))
        .json(&json!({"agent_id": agent, "password": password}))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn serve_with_a_demo_seed_prints_its_address_and_serves_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, base) = serve(&dir.path().join("hub.sqlite3"), &["--demo-seed", "3"]);
    let res = login(&base, "agent-lin-yue", "demo").await;
    assert_eq!(res.status(), 200, "demo agents sign in with 'demo'");
    let token = res.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let page: Value = reqwest::Client::new()
        .get(format!("{base}/api/bootstrap"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(page["tickets"].as_array().unwrap().len(), 3);
    assert_eq!(page["snapshot_seq"], 3);
}

#[tokio::test]
async fn add_agent_reads_the_password_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hub.sqlite3");
    let mut child = Command::new(BIN)
        .args(["add-agent", "--db"])
        .arg(&db)
        .args([
            "--id",
            "agent-new",
            "--name",
            "New Agent",
            "--group",
            "payments",
            "--password-stdin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"correct horse\n")
        .unwrap();
    assert!(child.wait().unwrap().success());

    let (_server, base) = serve(&db, &[]);
    assert_eq!(
        login(&base, "agent-new", "correct horse").await.status(),
        200
    );
    assert_eq!(
        login(&base, "agent-new", "correct horse\n").await.status(),
        401
    );
}
