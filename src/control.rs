//! De facto control beside the de jure answer: who actually held a point, and why.
//!
//! The de jure answer ([`Atlas::sovereignty_on`]) follows the treaties. Some places were held by
//! someone else for a while: the Sixty-Four Villages east of the Amur (Russian sovereignty, Qing
//! jurisdiction over the villagers, 1858-1900), the Russian occupation of Manchuria (1900-1907),
//! the civil war and the intervention on the Russian side (1918-1922), the Kwantung Army and
//! Manchukuo (1931-1945) region by region, the Soviet fronts and occupation (1945-1946), the
//! Chinese civil war (1946-1949), Bolshoy Ussuriysky, Tarabarov and Abagaitu islet (held by the
//! USSR and Russia, claimed by China, 1929-2008), Zhenbao/Damansky (Soviet-held, fought over in
//! 1969, then Chinese). Those are polygons in `data/control.geojson` (data/CONTROL.md lists them
//! with their sources), separate from the atlas; where none applies, the de jure answer stands.
//!
//! ```
//! use geo_types::Point;
//! use nerchinsk::control_at;
//!
//! // Harbin in 1935: de jure the Republic of China, de facto Manchukuo.
//! let c = control_at(Point::new(126.6409, 45.7576), 1935).unwrap();
//! assert_eq!(c.de_jure.sovereign, "Republic of China");
//! assert_eq!(c.area, Some("manchukuo"));
//! assert!(c.controller.starts_with("Manchukuo"));
//! // In 1950 nothing overrides the treaties.
//! let c = control_at(Point::new(126.6409, 45.7576), 1950).unwrap();
//! assert_eq!((c.controller, c.area), ("People's Republic of China", None));
//! ```

use std::sync::OnceLock;

use geo::Contains;
use geo_types::{Coord, LineString, Point, Polygon};
use serde::Deserialize;

use crate::atlas::{Atlas, Sovereignty};
use crate::date::Date;
use crate::error::{Error, Result};
use crate::timeline::Status;

/// `data/control.geojson`: the areas of de facto control, a GeoJSON FeatureCollection of
/// polygons in WGS84 lon/lat degrees, as [`ControlLayer::from_geojson`] reads it.
pub const CONTROL_GEOJSON: &str = include_str!("../data/control.geojson");
/// `data/taiwan_control.geojson`: the areas of de facto control of the Taiwan region (the
/// French on Penghu in 1885, the Japanese on Penghu before the cession, the Republic of Formosa
/// and the war of 1895, Kinmen under Japan 1937-1945), in the format of [`CONTROL_GEOJSON`].
pub const TAIWAN_CONTROL_GEOJSON: &str = include_str!("../data/taiwan_control.geojson");

/// What the de jure answer said, and who held the point in fact, as
/// [`ControlLayer::control_on`] and [`control_at`] give it. The strings borrow from the layer
/// and the atlas.
#[derive(Debug, Clone, PartialEq)]
pub struct Control<'a> {
    /// Who held the point, e.g. "Manchukuo (Japanese puppet state)", "Union of Soviet Socialist
    /// Republics", "contested"; the de jure sovereign where no control area applies.
    pub controller: &'a str,
    /// [`Status::Russia`] or [`Status::China`] when the controller is one of the two states, the
    /// de jure status when no area applies, `None` for anyone else (Manchukuo, contested).
    pub side: Option<Status>,
    /// Why: the area's reason (e.g. "held by China from the ceasefire of 10 Sep 1969 ..."), or
    /// "de jure" where the treaties' answer stands.
    pub reason: &'a str,
    /// Id of the control area that applies, `None` where the de jure answer stands.
    pub area: Option<&'a str>,
    /// Who claimed it against the controller, e.g. "china" (empty if no one did).
    pub claimed_by: &'a str,
    /// The de jure answer.
    pub de_jure: Sovereignty<'a>,
}

/// One area of `control.geojson`.
#[derive(Debug, Clone)]
pub struct ControlArea {
    /// Id, e.g. "manchukuo"; [`Control::area`] gives it.
    pub id: String,
    /// Name, for people.
    pub name: String,
    /// "russia", "china" (named by date) or a literal name such as "Manchukuo (Japanese puppet state)".
    pub controller: String,
    /// Who claimed it against the controller, e.g. "china"; empty if no one did.
    pub claimed_by: String,
    /// The de jure status a point must have for the area to apply, `None` for any.
    pub de_jure: Option<Status>,
    /// First day (inclusive).
    pub from: Date,
    /// Last day, exclusive.
    pub to: Date,
    /// Why the controller held it.
    pub reason: String,
    /// The sources of the area and its dates.
    pub source: String,
    /// How far the polygon's edges may be off, km.
    pub accuracy_km: f64,
    /// The area, WGS84 lon/lat degrees; a point applies if the polygon contains it (planar
    /// test on lon/lat).
    pub polygon: Polygon<f64>,
}

