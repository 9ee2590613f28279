//! How sessions are grouped by the structure interviewed: the three named structures, and
//! each custom `other` structure under its own label, so that "Protection Sector (South)"
//! is never merged into one "Other".

use std::borrow::Cow;

use crate::guide::Structure;

/// The name people read for a structure: a custom `other` structure's own label
/// (trimmed), else the structure's English label.
pub fn structure_name(structure: Structure, label: &str) -> Cow<'_, str> {
    let label = label.trim();
    if structure == Structure::Other && !label.is_empty() {
        Cow::Borrowed(label)
    } else {
        Cow::Borrowed(structure.label("en"))
    }
}
