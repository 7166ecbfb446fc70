//! # nerchinsk-datafusion
//!
//! [nerchinsk](nerchinsk)'s point-in-time sovereignty as SQL functions for
//! [Apache DataFusion](datafusion), and through it for Ballista, which runs DataFusion plans
//! over many machines.
//!
//! | function | returns |
//! |---|---|
//! | `sovereignty_at(lon, lat, year)` | `TINYINT` status code, see the table below |
//! | `sovereign_name(lon, lat, year)` | `VARCHAR` the state's name then, e.g. `Qing Empire`; NULL where the code is not a land status (0-3) |
//! | `status_name(code)` | `VARCHAR` the code's name, e.g. `russia`, `before_coverage` |
//!
//! `lon` and `lat` are WGS84 degrees (any numeric type, cast to `DOUBLE`), `year` an integer
//! (`INT` or `BIGINT`) taken as at 31 December, as in [`nerchinsk::sovereignty_at`]. Each
//! argument may be a column or a literal (`sovereignty_at(lon, lat, 1700)`).
//!
//! | code | name | meaning |
//! |---:|---|---|
//! | 0 | `russia` | Russian sovereignty |
//! | 1 | `china` | Chinese sovereignty |
//! | 2 | `joint` | held in common (Ussuri to the sea, 1858-1860) |
//! | 3 | `undetermined` | left undetermined by the treaty (the Uda, 1689-1858) |
//! | 4 | `sea` | at sea (or on an islet under 1 km², Sakhalin or Hokkaido) |
//! | 5 | `outside` | a valid coordinate outside the covered land (Korea, Mongolia, beyond the frame) |
//! | 6 | `invalid_coordinate` | NaN or infinite, longitude beyond ±180 or latitude beyond ±90 |
//! | 7 | `before_coverage` | a date before the Treaty of Nerchinsk (1689) |
//! | 8 | `invalid_year` | a `BIGINT` year that does not fit 32 bits |
//! | 9 | `error` | any other error of the core library |
//!
//! A NULL argument gives NULL; a bad value gives its code, never a failed query. The codes
//! and their order are stable: codes 0-5 are [`Status`] in declaration order.
//!
//! ```
//! use datafusion::prelude::SessionContext;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> datafusion::error::Result<()> {
//! let ctx = SessionContext::new();
//! nerchinsk_datafusion::register(&ctx);
//! // Albazino, the Russian fort the 1689 treaty had demolished
//! let df = ctx
//!     .sql("SELECT status_name(sovereignty_at(124.0775, 53.39056, 1700)) AS s, \
//!                  sovereign_name(124.0775, 53.39056, 1900) AS n")
//!     .await?;
//! let batches = df.collect().await?;
//! let text = datafusion::arrow::util::pretty::pretty_format_batches(&batches)?.to_string();
//! assert!(text.contains("china") && text.contains("Russian Empire"), "{text}");
//! # Ok(())
//! # }
//! ```

#![deny(missing_docs)]
#![forbid(unsafe_code)]

use std::sync::Arc;

use datafusion::arrow::array::{
    Array, AsArray, Float64Array, Int32Array, Int64Array, Int8Array, StringBuilder,
};
use datafusion::arrow::buffer::{NullBuffer, ScalarBuffer};
use datafusion::arrow::datatypes::{DataType, Float64Type, Int32Type, Int64Type, Int8Type};
use datafusion::common::{exec_err, plan_err, Result, ScalarValue};
use datafusion::logical_expr::{
    ColumnarValue, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility,
};
use datafusion::prelude::SessionContext;
use nerchinsk::{Atlas, Date, Error, Sovereignty, Status};

#[cfg(feature = "ballista")]
pub mod ballista;

