"""The checks on data/taiwan.geojson: every polygon valid and counter-clockwise, no two islands
overlapping, every island inside the frame, coordinates at most six decimals.

Imports only shapely (like topology.py), so that scripts/tests/test_taiwan.py can run it on the
committed file without GMT."""
from shapely.geometry import LinearRing, Polygon, shape
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
