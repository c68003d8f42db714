//! The fixture itself: a private desktop starts on free ports and displays, answers, and
//! leaves no process behind. These need no app window, so they run in seconds and tell a
//! broken machine apart from a broken app.

use std::{
    fs,
    io::Write,
    net::TcpStream,
    os::unix::fs::PermissionsExt,
    path::Path,
    time::{Duration, Instant},
};

use crate::services::{http_get, Services};

/// Alive and not a zombie.
fn alive(pid: u32) -> bool {
    fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            let state = stat
                .rsplit_once(')')?
                .1
                .split_whitespace()
                .next()?
                .to_string();
            Some(state != "Z" && state != "X")
        })
        .unwrap_or(false)
}

fn port_of(url: &str) -> u16 {
    url.rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("driver url has a port")
}

#[test]
fn desktop_starts_answers_and_leaves_nothing_behind() {
    let services = Services::start("harness_desktop_starts", &[]);

    assert!(
        services.display.starts_with(':'),
        "Xvfb reports the display it took"
    );
    let number = &services.display[1..];
    assert!(
        Path::new(&format!("/tmp/.X11-unix/X{number}")).exists(),
        "the private X server listens on its socket"
    );
    assert!(
        services.bus_address.starts_with("unix:"),
        "the private bus has a unix address"
    );

    // Under load tauri-driver has been seen to close a /status connection without answering
    // once; a second ask must then succeed, which is what "answers" means here.
    let port = port_of(&services.driver_url);
    let (code, body) = http_get(port, "/status")
        .or_else(|_| {
            std::thread::sleep(std::time::Duration::from_millis(500));
            http_get(port, "/status")
        })
        .expect("GET /status");
    assert_eq!(
        code, 200,
        "tauri-driver forwards /status to WebKitWebDriver: {body}"
    );
    assert!(
        body.contains("\"ready\":true"),
        "a fresh WebDriver server is ready: {body}"
    );

    let pids = services.marked_pids();
    assert!(
        pids.len() >= 5,
        "Xvfb, dbus-daemon, dunst, tauri-driver and WebKitWebDriver all carry the marker: {pids:?}"
    );
    let port = port_of(&services.driver_url);
    drop(services);

    let left: Vec<u32> = pids.into_iter().filter(|p| alive(*p)).collect();
    assert!(
        left.is_empty(),
        "every process of the desktop ends on drop, left: {left:?}"
    );
    assert!(
        TcpStream::connect(("127.0.0.1", port)).is_err(),
        "nothing listens on the driver port after drop"
    );
}

#[test]
fn two_desktops_run_side_by_side() {
    let a = std::thread::spawn(|| Services::start("harness_side_by_side_a", &[]));
    let b = std::thread::spawn(|| Services::start("harness_side_by_side_b", &[]));
    let (a, b) = (a.join().expect("desktop a"), b.join().expect("desktop b"));
    assert_ne!(a.display, b.display, "each desktop gets its own X display");
    assert_ne!(
        a.bus_address, b.bus_address,
        "each desktop gets its own session bus"
    );
    assert_ne!(
        a.driver_url, b.driver_url,
        "each desktop gets its own WebDriver port"
    );
    for s in [&a, &b] {
        let (code, _) = http_get(port_of(&s.driver_url), "/status").expect("GET /status");
        assert_eq!(code, 200, "both WebDriver servers answer at once");
    }
}

/// When a test dies mid-session, tauri-driver's SIGTERM handling stops WebKitWebDriver but
/// not the application it launched. A stand-in application (a script that only sleeps) is
/// launched through a real session request and must still be gone after drop.
#[test]
fn an_orphaned_application_is_ended_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = dir.path().join("stand-in-app");
    fs::write(&app, "#!/bin/sh\nexec sleep 600\n").expect("stand-in app");
    fs::set_permissions(&app, fs::Permissions::from_mode(0o755)).expect("chmod");

    let services = Services::start("harness_orphan", &[]);
    let port = port_of(&services.driver_url);
    let body = serde_json::json!({"capabilities": {"alwaysMatch": {
        "browserName": "wry",
        "tauri:options": {"application": app, "args": ["--data-dir", dir.path()]},
    }}})
    .to_string();
    // The stand-in never speaks the automation protocol, so the session request hangs; send
    // it and move on without waiting for an answer. Under load tauri-driver has been seen to
    // fail forwarding the first request to a WebKitWebDriver that was not listening yet
    // ("client error (SendRequest)"), so an unanswered request is sent again every 5 s.
    let send = || {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to tauri-driver");
        write!(
            stream,
            "POST /session HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .expect("send session request");
        stream
    };
    let mut streams = vec![send()];
    let mut last_sent = Instant::now();

    let deadline = Instant::now() + Duration::from_secs(30);
    let app_pid = loop {
        let found = services.marked_pids().into_iter().find(|pid| {
            fs::read(format!("/proc/{pid}/cmdline"))
                .map(|c| c.starts_with(b"sleep\x00600"))
                .unwrap_or(false)
        });
        if let Some(pid) = found {
            break pid;
        }
        assert!(
            Instant::now() < deadline,
            "WebKitWebDriver launches the application of a session request, with the marker\n{}",
            services.log_tails()
        );
        if last_sent.elapsed() > Duration::from_secs(5) {
            streams.push(send());
            last_sent = Instant::now();
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    drop(streams);
    drop(services);
    assert!(
        !alive(app_pid),
        "the application launched through the driver ends on drop"
    );
}
