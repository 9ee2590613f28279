//! Encrypted session files (age, X25519): the interviewer holds only the collator's public
//! recipient, so what leaves their machine is readable by the collator alone. Plaintext is
//! encrypted in memory; only ciphertext is ever written to the outbox or its temp files.

use std::io::{Read, Write};
use std::str::FromStr;

use age::secrecy::ExposeSecret;

use super::read::MAX_FILE_BYTES;

/// The file-name suffix of an encrypted session file.
pub const SUFFIX: &str = ".age";

/// Recipient stanzas read in one file's header. A file for a collator names a handful
/// (the guide's recipients and the config's); age tries every stanza with every identity
/// and its header parsing grows with their square, so an unbounded count lets one
/// planted file stall a collation for minutes. 64 is ten times any real team.
pub const MAX_STANZAS: usize = 64;

/// Bytes of header read: 64 stanzas of the largest kind age writes (ssh-rsa, about
/// 700 bytes) fit with room to spare; X25519 stanzas are about 100 bytes.
pub const MAX_HEADER_BYTES: usize = 64 * 1024;

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
    /// The header names more recipients than any real file: refused before age reads it.
    TooManyRecipients { found: usize },
    /// The header is longer than any real file's.
    HeaderTooLarge { bytes: usize },
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

/// The binary age header is `age-encryption.org/v1`, one `-> ` line (and body) per
/// recipient stanza, then `--- MAC`: count the stanzas before age parses any, so the work
/// spent on one file is bounded by [`MAX_STANZAS`] and [`MAX_HEADER_BYTES`].
fn check_header(cipher: &[u8]) -> Result<(), Undecryptable> {
    let end = find(cipher, b"\n--- ").unwrap_or(cipher.len());
    let header = &cipher[..end];
    let found = header.windows(4).filter(|w| *w == b"\n-> ").count();
    if found > MAX_STANZAS {
        return Err(Undecryptable::TooManyRecipients { found });
    }
    if header.len() > MAX_HEADER_BYTES {
        return Err(Undecryptable::HeaderTooLarge {
            bytes: header.len(),
        });
    }
    Ok(())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Decrypt, reading at most one byte more than a session file may hold.
pub fn decrypt(
    cipher: &[u8],
    identities: &[age::x25519::Identity],
) -> Result<Vec<u8>, Undecryptable> {
    if identities.is_empty() {
        return Err(Undecryptable::NoIdentity);
    }
    check_header(cipher)?;
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

impl crate::i18n::Reason for CryptError {
    fn words(&self) -> crate::i18n::Words {
        use crate::i18n::Words;
        match self {
            CryptError::BadRecipient(r) => {
                Words::msg("why-crypt-bad-recipient").arg("given", r.clone())
            }
            CryptError::NoIdentity { file } => {
                Words::msg("why-crypt-no-identity-in").arg("file", file.clone())
            }
            // age's own words about the file.
            CryptError::BadIdentity { file, message } => Words::msg("why-crypt-bad-identity")
                .arg("file", file.clone())
                .arg("error", message.clone()),
            CryptError::Encrypt(e) => Words::msg("why-crypt-encrypt").arg("error", e.clone()),
        }
    }
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
    fn a_header_past_its_bounds_is_refused_before_age_reads_it() {
        let (recipient, text) = new_identity("now");
        let ids = parse_identities(&text, "id.txt").expect("identity");
        let r = parse_recipient(&recipient).expect("recipient");
        let cipher = encrypt(b"digest = \"...\"\n", &[r]).expect("encrypt");
        let at = cipher
            .windows(4)
            .position(|w| w == b"\n-> ")
            .expect("a stanza")
            + 1;
        let with = |stanza: &[u8], n: usize| {
            let mut out = cipher[..at].to_vec();
            for _ in 0..n {
                out.extend(stanza);
            }
            out.extend(&cipher[at..]);
            out
        };
        let stanza = b"-> X25519 AAAA\nAAAA\n";
        let found = |c: &[u8]| c.windows(4).filter(|w| *w == b"\n-> ").count();
        // At the bound, age reads it (and finds the header altered); past it, it does not.
        let at_bound = with(stanza, MAX_STANZAS - found(&cipher));
        assert!(matches!(
            decrypt(&at_bound, &ids),
            Err(Undecryptable::Damaged(_))
        ));
        let past = with(stanza, MAX_STANZAS + 1 - found(&cipher));
        assert_eq!(
            decrypt(&past, &ids),
            Err(Undecryptable::TooManyRecipients {
                found: MAX_STANZAS + 1
            })
        );
        let long_body = [
            b"-> X25519 AAAA\n".as_slice(),
            &[b'A'; MAX_HEADER_BYTES],
            b"\n",
        ]
        .concat();
        assert!(matches!(
            decrypt(&with(&long_body, 1), &ids),
            Err(Undecryptable::HeaderTooLarge { .. })
        ));
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
