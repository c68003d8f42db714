//! Customers, found again by wallet account, email or phone when they write in.

use std::collections::HashMap;

use desk_domain::{Customer, Verification};
use desk_wire::CustomerRef;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::TicketRange;

pub(crate) const M_20261122_CREATE: &str = "
CREATE TABLE customers (
    id                TEXT PRIMARY KEY,
    -- Empty when the channel did not say (an email from an unknown address).
    wallet_account_id TEXT NOT NULL,
    name              TEXT NOT NULL,
    email             TEXT,
    phone             TEXT,
    -- ISO 3166-1 alpha-2, empty when unknown.
    country           TEXT NOT NULL,
    verification      TEXT NOT NULL
        CHECK (verification IN ('unverified', 'pending', 'verified', 'rejected'))
) STRICT;
CREATE INDEX customers_wallet ON customers (wallet_account_id);
CREATE INDEX customers_email  ON customers (email);
CREATE INDEX customers_phone  ON customers (phone);
";

const COLUMNS: &str = "id, wallet_account_id, name, email, phone, country, verification";

pub(crate) fn upsert(conn: &Connection, c: &Customer) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO customers (id, wallet_account_id, name, email, phone, country, verification)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO UPDATE SET wallet_account_id = excluded.wallet_account_id,
            name = excluded.name, email = excluded.email, phone = excluded.phone,
            country = excluded.country, verification = excluded.verification",
    )?
    .execute(params![
        c.id,
        c.wallet_account_id,
        c.name,
        c.email,
        c.phone,
        c.country,
        c.verification.as_str()
    ])?;
    Ok(())
}

/// The customers of the tickets in `range`, by id: each once, however many of the tickets
/// are theirs.
pub(crate) fn of_tickets_in(
    conn: &Connection,
    range: TicketRange,
) -> rusqlite::Result<HashMap<String, Customer>> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM customers
         WHERE id IN (SELECT customer_id FROM tickets WHERE id > ?1 AND id <= ?2)"
    ))?
    .query_map(params![range.after, range.last], |r| {
        let c = from_row(r)?;
        Ok((c.id.clone(), c))
    })?
    .collect()
}

/// The customer a message comes from, by the strongest identifier it carries: the wallet
/// account is verified by the app, an email or phone number only by the channel.
pub(crate) fn find(conn: &Connection, who: &CustomerRef) -> rusqlite::Result<Option<Customer>> {
    let keys = [
        ("wallet_account_id", who.wallet_account_id.as_deref()),
        ("email", who.email.as_deref()),
        ("phone", who.phone.as_deref()),
    ];
    for (column, value) in keys {
        let Some(value) = value.filter(|v| !v.is_empty()) else {
            continue;
        };
        // `column` comes from the fixed list above, never from input.
        let found = conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM customers WHERE {column} = ?1 ORDER BY id LIMIT 1"
            ))?
            .query_row([value], from_row)
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

fn from_row(r: &Row) -> rusqlite::Result<Customer> {
    let verification: String = r.get(6)?;
    Ok(Customer {
        id: r.get(0)?,
        wallet_account_id: r.get(1)?,
        name: r.get(2)?,
        email: r.get(3)?,
        phone: r.get(4)?,
        country: r.get(5)?,
        verification: Verification::parse(&verification)
            .ok_or_else(|| super::bad_word(6, "verification", &verification))?,
    })
}
