//! What differs between Linux, Windows and macOS when showing a notification and hearing its
//! click. Everything else in the crate is the same on all three.

use notify_rust::Notification;
#[cfg(not(target_os = "macos"))]
use notify_rust::{NotificationResponse, Urgency};

use crate::NotificationText;

/// The name notification centres show as the sender.
pub const APP_NAME: &str = "Wallet Desk";

/// The app's identifier (`identifier` in tauri.conf.json). On Windows it is the
/// AppUserModelID: toasts from a process without a registered AUMID are attributed to
/// "Windows PowerShell" or silently dropped (tauri-apps/plugins-workspace#3188); Tauri's
/// installers register this id. On macOS it is the bundle id notifications are sent as.
pub const APP_ID: &str = "com.walletdesk.console";

/// The action key of a click on the notification itself: XDG's reserved "default" key, which
/// Windows shows as a button of that name's label and macOS maps to a banner click.
#[cfg(not(target_os = "macos"))]
const OPEN_ACTION: &str = "default";

/// Waits, on the calling thread, until the notification is clicked (`true`) or goes away
/// (`false`).
pub(crate) type Watch = Box<dyn FnOnce() -> bool + Send>;

/// A notification the platform accepted.
pub(crate) struct Presented {
    /// The XDG notification id (the return of `Notify`); other platforms have none.
    pub id: Option<u32>,
    /// How to hear its click, where the platform can tell without the app's main loop.
    pub watch: Option<Watch>,
}

/// Once per process, before the first notification.
pub(crate) fn prepare() {
    // macOS attributes notifications to a bundle; outside the .app bundle (`cargo run`) there
    // is none unless one is named. Failing leaves notifications attributed to the terminal.
    #[cfg(target_os = "macos")]
    if let Err(e) = notify_rust::set_application(APP_ID) {
        tracing::warn!(error = ?e, "cannot set the macOS notification bundle id");
    }
}

/// The platform notification for `text`; `urgent` cases stay on screen until handled.
pub(crate) fn build(text: &NotificationText, urgent: bool) -> Notification {
    let mut n = Notification::new();
    n.appname(APP_NAME).summary(&text.summary);
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        // XDG bodies may be parsed as markup; the taxonomy's names are plain text.
        n.body(&escape_markup(&text.body))
            .action(OPEN_ACTION, &text.action_label)
            // Critical: the spec says servers must not expire it; dunst, GNOME and KDE keep it.
            .urgency(if urgent {
                Urgency::Critical
            } else {
                Urgency::Normal
            });
    }
    #[cfg(target_os = "windows")]
    {
        n.body(&text.body)
            .action(OPEN_ACTION, &text.action_label)
            .app_id(APP_ID);
        if urgent {
            // notify-rust maps Critical to the Reminder scenario: the toast stays until handled.
            n.urgency(Urgency::Critical);
        }
    }
    #[cfg(target_os = "macos")]
    {
        // A banner click activates the app; there is no action button to add, and no urgency.
        let _ = urgent;
        n.body(&text.body);
    }
    n
}

/// Shows `n`, blocking until the platform accepted or refused it.
#[cfg(all(unix, not(target_os = "macos")))]
pub(crate) fn present(n: &Notification) -> Result<Presented, String> {
    let handle = n.show().map_err(|e| e.to_string())?;
    let id = handle.id();
    // The handle keeps the D-Bus connection that sent Notify: servers send ActionInvoked to
    // that connection, so the wait must use it. It ends on a click or when the notification
    // closes (expired, dismissed, replaced, or the server went away).
    let watch: Watch = Box::new(move || {
        let mut clicked = false;
        let _ = handle.wait_for_response(|r: &NotificationResponse| clicked = is_click(r));
        clicked
    });
    Ok(Presented {
        id: Some(id),
        watch: Some(watch),
    })
}

#[cfg(target_os = "windows")]
pub(crate) fn present(n: &Notification) -> Result<Presented, String> {
    let handle = n.show().map_err(|e| e.to_string())?;
    let watch: Watch = Box::new(move || {
        let mut clicked = false;
        let _ = handle.wait_for_response(|r: &NotificationResponse| clicked = is_click(r));
        clicked
    });
    Ok(Presented {
        id: None,
        watch: Some(watch),
    })
}

#[cfg(target_os = "macos")]
pub(crate) fn present(n: &Notification) -> Result<Presented, String> {
    // notify-rust's macOS wait re-sends the notification and needs the main run loop; a click
    // brings the app forward by itself, so there is nothing to wait for here.
    n.show().map_err(|e| e.to_string())?;
    Ok(Presented {
        id: None,
        watch: None,
    })
}

#[cfg(not(target_os = "macos"))]
fn is_click(response: &NotificationResponse) -> bool {
    match response {
        NotificationResponse::Default => true,
        NotificationResponse::Action(key) => key == OPEN_ACTION,
        NotificationResponse::Reply(_) | NotificationResponse::Closed(_) => false,
    }
}

#[cfg(all(unix, not(target_os = "macos")))]
fn escape_markup(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(all(test, unix, not(target_os = "macos")))]
mod tests {
    use super::*;

    #[test]
    fn urgent_notifications_are_critical_with_an_open_action() {
        let text = NotificationText {
            summary: "Urgent: Fraud and unauthorized transactions".into(),
            body: "Ticket #1 · Live chat & <b>".into(),
            action_label: "Open ticket".into(),
        };
        let n = build(&text, true);
        assert_eq!(n.appname, APP_NAME);
        assert_eq!(n.summary, text.summary);
        assert_eq!(n.body, "Ticket #1 · Live chat &amp; &lt;b&gt;");
        assert_eq!(n.actions, ["default", "Open ticket"]);
        assert!(n
            .hints
            .contains(&notify_rust::Hint::Urgency(Urgency::Critical)));
        let calm = build(&text, false);
        assert!(calm
            .hints
            .contains(&notify_rust::Hint::Urgency(Urgency::Normal)));
    }

    #[test]
    fn only_the_open_action_counts_as_a_click() {
        assert!(is_click(&NotificationResponse::Default));
        assert!(is_click(&NotificationResponse::Action("default".into())));
        assert!(!is_click(&NotificationResponse::Action("other".into())));
        assert!(!is_click(&NotificationResponse::Closed(
            notify_rust::CloseReason::Dismissed
        )));
    }
}