/// The areas of de facto control, in file order (the first that applies wins). Get the
/// embedded one from [`embedded`] or read another with [`ControlLayer::from_geojson`].
pub struct ControlLayer {
    areas: Vec<ControlArea>,
}

#[derive(Deserialize)]
struct Fc {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    properties: Props,
    geometry: Geometry,
}

#[derive(Deserialize)]
struct Props {
    id: String,
    #[serde(default)]
    name: String,
    controller: String,
    #[serde(default)]
    claimed_by: String,
    de_jure: String,
    from: String,
    to: String,
    reason: String,
    source: String,
    accuracy_km: f64,
}

#[derive(Deserialize)]
struct Geometry {
    #[serde(rename = "type")]
    kind: String,
    coordinates: Vec<Vec<[f64; 2]>>,
}

impl ControlLayer {
    /// Read a control GeoJSON FeatureCollection of polygons (the format of
    /// `data/control.geojson`, WGS84 lon/lat degrees).
    ///
    /// # Errors
    /// [`Error::Data`] if the text is not such a FeatureCollection, a feature's geometry is
    /// not a polygon, its `de_jure` is neither `any` nor a status, a date is not YYYY-MM-DD,
    /// or an area ends before it starts.
    ///
    /// ```
    /// use nerchinsk::control::{ControlLayer, CONTROL_GEOJSON};
    /// use nerchinsk::Error;
    ///
    /// let layer = ControlLayer::from_geojson(CONTROL_GEOJSON).unwrap();
    /// assert!(layer.areas().iter().any(|a| a.id == "manchukuo"));
    /// assert!(matches!(ControlLayer::from_geojson("[]"), Err(Error::Data { .. })));
    /// ```
    pub fn from_geojson(text: &str) -> Result<ControlLayer> {
        const F: &str = "control";
        let fc: Fc = serde_json::from_str(text).map_err(|e| Error::data(F, e.to_string()))?;
        let mut areas = Vec::with_capacity(fc.features.len());
        for f in fc.features {
            let p = f.properties;
            let bad = |m: String| Error::data(F, format!("area {:?}: {m}", p.id));
            if f.geometry.kind != "Polygon" || f.geometry.coordinates.is_empty() {
                return Err(bad("geometry is not a polygon".into()));
            }
            let ring = |r: &Vec<[f64; 2]>| {
                LineString::from(
                    r.iter()
                        .map(|c| Coord { x: c[0], y: c[1] })
                        .collect::<Vec<_>>(),
                )
            };
            let mut rings = f.geometry.coordinates.iter().map(ring);
            let polygon = Polygon::new(
                rings.next().expect("checked above: at least one ring"),
                rings.collect(),
            );
            let de_jure = match p.de_jure.as_str() {
                "any" => None,
                s => Some(Status::parse(s).ok_or_else(|| bad(format!("{s:?} is not a status")))?),
            };
            let (from, to) = (
                Date::parse(&p.from).map_err(|e| bad(e.to_string()))?,
                Date::parse(&p.to).map_err(|e| bad(e.to_string()))?,
            );
            if to <= from {
                return Err(bad("ends before it starts".into()));
            }
            areas.push(ControlArea {
                id: p.id,
                name: p.name,
                controller: p.controller,
                claimed_by: p.claimed_by,
                de_jure,
                from,
                to,
                reason: p.reason,
                source: p.source,
                accuracy_km: p.accuracy_km,
                polygon,
            });
        }
        Ok(ControlLayer { areas })
    }

    /// The areas, in file order (the order in which [`ControlLayer::control_on`] tries them).
    ///
    /// ```
    /// let areas = nerchinsk::control::embedded().areas();
    /// let manchukuo = areas.iter().find(|a| a.id == "manchukuo").unwrap();
    /// assert_eq!((manchukuo.from.year, manchukuo.to.year), (1932, 1945));
    /// ```
    pub fn areas(&self) -> &[ControlArea] {
        &self.areas
    }

