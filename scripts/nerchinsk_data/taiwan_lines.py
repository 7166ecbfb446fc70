"""The Taiwan region's lines (data/taiwan_lines.geojson), in the format the loader reads for
data/lines.geojson (`Atlas::from_json`): the frame; every island ring of at least MIN_KM2 in the
frame as a closed coast line naming the timeline region it takes (the ROC-held groups exactly as
data/taiwan.geojson has them, every other ring PRC-held); the shoreline pieces the frame's edge
cuts, as open coast lines ending on the frame; and bridges through the sea that join every ring to
the rest, as scripts/nerchinsk_data/islands.py does for the Sino-Russian islands. See
data/TAIWAN.md, "The lines"."""
import math
import subprocess

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon, box
from shapely.geometry.polygon import orient
from shapely.ops import polygonize, polylabel, unary_union

from .feature import Feature
from .geometry import clean
from .islands import _bridge
from .taiwan import ACCURACY_KM, E, GROUPS, METHOD, MIN_KM2, N, NAMED, S, W, ccw_rings, ellipsoid_area_km2

# The timeline region each island group takes (the groups of data/taiwan.geojson); every other
# ring of the frame is PRC-held (data/TAIWAN.md: the rings left out lie off the Fujian coast).
REGION = {"taiwan": "Taiwan", "taiwan_islets": "Taiwan islets", "guishan": "Guishan", "xiaoliuqiu": "Xiaoliuqiu",
          "green_island": "Green Island", "orchid_island": "Orchid Island", "penghu": "Penghu",
          "kinmen": "Kinmen", "wuqiu": "Wuqiu", "matsu": "Matsu"}
PRC = "Islands held by the People's Republic of China"
# A Japanese ring (near Yonaguni, which the east edge cuts) would take this region; group_islands
# puts every ring east of 120E and south of 25.8N among Taiwan's islets, so none can be left out
# there, and build() stops if a left-out ring lies east of 121E.
JAPAN = "Islands held by Japan"
REGIONS = list(REGION.values()) + [PRC, JAPAN]

# The faces that no island ring seeds need a region point each in the timeline: the sea, and each
# piece of land the frame's edge cuts off (outside the region). The island regions need one too
# (every timeline region has a point, which must lie in a face of that region's status). Each
# point is the one farthest from the lines of its face or ring (polylabel in a local plane: the
# largest ring of a region, for Taiwan's islets the roomiest, 0.86 km), 6 decimals; the sea's is
# the point of a 0.05-degree grid farthest from every line. build() checks that each lies in its
# face or ring and that every face has one.
REGION_POINTS = [
    ("sea", "the sea (Taiwan Strait, South China Sea, Philippine Sea)", (119.0, 22.4)),
    ("outside", "Fujian mainland", (118.669977, 25.895319)),
    ("outside", "Fujian mainland: Gangwei (Longhai), south of the Jiulong estuary", (118.066086, 24.299648)),
    ("outside", "Fujian mainland north of Luoyuan Bay", (119.76973, 26.471793)),
    ("outside", "Fujian mainland: Haicang, north of the Jiulong estuary", (118.025125, 24.512483)),
    ("outside", "Yonaguni (Japan), its part west of 123E", (122.969574, 24.449348)),
    ("outside", "an island cut by the north edge at 120.04E", (120.036989, 26.496591)),
    ("outside", "Fujian mainland: a headland on the west edge at 24.21N", (118.002175, 24.205518)),
    ("outside", "an island in the Jiulong estuary cut by the west edge", (118.003318, 24.433337)),
    ("outside", "Fujian mainland: a sliver on the north edge at 119.78E", (119.781676, 26.499156)),
    ("Taiwan", "the main island", (120.803385, 23.41591)),
    ("Taiwan islets", "the islet at 120.30E 23.82N", (120.291638, 23.825173)),
    ("Guishan", "Guishan Island", (121.945548, 24.84537)),
    ("Xiaoliuqiu", "Xiaoliuqiu", (120.362558, 22.34326)),
    ("Green Island", "Green Island", (121.482334, 22.661965)),
    ("Orchid Island", "Orchid Island", (121.531031, 22.0576)),
    ("Penghu", "Penghu Island", (119.611383, 23.563275)),
    ("Kinmen", "Greater Kinmen", (118.421497, 24.46497)),
    ("Wuqiu", "Daqiu (no point of Wuqiu is 0.5 km from its coast)", (119.450577, 24.990324)),
    ("Matsu", "Nangan", (119.925709, 26.150282)),
    (PRC, "Haitan (Pingtan)", (119.778205, 25.567129)),
]

