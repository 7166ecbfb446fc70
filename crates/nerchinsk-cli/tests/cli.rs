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
    // no control area here: the de facto controller is the de jure sovereign
    assert_eq!(v["control"]["controller"], "Qing Empire");
    assert_eq!(v["control"]["reason"], "de jure");
    assert!(v["control"]["area"].is_null());
    // Harbin in 1935: de jure the Republic of China, de facto Manchukuo
    let (ok, out, _) = nerchinsk(&["at", "126.6409", "45.7576", "1935", "--json"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["sovereign"], "Republic of China");
    assert_eq!(v["control"]["area"], "manchukuo");
    assert!(v["control"]["side"].is_null());
    // Harbin on 1 Dec 1945: de jure still the Republic of China, de facto the USSR
    let (ok, out, _) = nerchinsk(&["at", "126.6409", "45.7576", "1945-12-01", "--json"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["sovereign"], "Republic of China");
    assert_eq!(v["control"]["area"], "soviet_manchuria");
    assert_eq!(
        v["control"]["controller"],
        "Union of Soviet Socialist Republics"
    );
    assert_eq!(v["control"]["side"], "russia");
}

#[test]
fn json_and_text_say_how_sure_the_answer_is() {
    // Albazino in 1700: far from any line, no treaty window open
    let (ok, out, _) = nerchinsk(&["at", "124.0775", "53.39056", "1700", "--json"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["certain"], true);
    assert!(v.get("other_side").is_none());
    // Xing'an (50.2477N 127.4932E), 0.28 km from the Amur line (accuracy 1 km)
    let (ok, out, _) = nerchinsk(&["at", "127.4932", "50.2477", "2025", "--json"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["certain"], false);
    let o = &v["other_side"];
    assert_eq!(
        (o["status"].as_str(), o["why"].as_str()),
        (Some("china"), Some("space"))
    );
    assert_eq!(o["line"], "amur_upper");
    assert!(o["distance_km"].as_f64().unwrap() <= o["accuracy_km"].as_f64().unwrap());
    // Blagoveshchensk in 1859: Aigun signed, not ratified
    let (ok, out, _) = nerchinsk(&["at", "127.533", "50.25", "1859", "--json"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    let o = &v["other_side"];
    assert_eq!(
        (o["status"].as_str(), o["why"].as_str()),
        (Some("china"), Some("time"))
    );
    assert_eq!(
        (o["from"].as_str(), o["to"].as_str()),
        (Some("1858-05-28"), Some("1860-11-14"))
    );
    assert_eq!(o["treaty"], "Treaty of Aigun");
    // the sentence says it too
    let (ok, out, _) = nerchinsk(&["at", "127.533", "50.25", "1859"]);
    assert!(ok);
    assert!(out.contains("not certain: Qing Empire (china)"), "{out}");
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

// ---------------------------------------------------------------------------------------------
// classify, territories, map

use std::path::PathBuf;

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("nerchinsk-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const RECORDS: &str = "\
id,name,x,y,when
1,Albazino,124.0775,53.39056,1700
2,Albazino,124.0775,53.39056,1900
3,\"Vladivostok, before Peking\",131.8853,43.115,1860-11-13
4,bad longitude,abc,50,1900
5,not finite,NaN,50,1900
6,latitude out of range,127,95,1900
7,Sea of Japan,133.0,42.5,1900
8,Mongolia,100,50,1900
9,no such day,127.533,50.25,1858-02-30
10,before Nerchinsk,127.533,50.25,1600
11,Blagoveshchensk,127.533,50.25,1950
12,empty latitude,127.533,,1950
13,Vladivostok,131.8853,43.115,1860-11-14
";

/// (id, expected status) for every row of RECORDS.
const EXPECTED: [(&str, &str); 13] = [
    ("1", "china"),
    ("2", "russia"),
    ("3", "joint"),
    ("4", "error:not_a_number"),
    ("5", "error:not_finite"),
    ("6", "error:out_of_range"),
    ("7", "error:at_sea"),
    ("8", "error:outside"),
    ("9", "error:bad_year"),
    ("10", "error:before_coverage"),
    ("11", "russia"),
    ("12", "error:missing"),
    ("13", "russia"),
];

#[test]
fn classify_csv_keeps_every_row() {
    let dir = scratch("classify");
    let input = dir.join("records.csv");
    let output = dir.join("out.csv");
    std::fs::write(&input, RECORDS).unwrap();
    let (ok, out, err) = nerchinsk(&[
        "classify",
        input.to_str().unwrap(),
        "--lon",
        "x",
        "--lat",
        "y",
        "--year-column",
        "when",
        "-o",
        output.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    assert!(out.is_empty(), "the output went to the file");
    let mut rdr = csv::Reader::from_path(&output).unwrap();
    let headers: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        headers,
        [
            "id",
            "name",
            "x",
            "y",
            "when",
            "status",
            "sovereign",
            "treaty",
            "distance_km",
            "certain"
        ]
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), EXPECTED.len(), "rows in = rows out");
    let input_rows: Vec<csv::StringRecord> = csv::Reader::from_reader(RECORDS.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    for ((row, (id, status)), inp) in rows.iter().zip(EXPECTED).zip(&input_rows) {
        assert_eq!(&row[0], id, "rows keep their order");
        assert_eq!(
            &row.iter().take(5).collect::<Vec<_>>(),
            &inp.iter().collect::<Vec<_>>()
        );
        assert_eq!(&row[5], status, "row {id}");
        if status.starts_with("error:") {
            assert!(
                row[6].is_empty() && row[7].is_empty() && row[8].is_empty() && row[9].is_empty(),
                "{row:?}"
            );
            // reported on stderr with its line number (the header is line 1)
            let line = id.parse::<u32>().unwrap() + 1;
            let code = status.strip_prefix("error:").unwrap();
            assert!(
                err.contains(&format!("nerchinsk: line {line}: {code}: ")),
                "line {line} not reported: {err}"
            );
        } else {
            let km: f64 = row[8].parse().unwrap();
            assert!((0.0..2000.0).contains(&km), "{row:?}");
            assert!(!row[6].is_empty() && !row[7].is_empty());
            // the same certainty as `at --json`
            let (_, at, _) = nerchinsk(&["at", &row[2], &row[3], &row[4], "--json"]);
            let v: serde_json::Value = serde_json::from_str(at.trim()).unwrap();
            assert_eq!(
                row[9] == *"true",
                v["certain"].as_bool().unwrap(),
                "{row:?}"
            );
        }
    }
    assert_eq!(&rows[0][6], "Qing Empire");
    assert_eq!(&rows[0][7], "Treaty of Nerchinsk");
    assert_eq!(&rows[1][7], "Treaty of Aigun");
    assert_eq!(&rows[2][6], "Russian Empire and Qing Empire, jointly");
    assert_eq!(&rows[10][6], "Union of Soviet Socialist Republics");
    assert_eq!(&rows[12][7], "Convention of Peking");
    // Vladivostok on the day of the Convention of Peking, before it took effect on 1 January
    // 1861 (data/timeline.json): not certain in time
    assert_eq!(&rows[12][9], "false");
    // the same distance as `at`
    let (_, at, _) = nerchinsk(&["at", "124.0775", "53.39056", "1700", "--json"]);
    let v: serde_json::Value = serde_json::from_str(at.trim()).unwrap();
    let km: f64 = rows[0][8].parse().unwrap();
    assert!((km - v["distance_km"].as_f64().unwrap()).abs() < 0.002);
    let bad = EXPECTED
        .iter()
        .filter(|e| e.1.starts_with("error:"))
        .count();
    assert_eq!(err.matches("nerchinsk: line ").count(), bad, "{err}");
}

#[test]
fn classify_fixed_year_no_distance_and_small_chunks() {
    let dir = scratch("fixed");
    let input = dir.join("records.csv");
    std::fs::write(&input, RECORDS).unwrap();
    // one year for every row, to stdout, three rows per chunk
    let (ok, out, err) = nerchinsk(&[
        "classify",
        input.to_str().unwrap(),
        "--lon=x",
        "--lat=y",
        "--year",
        "1700",
        "--no-distance",
        "--chunk-rows",
        "3",
    ]);
    assert!(ok, "{err}");
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(out.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    let ids: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(ids, (1..=13).map(|i| i.to_string()).collect::<Vec<_>>());
    // in 1700 Blagoveshchensk and Vladivostok were Qing; rows 9 and 10 now have a good year
    for i in [0, 1, 2, 8, 9, 10, 12] {
        assert_eq!(&rows[i][5], "china", "row {}", i + 1);
        assert!(
            rows[i][8].is_empty(),
            "--no-distance leaves distance_km empty"
        );
    }
    assert_eq!(&rows[6][5], "error:at_sea");
}

#[test]
fn classify_strict_stops_at_the_first_bad_row() {
    let dir = scratch("strict");
    let input = dir.join("records.csv");
    std::fs::write(&input, RECORDS).unwrap();
    let (ok, _, err) = nerchinsk(&[
        "classify",
        input.to_str().unwrap(),
        "--lon=x",
        "--lat=y",
        "--year-column=when",
        "--strict",
    ]);
    assert!(!ok);
    assert!(err.contains("line 5: not_a_number"), "{err}");
    assert!(!err.contains("line 6"), "only the first bad row: {err}");
    // a clean file passes under --strict
    std::fs::write(&input, "lon,lat\n124.0775,53.39056\n127.533,50.25\n").unwrap();
    let (ok, out, err) = nerchinsk(&[
        "classify",
        input.to_str().unwrap(),
        "--year=1900",
        "--strict",
    ]);
    assert!(ok, "{err}");
    assert_eq!(out.lines().count(), 3);
}

#[test]
fn classify_missing_column_is_an_error() {
    let dir = scratch("nocol");
    let input = dir.join("records.csv");
    std::fs::write(&input, RECORDS).unwrap();
    let (ok, out, err) = nerchinsk(&["classify", input.to_str().unwrap(), "--year", "1900"]);
    assert!(!ok);
    assert!(out.lines().count() <= 1);
    assert!(err.contains("no column \"lon\""), "{err}");
}

#[test]
fn classify_geojson_points() {
    let dir = scratch("geojson");
    let input = dir.join("points.geojson");
    std::fs::write(
        &input,
        r#"{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"Albazino","year":1700},"geometry":{"type":"Point","coordinates":[124.0775,53.39056]}},
{"type":"Feature","properties":{"name":"Vladivostok","year":"1860-11-14"},"geometry":{"type":"Point","coordinates":[131.8853,43.115]}},
{"type":"Feature","properties":{"name":"sea","year":1900},"geometry":{"type":"Point","coordinates":[133.0,42.5]}},
{"type":"Feature","properties":{"name":"line","year":1900},"geometry":{"type":"LineString","coordinates":[[127,50],[128,50]]}},
{"type":"Feature","properties":{"name":"no year"},"geometry":{"type":"Point","coordinates":[127.533,50.25]}}
]}"#,
    )
    .unwrap();
    let (ok, out, err) = nerchinsk(&["classify", input.to_str().unwrap(), "--year-column", "year"]);
    assert!(ok, "{err}");
    let fc: geojson::FeatureCollection =
        out.parse::<geojson::GeoJson>().unwrap().try_into().unwrap();
    let got: Vec<(String, String)> = fc
        .features
        .iter()
        .map(|f| {
            (
                f.property("name").unwrap().as_str().unwrap().to_string(),
                f.property("status").unwrap().as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("Albazino", "china"),
        ("Vladivostok", "russia"),
        ("sea", "error:at_sea"),
        ("line", "error:not_a_point"),
        ("no year", "error:missing"),
    ];
    assert_eq!(got.len(), want.len());
    for ((n, s), (wn, ws)) in got.iter().zip(want) {
        assert_eq!((n.as_str(), s.as_str()), (wn, ws));
    }
    assert_eq!(
        fc.features[0].property("treaty").unwrap(),
        "Treaty of Nerchinsk"
    );
    assert!(
        fc.features[0]
            .property("distance_km")
            .unwrap()
            .as_f64()
            .unwrap()
            > 50.0
    );
    assert!(fc.features[2].property("distance_km").unwrap().is_null());
    assert!(
        err.contains("feature 3: at_sea") && err.contains("feature 4: not_a_point"),
        "{err}"
    );
}

fn planar_area(ring: &[Vec<f64>]) -> f64 {
    ring.windows(2)
        .map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1])
        .sum::<f64>()
        / 2.0
}

#[test]
fn territories_are_rfc7946_and_cover_the_land() {
    use geo::GeodesicArea;
    for (args, date) in [
        (["--year", "1700"], nerchinsk::Date::end_of_year(1700)),
        (["--year", "1859"], nerchinsk::Date::end_of_year(1859)),
        (
            ["--date", "1860-11-14"],
            nerchinsk::Date::new(1860, 11, 14).unwrap(),
        ),
    ] {
        let (ok, out, err) = nerchinsk(&["territories", args[0], args[1]]);
        assert!(ok, "{err}");
        let fc: geojson::FeatureCollection =
            out.parse::<geojson::GeoJson>().unwrap().try_into().unwrap();
        assert!(!fc.features.is_empty());
        let mut total = 0.0;
        let mut by_status = std::collections::BTreeMap::<String, f64>::new();
        for f in &fc.features {
            let status = f.property("status").unwrap().as_str().unwrap().to_string();
            assert!(["russia", "china", "joint", "undetermined"].contains(&status.as_str()));
            for p in ["sovereign", "since", "treaty"] {
                assert!(
                    f.property(p)
                        .unwrap()
                        .as_str()
                        .is_some_and(|s| !s.is_empty()),
                    "{p}"
                );
            }
            let since =
                nerchinsk::Date::parse(f.property("since").unwrap().as_str().unwrap()).unwrap();
            assert!(since <= date);
            let geom = f.geometry.as_ref().unwrap();
            let geojson::Value::Polygon(rings) = &geom.value else {
                panic!("not a polygon: {geom:?}")
            };
            for (i, ring) in rings.iter().enumerate() {
                assert!(ring.len() >= 4);
                assert_eq!(ring.first(), ring.last(), "ring not closed");
                let a = planar_area(ring);
                if i == 0 {
                    assert!(a > 0.0, "exterior not counter-clockwise");
                } else {
                    assert!(a < 0.0, "hole not clockwise");
                }
            }
            let poly: geo_types::Polygon<f64> = geom.value.clone().try_into().unwrap();
            let km2 = poly.geodesic_area_unsigned() / 1e6;
            total += km2;
            *by_status.entry(status).or_default() += km2;
        }
        let want = nerchinsk::data::embedded()
            .status_areas_km2_on(date)
            .unwrap();
        let want_total: f64 = want.values().sum();
        assert!(
            ((total - want_total) / want_total).abs() < 1e-4,
            "{args:?}: {total} km² of polygons against {want_total} km² of land"
        );
        for (s, km2) in &want {
            let got = by_status[s.as_str()];
            assert!(((got - km2) / km2).abs() < 1e-4, "{s}: {got} against {km2}");
        }
    }
}

#[test]
fn map_is_an_svg_with_every_line_in_force() {
    let dir = scratch("map");
    let atlas = nerchinsk::data::embedded();
    for (year, absent) in [(1700, "amur_upper"), (1861, "stanovoy_crest")] {
        let path = dir.join(format!("map-{year}.svg"));
        let (ok, _, err) = nerchinsk(&[
            "map",
            "--year",
            &year.to_string(),
            "-o",
            path.to_str().unwrap(),
        ]);
        assert!(ok, "{err}");
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://www.w3.org/2000/svg")
        );
        let id = |id: &str| doc.descendants().find(|n| n.attribute("id") == Some(id));
        let title = id("title").expect("a title");
        assert!(title.text().unwrap().contains(&year.to_string()));
        assert!(id("legend").is_some() && id("scale-bar").is_some());
        let in_force = atlas
            .lines_in_force_on(nerchinsk::Date::end_of_year(year))
            .unwrap();
        assert!(!in_force.is_empty());
        for line in &in_force {
            let g = id(&format!("line-{line}")).unwrap_or_else(|| panic!("{year}: no line-{line}"));
            assert!(g.descendants().any(|n| n.tag_name().name() == "path"));
        }
        let drawn = doc
            .descendants()
            .filter(|n| n.attribute("id").is_some_and(|i| i.starts_with("line-")))
            .count();
        assert_eq!(drawn, in_force.len(), "{year}: one group per line in force");
        assert!(id(&format!("line-{absent}")).is_none());
        // every treaty line in force is labelled by a treaty of the timeline
        let treaties: Vec<&str> = atlas.events().iter().map(|e| e.name.as_str()).collect();
        let labels: Vec<&str> = doc
            .descendants()
            .filter(|n| {
                n.has_tag_name("text")
                    && n.parent().and_then(|p| p.attribute("class")) == Some("treaty-line")
            })
            .filter_map(|n| n.text())
            .collect();
        assert!(!labels.is_empty());
        assert!(
            labels
                .iter()
                .all(|l| treaties.iter().any(|t| l.starts_with(t))),
            "{labels:?}"
        );
    }
    let (ok, _, err) = nerchinsk(&[
        "map",
        "--year",
        "1700",
        "-o",
        dir.join("map.pdf").to_str().unwrap(),
    ]);
    assert!(!ok && err.starts_with("nerchinsk: "));
}

#[test]
fn help_has_examples() {
    for sub in [
        &[][..],
        &["at"],
        &["classify"],
        &["territories"],
        &["changes"],
        &["map"],
    ] {
        let mut args: Vec<&str> = sub.to_vec();
        args.push("--help");
        let (ok, out, _) = nerchinsk(&args);
        assert!(ok, "{args:?}");
        assert!(out.contains("Examples:"), "{args:?}: {out}");
    }
}

#[test]
fn map_renders_to_png_with_the_territories_filled() {
    let dir = scratch("map-png");
    let path = dir.join("map-1861.png");
    let (ok, _, err) = nerchinsk(&[
        "map",
        "--year",
        "1861",
        "--width",
        "600",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    let bytes = std::fs::read(&path).unwrap();
    let png = resvg::tiny_skia::Pixmap::decode_png(&bytes).expect("a PNG");
    assert_eq!(png.width(), 600);
    // the territory fills of the SVG (russia #e8a990, china #f2d67e) cover much of the image
    let share = |rgb: [u8; 3]| {
        let n = png
            .pixels()
            .iter()
            .filter(|p| [p.red(), p.green(), p.blue()] == rgb)
            .count();
        n as f64 / png.pixels().len() as f64
    };
    let (russia, china) = (share([0xe8, 0xa9, 0x90]), share([0xf2, 0xd6, 0x7e]));
    assert!(
        russia > 0.10 && china > 0.05,
        "russia {russia}, china {china}"
    );
    // anything but .svg or .png is refused
    let (ok, _, err) = nerchinsk(&["map", "--year", "1861", "-o", "map.gif"]);
    assert!(!ok && err.contains(".png"), "{err}");
}

#[test]
fn reading_option_switches_the_dataset() {
    // the wedge between the Little Gorbitsa and the Amazar (tests/readings.rs, WEDGE): Qing in
    // 1700 on the standard reading, Russian on the Great Gorbitsa reading
    let status = |args: &[&str]| {
        let (ok, out, err) = nerchinsk(args);
        assert!(ok, "{err}");
        let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        v["status"].as_str().unwrap().to_string()
    };
    assert_eq!(status(&["at", "120.3", "53.8", "1700", "--json"]), "china");
    assert_eq!(
        status(&[
            "at",
            "120.3",
            "53.8",
            "1700",
            "--json",
            "--reading",
            "standard"
        ]),
        "china"
    );
    assert_eq!(
        status(&[
            "--reading",
            "great_gorbitsa",
            "at",
            "120.3",
            "53.8",
            "1700",
            "--json"
        ]),
        "russia"
    );
    // after Aigun the readings agree
    assert_eq!(
        status(&[
            "at",
            "120.3",
            "53.8",
            "1900",
            "--json",
            "--reading",
            "great_gorbitsa"
        ]),
        "russia"
    );
    // an unknown reading is a usage error naming the choices
    let (ok, _, err) = nerchinsk(&["at", "120.3", "53.8", "1700", "--reading", "qing_ridge"]);
    assert!(!ok);
    assert!(err.contains("great_gorbitsa"), "{err}");
}

#[test]
fn changes_are_geojson_with_the_pairs_and_areas() {
    let (ok, out, err) = nerchinsk(&["changes", "--from", "1857", "--to", "1861-01-01"]);
    assert!(ok, "{err}");
    let fc: geojson::FeatureCollection =
        out.parse::<geojson::GeoJson>().unwrap().try_into().unwrap();
    let mut china_to_russia = 0.0;
    for f in &fc.features {
        let p = |k: &str| f.property(k).unwrap().as_str().unwrap().to_string();
        assert_eq!(p("to"), "russia");
        assert_eq!(p("to_sovereign"), "Russian Empire");
        assert_eq!(
            (p("from_date"), p("to_date")),
            ("1857-12-31".into(), "1861-01-01".into())
        );
        if p("from") == "china" {
            assert_eq!(p("from_sovereign"), "Qing Empire");
            china_to_russia += f.property("area_km2").unwrap().as_f64().unwrap();
        }
    }
    // Aigun's left bank, the joint land and Peking's islands (tests/changes.rs has the exact sum)
    assert!(
        (940_000.0..945_000.0).contains(&china_to_russia),
        "{china_to_russia}"
    );
    // in either order, to a file
    let dir = std::env::temp_dir().join(format!("nerchinsk-changes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("c.geojson");
    let (ok, _, err) = nerchinsk(&[
        "changes",
        "--from",
        "1861",
        "--to",
        "1857",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    let back: geojson::FeatureCollection = std::fs::read_to_string(&path)
        .unwrap()
        .parse::<geojson::GeoJson>()
        .unwrap()
        .try_into()
        .unwrap();
    assert_eq!(back.features.len(), fc.features.len());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn changes_with_bad_dates_fail_with_the_reason_on_stderr() {
    for (args, says) in [
        (&["changes", "--from", "17x", "--to", "1700"][..], "--from"),
        (
            &["changes", "--from", "1700", "--to", "1858-02-30"][..],
            "--to",
        ),
        (
            &["changes", "--from", "1600", "--to", "1700"][..],
            "before the first treaty",
        ),
        (&["changes", "--from", "1700"][..], "--to"),
    ] {
        let (ok, out, err) = nerchinsk(args);
        assert!(!ok, "{args:?}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
}
