//! What changed between two dates: the land whose status or holding state differs, as polygons
//! with the status and sovereign on each date and the geodesic area.

use geo::GeodesicArea;
use geo_types::Polygon;

use crate::atlas::Atlas;
use crate::date::Date;
use crate::error::Result;
use crate::territory::{polygon_features, polygons, round_tenth, trace_rings};
use crate::timeline::{Holder, Status};

/// A connected piece of land whose status or holding state differs between two dates, as
/// [`Atlas::changes_between`] gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The status on the first date.
    pub from: Status,
    /// The status on the second date.
    pub to: Status,
    /// The sovereign's name on the first date, as [`Atlas::sovereignty_on`] gives it.
    pub from_sovereign: String,
    /// The sovereign's name on the second date.
    pub to_sovereign: String,
    /// The piece as a lon/lat polygon (WGS84 degrees), rings closed: the exterior
    /// counter-clockwise, the holes clockwise (RFC 7946).
    pub polygon: Polygon<f64>,
    /// Geodesic area on the WGS84 ellipsoid (Karney's algorithm, as geo's `GeodesicArea`), km².
    pub area_km2: f64,
}

impl Atlas {
    /// The land whose status or holding state differs between `a` and `b`, one [`Change`] per
    /// connected piece of one pair (status and state on `a`, status and state on `b`). A state's
    /// new name alone is no change (the Russian Empire of 1900 and the Russian Federation of
    /// 2000 hold the same land); a change of state within a status is (the Far Eastern Republic
    /// of 1921 against the RSFSR of 1919). Land only: the sea and the land outside the covered
    /// area never change. Pieces come sorted by the pair, then as traced; the dates may come in
    /// either order.
    ///
    /// # Errors
    /// [`crate::Error::BeforeCoverage`] if either date is before the first event.
    ///
    /// ```
    /// use nerchinsk::{data::embedded, Date, Status};
    ///
    /// let atlas = embedded();
    /// let (a, b) = (Date::new(1857, 1, 1).unwrap(), Date::new(1861, 1, 1).unwrap());
    /// let changes = atlas.changes_between(a, b).unwrap();
    /// let to_russia: f64 = changes
    ///     .iter()
    ///     .filter(|c| (c.from, c.to) == (Status::China, Status::Russia))
    ///     .map(|c| c.area_km2)
    ///     .sum();
    /// assert!(to_russia > 900_000.0); // Aigun's left bank and Peking's coast
    /// assert!(changes.iter().all(|c| c.from_sovereign == "Qing Empire" || c.from != Status::China));
    /// assert!(atlas.changes_between(b, b).unwrap().is_empty());
    /// ```
    pub fn changes_between(&self, a: Date, b: Date) -> Result<Vec<Change>> {
        let (ea, eb) = (self.epoch(a)?, self.epoch(b)?);
        let (sa, sb) = (&self.face_status[ea], &self.face_status[eb]);
        let topo = self.topology();
        type Key = (Status, Holder, Status, Holder);
        let key: Vec<Option<Key>> = (0..topo.faces.len())
            .map(|f| {
                let (ha, hb) = (self.face_holder[ea][f], self.face_holder[eb][f]);
                let land = sa[f].is_land() && sb[f].is_land() && f != topo.outer_face;
                (land && (sa[f], ha) != (sb[f], hb)).then_some((sa[f], ha, sb[f], hb))
            })
            .collect();
        let mut out = Vec::new();
        for ((from, ha, to, hb), rings) in trace_rings(topo, &key)? {
            let (from_sovereign, to_sovereign) = (self.holder_name(ha, a), self.holder_name(hb, b));
            for polygon in polygons(topo, &rings)? {
                out.push(Change {
                    from,
                    to,
                    from_sovereign: from_sovereign.clone(),
                    to_sovereign: to_sovereign.clone(),
                    area_km2: polygon.geodesic_area_unsigned() / 1e6,
                    polygon,
                });
            }
        }
        Ok(out)
    }

    /// [`Atlas::changes_between`] as a GeoJSON FeatureCollection of Polygons (RFC 7946), each
    /// with the properties `from` and `to` (statuses), `from_sovereign`, `to_sovereign`,
    /// `from_date`, `to_date` (YYYY-MM-DD) and `area_km2` (geodesic, WGS84, km², to 0.1).
    ///
    /// # Errors
    /// As [`Atlas::changes_between`].
    ///
    /// ```
    /// use nerchinsk::{data::embedded, Date};
    ///
    /// let (a, b) = (Date::new(1858, 5, 27).unwrap(), Date::new(1858, 5, 28).unwrap());
    /// let fc = embedded().changes_geojson_between(a, b).unwrap();
    /// let f = &fc.features[0];
    /// assert_eq!(f.property("from").unwrap(), "china");
    /// assert_eq!(f.property("to_date").unwrap(), "1858-05-28");
    /// ```
    pub fn changes_geojson_between(&self, a: Date, b: Date) -> Result<geojson::FeatureCollection> {
        let changes = self.changes_between(a, b)?;
        Ok(polygon_features(changes.iter().map(|c| {
            let mut props = serde_json::Map::new();
            props.insert("from".into(), c.from.as_str().into());
            props.insert("to".into(), c.to.as_str().into());
            props.insert("from_sovereign".into(), c.from_sovereign.as_str().into());
            props.insert("to_sovereign".into(), c.to_sovereign.as_str().into());
            props.insert("from_date".into(), a.to_string().into());
            props.insert("to_date".into(), b.to_string().into());
            props.insert("area_km2".into(), round_tenth(c.area_km2).into());
            (&c.polygon, props)
        })))
    }
}