FRAME_STEP = 0.1  # degrees: a frame vertex every 0.1 degree, so its edges follow the parallels
ASPECT = 1 / math.cos(math.radians(24.0))  # a degree of latitude over one of longitude, mid-frame
KM_PER_DEG = 6371.0088 * math.pi / 180


# ------------------------------------------------------------------ the shoreline cut by the frame
def on_frame(c):
    return c[0] in (W, E) or c[1] in (S, N)


def along_edge(a, b):
    """True for a segment that runs along one edge of the frame: GMT's clip adds these where the
    shoreline leaves the frame and comes back."""
    return (a[0] == b[0] and a[0] in (W, E)) or (a[1] == b[1] and a[1] in (S, N))


def cut_pieces(lines):
    """The shoreline inside the frame of the lines GMT's clip leaves open or closes along the
    frame's edge: each split where it runs along the edge, the runs along it dropped. Every piece
    starts and ends on the frame."""
    pieces = []
    for l in lines:
        l = [tuple(c) for c in l]
        if l[0] == l[-1]:  # start the ring just after a run along the edge
            k = next(i for i in range(len(l) - 1) if along_edge(l[i], l[i + 1]))
            l = l[k + 1:-1] + l[:k + 2]
        cur = [l[0]]
        for a, b in zip(l, l[1:]):
            if along_edge(a, b):
                if len(cur) > 1:
                    pieces.append(cur)
                cur = [b]
            else:
                cur.append(b)
        if len(cur) > 1:
            pieces.append(cur)
    pieces = [clean(p) for p in pieces]
    bad = [p[0] for p in pieces if not (on_frame(p[0]) and on_frame(p[-1]))
           or any(on_frame(c) for c in p[1:-1])]
    if bad:
        raise SystemExit(f"cut shoreline pieces that do not end on the frame (or touch it between): {bad}")
    return pieces


def perimeter_pos(p):
    """Position on the frame, counter-clockwise from its south-west corner (degrees)."""
    x, y = p
    if y == S and x < E:
        return x - W
    if x == E and y < N:
        return (E - W) + (y - S)
    if y == N and x > W:
        return (E - W) + (N - S) + (E - x)
    return 2 * (E - W) + (N - S) + (N - y)


def land_faces(pieces, sea_point):
    """The faces the frame and the cut pieces bound, but the sea's (the one holding sea_point):
    the land the frame's edge cuts off. Returns [(face polygon, counter-clockwise; the indices of
    the pieces on its boundary)]."""
    frame = box(W, S, E, N)
    faces = [orient(f, 1.0)
             for f in polygonize(unary_union([frame.exterior] + [LineString(p) for p in pieces]))]
    out = []
    for f in faces:
        if f.contains(Point(sea_point)):
            continue
        out.append((f, [i for i, p in enumerate(pieces) if f.boundary.covers(LineString(p))]))
    return out


def cut_lines(pieces, sea_point):
    """The pieces that cut off at least MIN_KM2 of land, each with the land on its left, in order
    round the frame from its south-west corner; and the land faces they bound. The smaller faces'
    pieces are left out (their land becomes sea), as islands under MIN_KM2 are."""
    while True:
        faces = land_faces(pieces, sea_point)
        small = {i for f, ids in faces if abs(ellipsoid_area_km2(f.exterior.coords)) < MIN_KM2 for i in ids}
        if not small:
            break
        pieces = [p for i, p in enumerate(pieces) if i not in small]
    for f, ids in faces:
        ring = [tuple(c) for c in f.exterior.coords]
        nxt = {ring[k]: ring[k + 1] for k in range(len(ring) - 1)}
        for i in ids:
            if nxt.get(pieces[i][0]) != pieces[i][1]:
                pieces[i] = pieces[i][::-1]
    order = sorted(range(len(pieces)), key=lambda i: perimeter_pos(pieces[i][0]))
    return [pieces[i] for i in order], land_faces([pieces[i] for i in order], sea_point)


