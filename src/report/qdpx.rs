//! REFI-QDA exchange files, so a collation opens in NVivo, ATLAS.ti, MAXQDA or QualCoder
//! with its structure intact: `project.qdpx` (a zip: `project.qde` and a text file per
//! source) and `codebook.qdc`. Each session is a case whose closed answers (don't know,
//! declined, not asked and hidden included) are case variables; its notes and typed answers
//! are one text source, each segment pre-coded with its question and section; its notes pad
//! is a second source; the codings made in `stocktake analyse` come along as codings. Every
//! GUID is derived (UUID v5) from session, question and code ids, so exporting again gives
//! the same GUIDs, and a QDA program merges instead of duplicating.

use std::collections::{BTreeSet, HashSet};
use std::fmt::Write as _;
use std::io::{Seek as _, Write as _};
use std::path::Path;

use uuid::Uuid;

use super::ReportError;
use super::analysis::Unit;
use super::counts::label_of;
use super::model::{GuideSection, SessionRow};
use super::say::AnswerWord;
use crate::guide::{Codebook, QuestionType};
use crate::session::AnswerStatus;

/// The namespace every stocktake GUID is derived in.
fn root() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, b"urn:stocktake:refi-qda")
}

/// The GUID of `kind:id`, the same in every export.
pub fn guid(kind: &str, id: &str) -> String {
    Uuid::new_v5(&root(), format!("{kind}:{id}").as_bytes()).to_string()
}

/// Text for an XML attribute or element: escaped, and the characters XML 1.0 cannot hold
/// at all replaced.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in plain(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            c => out.push(c),
        }
    }
    out
}

