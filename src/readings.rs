//! Competing readings of the treaties, as switchable datasets.
//!
//! The embedded data follow one reading of each disputed clause ([`Reading::Standard`]). Another
//! reading is the same data with the disputed line swapped, built in memory from the embedded
//! files, so it never drifts from them:
//!
//! ```
//! use geo_types::Point;
//! use nerchinsk::readings::Reading;
//! use nerchinsk::{Atlas, Status};
//!
//! let great = Atlas::with_reading(Reading::GreatGorbitsa).unwrap();
//! // north of the Shilka, between the Little Gorbitsa and the Amazar (the Great Gorbitsa)
//! let wedge = Point::new(120.3, 53.45);
//! assert_eq!(nerchinsk::sovereignty_at(wedge, 1700).unwrap().status, Status::China);
//! assert_eq!(great.sovereignty_at(wedge, 1700).unwrap().status, Status::Russia);
//! ```
//!
//! [`compare`] overlays two atlases and gives the land whose status differs on a date, with
//! geodesic areas. `data/README.md` ("Competing readings") gives the sources and accuracy.

use std::collections::{BTreeMap, HashSet};

use geo::{GeodesicArea, InteriorPoint};
use geo_types::{Coord, LineString};
use serde_json::{json, Value};

use crate::area::Transfer;
use crate::atlas::Atlas;
use crate::border::BorderLine;
use crate::data::{LINES_GEOJSON, REFERENCE_GEOJSON, TIMELINE_JSON};
use crate::date::Date;
use crate::error::{Error, Result};
use crate::timeline::Status;
use crate::topology::Topology;

mod main_channel;
mod qiqihar_void;
mod taiwan;

/// A reading of the disputed clauses of the treaties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reading {
    /// The embedded data: Nerchinsk's "Kerbechi" is the Little Gorbitsa, a left tributary of the
    /// Shilka (Brockhaus & Efron; Müller 1757; Coxe 1780: the Qing reading, which "carried their
    /// point" and which the Qing border markers at its mouth followed until 1858); in the
    /// rivers from 1860, the line of the 1861 treaty map, which puts Tarabarov, Bolshoy
    /// Ussuriysky and Zhenbao (Damansky) on the Russian side until the 1991 and 2004
    /// agreements.
    Standard,
    /// The "Great Gorbitsa" (Amazar), which enters the Amur about 30 versts below the
    /// Shilka-Argun confluence: the reading Coxe (1780) says the Russians meant. The 1689 line
    /// then runs down the Argun and the Amur to the Amazar's mouth, up the Amazar and north to
    /// the crest; the Shilka, the Little Gorbitsa and the crest west of the Amazar are no treaty
    /// lines. The Amazar is hand-digitised (accuracy 15 km; see data/README.md).
    GreatGorbitsa,
    /// The river islands on the side of the main channel from 1860 (the Chinese reading, and
    /// the rule the 1991 agreement wrote down, art. 5), instead of the line the 1861 map draws
    /// along the Chinese bank (the embedded data): Tarabarov, Bolshoy Ussuriysky and Zhenbao
    /// (Damansky) are Chinese throughout, and the 2004 agreement gives Russia the eastern part
    /// of Bolshoy Ussuriysky (see data/ISLANDS.md, "Islands in the rivers").
    MainChannel,
    /// The Qiqihar (Manzhouli) agreement of 1911 void: the Qing never ratified it and the
    /// Republic of China declared it void in 1920, so the frontier of 1727 west of the Argun's
    /// head stays the line, and the strip south of it Chinese, until the 1991 agreement took
    /// effect (16 Mar 1992), instead of Russian from 20 Dec 1911 (the embedded data).
    QiqiharVoid,
    /// Taiwan, the People's Republic of China's position: Taiwan and Penghu restored to China on
    /// 25 Oct 1945 (the Republic of China), and from 1 Oct 1949 the People's Republic of China
    /// the sole legal government of China, Taiwan, Penghu, Kinmen and Matsu included (white
    /// paper of 10 Aug 2022; data/TAIWAN.md, "Competing readings").
    Prc,
    /// Taiwan, the Republic of China's position: the Republic of China sovereign over Taiwan and
    /// Penghu from 25 Oct 1945, over Kinmen and Matsu throughout (constitution of 1947, art. 4).
    Roc,
    /// Taiwan, the view that the status is undetermined: Japan's until the San Francisco treaty
    /// took effect (28 Apr 1952), which renounced Taiwan and Penghu naming no recipient, with no
    /// settled sovereign since (the UK and US governments in the 1950s). Kinmen and Matsu keep
    /// the default answers.
    TitleUndetermined,
}