def frame_coords(ends):
    """The frame, counter-clockwise from its south-west corner, with a vertex every FRAME_STEP
    degrees and at every point in `ends` (where a coast line ends on it)."""
    nx, ny = int(round((E - W) / FRAME_STEP)), int(round((N - S) / FRAME_STEP))
    steps = ([(W + FRAME_STEP * i, S) for i in range(nx)] + [(E, S + FRAME_STEP * i) for i in range(ny)]
             + [(E - FRAME_STEP * i, N) for i in range(nx)] + [(W, N - FRAME_STEP * i) for i in range(ny)])
    pts = {(round(x, 6), round(y, 6)) for x, y in steps} | {tuple(c) for c in ends}
    ring = sorted(pts, key=perimeter_pos)
    return ring + [ring[0]]


def gmt_land(points):
    """Which points are on land by GSHHG full resolution, level 1 (gmt select)."""
    text = "".join(f"{x:.6f} {y:.6f} {i}\n" for i, (x, y) in enumerate(points))
    cmd = ["gmt", "select", f"-R{W - 1}/{E + 1}/{S - 1}/{N + 1}", "-Df", "-Ns/k", "-A0/1/1"]
    out = subprocess.run(cmd, input=text.encode(), capture_output=True, check=True).stdout.decode()
    kept = {int(float(l.split()[2])) for l in out.splitlines() if l.strip() and not l.startswith(">")}
    return [i in kept for i in range(len(points))]


# ------------------------------------------------------------------ the island rings
def island_rings(groups, left):
    """[(id, name, name_zh, region, ring)]: the ROC-held groups in GROUPS order, then every
    left-out ring of at least MIN_KM2 wholly inside the frame (PRC-held), each group largest first.
    Rings as data/taiwan.geojson writes them (`ccw_rings`)."""
    named = {tuple(p): (name, zh) for rows in NAMED.values() for name, zh, p in rows}
    out = []

    def largest_first(rings):
        rs = [ccw_rings(r)[0] for r in rings]
        return sorted(rs, key=lambda r: (-abs(ellipsoid_area_km2(r)), r[0]))

    for gid, gname, gzh in GROUPS:
        rings = largest_first(groups[gid])
        if any(on_frame(c) for r in rings for c in r):
            raise SystemExit(f"a ring of {gid} touches the frame")
        for k, r in enumerate(rings):
            poly = Polygon(r)
            hit = [nz for p, nz in named.items() if poly.contains(Point(p))]
            if gid == "taiwan":
                fid, (name, zh) = "taiwan_coast", (gname, gzh)
            else:
                fid = f"{gid}_{k + 1:02d}"
                name, zh = hit[0] if hit else (gname, gzh) if len(rings) == 1 else (_at(r), "")
            out.append((fid, name, zh, REGION[gid], r))
    prc = [r for _, r in left if abs(ellipsoid_area_km2(r)) >= MIN_KM2 and not any(on_frame(c) for c in r)]
    for k, r in enumerate(largest_first(prc)):
        if Polygon(r).representative_point().x > 121.0:
            raise SystemExit(f"a left-out ring east of 121E, at {r[0]}: Japanese? give it {JAPAN!r}")
        out.append((f"prc_island_{k + 1:03d}", _at(r), "", PRC, r))
    return out


def _at(ring):
    c = Polygon(ring).representative_point()
    return f"Island at {c.x:.2f}E {c.y:.2f}N"


# ------------------------------------------------------------------ bridges
def _plane(cs):
    k = 1 / ASPECT
    return LineString([(x * k, y) for x, y in cs])


