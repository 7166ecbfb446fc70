"""data/taiwan.geojson as committed: landmarks on their islands, polygons valid, counter-clockwise
and apart (scripts/taiwan_check.py); and the pieces of scripts/nerchinsk_data/taiwan.py that need no
GMT: the ellipsoidal area and the sorting of islands into groups, on hand-made rings.
data/taiwan_lines.geojson as committed: rings, cut lines, frame and bridges as the loader needs them,
the ROC groups the same rings as taiwan.geojson's."""
import json
import os

import pytest
from shapely.geometry import LinearRing, Point, Polygon, shape
from shapely.strtree import STRtree

from nerchinsk_data.taiwan import (GROUPS, LANDMARKS, MIN_KM2, E, N, S, W, ccw_rings,
                                   ellipsoid_area_km2, features, group_islands, polygon_area_km2)
from nerchinsk_data.taiwan_lines import JAPAN, REGION, REGION_POINTS, REGIONS, cut_pieces, frame_coords
from taiwan_check import check_lines, check_region, polygons_of

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


# ------------------------------------------------------------------ data/taiwan_lines.geojson
LINES_PATH = os.path.join(os.path.dirname(PATH), "taiwan_lines.geojson")


@pytest.fixture(scope="module")
def lines():
    with open(LINES_PATH) as f:
        return json.load(f)["features"]


def kind_of(f):
    p = f["properties"]
    return "ring" if "region" in p else "cut" if p["kind"] == "coast" else p["kind"]


def test_committed_lines_pass_the_lines_check(lines, capsys):
    check_lines(lines, REGIONS)
    assert capsys.readouterr().out.startswith("taiwan lines: ")


def test_every_ring_names_an_allowed_region_and_no_other_line_names_one(lines):
    regions = {f["properties"]["region"] for f in lines if kind_of(f) == "ring"}
    assert regions == set(REGIONS) - {JAPAN}  # no Japanese ring lies wholly inside the frame
    assert all(f["properties"]["kind"] == "coast" for f in lines if kind_of(f) == "ring")


def test_the_roc_groups_are_the_rings_of_taiwan_geojson(feats, lines):
    for gid, region in REGION.items():  # a feature of taiwan.geojson per group, a region per group
        polys = polygons_of(by_id(feats)[gid])
        ours = [f["geometry"]["coordinates"] for f in lines if f["properties"].get("region") == region]
        assert len(ours) == by_id(feats)[gid]["properties"]["islands"] == len(polys), gid
        assert sorted(map(str, ours)) == sorted(str(p[0]) for p in polys), gid


def test_bridges_are_one_per_ring_and_form_a_tree(lines):
    cs = [[tuple(c) for c in f["geometry"]["coordinates"]] for f in lines]
    kinds = [kind_of(f) for f in lines]
    # nodes: the frame with the cut lines (which end on it), and each ring; edges: the bridges
    node = {}
    for k, c in enumerate(cs):
        if kinds[k] != "bridge":
            for v in c:
                node.setdefault(v, 0 if kinds[k] in ("frame", "cut") else k)
    rings = [k for k in range(len(cs)) if kinds[k] == "ring"]
    edges = [(node[c[0]], node[c[1]]) for c, kd in zip(cs, kinds) if kd == "bridge"]
    assert len(edges) == len(rings)
    assert all(len(c) == 2 for c, kd in zip(cs, kinds) if kd == "bridge")
    seen, todo = {0}, [0]
    adj = {}
    for a, b in edges:
        adj.setdefault(a, []).append(b)
        adj.setdefault(b, []).append(a)
    while todo:
        for m in adj.get(todo.pop(), []):
            if m not in seen:
                seen.add(m)
                todo.append(m)
    assert seen == {0} | set(rings)  # connected; with as many edges as nodes less one, a tree


def test_lines_meet_only_at_shared_vertices(lines):
    geoms = [shape(f["geometry"]) for f in lines]
    verts = [set(map(tuple, f["geometry"]["coordinates"])) for f in lines]
    tree = STRtree(geoms)
    for i, j in zip(*tree.query(geoms, predicate="intersects")):
        if i < j:
            x = geoms[i].intersection(geoms[j])
            for p in getattr(x, "geoms", [x]):
                assert p.geom_type == "Point" and (p.x, p.y) in verts[i] and (p.x, p.y) in verts[j], \
                    (lines[i]["properties"]["id"], lines[j]["properties"]["id"], p.wkt)


def test_cut_lines_end_on_the_frame_and_the_frame_is_the_box(lines):
    frame = next(f for f in lines if kind_of(f) == "frame")["geometry"]["coordinates"]
    assert frame[0] == frame[-1] == [W, S] and LinearRing(frame).is_ccw
    assert Polygon(frame).bounds == (W, S, E, N) and Polygon(frame).area == pytest.approx((E - W) * (N - S))
    cuts = [f["geometry"]["coordinates"] for f in lines if kind_of(f) == "cut"]
    assert len(cuts) == 9
    for c in cuts:
        assert c[0] in frame and c[-1] in frame and c[0] != c[-1]
        assert not any(x in (W, E) or y in (S, N) for x, y in c[1:-1])


def test_region_points_lie_in_their_rings_and_the_rest_in_no_ring(lines):
    rings = [(f["properties"]["region"], Polygon(f["geometry"]["coordinates"])) for f in lines if kind_of(f) == "ring"]
    for kind, what, p in REGION_POINTS:
        hits = [region for region, poly in rings if poly.contains(Point(p))]
        assert hits == ([kind] if kind not in ("sea", "outside") else []), what


def test_cut_pieces_drop_the_clip_runs_along_the_edge():
    # a line in from the north edge, out to it, along it, and in again; a ring closed along the edge
    line = [(119.0, N), (119.1, N - 0.1), (119.2, N), (119.3, N), (119.4, N - 0.1), (119.5, N)]
    ring = [(120.0, N), (120.1, N - 0.1), (120.2, N), (120.0, N)]
    pieces = cut_pieces([line, ring])
    assert pieces == [[(119.0, N), (119.1, N - 0.1), (119.2, N)], [(119.3, N), (119.4, N - 0.1), (119.5, N)],
                      [(120.0, N), (120.1, N - 0.1), (120.2, N)]]
    frame = frame_coords([pieces[0][0], pieces[0][-1]])
    assert frame[0] == frame[-1] == (W, S) and (119.0, N) in frame and LinearRing(frame).is_ccw
    assert len(frame) == 2 * round((E - W) / 0.1) + 2 * round((N - S) / 0.1) + 1  # 119.0 and 119.2 are steps
