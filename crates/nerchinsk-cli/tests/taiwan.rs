//! The Taiwan region on the command line: `at` and `classify` find each point's region,
//! `territories`, `changes` and `map` take `--region`, and a reading of one region is never
//! silently applied to the other. Landmarks as in tests/taiwan.rs of the core.

mod common;

use common::{nerchinsk, scratch};

fn json(args: &[&str]) -> serde_json::Value {
    let (ok, out, err) = nerchinsk(args);
    assert!(ok, "{args:?}: {err}");
    serde_json::from_str(out.trim()).unwrap()
}

#[test]
fn at_answers_in_taiwan_with_no_distance_and_the_de_facto_layer() {
    let v = json(&["at", "120.1833", "22.9833", "1900", "--json"]); // Tainan
    assert_eq!(
        (v["status"].as_str(), v["sovereign"].as_str()),
        (Some("japan"), Some("Empire of Japan"))
    );
    assert_eq!(v["treaty"], "Treaty of Shimonoseki");
    assert!(v["distance_km"].is_null());
    assert_eq!(v["nearest_line"], "");
    assert_eq!(v["certain"], true);
    // between signing and ratification
    let v = json(&["at", "120.1833", "22.9833", "1895-04-20", "--json"]);
    assert_eq!(
        (v["status"].as_str(), v["certain"].as_bool()),
        (Some("china"), Some(false))
    );
    assert_eq!(v["other_side"]["status"], "japan");
    assert_eq!(v["other_side"]["why"], "time");
    // Kinmen under Japanese occupation: de jure the Republic of China
    let v = json(&["at", "118.3167", "24.4", "1940", "--json"]);
    assert_eq!(v["sovereign"], "Republic of China");
    assert_eq!(v["control"]["area"], "kinmen_japanese");
    assert_eq!(v["control"]["side"], "japan");
    // the sentence says there is no treaty line
    let (ok, out, _) = nerchinsk(&["at", "121.5167", "25.0667", "1960"]);
    assert!(ok);
    assert!(
        out.contains("disputed") && out.contains("no treaty line in force"),
        "{out}"
    );
}

#[test]
fn readings_of_taiwan_change_taiwan_only() {
    let v = json(&[
        "--reading",
        "prc",
        "at",
        "121.5167",
        "25.0667",
        "1960",
        "--json",
    ]);
    assert_eq!(
        (v["status"].as_str(), v["sovereign"].as_str()),
        (Some("china"), Some("People's Republic of China"))
    );
    let v = json(&[
        "--reading",
        "roc",
        "at",
        "121.5167",
        "25.0667",
        "1960",
        "--json",
    ]);
    assert_eq!(v["sovereign"], "Republic of China");
    let v = json(&[
        "--reading",
        "undetermined",
        "at",
        "121.5167",
        "25.0667",
        "1960",
        "--json",
    ]);
    assert_eq!(v["status"], "undetermined");
    // a Taiwan reading leaves the Sino-Russian answers as they are
    let v = json(&[
        "--reading",
        "prc",
        "at",
        "124.0775",
        "53.39056",
        "1700",
        "--json",
    ]);
    assert_eq!(v["sovereign"], "Qing Empire");
    // and a drawing command refuses a reading of the other region
    let (ok, _, err) = nerchinsk(&["--reading", "prc", "territories", "--year", "1960"]);
    assert!(!ok);
    assert!(err.contains("--region taiwan"), "{err}");
    let (ok, _, err) = nerchinsk(&[
        "--reading",
        "great_gorbitsa",
        "--region",
        "taiwan",
        "territories",
        "--year",
        "1960",
    ]);
    assert!(!ok);
    assert!(err.contains("sino_russian"), "{err}");
    let (ok, _, err) = nerchinsk(&["--region", "korea", "territories", "--year", "1960"]);
    assert!(!ok);
    assert!(err.contains("korea"), "{err}");
}

#[test]
fn classify_takes_each_rows_region_and_keeps_every_row() {
    let d = scratch("taiwan-classify");
    let input = d.join("in.csv");
    std::fs::write(
        &input,
        "name,lon,lat\nTainan,120.1833,22.9833\nAlbazino,124.0775,53.39056\nXiamen,118.1525,24.4875\nStrait,119.9,24.3\nJincheng,118.3167,24.4\n",
    )
    .unwrap();
    let out = d.join("out.csv");
    let (ok, _, err) = nerchinsk(&[
        "classify",
        input.to_str().unwrap(),
        "--year",
        "1900",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    let text = std::fs::read_to_string(&out).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 6, "{text}");
    assert!(
        rows[1].starts_with("Tainan,") && rows[1].contains(",japan,Empire of Japan,"),
        "{}",
        rows[1]
    );
    assert!(rows[2].contains(",russia,"), "{}", rows[2]);
    assert!(rows[3].contains("error:outside"), "{}", rows[3]);
    assert!(rows[4].contains("error:at_sea"), "{}", rows[4]);
    assert!(rows[5].contains(",china,Qing Empire,"), "{}", rows[5]);
    // Taiwan has no treaty line: distance_km is empty, never "inf"
    assert!(!text.contains("inf"), "{text}");
}

#[test]
fn territories_changes_and_map_of_taiwan() {
    let v = json(&["--region", "taiwan", "territories", "--year", "1900"]);
    let statuses: Vec<&str> = v["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["status"].as_str().unwrap())
        .collect();
    assert!(
        statuses.contains(&"japan") && statuses.contains(&"china"),
        "{statuses:?}"
    );
    let v = json(&[
        "--region", "taiwan", "changes", "--from", "1890", "--to", "1950",
    ]);
    let km2: f64 = v["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["area_km2"].as_f64().unwrap())
        .sum();
    assert!(km2 > 35_000.0, "{km2}");
    let d = scratch("taiwan-map");
    let svg = d.join("taiwan-1950.svg");
    let (ok, _, err) = nerchinsk(&[
        "--region",
        "taiwan",
        "map",
        "--year",
        "1950",
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("Taiwan on 31 December 1950"), "title");
    assert!(text.contains("status-disputed") && text.contains("along 24°N"));
    // serve shows one region
    let (ok, _, err) = nerchinsk(&["--region", "taiwan", "serve", "--port", "0"]);
    assert!(!ok && err.contains("sino_russian"), "{err}");
}