def bridges(network, rings):
    """One bridge per ring, joining it to the network (the frame and the cut lines, vertex lists)
    or to a ring already joined: Prim's order (next, the ring nearest to what is joined, by the
    distance between the lines in a plane scaled for 24N), each bridge the shortest straight
    line from a vertex of the ring to a vertex of what is joined that meets no line but at its ends
    (`islands._bridge`). Returns [(ring index, a, b, km)] in the order built."""
    geoms = np.array([_plane(r) for r in rings])
    joined = [np.array(l, dtype=float) for l in network]
    to_net = shapely.distance(geoms[:, None], np.array([_plane(l) for l in network])[None, :])
    to_ring = shapely.distance(geoms[:, None], geoms[None, :])
    best = to_net.min(axis=1)
    order = []
    obstacles = [LineString(l) for l in network] + [LineString(r) for r in rings]
    todo = set(range(len(rings)))
    out = []
    while todo:
        i = min(todo, key=lambda j: (best[j], j))
        # first only what is joined within twice the nearest distance (plane units, degrees of
        # latitude): a bridge found there shorter than that radius is the one all of it would
        # give, as every candidate elsewhere is longer (0.95: the plane's scale is within 2% of
        # the true one in the frame); otherwise all of it (_bridge itself then looks 1.5 degrees
        # east and west, 1 north and south)
        radius = 2 * best[i] + 0.02
        d = list(to_net[i]) + [to_ring[i, j] for j in order]
        try:
            km, a, b = _bridge(rings[i], [t for t, dt in zip(joined, d) if dt <= radius], obstacles)
        except AssertionError:  # every candidate there meets a line
            km = math.inf
        if km > 0.95 * radius * KM_PER_DEG:
            km, a, b = _bridge(rings[i], joined, obstacles)
        out.append((i, a, b, km))
        todo.remove(i)
        obstacles.append(LineString([a, b]))
        joined.append(np.array(rings[i][:-1], dtype=float))
        order.append(i)
        best = np.minimum(best, to_ring[:, i])
    return out


# ------------------------------------------------------------------ region points
def local_km(p0):
    """A local plane in km around p0: (to, back) functions on (lon, lat)."""
    k = math.cos(math.radians(p0[1])) * KM_PER_DEG

    def to(c):
        return ((c[0] - p0[0]) * k, (c[1] - p0[1]) * KM_PER_DEG)

    def back(c):
        return (c[0] / k + p0[0], c[1] / KM_PER_DEG + p0[1])
    return to, back


def inside_km(point, lines):
    """Distance in km from point to the nearest of `lines` (coordinate lists), in a local plane."""
    to, _ = local_km(point)
    p = Point(to(point))
    return min(LineString([to(c) for c in l]).distance(p) for l in lines)


def farthest_point(poly):
    """The point of a polygon farthest from its boundary (polylabel in a local plane), 6 decimals."""
    c = poly.representative_point()
    to, back = local_km((c.x, c.y))
    q = Polygon([to(v) for v in poly.exterior.coords], [[to(v) for v in r.coords] for r in poly.interiors])
    x, y = back(polylabel(q, 0.005).coords[0])
    return (round(x, 6), round(y, 6))


def check_region_points(faces, rings, sea_face, lines):
    """Every land face the frame cuts off holds exactly one `outside` point of REGION_POINTS,
    the sea point lies in the sea, and each island region's point in one of its rings. Returns
    [(kind, what, point, km from the nearest line)] for the report."""
    bad, rows = [], []
    for kind, what, p in REGION_POINTS:
        pt = Point(p)
        if kind == "outside":
            hit = [k for k, (f, _) in enumerate(faces) if f.contains(pt)]
            if len(hit) != 1:
                bad.append(f"{what}: its point {p} lies in {len(hit)} cut-off land faces")
        elif kind == "sea":
            if not sea_face.contains(pt):
                bad.append(f"sea point {p} is not in the sea")
        elif not any(reg == kind and Polygon(r).contains(pt) for _, _, _, reg, r in rings):
            bad.append(f"{kind}: its point {p} is in none of its rings")
        rows.append((kind, what, p, inside_km(p, lines)))
    for k, (f, _) in enumerate(faces):
        n = sum(1 for kind, _, p in REGION_POINTS if kind == "outside" and f.contains(Point(p)))
        if n != 1:
            c = farthest_point(f)
            bad.append(f"cut-off land face of {abs(ellipsoid_area_km2(f.exterior.coords)):.3f} km2 has {n} points; "
                       f"one far from its lines: {c}")
    for reg in REGIONS:
        if reg != JAPAN and not any(kind == reg for kind, _, _ in REGION_POINTS):
            mine = [r for _, _, _, g, r in rings if g == reg]
            if mine:
                far = farthest_point(Polygon(mine[0]))
                bad.append(f"{reg} has no point; one far from its largest ring's coast: {far}")
    if bad:
        raise SystemExit("taiwan lines: region points:\n  " + "\n  ".join(bad))
    return rows


