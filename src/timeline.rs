//! The timeline's vocabulary: events (treaties), statuses, and the names of the states over time.

use std::fmt;

use crate::date::Date;

/// One event of the timeline: a treaty that put lines in force or took them away.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Short id, e.g. `aigun_1858`.
    pub id: String,
    /// Name, e.g. "Treaty of Aigun".
    pub name: String,
    /// Date in force (proleptic Gregorian).
    pub date: Date,
    /// The date in the Julian calendar Russia then used, where the source gives it.
    pub date_julian: Option<Date>,
    /// What the treaty says, in short.
    pub text: String,
    /// Where the text and date come from.
    pub source: String,
}

/// Which side of history a territory is on at a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Russian sovereignty (Tsardom, Empire, USSR, Federation: see [`russia_name`]).
    Russia,
    /// Chinese sovereignty (Qing, Republic, People's Republic: see [`china_name`]).
    China,
    /// Held in common by both (the land between the Ussuri and the sea, 1858-1860).
    Joint,
    /// Left undetermined by the treaty (the land between the Uda and the mountains, 1689-1858).
    Undetermined,
    /// Sea: not covered.
    Sea,
    /// Land outside the covered area (Korea, Mongolia, China west of 115.5E).
    Outside,
}

impl Status {
    /// Lower-case name as used in the data and the CLI's JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Russia => "russia",
            Status::China => "china",
            Status::Joint => "joint",
            Status::Undetermined => "undetermined",
            Status::Sea => "sea",
            Status::Outside => "outside",
        }
    }

    /// Parse the lower-case name.
    pub fn parse(s: &str) -> Option<Status> {
        Some(match s {
            "russia" => Status::Russia,
            "china" => Status::China,
            "joint" => Status::Joint,
            "undetermined" => Status::Undetermined,
            "sea" => Status::Sea,
            "outside" => Status::Outside,
            _ => return None,
        })
    }

    /// True for the statuses of covered land.
    pub fn is_land(self) -> bool {
        !matches!(self, Status::Sea | Status::Outside)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The Russian state's name at a date (de jure; the Far Eastern Republic of 1920-1922 is not modelled).
///
/// Russian Empire from Peter I's proclamation (22 Oct 1721 O.S. = 2 Nov 1721); Russian Republic
/// proclaimed 14 Sep 1917; RSFSR from 7 Nov 1917; USSR from 30 Dec 1922; Russian Federation from
/// 26 Dec 1991.
pub fn russia_name(date: Date) -> &'static str {
    RUSSIA_NAMES
        .iter()
        .rev()
        .find(|(d, _)| date >= *d)
        .map_or("Tsardom of Russia", |(_, n)| n)
}

/// The Chinese state's name at a date: Qing Empire; Republic of China from the abdication of
/// 12 Feb 1912; People's Republic of China from 1 Oct 1949.
pub fn china_name(date: Date) -> &'static str {
    CHINA_NAMES
        .iter()
        .rev()
        .find(|(d, _)| date >= *d)
        .map_or("Qing Empire", |(_, n)| n)
}

/// Every date on which [`russia_name`] or [`china_name`] changes.
pub fn name_changes() -> impl Iterator<Item = Date> {
    RUSSIA_NAMES.iter().chain(&CHINA_NAMES).map(|(d, _)| *d)
}

const fn day(year: i32, month: u8, day: u8) -> Date {
    Date { year, month, day }
}

const RUSSIA_NAMES: [(Date, &str); 5] = [
    (day(1721, 11, 2), "Russian Empire"),
    (day(1917, 9, 14), "Russian Republic"),
    (
        day(1917, 11, 7),
        "Russian Soviet Federative Socialist Republic",
    ),
    (day(1922, 12, 30), "Union of Soviet Socialist Republics"),
    (day(1991, 12, 26), "Russian Federation"),
];

const CHINA_NAMES: [(Date, &str); 2] = [
    (day(1912, 2, 12), "Republic of China"),
    (day(1949, 10, 1), "People's Republic of China"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_change_on_the_day() {
        assert_eq!(
            russia_name(Date::new(1721, 11, 1).unwrap()),
            "Tsardom of Russia"
        );
        assert_eq!(
            russia_name(Date::new(1721, 11, 2).unwrap()),
            "Russian Empire"
        );
        assert_eq!(
            russia_name(Date::new(1922, 12, 30).unwrap()),
            "Union of Soviet Socialist Republics"
        );
        assert_eq!(
            russia_name(Date::new(1991, 12, 26).unwrap()),
            "Russian Federation"
        );
        assert_eq!(china_name(Date::new(1912, 2, 11).unwrap()), "Qing Empire");
        assert_eq!(
            china_name(Date::new(1912, 2, 12).unwrap()),
            "Republic of China"
        );
        assert_eq!(
            china_name(Date::new(1949, 10, 1).unwrap()),
            "People's Republic of China"
        );
    }
}
