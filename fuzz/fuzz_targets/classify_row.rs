//! One row of `nerchinsk classify`, as far as the library goes: three text fields (longitude,
//! latitude, year or YYYY-MM-DD date) parsed the way the command line parses them, then the
//! point located on the embedded atlas with the nearest border and the side of a line.
//! Everything must be Ok or an error value, never a panic. (The CSV reading itself is in the
//! binary, src/bin/nerchinsk.rs, and is not reachable from the library; the csv crate does it.)
#![no_main]

use geo_types::Point;
use libfuzzer_sys::fuzz_target;
use nerchinsk::{data::embedded, Date};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut fields = text.splitn(3, ',');
    let (Some(lon), Some(lat), Some(when)) = (fields.next(), fields.next(), fields.next()) else {
        return;
    };
    let (Ok(lon), Ok(lat)) = (lon.trim().parse::<f64>(), lat.trim().parse::<f64>()) else {
        return;
    };
    let when = when.trim();
    let date = if when.contains('-') && !when.starts_with('-') {
        Date::parse(when)
    } else {
        match when.parse::<i32>() {
            Ok(y) => Ok(Date::end_of_year(y)),
            Err(_) => return,
        }
    };
    let atlas = embedded();
    let p = Point::new(lon, lat);
    if let Ok(date) = date {
        let _ = atlas.sovereignty_on(p, date);
        let _ = atlas.sovereignty_exact(p, date);
        let _ = atlas.nearest_border(p, date);
    }
    let _ = atlas.side_of_line("amur_upper", p);
});
