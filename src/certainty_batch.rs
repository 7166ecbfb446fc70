//! The certainty of many answers at once ([`Atlas::answer_ids_with_certainty_into`]): every
//! query's answer id and its cell's certainty first, in a loop without a branch on the answer,
//! then the distances of the few queries near a line or in a treaty's window.

use std::ops::ControlFlow;

use geo_types::{Coord, Point};
use rayon::prelude::*;

use crate::atlas::{AnswerId, Atlas};
use crate::date::Date;
use crate::nearest::Nearest;
use crate::query::BATCH_CHUNK;
use crate::timeline::Status;

/// Queries per pass: the list of those that measure their distances stays on the stack, and
/// the queries stay in the cache between the passes.
const SUB_BATCH: usize = 1024;

impl Atlas {
    /// [`Atlas::answer_ids_into`] with each answer's certainty: `out` ends up holding one
    /// `(id, certain)` per query, in the order of `queries`, whatever it held before; the
    /// work is shared by every core (rayon). Rows in, rows out: `out.len() == queries.len()`.
    ///
    /// - `id` is [`Atlas::answer_id`]'s: [`Atlas::resolve`] turns it into the answer or the
    ///   error of [`Atlas::sovereignty_on`] for that query.
    /// - `certain` is [`Certainty::certain`](crate::Certainty::certain) of
    ///   [`Atlas::sovereignty_with_certainty_on`] for a query whose answer is land, and
    ///   `false` for one whose answer is an error. What makes an answer uncertain (the other
    ///   side, the line or the treaty) comes from [`Atlas::certainty_on`] on that query.
    ///
    /// Faster than a call per point on many points: a query is located and its cell's
    /// certainty bit and treaty window read without a branch on the answer, and only the few
    /// queries in a cell near a line or in a window measure their distances, after the others.
    /// The first query builds the distance grid, and the first in an epoch its cells, as a
    /// single point does; they are built by the calling thread, outside the parallel work.
    ///
    /// ```
    /// use geo_types::Point;
    /// use nerchinsk::{data::embedded, Date, Error, Status};
    ///
    /// let atlas = embedded();
    /// let on = Date::new(1970, 1, 1).unwrap();
    /// let queries = [
    ///     (Point::new(126.6409, 45.7576), on), // Harbin, far from any line
    ///     (Point::new(127.5162, 50.2372), on), // mid-Amur, within the line's 2 km accuracy
    ///     (Point::new(135.5, 43.0), on),       // Sea of Japan
    /// ];
    /// let mut out = Vec::new();
    /// atlas.answer_ids_with_certainty_into(&queries, &mut out);
    /// assert_eq!(out.len(), 3);
    /// let (p, d) = queries[0];
    /// assert_eq!(atlas.resolve(out[0].0, p, d).unwrap().status, Status::China);
    /// assert!(out[0].1);
    /// let (p, d) = queries[1];
    /// assert!(atlas.resolve(out[1].0, p, d).is_ok() && !out[1].1);
    /// assert!(atlas.certainty_on(p, d).unwrap().other_side.is_some()); // why
    /// let (p, d) = queries[2];
    /// assert!(matches!(atlas.resolve(out[2].0, p, d), Err(Error::AtSea { .. })));
    /// assert!(!out[2].1);
    /// ```
    pub fn answer_ids_with_certainty_into(
        &self,
        queries: &[(Point<f64>, Date)],
        out: &mut Vec<(AnswerId, bool)>,
    ) {
        // every entry is overwritten: a buffer of the right length is reused as it is
        out.resize(queries.len(), (AnswerId::NOT_IN_FRAME, false));
        // The parallel work only reads an epoch's cells: a build inside it, which runs on
        // rayon too, could take up another chunk that waits for the same build on the same
        // thread. A chunk that meets an epoch not built yet says so, and is done again after
        // the calling thread has built what it needs.
        let mut redo: Vec<usize> = out
            .par_chunks_mut(BATCH_CHUNK)
            .zip(queries.par_chunks(BATCH_CHUNK))
            .enumerate()
            .filter_map(|(k, (out, queries))| {
                (!self.chunk_with_certainty(queries, out)).then_some(k)
            })
            .collect();
        if redo.is_empty() {
            return;
        }
        for &k in &redo {
            for &(_, date) in queries[k * BATCH_CHUNK..].iter().take(BATCH_CHUNK) {
                self.certain_cells(self.eras.epoch(self.eras.era_of(date)));
            }
        }
        redo.sort_unstable();
        let done = out
            .par_chunks_mut(BATCH_CHUNK)
            .zip(queries.par_chunks(BATCH_CHUNK))
            .enumerate()
            .filter(|(k, _)| redo.binary_search(k).is_ok())
            .all(|(_, (out, queries))| self.chunk_with_certainty(queries, out));
        assert!(done, "every epoch of the chunks is built");
    }

