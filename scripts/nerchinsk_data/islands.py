"""Offshore islands: the GSHHG shoreline rings inside the frame of at least ISLAND_MIN_KM2, each
with the timeline region whose statuses it takes (by the stretch of mainland coast nearest to
it), and the bridges that join every island to the network of lines: straight lines through the
sea, with the sea on both sides, so that every island is an ordinary face. See data/README.md."""
import json
import os

from shapely.geometry import LineString, Polygon, box

from .feature import Feature
from .geometry import clean, hav, length_km, nearest_index, sinu_km2
from .places import ISLAND_MIN_KM2, NOT_COVERED_ISLANDS, SHANTAR, E, N, S, W
from .sources import DATA, gmt_segments, stitch

# The region (data/timeline.json) of the islands off each stretch of the mainland coast, south
# to north; the stretches end where the named line reaches the coast. The Shantar Islands, which
# face both shores of the Uda Bay, are a group of their own (SHANTAR). Only groups that hold an
# island need their region in the timeline: none of 1 km² lies off Korea, off the Uda zone's short
# coast or north of the Uda.
GROUPS = [
    ("tumen_korea_russia", "Islands off Korea (not covered)"),
    ("amur_lower", "Islands between the Tumen and the Amur's mouth (Peter the Great Gulf: Russky, Popova, Askold)"),
    ("stanovoy_crest", "Islands off the left bank from the Amur's mouth to the crest (Sakhalin Gulf, Academy Bay)"),
    ("uda", "Islands off the land between the Uda and the mountains"),
    (None, "Islands off the coast north of the Uda"),
]
SHANTAR_GROUP = "Shantar Islands"


def island_rings():
    """Every closed GSHHG full-resolution shoreline inside the frame, as (km², ring), largest
    first; rings that cross the frame (Sakhalin, Okushiri) are not islands of these data."""
    frame_box = box(W, S, E, N)
    rings = []
    for s in stitch(gmt_segments(["-W", "-A0/1/1"])):
        if s[0] != s[-1] or not frame_box.contains(Polygon(s)):
            continue
        ring = clean(s)
        if Polygon(ring).exterior.is_ccw is False:
            ring = ring[::-1]  # counter-clockwise: the island on the left
        rings.append((sinu_km2(ring), ring))
    rings.sort(key=lambda t: (-t[0], t[1][0]))
    return rings


def _bridge(ring, targets, obstacles):
    """The shortest straight line from a vertex of `ring` to a vertex of one of `targets` (vertex
    lists) that meets no line but at its two ends. Candidates: for the 12 ring vertices nearest
    each target within about a degree, that target's vertex nearest to each."""
    import numpy as np
    r = np.array(ring[:-1])
    best = None
    cands = []
    x0, y0, x1, y1 = Polygon(ring).bounds
    for t in targets:
        ta = np.array(t)
        near = (ta[:, 0] > x0 - 1.5) & (ta[:, 0] < x1 + 1.5) & (ta[:, 1] > y0 - 1.0) & (ta[:, 1] < y1 + 1.0)
        if not near.any():
            continue
        ta = ta[near]
        t = [tuple(map(float, v)) for v in ta]
        d = np.hypot(r[:, None, 0] - ta[None, :, 0], (r[:, None, 1] - ta[None, :, 1]) * 1.5).min(axis=1)
        for i in np.argsort(d)[:12]:
            a = tuple(ring[int(i)])
            j = int(np.argmin(np.hypot(ta[:, 0] - a[0], (ta[:, 1] - a[1]) * 1.5)))
            cands.append((hav(a, t[j]), a, tuple(t[j])))
    for km, a, b in sorted(cands):
        seg = LineString([a, b])
        ok = True
        for g in obstacles:
            if not g.intersects(seg):
                continue
            x = g.intersection(seg)
            pts = [p for p in getattr(x, "geoms", [x])]
            if any(p.geom_type != "Point" or (p.x, p.y) not in (a, b) for p in pts):
                ok = False
                break
        if ok:
            best = (km, a, b)
            break
    assert best, "no straight bridge found"
    return best


def islands(coast_coords, lines):
    """The island rings (features of kind coast, property `region`) and their bridges (kind
    bridge), in the order written: islands largest first, each followed by its bridge. `lines`:
    the other lines by id, to find where each stretch of the coast ends."""
    with open(os.path.join(DATA, "timeline.json")) as f:
        regions = {r["name"] for r in json.load(f)["regions"]}
    coast_index = {tuple(c): i for i, c in enumerate(coast_coords)}
    ends = []
    for lid, name in GROUPS:
        if lid is None:
            ends.append((len(coast_coords), name))
        else:
            end = next(coast_index[tuple(c)] for c in (lines[lid][0], lines[lid][-1]) if tuple(c) in coast_index)
            ends.append((end, name))
    coast_line = LineString(coast_coords)
    rings = [(km2, ring) for km2, ring in island_rings() if km2 >= ISLAND_MIN_KM2]
    kept = []
    for km2, ring in rings:
        c = Polygon(ring).representative_point()
        if any(x0 <= c.x <= x1 and y0 <= c.y <= y1 for x0, x1, y0, y1 in NOT_COVERED_ISLANDS):
            continue
        k = nearest_index(coast_coords, (c.x, c.y))
        region = next(name for end, name in ends if k < end or end == len(coast_coords))
        x0, x1, y0, y1 = SHANTAR
        if x0 <= c.x <= x1 and y0 <= c.y <= y1:
            region = SHANTAR_GROUP
        assert region in regions, f"data/timeline.json has no region {region!r}"
        kept.append((km2, ring, region))
    # bridges: nearest island first, each to the coast or an island already joined
    joined = [list(coast_coords)]
    obstacles = [coast_line] + [LineString(r) for _, r, _ in kept]
    order = sorted(range(len(kept)), key=lambda i: coast_line.distance(Polygon(kept[i][1])))
    bridges = {}
    for i in order:
        km, a, b = _bridge(kept[i][1], joined, obstacles)
        bridges[i] = [a, b]
        obstacles.append(LineString([a, b]))
        joined.append(kept[i][1][:-1])
    total = sum(km2 for km2, _, _ in kept)
    print(f"islands: {len(kept)} of at least {ISLAND_MIN_KM2} km2 ({len(rings) - len(kept)} off Sakhalin or Hokkaido "
          f"left out), {total:.1f} km2; bridges {sum(length_km(b) for b in bridges.values()):.0f} km")
    feats = []
    for i, (km2, ring, region) in enumerate(kept):
        c = Polygon(ring).representative_point()
        iid = f"island_{i + 1:02d}"
        print(f"  {iid}: {km2:.2f} km2 at {c.x:.3f}E {c.y:.3f}N, {region}")
        feats.append(Feature(id=iid, name=f"Island at {c.x:.2f}E {c.y:.2f}N", kind="coast",
                             role="coast of an offshore island: closes the island's land",
                             source="gshhg", accuracy_km=0.2,
                             method="extracted: GSHHG full-resolution shoreline ring inside the frame",
                             coords=ring, extra={"region": region, "area_km2": round(km2, 2)}))
        feats.append(Feature(id=f"bridge_{i + 1:02d}", name=f"Bridge to {iid}", kind="bridge",
                             role="joins the island to the network of lines; the sea on both sides, never a border",
                             source="bridge", accuracy_km=0.0,
                             method="defined: straight line through the sea between the nearest vertices that "
                                    "meets no other line",
                             coords=clean(bridges[i])))
    return feats
