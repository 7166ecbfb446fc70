//! The main job on the embedded data: who held a set of landmarks at each treaty epoch.
//!
//! `cargo run --release --example sovereignty`

use geo_types::Point;
use nerchinsk::data::embedded;
use nerchinsk::internals::AtlasInternals;
use nerchinsk::Date;

fn main() {
    let t = std::time::Instant::now();
    let atlas = embedded();
    eprintln!(
        "atlas: {} lines, {} faces, built in {:.0} ms",
        atlas.lines().len(),
        atlas.topology().faces.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let places = [
        ("Nerchinsk", 116.58, 51.98),
        ("Albazino", 124.0775, 53.39056),
        ("Blagoveshchensk", 127.533, 50.25),
        ("Heihe", 127.49, 50.24),
        ("Khabarovsk", 135.1, 48.467),
        ("Vladivostok", 131.89, 43.12),
        ("Harbin", 126.63, 45.75),
        ("Chumikan (Uda mouth)", 135.31, 54.72),
        ("Zeya", 127.27, 53.73),
    ];
    let years = [1700, 1859, 1861, 1950, 2025];
    print!("{:<22}", "place");
    for y in years {
        print!(" {:>28}", y);
    }
    println!();
    for (name, lon, lat) in places {
        print!("{name:<22}");
        for y in years {
            let p = Point::new(lon, lat);
            let near = atlas.nearest_border_on(p, Date::end_of_year(y));
            match (atlas.sovereignty_at(p, y), near) {
                (Ok(s), Ok(near)) => print!(
                    " {:>28}",
                    format!("{} ({:.1} km)", s.sovereign, near.distance_km)
                ),
                (Err(e), _) | (_, Err(e)) => print!(" {:>28}", format!("error: {e}")),
            }
        }
        println!();
    }
    for ev in atlas.events() {
        for t in atlas.transfers_of(&ev.id).unwrap() {
            println!("{}: {} -> {}: {:.0} km2", ev.name, t.from, t.to, t.km2);
        }
    }
}
