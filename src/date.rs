//! Calendar dates, proleptic Gregorian.

use std::fmt;
use std::str::FromStr;

/// A calendar date, proleptic Gregorian. Dates order as the calendar does.
///
/// ```
/// use nerchinsk::Date;
///
/// let aigun: Date = "1858-05-28".parse().unwrap();
/// assert_eq!(aigun, Date::new(1858, 5, 28).unwrap());
/// assert!(aigun < Date::end_of_year(1858));
/// assert!("1858-02-29".parse::<Date>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year (astronomical numbering).
    pub year: i32,
    /// Month, 1-12.
    pub month: u8,
    /// Day of the month, 1-31.
    pub day: u8,
}

/// A date that does not exist (month 13, 30 February) or text that is not `YYYY-MM-DD`.
/// Converts into [`crate::Error::InvalidDate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub(crate) String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a valid date: {}", self.0)
    }
}

impl std::error::Error for DateError {}

impl Date {
    /// A checked date.
    ///
    /// # Errors
    /// A month outside 1-12 or a day the month does not have.
    ///
    /// ```
    /// use nerchinsk::Date;
    ///
    /// assert!(Date::new(1860, 2, 29).is_ok());
    /// assert!(Date::new(1900, 2, 29).is_err()); // not a leap year
    /// ```
    pub fn new(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => {
                return Err(DateError(format!(
                    "{year:04}-{month:02}-{day:02}: month must be 1-12"
                )))
            }
        };
        if day == 0 || day > days {
            return Err(DateError(format!(
                "{year:04}-{month:02}-{day:02}: day must be 1-{days}"
            )));
        }
        Ok(Date { year, month, day })
    }

    /// The date a bare year stands for: 31 December, so a year answers "after that year's
    /// treaties".
    ///
    /// ```
    /// use nerchinsk::Date;
    ///
    /// assert_eq!(Date::end_of_year(1689).to_string(), "1689-12-31");
    /// ```
    pub const fn end_of_year(year: i32) -> Self {
        Date {
            year,
            month: 12,
            day: 31,
        }
    }

    /// Parse `YYYY-MM-DD` (surrounding white space allowed); the same as `text.parse()`.
    ///
    /// # Errors
    /// Text that is not three dash-separated numbers, or a date that does not exist.
    ///
    /// ```
    /// use nerchinsk::Date;
    ///
    /// assert_eq!(Date::parse(" 1860-11-14 ").unwrap(), Date::new(1860, 11, 14).unwrap());
    /// assert!(Date::parse("yesterday").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let bad = || DateError(format!("{text:?} is not YYYY-MM-DD"));
        let mut it = text.trim().splitn(3, '-');
        let y = it.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
        let m = it.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
        let d = it.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
        Date::new(y, m, d)
    }

    /// A date as an integer that sorts like the date (for tables keyed by day).
    pub(crate) const fn day_key(self) -> i64 {
        (self.year as i64) * 512 + (self.month as i64) * 32 + self.day as i64
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, DateError> {
        Date::parse(text)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked() {
        assert!(Date::new(1860, 2, 30).is_err());
        assert!(Date::new(1900, 2, 29).is_err());
        assert!(Date::new(2000, 2, 29).is_ok());
        assert!(Date::parse("1858-13-01").is_err());
        assert!(Date::parse("yesterday").is_err());
        assert_eq!(
            Date::parse("1858-05-28").unwrap(),
            Date {
                year: 1858,
                month: 5,
                day: 28
            }
        );
    }

    #[test]
    fn day_keys_sort_like_dates() {
        let a = Date::new(1858, 12, 31).unwrap();
        let b = Date::new(1859, 1, 1).unwrap();
        assert!(a.day_key() < b.day_key());
        assert!(
            Date::new(1858, 5, 28).unwrap().day_key() < Date::new(1858, 6, 1).unwrap().day_key()
        );
    }
}