/// Code of [`Status::Russia`].
pub const RUSSIA: i8 = 0;
/// Code of [`Status::China`].
pub const CHINA: i8 = 1;
/// Code of [`Status::Joint`].
pub const JOINT: i8 = 2;
/// Code of [`Status::Undetermined`].
pub const UNDETERMINED: i8 = 3;
/// Code of [`Status::Sea`] and of [`Error::AtSea`].
pub const SEA: i8 = 4;
/// Code of [`Status::Outside`] and of [`Error::OutsideCoverage`].
pub const OUTSIDE: i8 = 5;
/// Code of [`Error::NotFinite`], [`Error::LongitudeOutOfRange`], [`Error::LatitudeOutOfRange`].
pub const INVALID_COORDINATE: i8 = 6;
/// Code of [`Error::BeforeCoverage`]: a year before the first treaty.
pub const BEFORE_COVERAGE: i8 = 7;
/// Code of a year that does not fit an `i32`.
pub const INVALID_YEAR: i8 = 8;
/// Code of any other error of the core library.
pub const OTHER_ERROR: i8 = 9;
/// Code of [`Status::Japan`] (the Taiwan region; never an answer of the Sino-Russian atlas).
pub const JAPAN: i8 = 10;
/// Code of [`Status::Disputed`] (the Taiwan region; never an answer of the Sino-Russian atlas).
pub const DISPUTED: i8 = 11;

/// The names of the codes, indexed by code (what `status_name(code)` returns).
pub const CODE_NAMES: [&str; 12] = [
    "russia",
    "china",
    "joint",
    "undetermined",
    "sea",
    "outside",
    "invalid_coordinate",
    "before_coverage",
    "invalid_year",
    "error",
    "japan",
    "disputed",
];

/// The code of a status.
pub fn status_code(status: Status) -> i8 {
    match status {
        Status::Russia => RUSSIA,
        Status::China => CHINA,
        Status::Joint => JOINT,
        Status::Undetermined => UNDETERMINED,
        Status::Sea => SEA,
        Status::Outside => OUTSIDE,
        Status::Japan => JAPAN,
        Status::Disputed => DISPUTED,
    }
}

/// The code of an error of [`Atlas::sovereignty_on`].
pub fn error_code(error: &Error) -> i8 {
    match error.code() {
        "at_sea" => SEA,
        "outside" => OUTSIDE,
        "not_finite" | "out_of_range" => INVALID_COORDINATE,
        "before_coverage" => BEFORE_COVERAGE,
        _ => OTHER_ERROR,
    }
}

/// One lookup with the answer or the error as a code: [`Atlas::sovereignty_on`] at the end
/// of `year`, except that no error message is built (so a bad row does not allocate).
pub struct Classifier {
    atlas: &'static Atlas,
    first: Date,
    /// the frame test of `sovereignty_on`, to tell which error it would give before 1689
    bounds: [f64; 4],
}

impl Classifier {
    /// A classifier over `atlas` (usually [`nerchinsk::data::embedded`]).
    pub fn new(atlas: &'static Atlas) -> Self {
        let f = atlas.frame();
        Classifier {
            atlas,
            first: atlas
                .events()
                .first()
                .map_or(Date::end_of_year(i32::MIN), |e| e.date),
            bounds: [f.min().x, f.max().x, f.min().y, f.max().y],
        }
    }

    /// The answer at (`lon`, `lat`) at the end of `year`, or the code of the error the core
    /// library gives there.
    #[inline]
    pub fn classify(
        &self,
        lon: f64,
        lat: f64,
        year: i64,
    ) -> std::result::Result<Sovereignty<'static>, i8> {
        let Ok(year) = i32::try_from(year) else {
            return Err(INVALID_YEAR);
        };
        let date = Date::end_of_year(year);
        let point = geo_types::Point::new(lon, lat);
        if date < self.first {
            // the core library tests the frame, then the date: inside the frame the answer is
            // BeforeCoverage, so say it without asking
            let [w, e, s, n] = self.bounds;
            if (lon >= w) & (lon <= e) & (lat >= s) & (lat <= n) {
                return Err(BEFORE_COVERAGE);
            }
            // outside it the error is about the point, and does not depend on the date
            return match self.atlas.sovereignty_on(point, self.first) {
                Ok(_) => Err(BEFORE_COVERAGE),
                Err(e) => Err(error_code(&e)),
            };
        }
        self.atlas
            .sovereignty_on(point, date)
            .map_err(|e| error_code(&e))
    }

    /// The code of [`Classifier::classify`]'s answer.
    #[inline]
    pub fn code(&self, lon: f64, lat: f64, year: i64) -> i8 {
        match self.classify(lon, lat, year) {
            Ok(s) => status_code(s.status),
            Err(code) => code,
        }
    }
}

