//! Live push: a server-sent event with the feed's newest seq whenever it advances, so consoles
//! pull changes at once instead of polling. The first event is the current seq, so a client
//! that connects after pulling knows at once whether it missed anything.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use desk_wire::{FeedEvent, HubError};
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::{Stream, StreamExt};

use super::{AppState, Authed, HttpError};
use crate::store::HubStore;

/// Under the idle timeouts of common proxies, so a quiet stream is not cut.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

#[utoipa::path(get, path = "/api/events", tag = "feed",
    responses(
        (status = 200, description = "text/event-stream of FeedEvent JSON", body = FeedEvent,
            content_type = "text/event-stream"),
        (status = 401, description = "No live token", body = HubError),
    ))]
pub async fn events<S: HubStore>(
    _authed: Authed,
    State(state): State<AppState<S>>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, HttpError> {
    // Subscribe before reading the current seq, so nothing committed in between is lost.
    let live = BroadcastStream::new(state.feed.subscribe());
    let now = state.store.latest_seq().await?;
    // A lagging subscriber skips missed seqs: the next one it gets is newer than all of them.
    let later = live
        .filter_map(|seq| seq.ok())
        .filter(move |seq| *seq > now);
    let stream = tokio_stream::once(now)
        .chain(later)
        .map(|seq| Ok(event(seq)));
    // Ends the response when the hub shuts down; consoles reconnect to the next hub.
    let stream =
        futures_util::StreamExt::take_until(stream, state.closing.clone().cancelled_owned());
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(KEEP_ALIVE)))
}

fn event(seq: i64) -> Event {
    Event::default()
        .event("feed")
        .json_data(FeedEvent { seq })
        .unwrap_or_else(|_| {
            Event::default()
                .event("feed")
                .data(format!("{{\"seq\":{seq}}}"))
        })
}
