"""data/taiwan_control.geojson and data/taiwan_timeline.json as committed, against the islands and
lines they refer to: each control area holds the island group it names and no other, and the
timeline's region points are the lines' REGION_POINTS, each region of the lines in the timeline."""
import json
import os

import pytest
from shapely.geometry import shape

from nerchinsk_data.taiwan_lines import REGION_POINTS

DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "data")


def load(name):
    with open(os.path.join(DATA, name)) as f:
        return json.load(f)


@pytest.fixture(scope="module")
def islands():
    return {f["properties"]["id"]: shape(f["geometry"]) for f in load("taiwan.geojson")["features"]
            if f["properties"]["id"] != "frame"}


# the island groups each control area must hold whole, and the only ones it may touch
HOLDS = {
    "penghu_french_1885": ({"penghu"}, {"penghu"}),
    "penghu_japanese_1895": ({"penghu"}, {"penghu"}),
    "formosa_republic": ({"taiwan"}, {"taiwan", "taiwan_islets"}),
    "formosa_war_1895": ({"taiwan"}, {"taiwan", "taiwan_islets"}),
    "kinmen_japanese": ({"kinmen"}, {"kinmen"}),
}


def test_each_area_holds_its_group_and_no_other(islands):
    areas = load("taiwan_control.geojson")["features"]
    assert sorted(a["properties"]["id"] for a in areas) == sorted(HOLDS)
    for a in areas:
        p, poly = a["properties"], shape(a["geometry"])
        whole, may = HOLDS[p["id"]]
        assert poly.is_valid and poly.exterior.is_ccw, p["id"]
        for g in whole:
            assert poly.contains(islands[g]), f"{p['id']} does not hold {g}"
        touched = {g for g, s in islands.items() if poly.intersects(s)}
        assert touched <= may, f"{p['id']} touches {touched - may}"
        assert p["from"] < p["to"] and p["reason"] and p["source"]


def test_timeline_regions_are_the_lines_regions_with_their_points():
    t = load("taiwan_timeline.json")
    points = {tuple(r["point"]) for r in t["regions"]}
    for _, what, p in REGION_POINTS:
        assert tuple(p) in points, f"{what} {p} has no timeline region"
    names = {r["name"] for r in t["regions"]}
    rings = {f["properties"]["region"] for f in load("taiwan_lines.geojson")["features"]
             if f["properties"].get("region")}
    assert rings <= names, rings - names
    assert len(t["regions"]) == len(REGION_POINTS)


def test_readings_are_declared_and_name_known_events():
    t = load("taiwan_timeline.json")
    declared = {r["id"] for r in t["readings"]}
    events = {e["id"] for e in t["events"]}
    holders = {s["id"] for s in t["states"]} | {s["id"] for s in t["shared"]} | {"sea", "outside"}
    for r in t["regions"]:
        for reading, statuses in r.get("readings", {}).items():
            assert reading in declared, (r["name"], reading)
            assert set(statuses) <= events and set(statuses.values()) <= holders, (r["name"], statuses)
