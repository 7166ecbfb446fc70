//! Towns on either side of the border answer their own country in 2025, or say that the answer
//! is not certain and name their country as the other side. The towns are every Russian and
//! Chinese place of Natural Earth's 10m populated places (version 2.0.0137, public domain, from
//! Debian's libmagics++-data 4.13.0-1) inside the covered frame's box: tests/towns.csv.

use geo_types::Point;
use nerchinsk::data::embedded;
use nerchinsk::{Date, Error, Status};

#[test]
fn towns_answer_their_own_side_or_say_they_are_not_sure() {
    let atlas = embedded();
    let date = Date::new(2025, 1, 1).unwrap();
    let (mut own, mut unsure, mut uncovered) = (0, 0, 0);
    let mut at_sea = Vec::new();
    let mut wrong = Vec::new();
    for line in include_str!("towns.csv").lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let (name, country) = (f[0], f[1]);
        let p = Point::new(f[2].parse().unwrap(), f[3].parse().unwrap());
        let side = match country {
            "RUS" => Status::Russia,
            "CHN" => Status::China,
            other => panic!("{other}"),
        };
        match atlas.sovereignty_on(p, date) {
            Ok(s) if s.status == side => own += 1,
            Ok(s) => {
                let c = atlas.certainty_on(p, date).unwrap();
                match c.other_side {
                    Some(o) if o.status == side => unsure += 1,
                    _ => wrong.push(format!("{name} ({country}) answers {}", s.status)),
                }
            }
            // China west of 115.5E is not covered
            Err(Error::OutsideCoverage { .. }) if side == Status::China && p.x() < 115.5 => {
                uncovered += 1
            }
            Err(Error::AtSea { .. }) => at_sea.push(name),
            Err(e) => wrong.push(format!("{name} ({country}): {e}")),
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    // Natural Earth's point for De Kastri (51.4666N 140.7833E) lies 0.17 km off the GSHHG
    // shoreline the data use (nearest vertex of the `coast` line; its accuracy is 0.2 km)
    assert_eq!(at_sea, ["De Kastri"]);
    assert!(own > 100, "{own} {unsure} {uncovered}");
    println!("{own} on their own side, {unsure} not certain with their own side as the other, {uncovered} not covered");
}
