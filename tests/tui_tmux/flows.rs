//! Whole flows an interviewer goes through: a call with two structures, one joining late, consent refused and the check before sending, the plan, letters typed on a choice question.

use super::*;

#[test]
fn a_complete_interview_with_two_structures() {
    let t = Tmux::new("full");
    t.start("s", 80, 24);
    t.wait_for("s", "No interviews yet. Press n to start a call.");
    new_call(&t, "s");
    let screen = t.wait_for("s", "2 CP AOR");
    assert!(screen.contains("South Sudan · Protection Cluster"));
    // Consent (a first yes/no answer moves on by itself), a multi choice and its note.
    t.keys("s", &["1"]);
    t.wait_for("s", "Which population groups");
    t.keys("s", &["1", "3", "Tab"]);
    t.type_text("s", "Mostly IDPs in the north.");
    t.wait_for("s", "Mostly IDPs in the north.");
    // A general note, from anywhere.
    t.keys("s", &["C-g"]);
    t.wait_for("s", "General notes of the Protection Cluster (0)");
    t.type_text("s", "Mentions a GBV hotline that records TIP cases.");
    t.wait_for("s", "General notes of the Protection Cluster (1)");
    t.escape("s", "Which population groups");
    // A jump by search, then a skip-logic branch.
    t.keys("s", &["C-f"]);
    t.wait_for("s", "Find a question");
    t.type_text("s", "aware of anti");
    t.keys("s", &["Enter"]);
    t.wait_for("s", "Are you aware of anti-trafficking efforts");
    t.keys("s", &["1"]);
    t.wait_for("s", "Are those efforts discussed or reported");
    t.keys("s", &["2"]);
    // The other structure, with its own place.
    t.keys("s", &["C-t"]);
    t.wait_for("s", "South Sudan · CP AOR");
    t.keys("s", &["1", "C-f"]);
    t.wait_for("s", "Find a question");
    t.type_text("s", "overall");
    t.keys("s", &["Enter"]);
    t.wait_for("s", "Overall, how does this structure engage");
    t.keys("s", &["3", "M-r"]);
    t.wait_for("s", "Review:");
    t.keys("s", &["c"]);
    t.wait_for("s", "Complete session");
    t.keys("s", &["y"]);
    t.wait_for("s", "Session completed");
    // Back to the cluster: classify and complete; the call is done, the list returns.
    t.keys("s", &["C-t"]);
    t.wait_for("s", "South Sudan · Protection Cluster");
    t.keys("s", &["C-f"]);
    t.wait_for("s", "Find a question");
    t.type_text("s", "overall");
    t.keys("s", &["Enter"]);
    t.wait_for("s", "Overall, how does this structure engage");
    t.keys("s", &["2", "M-r", "c"]);
    t.wait_for("s", "Complete session");
    t.keys("s", &["y"]);
    let home = t.wait_for("s", "RESPONSE");
    // Rows, not the status line's "Session completed", which ends its line.
    let rows = home.lines().filter(|l| l.contains("completed ")).count();
    assert_eq!(rows, 2, "{home}");
    t.keys("s", &["q"]);

    let store = t.store();
    let rows = store.summaries().expect("list");
    assert_eq!(rows.len(), 2);
    let pc = store
        .load_session(
            &rows
                .iter()
                .find(|r| r.structure == "protection_cluster")
                .expect("pc")
                .id,
        )
        .expect("pc");
    let cp = store
        .load_session(
            &rows
                .iter()
                .find(|r| r.structure == "cp_aor")
                .expect("cp")
                .id,
        )
        .expect("cp");
    assert_eq!(
        (pc.status, cp.status),
        (Status::Completed, Status::Completed)
    );
    assert_eq!(
        pc.answers["populations"].value,
        Some(Value::Choices(vec!["idps".into(), "migrants".into()]))
    );
    assert_eq!(pc.answers["populations"].note, "Mostly IDPs in the north.");
    assert_eq!(
        pc.answers["other_efforts_reported"].value,
        Some(Value::Choice("reported_not_discussed".into()))
    );
    assert_eq!(
        pc.answers["tip_engagement"].value,
        Some(Value::Choice("aware_not_discussed".into()))
    );
    assert_eq!(
        cp.answers["tip_engagement"].value,
        Some(Value::Choice("anecdotal_only".into()))
    );
    assert_eq!(
        pc.notes[0].text,
        "Mentions a GBV hotline that records TIP cases."
    );
}

