//! Size limits hold before anything is parsed: 100 MB inputs (a guide, a session file to
//! import, a session file to collate) give a clear error with bounded memory. This binary
//! holds this one test, so the peak memory it measures is its children's alone (the other
//! limits are in `limits_inproc.rs`).

mod support;

use std::process::Command;

const HUNDRED_MB: u64 = 100 * 1024 * 1024;

/// Peak resident memory, in MiB, of every child this process has waited for.
fn children_peak_mib() -> i64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given; RUSAGE_CHILDREN is always valid.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr());
        usage.assume_init()
    };
    usage.ru_maxrss / 1024
}

fn big_file(path: &std::path::Path, first: &[u8]) {
    let f = std::fs::File::create(path).expect("create");
    std::io::Write::write_all(&mut &f, first).expect("write");
    f.set_len(HUNDRED_MB).expect("grow to 100 MB");
}

#[test]
fn hundred_megabyte_inputs_are_refused_quickly_with_bounded_memory() {
    let dir = tempfile::tempdir().expect("dir");
    let bin = env!("CARGO_BIN_EXE_stocktake");
    let run = |args: &[&str]| {
        let out = Command::new(bin)
            .args(args)
            .env("STOCKTAKE_DATA_DIR", dir.path().join("data"))
            .env("STOCKTAKE_CONFIG", "/nonexistent")
            .output()
            .expect("run");
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    };

    let guide = dir.path().join("huge-guide.toml");
    big_file(&guide, b"id = \"huge\"\n");
    let t = run(&["guide", "check", &guide.display().to_string()]);
    assert!(t.contains("larger than 1048576 bytes"), "{t}");

    let session = dir.path().join("huge-session.toml");
    big_file(&session, b"digest = \"sha256:00\"\n");
    let t = run(&["import", &session.display().to_string()]);
    assert!(t.contains("too large"), "{t}");

    let folder = dir.path().join("in");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::rename(&session, folder.join("huge.toml")).expect("move");
    big_file(&folder.join("huge.toml.age"), b"age-encryption.org/v1\n");
    let t = run(&[
        "collate",
        "--db",
        &dir.path().join("c.db").display().to_string(),
        &folder.display().to_string(),
    ]);
    assert_eq!(t.matches("quarantined (too large)").count(), 2, "{t}");

    let peak = children_peak_mib();
    assert!(peak < 64, "a child used {peak} MiB on 100 MB inputs");
}
