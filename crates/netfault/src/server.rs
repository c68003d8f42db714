//! Accepting connections and deciding each request's fate.

use std::sync::Arc;
use std::time::Duration;

use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinSet;

use crate::fault::Fault;
use crate::forward;
use crate::respond::{self, BoxError, ProxyBody};
use crate::state::Shared;

/// Serves until told to stop or until every handle is gone (the sender is dropped).
/// Connections are tracked so that stopping also cuts stalled requests and live streams,
/// which would otherwise never end.
pub(crate) async fn accept_loop(
    listener: TcpListener,
    shared: Arc<Shared>,
    mut stop: watch::Receiver<bool>,
) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            // The `Ref` from `wait_for` is not `Send`: drop it inside the future.
            () = async { let _ = stop.wait_for(|&stop| stop).await; } => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(serve(stream, Arc::clone(&shared)));
                }
                // Typically out of file descriptors: back off instead of spinning.
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            },
            // Reap finished connections so a long test does not accumulate them.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    drop(listener);
    connections.shutdown().await;
}

async fn serve(stream: TcpStream, shared: Arc<Shared>) {
    // SSE events are small writes; Nagle would hold them back.
    let _ = stream.set_nodelay(true);
    let service = service_fn(move |request| handle(Arc::clone(&shared), request));
    // Errors here are mostly the faults this proxy injects, or clients giving up.
    let _ = http1::Builder::new()
        .serve_connection(TokioIo::new(stream), service)
        .await;
}

/// Returning `Err` makes hyper close the connection without writing a response.
async fn handle(
    shared: Arc<Shared>,
    request: Request<Incoming>,
) -> Result<Response<ProxyBody>, BoxError> {
    let path = request.uri().path().to_owned();
    let fault = shared.arrive(&path);
    if fault == Fault::Offline {
        return Err(respond::injected("offline"));
    }
    // Read the whole request before acting, as a server would: the client has finished
    // sending, so what follows looks like the server's doing and not an upload failure.
    let (parts, body) = request.into_parts();
    let body = body.collect().await?.to_bytes();
    match fault {
        // Dropped, and the connection with it, when the proxy shuts down.
        Fault::Stall => return std::future::pending().await,
        Fault::TooManyRequests { retry_after_secs } => {
            return Ok(respond::too_many_requests(retry_after_secs));
        }
        Fault::Offline | Fault::Pass | Fault::DropMidResponse | Fault::ServerErrorAfterCommit => {}
    }
    let Ok(upstream) = forward::send(&shared.client, shared.upstream, parts, body).await else {
        return Ok(respond::bad_gateway());
    };
    shared.count_forwarded();
    match fault {
        Fault::ServerErrorAfterCommit => {
            // Wait for all of it: upstream must have finished (committed) before the lie.
            let _ = upstream.bytes().await;
            Ok(respond::server_error())
        }
        Fault::DropMidResponse => {
            let (status, headers) = respond::head_of(&upstream);
            let full = upstream.bytes().await?;
            // With no body to cut (204, HEAD) hyper would end the response cleanly, so close
            // without answering: upstream still committed, the client still sees an error.
            if full.len() < 2 {
                return Err(respond::injected("drop (bodiless response)"));
            }
            Ok(respond::dropped_midway(status, headers, full))
        }
        // Pass: the only other fault that gets this far.
        _ => Ok(respond::streamed(upstream, shared, path)),
    }
}
