//! One error type for the whole crate: every variant says what was wrong with the input.

use crate::date::{Date, DateError};

/// The area a dataset covers: the frame's bounding box and a sentence saying what is in it
/// (`coverage` in the timeline file), as [`Error::OutsideCoverage`] quotes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// The frame: west, east, south, north (WGS84 degrees).
    pub bounds: [f64; 4],
    /// What the covered area is, in words.
    pub text: String,
}

/// Result with the crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// What went wrong. Bad input is always an error value, never a panic.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
// A plain one-byte tag: without it the compiler may keep the `Result`'s Ok/Err tag in the
// niche of a field (the `Coverage` reference), and a caller's `match` on a lookup then reads
// memory and jumps instead of a conditional move (docs/INDEX.md, "The answer").
#[repr(u8)]
pub enum Error {
    /// A coordinate was NaN or infinite.
    #[error("coordinate is not a finite number: lon {lon}, lat {lat}")]
    NotFinite {
        /// Longitude as given.
        lon: f64,
        /// Latitude as given.
        lat: f64,
    },
    /// Longitude outside -180..=180 degrees.
    #[error("longitude {0} is outside -180..=180 degrees (x is longitude, y is latitude)")]
    LongitudeOutOfRange(f64),
    /// Latitude outside -90..=90 degrees.
    #[error("latitude {0} is outside -90..=90 degrees (x is longitude, y is latitude)")]
    LatitudeOutOfRange(f64),
    /// The point is a valid coordinate but outside the area the data cover.
    #[error("lon {lon}, lat {lat} is outside the covered area ({})", coverage.text)]
    OutsideCoverage {
        /// Longitude as given.
        lon: f64,
        /// Latitude as given.
        lat: f64,
        /// The covered area of the dataset: its frame and what it is, in words
        /// ([`crate::Atlas::coverage`]). A reference, so that the error owns no heap memory
        /// and stays as small as the others.
        coverage: &'static Coverage,
    },
    /// The point lies at sea. In the Sino-Russian region the mainland and the offshore islands
    /// of at least 1 km² are land; smaller islets, and the parts of Sakhalin and Hokkaido and
    /// their islands inside the frame, which the data do not cover, count as sea
    /// (data/README.md). In the Taiwan region the islands of at least 0.1 km² are land
    /// (data/TAIWAN.md).
    #[error("lon {lon}, lat {lat} is at sea; only the mainland and islands of at least 1 km² (in Taiwan's region 0.1 km²) are covered")]
    AtSea {
        /// Longitude as given.
        lon: f64,
        /// Latitude as given.
        lat: f64,
    },
    /// The date is before the first treaty in the timeline.
    ///
    /// It names no treaty: an error that owns no heap memory lets a lookup's result live in
    /// registers (docs/INDEX.md). The first event's name is `atlas.events()[0].name`.
    #[error("{date} is before the first treaty covered, which is dated {first_date}")]
    BeforeCoverage {
        /// The date asked for.
        date: Date,
        /// The date of the first event.
        first_date: Date,
    },
    /// A date that does not exist (month 13, 30 February, ...) or is not YYYY-MM-DD.
    #[error("not a valid date: {0}")]
    InvalidDate(String),
    /// No treaty line has this id.
    #[error("no line with id {0:?}")]
    UnknownLine(String),
    /// A data file could not be read or is not valid GeoJSON / JSON.
    #[error("{file}: {message}")]
    Data {
        /// Which file (or embedded data set).
        file: String,
        /// What is wrong, naming the feature id where there is one.
        message: String,
    },
    /// PROJ could not build or run a coordinate operation (an unknown CRS, a point outside the
    /// projection's domain). Only the `proj` feature returns it.
    #[error("projection: {0}")]
    Projection(String),
}

impl From<DateError> for Error {
    fn from(e: DateError) -> Self {
        Error::InvalidDate(e.0)
    }
}

impl Error {
    /// A short, stable, snake_case name of the kind of error, for machines: a column of a
    /// classified file, a code in SQL. One of `not_finite`, `out_of_range` (longitude or
    /// latitude), `at_sea`, `outside`, `before_coverage`, `invalid_date`, `unknown_line`,
    /// `data`, `projection`.
    ///
    /// ```
    /// use geo_types::Point;
    /// use nerchinsk::sovereignty_at;
    ///
    /// let e = sovereignty_at(Point::new(200.0, 50.0), 1900).unwrap_err();
    /// assert_eq!(e.code(), "out_of_range");
    /// let e = sovereignty_at(Point::new(135.5, 43.0), 1900).unwrap_err(); // Sea of Japan
    /// assert_eq!(e.code(), "at_sea");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotFinite { .. } => "not_finite",
            Error::LongitudeOutOfRange(_) | Error::LatitudeOutOfRange(_) => "out_of_range",
            Error::AtSea { .. } => "at_sea",
            Error::OutsideCoverage { .. } => "outside",
            Error::BeforeCoverage { .. } => "before_coverage",
            Error::InvalidDate(_) => "invalid_date",
            Error::UnknownLine(_) => "unknown_line",
            Error::Data { .. } => "data",
            Error::Projection(_) => "projection",
        }
    }

    pub(crate) fn data(file: &str, message: impl Into<String>) -> Self {
        Error::Data {
            file: file.to_string(),
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    /// A lookup's result stays seven words: the batch calls write one per point.
    #[test]
    fn a_lookup_result_is_seven_words() {
        let words = std::mem::size_of::<usize>();
        assert!(std::mem::size_of::<super::Error>() <= 7 * words);
        assert!(std::mem::size_of::<crate::Result<crate::Sovereignty<'static>>>() <= 7 * words);
    }
}
