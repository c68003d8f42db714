use serde_json::Value;

use crate::support::{TestHub, ALICE};

#[tokio::test]
async fn the_document_lists_every_path() {
    let hub = TestHub::start().await;
    let token = hub.login(ALICE).await;
    let doc: Value = hub.get_json(&token, "/api/openapi.json").await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for p in [
        "/api/health",
        "/api/login",
        "/api/logout",
        "/api/intake",
        "/api/bootstrap",
        "/api/changes",
        "/api/edits",
        "/api/events",
        "/api/openapi.json",
        "/api/tickets/{id}",
        "/api/tickets/{id}/merge",
    ] {
        assert!(paths.contains_key(p), "{p} is missing from the document");
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for s in [
        "IntakeMessage",
        "EditBatch",
        "EditResult",
        "ChangesPage",
        "BootstrapPage",
        "HubError",
        "HubTicket",
        "MergeRequest",
    ] {
        assert!(schemas.contains_key(s), "schema {s} is missing");
    }
    let mut refs = Vec::new();
    collect_refs(&doc, &mut refs);
    assert!(!refs.is_empty());
    for r in refs {
        let name = r.strip_prefix("#/components/schemas/").unwrap_or(&r);
        assert!(schemas.contains_key(name), "dangling $ref {r}");
    }
    let one = &doc["paths"]["/api/tickets/{id}"];
    for method in ["get", "delete"] {
        assert!(
            one[method].is_object(),
            "{method} /api/tickets/{{id}} must be documented next to its sibling"
        );
    }
    assert!(
        doc["paths"]["/api/login"]["post"]["security"]
            .as_array()
            .is_some_and(|s| s.is_empty()),
        "login is the one call that needs no token"
    );
}

fn collect_refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("$ref", Value::String(r)) => out.push(r.clone()),
                    _ => collect_refs(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| collect_refs(i, out)),
        _ => {}
    }
}
