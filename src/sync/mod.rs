//! Session files: the sync contract between interviewers and the collator
//! (`docs/session-file-format.md` will hold the full contract). For now, rendering a
//! session revision to its exact, stable bytes and digest.

mod render;

pub use render::{FORMAT, render, render_body, revision_digest, toml_str};
