//! How sure an answer is: in space (a point within a line's accuracy of land of another status)
//! and in time (a date between a treaty's signing and its ratification or entry into force).

use std::ops::ControlFlow;

use geo_types::Point;

use crate::atlas::{Atlas, Sovereignty};
use crate::date::Date;
use crate::error::Result;
use crate::nearest::Nearest;
use crate::timeline::{Event, Status};

/// How sure the answer for a point and a date is, as [`Atlas::certainty_on`] gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Certainty<'a> {
    /// `true` when neither doubt applies; then `other_side` is `None`.
    pub certain: bool,
    /// The other possible answer and why, when not certain.
    pub other_side: Option<OtherSide<'a>>,
}

/// The other possible answer for a point that is not certain.
#[derive(Debug, Clone, PartialEq)]
pub struct OtherSide<'a> {
    /// The other status.
    pub status: Status,
    /// The sovereign of the other status on the date, as an answer would name it.
    pub sovereign: &'a str,
    /// Why the answer is not certain.
    pub why: Doubt<'a>,
}

/// Why an answer is not certain.
#[derive(Debug, Clone, PartialEq)]
pub enum Doubt<'a> {
    /// The point lies within the accuracy of a line in force that has land of another status
    /// on its other side: the line as drawn could be off by that much.
    Space {
        /// Id of the line.
        line: &'a str,
        /// Its accuracy, km (as the line's `accuracy_km`).
        accuracy_km: f64,
        /// The point's distance to it, km (along the WGS84 ellipsoid, as [`Atlas::nearest_border_on`]).
        distance_km: f64,
    },
    /// The date falls between a treaty's signing and its ratification or entry into force
    /// ([`Event::signed`], [`Event::in_force`]), and the treaty moved this land: the other side
    /// of that window is the other possible answer.
    Time {
        /// The treaty.
        event: &'a Event,
        /// The window's first day (inclusive).
        from: Date,
        /// The window's end (exclusive).
        to: Date,
    },
}

impl Doubt<'_> {
    /// `"space"` or `"time"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Doubt::Space { .. } => "space",
            Doubt::Time { .. } => "time",
        }
    }
}

