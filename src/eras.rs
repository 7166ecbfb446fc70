//! The answer table: the timeline cut at every event, every change of a state's name and
//! every signing or entry into force of a treaty, so that within an era every face has one
//! fixed answer, one epoch and one window of doubt or none.

use crate::atlas::Atlas;
use crate::date::Date;
use crate::timeline::Status;

/// The timeline cut at every event and every change of a state's name, so that within an era
/// every face has one fixed answer. A query then costs a look-up by year (and, in the few
/// years with a change, a count of that year's changes) and
/// one table load: no date comparisons that the CPU would mispredict, no allocation.
#[derive(Debug, Clone, Default)]
pub(crate) struct Eras {
    /// Era `i + 1` starts on day key `starts[i]` (see `Date::day_key`); era 0 is before them all.
    starts: Vec<i64>,
    /// First year of `by_year`: the year of the first start.
    first_year: i32,
    /// `by_year[y - first_year]` = how many eras start before 1 January of year y, for every
    /// year from the first start's to the one after the last start's.
    by_year: Vec<u32>,
    /// `first_change[y - first_year]` = the day key of the first era start within year y, or
    /// `i64::MAX` if none (329 of the 337 years since 1689): most dates then need one compare.
    /// A table of its own, though `starts[by_year[y]]` holds the same start: that second load
    /// waits for the first (sovereignty_on 112 against 121 M/s, best of five alternated runs).
    first_change: Vec<i64>,
    /// `year_end[y - first_year + 1]` = where the answers of the era of 31 December of year y
    /// start (era × faces), for every year from the one before the first start's to the last
    /// start's; [`Atlas::sovereignty_at`] asks for nothing else, so its era is one load.
    year_end: Vec<u32>,
    /// `answers[era * faces + face]`.
    pub(crate) answers: Vec<Answer>,
    faces: usize,
    /// `epochs[era]`: the epoch of the era (the last event on or before it, 0 before any).
    epochs: Vec<u16>,
    /// `time_doubts[era][face]`, for an era in a treaty's window (empty for the others): the
    /// other possible answer of the face, on the other side of the window, if the treaty
    /// changed its status ([`crate::Atlas::certainty_on`]).
    pub(crate) time_doubts: Vec<Vec<Option<TimeDoubt>>>,
    /// Where the answers of the first era after the first event start: the rows before it are
    /// the eras before any treaty (more than one if a state's name changes before the first
    /// event), whose every answer is an error.
    pub(crate) first_row: usize,
}

/// One precomputed answer. It holds its own copies of the names, so a lookup borrows them from
/// the entry it has just loaded instead of following two more indices.
#[derive(Debug, Clone)]
pub(crate) struct Answer {
    pub(crate) status: Status,
    /// An era before the first event: no answer, an error. After it the status says which
    /// answer: land is `Ok`, `Sea` and `Outside` the errors of that name.
    pub(crate) before: bool,
    /// Whether the era is in a treaty's window that moved this face's land (so that the face
    /// has a time doubt): in the padding, so that only the faces a window concerns look
    /// further, however long the window.
    pub(crate) in_window: bool,
    pub(crate) sovereign: Box<str>,
    /// Name of the event that set the status.
    pub(crate) treaty: Box<str>,
}

/// The other possible answer of a face in a treaty's window: the treaty's event, and the
/// status and its holder's name on the other side of the window.
#[derive(Debug, Clone)]
pub(crate) struct TimeDoubt {
    pub(crate) event: usize,
    pub(crate) status: Status,
    pub(crate) sovereign: Box<str>,
}

impl Eras {
    // faces index several epochs' status rows at once, so a range loop reads best
    #[allow(clippy::needless_range_loop)]
    pub(crate) fn build(atlas: &Atlas) -> Eras {
        let (events, face_status) = (&atlas.events, &atlas.face_status);
        let name_changes = atlas
            .states
            .iter()
            .flat_map(|s| s.names.iter().filter_map(|n| n.from));
        let windows = events.iter().flat_map(|e| [e.signed, e.in_force]).flatten();
        let mut dates: Vec<Date> = events
            .iter()
            .map(|e| e.date)
            .chain(name_changes)
            .chain(windows)
            .collect();
        dates.sort();
        dates.dedup();
        let faces = face_status.first().map_or(0, Vec::len);
        let starts: Vec<i64> = dates.iter().map(|&d| d.day_key()).collect();
        let first_year = dates.first().map_or(0, |d| d.year);
        let last_year = dates.last().map_or(0, |d| d.year);
        let by_year = (first_year..=last_year + 1)
            .map(|y| {
                starts.partition_point(|&s| {
                    s < Date::day_key(Date {
                        year: y,
                        month: 1,
                        day: 1,
                    })
                }) as u32
            })
            .collect();
        let year_end = (first_year - 1..=last_year)
            .map(|y| {
                let era = starts.partition_point(|&s| s <= Date::end_of_year(y).day_key());
                (era * faces) as u32
            })
            .collect();
        let first_change = (first_year..=last_year + 1)
            .map(|y| {
                let from = Date::day_key(Date {
                    year: y,
                    month: 1,
                    day: 1,
                });
                starts
                    .iter()
                    .copied()
                    .find(|&s| s >= from && s < from + 512)
                    .unwrap_or(i64::MAX)
            })
            .collect();
        let mut eras = Eras {
            starts,
            first_year,
            first_change,
            by_year,
            year_end,
            faces,
            ..Eras::default()
        };
        for era in 0..=dates.len() {
            let start = if era == 0 { None } else { Some(dates[era - 1]) };
            let epoch = start.and_then(|d| events.iter().rposition(|e| e.date <= d));
            let in_window = start.is_some_and(|d| {
                events.iter().any(|e| {
                    let (from, to) = e.window();
                    from <= d && d < to
                })
            });
            let number = epoch.map_or(0, |e| u16::try_from(e).expect("fewer than 65,536 events"));
            eras.epochs.push(number);
            eras.time_doubts.push(match start {
                Some(d) if in_window => (0..faces).map(|f| time_doubt(atlas, f, d)).collect(),
                _ => Vec::new(),
            });
            let doubts = eras.time_doubts.last().expect("pushed above");
            for face in 0..faces {
                // in a window only where the treaty moved this face's land
                let in_window = doubts.get(face).is_some_and(|t| t.is_some());
                let answer = match (start, epoch) {
                    (Some(date), Some(ep)) => {
                        let status = face_status[ep][face];
                        let holder = atlas.face_holder[ep][face];
                        let since = atlas.status_since(ep, face);
                        let name = atlas.holder_name(holder, date);
                        Answer {
                            status,
                            before: false,
                            in_window,
                            sovereign: name.into(),
                            treaty: events[since].name.as_str().into(),
                        }
                    }
                    _ => Answer {
                        status: Status::Outside,
                        before: true,
                        in_window,
                        sovereign: "".into(),
                        treaty: "".into(),
                    },
                };
                eras.answers.push(answer);
            }
        }
        eras.first_row = eras
            .answers
            .iter()
            .position(|a| !a.before)
            .unwrap_or(eras.answers.len());
        eras
    }