#[test]
fn a_structure_that_joins_late_gets_its_own_tab() {
    let t = Tmux::new("join");
    t.start("j", 80, 24);
    new_call(&t, "j");
    t.keys("j", &["1", "+"]);
    let panel = t.wait_for("j", "Add a structure that joined the call");
    // The structures not on the call yet, then Other.
    assert!(
        panel.contains("▸ GBV AOR") && panel.contains("Other, named below"),
        "{panel}"
    );
    assert!(
        !panel.contains("  Child Protection AOR"),
        "already on the call"
    );
    // Who joined: the GBV AOR coordinator, from UNFPA.
    t.keys("j", &["Tab"]);
    t.type_text("j", "UNFPA");
    t.wait_for("j", "UNFPA");
    t.keys("j", &["Enter"]);
    let screen = t.wait_for("j", "South Sudan · GBV AOR");
    assert!(screen.contains("3 GBV AOR"), "{screen}");
    assert!(screen.contains("(•) Yes"), "the call's consent: {screen}");
    // An Other needs its name; typing it moves the choice there.
    t.keys("j", &["+"]);
    t.wait_for("j", "Add a structure that joined the call");
    t.type_text("j", "Shelter Cluster");
    t.keys("j", &["Enter"]);
    t.wait_for("j", "South Sudan · Shelter Cluster");
    t.keys("j", &["Escape"]);
    t.wait_for("j", "4 sessions");
    t.keys("j", &["q"]);

    let store = t.store();
    let rows = store.summaries().expect("list");
    assert_eq!(rows.len(), 4);
    let call = &rows[0].call_id;
    assert!(rows.iter().all(|r| &r.call_id == call), "one call");
    let other = rows
        .iter()
        .find(|r| r.structure == "other")
        .expect("the other structure");
    assert_eq!(other.structure_label, "Shelter Cluster");
    let gbv = store
        .load_session(
            &rows
                .iter()
                .find(|r| r.structure == "gbv_aor")
                .expect("gbv")
                .id,
        )
        .expect("gbv");
    assert_eq!(gbv.answers["consent"].value, Some(Value::YesNo(true)));
    // The call's participant, and the coordinator who joined with the GBV AOR.
    let who: Vec<(&str, &str)> = gbv
        .participants
        .iter()
        .map(|p| (p.role.as_str(), p.organisation.as_str()))
        .collect();
    assert_eq!(who.len(), 2, "{who:?}");
    assert_eq!(who[1], ("gbv_aor_coordinator", "UNFPA"), "{who:?}");
}