/// A source's text as written: one character for one character, so positions computed on
/// the interviewer's text still fall where they did; control characters (an escape
/// sequence in a note) become U+FFFD, which XML and every QDA program can hold.
fn plain(s: &str) -> String {
    s.chars()
        .map(|c| {
            if (c.is_control() && c != '\n' && c != '\t') || c == '\u{FFFE}' || c == '\u{FFFF}' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// One text source being assembled: its text, and each unit's place in it.
struct Source {
    text: String,
    chars: usize,
    /// (unit key, question, start, end) in characters.
    segments: Vec<(String, Option<String>, usize, usize)>,
}

impl Source {
    fn new() -> Source {
        Source {
            text: String::new(),
            chars: 0,
            segments: Vec::new(),
        }
    }

    fn push(&mut self, s: &str) {
        let p = plain(s);
        self.chars += p.chars().count();
        self.text.push_str(&p);
    }

    fn unit(&mut self, heading: &str, u: &Unit) {
        if self.chars > 0 {
            self.push("\n\n");
        }
        self.push(heading);
        self.push("\n");
        let start = self.chars;
        self.push(&u.text);
        self.segments
            .push((u.key.clone(), u.question.clone(), start, self.chars));
    }
}

fn codes_xml(out: &mut String, book: &Codebook, parent: Option<&str>, lang: &str) {
    for c in book.codes.iter().filter(|c| c.parent.as_deref() == parent) {
        let _ = write!(
            out,
            "<Code guid=\"{}\" name=\"{}\" isCodable=\"true\">",
            guid("code", &c.id),
            xml(c.label.get(lang, book.default_language()))
        );
        let d = c.description.get(lang, book.default_language());
        if !d.is_empty() {
            let _ = write!(out, "<Description>{}</Description>", xml(d));
        }
        codes_xml(out, book, Some(&c.id), lang);
        out.push_str("</Code>");
    }
}

/// The codebook alone, as REFI-QDA's `.qdc`.
pub fn codebook_xml(book: &Codebook) -> String {
    let lang = book.default_language();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"stocktake\"><Codes>",
    );
    codes_xml(&mut out, book, None, lang);
    out.push_str("</Codes></CodeBook>\n");
    out
}

fn answer_value(s: &GuideSection, r: &SessionRow, q: &crate::guide::Question) -> Option<String> {
    // In the guide's language, as the option labels beside them.
    let lang = s.guide.default_language();
    if r.is_hidden(&q.id) {
        return Some(AnswerWord::Hidden.in_guide(lang).to_string());
    }
    let a = r.answers.get(&q.id)?;
    match a.status {
        AnswerStatus::Special(sp) => Some(AnswerWord::said(sp).in_guide(lang).to_string()),
        AnswerStatus::Unanswered => None,
        AnswerStatus::Answered => Some(
            a.values()
                .map(|v| label_of(q, v, lang))
                .collect::<Vec<_>>()
                .join("; "),
        ),
    }
}

fn closed(q: &crate::guide::Question) -> bool {
    !matches!(q.kind, QuestionType::Text | QuestionType::LongText)
}

/// The start of `project.qde`, up to its cases: the users, the code tree and the case
/// variables.
fn head(s: &GuideSection, now: &str) -> String {
    let lang = s.guide.default_language();
    let a = &s.analysis;
    let mut out = String::new();
    // xsd:dateTime or nothing: the schema refuses anything else.
    let created = now
        .parse::<jiff::Timestamp>()
        .map(|t| format!(" creationDateTime=\"{t}\""))
        .unwrap_or_default();
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"{}\" origin=\"stocktake {}\"{created}>",
        xml(s.guide.title.get(lang, lang)),
        env!("CARGO_PKG_VERSION"),
    );
    let coders: BTreeSet<&str> = a.codings.iter().map(|c| c.coder.as_str()).collect();
    if !coders.is_empty() {
        out.push_str("<Users>");
        for c in &coders {
            let _ = write!(
                out,
                "<User guid=\"{}\" name=\"{}\"/>",
                guid("user", c),
                xml(c)
            );
        }
        out.push_str("</Users>");
    }
    // The guide as a code tree (sections, their questions: what segments are pre-coded
    // with), then the codebook's themes, then codes used that the codebook no longer has.
    out.push_str("<CodeBook><Codes>");
    let _ = write!(
        out,
        "<Code guid=\"{}\" name=\"{}\" isCodable=\"false\">",
        guid("guide", &s.guide.id),
        xml(&format!("Guide: {}", s.guide.title.get(lang, lang)))
    );
    for sec in &s.guide.sections {
        let _ = write!(
            out,
            "<Code guid=\"{}\" name=\"{}\" isCodable=\"true\">",
            guid("section", &format!("{}/{}", s.guide.id, sec.id)),
            xml(sec.title.get(lang, lang))
        );
        for q in &sec.questions {
            let _ = write!(
                out,
                "<Code guid=\"{}\" name=\"{}\" isCodable=\"true\"><Description>{}</Description></Code>",
                guid("question", &format!("{}/{}", s.guide.id, q.id)),
                xml(&q.id),
                xml(q.text.get(lang, lang))
            );
        }
        out.push_str("</Code>");
    }
    out.push_str("</Code>");
    if let Some(book) = &a.codebook {
        codes_xml(&mut out, book, None, lang);
    }
    let unknown: BTreeSet<&str> = a
        .codings
        .iter()
        .map(|c| c.code.as_str())
        .filter(|c| a.codebook.as_ref().is_none_or(|b| b.code(c).is_none()))
        .collect();
    for c in &unknown {
        let _ = write!(
            out,
            "<Code guid=\"{}\" name=\"{}\" isCodable=\"true\"><Description>Not in the codebook (removed after use)</Description></Code>",
            guid("code", c),
            xml(c)
        );
    }
    out.push_str("</Codes></CodeBook>");
    // Case variables: who, then every closed question.
    let questions: Vec<&crate::guide::Question> =
        s.guide.questions().filter(|q| closed(q)).collect();
    let meta = ["response", "structure", "interviewer", "guide_version"];
    out.push_str("<Variables>");
    for m in meta {
        let _ = write!(
            out,
            "<Variable guid=\"{}\" name=\"{m}\" typeOfVariable=\"Text\"/>",
            guid("variable", &format!("{}/{m}", s.guide.id))
        );
    }
    for q in &questions {
        let _ = write!(
            out,
            "<Variable guid=\"{}\" name=\"{}\" typeOfVariable=\"Text\"><Description>{}</Description></Variable>",
            guid("variable", &format!("{}/q/{}", s.guide.id, q.id)),
            xml(&q.id),
            xml(q.text.get(lang, lang))
        );
    }
    out.push_str("</Variables><Cases>");
    out
}

/// One session's parts of the project: its case (for `<Cases>`), its text sources (for
/// `<Sources>`) and the sources' texts (files of their own), from its units.
struct SessionParts {
    case: String,
    sources: String,
    files: Vec<(String, String)>,
}

fn session_parts(
    s: &GuideSection,
    r: &SessionRow,
    units: &[Unit],
    stale: &HashSet<&crate::collate::Coding>,
) -> SessionParts {
    let lang = s.guide.default_language();
    let a = &s.analysis;
    let questions: Vec<&crate::guide::Question> =
        s.guide.questions().filter(|q| closed(q)).collect();
    let meta = ["response", "structure", "interviewer", "guide_version"];
    let mut out = String::new();
    let mut sources_xml = String::new();
    let mut files = Vec::new();
    {
        let _ = write!(
            out,
            "<Case guid=\"{}\" name=\"{}\">",
            guid("case", &r.session_id),
            xml(&format!("{} · {}", r.response, r.group.name()))
        );
        let values = [
            r.response.clone(),
            r.group.name().to_string(),
            r.interviewer.clone(),
            r.guide_version.clone(),
        ];
        for (m, v) in meta.iter().zip(values) {
            let _ = write!(
                out,
                "<VariableValue><VariableRef targetGUID=\"{}\"/><TextValue>{}</TextValue></VariableValue>",
                guid("variable", &format!("{}/{m}", s.guide.id)),
                xml(&v)
            );
        }
        for q in &questions {
            if let Some(v) = answer_value(s, r, q) {
                let _ = write!(
                    out,
                    "<VariableValue><VariableRef targetGUID=\"{}\"/><TextValue>{}</TextValue></VariableValue>",
                    guid("variable", &format!("{}/q/{}", s.guide.id, q.id)),
                    xml(&v)
                );
            }
        }
        let (pad, said): (Vec<&Unit>, Vec<&Unit>) =
            units.iter().partition(|u| u.key.starts_with("pad:"));
        for (kind, list) in [("notes", said), ("pad", pad)] {
            if list.is_empty() {
                continue;
            }
            let source_guid = guid(&format!("source-{kind}"), &r.session_id);
            let _ = write!(out, "<SourceRef targetGUID=\"{source_guid}\"/>");
            let mut src = Source::new();
            for u in &list {
                let heading = match u.question.as_deref().and_then(|q| s.guide.question(q)) {
                    Some(q) => format!("[{}] {} ({})", q.id, q.text.get(lang, lang), u.kind),
                    None => format!("[{}] ({})", u.key, u.kind),
                };
                src.unit(&heading, u);
            }
            let name = if kind == "notes" {
                format!("{} · {}: notes", r.response, r.group.name())
            } else {
                format!("{} · {}: notes pad", r.response, r.group.name())
            };
            let _ = write!(
                sources_xml,
                "<TextSource guid=\"{source_guid}\" name=\"{}\" plainTextPath=\"internal://{source_guid}.txt\">",
                xml(&name)
            );
            for (key, question, start, end) in &src.segments {
                let _ = write!(
                    sources_xml,
                    "<PlainTextSelection guid=\"{}\" name=\"{}\" startPosition=\"{start}\" endPosition=\"{end}\">",
                    guid("segment", &format!("{}/{key}", r.session_id)),
                    xml(key)
                );
                if let Some(q) = question {
                    let sec = s
                        .guide
                        .sections
                        .iter()
                        .find(|sec| sec.questions.iter().any(|x| &x.id == q));
                    let _ = write!(
                        sources_xml,
                        "<Coding guid=\"{}\"><CodeRef targetGUID=\"{}\"/></Coding>",
                        guid("coding", &format!("{}/{key}/question", r.session_id)),
                        guid("question", &format!("{}/{q}", s.guide.id))
                    );
                    if let Some(sec) = sec {
                        let _ = write!(
                            sources_xml,
                            "<Coding guid=\"{}\"><CodeRef targetGUID=\"{}\"/></Coding>",
                            guid("coding", &format!("{}/{key}/section", r.session_id)),
                            guid("section", &format!("{}/{}", s.guide.id, sec.id))
                        );
                    }
                }
                sources_xml.push_str("</PlainTextSelection>");
            }
            // The collator's codings, where their words still stand.
            for c in a.codings.iter().filter(|c| c.session_id == r.session_id) {
                if stale.contains(c) {
                    continue;
                }
                let Some((_, _, at, _)) = src.segments.iter().find(|(k, _, _, _)| *k == c.unit)
                else {
                    continue;
                };
                let id = format!(
                    "{}/{}/{}-{}/{}/{}",
                    c.session_id, c.unit, c.start, c.end, c.code, c.coder
                );
                let _ = write!(
                    sources_xml,
                    "<PlainTextSelection guid=\"{}\" name=\"{}\" startPosition=\"{}\" endPosition=\"{}\" creatingUser=\"{}\" creationDateTime=\"{}\"><Coding guid=\"{}\" creatingUser=\"{}\" creationDateTime=\"{}\"><CodeRef targetGUID=\"{}\"/></Coding></PlainTextSelection>",
                    guid("selection", &id),
                    xml(&c.quote.chars().take(60).collect::<String>()),
                    at + c.start,
                    at + c.end,
                    guid("user", &c.coder),
                    xml(&c.at),
                    guid("coding", &id),
                    guid("user", &c.coder),
                    xml(&c.at),
                    guid("code", &c.code)
                );
            }
            sources_xml.push_str("</TextSource>");
            files.push((format!("sources/{source_guid}.txt"), src.text));
        }
        out.push_str("</Case>");
    }
    SessionParts {
        case: out,
        sources: sources_xml,
        files,
    }
}

fn zip_error(path: &Path) -> impl Fn(zip::result::ZipError) -> ReportError + '_ {
    move |e| ReportError::Write {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

/// Write `project.qdpx` for one guide's sessions.
pub fn write_qdpx(path: &Path, s: &GuideSection, now: &str) -> Result<(), ReportError> {
    // Written into the zip as it is made: the project used to be built whole first (a
    // copy of every text, twice; 617 MB at 10,000 sessions). A zip entry is written at a
    // time and `project.qde` lists every case before every source, so the sources' part
    // waits in a temp file beside the report while the cases go into the zip, and the
    // sources' texts are made in a second pass. Each pass makes every session's texts
    // again from its matrix row: the report keeps only the first rows.
    let stale = s.analysis.stale_codings();
    let each = |part: &mut dyn FnMut(SessionParts) -> Result<(), ReportError>| {
        super::matrix::each_row(s, &mut |r, row| {
            let units: Vec<Unit> = row.units().cloned().collect();
            part(session_parts(s, r, &units, &stale))
        })
    };
    let io = |e: std::io::Error| ReportError::io(path)(e);
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut sources = std::io::BufWriter::new(tempfile::tempfile_in(dir).map_err(io)?);
    super::write_private_with(path, |w| {
        let mut z = zip::ZipWriter::new(w);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let ze = zip_error(path);
        let write = |z: &mut zip::ZipWriter<_>, text: &str| {
            z.write_all(text.as_bytes()).map_err(|e| ze(e.into()))
        };
        z.start_file("project.qde", opts).map_err(&ze)?;
        write(&mut z, &head(s, now))?;
        let mut any_source = false;
        each(&mut |p| {
            any_source |= !p.sources.is_empty();
            sources.write_all(p.sources.as_bytes()).map_err(io)?;
            write(&mut z, &p.case)
        })?;
        write(&mut z, "</Cases>")?;
        if any_source {
            write(&mut z, "<Sources>")?;
            let mut file = sources.into_inner().map_err(|e| io(e.into_error()))?;
            file.seek(std::io::SeekFrom::Start(0)).map_err(io)?;
            std::io::copy(&mut std::io::BufReader::new(file), &mut z).map_err(io)?;
            write(&mut z, "</Sources>")?;
        }
        write(&mut z, "</Project>\n")?;
        each(&mut |p| {
            for (name, text) in &p.files {
                z.start_file(name.as_str(), opts).map_err(&ze)?;
                write(&mut z, text)?;
            }
            Ok(())
        })?;
        z.finish().map_err(&ze)?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_one_replacement_each_so_positions_hold() {
        let note = "a\u{1b}[31mred\u{7}";
        let p = plain(note);
        assert_eq!(p, "a\u{FFFD}[31mred\u{FFFD}");
        assert_eq!(p.chars().count(), note.chars().count());
        assert_eq!(xml("<b \"x\">\n&"), "&lt;b &quot;x&quot;&gt;&#10;&amp;");
    }

    #[test]
    fn guids_are_v5_and_the_same_every_time() {
        let a = guid("case", "01M8SZZMPGQRZZCNBTSZ3S3D9C");
        assert_eq!(a, guid("case", "01M8SZZMPGQRZZCNBTSZ3S3D9C"));
        assert_ne!(a, guid("source-notes", "01M8SZZMPGQRZZCNBTSZ3S3D9C"));
        assert_eq!(
            Uuid::parse_str(&a).map(|u| u.get_version_num()).ok(),
            Some(5)
        );
    }
}
