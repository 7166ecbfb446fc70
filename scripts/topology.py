"""The topology check of the treaty lines: they may meet only at shared vertices.

Imports only shapely (and nothing else of the pipeline), so that it can be tested without GMT,
GDAL or the Debian data packages: scripts/tests/test_topology.py, run by .ci/run."""
from shapely.geometry import LineString


def check_topology(lines, ids):
    """Lines may meet only at shared vertices; none may cross itself; no two share an id.

    `lines` are lists of (lon, lat) vertices, `ids` their ids in the same order. Two lines may touch
    only at points that are a vertex of both: an end on the other's interior (a T junction) or a
    crossing is an error, and so is an overlap. A line may touch itself only where it closes (a
    ring). Prints one line when all is well; raises SystemExit listing every problem otherwise."""
    geoms = [LineString(l) for l in lines]
    bad = [f"duplicate id {fid}" for fid in sorted({fid for fid in ids if ids.count(fid) > 1})]
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