impl Reading {
    /// Every reading, the standard one first.
    ///
    /// ```
    /// use nerchinsk::readings::Reading;
    ///
    /// assert_eq!(Reading::ALL[0], Reading::Standard);
    /// ```
    pub const ALL: [Reading; 7] = [
        Reading::Standard,
        Reading::GreatGorbitsa,
        Reading::MainChannel,
        Reading::QiqiharVoid,
        Reading::Prc,
        Reading::Roc,
        Reading::TitleUndetermined,
    ];

    /// The id of the region whose dataset the reading changes ([`Atlas::region_id`]):
    /// `sino_russian` for the treaty readings and [`Reading::Standard`], `taiwan` for
    /// [`Reading::Prc`], [`Reading::Roc`] and [`Reading::TitleUndetermined`]. The standard
    /// data of Taiwan are its default, which names who administers and that the title is
    /// disputed (data/TAIWAN.md, "Proposed answers").
    ///
    /// ```
    /// use nerchinsk::readings::Reading;
    ///
    /// assert_eq!(Reading::Prc.region(), "taiwan");
    /// assert_eq!(Reading::GreatGorbitsa.region(), "sino_russian");
    /// ```
    pub fn region(self) -> &'static str {
        match self {
            Reading::Prc | Reading::Roc | Reading::TitleUndetermined => "taiwan",
            _ => "sino_russian",
        }
    }

    /// Short, stable id: `standard`, `great_gorbitsa`, `main_channel`, `qiqihar_void`, `prc`,
    /// `roc`, `undetermined`; [`Reading::from_id`]
    /// reads it back.
    ///
    /// ```
    /// use nerchinsk::readings::Reading;
    ///
    /// assert_eq!(Reading::GreatGorbitsa.id(), "great_gorbitsa");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Reading::Standard => "standard",
            Reading::GreatGorbitsa => "great_gorbitsa",
            Reading::MainChannel => "main_channel",
            Reading::QiqiharVoid => "qiqihar_void",
            Reading::Prc => "prc",
            Reading::Roc => "roc",
            Reading::TitleUndetermined => "undetermined",
        }
    }

    /// One-line description, in English, for people.
    ///
    /// ```
    /// use nerchinsk::readings::Reading;
    ///
    /// assert!(Reading::GreatGorbitsa.name().contains("Amazar"));
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Reading::Standard => {
                "Little Gorbitsa (Shilka tributary); river islands by the 1861 map: the embedded data"
            }
            Reading::GreatGorbitsa => "Great Gorbitsa (Amazar, Amur tributary)",
            Reading::MainChannel => "River islands by the main channel from 1860",
            Reading::QiqiharVoid => "The 1911 Qiqihar agreement void: the 1727 line until 1992",
            Reading::Prc => "Taiwan: the People's Republic of China's position",
            Reading::Roc => "Taiwan: the Republic of China's position",
            Reading::TitleUndetermined => "Taiwan: status undetermined since 1952",
        }
    }

    /// The reading by id ([`Reading::id`]), or `None` for any other string
    /// (ids are case-sensitive).
    ///
    /// ```
    /// use nerchinsk::readings::Reading;
    ///
    /// for r in Reading::ALL {
    ///     assert_eq!(Reading::from_id(r.id()), Some(r));
    /// }
    /// assert_eq!(Reading::from_id("Standard"), None);
    /// ```
    pub fn from_id(id: &str) -> Option<Reading> {
        Reading::ALL.into_iter().find(|r| r.id() == id)
    }

    /// The dataset of this reading: the text of a lines GeoJSON and of a timeline JSON, in the
    /// format of `data/` (so [`Atlas::from_json`] and [`crate::data::load`] read it). For
    /// [`Reading::Standard`] that is [`crate::data::LINES_GEOJSON`] and
    /// [`crate::data::TIMELINE_JSON`] as they are.
    ///
    /// # Errors
    /// [`Error::Data`] if the embedded files lack a feature or event the reading is built
    /// from; never for the data shipped with the crate.
    ///
    /// ```
    /// use nerchinsk::readings::Reading;
    ///
    /// let (lines, _timeline) = Reading::GreatGorbitsa.dataset().unwrap();
    /// assert!(lines.contains("\"great_gorbitsa\""));
    /// assert_eq!(Reading::Standard.dataset().unwrap().0, nerchinsk::data::LINES_GEOJSON);
    /// ```
    pub fn dataset(self) -> Result<(String, String)> {
        match self {
            Reading::Standard => Ok((LINES_GEOJSON.to_string(), TIMELINE_JSON.to_string())),
            Reading::GreatGorbitsa => great_gorbitsa(),
            Reading::MainChannel => main_channel::main_channel(),
            Reading::QiqiharVoid => qiqihar_void::qiqihar_void(),
            Reading::Prc | Reading::Roc | Reading::TitleUndetermined => {
                taiwan::taiwan_reading(self.id())
            }
        }
    }
}

