//! The de facto layer (data/control.geojson) beside the de jure answer. Coordinates and dates
//! are cited in data/CONTROL.md; the points here are the landmarks of each area.

use geo_types::Point;
use nerchinsk::control::{embedded, ControlLayer, CONTROL_GEOJSON};
use nerchinsk::{control_at, Date, Status};

/// Sixty-Four Villages: en.wikipedia's representative point, 50.100N 127.683E.
const SIXTY_FOUR: (f64, f64) = (127.683, 50.100);
/// Harbin: Heilongjiang Provincial Museum, wikimili Harbin.
const HARBIN: (f64, f64) = (126.6409, 45.7576);
/// Tarabarov centre (it.wiki7 Ostrov Tarabarov), in the part that went to China.
const WEST_ISLAND: (f64, f64) = (134.5231, 48.38);
/// Bolshoy Ussuriysky centre (wiki-org.ru Bolshoy Ussuriysky), in the part Russia kept.
const EAST_ISLAND: (f64, f64) = (134.8514, 48.3581);
/// Zhenbao/Damansky (en.wikipedia Zhenbao Island): 46.48556N 133.84444E.
const ZHENBAO: (f64, f64) = (133.84444, 46.48556);
/// Abagaitu islet (en.wikipedia Abagaitu Islet): 49.55857N 117.898364E; in these data it lies in
/// the eastern part, 0.7 km north of the pre-2004 channel and 0.8 km east of the 7/1-7/2 line.
const ABAGAITU: (f64, f64) = (117.898364, 49.55857);
/// The islet's western part: the point tests/landmarks.rs reads off data/lines.geojson, 2 km west of
/// the 2004 line through 7/1 and 7/2, which stays Russian.
const ABAGAITU_WEST: (f64, f64) = (117.862, 49.54);

/// Changchun (hubbry.com Siege of Changchun infobox): 43.8171N 125.3235E.
const CHANGCHUN: (f64, f64) = (125.3235, 43.8171);
/// Jilin city government (pinocchiopedia.com copy of en.wikipedia Jilin City): 43.8381N 126.5497E.
const JILIN_CITY: (f64, f64) = (126.5497, 43.8381);
/// Qiqihar municipal government (en.wikipedia Qiqihar infobox, earthspot.org copy): 47.3549N 123.9182E.
const QIQIHAR: (f64, f64) = (123.9182, 47.3549);
/// Hailar (en.wikipedia Hailar District): 49.212N 119.736E.
const HAILAR: (f64, f64) = (119.736, 49.212);
/// Chita (en.wikipedia Chita, wiki3.en-us.nina.az copy): 52.050N 113.467E.
const CHITA: (f64, f64) = (113.467, 52.05);
/// Svobodny, Amur Oblast, inland of the Amur (en.wikipedia infobox, oenc.net copy): 51°24'N 128°06'E.
const SVOBODNY: (f64, f64) = (128.1, 51.4);
/// Ussuriysk, Primorsky Krai (piglix.com Ussuriysk): 43.800N 131.967E.
const USSURIYSK: (f64, f64) = (131.967, 43.8);
/// Lindong, seat of Bairin Left Banner in northern Jehol (piglix.com Bairin Left Banner): 43.967N 119.383E.
const LINDONG: (f64, f64) = (119.383, 43.967);

fn at(p: (f64, f64), year: i32) -> nerchinsk::control::Control<'static> {
    control_at(Point::new(p.0, p.1), year).unwrap()
}

#[test]
fn sixty_four_villages_were_under_qing_jurisdiction_until_1900() {
    let c = at(SIXTY_FOUR, 1880);
    assert_eq!(c.de_jure.status, Status::Russia);
    assert_eq!(c.de_jure.sovereign, "Russian Empire");
    assert_eq!(c.area, Some("sixty_four_villages"));
    assert_eq!((c.controller, c.side), ("Qing Empire", Some(Status::China)));
    assert!(c.reason.contains("jurisdiction"), "{}", c.reason);
    let c = at(SIXTY_FOUR, 1901);
    assert_eq!(
        (c.controller, c.area, c.reason),
        ("Russian Empire", None, "de jure")
    );
    // before Aigun the land was Qing de jure, and the area does not apply
    assert_eq!(at(SIXTY_FOUR, 1850).area, None);
    // Heihe, across the Amur, was never in the area
    assert_eq!(at((127.4886, 50.2458), 1880).area, None);
}