/// All the functions of this crate, to register with a `SessionContext`, a `SessionState` or
/// a Ballista executor's function registry.
pub fn functions() -> Vec<Arc<ScalarUDF>> {
    vec![
        Arc::new(ScalarUDF::new_from_impl(SovereigntyAt::new())),
        Arc::new(ScalarUDF::new_from_impl(SovereignName::new())),
        Arc::new(ScalarUDF::new_from_impl(StatusName::new())),
    ]
}

/// Register `sovereignty_at`, `sovereign_name` and `status_name` with `ctx`.
pub fn register(ctx: &SessionContext) {
    for f in functions() {
        ctx.register_udf(Arc::unwrap_or_clone(f));
    }
}

/// `sovereignty_at(lon, lat, year)`: the status code (see the [crate] docs) as `TINYINT`.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct SovereigntyAt {
    signature: Signature,
}

impl SovereigntyAt {
    /// The function over the embedded atlas.
    pub fn new() -> Self {
        SovereigntyAt {
            signature: Signature::user_defined(Volatility::Immutable),
        }
    }
}

impl Default for SovereigntyAt {
    fn default() -> Self {
        Self::new()
    }
}

impl ScalarUDFImpl for SovereigntyAt {
    fn name(&self) -> &str {
        "sovereignty_at"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        point_year_types(self.name(), arg_types)
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(DataType::Int8)
    }

    fn is_strict(&self) -> bool {
        true
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let rows = Rows::new(&args.args, args.number_rows)?;
        let classifier = Classifier::new(nerchinsk::data::embedded());
        let mut codes = vec![0i8; rows.len];
        rows.for_each(|i, lon, lat, year| codes[i] = classifier.code(lon, lat, year));
        let array = Int8Array::new(ScalarBuffer::from(codes), rows.nulls);
        Ok(ColumnarValue::Array(Arc::new(array)))
    }
}

/// `sovereign_name(lon, lat, year)`: the holding state's name then (`VARCHAR`), NULL where
/// `sovereignty_at` is not a land status.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct SovereignName {
    signature: Signature,
}

impl SovereignName {
    /// The function over the embedded atlas.
    pub fn new() -> Self {
        SovereignName {
            signature: Signature::user_defined(Volatility::Immutable),
        }
    }
}

impl Default for SovereignName {
    fn default() -> Self {
        Self::new()
    }
}

impl ScalarUDFImpl for SovereignName {
    fn name(&self) -> &str {
        "sovereign_name"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        point_year_types(self.name(), arg_types)
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(DataType::Utf8)
    }

    fn is_strict(&self) -> bool {
        true
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let rows = Rows::new(&args.args, args.number_rows)?;
        let classifier = Classifier::new(nerchinsk::data::embedded());
        let mut out = StringBuilder::with_capacity(rows.len, rows.len * 16);
        let mut next = 0; // rows skipped as NULL are appended as NULL here
        rows.for_each(|i, lon, lat, year| {
            while next < i {
                out.append_null();
                next += 1;
            }
            match classifier.classify(lon, lat, year) {
                Ok(s) => out.append_value(s.sovereign),
                Err(_) => out.append_null(),
            }
            next += 1;
        });
        while next < rows.len {
            out.append_null();
            next += 1;
        }
        Ok(ColumnarValue::Array(Arc::new(out.finish())))
    }
}

/// `status_name(code)`: the name of a `sovereignty_at` code (`VARCHAR`), NULL for a code
/// that is not one.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct StatusName {
    signature: Signature,
}

impl StatusName {
    /// The function.
    pub fn new() -> Self {
        StatusName {
            signature: Signature::exact(vec![DataType::Int8], Volatility::Immutable),
        }
    }
}

impl Default for StatusName {
    fn default() -> Self {
        Self::new()
    }
}

