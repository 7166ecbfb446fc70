//! The main-channel reading of the river boundary: the Chinese reading, and the rule the 1991
//! agreement wrote down (art. 5), applied from 1860 instead of the 1861 map's line.

use serde_json::json;

use super::{bad, coords_of, event, find, list, note_reading, parse, split_off_head};
use crate::data::{LINES_GEOJSON, TIMELINE_JSON};
use crate::error::Result;

/// The regions whose land the reading gives back to China: their statuses become "china" on
/// every date.
const ISLANDS: [&str; 2] = ["Tarabarov", "Zhenbao"];

/// The main-channel dataset: the embedded data with the river islands on the side of the main
/// channel from 1860 until the agreements that settled them. The Amur's main channel north of
/// Bolshoy Ussuriysky (`heixiazi_channel_west`, `heixiazi_channel_east`) and the lower Ussuri
/// east of it (`ussuri_below_kazakevicheva`, and `lower_ussuri_reach`, split off `amur_lower`
/// at the vertex where the channel meets it) stay in force from Aigun to the 2004 agreement;
/// the channel west of Zhenbao (`damansky_channel`) is left out. So Tarabarov, Bolshoy
/// Ussuriysky and Zhenbao are Chinese throughout, and the 2004 agreement gives Russia the
/// eastern part of Bolshoy Ussuriysky.
pub(super) fn main_channel() -> Result<(String, String)> {
    let mut l = parse("lines", LINES_GEOJSON)?;
    let mut t = parse("timeline", TIMELINE_JSON)?;
    let east = coords_of(find(&mut l, "heixiazi_channel_east")?)?;
    let lower = coords_of(find(&mut l, "amur_lower")?)?;
    // split_off_head checks that the vertex is an inner one
    let k = east
        .last()
        .and_then(|j| lower.iter().position(|c| c == j))
        .ok_or_else(|| bad("heixiazi_channel_east does not end on amur_lower"))?;

    let reach = split_off_head(
        &mut l,
        "amur_lower",
        k,
        [
            "lower_ussuri_reach",
            "Lower Ussuri (from the 2004 line to its mouth at Khabarovsk)",
            "Main-channel reading: the Ussuri east of Bolshoy Ussuriysky, the border from Aigun 1858 to the 2004 agreement",
        ],
    )?;
    let features = l["features"]
        .as_array_mut()
        .ok_or_else(|| bad("lines: no features"))?;
    features.push(reach);
    // the channel west of Zhenbao is no line of this reading
    features.retain(|f| f["properties"]["id"] != "damansky_channel");
    if let Some(rivers) = t["map"]["rivers"].as_array_mut() {
        rivers.retain(|x| x != "damansky_channel");
    }

    list(event(&mut t, "aigun_1858")?, "add")?.push(json!("lower_ussuri_reach"));
    let peking = event(&mut t, "peking_1860")?;
    note_reading(
        peking,
        "the main channel, so the river islands stay Chinese (the Chinese reading; the rule of the 1991 agreement, art. 5).",
    );
    list(peking, "add")?.retain(|x| x != "damansky_channel");
    list(peking, "remove")?.retain(|x| x == "amur_lower");
    list(event(&mut t, "eastern_section_1991")?, "remove")?.retain(|x| x != "damansky_channel");
    let later = event(&mut t, "additional_agreement_2004")?;
    list(later, "add")?
        .retain(|x| x != "heixiazi_channel_west" && x != "ussuri_below_kazakevicheva");
    let remove = list(later, "remove")?;
    remove.push(json!("heixiazi_channel_east"));
    remove.push(json!("lower_ussuri_reach"));

    let regions = t["regions"]
        .as_array_mut()
        .ok_or_else(|| bad("timeline: no regions"))?;
    for island in ISLANDS {
        let r = regions
            .iter_mut()
            .find(|r| r["name"].as_str().is_some_and(|n| n.starts_with(island)))
            .ok_or_else(|| bad(format!("no region {island:?}")))?;
        r["statuses"] = json!({"nerchinsk_1689": "china"});
    }
    Ok((l.to_string(), t.to_string()))
}