impl Atlas {
    /// How sure the answer of [`Atlas::sovereignty_on`] for `point` on `date` is. Not certain
    /// **in space** when the point is within the accuracy (`accuracy_km`) of a treaty line in
    /// force that has land of another status on its other side (the nearest such line is
    /// named); not certain **in time** when `date` falls between a treaty's signing and its
    /// ratification or entry into force and the treaty changed the point's status (the other
    /// possible answer is the status on the other side of that window). Space is reported
    /// before time. Distances are along the WGS84 ellipsoid, km; the side is taken from the
    /// faces on either side of the nearest edge. The answer and its certainty together:
    /// [`Atlas::sovereignty_with_certainty_on`].
    ///
    /// # Errors
    /// As [`Atlas::sovereignty_on`]: a point that is no coordinate, outside the covered area,
    /// at sea, or a date before the first event.
    ///
    /// ```
    /// use geo_types::Point;
    /// use nerchinsk::{data::embedded, Date, Doubt, Status};
    ///
    /// let atlas = embedded();
    /// // Harbin, far from any line, in 1900
    /// let harbin = Point::new(126.6409, 45.7576);
    /// assert!(atlas.certainty_on(harbin, Date::new(1900, 1, 1).unwrap()).unwrap().certain);
    /// // Blagoveshchensk in 1859: Aigun was signed, the Qing had not ratified it (de.wikipedia's
    /// // point, 5 km from the Amur, beyond the line's accuracy)
    /// let blag = Point::new(127.53333, 50.28333);
    /// let c = atlas.certainty_on(blag, Date::new(1859, 6, 1).unwrap()).unwrap();
    /// let other = c.other_side.unwrap();
    /// assert_eq!((other.status, other.sovereign), (Status::China, "Qing Empire"));
    /// assert!(matches!(other.why, Doubt::Time { .. }));
    /// ```
    pub fn certainty_on(&self, point: Point<f64>, date: Date) -> Result<Certainty<'_>> {
        self.sovereignty_with_certainty_on(point, date)
            .map(|(_, c)| c)
    }

    /// [`Atlas::sovereignty_on`] and [`Atlas::certainty_on`] in one call, at nearly the speed
    /// of a lookup: most points lie in a cell that no line comes near (one bit says so), and
    /// the time test is a comparison with the few treaties signed before they took effect.
    /// The first call builds the distance grid (about 0.1 s), and the first in an epoch its
    /// cells (under 10 ms; epochs with the same lines share them).
    ///
    /// # Errors
    /// As [`Atlas::sovereignty_on`].
    ///
    /// ```
    /// use geo_types::Point;
    /// use nerchinsk::{data::embedded, Date, Doubt, Status};
    ///
    /// let atlas = embedded();
    /// let on = Date::new(1970, 1, 1).unwrap();
    /// // mid-Amur between Blagoveshchensk and Heihe: within the line's 2 km accuracy
    /// let (s, c) = atlas.sovereignty_with_certainty_on(Point::new(127.5162, 50.2372), on).unwrap();
    /// assert!(!c.certain);
    /// let other = c.other_side.unwrap();
    /// assert!(matches!(other.why, Doubt::Space { line: "amur_upper", .. }));
    /// assert_ne!(other.status, s.status);
    /// ```
    #[inline]
    pub fn sovereignty_with_certainty_on(
        &self,
        point: Point<f64>,
        date: Date,
    ) -> Result<(Sovereignty<'_>, Certainty<'_>)> {
        self.certainty_with(point, date, true)
    }

    /// The answer and its certainty; `use_cells`: skip the distances in cells certain in
    /// space (false only to test those cells).
    #[inline(always)]
    pub(crate) fn certainty_with(
        &self,
        point: Point<f64>,
        date: Date,
        use_cells: bool,
    ) -> Result<(Sovereignty<'_>, Certainty<'_>)> {
        let era = self.eras.era_of(date);
        let row = self.eras.row(era);
        let p = point.0;
        if !self.in_frame(p) | (row < self.eras.first_row) {
            return Err(self.rare_error(point, date));
        }
        // the lookup's own steps, keeping the fine cell for the certainty's bit
        let (face, cell, sub) = self.grid.locate_in_frame_with_cell(p);
        let a = self.eras.answer(row, face);
        let in_window = a.in_window;
        let space_clear = use_cells
            && self
                .certain_cells(self.eras.epoch(era))
                .certain_at(cell, sub);
        // the land test last, as in a lookup, so that sea and land take the same branches
        let other = if (space_clear & !in_window) | !a.status.is_land() {
            None
        } else {
            self.doubt(p, face, era, a.status, space_clear)
        };
        self.answer_in_era(p, a).map(|s| {
            let certainty = Certainty {
                certain: other.is_none(),
                other_side: other,
            };
            (s, certainty)
        })
    }

    /// The doubt of a land answer whose cell is not certain in space (unless `space_clear`) or
    /// whose era is in a treaty's window: space first, then time.
    #[inline(never)]
    fn doubt(
        &self,
        p: geo_types::Coord<f64>,
        face: usize,
        era: usize,
        status: Status,
        space_clear: bool,
    ) -> Option<OtherSide<'_>> {
        (!space_clear)
            .then(|| self.space_doubt(p, era, status))
            .flatten()
            .or_else(|| self.time_doubt(era, face))
    }

    fn space_doubt(
        &self,
        p: geo_types::Coord<f64>,
        era: usize,
        status: Status,
    ) -> Option<OtherSide<'_>> {
        let epoch = self.eras.epoch(era);
        // the nearest edge within its accuracy with land of another status on a side
        let best: std::cell::Cell<Option<(f64, usize, usize)>> = std::cell::Cell::new(None);
        let statuses = &self.face_status[epoch];
        let accuracy = |edge: usize| self.lines[self.topo.edges[edge].line].accuracy_km;
        let limit = |edge: usize| {
            best.get()
                .map_or(accuracy(edge), |b| b.0.min(accuracy(edge)))
        };
        self.distance_grid(epoch).for_each_within(
            p,
            self.max_accuracy_km,
            limit,
            |Nearest { km, edge }| {
                if best.get().is_some_and(|b| b.0 <= km) {
                    return ControlFlow::Continue(());
                }
                if let Some(other) = self.other_land_side(statuses, edge, status) {
                    best.set(Some((km, edge, other)));
                }
                ControlFlow::Continue(())
            },
        );
        let (distance_km, edge, other) = best.get()?;
        let line = &self.lines[self.topo.edges[edge].line];
        Some(OtherSide {
            status: statuses[other],
            // the era's answer for that face: the same holder, named on any day of the era
            sovereign: &self.eras.answer(self.eras.row(era), other).sovereign,
            why: Doubt::Space {
                line: &line.id,
                accuracy_km: line.accuracy_km,
                distance_km,
            },
        })
    }

    /// A face on either side of `edge` that is land of another status than `status`
    /// (`statuses`: the faces' statuses in the epoch): what makes a line within its accuracy
    /// a doubt.
    pub(crate) fn other_land_side(
        &self,
        statuses: &[Status],
        edge: usize,
        status: Status,
    ) -> Option<usize> {
        [
            self.topo.left_face[2 * edge],
            self.topo.left_face[2 * edge + 1],
        ]
        .into_iter()
        .find(|&f| statuses[f] != status && statuses[f].is_land())
    }

    fn time_doubt(&self, era: usize, face: usize) -> Option<OtherSide<'_>> {
        let t = self.eras.time_doubts.get(era)?.get(face)?.as_ref()?;
        let event = &self.events[t.event];
        let (from, to) = event.window();
        Some(OtherSide {
            status: t.status,
            sovereign: &t.sovereign,
            why: Doubt::Time { event, from, to },
        })
    }
}
