//! The envelope every session file format shares: a size limit, UTF-8, a first line
//! `digest = "sha256:…"` covering every byte after it, and a `format` key that says
//! which reader parses the rest.

use std::io::Read;
use std::path::Path;

use super::{ReadError, SessionFile, v1, why};
use crate::guide::{Digest, line_col};
use crate::sync::render::{FORMAT, FORMAT_V2, FORMAT_V3, FORMAT_V4};

/// A session file larger than this is refused unread.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Read and verify a file from disk, reading no more than the limit allows.
pub fn read_session_file(path: &Path) -> Result<SessionFile, ReadError> {
    let bytes = read_limited(path)?;
    parse_session_file(&bytes, &path.display().to_string())
}

/// A file's bytes, refusing (without reading it all) one larger than a session file may be.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_regular(path, MAX_FILE_BYTES, MAX_FILE_BYTES).map(|(bytes, _)| bytes)
}

/// What a path is when it is not a regular file, for people.
fn kind_of(t: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_dir() {
        "a folder"
    } else if t.is_fifo() {
        "a FIFO (named pipe)"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "an unknown kind of file"
    }
}

/// The bytes of the regular file at `path` (a symlink is followed to one), at most
/// `limit` of them, and the metadata of the file that was read. A FIFO would block the
/// open until a writer comes and `/dev/zero` never ends, and either can stand in for a
/// file between a `stat` and an `open`: so the open never blocks, the opened file's own
/// metadata decides, and the limit applies to what is read, whatever the size said.
/// `shown_limit` is the limit a refusal names (a session file's, for ciphertext too).
pub fn read_regular(
    path: &Path,
    limit: u64,
    shown_limit: u64,
) -> Result<(Vec<u8>, std::fs::Metadata), ReadError> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = path.display().to_string();
    let io = |source| ReadError::Io {
        file: file.clone(),
        source,
    };
    let not_regular = |t| ReadError::NotRegular {
        file: file.clone(),
        what: kind_of(t),
    };
    // Asked first so that a device is never opened at all (opening some has effects).
    let before = std::fs::metadata(path).map_err(io)?;
    if !before.is_file() {
        return Err(not_regular(before.file_type()));
    }
    let flags = rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOCTTY;
    let f = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags.bits() as i32)
        .open(path)
        .map_err(io)?;
    let meta = f.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(not_regular(meta.file_type()));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            file,
            size: meta.len(),
            limit: shown_limit,
        });
    }
    let mut bytes = Vec::new();
    f.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            file,
            size: meta.len().max(bytes.len() as u64),
            limit: shown_limit,
        });
    }
    Ok((bytes, meta))
}

/// The digest a file claims and whether its body matches, without parsing the TOML: what
/// a collator needs to recognise a file it has already seen.
pub fn check_digest(bytes: &[u8], file: &str) -> Result<Digest, ReadError> {
    let no_digest = || why_no_digest(bytes, file);
    let nl = bytes
        .iter()
        .position(|b| *b == b'\n')
        .ok_or_else(no_digest)?;
    let first = std::str::from_utf8(&bytes[..nl]).map_err(|_| no_digest())?;
    let claimed = first
        .strip_prefix("digest = \"")
        .and_then(|r| r.strip_suffix('"'))
        .and_then(|d| d.parse::<Digest>().ok())
        .ok_or_else(no_digest)?;
    let body = &bytes[nl + 1..];
    if Digest::of(body) != claimed {
        // Every line we write ends in a newline: a missing one means the copy was cut short.
        if !body.ends_with(b"\n") {
            return Err(ReadError::Truncated { file: file.into() });
        }
        return Err(ReadError::Tampered { file: file.into() });
    }
    Ok(claimed)
}