impl Atlas {
    /// The atlas of a reading of the treaties, built afresh from the embedded data on every
    /// call (keep it rather than calling again). `Reading::Standard` gives the same answers as
    /// [`crate::data::embedded`].
    ///
    /// # Errors
    /// [`Error::Data`], its `file` naming the reading, if the dataset of the reading does not
    /// build; never for the data shipped with the crate.
    ///
    /// ```
    /// use geo_types::Point;
    /// use nerchinsk::{readings::Reading, Atlas, Status};
    ///
    /// let standard = Atlas::with_reading(Reading::Standard).unwrap();
    /// let albazino = Point::new(124.0775, 53.39056);
    /// assert_eq!(standard.sovereignty_at(albazino, 1700).unwrap().status, Status::China);
    /// let great = Atlas::with_reading(Reading::GreatGorbitsa).unwrap();
    /// assert!(great.lines().iter().any(|l| l.id == "great_gorbitsa"));
    /// ```
    pub fn with_reading(reading: Reading) -> Result<Atlas> {
        let (l, t) = reading.dataset()?;
        Atlas::from_json(&l, &t).map_err(|e| match e {
            Error::Data { file, message } => Error::Data {
                file: format!("{file} (reading {})", reading.id()),
                message,
            },
            other => other,
        })
    }
}

const FILE: &str = "readings";

fn bad(what: impl Into<String>) -> Error {
    Error::data(FILE, what)
}

/// An embedded file parsed, or a reading's error.
fn parse(name: &str, s: &str) -> Result<Value> {
    serde_json::from_str::<Value>(s).map_err(|e| bad(format!("{name}: {e}")))
}

fn find<'a>(fc: &'a mut Value, id: &str) -> Result<&'a mut Value> {
    fc["features"]
        .as_array_mut()
        .and_then(|fs| fs.iter_mut().find(|f| f["properties"]["id"] == id))
        .ok_or_else(|| bad(format!("no feature {id:?}")))
}

fn coords_of(f: &Value) -> Result<Vec<Coord<f64>>> {
    let cs = f["geometry"]["coordinates"]
        .as_array()
        .ok_or_else(|| bad("a feature without coordinates"))?;
    cs.iter()
        .map(|c| match (c[0].as_f64(), c[1].as_f64()) {
            (Some(x), Some(y)) => Ok(Coord { x, y }),
            _ => Err(bad("a coordinate that is not two numbers")),
        })
        .collect()
}

fn to_json(cs: &[Coord<f64>]) -> Value {
    cs.iter().map(|c| json!([c.x, c.y])).collect()
}

/// Index of the vertex of `cs` nearest `p` (plain lon/lat distance, as in the loader tests).
fn nearest(cs: &[Coord<f64>], p: Coord<f64>) -> usize {
    let d = |c: &Coord<f64>| (c.x - p.x).powi(2) + (c.y - p.y).powi(2);
    (0..cs.len())
        .min_by(|&a, &b| d(&cs[a]).total_cmp(&d(&cs[b])))
        .unwrap_or(0)
}

