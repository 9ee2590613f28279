//! The REFI-QDA export read back by readers that are not ours: Python's zipfile and
//! ElementTree always, and (`needs_python`, with `xmlschema` from PyPI) the REFI-QDA
//! schemas of `tests/fixtures/refi-qda/`.

use super::*;

/// An independent reader of a .qdpx: Python's zipfile and ElementTree, nothing of ours.
/// Prints what it found as JSON, and fails on a reference to a GUID the project does not
/// define, a malformed GUID, or a selection outside its source's text.
const QDPX_READER: &str = r#"
import json, re, sys, zipfile
import xml.etree.ElementTree as ET
NS = {"q": "urn:QDA-XML:project:1.0"}
GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
z = zipfile.ZipFile(sys.argv[1])
root = ET.fromstring(z.read("project.qde"))
assert root.tag == "{urn:QDA-XML:project:1.0}Project", root.tag
defined = {e.get("guid") for e in root.iter() if e.get("guid")}
for g in defined:
    assert GUID.match(g), g
for e in root.iter():
    t = e.get("targetGUID")
    if t is not None:
        assert t in defined, ("dangling", e.tag, t)
codes = {c.get("guid"): c.get("name") for c in root.iter("{urn:QDA-XML:project:1.0}Code")}
out = {"cases": [], "codings": [], "segments": 0, "guids": sorted(defined)}
variables = {v.get("guid"): v.get("name") for v in root.iter("{urn:QDA-XML:project:1.0}Variable")}
for case in root.iterfind("q:Cases/q:Case", NS):
    vals = {}
    for vv in case.iterfind("q:VariableValue", NS):
        vals[variables[vv.find("q:VariableRef", NS).get("targetGUID")]] = vv.find("q:TextValue", NS).text
    out["cases"].append({"name": case.get("name"), "values": vals})
for src in root.iterfind("q:Sources/q:TextSource", NS):
    path = src.get("plainTextPath")
    assert path.startswith("internal://"), path
    text = z.read("sources/" + path[len("internal://"):]).decode("utf-8")
    for sel in src.iterfind("q:PlainTextSelection", NS):
        a, b = int(sel.get("startPosition")), int(sel.get("endPosition"))
        assert 0 <= a <= b <= len(text), (a, b, len(text))
        for c in sel.iterfind("q:Coding", NS):
            code = codes[c.find("q:CodeRef", NS).get("targetGUID")]
            if c.get("creatingUser"):
                out["codings"].append({"code": code, "text": text[a:b]})
            else:
                out["segments"] += 1
print(json.dumps(out))
"#;

