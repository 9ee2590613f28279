//! Encrypted session files (age, X25519): the interviewer holds only the collator's public
//! recipient, so what leaves their machine is readable by the collator alone. Plaintext is
//! encrypted in memory; only ciphertext is ever written to the outbox or its temp files.

use std::io::{Read, Write};
use std::str::FromStr;

use age::secrecy::ExposeSecret;

use super::read::MAX_FILE_BYTES;

/// The file-name suffix of an encrypted session file.
pub const SUFFIX: &str = ".age";

#[derive(Debug, thiserror::Error)]
pub enum CryptError {
    #[error("`{0}` is not an age recipient; it should look like age1… (see stocktake keys new)")]
    BadRecipient(String),
    #[error("{file}: no identity (AGE-SECRET-KEY-1…) found in it")]
    NoIdentity { file: String },
    #[error("{file}: cannot read the identity: {message}")]
    BadIdentity { file: String, message: String },
    #[error("encrypting failed: {0}")]
    Encrypt(String),
}

/// Why an encrypted file could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undecryptable {
    /// Encrypted to someone else: none of our identities opens it.
    NotForUs,
    /// Cut short or altered: the ciphertext does not authenticate.
    Damaged(String),
    /// We hold no identity at all.
    NoIdentity,
    /// Decrypts to more than a session file may be.
    TooLarge,
}

pub fn parse_recipient(s: &str) -> Result<age::x25519::Recipient, CryptError> {
    age::x25519::Recipient::from_str(s.trim()).map_err(|_| CryptError::BadRecipient(s.to_string()))
}

/// A new identity and the text of its file (age's format: comments, then the secret key).
pub fn new_identity(now: &str) -> (String, String) {
    let id = age::x25519::Identity::generate();
    let recipient = id.to_public().to_string();
    let text = format!(
        "# created: {now}\n# public key: {recipient}\n{}\n",
        id.to_string().expose_secret()
    );
    (recipient, text)
}

/// The identities in an identity file's text (age's format).
pub fn parse_identities(text: &str, file: &str) -> Result<Vec<age::x25519::Identity>, CryptError> {
    let mut out = Vec::new();
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        out.push(
            age::x25519::Identity::from_str(line).map_err(|e| CryptError::BadIdentity {
                file: file.into(),
                message: e.to_string(),
            })?,
        );
    }
    if out.is_empty() {
        return Err(CryptError::NoIdentity { file: file.into() });
    }
    Ok(out)
}

pub fn encrypt(plain: &[u8], recipients: &[age::x25519::Recipient]) -> Result<Vec<u8>, CryptError> {
    let e = age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
        .map_err(|e| CryptError::Encrypt(e.to_string()))?;
    let mut out = Vec::with_capacity(plain.len() + 256);
    let mut w = e
        .wrap_output(&mut out)
        .map_err(|e| CryptError::Encrypt(e.to_string()))?;
    w.write_all(plain)
        .map_err(|e| CryptError::Encrypt(e.to_string()))?;
    w.finish().map_err(|e| CryptError::Encrypt(e.to_string()))?;
    Ok(out)
}

/// Decrypt, reading at most one byte more than a session file may hold.
pub fn decrypt(
    cipher: &[u8],
    identities: &[age::x25519::Identity],
) -> Result<Vec<u8>, Undecryptable> {
    if identities.is_empty() {
        return Err(Undecryptable::NoIdentity);
    }
    let d =
        age::Decryptor::new_buffered(cipher).map_err(|e| Undecryptable::Damaged(e.to_string()))?;
    let reader = d
        .decrypt(identities.iter().map(|i| i as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::NoMatchingKeys => Undecryptable::NotForUs,
            other => Undecryptable::Damaged(other.to_string()),
        })?;
    let mut plain = Vec::new();
    reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut plain)
        .map_err(|e| Undecryptable::Damaged(e.to_string()))?;
    if plain.len() as u64 > MAX_FILE_BYTES {
        return Err(Undecryptable::TooLarge);
    }
    Ok(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_right_identity_opens_a_file_and_damage_is_detected() {
        let (recipient, text) = new_identity("now");
        let ids = parse_identities(&text, "id.txt").expect("identity");
        let r = parse_recipient(&recipient).expect("recipient");
        let cipher = encrypt(b"digest = \"...\"\nsecret words\n", &[r]).expect("encrypt");
        assert!(!cipher.windows(12).any(|w| w == b"secret words"));
        assert_eq!(
            decrypt(&cipher, &ids).expect("decrypt"),
            b"digest = \"...\"\nsecret words\n"
        );
        let (_, other) = new_identity("now");
        let other = parse_identities(&other, "other.txt").expect("identity");
        assert_eq!(decrypt(&cipher, &other), Err(Undecryptable::NotForUs));
        assert!(matches!(
            decrypt(&cipher[..cipher.len() - 5], &ids),
            Err(Undecryptable::Damaged(_))
        ));
        let mut flipped = cipher.clone();
        let at = flipped.len() - 20;
        flipped[at] ^= 1;
        assert!(matches!(
            decrypt(&flipped, &ids),
            Err(Undecryptable::Damaged(_))
        ));
        assert_eq!(decrypt(&cipher, &[]), Err(Undecryptable::NoIdentity));
    }

    #[test]
    fn bad_keys_are_explained() {
        assert!(parse_recipient("age1nope").is_err());
        assert!(matches!(
            parse_identities("# only a comment\n", "f"),
            Err(CryptError::NoIdentity { .. })
        ));
        assert!(matches!(
            parse_identities("AGE-SECRET-KEY-1XYZ\n", "f"),
            Err(CryptError::BadIdentity { .. })
        ));
    }
}
