//! Notifications on a real session bus with a real notification daemon (dunst on Xvfb), as
//! the console sends them on an agent's Linux desktop: what the daemon receives, bursts,
//! dedup across a restart, clicks, and what happens with no daemon or a stuck one.
//!
//! notify-rust (zbus) connects to the bus named by this process's DBUS_SESSION_BUS_ADDRESS,
//! read at each connection. Each test points it at its own private bus, so the tests of this
//! binary take turns ([`Session`]); other test binaries are other processes.

mod support;

use std::path::Path;
use std::sync::{mpsc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use desk_alerts::{
    AlertLog, AlertSettings, Alerting, Clicked, Delivery, Language, Moment, Notice, Notifier,
    TicketState, DEFAULT_SHOW_TIMEOUT,
};
use desk_domain::{Category, Channel, TicketSummary};
use desk_testbed::BusMonitor;
use support::desktop::{Daemon, Desktop};
use support::fixtures::{assert_no_personal_data, hostile_ticket, now};

const NOTIFY_TIMEOUT: Duration = Duration::from_secs(10);
const CLICK_TIMEOUT: Duration = Duration::from_secs(10);

static TURN: Mutex<()> = Mutex::new(());

/// One test's desktop, with this process's session bus pointed at it.
struct Session {
    desktop: Desktop,
    // Declared last: dropped after the desktop is gone, so the next test starts clean.
    _turn: MutexGuard<'static, ()>,
}

impl Session {
    fn start(test: &str, daemon: Daemon) -> Session {
        // A failed test poisons the lock; the next one still gets a fresh desktop.
        let turn = TURN.lock().unwrap_or_else(|e| e.into_inner());
        let desktop = Desktop::start(test, daemon);
        std::env::set_var("DBUS_SESSION_BUS_ADDRESS", &desktop.bus_address);
        Session {
            desktop,
            _turn: turn,
        }
    }
}

fn alerting_at(path: &Path) -> Alerting {
    Alerting::new(AlertSettings::default(), AlertLog::open(path).unwrap())
}

/// What the console does when tickets change: decide, then show each notice.
fn deliver(
    alerting: &mut Alerting,
    notifier: &Notifier,
    tickets: &[TicketSummary],
    lang: Language,
) -> Vec<Delivery> {
    let states: Vec<TicketState> = tickets.iter().map(TicketState::from).collect();
    let at = Moment {
        me: Some("agent-me".into()),
        now: now(),
        utc_offset_minutes: 480,
    };
    alerting
        .on_changes(&states, &[], &at)
        .iter()
        .map(|notice| notifier.show(notice, lang))
        .collect()
}

fn shown_id(deliveries: &[Delivery]) -> u32 {
    match deliveries {
        [Delivery::Shown { id: Some(id) }] => *id,
        other => panic!("expected one notification shown by the daemon, got {other:?}"),
    }
}

fn expect_click(clicks: &mpsc::Receiver<Clicked>, monitor: &BusMonitor) -> Clicked {
    clicks.recv_timeout(CLICK_TIMEOUT).unwrap_or_else(|e| {
        panic!(
            "no click reported within {CLICK_TIMEOUT:?} ({e}); the bus saw:\n{}",
            monitor.dump()
        )
    })
}

#[test]
fn an_urgent_ticket_reaches_the_daemon_with_only_number_category_and_channel() {
    let mut session = Session::start("urgent", Daemon::Dunst);
    let monitor = session.desktop.monitor();
    let dir = tempfile::tempdir().unwrap();
    let mut alerting = alerting_at(&dir.path().join("alerts.sqlite"));
    let (notifier, _clicks) = Notifier::start().unwrap();

    let en = deliver(
        &mut alerting,
        &notifier,
        &[hostile_ticket(1234, Category::Fraud, Channel::WebChat)],
        Language::En,
    );
    shown_id(&en);
    let zh = deliver(
        &mut alerting,
        &notifier,
        &[hostile_ticket(
            1235,
            Category::AccountSecurity,
            Channel::Email,
        )],
        Language::Zh,
    );
    shown_id(&zh);

    let calls = monitor.wait_for_notify(2, NOTIFY_TIMEOUT);
    assert_eq!(calls.len(), 2, "{}", monitor.dump());
    let (en, zh) = (&calls[0], &calls[1]);
    assert_eq!(en.app_name, "Wallet Desk");
    assert_eq!(en.summary, "Urgent: Fraud and unauthorized transactions");
    assert_eq!(en.body, "Ticket #1234 · Live chat");
    assert_eq!(en.actions, ["default", "Open ticket"]);
    assert_eq!(
        en.urgency,
        Some(2),
        "urgent cases are critical:\n{}",
        en.raw
    );
    assert_eq!(zh.summary, "紧急：账户安全");
    assert_eq!(zh.body, "工单 #1235 · 电子邮件");
    assert_eq!(zh.actions, ["default", "打开工单"]);
    for call in &calls {
        assert_no_personal_data(&call.raw);
    }

    // The daemon took them in and shows them (critical ones do not expire).
    let desktop = &session.desktop;
    desktop.wait_until("dunst to display both notifications", || {
        desktop.run("dunstctl", &["count", "displayed"]).trim() == "2"
    });
}

#[test]
fn a_burst_of_urgent_tickets_is_exactly_one_summary_notification() {
    let mut session = Session::start("burst", Daemon::Dunst);
    let monitor = session.desktop.monitor();
    let dir = tempfile::tempdir().unwrap();
    let mut alerting = alerting_at(&dir.path().join("alerts.sqlite"));
    let (notifier, _clicks) = Notifier::start().unwrap();

    let storm: Vec<TicketSummary> = (2001..=2005)
        .map(|id| {
            let category = if id <= 2003 {
                Category::Fraud
            } else {
                Category::AccountSecurity
            };
            hostile_ticket(id, category, Channel::InApp)
        })
        .collect();
    shown_id(&deliver(&mut alerting, &notifier, &storm, Language::En));

    let calls = monitor.wait_for_notify(1, NOTIFY_TIMEOUT);
    // Anything more would have been sent by now: show() returned after the daemon answered.
    std::thread::sleep(Duration::from_millis(500));
    let calls_later = monitor.notify_calls();
    assert_eq!(
        calls_later.len(),
        1,
        "one summary only:\n{}",
        monitor.dump()
    );
    let summary = &calls[0];
    assert_eq!(summary.summary, "5 urgent tickets");
    assert_eq!(
        summary.body,
        "Account security: 2 · Fraud and unauthorized transactions: 3"
    );
    assert_eq!(summary.actions, ["default", "Show urgent tickets"]);
    assert_eq!(summary.urgency, Some(2));
    assert_no_personal_data(&summary.raw);
}

#[test]
fn the_alert_log_prevents_a_second_notification_after_a_restart() {
    let mut session = Session::start("restart", Daemon::Dunst);
    let monitor = session.desktop.monitor();
    let dir = tempfile::tempdir().unwrap();
    let log_path = dir.path().join("alerts.sqlite");
    let ticket = hostile_ticket(7001, Category::Fraud, Channel::Phone);

    {
        let mut alerting = alerting_at(&log_path);
        let (notifier, _clicks) = Notifier::start().unwrap();
        shown_id(&deliver(
            &mut alerting,
            &notifier,
            std::slice::from_ref(&ticket),
            Language::En,
        ));
        monitor.wait_for_notify(1, NOTIFY_TIMEOUT);
    }

    // The console restarts and resyncs: the same ticket arrives again, next to a new one.
    let mut alerting = alerting_at(&log_path);
    let (notifier, _clicks) = Notifier::start().unwrap();
    let again = deliver(
        &mut alerting,
        &notifier,
        &[
            ticket,
            hostile_ticket(7002, Category::Fraud, Channel::Phone),
        ],
        Language::En,
    );
    shown_id(&again);

    monitor.wait_for_notify(2, NOTIFY_TIMEOUT);
    std::thread::sleep(Duration::from_millis(500));
    let calls = monitor.notify_calls();
    let bodies: Vec<&str> = calls.iter().map(|c| c.body.as_str()).collect();
    assert_eq!(
        bodies,
        [
            "Ticket #7001 · Phone hotline",
            "Ticket #7002 · Phone hotline"
        ],
        "ticket 7001 must notify once across the restart"
    );
}

#[test]
fn clicking_a_notification_reports_the_ticket_to_open() {
    let mut session = Session::start("click", Daemon::Dunst);
    let monitor = session.desktop.monitor();
    let dir = tempfile::tempdir().unwrap();
    let mut alerting = alerting_at(&dir.path().join("alerts.sqlite"));
    let (notifier, clicks) = Notifier::start().unwrap();
    let desktop = &session.desktop;

    // One urgent ticket, clicked the way a user does: through the daemon.
    shown_id(&deliver(
        &mut alerting,
        &notifier,
        &[hostile_ticket(4242, Category::Fraud, Channel::WebChat)],
        Language::En,
    ));
    // The watcher subscribes to ActionInvoked and NotificationClosed; a click before that
    // would go unheard (by us, and by any app using notify-rust).
    monitor.wait_for_add_match("NotificationClosed", 1, NOTIFY_TIMEOUT);
    desktop.wait_until("dunst to display the notification", || {
        desktop.run("dunstctl", &["count", "displayed"]).trim() == "1"
    });
    desktop.run("dunstctl", &["action", "0"]);
    assert_eq!(
        expect_click(&clicks, &monitor),
        Clicked {
            ticket_id: Some(4242)
        }
    );

    // A summary of several tickets: its click opens the urgent view. This time the default
    // action is invoked by signalling ActionInvoked for its id on the bus.
    let storm: Vec<TicketSummary> = (4301..=4304)
        .map(|id| hostile_ticket(id, Category::AccountSecurity, Channel::Email))
        .collect();
    let deliveries = deliver(&mut alerting, &notifier, &storm, Language::En);
    let summary_id = shown_id(&deliveries);
    monitor.wait_for_add_match("NotificationClosed", 2, NOTIFY_TIMEOUT);
    desktop.run(
        "dbus-send",
        &[
            "--session",
            "--type=signal",
            "/org/freedesktop/Notifications",
            "org.freedesktop.Notifications.ActionInvoked",
            &format!("uint32:{summary_id}"),
            "string:default",
        ],
    );
    assert_eq!(expect_click(&clicks, &monitor), Clicked { ticket_id: None });
    assert!(
        clicks.recv_timeout(Duration::from_millis(300)).is_err(),
        "one click, one report"
    );
}

fn urgent_notice(id: i64) -> Notice {
    Notice::Single(desk_alerts::Alert::UrgentTicket {
        ticket_id: id,
        category: Category::Fraud,
        channel: Channel::WebChat,
    })
}

#[test]
fn without_a_notification_daemon_show_reports_unavailable_at_once() {
    let mut session = Session::start("no-daemon", Daemon::Absent);
    let monitor = session.desktop.monitor();
    let (notifier, _clicks) = Notifier::start().unwrap();

    let started = Instant::now();
    let delivery = notifier.show(&urgent_notice(1), Language::En);
    let took = started.elapsed();
    let Delivery::Unavailable(reason) = delivery else {
        panic!("nobody owns org.freedesktop.Notifications, yet: {delivery:?}");
    };
    assert!(
        reason.contains("ServiceUnknown") || reason.contains("org.freedesktop.Notifications"),
        "the reason names what is missing: {reason}"
    );
    assert!(
        took < DEFAULT_SHOW_TIMEOUT,
        "a refusal is immediate, took {took:?}"
    );
    monitor.wait_for_notify(1, NOTIFY_TIMEOUT);

    // No session bus at all (a bare X session, a service account).
    let missing = session.desktop.log_dir.join("no-such-bus");
    std::env::set_var(
        "DBUS_SESSION_BUS_ADDRESS",
        format!("unix:path={}", missing.display()),
    );
    let started = Instant::now();
    let delivery = notifier.show(&urgent_notice(2), Language::Zh);
    assert!(
        matches!(delivery, Delivery::Unavailable(_)),
        "no bus, yet: {delivery:?}"
    );
    assert!(started.elapsed() < DEFAULT_SHOW_TIMEOUT);
}

#[test]
fn a_stuck_notification_daemon_costs_the_timeout_never_a_hang() {
    let mut session = Session::start("stuck-daemon", Daemon::Stalled);
    let monitor = session.desktop.monitor();
    let (notifier, _clicks) = Notifier::start().unwrap();

    let started = Instant::now();
    let first = notifier.show(&urgent_notice(1), Language::En);
    let took = started.elapsed();
    assert!(
        matches!(&first, Delivery::Unavailable(reason) if reason.contains("within")),
        "the daemon never answers, yet: {first:?}"
    );
    assert!(
        took >= DEFAULT_SHOW_TIMEOUT && took < DEFAULT_SHOW_TIMEOUT + Duration::from_secs(1),
        "gave up after the timeout, took {took:?}"
    );
    // The call really is pending on the bus, waiting for the daemon to start.
    monitor.wait_for_notify(1, NOTIFY_TIMEOUT);

    // The notification thread is still stuck in that call; the next alert is not stuck
    // behind it for longer than its own timeout.
    let started = Instant::now();
    let second = notifier.show(&urgent_notice(2), Language::En);
    assert!(matches!(second, Delivery::Unavailable(_)), "{second:?}");
    assert!(started.elapsed() < DEFAULT_SHOW_TIMEOUT + Duration::from_secs(1));

    // Shutting down does not wait for the stuck call either.
    let started = Instant::now();
    drop(notifier);
    assert!(started.elapsed() < Duration::from_millis(200));
}
