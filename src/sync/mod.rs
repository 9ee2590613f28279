//! Session files, the sync contract between interviewers and the collator (documented in
//! `docs/session-file-format.md`): rendering a revision to its exact bytes, safe file
//! names, the atomic no-overwrite writer for shared outboxes, and the verifying reader.

mod crypt;
mod name;
mod read;
mod render;
mod write;

pub use crypt::{
    CryptError, SUFFIX as ENCRYPTED_SUFFIX, Undecryptable, decrypt, encrypt, new_identity,
    parse_identities, parse_recipient,
};
pub use name::{encrypted_file_name, file_name, is_safe_name, slug};
pub use read::{
    MAX_FILE_BYTES, MAX_REVISION, ReadError, SessionFile, Verified, check_digest,
    parse_digest_checked, parse_session_file, read_limited, read_regular, read_session_file,
    read_verified, verify_against, why,
};
pub use render::{
    FORMAT, FORMAT_V2, FORMAT_V3, FORMAT_V4, render, render_body, revision_digest, toml_str,
};
pub use write::{FILE_MODE, WriteError, Written, clean_stale_temps, write_file};
