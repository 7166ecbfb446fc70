//! The timeline's vocabulary: events (treaties), statuses, and the names of the states over time.

use std::fmt;

use crate::date::Date;

/// One event of the timeline: a treaty that put lines in force or took them away.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Short id, e.g. `aigun_1858`.
    pub id: String,
    /// Name, e.g. "Treaty of Aigun".
    pub name: String,
    /// The date the answers change on (proleptic Gregorian): the signing or the entry into
    /// force, as data/README.md says for each event.
    pub date: Date,
    /// The date in the Julian calendar Russia then used, where the source gives it.
    pub date_julian: Option<Date>,
    /// The signing, where it came before `date` (an agreement dated by its entry into force).
    pub signed: Option<Date>,
    /// The ratification or entry into force, where it came after `date` (a treaty dated by
    /// its signing). From `signed` (or `date`) to `in_force` (or `date`) the change is not
    /// settled: [`Atlas::certainty_on`](crate::Atlas::certainty_on) says so.
    pub in_force: Option<Date>,
    /// What the treaty says, in short.
    pub text: String,
    /// Where the text and date come from.
    pub source: String,
}

impl Event {
    /// The days from the signing to the entry into force, `[from, to)`: the window in which
    /// the change is not settled. Empty (`from == to == date`) for an event with neither.
    pub(crate) fn window(&self) -> (Date, Date) {
        (
            self.signed.unwrap_or(self.date),
            self.in_force.unwrap_or(self.date),
        )
    }
}

/// The coarse status of a piece of land on a date: which side held it.
///
/// The Sino-Russian region uses the first six; the Taiwan region adds `Japan` and `Disputed`.
///
/// The state's own name on the date is in the answer ([`crate::Sovereignty::sovereign`]) and
/// comes from the dataset's [`State`]s. `Sea` and `Outside` are statuses of the faces that
/// cut the frame (every face has a status on every date, so areas and maps can account for
/// all of them); a lookup never answers them: a point at sea or outside is an
/// [`Error::AtSea`](crate::Error::AtSea) or [`Error::OutsideCoverage`](crate::Error::OutsideCoverage).
///
/// ```
/// use nerchinsk::Status;
///
/// let s: Status = "joint".parse().unwrap();
/// assert_eq!(s, Status::Joint);
/// assert_eq!(s.to_string(), "joint");
/// assert!(s.is_land() && !Status::Sea.is_land());
/// assert!("Russia".parse::<Status>().is_err()); // lower case only
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Russian sovereignty (Tsardom, Empire, USSR, Federation).
    Russia,
    /// Chinese sovereignty (Qing, Republic, People's Republic).
    China,
    /// Held in common by both (the land between the Ussuri and the sea, 1858-1860).
    Joint,
    /// Left undetermined by the treaty (the land between the Uda and the mountains, 1689-1858).
    Undetermined,
    /// Sea: a face, never an answer.
    Sea,
    /// Land outside the covered area (Korea, Mongolia, China west of 115.5E): a face, never an
    /// answer.
    Outside,
    /// Japanese sovereignty (Taiwan and Penghu, 1895-1945).
    Japan,
    /// Held by one state and claimed by another, the title itself disputed (Taiwan, Penghu,
    /// Kinmen and Matsu after 1945 and 1949 in the default reading): the sovereign's name says
    /// who administers and who claims.
    Disputed,
}

impl Status {
    /// Lower-case name as used in the data and the CLI's JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Russia => "russia",
            Status::China => "china",
            Status::Joint => "joint",
            Status::Undetermined => "undetermined",
            Status::Sea => "sea",
            Status::Outside => "outside",
            Status::Japan => "japan",
            Status::Disputed => "disputed",
        }
    }

    /// Parse the lower-case name; `None` for any other text. The same as `s.parse().ok()`.
    pub fn parse(s: &str) -> Option<Status> {
        Some(match s {
            "russia" => Status::Russia,
            "china" => Status::China,
            "joint" => Status::Joint,
            "undetermined" => Status::Undetermined,
            "sea" => Status::Sea,
            "outside" => Status::Outside,
            "japan" => Status::Japan,
            "disputed" => Status::Disputed,
            _ => return None,
        })
    }

    /// Every status, in the order of the enum.
    pub const ALL: [Status; 8] = [
        Status::Russia,
        Status::China,
        Status::Joint,
        Status::Undetermined,
        Status::Sea,
        Status::Outside,
        Status::Japan,
        Status::Disputed,
    ];

    /// True for the statuses of covered land.
    pub fn is_land(self) -> bool {
        !matches!(self, Status::Sea | Status::Outside)
    }
}

