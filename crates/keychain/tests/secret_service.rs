//! The keychain against a real Secret Service: a private session bus with gnome-keyring's
//! secrets component, unlocked with a throwaway password, in a temp home. Nothing touches the
//! developer's own keyring. One test per file: the bus address is process-wide environment.

use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use desk_keychain::{Keychain, OsKeychain, SessionKey};

const SETUP_HINT: &str = "install gnome-keyring and dbus with `bash scripts/setup.sh`";

/// A bus and a keyring daemon that end with the test.
struct PrivateKeyring {
    bus: Child,
    keyring: Option<Child>,
    _home: tempfile::TempDir,
}

impl Drop for PrivateKeyring {
    fn drop(&mut self) {
        for child in self
            .keyring
            .iter_mut()
            .chain(std::iter::once(&mut self.bus))
        {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn start_keyring() -> PrivateKeyring {
    let home = tempfile::tempdir().unwrap();
    let runtime = home.path().join("runtime");
    std::fs::create_dir_all(&runtime).unwrap();
    let config = home.path().join("bus.conf");
    // No service activation: only the daemon started below may own org.freedesktop.secrets.
    std::fs::write(&config, desk_testbed::session_bus_config(&runtime, "")).unwrap();
    let mut bus = Command::new("dbus-daemon")
        .arg(format!("--config-file={}", config.display()))
        .args(["--nofork", "--nopidfile", "--nosyslog", "--print-address=1"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("could not start dbus-daemon: {e}; {SETUP_HINT}"));
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(bus.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    let address = line.trim().to_string();
    assert!(address.contains('='), "dbus-daemon prints its address");
    // The keyring crate's D-Bus connection reads these; this file holds one test, so no other
    // thread reads the environment meanwhile.
    std::env::set_var("DBUS_SESSION_BUS_ADDRESS", &address);
    let env = [
        ("DBUS_SESSION_BUS_ADDRESS", address.clone()),
        ("HOME", home.path().display().to_string()),
        (
            "XDG_DATA_HOME",
            home.path().join("data").display().to_string(),
        ),
        ("XDG_RUNTIME_DIR", runtime.display().to_string()),
    ];
    let mut keyring = Command::new("gnome-keyring-daemon")
        .args(["--foreground", "--unlock", "--components=secrets"])
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("could not start gnome-keyring-daemon: {e}; {SETUP_HINT}"));
    // `--unlock` reads the login keyring's password until end of input; the keyring is
    // created with it, unlocked, so no prompt is ever needed.
    let mut stdin = keyring.stdin.take().unwrap();
    stdin.write_all(b"test-keyring-password").unwrap();
    drop(stdin);
    let running = PrivateKeyring {
        bus,
        keyring: Some(keyring),
        _home: home,
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while !desk_testbed::bus_name_has_owner(&address, "org.freedesktop.secrets") {
        assert!(
            Instant::now() < deadline,
            "gnome-keyring-daemon did not take org.freedesktop.secrets within 20 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    running
}

#[test]
fn a_token_is_kept_read_replaced_and_forgotten_in_the_secret_service() {
    let _keyring = start_keyring();
    let chain = OsKeychain::default();
    let key = SessionKey::new("http://127.0.0.1:8080/", "lin.yue");
    let other = SessionKey::new("http://127.0.0.1:8080", "chen.hao");

    assert_eq!(
        chain.token(&key).unwrap(),
        None,
        "a fresh keyring holds no token, and says so rather than failing"
    );
    chain.save(&key, "token-one").unwrap();
    assert_eq!(
        chain.token(&key).unwrap().as_deref(),
        Some("token-one"),
        "what was saved reads back"
    );
    assert_eq!(
        chain.token(&other).unwrap(),
        None,
        "another agent of the same hub has an entry of their own"
    );
    chain.save(&key, "token-two").unwrap();
    assert_eq!(
        chain
            .token(&SessionKey::new("http://127.0.0.1:8080", "lin.yue"))
            .unwrap()
            .as_deref(),
        Some("token-two"),
        "a new sign-in replaces the old token (same hub with or without the slash)"
    );
    assert!(
        chain.forget(&key).unwrap(),
        "forgetting says it removed one"
    );
    assert_eq!(
        chain.token(&key).unwrap(),
        None,
        "after sign-out the keychain no longer has the token"
    );
    assert!(
        !chain.forget(&key).unwrap(),
        "forgetting twice is not an error; it says nothing was there"
    );
}