# ------------------------------------------------------------------ the features
def build(rings, open_lines, groups, left):
    """The features of data/taiwan_lines.geojson (the frame, the cut lines, then each ring followed
    by its bridge), and for the report: (features, REGION_POINTS rows with their distance to the
    nearest line, the land faces cut off, the bridges as `bridges` gives them)."""
    iring = island_rings(groups, left)
    ring_coords = [r for _, _, _, _, r in iring]
    touching = [r for _, r in left if any(on_frame(c) for c in r)]
    sea_point = ring_coords[0][0]  # any vertex of an island ring is at sea
    pieces, faces = cut_lines(cut_pieces(open_lines + touching), sea_point)
    land = gmt_land([(f.representative_point().x, f.representative_point().y) for f, _ in faces])
    if not all(land):
        raise SystemExit("a face the frame cuts off is not land by GSHHG")
    frame = frame_coords([p[0] for p in pieces] + [p[-1] for p in pieces])
    built = bridges([frame] + pieces, ring_coords)
    sea_face = Polygon(frame[:-1], [r[:-1] for r in ring_coords]).difference(unary_union([f for f, _ in faces]))
    every = [frame] + pieces + ring_coords + [[a, b] for _, a, b, _ in built]
    points = check_region_points(faces, iring, sea_face, every)

    src = dict(source="gshhg", accuracy_km=ACCURACY_KM)
    feats = [Feature(id="frame", name="Edge of the covered area (Taiwan region)", role=f"frame {W}..{E} E, {S}..{N} N",
                     kind="frame", source="frame", accuracy_km=0.0, coords=frame,
                     method=f"defined: the rectangle {W}-{E}E, {S}-{N}N, a vertex every {FRAME_STEP} degree and "
                            "wherever a coast line ends on it")]
    for k, p in enumerate(pieces):
        face = next(f for f, ids in faces if k in ids)
        what = next(w for kind, w, q in REGION_POINTS if kind == "outside" and face.contains(Point(q)))
        feats.append(Feature(id=f"cut_coast_{k + 1:02d}", name=f"Coast cut by the frame: {what}", kind="coast",
                             role="coast: closes land the frame cuts off (outside the region); the land on its left",
                             method="extracted: GSHHG 2.3.7 full-resolution level-1 shoreline clipped to the frame, "
                                    "bin pieces stitched, the clip's runs along the frame's edge removed; pieces "
                                    f"that cut off less than {MIN_KM2} km2 left out", coords=p, **src))
    bridge_of = {i: (a, b) for i, a, b, _ in built}
    for i, (fid, name, zh, region, r) in enumerate(iring):
        feats.append(Feature(id=fid, name=name, name_zh=zh, kind="coast", coords=r, method=METHOD,
                             role="coast of an island: closes the island's land, which takes the region named",
                             extra={"region": region, "area_km2": round(abs(ellipsoid_area_km2(r)), 3)}, **src))
        feats.append(Feature(id=f"bridge_{fid}", name=f"Bridge to {fid}", kind="bridge", source="bridge",
                             role="joins the island to the network of lines; the sea on both sides, never a border",
                             accuracy_km=0.0, coords=list(bridge_of[i]),
                             method="defined: straight line through the sea between the nearest vertices that "
                                    "meets no other line; rings joined nearest first (a spanning tree)"))
    return [f.geojson() for f in feats], points, faces, built