/// A file without a digest line, said as precisely as its first line allows: the ways a
/// file sent through mail, an editor or a Windows share damages the line are named.
fn why_no_digest(bytes: &[u8], file: &str) -> ReadError {
    let damaged = |col: usize, message: crate::i18n::Words| ReadError::DamagedDigestLine {
        file: file.into(),
        line: 1,
        col,
        message: message.into(),
    };
    if bytes.starts_with("\u{feff}".as_bytes()) {
        return damaged(1, why::bom());
    }
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    if let Some(stripped) = first.strip_suffix(b"\r") {
        return damaged(stripped.len() + 1, why::crlf());
    }
    let text = String::from_utf8_lossy(first);
    if let Some(d) = text
        .strip_prefix("digest = \"")
        .and_then(|r| r.strip_suffix('"'))
    {
        let hex = d.strip_prefix("sha256:").unwrap_or(d);
        if hex.len() == 64
            && hex.bytes().all(|b| b.is_ascii_hexdigit())
            && hex.bytes().any(|b| b.is_ascii_uppercase())
        {
            return damaged("digest = \"sha256:".len() + 1, why::digest_upper_case());
        }
    }
    ReadError::NoDigest { file: file.into() }
}

pub fn parse_session_file(bytes: &[u8], file: &str) -> Result<SessionFile, ReadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            file: file.into(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    let text = utf8(bytes, file)?;
    let digest = check_digest(bytes, file)?;
    parse_checked(text, digest, file)
}

/// A file's bytes as text, or where they stop being UTF-8.
fn utf8<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str, ReadError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = e.valid_up_to();
        let (line, col) = line_col(&String::from_utf8_lossy(&bytes[..good]), good);
        ReadError::NotUtf8 {
            file: file.into(),
            line,
            col,
        }
    })
}

/// [`parse_session_file`] for bytes whose digest the caller has just checked (the
/// collator, which hashes every file before it parses any): hashing is a tenth of the
/// cost of reading a file, and doing it twice was waste.
pub fn parse_digest_checked(
    bytes: &[u8],
    digest: Digest,
    file: &str,
) -> Result<SessionFile, ReadError> {
    parse_checked(utf8(bytes, file)?, digest, file)
}

/// The reader of the file's `format`: the format line is read first, then only the
/// reader that knows that format parses the file.
fn parse_checked(text: &str, digest: Digest, file: &str) -> Result<SessionFile, ReadError> {
    match format_of(text, file)?.as_str() {
        FORMAT => v1::parse(text, digest, file, v1::Version::V1),
        FORMAT_V2 => v1::parse(text, digest, file, v1::Version::V2),
        FORMAT_V3 => v1::parse(text, digest, file, v1::Version::V3),
        FORMAT_V4 => v1::parse(text, digest, file, v1::Version::V4),
        other => Err(ReadError::UnknownFormat {
            file: file.into(),
            found: other.into(),
        }),
    }
}

/// The `format` a file names. Every file we write has it on the line after the digest,
/// as a plain string; any other file is parsed loosely, as generic TOML, to find it.
fn format_of(text: &str, file: &str) -> Result<String, ReadError> {
    let second = text.split('\n').nth(1).unwrap_or("");
    if let Some(name) = second
        .strip_prefix("format = \"")
        .and_then(|r| r.strip_suffix('"'))
        .filter(|n| !n.contains(['"', '\\']))
    {
        return Ok(name.to_string());
    }
    let table: toml::Table = toml::from_str(text).map_err(|e| syntax(text, file, e))?;
    match table.get("format").and_then(|v| v.as_str()) {
        Some(name) => Ok(name.to_string()),
        None => Err(ReadError::Invalid {
            file: file.into(),
            message: why::no_format().into(),
        }),
    }
}

/// A TOML error as `file:line:col: message`.
pub(super) fn syntax(text: &str, file: &str, e: toml::de::Error) -> ReadError {
    let (line, col) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
    ReadError::Syntax {
        file: file.into(),
        line,
        col,
        message: e.message().trim().to_string(),
    }
}
