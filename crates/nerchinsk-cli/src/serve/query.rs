//! The API's query strings: parameters by name, each parsed or refused with an [`ApiError`]
//! that names it, and the JSON error answers.

use std::fmt::Display;

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use nerchinsk::readings::Reading;
use nerchinsk::{Date, Error};

use crate::when::parse_when;

/// An answer other than 200: a status and a message, sent as `{"error": message}` (with
/// `"code"`, the core's [`Error::code`], when the core refused the point).
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
    code: Option<&'static str>,
}

impl ApiError {
    /// 400: the parameter `name` is missing, repeated, unknown or not a value it takes.
    pub fn bad(name: &str, why: impl Display) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: format!("{name}: {why}"),
            code: None,
        }
    }

    /// The core's refusal of a well-formed request: a date before the first event names the
    /// date parameter `date_name` (400); a point at sea or outside the covered area answers
    /// 422 with the command line's message and the error's code.
    pub fn from_core(e: Error, date_name: &str) -> ApiError {
        match e {
            Error::BeforeCoverage { .. } | Error::InvalidDate(_) => ApiError::bad(date_name, e),
            e => ApiError {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                code: Some(e.code()),
                message: e.to_string(),
            },
        }
    }

    /// The same error with another status (404 for an unknown path, 414 for a long query).
    pub fn with_status(mut self, status: StatusCode) -> ApiError {
        self.status = status;
        self
    }

    /// 500 for a failure of the server itself (a worker thread that died); never for input.
    pub fn internal(why: impl Display) -> ApiError {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: why.to_string(),
            code: None,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = serde_json::json!({ "error": self.message });
        if let Some(code) = self.code {
            body["code"] = code.into();
        }
        (
            self.status,
            [(header::CONTENT_TYPE, "application/json")],
            body.to_string(),
        )
            .into_response()
    }
}

/// The parameters of one query string, decoded (`+` and `%XX`; bytes that are not UTF-8
/// become U+FFFD, so decoding never fails).
pub struct Params(Vec<(String, String)>);

impl Params {
    /// The parameters of `raw` (the query string without `?`), refusing any name not in
    /// `allowed` and any name given twice, so a misspelt parameter is an error, not ignored.
    pub fn parse(raw: Option<&str>, allowed: &[&str]) -> Result<Params, ApiError> {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(raw.unwrap_or("").as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        for (i, (name, _)) in pairs.iter().enumerate() {
            if !allowed.contains(&name.as_str()) {
                let shown: String = name.chars().take(40).collect();
                return Err(ApiError::bad(
                    &format!("{shown:?}"),
                    format!("unknown parameter; this route takes {}", allowed.join(", ")),
                ));
            }
            if pairs[..i].iter().any(|(n, _)| n == name) {
                return Err(ApiError::bad(name, "given more than once"));
            }
        }
        Ok(Params(pairs))
    }

    /// The value of `name`, if given.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value of `name`, which must be given.
    pub fn required(&self, name: &str) -> Result<&str, ApiError> {
        self.get(name)
            .ok_or_else(|| ApiError::bad(name, "missing (a required parameter)"))
    }

    /// A longitude or latitude in degrees: a finite number within `-limit..=limit`.
    pub fn degrees(&self, name: &str, limit: f64) -> Result<f64, ApiError> {
        let text = self.required(name)?;
        let v: f64 = text
            .trim()
            .parse()
            .map_err(|_| ApiError::bad(name, format!("{:?} is not a number", clip(text))))?;
        if !v.is_finite() || v.abs() > limit {
            return Err(ApiError::bad(
                name,
                format!(
                    "{:?} is not a number of degrees within -{limit}..={limit}",
                    clip(text)
                ),
            ));
        }
        Ok(v)
    }

    /// A date: a year (as at 31 December) or YYYY-MM-DD, as the command line takes them.
    pub fn date(&self, name: &str) -> Result<Date, ApiError> {
        parse_when(self.required(name)?).map_err(|e| ApiError::bad(name, clip(&e)))
    }

    /// The reading `reading=` names, or `default` when it is not given.
    pub fn reading(&self, default: Reading) -> Result<Reading, ApiError> {
        match self.get("reading") {
            None => Ok(default),
            Some(id) => Reading::from_id(id)
                .filter(|r| r.region() == super::SERVED_REGION)
                .ok_or_else(|| {
                    let ids: Vec<&str> = super::served_readings().map(|r| r.id()).collect();
                    ApiError::bad(
                        "reading",
                        format!("{:?} is not one of {}", clip(id), ids.join(", ")),
                    )
                }),
        }
    }

    /// A whole number within `range`, or `default` when `name` is not given.
    pub fn whole(
        &self,
        name: &str,
        range: std::ops::RangeInclusive<u32>,
        default: u32,
    ) -> Result<u32, ApiError> {
        match self.get(name) {
            None => Ok(default),
            Some(text) => text
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|v| range.contains(v))
                .ok_or_else(|| {
                    ApiError::bad(
                        name,
                        format!(
                            "{:?} is not a whole number from {} to {}",
                            clip(text),
                            range.start(),
                            range.end()
                        ),
                    )
                }),
        }
    }
}

/// At most 60 characters of a value, so an error never echoes a huge parameter back.
fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_decoded_and_checked_by_name() {
        let p = Params::parse(
            Some("lon=135.07&lat=48%2E48&date=1859"),
            &["lon", "lat", "date"],
        )
        .unwrap();
        assert_eq!(p.degrees("lat", 90.0).unwrap(), 48.48);
        assert_eq!(p.date("date").unwrap(), Date::end_of_year(1859));
        assert!(p.degrees("lon", 90.0).is_err());
        let p = Params::parse(Some("lon=1e308"), &["lon"]).unwrap();
        let e = p.degrees("lon", 180.0).err().unwrap();
        assert_eq!(
            e.message,
            "lon: \"1e308\" is not a number of degrees within -180..=180"
        );
        let e = Params::parse(Some("lon=1&lon=2"), &["lon"]).err().unwrap();
        assert!(e.message.starts_with("lon: "), "{}", e.message);
        let e = Params::parse(Some("lng=1"), &["lon"]).err().unwrap();
        assert!(e.message.contains("\"lng\""), "{}", e.message);
        let p = Params::parse(Some("width=%FF&reading=x"), &["width", "reading"]).unwrap();
        assert!(p.whole("width", 100..=4000, 1000).is_err());
        assert!(p.reading(Reading::Standard).is_err());
        // a reading of the region the explorer does not show
        let p = Params::parse(Some("reading=prc"), &["reading"]).unwrap();
        let e = p.reading(Reading::Standard).err().unwrap();
        assert!(
            e.message.contains("great_gorbitsa") && !e.message.contains("roc"),
            "{}",
            e.message
        );
        assert_eq!(clip(&"x".repeat(100)).chars().count(), 61);
    }
}
