//! One CSV row of `nerchinsk classify`, after the `csv` crate has split it: the fields parsed by
//! the command line's own row parser (`nerchinsk_cli::classify::parse_row`: field count,
//! longitude, latitude, year or YYYY-MM-DD date) and classified by its `classify_point`
//! (sovereignty and distance to the nearest line) on the embedded atlas, then the same point
//! through the exact path and the side of a line. Everything must be Ok or an error value,
//! never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nerchinsk::data::embedded;
use nerchinsk_cli::classify::{classify_point, parse_row, ByteRecord, RowDate, RowLayout};

fuzz_target!(|data: &[u8]| {
    // fields split at commas (so rows of the wrong width reach the parser too)
    let rec = ByteRecord::from(data.split(|&b| b == b',').collect::<Vec<&[u8]>>());
    let layout = RowLayout {
        width: 3,
        lon: 0,
        lat: 1,
        date: RowDate::Column {
            index: 2,
            name: "when".into(),
        },
    };
    let Ok((p, date)) = parse_row(&rec, &layout) else {
        return;
    };
    let atlas = embedded();
    let _ = classify_point(atlas, p, date, true);
    let _ = atlas.nearest_border_on(p, date);
    let _ = atlas.sovereignty_exact(p, date);
    let _ = atlas.side_of_line(p, "amur_upper");
});
