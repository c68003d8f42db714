//! The people who write in. Replicated from the hub as part of each ticket.

use desk_domain::{Customer, Verification};
use rusqlite::{Connection, Row};

pub(crate) const M_20261122_CREATE: &str = "
CREATE TABLE customers (
    id                TEXT PRIMARY KEY,
    wallet_account_id TEXT NOT NULL,
    name              TEXT NOT NULL,
    email             TEXT,
    phone             TEXT,
    country           TEXT NOT NULL,
    verification      TEXT NOT NULL
        CHECK (verification IN ('unverified', 'pending', 'verified', 'rejected'))
) STRICT;
";

pub(crate) fn upsert(conn: &Connection, c: &Customer) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO customers (id, wallet_account_id, name, email, phone, country, verification)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO UPDATE SET
            wallet_account_id = excluded.wallet_account_id, name = excluded.name,
            email = excluded.email, phone = excluded.phone, country = excluded.country,
            verification = excluded.verification
         -- Most tickets bring a customer the replica already holds, unchanged (a bootstrap
         -- writes each once per ticket): skipping the identical row spares its page a write.
         WHERE (customers.wallet_account_id, customers.name, customers.email, customers.phone,
                customers.country, customers.verification)
            IS NOT (excluded.wallet_account_id, excluded.name, excluded.email, excluded.phone,
                    excluded.country, excluded.verification)",
    )?
    .execute((
        &c.id,
        &c.wallet_account_id,
        &c.name,
        &c.email,
        &c.phone,
        &c.country,
        c.verification.as_str(),
    ))?;
    Ok(())
}

/// Columns, in order: id, wallet_account_id, name, email, phone, country, verification.
pub(crate) const COLUMNS: &str =
    "c.id, c.wallet_account_id, c.name, c.email, c.phone, c.country, c.verification";

pub(crate) fn from_row(r: &Row<'_>, at: usize) -> rusqlite::Result<Customer> {
    let verification: String = r.get(at + 6)?;
    Ok(Customer {
        id: r.get(at)?,
        wallet_account_id: r.get(at + 1)?,
        name: r.get(at + 2)?,
        email: r.get(at + 3)?,
        phone: r.get(at + 4)?,
        country: r.get(at + 5)?,
        verification: Verification::parse(&verification)
            .ok_or_else(|| crate::tables::tickets::bad_word(at + 6, &verification))?,
    })
}
