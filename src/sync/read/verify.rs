//! Checking a session file against its guide, and the whole pipeline a file goes
//! through before it enters a store: read (limited), envelope and digest, the guide found
//! by its digest, every answer checked.

use std::path::Path;

use super::{ReadError, SessionFile, parse_session_file, read_limited};
use crate::guide::{Digest, Guide, LoadedGuide};
use crate::i18n::Reason;
use crate::session::validate;

/// A file that passed every check, with its guide and its exact bytes (kept as they are:
/// they are the revision's digest).
#[derive(Debug, Clone)]
pub struct Verified {
    pub file: SessionFile,
    pub guide: LoadedGuide,
    pub bytes: Vec<u8>,
}

/// Read `path` and check it all the way: no more than a session file may hold, its
/// digest, its format, then its guide (`guide_of` finds one by digest: a catalog, a
/// store) and every answer against it. `shown` names the file in errors.
pub fn read_verified(
    path: &Path,
    shown: &str,
    guide_of: impl FnOnce(&Digest) -> Option<LoadedGuide>,
) -> Result<Verified, ReadError> {
    let bytes = read_limited(path)?;
    let file = parse_session_file(&bytes, shown)?;
    let g = &file.session.guide;
    let guide = guide_of(&g.digest).ok_or_else(|| ReadError::UnknownGuide {
        file: shown.into(),
        id: g.id.clone(),
        version: g.version.clone(),
        digest: g.digest.to_string(),
    })?;
    verify_against(&file, &guide.guide, &guide.digest, shown)?;
    Ok(Verified { file, guide, bytes })
}

/// Check every answer of a file against its guide: option values it offers, numbers in
/// range, the right kind of value, no free text when consent was refused. A guide with
/// another digest is not this file's guide.
pub fn verify_against(
    f: &SessionFile,
    guide: &Guide,
    guide_digest: &Digest,
    file: &str,
) -> Result<(), ReadError> {
    let s = &f.session;
    if s.guide.digest != *guide_digest {
        return Err(ReadError::UnknownGuide {
            file: file.into(),
            id: s.guide.id.clone(),
            version: s.guide.version.clone(),
            digest: s.guide.digest.to_string(),
        });
    }
    // The digest decides the guide; a file that names another id or version would be
    // verified against one guide and reported under another.
    if (s.guide.id.as_str(), s.guide.version.as_str())
        != (guide.id.as_str(), guide.version.as_str())
    {
        return Err(ReadError::GuideMismatch {
            file: file.into(),
            claimed_id: s.guide.id.clone(),
            claimed_version: s.guide.version.chars().take(64).collect(),
            id: guide.id.clone(),
            version: guide.version.clone(),
        });
    }
    if !guide.languages.contains(&s.language) {
        return Err(ReadError::Invalid {
            file: file.into(),
            message: super::why::not_guide_language(
                format!("{:?}", s.language.chars().take(64).collect::<String>()),
                &guide.id,
                guide.languages.join(", "),
            )
            .into(),
        });
    }
    for (q, a) in &s.answers {
        let Some(question) = guide.question(q) else {
            return Err(ReadError::InvalidAnswer {
                file: file.into(),
                question: q.clone(),
                message: super::why::no_such_question(&guide.id).into(),
            });
        };
        if let Some(v) = &a.value {
            validate(question, v).map_err(|e| ReadError::InvalidAnswer {
                file: file.into(),
                question: q.clone(),
                message: e.said().into(),
            })?;
        }
        if let Some(v) = a
            .provenance
            .before_definition
            .as_ref()
            .and_then(|e| e.value.as_ref())
        {
            validate(question, v).map_err(|e| ReadError::InvalidAnswer {
                file: file.into(),
                question: q.clone(),
                message: super::why::before_definition(e.said()).into(),
            })?;
        }
        if !a.other.is_empty() && !question.options.iter().any(|o| o.other) {
            return Err(ReadError::InvalidAnswer {
                file: file.into(),
                question: q.clone(),
                message: super::why::other_without_option().into(),
            });
        }
    }
    for n in &s.notes {
        if let Some(q) = &n.question
            && guide.question(q).is_none()
        {
            return Err(ReadError::InvalidAnswer {
                file: file.into(),
                question: q.clone(),
                message: super::why::note_on_unknown_question().into(),
            });
        }
    }
    // The writer's rule (`Session::as_sent`) read back: what it never sends, a genuine
    // file never holds, and such text must not reach a collation or report.
    if s.consent_refused(guide)
        && let Some(field) = s.free_text_field()
    {
        return Err(ReadError::FreeTextWithoutConsent {
            file: file.into(),
            field,
        });
    }
    Ok(())
}
