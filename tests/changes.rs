//! What changed between two dates (`Atlas::changes_between`), against the areas the ceded_area
//! table reports for the same treaties and against the status-level transfers.

use approx::assert_relative_eq;
use geo::Validation;
use nerchinsk::data::embedded;
use nerchinsk::{Date, Error, Status};
use proptest::prelude::*;

fn on(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap()
}

fn km2_of(event: &str, from: Status, to: Status) -> f64 {
    embedded()
        .transfers_of(event)
        .unwrap()
        .iter()
        .filter(|t| (t.from, t.to) == (from, to))
        .map(|t| t.km2)
        .sum()
}

#[test]
fn aigun_and_peking_add_up_between_1857_and_1861() {
    let changes = embedded()
        .changes_between(on(1857, 1, 1), on(1861, 1, 1))
        .unwrap();
    let sum = |from, to| -> f64 {
        changes
            .iter()
            .filter(|c| (c.from, c.to) == (from, to))
            .map(|c| c.area_km2)
            .sum()
    };
    // China -> Russia: Aigun's left bank, the joint land Peking gave Russia, Peking's islands
    let rows = km2_of("aigun_1858", Status::China, Status::Russia)
        + km2_of("peking_1860", Status::Joint, Status::Russia)
        + km2_of("peking_1860", Status::China, Status::Russia);
    assert_relative_eq!(
        sum(Status::China, Status::Russia),
        rows,
        max_relative = 1e-9
    );
    // undetermined -> Russia: the Uda zone
    assert_relative_eq!(
        sum(Status::Undetermined, Status::Russia),
        km2_of("aigun_1858", Status::Undetermined, Status::Russia),
        max_relative = 1e-9
    );
    // nothing else changed, and the names are those of each date
    assert!(changes.iter().all(|c| c.to == Status::Russia
        && c.to_sovereign == "Russian Empire"
        && [Status::China, Status::Undetermined].contains(&c.from)));
    for c in &changes {
        assert!(c.polygon.is_valid(), "{:?} -> {:?}", c.from, c.to);
        assert!(c.area_km2 > 0.0);
    }
}

#[test]
fn a_new_name_is_no_change_a_new_state_is() {
    let atlas = embedded();
    // 1912 to 2000 (after the Qiqihar agreement of December 1911): the Russian Empire became
    // the Russian Federation and the Qing Empire the People's Republic of China, which moves no
    // land; Zhenbao changed hands in 1992
    let changes = atlas
        .changes_between(on(1912, 1, 1), on(2000, 1, 1))
        .unwrap();
    assert_eq!(changes.len(), 1, "{changes:?}");
    let c = &changes[0];
    assert_eq!((c.from, c.to), (Status::Russia, Status::China));
    assert_eq!(
        (c.from_sovereign.as_str(), c.to_sovereign.as_str()),
        ("Russian Empire", "People's Republic of China")
    );
    assert_relative_eq!(
        c.area_km2,
        km2_of("eastern_section_1991", Status::Russia, Status::China),
        max_relative = 1e-9
    );
    // 1919 to 1921: the Far Eastern Republic holds all the Russian side, same status
    let changes = atlas
        .changes_between(on(1919, 6, 1), on(1921, 6, 1))
        .unwrap();
    assert!(!changes.is_empty());
    assert!(changes
        .iter()
        .all(|c| (c.from, c.to) == (Status::Russia, Status::Russia)
            && c.from_sovereign == "Russian Socialist Federative Soviet Republic"
            && c.to_sovereign == "Far Eastern Republic"));
    let fer: f64 = changes.iter().map(|c| c.area_km2).sum();
    let russia = atlas.status_areas_km2_on(on(1921, 6, 1)).unwrap()[&Status::Russia];
    assert_relative_eq!(fer, russia, max_relative = 1e-9);
}

#[test]
fn the_same_date_changes_nothing_and_early_dates_are_errors() {
    let atlas = embedded();
    assert!(atlas
        .changes_between(on(1860, 11, 14), on(1860, 11, 14))
        .unwrap()
        .is_empty());
    for (a, b) in [
        (on(1600, 1, 1), on(1900, 1, 1)),
        (on(1900, 1, 1), on(1689, 9, 7)),
    ] {
        assert!(matches!(
            atlas.changes_between(a, b),
            Err(Error::BeforeCoverage { .. })
        ));
        assert!(atlas.changes_geojson_between(a, b).is_err());
    }
}

#[test]
fn the_geojson_has_one_feature_a_change_with_its_properties() {
    let atlas = embedded();
    let (a, b) = (on(1858, 5, 27), on(1860, 11, 14));
    let changes = atlas.changes_between(a, b).unwrap();
    let fc = atlas.changes_geojson_between(a, b).unwrap();
    assert_eq!(fc.features.len(), changes.len());
    for (f, c) in fc.features.iter().zip(&changes) {
        assert_eq!(f.property("from").unwrap(), c.from.as_str());
        assert_eq!(f.property("to").unwrap(), c.to.as_str());
        assert_eq!(
            f.property("from_sovereign").unwrap(),
            c.from_sovereign.as_str()
        );
        assert_eq!(f.property("to_sovereign").unwrap(), c.to_sovereign.as_str());
        assert_eq!(f.property("from_date").unwrap(), "1858-05-27");
        assert_eq!(f.property("to_date").unwrap(), "1860-11-14");
        let area = f.property("area_km2").unwrap().as_f64().unwrap();
        assert!((area - c.area_km2).abs() <= 0.05);
    }
}

/// A date from 1689 to 2029 for a number below `SPAN`: the year, then a month and a day in it
/// (dates before the first treaty, in 1689, are left out by `prop_assume`).
const SPAN: i64 = 341 * 12 * 28;

fn date_of(n: i64) -> Date {
    let (year, month, day) = (1689 + n / (12 * 28), (n / 28) % 12 + 1, n % 28 + 1);
    Date::new(year as i32, month as u8, day as u8).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The changes between any two dates, summed by pair of statuses, are the status-level
    /// transfers between them; swapping the dates swaps every pair and keeps every area.
    #[test]
    fn changes_sum_to_the_transfers_and_mirror(x in 0..SPAN, y in 0..SPAN) {
        let atlas = embedded();
        let (a, b) = (date_of(x), date_of(y));
        prop_assume!(atlas.changes_between(a, b).is_ok());
        let changes = atlas.changes_between(a, b).unwrap();
        for t in atlas.transfers_between(a, b).unwrap() {
            let sum: f64 = changes.iter().filter(|c| (c.from, c.to) == (t.from, t.to)).map(|c| c.area_km2).sum();
            prop_assert!((sum - t.km2).abs() <= 1e-9 * t.km2.max(1.0), "{} {} {sum} {}", t.from, t.to, t.km2);
        }
        let mut there: Vec<(Status, Status, i64)> = changes.iter().map(|c| (c.from, c.to, (c.area_km2 * 1e3).round() as i64)).collect();
        let mut back: Vec<(Status, Status, i64)> = atlas.changes_between(b, a).unwrap().iter().map(|c| (c.to, c.from, (c.area_km2 * 1e3).round() as i64)).collect();
        there.sort();
        back.sort();
        prop_assert_eq!(there, back);
    }
}
