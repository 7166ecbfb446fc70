"""data/taiwan.geojson as committed: landmarks on their islands, polygons valid, counter-clockwise
and apart (scripts/taiwan_check.py); and the pieces of scripts/nerchinsk_data/taiwan.py that need no
GMT: the ellipsoidal area and the sorting of islands into groups, on hand-made rings."""
import json
import os

import pytest
from shapely.geometry import Point, shape

from nerchinsk_data.taiwan import (GROUPS, LANDMARKS, MIN_KM2, ccw_rings, ellipsoid_area_km2, features,
                                   group_islands, polygon_area_km2)
from taiwan_check import check_region

PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                    "data", "taiwan.geojson")
SRC = ("source", "licence", "attribution")


@pytest.fixture(scope="module")
def feats():
    with open(PATH) as f:
        return json.load(f)["features"]


def by_id(feats):
    return {f["properties"]["id"]: f for f in feats}


@pytest.mark.parametrize("name,fid,lonlat", LANDMARKS, ids=[n for n, _, _ in LANDMARKS])
def test_landmark_lies_on_its_island(feats, name, fid, lonlat):
    geoms = {i: shape(f["geometry"]) for i, f in by_id(feats).items()}
    assert geoms[fid].contains(Point(lonlat)), f"{name} {lonlat} not on {fid}"
    others = [i for i, g in geoms.items() if i not in (fid, "frame") and g.contains(Point(lonlat))]
    assert others == []


# Points inside the GSHHG rings of islands the PRC holds beside Kinmen and Matsu (read from the
# rings): Xiamen, Gulangyu, Dadeng, Xiaodeng, Jiaoyu, Pingtan, and an islet north of Gaodeng.
PRC_HELD = [(118.1525, 24.4875), (118.0594, 24.4487), (118.3208, 24.5566), (118.3811, 24.5581),
            (118.4019, 24.5531), (119.7838, 25.5331), (119.9706, 26.3694)]


@pytest.mark.parametrize("lonlat", PRC_HELD)
def test_islands_the_prc_holds_are_in_no_feature(feats, lonlat):
    hits = [f["properties"]["id"] for f in feats if f["properties"]["id"] != "frame"
            and shape(f["geometry"]).contains(Point(lonlat))]
    assert hits == []


def test_committed_file_passes_the_region_check(feats, capsys):
    check_region(feats)
    assert capsys.readouterr().out == "taiwan: polygons valid, counter-clockwise, apart and inside the frame\n"


def test_committed_file_has_every_group_the_frame_and_the_properties(feats):
    assert [f["properties"]["id"] for f in feats] == [g for g, _, _ in GROUPS] + ["frame"]
    keys = ["id", "name", "name_zh", "group", "source", "licence", "attribution", "accuracy_km", "method",
            "islands", "vertices", "area_km2"]
    for f in feats:
        assert list(f["properties"]) == keys
        assert f["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_committed_areas_are_the_areas_of_the_committed_polygons(feats):
    for f in feats:
        g = f["geometry"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        assert f["properties"]["area_km2"] == round(sum(polygon_area_km2(p) for p in polys), 3)
        assert f["properties"]["vertices"] == sum(len(r) for p in polys for r in p)


def test_main_island_area_is_within_half_a_percent_of_the_published_figure(feats):
    assert abs(by_id(feats)["taiwan"]["properties"]["area_km2"] - 35808) / 35808 < 0.005


def test_whole_ellipsoid_has_its_known_area():
    # WGS84 surface area 510,065,621.724 km2 (NIMA TR8350.2 gives 5.10065621724e14 m2)
    ring = [(-180, -90), (180, -90), (180, 90), (-180, 90), (-180, -90)]
    assert ellipsoid_area_km2(ring) == pytest.approx(510065621.724, rel=1e-9)


def test_area_is_signed_by_winding_and_polygon_area_subtracts_holes():
    ccw = [(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]
    a = ellipsoid_area_km2(ccw)
    assert a == pytest.approx(12308.778, rel=1e-4)  # a 1 degree cell on the equator
    assert ellipsoid_area_km2(ccw[::-1]) == pytest.approx(-a)
    hole = [(0.25, 0.25), (0.25, 0.75), (0.75, 0.75), (0.75, 0.25), (0.25, 0.25)]
    assert polygon_area_km2([ccw, hole]) == pytest.approx(a * 0.75, rel=1e-3)


def square(x, y, d):
    return [(x, y), (x + d, y), (x + d, y + d), (x, y + d), (x, y)]


def test_a_named_island_missing_from_the_shoreline_stops_the_build():
    rings = [square(120.5, 23.0, 0.5),          # the largest: the main island
             square(119.55, 23.55, 0.02),        # Penghu (the treaty's box)
             square(121.47, 22.65, 0.02),        # Green Island's window
             square(118.37, 24.45, 0.02),        # holds the point named Greater Kinmen
             square(118.10, 24.45, 0.02),        # beside Kinmen but not named: Xiamen's side
             square(121.0, 25.3, 0.02),          # east of 120E, south of 25.8N: an islet off Taiwan
             square(119.60, 23.60, 0.001)]       # too small
    named_needed = pytest.raises(SystemExit, match="named islands not found")
    with named_needed:
        group_islands(rings)


def test_tiny_ring_is_left_out_and_the_rest_grouped(monkeypatch):
    import nerchinsk_data.taiwan as t
    monkeypatch.setattr(t, "NAMED", {"kinmen": [("Greater Kinmen", "", (118.38, 24.46))]})
    rings = [square(120.5, 23.0, 0.5), square(119.55, 23.55, 0.02), square(121.47, 22.65, 0.02),
             square(118.37, 24.45, 0.02), square(118.10, 24.45, 0.02), square(121.0, 25.3, 0.02),
             square(119.60, 23.60, 0.001)]
    out, left = t.group_islands(rings)
    assert [len(out[g]) for g in ("taiwan", "penghu", "green_island", "kinmen", "taiwan_islets")] == [1, 1, 1, 1, 1]
    assert sorted(reason for reason, _ in left) == ["not ROC-administered (Fujian coast)", "smaller than the minimum"]
    assert abs(ellipsoid_area_km2(square(119.60, 23.60, 0.001))) < MIN_KM2


def test_features_are_written_counter_clockwise_with_six_decimals():
    cw = [(121.0, 25.0), (121.0, 25.1234567), (121.1, 25.1), (121.1, 25.0), (121.0, 25.0)]
    rings = ccw_rings(cw)
    assert rings[0][1] == [121.1, 25.0]
    assert [121.0, 25.123457] in rings[0]
    groups = {g: [] for g, _, _ in GROUPS}
    groups["taiwan"] = [cw]
    fs = features(groups, SRC, SRC)
    check_region([fs[0], fs[-1]])