/// Split line `id` at its vertex `k`: returns a new feature, a copy of it with the first `k + 1`
/// vertices and the given `[id, name, role]`, and leaves the line with the rest (from vertex
/// `k`), so the two meet at that vertex.
fn split_off_head(
    l: &mut Value,
    id: &str,
    k: usize,
    [new_id, name, role]: [&str; 3],
) -> Result<Value> {
    let line = find(l, id)?;
    let cs = coords_of(line)?;
    if k == 0 || k + 1 >= cs.len() {
        return Err(bad(format!("{id}: no inner vertex {k} to split at")));
    }
    let mut head = line.clone();
    let p = &mut head["properties"];
    p["id"] = json!(new_id);
    p["name"] = json!(name);
    p["role"] = json!(role);
    p["vertices"] = json!(k + 1);
    head["geometry"]["coordinates"] = to_json(&cs[..=k]);
    line["geometry"]["coordinates"] = to_json(&cs[k..]);
    line["properties"]["vertices"] = json!(cs.len() - k);
    Ok(head)
}

fn event<'a>(t: &'a mut Value, id: &str) -> Result<&'a mut Value> {
    t["events"]
        .as_array_mut()
        .and_then(|es| es.iter_mut().find(|e| e["id"] == id))
        .ok_or_else(|| bad(format!("no event {id:?}")))
}

/// Appends the reading's note to an event's text: `"<text> [Reading: <note>]"`.
fn note_reading(ev: &mut Value, note: &str) {
    let text = format!("{} [Reading: {note}]", ev["text"].as_str().unwrap_or(""));
    ev["text"] = json!(text);
}

fn list<'a>(ev: &'a mut Value, key: &str) -> Result<&'a mut Vec<Value>> {
    ev[key]
        .as_array_mut()
        .ok_or_else(|| bad(format!("an event without {key:?}")))
}

/// The Great Gorbitsa dataset: the embedded data with the Amur from the confluence to the
/// Amazar's mouth (`amur_1689`), the Amazar (`great_gorbitsa`, from `reference.geojson`) and the
/// crest east of it in force from 1689, instead of the Shilka, the Little Gorbitsa and the whole
/// crest. The Amur is split at its vertex nearest the Amazar's mouth (0.8 km away), the crest at
/// its vertex nearest Amazar settlement (50 km away, joined by a straight leg).
fn great_gorbitsa() -> Result<(String, String)> {
    let mut l = parse("lines", LINES_GEOJSON)?;
    let mut t = parse("timeline", TIMELINE_JSON)?;
    let mut r = parse("reference", REFERENCE_GEOJSON)?;
    let amazar = find(&mut r, "great_gorbitsa_amazar")?.clone();
    let ends = coords_of(&amazar)?;
    let (mouth, up) = match ends.as_slice() {
        [m, .., u] => (*m, *u),
        _ => return Err(bad("great_gorbitsa_amazar has fewer than two vertices")),
    };
    let amur = coords_of(find(&mut l, "amur_upper")?)?;
    let crest = coords_of(find(&mut l, "stanovoy_crest")?)?;
    let k = nearest(&amur, mouth);
    let m = nearest(&crest, up);
    if k == 0 || k + 1 >= amur.len() || m == 0 || m + 1 >= crest.len() {
        return Err(bad(
            "the Amazar does not meet the Amur and the crest inside them",
        ));
    }

    let amur_1689 = split_off_head(
        &mut l,
        "amur_upper",
        k,
        [
            "amur_1689",
            "Amur (Argun confluence to the Amazar mouth)",
            "Nerchinsk 1689 art. 1, Great Gorbitsa reading: the Amur down to the Great Gorbitsa (Amazar); stays the border after Aigun 1858",
        ],
    )?;
    let c = find(&mut l, "stanovoy_crest")?;
    c["geometry"]["coordinates"] = to_json(&crest[m..]);
    c["properties"]["vertices"] = json!(crest.len() - m);

    let mut gg = amazar;
    let geometry = [amur[k], up, crest[m]];
    let p = &mut gg["properties"];
    p["id"] = json!("great_gorbitsa");
    p["kind"] = json!("border");
    p["name"] = json!("Great Gorbitsa (Amazar), from its mouth to the crest");
    p["role"] = json!(
        "Nerchinsk 1689 art. 1, Great Gorbitsa reading: from its mouth to its source, in place of the Little Gorbitsa"
    );
    p["method"] = json!(
        "digitised by hand: straight from the Amur vertex nearest the mouth to Amazar settlement [est], then straight to the nearest crest vertex"
    );
    p["vertices"] = json!(geometry.len());
    gg["geometry"]["coordinates"] = to_json(&geometry);

    let fs = l["features"]
        .as_array_mut()
        .ok_or_else(|| bad("lines: no features"))?;
    fs.retain(|f| {
        !["shilka_lower", "gorbitsa"].contains(&f["properties"]["id"].as_str().unwrap_or(""))
    });
    fs.push(amur_1689);
    fs.push(gg);

    let ner = event(&mut t, "nerchinsk_1689")?;
    note_reading(
        ner,
        "the Great Gorbitsa (Amazar), which enters the Amur about 30 versts below the confluence (Brockhaus & Efron; Coxe 1780: the river the Russians meant).",
    );
    let add = list(ner, "add")?;
    add.retain(|x| x != "shilka_lower" && x != "gorbitsa");
    add.push(json!("amur_1689"));
    add.push(json!("great_gorbitsa"));
    let rem = list(event(&mut t, "aigun_1858")?, "remove")?;
    rem.retain(|x| x != "shilka_lower" && x != "gorbitsa");
    rem.push(json!("great_gorbitsa"));
    Ok((l.to_string(), t.to_string()))
}