#[test]
fn harbin_in_1935_is_chinese_de_jure_and_manchukuo_de_facto() {
    let c = at(HARBIN, 1935);
    assert_eq!(c.de_jure.status, Status::China);
    assert_eq!(c.de_jure.sovereign, "Republic of China");
    assert_eq!(c.area, Some("manchukuo"));
    assert!(c.controller.starts_with("Manchukuo"), "{}", c.controller);
    assert_eq!(c.side, None);
    // the exact bounds: proclaimed 1 Mar 1932, gone 19 Aug 1945
    let layer = embedded();
    let atlas = nerchinsk::data::embedded();
    let on = |y, m, d| {
        layer
            .control_on(
                atlas,
                Point::new(HARBIN.0, HARBIN.1),
                Date::new(y, m, d).unwrap(),
            )
            .unwrap()
            .area
    };
    // before Manchukuo, the Kwantung Army from 5 Feb 1932 (below)
    assert_eq!(on(1932, 2, 29), Some("kwantung_harbin_1932"));
    assert_eq!(on(1932, 3, 1), Some("manchukuo"));
    // from 17 Aug the 2nd Far Eastern Front's area comes first (Jiamusi taken; zhgx.net news 277)
    assert_eq!(on(1945, 8, 16), Some("manchukuo"));
    assert_eq!(on(1945, 8, 17), Some("soviet_2nd_far_eastern_front"));
    // the day Manchukuo ends, the Soviet occupation of the whole begins (tests/control.rs, below)
    assert_eq!(on(1945, 8, 19), Some("soviet_manchuria"));
    // Blagoveshchensk, on the Russian bank, was not in Manchukuo
    assert_eq!(at((127.533, 50.25), 1935).area, None);
}

#[test]
fn bolshoy_ussuriysky_west_and_east_in_2000_and_2010() {
    // 2000: both parts Russian de jure (the data's pre-2004 line) and held by Russia, claimed by China
    for p in [WEST_ISLAND, EAST_ISLAND] {
        let c = at(p, 2000);
        assert_eq!(c.de_jure.status, Status::Russia, "{p:?}");
        assert_eq!(c.area, Some("heixiazi_held"));
        assert_eq!(
            (c.controller, c.side, c.claimed_by),
            ("Russian Federation", Some(Status::Russia), "china")
        );
    }
    // 2010: the west Chinese and the east Russian, both de jure and in fact
    let w = at(WEST_ISLAND, 2010);
    assert_eq!(w.de_jure.status, Status::China);
    assert_eq!(
        w.de_jure.treaty,
        "Complementary Agreement on the Eastern Section of the China-Russia Boundary"
    );
    assert_eq!((w.controller, w.area), ("People's Republic of China", None));
    let e = at(EAST_ISLAND, 2010);
    assert_eq!(e.de_jure.status, Status::Russia);
    assert_eq!((e.controller, e.area), ("Russian Federation", None));
    // 2006: Chinese de jure (the agreement took effect on 2 Jun 2005), still held by Russia
    let w = at(WEST_ISLAND, 2006);
    assert_eq!(w.de_jure.status, Status::China);
    assert_eq!(
        (w.side, w.area),
        (Some(Status::Russia), Some("heixiazi_held"))
    );
    // 1930: held by the USSR since the 1929 conflict
    assert_eq!(
        at(WEST_ISLAND, 1930).controller,
        "Union of Soviet Socialist Republics"
    );
}

