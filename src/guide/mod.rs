//! Interview guides: the typed model of sections and questions, the TOML loader with
//! `file:line:col` validation, skip logic, digests, and discovery of bundled and local guides.

mod catalog;
mod codebook;
mod diagnostic;
mod diff;
mod digest;
mod load;
mod logic;
mod model;
mod respondent;

pub use respondent::{structure_name, structure_name_in};

pub use catalog::{
    BUNDLED, Catalog, GuideDirs, LoadError, LoadedGuide, Place, Shadowed, Trust, load_guide_file,
    load_guide_str,
};
pub use codebook::{
    BUNDLED_CODEBOOKS, CODEBOOK_FORMAT, Code, Codebook, CodebookError, MAX_CODEBOOK_BYTES,
    bundled_codebook, load_codebook_file, parse_codebook,
};
pub use diagnostic::{GuideErrors, Problem, line_col};
pub use diff::{Change, ChangeClass, GuideDiff, diff};
pub use digest::{BadDigest, Digest};
pub use load::{MAX_GUIDE_BYTES, is_hxl_tag, is_identifier, parse_guide};
pub use logic::{AnswerValues, Visibility, visibility};
pub use model::{
    Choice, Condition, ConsentRule, Guide, Question, QuestionType, Respondent, Section, Structure,
    SyncSettings, Test, Text, WhenRefused,
};
