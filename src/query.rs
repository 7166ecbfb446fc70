//! The queries: which state held a point on a date, one at a time or in batches, the fast way
//! (grid and answer table) and the exact way (R-tree and robust predicates).

use geo_types::{Coord, Point};

use crate::atlas::{AnswerId, Atlas, Sovereignty};
use crate::date::Date;
use crate::eras::Answer;
use crate::error::{Error, Result};
use crate::index::{bend, sector, side_of_segment, Side};
use crate::timeline::Status;

/// `point` as a coordinate, or the error that says why it is none (not finite, longitude or
/// latitude out of range): the one coordinate check of the crate.
pub(crate) fn check_coord(point: Point<f64>) -> Result<Coord<f64>> {
    match BadCoord::of(point) {
        Some(bad) => Err(bad.error(point)),
        None => Ok(point.0),
    }
}

/// What makes a point no coordinate at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BadCoord {
    NotFinite,
    Longitude,
    Latitude,
}

impl BadCoord {
    /// What is wrong with `point` as a coordinate, if anything.
    #[inline(always)]
    fn of(point: Point<f64>) -> Option<BadCoord> {
        let (lon, lat) = (point.x(), point.y());
        if !lon.is_finite() || !lat.is_finite() {
            Some(BadCoord::NotFinite)
        } else if !(-180.0..=180.0).contains(&lon) {
            Some(BadCoord::Longitude)
        } else if !(-90.0..=90.0).contains(&lat) {
            Some(BadCoord::Latitude)
        } else {
            None
        }
    }

    #[inline(always)]
    fn error(self, point: Point<f64>) -> Error {
        let (lon, lat) = (point.x(), point.y());
        match self {
            BadCoord::NotFinite => Error::NotFinite { lon, lat },
            BadCoord::Longitude => Error::LongitudeOutOfRange(lon),
            BadCoord::Latitude => Error::LatitudeOutOfRange(lat),
        }
    }
}

/// The errors of [`Atlas::sovereignty_on`] other than sea and outside a face: which one, in
/// one byte, so that the cold call that finds it returns in a register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rare {
    BadCoord(BadCoord),
    Outside,
    Before,
}

/// Queries per task in a batch: big enough that a task's set-up vanishes, small enough that
/// the cores share a batch of a few hundred thousand evenly.
pub(crate) const BATCH_CHUNK: usize = 1 << 14;

/// `out[i] = answer(queries[i])` for every query, on every core (rayon): chunks of
/// [`BATCH_CHUNK`] queries, a plain loop each, which costs less than rayon's per-item collect
/// (see docs/INDEX.md). `out` is as long as `queries`.
fn fill_in_chunks<T: Send>(
    queries: &[(Point<f64>, Date)],
    out: &mut [T],
    answer: impl Fn(Point<f64>, Date) -> T + Sync,
) {
    use rayon::prelude::*;
    out.par_chunks_mut(BATCH_CHUNK)
        .zip(queries.par_chunks(BATCH_CHUNK))
        .for_each(|(out, queries)| {
            for (o, &(p, d)) in out.iter_mut().zip(queries) {
                *o = answer(p, d);
            }
        });
}

