//! Arbitrary bytes as a user's dataset: everything before the first NUL byte is the lines
//! GeoJSON, everything after it the timeline JSON. `Atlas::from_json` must return Ok or an
//! error, never panic; an atlas that loads must answer queries without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (lines, timeline) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &b""[..]),
    };
    let lines = String::from_utf8_lossy(lines);
    let timeline = String::from_utf8_lossy(timeline);
    if let Ok(atlas) = nerchinsk::Atlas::from_json(&lines, &timeline) {
        let f = atlas.frame();
        let p = geo_types::Point::new((f.min().x + f.max().x) / 2.0, (f.min().y + f.max().y) / 2.0);
        for ev in atlas.events() {
            let _ = atlas.sovereignty_on(p, ev.date);
            let _ = atlas.nearest_border_on(p, ev.date);
            let _ = atlas.territories_on(ev.date);
        }
    }
});