    /// The era a date falls in: how many era starts are on or before it. The year table gives
    /// the count at 1 January; only the starts within that year (usually none) are compared.
    #[inline]
    pub(crate) fn era_of(&self, date: Date) -> usize {
        // clamped into the table: a year before it compares with the first year's starts (all
        // later), a year after it is the year after the last start's (no starts, all before)
        let last = self.by_year.len().saturating_sub(1) as i64;
        let y = (date.year as i64 - self.first_year as i64).clamp(0, last) as usize;
        let (Some(&from), Some(&first)) = (self.by_year.get(y), self.first_change.get(y)) else {
            return 0; // no eras at all
        };
        let key = date.day_key();
        if key < first {
            return from as usize;
        }
        self.era_within_year(y, key)
    }

    /// [`Eras::era_of`] for a date on or after the first era start of its year.
    #[inline(never)]
    fn era_within_year(&self, y: usize, key: i64) -> usize {
        let from = self.by_year[y] as usize;
        let to = self
            .by_year
            .get(y + 1)
            .map_or(self.starts.len(), |&t| t as usize);
        from + self.starts[from..to]
            .iter()
            .take_while(|&&s| s <= key)
            .count()
    }

    /// Where the answers of the era of 31 December of `year` start: one load from the
    /// clamped year table.
    #[inline]
    pub(crate) fn row_at_year_end(&self, year: i32) -> usize {
        // years before the table clamp to its first entry, years after it to its last
        let last = self.year_end.len() as i64 - 1;
        let y = (year as i64 - self.first_year as i64 + 1).clamp(0, last.max(0));
        self.year_end.get(y as usize).map_or(0, |&r| r as usize)
    }

    /// The epoch of `era` (0 before the first event). Read from the era alone, not from the
    /// answer a lookup loads, so that a lookup with its certainty can fetch the epoch's bits
    /// while it is still locating the point.
    #[inline]
    pub(crate) fn epoch(&self, era: usize) -> usize {
        self.epochs.get(era).map_or(0, |&e| e as usize)
    }

    /// Where the answers of `era` start.
    #[inline]
    pub(crate) fn row(&self, era: usize) -> usize {
        era * self.faces
    }

    /// The precomputed answer for `face` in the era whose answers start at `row`.
    #[inline]
    pub(crate) fn answer(&self, row: usize, face: usize) -> &Answer {
        &self.answers[row + face]
    }
}

/// The other possible answer of `face` on `date`, if `date` falls in a treaty's window (the
/// first such treaty) and the treaty changed the face's status to or from land.
fn time_doubt(atlas: &Atlas, face: usize, date: Date) -> Option<TimeDoubt> {
    atlas.events.iter().enumerate().skip(1).find_map(|(e, ev)| {
        let (from, to) = ev.window();
        if date < from || date >= to {
            return None;
        }
        // the other side of the window: before the treaty if the answer is after it
        let (here, other) = if date >= ev.date {
            (e, e - 1)
        } else {
            (e - 1, e)
        };
        let status = atlas.face_status[other][face];
        if status == atlas.face_status[here][face] || !status.is_land() {
            return None;
        }
        Some(TimeDoubt {
            event: e,
            status,
            sovereign: atlas
                .holder_name(atlas.face_holder[other][face], date)
                .into(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn era_by_year_table_matches_counting_every_start() {
        let eras = &crate::data::embedded().eras;
        let mut checked = 0;
        for year in [-5000, 0, 1000, 1688, 2500, i32::MAX, i32::MIN]
            .into_iter()
            .chain(1680..2030)
        {
            for month in 1..=12 {
                for day in [1, 2, 13, 14, 15, 26, 27, 28, 29, 30, 31] {
                    let Ok(date) = Date::new(year, month, day) else {
                        continue;
                    };
                    let key = date.day_key();
                    let want = eras.starts.iter().filter(|&&s| s <= key).count();
                    assert_eq!(eras.era_of(date), want, "{date}");
                    if (month, day) == (12, 31) {
                        assert_eq!(eras.row_at_year_end(year), eras.row(want), "{date}");
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 40_000);
    }
}