#[test]
fn consent_refused_and_the_check_before_sending_through_the_real_binary() {
    let t = Tmux::new("privacy");
    t.start("s", 80, 24);
    t.wait_for("s", "No interviews yet");
    // A call where notes may be taken: a phone number in a note is checked before sending.
    t.keys("s", &["n"]);
    t.wait_for("s", "New call");
    t.type_text("s", "Iraq");
    t.keys("s", &["C-s"]);
    t.wait_for("s", "Q 1/28");
    // Consent moves on by itself; PgUp comes back to note on it.
    t.keys("s", &["1", "PageUp", "Tab"]);
    t.type_text("s", "Call +964 770 123 4567");
    t.wait_for("s", "+964 770 123 4567");
    t.escape("s", "Esc home");
    t.keys("s", &["C-f"]);
    t.wait_for("s", "Find a question");
    t.type_text("s", "overall");
    t.keys("s", &["Enter"]);
    t.wait_for("s", "Overall, how does this structure engage");
    t.keys("s", &["1", "M-r", "c"]);
    t.wait_for("s", "Before sending: 1 finding to decide");
    t.keys("s", &["x"]);
    t.wait_for("s", "Nothing left to check");
    t.keys("s", &["c"]);
    t.wait_for("s", "Complete session");
    t.keys("s", &["y"]);
    t.wait_for("s", "RESPONSE");
    // A call whose participants refused: said in the header, and a note is not kept.
    t.keys("s", &["n"]);
    t.wait_for("s", "New call");
    t.type_text("s", "Mali");
    for _ in 0..9 {
        t.keys("s", &["Tab"]);
    }
    t.keys("s", &["Right", "Right"]);
    t.wait_for("s", "◀ no ▶");
    t.keys("s", &["C-s"]);
    t.wait_for("s", "NO CONSENT");
    t.keys("s", &["Tab"]);
    t.type_text("s", "secret");
    t.wait_for("s", "No consent to take notes");
    assert!(!t.screen("s").contains("secret"), "{}", t.screen("s"));
    t.escape("s", "NO CONSENT");
    // q on the interview asks first: a q typed by mistake must not end the call.
    t.keys("s", &["q"]);
    t.wait_for("s", "Quit stocktake?");
    t.keys("s", &["q"]);
    let store = t.store();
    let rows = store.summaries().expect("list");
    let iraq = rows.iter().find(|r| r.response == "Iraq").expect("iraq");
    let s = store.load_session(&iraq.id).expect("iraq");
    assert_eq!(s.answers["consent"].note, "Call [redacted]");
    let mali = rows.iter().find(|r| r.response == "Mali").expect("mali");
    let s = store.load_session(&mali.id).expect("mali");
    assert!(s.answers.values().all(|a| a.note.is_empty()));
}

#[test]
fn the_plan_screen_through_the_real_binary() {
    let t = Tmux::new("plan");
    let csv = t.path().join("campaign.csv");
    std::fs::write(
        &csv,
        "response;structure;coordinator;organisation;timezone;contact\nSouth Sudan;Protection Cluster;Amina Yusuf;UNHCR;Africa/Juba;+211 912\u{1b}[2J\nIraq;gbv_aor;Dana;UNFPA;Asia/Baghdad;dana@example.org\n",
    )
    .expect("csv");
    let out = Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(["plan", "import", &csv.display().to_string()])
        .env("STOCKTAKE_DATA_DIR", t.path().join("data"))
        .env("STOCKTAKE_CONFIG", t.path().join("no-config.toml"))
        .output()
        .expect("import");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    t.start("s", 80, 24);
    t.wait_for("s", "campaign: 0 done, 2 due now, 0 left");
    t.keys("s", &["p"]);
    t.wait_for("s", "Campaign · 0 done · 2 due now");
    t.wait_for("s", "Amina Yusuf · UNHCR");
    // A contact's escape sequence is shown, not obeyed.
    t.wait_for("s", "+211 912\\u{1b}[2J");
    // Busy on the first target (it then waits, below the one not tried); a callback for
    // the other, now at the top, in two hours.
    t.keys("s", &["o"]);
    t.wait_for("s", "Outcome: South Sudan");
    t.keys("s", &["5"]);
    t.wait_for("s", "Logged South Sudan · Protection Cluster: busy");
    t.keys("s", &["g", "o", "3"]);
    t.wait_for("s", "When should they be called again?");
    t.type_text("s", "+2h");
    t.keys("s", &["Enter"]);
    t.wait_for("s", "Logged Iraq · GBV AOR: call back");
    t.escape("s", "campaign: 0 done");
    t.keys("s", &["q"]);
    let store = t.store();
    let attempts = store.attempts().expect("attempts");
    assert_eq!(attempts.len(), 2, "{attempts:?}");
    assert!(
        attempts
            .iter()
            .any(|a| a.target == "iraq/gbv_aor" && a.callback.is_some())
    );
}