#[test]
fn harbin_in_late_1945_is_chinese_de_jure_and_soviet_de_facto() {
    let c = at(HARBIN, 1945);
    assert_eq!(c.de_jure.status, Status::China);
    assert_eq!(c.de_jure.sovereign, "Republic of China");
    assert_eq!(c.area, Some("soviet_manchuria"));
    assert_eq!(
        (c.controller, c.side, c.claimed_by),
        (
            "Union of Soviet Socialist Republics",
            Some(Status::Russia),
            "china"
        )
    );
    assert!(c.reason.contains("withdrawal"), "{}", c.reason);
    // 1947: the Soviet troops have gone; the Communists held Harbin from 28 Apr 1946
    // (special.dbw.cn/system/2006/04/26/050375632.shtml)
    let c = at(HARBIN, 1947);
    assert_eq!(c.de_jure.sovereign, "Republic of China");
    assert_eq!((c.area, c.side), (Some("communist_heilongjiang"), None));
    // the exact bounds: from the fall of Manchukuo (19 Aug 1945) to the completed withdrawal (3 May 1946)
    let layer = embedded();
    let atlas = nerchinsk::data::embedded();
    let on = |p: (f64, f64), y, m, d| {
        layer
            .control_on(atlas, Point::new(p.0, p.1), Date::new(y, m, d).unwrap())
            .unwrap()
            .area
    };
    assert_eq!(on(HARBIN, 1945, 12, 1), Some("soviet_manchuria"));
    assert_eq!(on(HARBIN, 1946, 4, 27), Some("soviet_manchuria"));
    assert_eq!(on(HARBIN, 1946, 4, 28), Some("communist_heilongjiang"));
    // Changchun, where no later area starts before 23 May 1946: the withdrawal's end
    assert_eq!(on(CHANGCHUN, 1946, 5, 2), Some("soviet_manchuria"));
    assert_eq!(on(CHANGCHUN, 1946, 5, 3), None);
    // only where the land is Chinese de jure: Blagoveshchensk (as above) is Soviet in both senses
    let c = layer
        .control_on(
            atlas,
            Point::new(127.533, 50.25),
            Date::new(1945, 12, 1).unwrap(),
        )
        .unwrap();
    assert_eq!((c.area, c.de_jure.status), (None, Status::Russia));
}

#[test]
fn abagaitu_held_by_russia_until_2008_then_split() {
    // 2000: Chinese de jure (the line before 2004 runs on the channels west and north of the islet,
    // Chinese land until the Soviet occupation of 1929: data/README.md) but held by Russia
    for p in [ABAGAITU, ABAGAITU_WEST] {
        let c = at(p, 2000);
        assert_eq!(c.de_jure.status, Status::China, "{p:?}");
        assert_eq!(c.area, Some("abagaitu_held"), "{p:?}");
        assert_eq!(
            (c.controller, c.side, c.claimed_by),
            ("Russian Federation", Some(Status::Russia), "china")
        );
    }
    // 2006: the eastern part Chinese de jure (in force 2 Jun 2005) but still held by Russia
    let c = at(ABAGAITU, 2006);
    assert_eq!(c.de_jure.status, Status::China);
    assert_eq!(
        (c.side, c.area),
        (Some(Status::Russia), Some("abagaitu_held"))
    );
    // 2010: the eastern part Chinese, the western part Russian, both de jure and in fact
    let c = at(ABAGAITU, 2010);
    assert_eq!(c.de_jure.status, Status::China);
    assert_eq!((c.controller, c.area), ("People's Republic of China", None));
    let c = at(ABAGAITU_WEST, 2010);
    assert_eq!(c.de_jure.status, Status::Russia);
    assert_eq!((c.controller, c.area), ("Russian Federation", None));
    // 1929 (as at 31 Dec): Soviet-held; 1928: the de jure answer, no area
    assert_eq!(
        at(ABAGAITU, 1929).controller,
        "Union of Soviet Socialist Republics"
    );
    assert_eq!(at(ABAGAITU, 1928).area, None);
    // the handover day
    let layer = embedded();
    let atlas = nerchinsk::data::embedded();
    let p = Point::new(ABAGAITU.0, ABAGAITU.1);
    let on = |y, m, d| {
        layer
            .control_on(atlas, p, Date::new(y, m, d).unwrap())
            .unwrap()
    };
    assert_eq!(on(2008, 10, 13).controller, "Russian Federation");
    assert_eq!(on(2008, 10, 14).controller, "People's Republic of China");
}

