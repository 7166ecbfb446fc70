//! Geodesic areas on the WGS84 ellipsoid (Karney's method, through geo) of faces and transfers.

use std::collections::BTreeMap;

use geo::GeodesicArea;

use crate::atlas::Atlas;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::timeline::Status;

/// Land that passed from one status to another: a row of [`Atlas::transfers_between`],
/// [`Atlas::transfers_of`] and [`crate::readings::compare`]. Both statuses are land.
#[derive(Debug, Clone, PartialEq)]
pub struct Transfer {
    /// Status before.
    pub from: Status,
    /// Status after.
    pub to: Status,
    /// Area in km², geodesic on the WGS84 ellipsoid.
    pub km2: f64,
}

impl Atlas {
    /// Geodesic area of each face in km² (the outer face gets 0), computed on first use.
    pub(crate) fn face_areas_km2(&self) -> &[f64] {
        self.face_km2.get_or_init(|| {
            let topo = self.topology();
            topo.faces
                .iter()
                .enumerate()
                .map(|(f, poly)| {
                    if f == topo.outer_face {
                        0.0
                    } else {
                        poly.geodesic_area_unsigned() / 1e6
                    }
                })
                .collect()
        })
    }

    /// Total area of each land status on `date`, in km², geodesic on the WGS84 ellipsoid.
    /// Only statuses that hold land that day appear; sea and uncovered land are left out.
    ///
    /// # Errors
    /// [`Error::BeforeCoverage`] for a date before the first event.
    ///
    /// ```
    /// use nerchinsk::{data::embedded, Date, Status};
    ///
    /// let areas = embedded().status_areas_km2_on(Date::new(1900, 1, 1).unwrap()).unwrap();
    /// // after Aigun and Peking, Russia holds about 2.1 million km² of the covered land
    /// assert!((2.0e6..2.2e6).contains(&areas[&Status::Russia]));
    /// assert!(!areas.contains_key(&Status::Joint));
    /// ```
    pub fn status_areas_km2_on(&self, date: Date) -> Result<BTreeMap<Status, f64>> {
        self.status_areas_with(date, self.face_areas_km2())
    }

    /// [`Atlas::status_areas_km2_on`] with the face areas given (one per face).
    pub(crate) fn status_areas_with(
        &self,
        date: Date,
        face_km2: &[f64],
    ) -> Result<BTreeMap<Status, f64>> {
        let statuses = self.face_statuses(date)?;
        let mut out = BTreeMap::new();
        for (s, &a) in statuses.iter().zip(face_km2) {
            if s.is_land() {
                *out.entry(*s).or_insert(0.0) += a;
            }
        }
        Ok(out)
    }

    /// What changed hands between two dates: the land whose status on `after` differs from
    /// its status on `before`, one row per (from, to) pair, in the order of [`Status`]; areas
    /// in km², geodesic on the WGS84 ellipsoid. Land that became sea or uncovered, or the
    /// reverse, is left out. With `after` before `before` the rows run backwards in time.
    ///
    /// # Errors
    /// [`Error::BeforeCoverage`] if either date is before the first event.
    ///
    /// ```
    /// use nerchinsk::{data::embedded, Date, Status};
    ///
    /// let (d1700, d1900) = (Date::new(1700, 1, 1).unwrap(), Date::new(1900, 1, 1).unwrap());
    /// let rows = embedded().transfers_between(d1700, d1900).unwrap();
    /// let to_russia = rows.iter().find(|t| (t.from, t.to) == (Status::China, Status::Russia));
    /// assert!(to_russia.unwrap().km2 > 900_000.0); // Aigun and Peking
    /// ```
    pub fn transfers_between(&self, before: Date, after: Date) -> Result<Vec<Transfer>> {
        self.transfers_between_with(before, after, self.face_areas_km2())
    }

    /// [`Atlas::transfers_between`] with the face areas given (one per face).
    pub(crate) fn transfers_between_with(
        &self,
        before: Date,
        after: Date,
        face_km2: &[f64],
    ) -> Result<Vec<Transfer>> {
        let (a, b) = (self.face_statuses(before)?, self.face_statuses(after)?);
        let mut sums: BTreeMap<(Status, Status), f64> = BTreeMap::new();
        for ((&s0, &s1), &km2) in a.iter().zip(b).zip(face_km2) {
            if s0 != s1 && s0.is_land() && s1.is_land() {
                *sums.entry((s0, s1)).or_insert(0.0) += km2;
            }
        }
        Ok(sums
            .into_iter()
            .map(|((from, to), km2)| Transfer { from, to, km2 })
            .collect())
    }

    /// What changed hands at the event `event_id` (an [`Event::id`](crate::Event::id)):
    /// statuses on its date against statuses on the date of the event before it, as
    /// [`Atlas::transfers_between`] gives them (km², geodesic on the WGS84 ellipsoid). The
    /// first event has nothing before it, so no rows.
    ///
    /// # Errors
    /// [`Error::Data`] if the timeline has no event `event_id`.
    ///
    /// ```
    /// use nerchinsk::{data::embedded, Error, Status};
    ///
    /// let aigun = embedded().transfers_of("aigun_1858").unwrap();
    /// assert_eq!((aigun[0].from, aigun[0].to), (Status::China, Status::Russia));
    /// assert!(aigun[0].km2 > 600_000.0);
    /// assert!(embedded().transfers_of("nerchinsk_1689").unwrap().is_empty());
    /// assert!(matches!(embedded().transfers_of("yalta_1945"), Err(Error::Data { .. })));
    /// ```
    pub fn transfers_of(&self, event_id: &str) -> Result<Vec<Transfer>> {
        match self.event_window(event_id)? {
            Some((prev, date)) => self.transfers_between(prev, date),
            None => Ok(Vec::new()),
        }
    }

    /// The dates of the event before `event_id` and of `event_id` itself; `None` for the first
    /// event, which has nothing before it.
    pub(crate) fn event_window(&self, event_id: &str) -> Result<Option<(Date, Date)>> {
        let i = self
            .events()
            .iter()
            .position(|e| e.id == event_id)
            .ok_or_else(|| Error::data("timeline", format!("no event {event_id:?}")))?;
        if i == 0 {
            return Ok(None); // nothing is covered before the first event
        }
        Ok(Some((self.events()[i - 1].date, self.events()[i].date)))
    }
}