impl ScalarUDFImpl for StatusName {
    fn name(&self) -> &str {
        "status_name"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(DataType::Utf8)
    }

    fn is_strict(&self) -> bool {
        true
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let name = |c: i8| CODE_NAMES.get(usize::try_from(c).ok()?).copied();
        match &args.args[..] {
            [ColumnarValue::Scalar(ScalarValue::Int8(c))] => Ok(ColumnarValue::Scalar(
                ScalarValue::Utf8(c.and_then(name).map(str::to_string)),
            )),
            [ColumnarValue::Array(a)] => {
                let codes = a.as_primitive::<Int8Type>();
                let mut out = StringBuilder::with_capacity(codes.len(), codes.len() * 8);
                for c in codes.iter() {
                    out.append_option(c.and_then(name));
                }
                Ok(ColumnarValue::Array(Arc::new(out.finish())))
            }
            other => exec_err!("status_name takes one TINYINT, got {other:?}"),
        }
    }
}

/// The coercions of (lon, lat, year): numbers to DOUBLE, integers to INT or BIGINT.
fn point_year_types(name: &str, arg_types: &[DataType]) -> Result<Vec<DataType>> {
    let [lon, lat, year] = arg_types else {
        return plan_err!(
            "{name} takes 3 arguments (lon, lat, year), got {}",
            arg_types.len()
        );
    };
    let coordinate = |t: &DataType, what: &str| {
        if t.is_numeric() || t.is_null() {
            Ok(DataType::Float64)
        } else {
            plan_err!("{name}: {what} must be a number of degrees, got {t}")
        }
    };
    use DataType::*;
    let year = match year {
        Int8 | Int16 | Int32 | UInt8 | UInt16 => Int32,
        Int64 | UInt32 | UInt64 | Null => Int64,
        t => return plan_err!("{name}: year must be an integer, got {t}"),
    };
    Ok(vec![coordinate(lon, "lon")?, coordinate(lat, "lat")?, year])
}

/// A DOUBLE argument: a column or a literal.
enum F64Arg<'a> {
    Column(&'a [f64]),
    Literal(f64),
}

impl F64Arg<'_> {
    #[inline]
    fn get(&self, i: usize) -> f64 {
        match self {
            F64Arg::Column(v) => v[i],
            F64Arg::Literal(x) => *x,
        }
    }
}

/// An integer year argument: a column of INT or BIGINT, or a literal.
enum YearArg<'a> {
    Int32(&'a [i32]),
    Int64(&'a [i64]),
    Literal(i64),
}

impl YearArg<'_> {
    #[inline]
    fn get(&self, i: usize) -> i64 {
        match self {
            YearArg::Int32(v) => v[i] as i64,
            YearArg::Int64(v) => v[i],
            YearArg::Literal(y) => *y,
        }
    }
}

/// The (lon, lat, year) arguments of one batch, with the rows where any is NULL.
struct Rows<'a> {
    lon: F64Arg<'a>,
    lat: F64Arg<'a>,
    year: YearArg<'a>,
    len: usize,
    /// None: no NULLs
    nulls: Option<NullBuffer>,
}

