//! The binary: one line of text or JSON, errors on stderr with a non-zero exit.

mod common;

use common::{nerchinsk, scratch};

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
    // Blagoveshchensk in 1859: Aigun signed, not ratified (the de.wikipedia point, 5 km from the
    // Amur: the English one, 1.87 km, is within the line's 2 km accuracy, not certain in space)
    let (ok, out, _) = nerchinsk(&["at", "127.53333", "50.28333", "1859", "--json"]);
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
    let (ok, out, _) = nerchinsk(&["at", "127.53333", "50.28333", "1859"]);
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
// territories, map, readings, changes (classify: tests/classify.rs)

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

/// `--band` adds one uncertain band per treaty line in force after the territories: closed
/// rings, exteriors counter-clockwise, as the library draws them; bad input is refused.
#[test]
fn territories_with_the_uncertain_band() {
    let (ok, out, err) = nerchinsk(&["territories", "--year", "1700", "--band"]);
    assert!(ok, "{err}");
    let fc: geojson::FeatureCollection =
        out.parse::<geojson::GeoJson>().unwrap().try_into().unwrap();
    let (ok, plain, _) = nerchinsk(&["territories", "--year", "1700"]);
    assert!(ok);
    let plain: geojson::FeatureCollection = plain
        .parse::<geojson::GeoJson>()
        .unwrap()
        .try_into()
        .unwrap();
    let n = plain.features.len();
    // the territories first, unchanged, then the bands
    assert_eq!(fc.features[..n], plain.features[..]);
    let bands = &fc.features[n..];
    let atlas = nerchinsk::data::embedded();
    let in_force = atlas
        .lines_in_force_on(nerchinsk::Date::end_of_year(1700))
        .unwrap();
    assert_eq!(bands.len(), in_force.len());
    for f in bands {
        assert_eq!(f.property("kind").unwrap(), "uncertain_band");
        let id = f.property("line").unwrap().as_str().unwrap();
        assert!(in_force.contains(&id), "{id}");
        let line = atlas.lines().iter().find(|l| l.id == id).unwrap();
        assert_eq!(f.property("accuracy_km").unwrap(), line.accuracy_km);
        let geojson::Value::MultiPolygon(polys) = &f.geometry.as_ref().unwrap().value else {
            panic!("not a multipolygon")
        };
        for rings in polys {
            assert_eq!(rings[0].first(), rings[0].last(), "ring not closed");
            assert!(
                planar_area(&rings[0]) > 0.0,
                "exterior not counter-clockwise"
            );
        }
    }
    for bad in [
        &["territories", "--year", "1600", "--band"][..],
        &["territories", "--band", "yes", "--year", "1700"][..],
    ] {
        let (ok, _, err) = nerchinsk(bad);
        assert!(!ok && !err.is_empty(), "{bad:?}");
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
