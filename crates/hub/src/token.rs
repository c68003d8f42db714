//! Bearer tokens: 256 random bits for the client, their SHA-256 for the database.

use base64::Engine as _;
use sha2::{Digest, Sha256};

pub fn generate() -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(rand::random::<[u8; 32]>())
}

/// A fast hash is enough: the token has full entropy, so there is nothing to brute-force.
pub fn hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_are_unique_and_hashes_stable() {
        let t = super::generate();
        assert_ne!(t, super::generate());
        assert_eq!(t.len(), 43, "32 bytes, base64url without padding");
        assert_eq!(super::hash(&t), super::hash(&t));
        assert_eq!(super::hash(&t).len(), 64);
    }
}
