//! `nerchinsk classify`: every row kept, in order, with its answer or its error.

mod common;

use common::{nerchinsk, scratch};

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