/// Text that is not one of the lower-case status names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusError(pub String);

impl fmt::Display for StatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a status (russia, china, joint, undetermined, sea, outside, japan, disputed)",
            self.0
        )
    }
}

impl std::error::Error for StatusError {}

impl std::str::FromStr for Status {
    type Err = StatusError;

    fn from_str(s: &str) -> Result<Self, StatusError> {
        Status::parse(s).ok_or_else(|| StatusError(s.to_string()))
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A state of the dataset and its names over time (`states` in the timeline file).
///
/// A state has one coarse [`Status`]; more than one state may share a status (a state that
/// held part of one side's land for a while, like a buffer republic), and a region's status in
/// the timeline names either a state (by id) or a shared holding ([`Atlas::shared`](crate::Atlas)).
///
/// ```
/// use nerchinsk::{data::embedded, Date};
///
/// let russia = embedded().state("russia").unwrap();
/// assert_eq!(russia.name_on(Date::new(1721, 11, 1).unwrap()), "Tsardom of Russia");
/// assert_eq!(russia.name_on(Date::new(1721, 11, 2).unwrap()), "Russian Empire");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// Short id, e.g. `russia`, as region statuses name it.
    pub id: String,
    /// The coarse status of the land it holds.
    pub status: Status,
    /// A short label for maps and legends, e.g. "Russia" (the id where the file gives none).
    pub label: String,
    /// Its names, each from a date on (the first from the beginning), in date order.
    pub names: Vec<StateName>,
    /// Where the names and dates come from.
    pub source: String,
}

/// One name of a [`State`] and the date it was first used.
#[derive(Debug, Clone, PartialEq)]
pub struct StateName {
    /// From this date on (`None`: from the beginning of the timeline).
    pub from: Option<Date>,
    /// The name, e.g. "Russian Empire".
    pub name: String,
}

impl State {
    /// The state's name on `date`: the last name whose `from` is on or before it.
    pub fn name_on(&self, date: Date) -> &str {
        self.names
            .iter()
            .rev()
            .find(|n| n.from.is_none_or(|f| f <= date))
            .or(self.names.first())
            .map_or(self.id.as_str(), |n| n.name.as_str())
    }
}

/// Land held by more than one state, or by none of them alone (`shared` in the timeline
/// file): its status and how its holder is named, e.g. `"{russia} and {china}, jointly"`,
/// where `{id}` stands for the name of the state `id` on the date.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    /// Short id, e.g. `joint`, as region statuses name it.
    pub id: String,
    /// The coarse status of the land.
    pub status: Status,
    /// The name, with `{state id}` placeholders.
    pub name: String,
}

/// How a map of the dataset is drawn (`map` in the timeline file): its title, the lines drawn
/// as rivers where they are not a border on the date, the lakes (ids of lines in
/// `data/reference.geojson`) and the legend's words for land outside the covered area.
#[derive(Debug, Clone, PartialEq, Default, serde::Deserialize)]
pub struct MapStyle {
    /// The map's title, followed by " on `<date>`".
    #[serde(default)]
    pub title: String,
    /// Ids of lines that follow rivers.
    #[serde(default)]
    pub rivers: Vec<String>,
    /// Ids of the reference lines drawn as lakes.
    #[serde(default)]
    pub lakes: Vec<String>,
    /// The legend's words for land outside the covered area.
    #[serde(default)]
    pub outside: String,
    /// The data sets the map's credits name (empty: the Sino-Russian region's).
    #[serde(default)]
    pub data: String,
}

/// Who holds a face: sea, outside, a state or a shared holding; region statuses name one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Holder {
    /// Sea or outside the covered area: no holder, only a status.
    Nobody(Status),
    /// The state at this index of `Atlas::states`.
    State(usize),
    /// The shared holding at this index of `Atlas::shared`.
    Shared(usize),
}

/// Fill the `{id}` placeholders of a shared holding's name with the states' names on `date`.
pub(crate) fn fill_name(template: &str, states: &[State], date: Date) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let id = &after[..close];
                match states.iter().find(|s| s.id == id) {
                    Some(s) => out.push_str(s.name_on(date)),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}