#[test]
fn zhenbao_soviet_held_in_1968_chinese_after_1969() {
    let c = at(ZHENBAO, 1968);
    // de jure Soviet until the 1991 agreement, by the 1861 map's line along the Chinese bank
    // (data/ISLANDS.md, "Islands in the rivers")
    assert_eq!(c.de_jure.status, Status::Russia);
    assert_eq!(c.area, Some("zhenbao_soviet"));
    assert_eq!(
        (c.controller, c.side),
        ("Union of Soviet Socialist Republics", Some(Status::Russia))
    );
    let layer = embedded();
    let atlas = nerchinsk::data::embedded();
    let summer = layer
        .control_on(
            atlas,
            Point::new(ZHENBAO.0, ZHENBAO.1),
            Date::new(1969, 6, 1).unwrap(),
        )
        .unwrap();
    assert_eq!((summer.controller, summer.side), ("contested", None));
    let c = at(ZHENBAO, 1970);
    assert_eq!(
        (c.side, c.area),
        (Some(Status::China), Some("zhenbao_chinese"))
    );
    assert_eq!(c.de_jure.status, Status::Russia);
    let c = at(ZHENBAO, 2000);
    assert_eq!(c.de_jure.status, Status::China);
    assert_eq!((c.controller, c.area), ("People's Republic of China", None));
}

#[test]
fn errors_are_the_de_jure_errors() {
    assert!(control_at(Point::new(f64::NAN, 50.0), 1900).is_err());
    assert!(control_at(Point::new(133.0, 42.5), 1935).is_err()); // at sea
    assert!(control_at(Point::new(126.6, 45.7), 1600).is_err()); // before 1689
}

#[test]
fn every_area_is_sourced_and_well_formed() {
    let layer = ControlLayer::from_geojson(CONTROL_GEOJSON).unwrap();
    assert!(layer.areas().len() >= 20);
    for a in layer.areas() {
        assert!(a.source.len() > 20, "{}", a.id);
        assert!(!a.reason.is_empty() && !a.name.is_empty(), "{}", a.id);
        // up to 200 km: the war-time areas are today's provinces standing for what was held
        // (data/CONTROL.md gives each area's reason)
        assert!((0.0..=200.0).contains(&a.accuracy_km), "{}", a.id);
        assert!(a.from < a.to, "{}", a.id);
    }
    let bad = CONTROL_GEOJSON.replacen("\"de_jure\":\"any\"", "\"de_jure\":\"maybe\"", 1);
    let e = ControlLayer::from_geojson(&bad).err().unwrap();
    assert!(e.to_string().contains("maybe"), "{e}");
}

/// The control on a day, from the embedded layer and atlas.
fn on(p: (f64, f64), y: i32, m: u8, d: u8) -> nerchinsk::control::Control<'static> {
    embedded()
        .control_on(
            nerchinsk::data::embedded(),
            Point::new(p.0, p.1),
            Date::new(y, m, d).unwrap(),
        )
        .unwrap()
}

/// Checks an area on both sides of its two bounds: the day before `from` answers `before`,
/// `from` and the day before `to` answer `id`, and `to` answers `after`. Dates are (y, m, d).
fn bounds(
    p: (f64, f64),
    id: &str,
    days: [(i32, u8, u8); 4],
    before: Option<&str>,
    after: Option<&str>,
) {
    let area = |(y, m, d): (i32, u8, u8)| on(p, y, m, d).area;
    assert_eq!(area(days[0]), before, "{id}: the day before it starts");
    assert_eq!(area(days[1]), Some(id), "{id}: its first day");
    assert_eq!(area(days[2]), Some(id), "{id}: its last day");
    assert_eq!(area(days[3]), after, "{id}: the day it ends");
}