    /// Who held `point` (WGS84 lon/lat degrees) on `date` in fact, with the de jure answer of
    /// `atlas` beside it: the first area, in file order, whose dates (`from` inclusive, `to`
    /// exclusive) include `date`, whose `de_jure` matches the atlas's status and whose polygon
    /// contains the point; where none does, the de jure answer stands.
    ///
    /// # Errors
    /// As [`Atlas::sovereignty_on`]: [`Error::NotFinite`], [`Error::LongitudeOutOfRange`],
    /// [`Error::LatitudeOutOfRange`], [`Error::AtSea`], [`Error::OutsideCoverage`] or
    /// [`Error::BeforeCoverage`].
    ///
    /// ```
    /// use geo_types::Point;
    /// use nerchinsk::{control, data, Date, Status};
    ///
    /// let harbin = Point::new(126.63, 45.75);
    /// let c = control::embedded().control_on(data::embedded(), harbin, Date::new(1940, 1, 1).unwrap()).unwrap();
    /// assert_eq!((c.area, c.side, c.de_jure.status), (Some("manchukuo"), None, Status::China));
    /// ```
    pub fn control_on<'a>(
        &'a self,
        atlas: &'a Atlas,
        point: Point<f64>,
        date: Date,
    ) -> Result<Control<'a>> {
        let de_jure = atlas.sovereignty_on(point, date)?;
        let hit = self.areas.iter().find(|a| {
            a.from <= date
                && date < a.to
                && a.de_jure.is_none_or(|s| s == de_jure.status)
                && a.polygon.contains(&point)
        });
        Ok(match hit {
            Some(a) => {
                let (controller, side) = match atlas.state(&a.controller) {
                    Some(state) => (state.name_on(date), Some(state.status)),
                    None => (a.controller.as_str(), None),
                };
                Control {
                    controller,
                    side,
                    reason: &a.reason,
                    area: Some(&a.id),
                    claimed_by: &a.claimed_by,
                    de_jure,
                }
            }
            None => Control {
                controller: de_jure.sovereign,
                side: Some(de_jure.status),
                reason: "de jure",
                area: None,
                claimed_by: "",
                de_jure,
            },
        })
    }
}

/// The control layer of [`CONTROL_GEOJSON`], parsed once per process on first use, then
/// shared. Never fails: the embedded data are checked by the crate's tests.
///
/// ```
/// assert!(!nerchinsk::control::embedded().areas().is_empty());
/// ```
pub fn embedded() -> &'static ControlLayer {
    static LAYER: OnceLock<ControlLayer> = OnceLock::new();
    LAYER.get_or_init(|| {
        ControlLayer::from_geojson(CONTROL_GEOJSON)
            .expect("the embedded data are checked by the tests")
    })
}

/// The control layer of [`TAIWAN_CONTROL_GEOJSON`], parsed once per process on first use.
///
/// ```
/// assert!(nerchinsk::control::taiwan().areas().iter().any(|a| a.id == "kinmen_japanese"));
/// ```
pub fn taiwan() -> &'static ControlLayer {
    static LAYER: OnceLock<ControlLayer> = OnceLock::new();
    LAYER.get_or_init(|| {
        ControlLayer::from_geojson(TAIWAN_CONTROL_GEOJSON)
            .expect("the embedded data are checked by the tests")
    })
}

/// The embedded control layer of the region `region_id` ([`Atlas::region_id`]): [`taiwan`]
/// for `taiwan`, [`embedded`] for any other.
///
/// ```
/// use nerchinsk::control;
///
/// assert!(std::ptr::eq(control::for_region("taiwan"), control::taiwan()));
/// assert!(std::ptr::eq(control::for_region("sino_russian"), control::embedded()));
/// ```
pub fn for_region(region_id: &str) -> &'static ControlLayer {
    match region_id {
        "taiwan" => taiwan(),
        _ => embedded(),
    }
}

/// Who held `point` (WGS84 lon/lat degrees) in `year` (as at 31 December) in fact, and why,
/// with the de jure answer beside it, on the embedded data of the region whose frame holds the
/// point ([`crate::data::covering`]): [`ControlLayer::control_on`] with that region's layer
/// ([`for_region`]) and atlas.
///
/// # Errors
/// As [`crate::sovereignty_at`]: [`Error::NotFinite`], [`Error::LongitudeOutOfRange`],
/// [`Error::LatitudeOutOfRange`], [`Error::AtSea`], [`Error::OutsideCoverage`] or
/// [`Error::BeforeCoverage`].
///
/// ```
/// use geo_types::Point;
/// use nerchinsk::{control_at, Error, Status};
///
/// let c = control_at(Point::new(127.53, 50.27), 1900).unwrap(); // Blagoveshchensk
/// assert_eq!((c.area, c.side, c.reason), (None, Some(Status::Russia), "de jure"));
/// assert!(matches!(control_at(Point::new(127.53, 50.27), 1600), Err(Error::BeforeCoverage { .. })));
/// ```
pub fn control_at(point: Point<f64>, year: i32) -> Result<Control<'static>> {
    let atlas = crate::data::covering(point);
    for_region(atlas.region_id()).control_on(atlas, point, Date::end_of_year(year))
}
