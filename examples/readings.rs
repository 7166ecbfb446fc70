//! How much land the choice of reading moves: the Little Gorbitsa (the embedded data) against the
//! Great Gorbitsa (Amazar), geodesic km² on WGS84, per status, on 31 December of a year.
//!
//! `cargo run --release --example readings [-- YEAR]` (default 1700)

use nerchinsk::readings::{compare, Reading};
use nerchinsk::{Atlas, Date};

fn main() {
    let year: i32 = std::env::args()
        .nth(1)
        .map(|y| y.parse().expect("a year, e.g. 1700"))
        .unwrap_or(1700);
    let date = Date::end_of_year(year);
    let base = Atlas::with_reading(Reading::Standard).expect("the standard reading");
    for other in Reading::ALL.into_iter().skip(1) {
        let alt = Atlas::with_reading(other).expect("the alternative reading");
        let (a, b) = (
            base.status_areas_km2_on(date).expect("a covered date"),
            alt.status_areas_km2_on(date).expect("a covered date"),
        );
        let cmp = compare(&base, &alt, date).expect("the two readings overlay");
        println!(
            "31 December {year}: {} against {}\n",
            Reading::Standard.name(),
            other.name()
        );
        println!(
            "| status | {} km² | {} km² | difference km² |",
            Reading::Standard.id(),
            other.id()
        );
        println!("|---|---:|---:|---:|");
        let statuses: std::collections::BTreeSet<_> = a.keys().chain(b.keys()).collect();
        for &s in statuses {
            let (x, y) = (
                a.get(&s).copied().unwrap_or(0.0),
                b.get(&s).copied().unwrap_or(0.0),
            );
            println!("| {s} | {x:.0} | {y:.0} | {:+.0} |", y - x);
        }
        println!();
        for t in &cmp.transfers {
            println!(
                "{} in the {} reading, {} in the {} reading: {:.0} km²",
                t.from,
                Reading::Standard.id(),
                t.to,
                other.id(),
                t.km2
            );
        }
        println!("land that changes status: {:.0} km²\n", cmp.moved_km2());
    }
}