#[test]
fn russian_occupation_of_manchuria_1900_to_1907() {
    // Russian troops crossed the Amur on 20 Jul 1900 (en.wikipedia Battles on Amur River (1900));
    // China took over the last towns on 15 Apr 1907 (caihezi.com/history/ygmYg0K9.html)
    bounds(
        HARBIN,
        "russian_occupation_1900",
        [(1900, 7, 19), (1900, 7, 20), (1907, 4, 14), (1907, 4, 15)],
        None,
        None,
    );
    let c = on(QIQIHAR, 1903, 1, 1);
    assert_eq!((c.side, c.claimed_by), (Some(Status::Russia), "china"));
    assert_eq!(c.de_jure.status, Status::China);
    // the Russian bank is Russian in both senses
    assert_eq!(on(SVOBODNY, 1903, 1, 1).area, None);
}

#[test]
fn civil_war_and_intervention_on_the_russian_side() {
    // Chita: Japanese from September 1918 (wikisum.wiki Chita), taken by the People's
    // Revolutionary Army on 22 Oct 1920 (pregl.ru)
    bounds(
        CHITA,
        "civil_war_transbaikalia",
        [(1918, 8, 31), (1918, 9, 1), (1920, 10, 21), (1920, 10, 22)],
        None,
        None,
    );
    // Amur oblast: Blagoveshchensk taken by 23 Sep 1918 (wdl.org/en/item/18443); power handed over
    // on 4 Feb 1920 (Tikhomirov, libcat.ru)
    bounds(
        SVOBODNY,
        "civil_war_amur",
        [(1918, 9, 22), (1918, 9, 23), (1920, 2, 3), (1920, 2, 4)],
        None,
        None,
    );
    // Primorye: Khabarovsk taken on 5 Sep 1918 (wdl.org/en/item/18435); Vladivostok entered on
    // 25 Oct 1922 (fakti.bg 826330)
    bounds(
        USSURIYSK,
        "intervention_primorye",
        [(1918, 9, 4), (1918, 9, 5), (1922, 10, 24), (1922, 10, 25)],
        None,
        None,
    );
    // the controller is a literal name; the de jure side is Russian (its name in these years is
    // another change's business, so only the status is asserted)
    for (p, id, who) in [
        (CHITA, "civil_war_transbaikalia", "Semyonov"),
        (SVOBODNY, "civil_war_amur", "Japanese"),
        (USSURIYSK, "intervention_primorye", "Japanese"),
    ] {
        let c = on(p, 1919, 6, 1);
        assert_eq!((c.area, c.side), (Some(id), None), "{id}");
        assert!(c.controller.contains(who), "{}", c.controller);
        assert_eq!(c.de_jure.status, Status::Russia, "{id}");
        assert_eq!(c.claimed_by, "russia", "{id}");
    }
    // Primorye is still held in 1921, Chita no longer
    assert_eq!(
        on(USSURIYSK, 1921, 6, 1).area,
        Some("intervention_primorye")
    );
    assert_eq!(on(CHITA, 1921, 6, 1).area, None);
    // the Chinese bank is not in these areas: Harbin in 1919 answers de jure
    assert_eq!(on(HARBIN, 1919, 6, 1).area, None);
}

