//! Dates on the command line: a year (taken as at 31 December) or a date YYYY-MM-DD, for
//! `at`, `--year`, `--date` and the year column of `classify`. The only place they are parsed.

use nerchinsk::Date;

/// A year (as at 31 December of that year) or a date YYYY-MM-DD (proleptic Gregorian).
/// Surrounding blanks are ignored; a leading minus sign makes a (negative) year, not a date.
///
/// ```
/// use nerchinsk::Date;
/// use nerchinsk_cli::when::parse_when;
///
/// assert_eq!(parse_when("1858"), Ok(Date::end_of_year(1858)));
/// assert_eq!(parse_when(" 1860-11-14 "), Ok(Date::new(1860, 11, 14).unwrap()));
/// assert!(parse_when("1858-02-30").is_err());
/// assert!(parse_when("soon").is_err());
/// ```
pub fn parse_when(when: &str) -> Result<Date, String> {
    let when = when.trim();
    if when.contains('-') && !when.starts_with('-') {
        parse_date(when)
    } else {
        when.parse()
            .map(Date::end_of_year)
            .map_err(|_| format!("year {when:?} is not a whole number or a date YYYY-MM-DD"))
    }
}

/// A date YYYY-MM-DD only (`--date`).
pub fn parse_date(date: &str) -> Result<Date, String> {
    Date::parse(date).map_err(|e| e.to_string())
}

/// A whole year given as a number (a GeoJSON property), as at 31 December.
pub fn year(y: i64) -> Result<Date, String> {
    i32::try_from(y)
        .map(Date::end_of_year)
        .map_err(|_| format!("{y} is not a whole year"))
}

/// The date of `--year Y` or `--date D`: exactly one of them is given.
pub fn year_or_date(year: Option<&str>, date: Option<&str>) -> Result<Date, String> {
    match (year, date) {
        (Some(y), _) => parse_when(y),
        (None, Some(d)) => parse_date(d),
        (None, None) => Err("give --year or --date".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_dates() {
        assert_eq!(parse_when("-5"), Ok(Date::end_of_year(-5)));
        assert_eq!(year(1700), Ok(Date::end_of_year(1700)));
        assert!(year(1 << 40).is_err());
        assert_eq!(
            year_or_date(None, Some("1689-09-07")),
            Ok(Date::new(1689, 9, 7).unwrap())
        );
        assert!(year_or_date(None, None).is_err());
    }
}