fn read_qdpx(path: &Path) -> serde_json::Value {
    let out = Command::new("python3")
        .arg("-c")
        .arg(QDPX_READER)
        .arg(path)
        .output()
        .expect("python3 reads the qdpx");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

/// Two sessions, a hostile note and two coders' codings, exported as .qdpx and .qdc to `q/`.
fn exported() -> Set {
    let set = collated();
    let dir = set.dir.path();
    let db = CollationDb::open(&dir.join("c.db")).expect("db");
    db.add_coding(&coding(
        &set.chad,
        CHAD,
        "<script>alert(1)</script>",
        "lack_of_knowledge",
        "ana",
    ))
    .expect("coding");
    db.add_coding(&coding(
        &set.mali,
        MALI,
        "under another label",
        "parallel_systems",
        "ben",
    ))
    .expect("coding");
    drop(db);
    let (code, out, err) = stocktake(
        dir,
        &[
            "report", "--db", "c.db", "--out", "q", "--format", "qdpx,qdc",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "wrote q/project.qdpx\nwrote q/codebook.qdc\n");
    set
}

#[test]
fn the_qdpx_reads_back_with_cases_variables_segments_and_codings_and_its_guids_are_stable() {
    let set = exported();
    let dir = set.dir.path();
    let p = read_qdpx(&dir.join("q/project.qdpx"));
    let cases = p["cases"].as_array().expect("cases");
    assert_eq!(cases.len(), 2);
    let mali = cases
        .iter()
        .find(|c| c["name"] == "Mali · Protection Cluster")
        .expect("Mali");
    assert_eq!(
        mali["values"]["tip_engagement"],
        "Aware of anecdotal information on TIP prevalence"
    );
    assert_eq!(mali["values"]["response"], "Mali");
    assert_eq!(
        mali["values"]["tip_forms"], "not applicable (hidden by skip logic)",
        "hidden questions say so, not blank"
    );
    let mut codings: Vec<(String, String)> = p["codings"]
        .as_array()
        .expect("codings")
        .iter()
        .map(|c| {
            (
                c["code"].as_str().unwrap_or("").to_string(),
                c["text"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    codings.sort();
    assert_eq!(
        codings,
        [
            (
                "Lack of knowledge".to_string(),
                "<script>alert(1)</script>".to_string()
            ),
            (
                "Parallel systems and labels".to_string(),
                "under another label".to_string()
            ),
        ],
        "each coding covers exactly its words"
    );
    assert_eq!(
        p["segments"], 4,
        "two notes, each coded with its question and section"
    );
    // Exported again: the same GUIDs, so a QDA program merges rather than duplicates.
    let (code, _, err) = stocktake(
        dir,
        &["report", "--db", "c.db", "--out", "q2", "--format", "qdpx"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(read_qdpx(&dir.join("q2/project.qdpx"))["guids"], p["guids"]);
    let qdc = std::fs::read_to_string(dir.join("q/codebook.qdc")).expect("qdc");
    assert!(qdc.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\""), "{qdc}");
    assert!(qdc.contains(&format!(
        "<Code guid=\"{}\" name=\"Lack of knowledge\" isCodable=\"true\">",
        stocktake::report::guid("code", "lack_of_knowledge")
    )));
}

mod needs_python {
    use super::*;

    /// Validates each (schema, document) pair with `xmlschema`; prints one line per
    /// document, `ok` or the validator's first reason.
    const VALIDATE: &str = r#"
import sys, zipfile, xmlschema
pairs = sys.argv[1:]
bad = 0
for schema, doc in zip(pairs[0::2], pairs[1::2]):
    if doc.endswith(".qdpx"):
        text = zipfile.ZipFile(doc).read("project.qde")
    else:
        text = open(doc, "rb").read()
    try:
        xmlschema.XMLSchema(schema).validate(text.decode("utf-8"))
        print("ok", doc)
    except xmlschema.XMLSchemaValidationError as e:
        bad += 1
        print("invalid", doc, e.reason)
sys.exit(1 if bad else 0)
"#;

    fn validate(pairs: &[(&Path, &Path)]) -> (bool, String) {
        let mut cmd = Command::new("python3");
        cmd.arg("-c").arg(VALIDATE);
        for (schema, doc) in pairs {
            cmd.arg(schema).arg(doc);
        }
        let out = cmd.output().expect("python3 with xmlschema");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains("ModuleNotFoundError"),
            "xmlschema is not installed: pip install xmlschema ({stderr})"
        );
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    }

    fn schemas() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/refi-qda")
    }

    #[test]
    #[ignore = "needs Python's xmlschema; .ci/run installs it"]
    fn the_qdpx_and_the_qdc_validate_against_the_refi_qda_schemas() {
        let set = exported();
        let q = set.dir.path().join("q");
        let (project, codebook) = (
            schemas().join("project.xsd"),
            schemas().join("codebook.xsd"),
        );
        let (qdpx, qdc) = (q.join("project.qdpx"), q.join("codebook.qdc"));
        let (valid, said) = validate(&[(&project, &qdpx), (&codebook, &qdc)]);
        assert!(valid, "{said}");
        // The published schemas themselves, where a collator has them (see the README there).
        if let Some(dir) = std::env::var_os("STOCKTAKE_REFI_QDA_XSD") {
            let dir = std::path::PathBuf::from(dir);
            let find = |prefix: &str| {
                std::fs::read_dir(&dir)
                    .expect("STOCKTAKE_REFI_QDA_XSD is a folder")
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .find(|p| {
                        p.file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".xsd"))
                    })
                    .unwrap_or_else(|| panic!("no {prefix}*.xsd in {}", dir.display()))
            };
            let (published_project, published_codebook) = (find("Project"), find("Codebook"));
            let (valid, said) =
                validate(&[(&published_project, &qdpx), (&published_codebook, &qdc)]);
            assert!(valid, "published schemas: {said}");
        }
    }

    /// The validator refuses what the standard refuses: without this, a validator that
    /// accepted anything would pass the test above.
    #[test]
    #[ignore = "needs Python's xmlschema; .ci/run installs it"]
    fn the_refi_qda_schemas_refuse_a_project_that_breaks_the_standard() {
        let set = exported();
        let q = set.dir.path().join("q");
        let qdc = std::fs::read_to_string(q.join("codebook.qdc")).expect("qdc");
        let broken = [
            // A GUID that is not one.
            qdc.replacen("guid=\"", "guid=\"not-a-guid-", 1),
            // isCodable is required.
            qdc.replacen(" isCodable=\"true\"", "", 1),
            // An element the standard does not have.
            qdc.replacen("<Codes>", "<Codes><Colour/>", 1),
        ];
        for (n, text) in broken.iter().enumerate() {
            assert_ne!(text, &qdc, "mutation {n} changed nothing");
            let doc = q.join(format!("broken-{n}.qdc"));
            std::fs::write(&doc, text).expect("write");
            let (valid, said) = validate(&[(&schemas().join("codebook.xsd"), &doc)]);
            assert!(!valid, "mutation {n} accepted: {said}");
        }
        // The project's sections out of the standard's order.
        let out = Command::new("python3")
            .arg("-c")
            .arg(
                "import sys, zipfile, re\n\
                 z = zipfile.ZipFile(sys.argv[1]); t = z.read('project.qde').decode()\n\
                 v = re.search(r'<Variables>.*?</Variables>', t, re.S).group(0)\n\
                 t = t.replace(v, '').replace('</Cases>', '</Cases>' + v)\n\
                 o = zipfile.ZipFile(sys.argv[2], 'w'); o.writestr('project.qde', t); o.close()",
            )
            .arg(q.join("project.qdpx"))
            .arg(q.join("reordered.qdpx"))
            .output()
            .expect("python3");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let (valid, said) =
            validate(&[(&schemas().join("project.xsd"), &q.join("reordered.qdpx"))]);
        assert!(!valid, "Variables after Cases accepted: {said}");
    }
}
