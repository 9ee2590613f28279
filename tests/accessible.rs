//! The accessible mode: plain lines in reading order, every answer read as a line, and
//! everything saved as the full screen saves it. Driven through the real binary, with
//! piped input and in tmux.

mod support;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use stocktake::session::{Special, Status, Value};
use stocktake::store::{Store, system_clock};

fn accessible(dir: &Path, script: &str, env: &[(&str, &str)]) -> (i32, String) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_stocktake"));
    c.arg("--accessible")
        .env("STOCKTAKE_DATA_DIR", dir.join("data"))
        .env("STOCKTAKE_CONFIG", dir.join("no-config.toml"))
        .env("USER", "amina")
        // The words follow the locale where nothing chose them: these read English ones.
        .env("LC_ALL", "C")
        .env_remove("STOCKTAKE_UI_LANGUAGE")
        .env_remove("STOCKTAKE_OUTBOX")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        c.env(k, v);
    }
    let mut child = c.spawn().expect("run stocktake");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(script.as_bytes())
        .expect("script");
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn store(dir: &Path) -> Store {
    Store::open(&dir.join("data"), system_clock())
        .expect("store")
        .0
}

#[test]
fn a_call_is_captured_line_by_line_and_saved_as_the_full_screen_saves_it() {
    let dir = tempfile::tempdir().expect("dir");
    let outbox = dir.path().join("outbox");
    std::fs::create_dir(&outbox).expect("outbox");
    let script = "new\n\nSouth Sudan\n1,2\n\n\
        y\n1,3\n\
        note Two crises: Juba and the north.\n\
        pad Call the GBV AOR next week on +211 912 345 678.\n\
        find engage\n3\n\
        structure 2\nn\ndeclined\n\
        structure 1\nreview\ncomplete\ns\nleave\nquit\n";
    let out_env = outbox.display().to_string();
    let (code, out) = accessible(dir.path(), script, &[("STOCKTAKE_OUTBOX", &out_env)]);
    assert_eq!(code, 0, "{out}");
    // The first prompt, in reading order: where, the question, guidance, the answer so far.
    assert!(
        out.contains("Protection Cluster. Section 1 of 7: Call and respondents.\nQuestion 1 of 28, required: Did the participants agree to notes being taken?\nGuidance: "),
        "{out}"
    );
    assert!(
        out.contains(
            "Options, several may be given:\n1. Internally displaced persons (IDPs)\n2. Refugees\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("Current answer: Internally displaced persons (IDPs); Migrants.")
            || out.contains("Question 3 of 28"),
        "{out}"
    );
    assert!(
        out.contains("Now recording for Child Protection AOR."),
        "{out}"
    );
    assert!(out.contains("Review of Protection Cluster:\n1. Did the participants agree to notes being taken?: yes\n2. Which population groups does the response cover?: Internally displaced persons (IDPs); Migrants\n3. Does the country have several crises in different geographic areas?: none; note: Two crises: Juba and the north."), "{out}");
    assert!(
        out.contains("1 general note:\n- Call the GBV AOR next week on +211 912 345 678."),
        "{out}"
    );
    // The guard before completing, as on the full screen: the phone number, marked sensitive.
    assert!(
        out.contains("Check 1 of 1: a phone number in general note 1: \"+211 912 345 678\"."),
        "{out}"
    );
    assert!(out.contains("Completed: Protection Cluster."), "{out}");
    assert!(out.contains("Sent: 1 file written to"), "{out}");

    let st = store(dir.path());
    let rows = st.summaries().expect("summaries");
    assert_eq!(rows.len(), 2);
    let pc = rows
        .iter()
        .find(|r| r.structure == "protection_cluster")
        .expect("pc");
    let cp = rows.iter().find(|r| r.structure == "cp_aor").expect("cp");
    let pc = st.load_session(&pc.id).expect("pc");
    let cp = st.load_session(&cp.id).expect("cp");
    assert_eq!(pc.status, Status::Completed);
    assert_eq!(pc.answers["consent"].value, Some(Value::YesNo(true)));
    assert_eq!(
        pc.answers["populations"].value,
        Some(Value::Choices(vec!["idps".into(), "migrants".into()]))
    );
    assert_eq!(
        pc.answers["multiple_crises"].note,
        "Two crises: Juba and the north."
    );
    assert_eq!(
        pc.answers["tip_engagement"].value,
        Some(Value::Choice("anecdotal_only".into()))
    );
    assert!(pc.notes[0].sensitive, "marked sensitive at the check");
    assert_eq!(pc.interviewer, "amina");
    assert_eq!(cp.answers["consent"].value, Some(Value::YesNo(false)));
    assert_eq!(cp.answers["populations"].special, Some(Special::Declined));
    assert_eq!(
        std::fs::read_dir(&outbox).expect("outbox").count(),
        1,
        "the completed session was sent"
    );
}

#[test]
fn a_wrong_answer_changes_nothing_and_says_why() {
    let dir = tempfile::tempdir().expect("dir");
    let (code, out) = accessible(
        dir.path(),
        "new\n\nChad\n9\nnew\n\nChad\n2\n\nmaybe\ny\n7\nfind baseline\n12x\nopen\nleave\nopen 5\nquit\n",
        &[],
    );
    assert_eq!(code, 0);
    assert!(
        out.contains("Nothing created: \"9\" is not a respondent's number."),
        "{out}"
    );
    assert!(out.contains("Not saved: answer y or n."), "{out}");
    assert!(
        out.contains(
            "Not saved: \"7\" is not an option's number (1 to 5). Type help for the commands."
        ),
        "{out}"
    );
    assert!(
        out.contains("Give the number of a session in the list, e.g. open 1."),
        "{out}"
    );
    let st = store(dir.path());
    let rows = st.summaries().expect("summaries");
    assert_eq!(rows.len(), 1, "one call: the refused one created nothing");
    let s = st.load_session(&rows[0].id).expect("session");
    assert_eq!(s.answers["consent"].value, Some(Value::YesNo(true)));
    assert!(!s.answers.contains_key("populations"));
}

#[test]
fn the_accessible_mode_in_tmux_prints_lines_a_screen_reader_reads_in_order() {
    let dir = tempfile::tempdir().expect("dir");
    let t = support::tmux::Tmux::new("accessible", dir.path());
    let data = dir.path().join("data").display().to_string();
    let cfg = dir.path().join("no-config.toml").display().to_string();
    t.start(
        "a",
        (80, 24),
        dir.path(),
        &[
            ("STOCKTAKE_DATA_DIR", &data),
            ("STOCKTAKE_CONFIG", &cfg),
            ("STOCKTAKE_ACCESSIBLE", "1"),
            ("USER", "amina"),
        ],
        &[env!("CARGO_BIN_EXE_stocktake")],
        "Command (new, open N, help, quit):",
    );
    for line in ["new", "", "Iraq", "3", ""] {
        t.type_text("a", line);
        t.keys("a", &["Enter"]);
    }
    let s = t.wait_for("a", "Answer or command");
    assert!(
        s.contains("GBV AOR. Section 1 of 7: Call and respondents."),
        "{s}"
    );
    assert!(
        s.contains("Question 1 of 28, required: Did the participants agree to notes"),
        "{s}"
    );
    // Nothing addresses the cursor or clears the screen: what was printed stays above.
    let history = t.cmd(&["capture-pane", "-p", "-S", "-100", "-t", "a"]);
    assert!(history.contains("stocktake, accessible mode."), "{history}");
    t.type_text("a", "y");
    t.keys("a", &["Enter"]);
    t.wait_for("a", "Saved: yes.");
    t.type_text("a", "leave");
    t.keys("a", &["Enter"]);
    t.wait_for(
        "a",
        "1. Iraq · GBV AOR, in progress, 1 of 2 required answered",
    );
    t.type_text("a", "quit");
    t.keys("a", &["Enter"]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !t.dead("a") {
        assert!(std::time::Instant::now() < deadline, "quit leaves");
        std::thread::sleep(std::time::Duration::from_millis(40));
    }
    let st = store(dir.path());
    let rows = st.summaries().expect("rows");
    assert_eq!(rows[0].required_answered, 1);
}

/// A French locale and a call held in French: every line in French, and the French
/// command words (`partir`, `quitter`) understood, as a screen reader user would type them.
#[test]
fn the_accessible_mode_in_french_in_tmux() {
    let dir = tempfile::tempdir().expect("dir");
    let t = support::tmux::Tmux::new("accessible-fr", dir.path());
    let data = dir.path().join("data").display().to_string();
    let cfg = dir.path().join("no-config.toml").display().to_string();
    t.start(
        "a",
        (80, 24),
        dir.path(),
        &[
            ("STOCKTAKE_DATA_DIR", &data),
            ("STOCKTAKE_CONFIG", &cfg),
            ("STOCKTAKE_ACCESSIBLE", "1"),
            ("LC_ALL", "fr_FR.UTF-8"),
            ("USER", "amina"),
        ],
        &[env!("CARGO_BIN_EXE_stocktake")],
        "Commande (nouveau, ouvrir N, aide, quitter)\u{a0}:",
    );
    let history = t.cmd(&["capture-pane", "-p", "-S", "-100", "-t", "a"]);
    assert!(history.contains("Pas encore de session."), "{history}");
    for line in ["nouveau", "", "Irak", "3", "fr"] {
        t.type_text("a", line);
        t.keys("a", &["Enter"]);
    }
    let s = t.wait_for("a", "Réponse ou commande (aide les liste)\u{a0}:");
    assert!(
        s.contains("Domaine de responsabilité VBG. Section 1 sur 7\u{a0}:"),
        "{s}"
    );
    // The respondents were offered in French too, before the call's language was asked.
    let history = t.cmd(&["capture-pane", "-p", "-S", "-100", "-t", "a"]);
    assert!(
        history.contains("1. Cluster Protection\n2. Domaine de responsabilité Protection de l'enfance\n3. Domaine de responsabilité VBG"),
        "{history}"
    );
    assert!(s.contains("Question 1 sur 28, obligatoire\u{a0}:"), "{s}");
    assert!(s.contains("Réponse actuelle\u{a0}: aucune."), "{s}");
    t.type_text("a", "aide");
    t.keys("a", &["Enter"]);
    t.wait_for("a", "partir\u{a0}: retour à la liste");
    t.type_text("a", "o");
    t.keys("a", &["Enter"]);
    t.wait_for("a", "Enregistré\u{a0}: oui.");
    t.type_text("a", "partir");
    t.keys("a", &["Enter"]);
    // The structure by its French name, as the interview said it.
    t.wait_for(
        "a",
        "1. Irak · Domaine de responsabilité VBG, en cours, 1 sur 2",
    );
    t.type_text("a", "quitter");
    t.keys("a", &["Enter"]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !t.dead("a") {
        assert!(std::time::Instant::now() < deadline, "quitter leaves");
        std::thread::sleep(std::time::Duration::from_millis(40));
    }
    assert_eq!(
        store(dir.path()).summaries().expect("rows")[0].required_answered,
        1
    );
}

#[test]
fn an_answer_that_starts_with_a_command_word_is_typed_after_an_equals_sign() {
    let dir = tempfile::tempdir().expect("dir");
    let (code, out) = accessible(
        dir.path(),
        "new\n\nMali\n1\n\ny\nfind promising\n= note-taking sessions with the police\nleave\nquit\n",
        &[],
    );
    assert_eq!(code, 0, "{out}");
    let st = store(dir.path());
    let rows = st.summaries().expect("rows");
    let s = st.load_session(&rows[0].id).expect("session");
    assert_eq!(
        s.answers["promising_practices"].value,
        Some(Value::Text("note-taking sessions with the police".into()))
    );
}

#[test]
fn a_typed_answer_that_starts_with_back_is_kept_and_completing_says_what_is_missing_first() {
    let dir = tempfile::tempdir().expect("dir");
    let (code, out) = accessible(
        dir.path(),
        "new\n\nMali\n1\n\ny\nfind promising\nback in 2015 a manual for front-line workers\npad Call +223 70 12 34 56 tomorrow.\ncomplete\nleave\nquit\n",
        &[],
    );
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("Saved: back in 2015 a manual for front-line workers."),
        "{out}"
    );
    // A required answer is missing: said before any check of the phone number.
    assert!(out.contains("Not completed: "), "{out}");
    assert!(!out.contains("Check 1 of 1"), "{out}");
    let st = store(dir.path());
    let rows = st.summaries().expect("rows");
    let s = st.load_session(&rows[0].id).expect("session");
    assert_eq!(
        s.answers["promising_practices"].value,
        Some(Value::Text(
            "back in 2015 a manual for front-line workers".into()
        ))
    );
}

/// Issue 16: a coordinator who drops off. `rest` asks, then marks the rest of the section
/// not asked, as Alt-S does on the full screen; `rest guide` to the end, leaving the
/// required classification.
#[test]
fn rest_marks_the_rest_of_the_section_not_asked_after_asking() {
    let dir = tempfile::tempdir().expect("dir");
    let script = "new\n\nIraq\n1\n\ny\n\
        find mechanism coord\nrest\nn\nrest\ny\n\
        rest guide\ny\nleave\nquit\n";
    let (code, out) = accessible(dir.path(), script, &[]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("Mark 8 questions from here to the end of this section not asked? Answered and required questions stay."),
        "{out}"
    );
    assert!(out.contains("Nothing marked."), "{out}");
    assert!(
        out.contains("Saved: 8 questions marked not asked."),
        "{out}"
    );
    // On to the next section, where `rest guide` reaches the end.
    assert!(
        out.contains("Section 4 of 7: Activities and practices."),
        "{out}"
    );
    let st = store(dir.path());
    let row = &st.summaries().expect("summaries")[0];
    let s = st.load_session(&row.id).expect("session");
    assert_eq!(s.answers["tip_mechanism"].special, Some(Special::NotAsked));
    assert_eq!(s.answers["tip_activities"].special, Some(Special::NotAsked));
    assert_eq!(s.answers["limitations"].special, Some(Special::NotAsked));
    assert!(
        !s.answers.contains_key("tip_engagement"),
        "required: left open"
    );
    assert_eq!(s.answers["consent"].value, Some(Value::YesNo(true)));
}

#[test]
fn the_read_back_is_printed_in_reading_order_and_the_coordinators_answer_saved() {
    let dir = tempfile::tempdir().expect("dir");
    // Consent, then the classification; read back, corrections asked, then confirmed.
    let script = "new\n\nJuba\n1\n\ny\nfind overall\n1\n\
        readback\nn\nreadback\ny\nleave\nquit\n";
    let (code, out) = accessible(dir.path(), script, &[]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("Read back to the Protection Cluster. Read this to the coordinator, then ask whether it is right.\nClassification:\nOverall, how does this structure engage with trafficking in persons?: Mechanisms in place, e.g. a TIP working group\nWhat was said:"),
        "{out}"
    );
    assert!(
        out.contains("What was said:\nDid the participants agree to notes being taken?: yes"),
        "{out}"
    );
    assert!(out.contains("Saved: corrections asked."), "{out}");
    assert!(
        out.contains("Last read back at "),
        "the second read-back says the first: {out}"
    );
    assert!(
        out.contains("Saved: read back and confirmed by the coordinator."),
        "{out}"
    );
    let st = store(dir.path());
    let id = st.summaries().expect("summaries").remove(0).id;
    let rb = st
        .load_session(&id)
        .expect("session")
        .read_back
        .expect("recorded");
    assert!(rb.confirmed, "the last answer stands");
}

#[test]
fn how_an_answer_came_to_be_is_marked_by_words_as_the_full_screen_marks_it() {
    let dir = tempfile::tempdir().expect("dir");
    // No, the definition explained, yes; two forms, one volunteered and one prompted.
    let script = "new\n\nJuba\n1\n\ny\nfind perceived\nn\nback\ndefinition\ny\n\
        1,3\nback\nvolunteered 3\nprompted 1\nvolunteered 2\nsaid\nleave\nquit\n";
    let (code, out) = accessible(dir.path(), script, &[]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(
            "Definition explained: the answer before it is kept (no). Type the answer the coordinator gives now."
        ),
        "{out}"
    );
    assert!(out.contains("Forced labour: volunteered."), "{out}");
    assert!(out.contains("Sexual exploitation: prompted."), "{out}");
    assert!(
        out.contains("Nothing chosen to mark: answer first, or give the number of a chosen option (volunteered 3)."),
        "option 2 is not ticked: {out}"
    );
    // The form's first participant is the structure's coordinator.
    assert!(
        out.contains("Said by Protection Cluster Coordinator (said again: the next participant)."),
        "{out}"
    );
    let st = store(dir.path());
    let id = st.summaries().expect("summaries").remove(0).id;
    let s = st.load_session(&id).expect("session");
    let issue = &s.answers["tip_is_issue"];
    assert_eq!(issue.value, Some(Value::YesNo(true)));
    assert_eq!(
        issue
            .provenance
            .before_definition
            .as_ref()
            .and_then(|e| e.value.clone()),
        Some(Value::YesNo(false))
    );
    assert_eq!(
        s.answers["tip_forms"].elicited_now(),
        vec![
            (
                "sexual_exploitation",
                stocktake::session::Elicited::Prompted
            ),
            ("forced_labour", stocktake::session::Elicited::Volunteered)
        ],
        "in the guide's order"
    );
    assert!(s.answers["tip_forms"].said_by.is_some());
}

#[test]
fn the_call_language_is_offered_by_name_chosen_by_name_or_code_and_asked_again_when_unknown() {
    let dir = tempfile::tempdir().expect("dir");
    let script = "new\n\nSouth Sudan\n1\nklingon\nFRANÇAIS\nquit\n";
    let (code, out) = accessible(dir.path(), script, &[]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("one of English (en), Français (fr) (Enter: English (en)):"),
        "{out}"
    );
    assert!(
        out.contains("\"klingon\" is not a language of this guide; type one of English (en), Français (fr), or Enter for the default."),
        "{out}"
    );
    let st = store(dir.path());
    let rows = st.summaries().expect("summaries");
    assert_eq!(rows.len(), 1, "{out}");
    let s = st.load_session(&rows[0].id).expect("session");
    assert_eq!(s.language, "fr", "chosen by its name, in capitals");
}