/// Two atlases overlaid on one date, as [`compare`] gives it; areas in km², geodesic on the
/// WGS84 ellipsoid.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Land whose status differs: `from` is the status in the first atlas, `to` in the second,
    /// `km2` the geodesic area (WGS84). One row per pair, land only.
    pub transfers: Vec<Transfer>,
    /// Land area of each status in the first atlas, summed over the overlay's faces, km²
    /// (geodesic, WGS84); equal to the first atlas's [`Atlas::status_areas_km2_on`] to
    /// rounding.
    pub areas_a: BTreeMap<Status, f64>,
    /// The same for the second atlas.
    pub areas_b: BTreeMap<Status, f64>,
}

impl Comparison {
    /// Total land whose status differs, km² (geodesic, WGS84): the sum of the transfers.
    ///
    /// ```
    /// use nerchinsk::readings::{compare, Reading};
    /// use nerchinsk::{data::embedded, Atlas, Date};
    ///
    /// let great = Atlas::with_reading(Reading::GreatGorbitsa).unwrap();
    /// let c = compare(embedded(), &great, Date::new(1700, 1, 1).unwrap()).unwrap();
    /// assert!((5_000.0..20_000.0).contains(&c.moved_km2()));
    /// ```
    pub fn moved_km2(&self) -> f64 {
        self.transfers.iter().map(|t| t.km2).sum()
    }

    /// Net change of each status from the first atlas to the second, km² (geodesic, WGS84;
    /// from the transfers): positive where the second atlas has more. The changes sum to zero.
    ///
    /// ```
    /// use nerchinsk::readings::{compare, Reading};
    /// use nerchinsk::{data::embedded, Atlas, Date, Status};
    ///
    /// let great = Atlas::with_reading(Reading::GreatGorbitsa).unwrap();
    /// let net = compare(embedded(), &great, Date::new(1700, 1, 1).unwrap()).unwrap().net_km2();
    /// assert!(net[&Status::Russia] > 0.0); // the Great Gorbitsa gives Russia more
    /// assert!((net[&Status::Russia] + net[&Status::China]).abs() < 1e-6);
    /// ```
    pub fn net_km2(&self) -> BTreeMap<Status, f64> {
        let mut out = BTreeMap::new();
        for t in &self.transfers {
            *out.entry(t.to).or_insert(0.0) += t.km2;
            *out.entry(t.from).or_insert(0.0) -= t.km2;
        }
        out
    }
}

type SegKey = ((u64, u64), (u64, u64));

fn seg_key(a: Coord<f64>, b: Coord<f64>) -> SegKey {
    let (ka, kb) = (
        (a.x.to_bits(), a.y.to_bits()),
        (b.x.to_bits(), b.y.to_bits()),
    );
    if ka <= kb {
        (ka, kb)
    } else {
        (kb, ka)
    }
}