#[test]
fn japanese_invasion_by_the_dates_each_part_fell() {
    // Changchun: taken within days of 18 Sep 1931 (phersu-atlas.com event 2518), 19 Sep taken [est]
    bounds(
        CHANGCHUN,
        "kwantung_jilin_1931",
        [(1931, 9, 18), (1931, 9, 19), (1932, 2, 29), (1932, 3, 1)],
        None,
        Some("manchukuo"),
    );
    // Qiqihar: Ma Zhanshan forced out by 19 Nov 1931 (phersu-atlas.com event 2518)
    bounds(
        QIQIHAR,
        "kwantung_qiqihar_1931",
        [(1931, 11, 18), (1931, 11, 19), (1932, 2, 29), (1932, 3, 1)],
        None,
        Some("manchukuo"),
    );
    // Harbin: occupied on the afternoon of 5 Feb 1932 (Lytton report p. 80, en.wikisource)
    bounds(
        HARBIN,
        "kwantung_harbin_1932",
        [(1932, 2, 4), (1932, 2, 5), (1932, 2, 29), (1932, 3, 1)],
        None,
        Some("manchukuo"),
    );
    assert!(on(HARBIN, 1932, 2, 10).controller.contains("Kwantung"));
    // Hailar: Su Bingwen's until December 1932 (fx361.cc 2012/0815/13281853; 5 Dec [est])
    bounds(
        HAILAR,
        "su_bingwen_hulunbuir",
        [(1932, 2, 29), (1932, 3, 1), (1932, 12, 4), (1932, 12, 5)],
        None,
        Some("manchukuo"),
    );
    let c = on(HAILAR, 1932, 10, 1);
    assert_eq!(
        (c.controller, c.side, c.claimed_by),
        ("Republic of China", Some(Status::China), "Manchukuo")
    );
    // northern Jehol: Chengde fell on 4 Mar 1933 (paperspast HBTRIB19330306.2.79)
    bounds(
        LINDONG,
        "jehol_1933",
        [(1932, 2, 29), (1932, 3, 1), (1933, 3, 3), (1933, 3, 4)],
        None,
        Some("manchukuo"),
    );
    assert_eq!(on(LINDONG, 1932, 6, 1).controller, "Republic of China");
    // Manchukuo itself, at Changchun (proclaimed 1 Mar 1932; Puyi captured 19 Aug 1945)
    bounds(
        CHANGCHUN,
        "manchukuo",
        [(1932, 2, 29), (1932, 3, 1), (1945, 8, 18), (1945, 8, 19)],
        Some("kwantung_jilin_1931"),
        Some("soviet_manchuria"),
    );
}

#[test]
fn soviet_advance_by_front_in_1945() {
    // Transbaikal Front: Hailar taken on 10 Aug 1945 (Tretyak, mybooks.club p. 54)
    bounds(
        HAILAR,
        "soviet_transbaikal_front",
        [(1945, 8, 9), (1945, 8, 10), (1945, 8, 18), (1945, 8, 19)],
        Some("manchukuo"),
        Some("soviet_manchuria"),
    );
    // 2nd Far Eastern Front: Jiamusi taken on 17 Aug 1945 (zhgx.net news 277)
    bounds(
        HARBIN,
        "soviet_2nd_far_eastern_front",
        [(1945, 8, 16), (1945, 8, 17), (1945, 8, 18), (1945, 8, 19)],
        Some("manchukuo"),
        Some("soviet_manchuria"),
    );
    let c = on(HAILAR, 1945, 8, 12);
    assert_eq!(
        (c.controller, c.side, c.claimed_by),
        (
            "Union of Soviet Socialist Republics",
            Some(Status::Russia),
            "china"
        )
    );
    // Changchun (Transbaikal Front and 1st Far Eastern Front, 20 Aug; zab-news.ru): Manchukuo
    // until the whole polygon turns Soviet on 19 Aug
    assert_eq!(on(CHANGCHUN, 1945, 8, 17).area, Some("manchukuo"));
    // the Soviet occupation of the whole, at Changchun, to the completed withdrawal of 3 May 1946
    bounds(
        CHANGCHUN,
        "soviet_manchuria",
        [(1945, 8, 18), (1945, 8, 19), (1946, 5, 2), (1946, 5, 3)],
        Some("manchukuo"),
        None,
    );
}