impl Atlas {
    /// Which state held `point` (WGS84 lon/lat degrees) in `year`, taken as at 31 December of
    /// that year (so a year includes that year's treaties): the status, the sovereign's name
    /// then and the treaty that set it. See [`Atlas::sovereignty_on`] for a precise date.
    ///
    /// # Errors
    /// [`Error::NotFinite`], [`Error::LongitudeOutOfRange`] or [`Error::LatitudeOutOfRange`]
    /// for a point that is no coordinate; [`Error::AtSea`] for a point at sea (or on an
    /// islet under 1 km²); [`Error::OutsideCoverage`] for a point outside [`Atlas::frame`] or on
    /// land inside it that the data do not cover; [`Error::BeforeCoverage`] for a date before
    /// the first event.
    ///
    /// ```
    /// use geo_types::Point;
    /// use nerchinsk::{data::embedded, Error, Status};
    ///
    /// let atlas = embedded();
    /// let albazino = Point::new(124.0775, 53.39056);
    /// assert_eq!(atlas.sovereignty_at(albazino, 1700).unwrap().status, Status::China);
    /// let s = atlas.sovereignty_at(albazino, 1900).unwrap();
    /// assert_eq!((s.status, s.treaty), (Status::Russia, "Treaty of Aigun"));
    /// let sea = atlas.sovereignty_at(Point::new(135.5, 43.0), 1900); // Sea of Japan
    /// assert!(matches!(sea, Err(Error::AtSea { .. })));
    /// let west = atlas.sovereignty_at(Point::new(100.0, 50.0), 1900);
    /// assert!(matches!(west, Err(Error::OutsideCoverage { .. })));
    /// ```
    ///
    /// Inlined into the caller's loop even across crates: the lookup is short, and inlined the
    /// caller reads only the fields it uses instead of a whole `Result` written to memory.
    #[inline(always)]
    pub fn sovereignty_at(&self, point: Point<f64>, year: i32) -> Result<Sovereignty<'_>> {
        self.answer_in_row(point, self.eras.row_at_year_end(year), || {
            Date::end_of_year(year)
        })
    }

    /// Which state held `point` (WGS84 lon/lat degrees) on `date`: the status, the sovereign's
    /// name on that date and the treaty that set it. A treaty counts from its own date on.
    ///
    /// # Errors
    /// [`Error::NotFinite`], [`Error::LongitudeOutOfRange`] or [`Error::LatitudeOutOfRange`]
    /// for a point that is no coordinate; [`Error::AtSea`] for a point at sea (or on an
    /// islet under 1 km²); [`Error::OutsideCoverage`] for a point outside [`Atlas::frame`] or on
    /// land inside it that the data do not cover; [`Error::BeforeCoverage`] for a date before
    /// the first event.
    ///
    /// ```
    /// use geo_types::Point;
    /// use nerchinsk::{data::embedded, Date, Error, Status};
    ///
    /// let atlas = embedded();
    /// let blagoveshchensk = Point::new(127.53, 50.27);
    /// let before_aigun = Date::new(1858, 5, 27).unwrap();
    /// let aigun = Date::new(1858, 5, 28).unwrap();
    /// assert_eq!(atlas.sovereignty_on(blagoveshchensk, before_aigun).unwrap().status, Status::China);
    /// let s = atlas.sovereignty_on(blagoveshchensk, aigun).unwrap();
    /// assert_eq!((s.status, s.treaty), (Status::Russia, "Treaty of Aigun"));
    /// let heihe = Point::new(127.49, 50.24); // across the Amur
    /// assert_eq!(atlas.sovereignty_on(heihe, aigun).unwrap().status, Status::China);
    /// let early = atlas.sovereignty_on(heihe, Date::new(1600, 1, 1).unwrap());
    /// assert!(matches!(early, Err(Error::BeforeCoverage { .. })));
    /// ```
    ///
    /// The fast path is a frame test, the era from a year table and one compare, a grid cell
    /// (and in a boundary cell a short walk over its segments) and one load of a precomputed
    /// answer; everything rare is sorted out on a separate, cold path. See docs/INDEX.md.
    #[inline]
    pub fn sovereignty_on(&self, point: Point<f64>, date: Date) -> Result<Sovereignty<'_>> {
        self.answer_in_row(point, self.eras.row(self.eras.era_of(date)), || date)
    }

    /// The fast path of both: the answer of `point` in the era whose answers start at `row`,
    /// everything rare (outside the frame's box, an era before the first treaty) leaving by one
    /// well-predicted branch; only that branch needs the date.
    #[inline(always)]
    fn answer_in_row(
        &self,
        point: Point<f64>,
        row: usize,
        date: impl FnOnce() -> Date,
    ) -> Result<Sovereignty<'_>> {
        let p = point.0;
        if !self.in_frame(p) | (row < self.eras.first_row) {
            return Err(self.rare_error(point, date()));
        }
        self.answer_in_era(p, self.eras.answer(row, self.grid.locate_in_frame(p)))
    }

    /// The answer of a point inside the frame, in an era after the first treaty (rows from
    /// `first_row` on): land, or the two errors that own no heap memory, so that the caller's
    /// drop of the error is nothing and vanishes.
    ///
    /// The land test is on the status itself, the value a caller matching on the result is
    /// likely to use: `match r { Ok(s) => s.status, Err(_) => .. }` then compiles to a
    /// conditional move on one loaded byte, where a separate `ok` flag would be a jump that no
    /// predictor can learn on points spread over land, sea and outside (docs/INDEX.md).
    #[inline(always)]
    pub(crate) fn answer_in_era<'a>(
        &'a self,
        p: Coord<f64>,
        a: &'a Answer,
    ) -> Result<Sovereignty<'a>> {
        let status = a.status;
        if status.is_land() {
            return Ok(Sovereignty {
                status,
                sovereign: &a.sovereign,
                treaty: &a.treaty,
            });
        }
        if status == Status::Sea {
            Err(Error::AtSea { lon: p.x, lat: p.y })
        } else {
            Err(self.outside(p))
        }
    }

    /// The error for what the fast path leaves: a point outside the frame's box (or not a
    /// coordinate at all), or a date before the first treaty.
    ///
    /// Built here, inline, from the one byte a cold call returns (which error): every field is
    /// a plain value and none owns heap memory, so the caller's result can live in registers
    /// and its drop of the error is nothing. An error returned by value from a call, boxed or
    /// not, is copied into the caller's result as a block of memory, and an error that may own
    /// a `String` leaves a drop behind; either way the result then lives in memory and the fast
    /// path's land test turns back into jumps (docs/INDEX.md).
    #[inline(always)]
    pub(crate) fn rare_error(&self, point: Point<f64>, date: Date) -> Error {
        match self.rare_kind(point) {
            Rare::BadCoord(bad) => bad.error(point),
            Rare::Outside => self.outside(point.0),
            Rare::Before => self.before_coverage(date),
        }
    }

    /// Which of the rare errors a point has; [`Rare::Before`] if it lies in the frame's box.
    #[cold]
    #[inline(never)]
    fn rare_kind(&self, point: Point<f64>) -> Rare {
        if let Some(bad) = BadCoord::of(point) {
            Rare::BadCoord(bad)
        } else if !self.in_frame(point.0) {
            Rare::Outside
        } else {
            Rare::Before
        }
    }

    /// [`Atlas::answer_id`] for many `(point, date)` queries, on every core (rayon): `out` is
    /// cleared and refilled with one [`AnswerId`] per query, in the order of `queries`. An id
    /// is much smaller than a `Result`, so a batch writes far less memory; [`Atlas::resolve`]
    /// turns an id back into the answer, and ids group and count well (one id per era and
    /// face).
    ///
    /// Never fails: a point outside the frame gets [`AnswerId::NOT_IN_FRAME`], and the errors
    /// come from [`Atlas::resolve`].
    ///
    /// ```
    /// use geo_types::Point;
    /// use nerchinsk::{data::embedded, Date, Status};
    ///
    /// let atlas = embedded();
    /// let harbin = (Point::new(126.63, 45.75), Date::new(1900, 1, 1).unwrap());
    /// let blagoveshchensk = (Point::new(127.53, 50.27), Date::new(1900, 1, 1).unwrap());
    /// let mut ids = Vec::new();
    /// atlas.answer_ids_into(&[harbin, blagoveshchensk], &mut ids);
    /// let s = atlas.resolve(ids[1], blagoveshchensk.0, blagoveshchensk.1).unwrap();
    /// assert_eq!(s.status, Status::Russia);
    /// assert_eq!(atlas.resolve(ids[0], harbin.0, harbin.1).unwrap().status, Status::China);
    /// ```
    pub fn answer_ids_into(&self, queries: &[(Point<f64>, Date)], out: &mut Vec<AnswerId>) {
        out.clear();
        out.resize(queries.len(), AnswerId::NOT_IN_FRAME);
        fill_in_chunks(queries, out, |p, d| self.answer_id(p, d));
    }

    /// The [`AnswerId`] of `point` on `date`: the fast path of [`Atlas::sovereignty_on`]
    /// without making the `Result`. Points in one face in one era share an id.
    ///
    /// Never fails: a point outside the frame's bounding box (NaN and out-of-range
    /// coordinates included) gets [`AnswerId::NOT_IN_FRAME`]; sea, uncovered land and dates
    /// before the first event get ids of their own, which [`Atlas::resolve`] turns into the
    /// errors.
    ///
    /// ```
    /// use geo_types::Point;
    /// use nerchinsk::{data::embedded, AnswerId, Date};
    ///
    /// let atlas = embedded();
    /// let on = Date::new(1900, 1, 1).unwrap();
    /// // two points in Harbin, one face
    /// let a = atlas.answer_id(Point::new(126.63, 45.75), on);
    /// assert_eq!(a, atlas.answer_id(Point::new(126.64, 45.76), on));
    /// assert_ne!(a, atlas.answer_id(Point::new(127.53, 50.27), on)); // Blagoveshchensk
    /// assert_eq!(atlas.answer_id(Point::new(100.0, 50.0), on), AnswerId::NOT_IN_FRAME);
    /// ```
    #[inline]
    pub fn answer_id(&self, point: Point<f64>, date: Date) -> AnswerId {
        let p = point.0;
        if !self.in_frame(p) {
            return AnswerId::NOT_IN_FRAME;
        }
        AnswerId((self.eras.row(self.eras.era_of(date)) + self.grid.locate_in_frame(p)) as u32)
    }

    /// The answer an [`AnswerId`] stands for, given the point and date it was found for (the
    /// errors name them). The same as [`Atlas::sovereignty_on`] on that point and date; an id
    /// from another atlas gives an unspecified answer or error, never a panic.
    ///
    /// # Errors
    /// As [`Atlas::sovereignty_on`]: [`Error::AtSea`], [`Error::OutsideCoverage`] or
    /// [`Error::BeforeCoverage`] for what the id stands for, and for
    /// [`AnswerId::NOT_IN_FRAME`] [`Error::NotFinite`], [`Error::LongitudeOutOfRange`],
    /// [`Error::LatitudeOutOfRange`] or [`Error::OutsideCoverage`] as `point` has it.
    ///
    /// ```
    /// use geo_types::Point;
    /// use nerchinsk::{data::embedded, Date, Error, Status};
    ///
    /// let atlas = embedded();
    /// let (chita, on) = (Point::new(113.5, 52.03), Date::new(1900, 1, 1).unwrap());
    /// let id = atlas.answer_id(chita, on);
    /// assert_eq!(atlas.resolve(id, chita, on).unwrap().status, Status::Russia);
    /// let west = Point::new(100.0, 50.0);
    /// let id = atlas.answer_id(west, on);
    /// assert!(matches!(atlas.resolve(id, west, on), Err(Error::OutsideCoverage { .. })));
    /// ```
    pub fn resolve(&self, id: AnswerId, point: Point<f64>, date: Date) -> Result<Sovereignty<'_>> {
        match self.eras.answers.get(id.0 as usize) {
            Some(a) => self.finish(point.0, a, || date),
            None => Err(self.rare_error(point, date)),
        }
    }

    /// Inside the frame's bounding box; NaN fails every comparison, so it is outside too.
    #[inline(always)]
    pub(crate) fn in_frame(&self, p: Coord<f64>) -> bool {
        let [w, e, s, n] = self.bounds;
        (p.x >= w) & (p.x <= e) & (p.y >= s) & (p.y <= n)
    }

    /// `p` moved into the frame's bounding box (a NaN coordinate to the box's west or south
    /// side), and whether it was in it already: [`Atlas::in_frame`] without a branch, for
    /// locating a point whose answer is dropped when it lies outside.
    #[inline(always)]
    pub(crate) fn clamp_to_frame(&self, p: Coord<f64>) -> (Coord<f64>, bool) {
        let [w, e, s, n] = self.bounds;
        // each a min or max instruction; a NaN fails the comparison and takes the bound
        let x = if p.x > w { p.x } else { w };
        let x = if x < e { x } else { e };
        let y = if p.y > s { p.y } else { s };
        let y = if y < n { y } else { n };
        // NaN is not equal to itself, so it is outside too
        (Coord { x, y }, (x == p.x) & (y == p.y))
    }

    /// Any answer as a `Result`, an era before the first treaty included (the slow paths'
    /// way to [`Atlas::answer_in_era`]), which alone needs the date.
    fn finish<'a>(
        &'a self,
        p: Coord<f64>,
        a: &'a Answer,
        date: impl FnOnce() -> Date,
    ) -> Result<Sovereignty<'a>> {
        if a.before {
            return Err(self.before_coverage(date()));
        }
        self.answer_in_era(p, a)
    }

    /// [`Atlas::sovereignty_on`] for many `(point, date)` queries, on every core (rayon): one
    /// `Result` per query, in the order of `queries`.
    ///
    /// # Errors
    /// None for the batch; each query's result carries the errors of
    /// [`Atlas::sovereignty_on`].
    ///
    /// ```
    /// use geo_types::Point;
    /// use nerchinsk::{data::embedded, Date, Error, Status};
    ///
    /// let on = Date::new(1900, 1, 1).unwrap();
    /// let queries = [(Point::new(126.63, 45.75), on), (Point::new(135.5, 43.0), on)];
    /// let answers = embedded().sovereignty_batch(&queries);
    /// assert_eq!(answers[0].as_ref().unwrap().status, Status::China); // Harbin
    /// assert!(matches!(answers[1], Err(Error::AtSea { .. }))); // Sea of Japan
    /// ```
    pub fn sovereignty_batch(
        &self,
        queries: &[(Point<f64>, Date)],
    ) -> Vec<Result<Sovereignty<'_>>> {
        let mut out = Vec::new();
        self.sovereignty_batch_into(queries, &mut out);
        out
    }

    /// [`Atlas::sovereignty_batch`] into a buffer the caller keeps: `out` ends up exactly as
    /// long as `queries`, holding their answers in order, whatever it held before; so a loop
    /// over many batches allocates (and page-faults) once.
    ///
    /// # Errors
    /// None for the batch; each query's result carries the errors of
    /// [`Atlas::sovereignty_on`].
    ///
    /// ```
    /// use geo_types::Point;
    /// use nerchinsk::{data::embedded, Date, Status};
    ///
    /// let atlas = embedded();
    /// let mut out = Vec::new();
    /// for year in [1700, 1900] {
    ///     let albazino = (Point::new(124.0775, 53.39056), Date::end_of_year(year));
    ///     atlas.sovereignty_batch_into(&[albazino], &mut out);
    ///     assert_eq!(out.len(), 1);
    /// }
    /// assert_eq!(out[0].as_ref().unwrap().status, Status::Russia);
    /// ```
    pub fn sovereignty_batch_into<'a>(
        &'a self,
        queries: &[(Point<f64>, Date)],
        out: &mut Vec<Result<Sovereignty<'a>>>,
    ) {
        // overwritten in place: a buffer of the right length is reused as it is, without
        // dropping and re-collecting a million results first
        out.resize_with(queries.len(), || {
            Err(Error::NotFinite {
                lon: f64::NAN,
                lat: f64::NAN,
            })
        });
        fill_in_chunks(queries, out, |p, d| self.sovereignty_on(p, d));
    }

    /// Inline: an error returned from a call would put the fast path's result in memory.
    #[inline(always)]
    pub(crate) fn before_coverage(&self, date: Date) -> Error {
        Error::BeforeCoverage {
            date,
            first_date: self.events[0].date,
        }
    }

    /// The same answer as [`Atlas::sovereignty_on`] found the slow, exact way (R-tree and robust
    /// predicates on the lon/lat plane), for checking the fast index.
    ///
    /// # Errors
    /// [`Error::NotFinite`], [`Error::LongitudeOutOfRange`] or [`Error::LatitudeOutOfRange`]
    /// for a point that is no coordinate; [`Error::AtSea`] for a point at sea (or on an
    /// islet under 1 km²); [`Error::OutsideCoverage`] for a point outside [`Atlas::frame`] or on
    /// land inside it that the data do not cover; [`Error::BeforeCoverage`] for a date before
    /// the first event.
    ///
    /// ```
    /// use geo_types::Point;
    /// use nerchinsk::{data::embedded, Date};
    ///
    /// let atlas = embedded();
    /// let (heihe, on) = (Point::new(127.49, 50.24), Date::new(1900, 1, 1).unwrap());
    /// assert_eq!(atlas.sovereignty_exact(heihe, on), atlas.sovereignty_on(heihe, on));
    /// ```
    pub fn sovereignty_exact(&self, point: Point<f64>, date: Date) -> Result<Sovereignty<'_>> {
        self.exact_with_face(point, date).map(|(s, _, _)| s)
    }

    /// [`Atlas::sovereignty_exact`], with the checked coordinate and the face it lies in.
    pub(crate) fn exact_with_face(
        &self,
        point: Point<f64>,
        date: Date,
    ) -> Result<(Sovereignty<'_>, Coord<f64>, usize)> {
        let p = self.check_point(point)?;
        let face = self.locate_exact(p).0;
        let a = self
            .eras
            .answer(self.eras.row(self.eras.era_of(date)), face);
        Ok((self.finish(p, a, || date)?, p, face))
    }

    /// Which side of the line `line_id` the point is on: [`Side::Left`] or [`Side::Right`]
    /// looking along the line as digitised, [`Side::On`] exactly on it. Planar, on lon/lat
    /// degrees: found on the line's nearest segment with robust orientation predicates; at a
    /// vertex the angle between the two segments decides, so a sharp bend does not flip the
    /// answer. Any line of [`Atlas::lines`] can be asked, in force or not, and a point
    /// anywhere, outside the frame too.
    ///
    /// # Errors
    /// [`Error::NotFinite`], [`Error::LongitudeOutOfRange`] or [`Error::LatitudeOutOfRange`]
    /// for a point that is no coordinate; [`Error::UnknownLine`] if the atlas has no line
    /// `line_id`.
    ///
    /// ```
    /// use geo_types::Point;
    /// use nerchinsk::{data::embedded, Error, Side};
    ///
    /// let atlas = embedded();
    /// let blagoveshchensk = Point::new(127.53, 50.27);
    /// let heihe = Point::new(127.49, 50.24);
    /// assert_eq!(atlas.side_of_line(blagoveshchensk, "amur_upper").unwrap(), Side::Left);
    /// assert_eq!(atlas.side_of_line(heihe, "amur_upper").unwrap(), Side::Right);
    /// let no_line = atlas.side_of_line(heihe, "volga");
    /// assert!(matches!(no_line, Err(Error::UnknownLine(_))));
    /// ```
    pub fn side_of_line(&self, point: Point<f64>, line_id: &str) -> Result<Side> {
        let p = self.check_coord(point)?;
        let li = self
            .lines
            .iter()
            .position(|l| l.id == line_id)
            .ok_or_else(|| Error::UnknownLine(line_id.to_string()))?;
        let topo = &self.topo;
        let n = self
            .index
            .nearest_where(p, |s| topo.edges[s.edge as usize].line == li)
            .expect("a line has segments");
        let edge = &topo.edges[n.id.edge as usize];
        let i = n.id.seg as usize;
        let (a, b) = (edge.coords[i], edge.coords[i + 1]);
        let line = &self.lines[li].geometry.0;
        // a vertex of the line that is not one of its ends: use both neighbouring segments
        let v = if n.t == 0.0 {
            Some(a)
        } else if n.t == 1.0 {
            Some(b)
        } else {
            None
        };
        if let Some(v) = v {
            if v == p {
                return Ok(Side::On);
            }
            if let Some(k) = line
                .iter()
                .position(|c| *c == v)
                .filter(|&k| k > 0 && k + 1 < line.len())
            {
                return Ok(bend(
                    line[k - 1],
                    v,
                    line[k + 1],
                    Side::Left,
                    Side::Right,
                    p,
                ));
            }
        }
        Ok(side_of_segment(a, b, p))
    }

    /// Face containing `p` (the outer face if outside the frame), and whether `p` is on a line,
    /// found the exact way: nearest segment in the R-tree and robust orientation predicates.
    /// The grid is built from it.
    pub(crate) fn locate_exact(&self, p: Coord<f64>) -> (usize, bool) {
        let topo = &self.topo;
        let Some(n) = self.index.nearest_where(p, |_| true) else {
            return (topo.outer_face, false);
        };
        let e = n.id.edge as usize;
        let edge = &topo.edges[e];
        let i = n.id.seg as usize;
        let (a, b) = (edge.coords[i], edge.coords[i + 1]);
        let at_vertex = if n.t == 0.0 {
            Some(i)
        } else if n.t == 1.0 {
            Some(i + 1)
        } else {
            None
        };
        match at_vertex {
            None => match side_of_segment(a, b, p) {
                Side::Left => (topo.left_face[2 * e], false),
                Side::Right => (topo.left_face[2 * e + 1], false),
                Side::On => (topo.left_face[2 * e], true),
            },
            Some(k) => {
                let v = edge.coords[k];
                if v == p {
                    return (topo.left_face[2 * e], true);
                }
                if k == 0 || k == edge.coords.len() - 1 {
                    let node = if k == 0 { edge.from } else { edge.to };
                    let out: Vec<(f64, usize)> = topo.node_out[node]
                        .iter()
                        .map(|&(ang, he)| (ang, topo.left_face[he]))
                        .collect();
                    (sector(&out, p - v), false)
                } else {
                    let (left, right) = (topo.left_face[2 * e], topo.left_face[2 * e + 1]);
                    (
                        bend(edge.coords[k - 1], v, edge.coords[k + 1], left, right, p),
                        false,
                    )
                }
            }
        }
    }

    pub(crate) fn check_coord(&self, point: Point<f64>) -> Result<Coord<f64>> {
        check_coord(point)
    }

    pub(crate) fn check_point(&self, point: Point<f64>) -> Result<Coord<f64>> {
        let p = self.check_coord(point)?;
        if !self.in_frame(p) {
            return Err(self.outside(p));
        }
        Ok(p)
    }

    /// Inline: see [`Atlas::before_coverage`].
    #[inline(always)]
    fn outside(&self, p: Coord<f64>) -> Error {
        Error::OutsideCoverage {
            lon: p.x,
            lat: p.y,
            coverage: self.coverage,
        }
    }
}