/// Overlay two atlases of the same covered area (two readings) and compare them on `date`.
///
/// The overlay is the planar subdivision of every line of `a` and every run of segments of `b`
/// that `a` lacks; each of its faces lies in one face of each atlas, found by exact point
/// location of an interior point. Lines of the two must meet only at shared vertices, as the
/// readings built here do. Areas are in km², geodesic on the WGS84 ellipsoid, so
/// [`Comparison::areas_a`] equals `a.status_areas_km2_on(date)` to rounding.
///
/// # Errors
/// [`Error::BeforeCoverage`] for a date before the first event of either atlas;
/// [`Error::Data`] if the two atlases cover different regions ([`Atlas::region_id`]), if their
/// lines cross other than at shared vertices, or the
/// overlay cannot be cut into faces.
///
/// ```
/// use nerchinsk::readings::{compare, Reading};
/// use nerchinsk::{data::embedded, Atlas, Date, Error, Status};
///
/// let great = Atlas::with_reading(Reading::GreatGorbitsa).unwrap();
/// let c = compare(embedded(), &great, Date::new(1700, 1, 1).unwrap()).unwrap();
/// assert_eq!((c.transfers[0].from, c.transfers[0].to), (Status::China, Status::Russia));
/// // after Aigun (1858) the two readings agree
/// assert!(compare(embedded(), &great, Date::new(1900, 1, 1).unwrap()).unwrap().transfers.is_empty());
/// let early = compare(embedded(), &great, Date::new(1600, 1, 1).unwrap());
/// assert!(matches!(early, Err(Error::BeforeCoverage { .. })));
/// ```
pub fn compare(a: &Atlas, b: &Atlas, date: Date) -> Result<Comparison> {
    if a.region_id() != b.region_id() {
        return Err(bad(format!(
            "cannot compare the regions {} and {}",
            a.region_id(),
            b.region_id()
        )));
    }
    let mut lines: Vec<BorderLine> = a.lines().to_vec();
    let have: HashSet<SegKey> = a
        .lines()
        .iter()
        .flat_map(|l| l.geometry.0.windows(2).map(|w| seg_key(w[0], w[1])))
        .collect();
    for l in b.lines() {
        let cs = &l.geometry.0;
        let mut run: Vec<Coord<f64>> = Vec::new();
        let mut n = 0;
        let mut flush = |run: &mut Vec<Coord<f64>>, lines: &mut Vec<BorderLine>| {
            if run.len() >= 2 {
                let mut piece = l.clone();
                piece.id = format!("{}#{n}", l.id);
                piece.geometry = LineString(std::mem::take(run));
                lines.push(piece);
                n += 1;
            }
            run.clear();
        };
        for w in cs.windows(2) {
            if have.contains(&seg_key(w[0], w[1])) {
                flush(&mut run, &mut lines);
            } else {
                if run.is_empty() {
                    run.push(w[0]);
                }
                run.push(w[1]);
            }
        }
        flush(&mut run, &mut lines);
    }
    crate::validate::check_crossings("overlay", &lines)?;
    let topo = Topology::build(&lines, "overlay")?;
    let (sa, sb) = (a.face_statuses(date)?, b.face_statuses(date)?);
    let mut transfers: BTreeMap<(Status, Status), f64> = BTreeMap::new();
    let (mut areas_a, mut areas_b) = (BTreeMap::new(), BTreeMap::new());
    for (f, poly) in topo.faces.iter().enumerate() {
        if f == topo.outer_face {
            continue;
        }
        let p = poly
            .interior_point()
            .ok_or_else(|| Error::data("overlay", format!("face {f} has no interior point")))?;
        let (fa, on_a) = a.locate_exact(p.0);
        let (fb, on_b) = b.locate_exact(p.0);
        if on_a || on_b {
            return Err(Error::data(
                "overlay",
                format!(
                    "the interior point ({}, {}) of face {f} lies on a line",
                    p.x(),
                    p.y()
                ),
            ));
        }
        let km2 = poly.geodesic_area_unsigned() / 1e6;
        let (s0, s1) = (sa[fa], sb[fb]);
        if s0.is_land() {
            *areas_a.entry(s0).or_insert(0.0) += km2;
        }
        if s1.is_land() {
            *areas_b.entry(s1).or_insert(0.0) += km2;
        }
        if s0 != s1 && s0.is_land() && s1.is_land() {
            *transfers.entry((s0, s1)).or_insert(0.0) += km2;
        }
    }
    Ok(Comparison {
        transfers: transfers
            .into_iter()
            .map(|((from, to), km2)| Transfer { from, to, km2 })
            .collect(),
        areas_a,
        areas_b,
    })
}
