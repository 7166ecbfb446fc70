//! Lines with their provenance: treaty lines, coast, edges of the covered area.

use geo_types::LineString;
use serde::Deserialize;

/// What a line is for when the land is cut into faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LineKind {
    /// A treaty line: in force between the events of the timeline that add and remove it.
    Border,
    /// The coast: always separates land from sea.
    Coast,
    /// The edge of the covered area.
    Frame,
    /// A boundary with land that is not covered (Korea, Mongolia): always present.
    Edge,
    /// A connector through the sea that joins an island's coast to the rest of the lines, so
    /// that every line is connected to the frame and the island is a face of its own. It has
    /// the same face on both sides, so it separates nothing: it is never a line in force, a
    /// nearest border or a stroke on a map, and [`crate::Atlas::lines_on`] leaves it out.
    Bridge,
}

/// One line of `data/lines.geojson`, with where it comes from and how good it is.
#[derive(Debug, Clone, Deserialize)]
pub struct BorderLine {
    /// Short id, e.g. `amur_upper`.
    pub id: String,
    /// English name.
    pub name: String,
    /// What the line is in which treaty.
    pub role: String,
    /// How the line is used to cut the land.
    pub kind: LineKind,
    /// Data set the geometry comes from.
    pub source: String,
    /// Licence of that data set.
    pub licence: String,
    /// How far, in km, the line may be from where it really runs.
    pub accuracy_km: f64,
    /// A treaty line that always cuts the land (property `coverage_edge`): the edge of the
    /// covered area (the Kyakhta line of 1727, with Mongolia beyond it), or a frontier of
    /// possession that a later treaty drew (`kyakhta_east`, west of the Argun's head: Russian
    /// Transbaikalia and Qing land from 1689, a treaty line from 1727). It always separates the
    /// faces on its two sides, but counts as a treaty line (in
    /// [`crate::Atlas::lines_in_force_on`], for distances, certainty and map labels) only while a
    /// treaty has it in force.
    #[serde(default)]
    pub coverage_edge: bool,
    /// For the closed coast ring of an offshore island (property `region`): the name of the
    /// timeline region whose statuses the island takes.
    #[serde(default)]
    pub region: Option<String>,
    /// extracted / derived / digitised by hand, with details.
    pub method: String,
    /// The geometry, lon/lat degrees (WGS84).
    #[serde(deserialize_with = "geojson::de::deserialize_geometry")]
    pub geometry: LineString<f64>,
}