/// Issue 16's repro: letters typed where no field was being edited ran commands (`t`
/// switched the structure and typed into its answer; `L` switched the call to French;
/// Space unticked an option). Now a letter on a choice starts the question's note, framed
/// as the field typed in, also without colour.
#[test]
fn letters_on_a_choice_question_go_into_its_note_not_into_commands() {
    let t = Tmux::new("repro16");
    t.start_with(
        "s",
        80,
        24,
        env!("CARGO_BIN_EXE_stocktake"),
        &["NO_COLOR=1"],
    );
    t.wait_for("s", "No interviews yet");
    t.keys("s", &["n"]);
    t.wait_for("s", "New call");
    t.type_text("s", "Repro");
    t.keys("s", &["Tab", "Right", "Space", "C-s"]);
    t.wait_for("s", "2 CP AOR");
    // The CP AOR: a long text answer.
    t.keys("s", &["C-t"]);
    t.wait_for("s", "Repro · CP AOR");
    t.keys("s", &["C-f"]);
    t.wait_for("s", "Find a question");
    t.type_text("s", "promising");
    t.keys("s", &["Enter"]);
    t.wait_for("s", "What promising practices");
    t.type_text("s", "CP text.");
    t.wait_for("s", "CP text.");
    t.escape("s", "▸ Answer");
    t.keys("s", &["C-t"]);
    t.wait_for("s", "Repro · Protection Cluster");
    // The cluster: a choice question, and words typed on it.
    t.keys("s", &["C-f"]);
    t.wait_for("s", "Find a question");
    t.type_text("s", "baseline");
    t.keys("s", &["Enter"]);
    t.wait_for("s", "Is there a baseline");
    t.type_text("s", "the note");
    let screen = t.wait_for("s", "the note");
    assert!(screen.contains("✎ Note · TYPING"), "{screen}");
    assert!(screen.contains("Repro · Protection Cluster"), "{screen}");
    // A multi choice with a tick, then a sentence full of the old command letters.
    t.escape("s", "▸ Answer");
    t.keys("s", &["C-f"]);
    t.wait_for("s", "Find a question");
    t.type_text("s", "population groups");
    t.keys("s", &["Enter"]);
    t.wait_for("s", "Which population groups");
    t.keys("s", &["1"]);
    t.wait_for("s", "[x]");
    let sentence = "Line dropped twice; GBV AOR coordinator left after 30 minutes.";
    t.type_text("s", sentence);
    let screen = t.wait_for("s", "minutes.");
    assert!(screen.contains("✎ Note · TYPING"), "{screen}");
    assert!(screen.contains("Which population groups"), "{screen}");
    assert!(screen.contains("[x]"), "the tick stays: {screen}");
    t.escape("s", "▸ Answer");
    t.keys("s", &["q"]);
    t.wait_for("s", "Quit stocktake?");
    t.keys("s", &["q"]);
    let pid = t.pane_pid("s");
    let deadline = Instant::now() + Duration::from_secs(10);
    while alive(pid) {
        assert!(Instant::now() < deadline, "stocktake did not quit");
        std::thread::sleep(Duration::from_millis(40));
    }

    let store = t.store();
    let rows = store.summaries().expect("list");
    let id = |s: &str| {
        rows.iter()
            .find(|r| r.structure == s)
            .map(|r| r.id.clone())
            .expect("session")
    };
    let pc = store.load_session(&id("protection_cluster")).expect("pc");
    let cp = store.load_session(&id("cp_aor")).expect("cp");
    assert_eq!(
        cp.answers["promising_practices"].value,
        Some(Value::Text("CP text.".into())),
        "nothing typed on the cluster reached the CP AOR"
    );
    assert_eq!(pc.answers["baseline"].note, "the note");
    assert_eq!(pc.answers["baseline"].value, None);
    assert_eq!(pc.answers["populations"].note, sentence);
    assert_eq!(
        pc.answers["populations"].value,
        Some(Value::Choices(vec!["idps".into()]))
    );
    assert_eq!((pc.language.as_str(), cp.language.as_str()), ("en", "en"));
}
