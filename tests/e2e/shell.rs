//! The desktop shell around the window: one console per desktop session.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::desktop::Desktop;
use crate::services::READY_TIMEOUT;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_launch_hands_over_to_the_running_console_and_exits() {
    let desk = Desktop::launch("single_instance").await;
    desk.wait_ready("inbox", READY_TIMEOUT).await;

    let other = tempfile::tempdir().unwrap();
    let app = PathBuf::from(env!("CARGO_BIN_EXE_wallet-desk"));
    let mut second = desk
        .services()
        .command_logged("second-instance", &app)
        .arg("--data-dir")
        .arg(other.path())
        .spawn()
        .expect("the second launch starts");
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = second.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = second.kill();
            let _ = second.wait();
            panic!(
                "a second console on the same desktop must hand over and exit, but it kept \
                 running for 30 s"
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(status.success(), "the hand-over is not an error: {status}");
    assert!(
        std::fs::read_dir(other.path()).unwrap().next().is_none(),
        "the second launch opened no workspace of its own"
    );
    // The first console is unharmed and still answers.
    desk.wait_ready("inbox", READY_TIMEOUT).await;
    desk.close().await;
}
