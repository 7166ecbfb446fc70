"""The topology check of the treaty lines: they may meet only at shared vertices.

Imports only shapely, so that it can be tested without GMT, GDAL or numpy
(scripts/tests/test_topology.py)."""
from shapely.geometry import LineString


def check_topology(lines, ids):
    """Lines may meet only at shared vertices; none may cross itself."""
    geoms = [LineString(l) for l in lines]
    bad = []
    for i, g in enumerate(geoms):
        if not g.is_simple and not (g.is_ring and LineString(lines[i][:-1]).is_simple):
            bad.append(f"{ids[i]} crosses itself")
    for i in range(len(geoms)):
        for j in range(i + 1, len(geoms)):
            x = geoms[i].intersection(geoms[j])
            if x.is_empty:
                continue
            vi, vj = set(map(tuple, lines[i])), set(map(tuple, lines[j]))
            for p in getattr(x, "geoms", [x]):
                if p.geom_type != "Point" or (p.x, p.y) not in vi or (p.x, p.y) not in vj:
                    bad.append(f"{ids[i]} meets {ids[j]} away from a shared vertex: {p.wkt[:80]}")
    if bad:
        raise SystemExit("topology check failed:\n  " + "\n  ".join(bad))
    print("topology: lines meet only at shared vertices")
