//! Agent passwords, hashed with Argon2id (the crate's defaults, OWASP's recommended settings).
//! Hashing is deliberately slow: callers run it on the blocking pool.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

pub fn hash(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::encode_b64(&rand::random::<[u8; 16]>())?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// False for a wrong password and for a hash that does not parse.
pub fn verify(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// Spends the same time as a real check, so response times do not tell which agent ids exist.
pub fn verify_nobody(password: &str) {
    use std::sync::OnceLock;
    static DUMMY: OnceLock<String> = OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash("no agent has this password").unwrap_or_default());
    let _ = verify(password, dummy);
}

#[cfg(test)]
mod tests {
    #[test]
    fn hashes_verify_and_are_salted() {
        let a = super::hash("s3cret").unwrap();
        let b = super::hash("s3cret").unwrap();
        assert_ne!(a, b, "each hash gets its own salt");
        assert!(a.starts_with("$argon2id$"));
        assert!(super::verify("s3cret", &a));
        assert!(!super::verify("s3cret ", &a));
        assert!(!super::verify("s3cret", "not a hash"));
    }
}
