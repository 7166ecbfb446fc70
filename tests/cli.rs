//! The binary: one line of text or JSON, errors on stderr with a non-zero exit.

use std::process::Command;

fn nerchinsk(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_nerchinsk"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn json_for_albazino() {
    let (ok, out, _) = nerchinsk(&["at", "124.0775", "53.39056", "1700", "--json"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["status"], "china");
    assert_eq!(v["sovereign"], "Qing Empire");
    assert_eq!(v["treaty"], "Treaty of Nerchinsk");
    assert_eq!(v["year"], 1700);
    assert!(v["distance_km"].as_f64().unwrap() > 50.0);
}

#[test]
fn text_and_dates() {
    let (ok, out, _) = nerchinsk(&["at", "131.8853", "43.115", "1860-11-13"]);
    assert!(ok);
    assert!(out.contains("jointly"), "{out}");
    let (_, out, _) = nerchinsk(&["at", "131.8853", "43.115", "1860-11-14"]);
    assert!(out.contains("Russian Empire (russia)"), "{out}");
}

#[test]
fn bad_input_is_one_line_on_stderr() {
    for args in [
        &["at", "abc", "50", "1900"][..],
        &["at", "127", "95", "1900"],
        &["at", "127", "50", "1600"],
        &["at", "127"],
        &["at", "127", "50", "1858-02-30"],
    ] {
        let (ok, out, err) = nerchinsk(args);
        assert!(!ok, "{args:?}");
        assert!(out.is_empty());
        assert!(err.starts_with("nerchinsk: "), "{err}");
    }
}