impl<'a> Rows<'a> {
    fn new(args: &'a [ColumnarValue], len: usize) -> Result<Self> {
        let [lon, lat, year] = args else {
            return exec_err!("expected 3 arguments (lon, lat, year), got {}", args.len());
        };
        let mut nulls: Option<NullBuffer> = None;
        let mut all_null = false;
        let mut note =
            |a: &dyn Array| nulls = NullBuffer::union(nulls.as_ref(), a.logical_nulls().as_ref());
        let lon = match lon {
            ColumnarValue::Array(a) => {
                let a: &Float64Array = a.as_primitive::<Float64Type>();
                note(a);
                F64Arg::Column(a.values())
            }
            ColumnarValue::Scalar(ScalarValue::Float64(v)) => {
                all_null |= v.is_none();
                F64Arg::Literal(v.unwrap_or(f64::NAN))
            }
            ColumnarValue::Scalar(s) => return exec_err!("lon: expected DOUBLE, got {s:?}"),
        };
        let lat = match lat {
            ColumnarValue::Array(a) => {
                let a: &Float64Array = a.as_primitive::<Float64Type>();
                note(a);
                F64Arg::Column(a.values())
            }
            ColumnarValue::Scalar(ScalarValue::Float64(v)) => {
                all_null |= v.is_none();
                F64Arg::Literal(v.unwrap_or(f64::NAN))
            }
            ColumnarValue::Scalar(s) => return exec_err!("lat: expected DOUBLE, got {s:?}"),
        };
        let year = match year {
            ColumnarValue::Array(a) => match a.data_type() {
                DataType::Int32 => {
                    let a: &Int32Array = a.as_primitive::<Int32Type>();
                    note(a);
                    YearArg::Int32(a.values())
                }
                DataType::Int64 => {
                    let a: &Int64Array = a.as_primitive::<Int64Type>();
                    note(a);
                    YearArg::Int64(a.values())
                }
                t => return exec_err!("year: expected INT or BIGINT, got {t}"),
            },
            ColumnarValue::Scalar(ScalarValue::Int32(v)) => {
                all_null |= v.is_none();
                YearArg::Literal(v.unwrap_or(0) as i64)
            }
            ColumnarValue::Scalar(ScalarValue::Int64(v)) => {
                all_null |= v.is_none();
                YearArg::Literal(v.unwrap_or(0))
            }
            ColumnarValue::Scalar(s) => {
                return exec_err!("year: expected INT or BIGINT, got {s:?}")
            }
        };
        if all_null {
            nulls = Some(NullBuffer::new_null(len));
        }
        Ok(Rows {
            lon,
            lat,
            year,
            len,
            nulls,
        })
    }

    /// Call `f(row, lon, lat, year)` for every row without a NULL, in order.
    #[inline]
    fn for_each(&self, mut f: impl FnMut(usize, f64, f64, i64)) {
        match &self.nulls {
            None => {
                for i in 0..self.len {
                    f(i, self.lon.get(i), self.lat.get(i), self.year.get(i));
                }
            }
            Some(nulls) => {
                for i in nulls.valid_indices() {
                    f(i, self.lon.get(i), self.lat.get(i), self.year.get(i));
                }
            }
        }
    }
}

/// The expression for `sovereignty_at(lon, lat, year)` in the DataFrame API.
pub fn sovereignty_at(
    lon: datafusion::prelude::Expr,
    lat: datafusion::prelude::Expr,
    year: datafusion::prelude::Expr,
) -> datafusion::prelude::Expr {
    ScalarUDF::new_from_impl(SovereigntyAt::new()).call(vec![lon, lat, year])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_follow_the_status_order_and_names() {
        for s in Status::ALL {
            assert_eq!(CODE_NAMES[status_code(s) as usize], s.as_str());
        }
    }

    #[test]
    fn classifier_agrees_with_the_core_on_bad_values() {
        let c = Classifier::new(nerchinsk::data::embedded());
        let albazino = (124.0775, 53.39056);
        assert_eq!(c.code(albazino.0, albazino.1, 1700), CHINA);
        assert_eq!(c.code(albazino.0, albazino.1, 1900), RUSSIA);
        assert_eq!(c.code(albazino.0, albazino.1, 1500), BEFORE_COVERAGE);
        assert_eq!(c.code(f64::NAN, albazino.1, 1500), INVALID_COORDINATE);
        assert_eq!(c.code(albazino.0, 95.0, 1700), INVALID_COORDINATE);
        assert_eq!(
            c.code(albazino.0, albazino.1, i64::from(i32::MAX) + 1),
            INVALID_YEAR
        );
        // the Sea of Japan: sea after 1689, but before it the date is what is wrong
        assert_eq!(c.code(137.0, 43.0, 1900), SEA);
        assert_eq!(c.code(137.0, 43.0, 1500), BEFORE_COVERAGE);
        // far away: outside, whatever the year
        assert_eq!(c.code(10.0, 50.0, 1500), OUTSIDE);
        assert_eq!(c.code(10.0, 50.0, 1900), OUTSIDE);
    }
}