    /// One chunk of [`Atlas::answer_ids_with_certainty_into`]: false, with `out` partly
    /// written, if a query's epoch has no cells yet.
    fn chunk_with_certainty(
        &self,
        queries: &[(Point<f64>, Date)],
        out: &mut [(AnswerId, bool)],
    ) -> bool {
        let mut doubtful = [0u16; SUB_BATCH];
        out.chunks_mut(SUB_BATCH)
            .zip(queries.chunks(SUB_BATCH))
            .all(|(out, queries)| self.ids_with_certainty(queries, out, &mut doubtful))
    }

    /// At most [`SUB_BATCH`] queries, in two passes: every query's id and whether its cell
    /// is certain, with the queries that need more listed without a branch; then those.
    /// False, before the second pass, if a query's epoch has no cells yet.
    fn ids_with_certainty(
        &self,
        queries: &[(Point<f64>, Date)],
        out: &mut [(AnswerId, bool)],
        doubtful: &mut [u16; SUB_BATCH],
    ) -> bool {
        let mut n = 0;
        let mut built = true;
        for (i, (o, &(point, date))) in out.iter_mut().zip(queries).enumerate() {
            let (id, certain, doubt) = self.id_with_cell_certainty(point, date, &mut built);
            *o = (id, certain);
            doubtful[n % SUB_BATCH] = i as u16;
            n += doubt as usize;
        }
        if built {
            self.measure_doubtful(queries, out, &doubtful[..n]);
        }
        built
    }

    /// The id of a query, whether it is land in a cell certain in space, and whether its
    /// certainty needs more than that (land in a cell near a line, or in a treaty's window
    /// that moved its face). Errors are neither. No branch on the answer: a point outside the
    /// frame's box is located at the nearest point of the box instead and its answer dropped.
    /// `built` becomes false if the epoch's cells are not built.
    #[inline(always)]
    fn id_with_cell_certainty(
        &self,
        point: Point<f64>,
        date: Date,
        built: &mut bool,
    ) -> (AnswerId, bool, bool) {
        let era = self.eras.era_of(date);
        let row = self.eras.row(era);
        let (p, inside) = self.clamp_to_frame(point.0);
        let (face, cell, sub) = self.grid.locate_in_frame_with_cell(p);
        let a = self.eras.answer(row, face);
        // an era before the first event answers `Outside`: not land
        let land = a.status.is_land() & inside;
        let space_clear = match self.certain_cells_slot(self.eras.epoch(era)).get() {
            Some(cells) => cells.certain_at(cell, sub),
            None => {
                *built = false;
                false
            }
        };
        let id = if inside {
            (row + face) as u32
        } else {
            u32::MAX
        };
        // certain unless in a window, where the second pass looks further
        (
            AnswerId(id),
            land & space_clear,
            land & !(space_clear & !a.in_window),
        )
    }

    /// The second pass of [`Atlas::ids_with_certainty`]: the certainty of the land answers
    /// listed in `doubtful`, whose `out` holds their id and whether their cell is certain in
    /// space, found as the single point's (space, then time) without naming the other side.
    /// Their epochs' cells are built, so their distance grids are. Out of line, so that the
    /// first pass keeps its registers.
    #[inline(never)]
    fn measure_doubtful(
        &self,
        queries: &[(Point<f64>, Date)],
        out: &mut [(AnswerId, bool)],
        doubtful: &[u16],
    ) {
        for &i in doubtful {
            let (point, date) = queries[i as usize];
            let (id, space_clear) = out[i as usize];
            let era = self.eras.era_of(date);
            let face = id.0 as usize - self.eras.row(era);
            let status = self.eras.answers[id.0 as usize].status;
            let space = !space_clear && self.has_space_doubt(point.0, self.eras.epoch(era), status);
            let time = || {
                self.eras
                    .time_doubts
                    .get(era)
                    .and_then(|t| t.get(face))
                    .is_some_and(Option::is_some)
            };
            out[i as usize].1 = !(space || time());
        }
    }

    /// Whether the single point's space doubt would find a line, without looking for the
    /// nearest: the walk stops at the first line within its accuracy that has land of another
    /// status than `status` on a side.
    fn has_space_doubt(&self, p: Coord<f64>, epoch: usize, status: Status) -> bool {
        let statuses = &self.face_status[epoch];
        let mut found = false;
        self.distance_grid(epoch).for_each_within(
            p,
            self.max_accuracy_km,
            |edge| self.lines[self.topo.edges[edge].line].accuracy_km,
            |Nearest { edge, .. }| {
                found = self.other_land_side(statuses, edge, status).is_some();
                if found {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        found
    }
}
