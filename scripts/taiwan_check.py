"""The checks on data/taiwan.geojson (every polygon valid and counter-clockwise, no two islands
overlapping, every island inside the frame, coordinates at most six decimals) and on
data/taiwan_lines.geojson (`check_lines`).

Imports only shapely (like topology.py), so that scripts/tests/test_taiwan.py can run it on the
committed file without GMT."""
from shapely.geometry import LinearRing, LineString, Polygon, shape
from shapely.strtree import STRtree


def polygons_of(feature):
    g = feature["geometry"]
    return [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]


def check_region(feats):
    """Raise SystemExit listing every problem; print one line when all is well."""
    bad = []
    ids = [f["properties"]["id"] for f in feats]
    bad += [f"duplicate id {i}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    frames = [f for f in feats if f["properties"]["id"] == "frame"]
    if len(frames) != 1:
        bad.append("there must be exactly one frame feature")
    frame = shape(frames[0]["geometry"]) if frames else None
    islands = []
    for f in feats:
        fid = f["properties"]["id"]
        for k, rings in enumerate(polygons_of(f)):
            for j, r in enumerate(rings):
                if r[0] != r[-1]:
                    bad.append(f"{fid} polygon {k} ring {j} is not closed")
                if any(round(v, 6) != v for c in r for v in c):
                    bad.append(f"{fid} polygon {k} ring {j} has more than six decimals")
                if LinearRing(r).is_ccw != (j == 0):
                    bad.append(f"{fid} polygon {k} ring {j} winds the wrong way (exteriors CCW, holes CW)")
            p = Polygon(rings[0], rings[1:])
            if not p.is_valid:
                bad.append(f"{fid} polygon {k} is not valid")
            if fid != "frame":
                islands.append((fid, k, p))
                if frame is not None and not frame.contains(p):
                    bad.append(f"{fid} polygon {k} is not inside the frame")
    tree = STRtree([p for _, _, p in islands])
    for i, (fid, k, p) in enumerate(islands):
        for j in tree.query(p):
            if j > i and p.intersects(islands[j][2]):
                bad.append(f"{fid} polygon {k} meets {islands[j][0]} polygon {islands[j][1]}")
    if bad:
        raise SystemExit("taiwan check failed:\n  " + "\n  ".join(bad))
    print("taiwan: polygons valid, counter-clockwise, apart and inside the frame")


def check_lines(feats, regions):
    """The checks on data/taiwan_lines.geojson, those the loader makes and more: one closed frame;
    every line at least two vertices, no vertex repeated in a row, six decimals at most; lines
    meet only at vertices of both and none crosses itself; rings (coast lines with a `region`)
    closed, valid as polygons, counter-clockwise, naming one of `regions`; open coast lines end on
    the frame's vertices; bridges two vertices each, one per ring, joining the rings and the
    frame into one tree. Raise SystemExit listing every problem; print one line when all is well."""
    bad = []
    props = [f["properties"] for f in feats]
    cs = [[tuple(c) for c in f["geometry"]["coordinates"]] for f in feats]
    ids = [p["id"] for p in props]
    bad += [f"duplicate id {i}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    frames = [k for k, p in enumerate(props) if p["kind"] == "frame"]
    if len(frames) != 1 or cs[frames[0]][0] != cs[frames[0]][-1]:
        raise SystemExit("taiwan lines: there must be exactly one frame, closed")
    frame_vs = set(cs[frames[0]])
    rings = [k for k, p in enumerate(props) if "region" in p]
    cuts = [k for k, p in enumerate(props) if p["kind"] == "coast" and "region" not in p]
    bridges = [k for k, p in enumerate(props) if p["kind"] == "bridge"]
    for k, (p, c) in enumerate(zip(props, cs)):
        if len(c) < 2 or any(a == b for a, b in zip(c, c[1:])):
            bad.append(f"{p['id']}: fewer than two vertices or a vertex repeated")
        if any(round(v, 6) != v for xy in c for v in xy):
            bad.append(f"{p['id']}: more than six decimals")
    for k in rings:
        p, c = props[k], cs[k]
        if p["kind"] != "coast" or c[0] != c[-1] or not Polygon(c).is_valid or not LinearRing(c).is_ccw:
            bad.append(f"{p['id']}: not a closed, valid, counter-clockwise coast ring")
        if p["region"] not in regions:
            bad.append(f"{p['id']}: region {p['region']!r} is not one of the allowed names")
    for k in cuts:
        if cs[k][0] not in frame_vs or cs[k][-1] not in frame_vs or cs[k][0] == cs[k][-1]:
            bad.append(f"{props[k]['id']}: an open coast line that does not end on two vertices of the frame")
    # lines meet only at vertices of both; a line touches itself only where a ring closes
    geoms = [LineString(c) for c in cs]
    for k, g in enumerate(geoms):
        if not g.is_simple and not (g.is_ring and LineString(cs[k][:-1]).is_simple):
            bad.append(f"{ids[k]} crosses itself")
    tree = STRtree(geoms)
    for i, j in zip(*tree.query(geoms, predicate="intersects")):
        if i >= j:
            continue
        vi, vj = set(cs[i]), set(cs[j])
        x = geoms[i].intersection(geoms[j])
        for pt in getattr(x, "geoms", [x]):
            if pt.geom_type != "Point" or (pt.x, pt.y) not in vi or (pt.x, pt.y) not in vj:
                bad.append(f"{ids[i]} meets {ids[j]} away from a shared vertex: {pt.wkt[:80]}")
    # bridges: a tree over the rings and the network of the frame and the cut lines
    if len(bridges) != len(rings):
        bad.append(f"{len(bridges)} bridges for {len(rings)} rings")
    part = {k: (frames[0] if k in cuts else k) for k in frames + cuts + rings}
    root = dict(part)

    def find(k):
        while root[k] != k:
            k = root[k]
        return k
    owner = {}
    for k in frames + cuts + rings:
        for v in cs[k]:
            owner.setdefault(v, part[k])
    for k in bridges:
        ends = [owner.get(v) for v in (cs[k][0], cs[k][-1])]
        if len(cs[k]) != 2 or None in ends:
            bad.append(f"{ids[k]}: not two vertices, each a vertex of a coast line or the frame")
            continue
        a, b = find(ends[0]), find(ends[1])
        if a == b:
            bad.append(f"{ids[k]} closes a cycle")
        root[a] = b
    if len({find(k) for k in part}) != 1:
        bad.append("the bridges do not join every ring to the frame")
    if bad:
        raise SystemExit("taiwan lines check failed:\n  " + "\n  ".join(bad[:50]))
    print(f"taiwan lines: {len(rings)} rings, {len(cuts)} cut lines and {len(bridges)} bridges meet only at "
          "shared vertices; the bridges make a tree")