#[test]
fn chinese_civil_war_in_the_north() {
    // Harbin: the Communists from 28 Apr 1946 (special.dbw.cn) to the People's Republic (1 Oct 1949)
    bounds(
        HARBIN,
        "communist_heilongjiang",
        [(1946, 4, 27), (1946, 4, 28), (1949, 9, 30), (1949, 10, 1)],
        Some("soviet_manchuria"),
        None,
    );
    let c = on(HARBIN, 1948, 1, 1);
    assert_eq!((c.side, c.claimed_by), (None, "china"));
    assert!(c.controller.contains("Communist"), "{}", c.controller);
    assert_eq!(c.de_jure.sovereign, "Republic of China");
    // Changchun: the Nationalists from 23 May 1946 to the surrender of 19 Oct 1948 (hubbry.com)
    bounds(
        CHANGCHUN,
        "nationalist_changchun",
        [(1946, 5, 22), (1946, 5, 23), (1948, 10, 18), (1948, 10, 19)],
        None,
        Some("communist_jilin"),
    );
    assert_eq!(on(CHANGCHUN, 1947, 1, 1).controller, "Republic of China");
    // Jilin city: Communist from mid-March 1948 (wikisum.wiki Siege of Changchun; 15 Mar [est])
    bounds(
        JILIN_CITY,
        "communist_jilin",
        [(1948, 3, 14), (1948, 3, 15), (1949, 9, 30), (1949, 10, 1)],
        None,
        None,
    );
    assert_eq!(
        on(JILIN_CITY, 1949, 10, 1).controller,
        "People's Republic of China"
    );
}

#[test]
fn the_areas_are_tried_in_the_documented_order() {
    // data/CONTROL.md, "Order": the island areas, the Sixty-Four Villages, 1900, the Russian civil
    // war, the Kwantung Army before Manchukuo, Su Bingwen, the 1945 fronts, Manchukuo, the
    // Chinese civil war, the Soviet occupation of the whole
    let ids: Vec<&str> = embedded().areas().iter().map(|a| a.id.as_str()).collect();
    let pos = |id: &str| ids.iter().position(|x| *x == id).unwrap();
    assert!(pos("su_bingwen_hulunbuir") < pos("manchukuo"));
    assert!(pos("jehol_1933") < pos("manchukuo"));
    assert!(pos("soviet_transbaikal_front") < pos("manchukuo"));
    assert!(pos("soviet_2nd_far_eastern_front") < pos("manchukuo"));
    assert!(pos("nationalist_changchun") < pos("communist_jilin"));
    assert!(pos("communist_heilongjiang") < pos("soviet_manchuria"));
    assert!(pos("heixiazi_held") < pos("russian_occupation_1900"));
}

#[test]
fn older_areas_on_both_sides_of_their_dates() {
    // the Sixty-Four Villages: Aigun (28 May 1858) to the expulsions of July 1900 (data/README.md)
    bounds(
        SIXTY_FOUR,
        "sixty_four_villages",
        [(1858, 5, 27), (1858, 5, 28), (1900, 7, 16), (1900, 7, 17)],
        None,
        None,
    );
    // Zhenbao: the 1951 agreement, the clashes of 2 Mar 1969, the ceasefire of 10 Sep 1969 and
    // the 1991 agreement in force on 16 Mar 1992 (Ryabushkin, rulit.me; bibliboba.online)
    bounds(
        ZHENBAO,
        "zhenbao_soviet",
        [(1950, 12, 31), (1951, 1, 1), (1969, 3, 1), (1969, 3, 2)],
        None,
        Some("zhenbao_contested"),
    );
    bounds(
        ZHENBAO,
        "zhenbao_contested",
        [(1969, 3, 1), (1969, 3, 2), (1969, 9, 9), (1969, 9, 10)],
        Some("zhenbao_soviet"),
        Some("zhenbao_chinese"),
    );
    bounds(
        ZHENBAO,
        "zhenbao_chinese",
        [(1969, 9, 9), (1969, 9, 10), (1992, 3, 15), (1992, 3, 16)],
        Some("zhenbao_contested"),
        None,
    );
    // the islands: the Khabarovsk Protocol of 22 Dec 1929 to the handover of 14 Oct 2008
    // (history.state.gov FRUS 1929 v. II d397; 9x1x.cn/article/jnpeoc)
    for (p, id) in [
        (WEST_ISLAND, "heixiazi_held"),
        (EAST_ISLAND, "heixiazi_held"),
        (ABAGAITU, "abagaitu_held"),
        (ABAGAITU_WEST, "abagaitu_held"),
    ] {
        bounds(
            p,
            id,
            [
                (1929, 12, 21),
                (1929, 12, 22),
                (2008, 10, 13),
                (2008, 10, 14),
            ],
            None,
            None,
        );
    }
}
