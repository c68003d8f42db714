//! The error shape the UI depends on, as produced by the shell's real conversion path.

use desk_domain::{ApiError, ErrorCode};
use desk_store::StoreError;

#[test]
fn store_errors_cross_ipc_as_code_and_message() {
    let api: ApiError = StoreError::TicketNotFound(42).into();
    let json = serde_json::to_value(&api).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"code": "not_found", "message": "ticket 42 is not in the local replica"}),
        "the UI branches on `code` and shows `message`; no other keys"
    );
    let busy: ApiError = StoreError::Unavailable("the database has shut down".into()).into();
    assert_eq!(
        busy.code,
        ErrorCode::StoreUnavailable,
        "a closed store is retryable, not a bug"
    );
}

#[test]
fn launch_arguments_reject_unknown_flags() {
    let err = wallet_desk::Launch::from_args(["--frobnicate".to_string()]).unwrap_err();
    assert!(
        err.to_string().contains("--frobnicate"),
        "the message names the bad flag: {err}"
    );
}
