//! `nerchinsk at LON LAT YEAR [--json]`: which state held a point in a year.

use std::process::ExitCode;

use geo_types::Point;
use nerchinsk::{data::embedded, Date};

const USAGE: &str = "usage: nerchinsk at LON LAT YEAR|YYYY-MM-DD [--json]
  LON, LAT  WGS84 degrees (longitude first), e.g. 127.53 50.25
  YEAR      a year, taken as at 31 December, or a date YYYY-MM-DD (Gregorian)
example: nerchinsk at 124.0775 53.39056 1700 --json";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    match run(&args) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("nerchinsk: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    let json = args.iter().any(|a| a == "--json");
    let rest: Vec<&str> = args
        .iter()
        .filter(|a| *a != "--json")
        .map(String::as_str)
        .collect();
    let [cmd, lon, lat, when] = rest[..] else {
        return Err(format!("expected 4 arguments, got {}\n{USAGE}", rest.len()));
    };
    if cmd != "at" {
        return Err(format!("unknown command {cmd:?}\n{USAGE}"));
    }
    let num = |s: &str, what: &str| {
        s.parse::<f64>()
            .map_err(|_| format!("{what} {s:?} is not a number"))
    };
    let (lon, lat) = (num(lon, "longitude")?, num(lat, "latitude")?);
    let date = if when.contains('-') && !when.starts_with('-') {
        Date::parse(when).map_err(|e| e.to_string())?
    } else {
        Date::end_of_year(
            when.parse()
                .map_err(|_| format!("year {when:?} is not a whole number"))?,
        )
    };
    let atlas = embedded();
    let s = atlas
        .sovereignty_on(Point::new(lon, lat), date)
        .map_err(|e| e.to_string())?;
    let near = atlas
        .nearest_border(Point::new(lon, lat), date)
        .map_err(|e| e.to_string())?;
    Ok(if json {
        serde_json::json!({
            "status": s.status.as_str(), "sovereign": s.sovereign, "treaty": s.treaty,
            "distance_km": (near.distance_km * 1000.0).round() / 1000.0, "nearest_line": near.line,
            "lon": lon, "lat": lat, "year": date.year, "date": date.to_string(),
        })
        .to_string()
    } else {
        format!(
            "{lon}, {lat} on {date}: {} ({}), set by the {}; {:.1} km from the {} line",
            s.sovereign, s.status, s.treaty, near.distance_km, near.line
        )
    })
}
