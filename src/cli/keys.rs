//! `stocktake keys new` and `stocktake keys show`: the collator's age identity.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::now_text;

/// Every identity in the files named (empty names, from an empty STOCKTAKE_IDENTITY
/// entry, are skipped).
pub(super) fn read_identities(files: &[PathBuf]) -> anyhow::Result<Vec<age::x25519::Identity>> {
    let mut out = Vec::new();
    for f in files.iter().filter(|f| !f.as_os_str().is_empty()) {
        let shown = f.display().to_string();
        let text = std::fs::read_to_string(f)
            .map_err(|e| anyhow::anyhow!("{shown}: cannot read the identity: {e}"))?;
        out.extend(crate::sync::parse_identities(&text, &shown)?);
    }
    Ok(out)
}

pub(super) fn new(out: &Path) -> anyhow::Result<ExitCode> {
    let (recipient, text) = crate::sync::new_identity(&now_text());
    // Through a temp file: an identity file is there whole or not at all.
    crate::fs::write_bytes(out, &crate::fs::NewFile::PRIVATE_NEW, text.as_bytes()).map_err(
        |e| {
            anyhow::anyhow!(
                "{}: cannot create the identity file ({e}); an existing one is never overwritten",
                out.display()
            )
        },
    )?;
    writeln!(
        io::stderr(),
        "created {} (readable by you alone: keep it safe and backed up; whoever holds it reads every session)",
        out.display()
    )?;
    writeln!(io::stdout(), "{recipient}")?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn show(file: &Path) -> anyhow::Result<ExitCode> {
    let mut out = io::stdout().lock();
    for id in read_identities(&[file.to_path_buf()])? {
        writeln!(out, "{}", id.to_public())?;
    }
    Ok(ExitCode::SUCCESS)
}
