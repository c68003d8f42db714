//! The writer and readers on a real file: ordering, snapshot reads and shutdown.

use desk_sqlite::{Gone, Readers, Writer};
use rusqlite_migration::{Migrations, M};

#[derive(Debug)]
enum TestError {
    Sql(#[allow(dead_code)] rusqlite::Error),
    Gone,
}

impl From<rusqlite::Error> for TestError {
    fn from(e: rusqlite::Error) -> Self {
        TestError::Sql(e)
    }
}

impl From<Gone> for TestError {
    fn from(_: Gone) -> Self {
        TestError::Gone
    }
}

fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up("CREATE TABLE n (v INTEGER NOT NULL) STRICT;")])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_run_in_order_and_readers_see_committed_state() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let writer = Writer::start(&path, &migrations(), "test-writer").unwrap();
    let readers = Readers::new(&path);
    let mut pending = Vec::new();
    for v in 0..50 {
        let w = writer.clone();
        pending.push(tokio::spawn(async move {
            w.call(move |c| Ok::<_, TestError>(c.execute("INSERT INTO n (v) VALUES (?1)", [v])?))
                .await
        }));
    }
    for p in pending {
        p.await.unwrap().unwrap();
    }
    let (count, sum): (i64, i64) = readers
        .read(|c| {
            Ok::<_, TestError>(c.query_row("SELECT count(*), sum(v) FROM n", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?)
        })
        .await
        .unwrap();
    assert_eq!(
        (count, sum),
        (50, (0..50).sum()),
        "every acknowledged write is visible to readers"
    );
    let mode: String = readers
        .with(|c| Ok::<_, TestError>(c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(mode, "wal", "readers must not block the writer");
}

#[test]
fn a_failed_write_rolls_back_only_itself() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let writer = Writer::start(&path, &migrations(), "test-writer").unwrap();
    let failed: Result<(), TestError> = writer.call_blocking(|c| {
        let tx = c.transaction()?;
        tx.execute("INSERT INTO n (v) VALUES (1)", [])?;
        tx.execute("INSERT INTO n (v) VALUES (NULL)", [])?; // violates NOT NULL
        tx.commit()?;
        Ok(())
    });
    assert!(matches!(failed, Err(TestError::Sql(_))));
    let n: i64 = Readers::new(&path)
        .with(|c| Ok::<_, TestError>(c.query_row("SELECT count(*) FROM n", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(n, 0, "the half-done transaction left nothing behind");
    writer
        .call_blocking(|c| Ok::<_, TestError>(c.execute("INSERT INTO n (v) VALUES (2)", [])?))
        .unwrap();
}

#[test]
fn opening_twice_keeps_the_schema_and_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    {
        let w = Writer::start(&path, &migrations(), "a").unwrap();
        w.call_blocking(|c| Ok::<_, TestError>(c.execute("INSERT INTO n (v) VALUES (7)", [])?))
            .unwrap();
    }
    let w = Writer::start(&path, &migrations(), "b").unwrap();
    let v: i64 = w
        .call_blocking(|c| Ok::<_, TestError>(c.query_row("SELECT v FROM n", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(v, 7, "migrations are not re-run on an up-to-date file");
}
