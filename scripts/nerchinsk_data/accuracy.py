"""How far the river lines lie from independent references, per reach, and the accuracy_km each
line takes from that (data/README.md, "Measured accuracy of the river lines").

References (all offline, Debian packages):
  * ne_river: Natural Earth 10m rivers_lake_centerlines, the river of the same name;
  * ne_border: Natural Earth 10m admin_0_boundary_lines_land, China-Russia;
  * dcw: the China-Russia boundary of DCW-GMT (Digital Chart of the World, 1:1M; Debian
    gmt-common's dcw-gmt.nc, read with `gmt coast -E`): the stretches of Russia's outline
    within SHARED_KM of China's;
  * banks: the WDBII double-line river banks (level 0): for each vertex, the distance to the
    midpoint of the two banks along the line's normal, and the river's half-width there.
Distances are great-circle km from each point (the lines sampled every STEP_KM) to the nearest
point of the other line (found in a plane scaled by cos 50N); "back" distances run from the
reference's vertices to the line, over those nearest to this reach and not beyond its ends. Natural
Earth's names come through GDAL with "?" for some letters (Song?acha, the Sungacha)."""
import math
import os

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, Point

from .geometry import hav, nearest_index
from .sources import DATA, gmt_segments, ne_features, ne_pair, parts_of

SHARED_KM = 0.5  # DCW: a vertex of Russia's outline this close to China's outline is on the border
COVER_KM = 10.0  # a reference covers a reach if 90% of the reach's vertices lie this close to it
RAY_KM = 8.0     # banks: how far the normal is cast to each side
K = math.cos(math.radians(50))

# the river lines: id -> Natural Earth river names to compare with (None: the line is Natural Earth's own)
LINES = {
    "argun": ("Argun",), "shilka_lower": ("Shilka",), "amur_upper": ("Heilong Jiang (Amur)", "Amur"),
    "kazakevicheva_channel": (), "ussuri_below_kazakevicheva": ("Ussuri",), "amur_lower": None,
    "heixiazi_channel_west": ("Amur",), "heixiazi_channel_east": ("Amur",),
    "ussuri": ("Ussuri",), "sungacha": ("Song?acha", "Sungacha"), "uda": ("Uda",),
    "abagaitu_west_channel": ("Argun",), "abagaitu_north_channel": ("Argun",),
    "abagaitu_southwest_2004": ("Argun",), "kyakhta_east_1911": (),
}
# the lines whose own course is a bank midline (no banks comparison), and the lines the two
# boundaries draw (pre-2004 cartography: the other lines are rivers or channels they do not follow)
FROM_BANKS = {"heixiazi_channel_west", "heixiazi_channel_east"}
ON_BORDER = {"argun", "amur_upper", "kazakevicheva_channel", "ussuri", "sungacha", "abagaitu_southwest_2004",
             "kyakhta_east_1911"}
STEP_KM = 0.5  # the lines are sampled this often along their length


def _scaled(cs):
    return [(x * K, y) for x, y in cs]


def _unscale(p):
    return (p[0] / K, p[1])


def _off(pts, ref):
    """Great-circle km from each point (lon, lat) to the nearest point of ref (a scaled geometry)."""
    if not pts:
        return np.array([])
    sl = shapely.shortest_line(shapely.points(_scaled(pts)), ref)
    ends = shapely.get_coordinates(sl).reshape(-1, 2, 2)[:, 1]
    return np.array([hav(p, _unscale(q)) for p, q in zip(pts, ends)])


def _stats(d):
    if len(d) == 0:
        return None
    return (float(np.median(d)), float(np.percentile(d, 95)), float(d.max()), len(d))


def dcw_border():
    """The China-Russia boundary of DCW-GMT: Russia's outline where it lies within SHARED_KM of
    China's (the two outlines are separate polygons), as lon/lat polylines."""
    region = (115.0, 136.0, 42.0, 54.0)
    ru = gmt_segments(["-ERU"], region)
    cn = gmt_segments(["-ECN"], region)
    chunks = [LineString(_scaled(s[i: i + 51])) for s in cn for i in range(0, len(s) - 1, 50)]
    tree = shapely.STRtree(chunks)
    out = []
    for s in ru:
        pts = shapely.points(_scaled(s))
        hit = np.zeros(len(s), bool)
        idx, _ = tree.query_nearest(pts, max_distance=SHARED_KM / 111.2, return_distance=True)
        hit[idx[0]] = True
        run = []
        for p, h in zip(s, hit):
            if h:
                run.append(p)
            else:
                if len(run) > 1:
                    out.append(run)
                run = []
        if len(run) > 1:
            out.append(run)
    return out


def ne_rivers():
    named = {}
    for f in ne_features("ne_10m_rivers_lake_centerlines"):
        named.setdefault(f["properties"]["name"], []).extend(parts_of(f["geometry"]))
    return named


def dense(cs):
    """cs with points added so that none is more than STEP_KM from the next."""
    out = [cs[0]]
    for a, b in zip(cs, cs[1:]):
        n = math.ceil(hav(a, b) / STEP_KM)
        out += [(a[0] + (b[0] - a[0]) * i / n, a[1] + (b[1] - a[1]) * i / n) for i in range(1, n + 1)]
    return out


def reaches(lines, named):
    """(line id, reach name, coords): the long lines cut at the tributaries' mouths, the Natural
    Earth ends of the Zeya, Songhua (Sungari) and Amgun nearest to the line, nearest vertex."""
    def mouth(name, on):  # the end of the named river nearest to the line `on`
        g = LineString(_scaled(lines[on]))
        return min((c for n, ps in named.items() if n.startswith(name) for p in ps for c in (p[0], p[-1])),
                   key=lambda c: g.distance(Point(c[0] * K, c[1])))
    zeya, sungari, amgun = mouth("Zeya", "amur_upper"), mouth("Songhua", "amur_upper"), mouth("Amgun", "amur_lower")
    cuts = {"amur_upper": [("Argun-Shilka confluence to the Zeya", zeya), ("Zeya to the Songhua", sungari),
                           ("Songhua to point 10 (Khabarovsk)", None)],
            "amur_lower": [("Ussuri mouth to the Amgun", amgun), ("Amgun to the sea", None)]}
    out = []
    for lid in LINES:
        cs = lines[lid]
        if lid not in cuts:
            out.append((lid, "", dense(cs)))
            continue
        for name, at in cuts[lid]:
            k = nearest_index(cs, at) if at else len(cs) - 1
            out.append((lid, name, dense(cs[: k + 1])))
            cs = cs[k:]
    return out


def bank_offsets(cs, banks):
    """For each vertex: (distance to the banks' midpoint along the normal, half-width), km, where
    both banks are hit within RAY_KM; skipped elsewhere."""
    off, half = [], []
    for i in range(1, len(cs) - 1):
        (x0, y0), (x1, y1) = cs[i - 1], cs[i + 1]
        dx, dy = (x1 - x0) * K, y1 - y0
        n = math.hypot(dx, dy)
        if n == 0:
            continue
        p = (cs[i][0] * K, cs[i][1])
        r = RAY_KM / 111.2
        nx, ny = -dy / n * r, dx / n * r
        side = []
        for s in (1, -1):
            ray = LineString([p, (p[0] + s * nx, p[1] + s * ny)])
            hit = ray.intersection(banks)
            pts = shapely.get_coordinates(hit)
            if len(pts) == 0:
                break
            q = min(pts, key=lambda q: math.hypot(q[0] - p[0], q[1] - p[1]))
            side.append(_unscale(q))
        if len(side) < 2:
            continue
        a, b = side
        mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        off.append(hav(cs[i], mid))
        half.append(hav(a, b) / 2)
    return np.array(off), np.array(half)


def measure(lines):
    """The table: one row per reach, with each reference's (median, p95, max, n) one way and the
    back max, the banks' offset and half-width; returns (rows, the reaches' lengths)."""
    named = ne_rivers()
    refs = {"ne_border": [list(g.coords) for g in ne_pair("China", "Russia")], "dcw": dcw_border()}
    banks = MultiLineString([_scaled(s) for s in gmt_segments(["-I0"], (126.0, 142.0, 45.0, 54.0))])
    rs = reaches(lines, named)
    reach_geoms = [LineString(_scaled(cs)) for _, _, cs in rs]
    rows = []
    for j, (lid, name, cs) in enumerate(rs):
        row = {"id": lid, "reach": name, "km": sum(hav(cs[i], cs[i + 1]) for i in range(len(cs) - 1)), "refs": {}}
        names = LINES[lid]
        mine = {k: v for k, v in refs.items() if lid in ON_BORDER}
        if names:
            mine["ne_river"] = [p for n, ps in named.items() if any(n == x or n.startswith(x + " ") for x in names) for p in ps]
        for key, parts in mine.items():
            ref = MultiLineString([_scaled(p) for p in parts])
            d = _off(cs, ref)
            if len(d) == 0 or np.mean(d <= COVER_KM) < 0.9:
                continue
            back = _back([q for p in parts for q in p], j, reach_geoms)
            row["refs"][key] = (_stats(d), _stats(back))
        if lid not in FROM_BANKS:
            off, half = bank_offsets(cs, banks)
            if len(off) >= 0.5 * len(cs):
                row["refs"]["banks"] = (_stats(off), _stats(half))
        rows.append(row)
    return rows


def _back(pts, j, reach_geoms):
    """km from the reference's vertices to reach j, over those nearest to it (of all reaches),
    not beyond its ends, and within COVER_KM."""
    sp = shapely.points(_scaled(pts))
    dist = np.array([shapely.distance(sp, g) for g in reach_geoms])
    near = np.argmin(dist, axis=0) == j
    g = reach_geoms[j]
    t = shapely.line_locate_point(g, sp)
    keep = near & (t > 1e-9) & (t < g.length - 1e-9) & (dist[j] * 111.2 < COVER_KM * 2)
    sel = [p for p, k in zip(pts, keep) if k]
    return _off(sel, g)


def best(row):
    """The reference that agrees best with the reach (lowest 95th percentile one way), and that
    percentile."""
    ok = {k: v[0][1] for k, v in row["refs"].items()}
    if not ok:
        return None, None
    k = min(ok, key=ok.get)
    return k, ok[k]


def accuracy_rule(rows, present):
    """accuracy_km per line: the worst reach's 95th percentile of the disagreement with its best
    reference, rounded up to 0.5 km, and never below the present value."""
    out = {}
    for r in rows:
        _, p95 = best(r)
        if p95 is None:
            continue
        v = max(present[r["id"]], math.ceil(p95 * 2 - 1e-9) / 2)
        out[r["id"]] = max(out.get(r["id"], 0.0), v)
    return out


REF_NAMES = {"ne_border": "NE border", "dcw": "DCW border", "ne_river": "NE river", "banks": "banks midline"}


def report(rows, before, after):
    """Print the measurement and write its table into data/README.md between the accuracy markers."""
    def cell(st, back=None):
        if st is None:
            return "-"
        s = f"{st[0]:.2f} / {st[1]:.2f} / {st[2]:.2f}"
        return s + (f" ({back[2]:.2f})" if back else "")

    out = ["| line | reach | km | NE border | DCW border | NE river | banks midline | banks half-width | best (p95) | "
           "accuracy km |", "|---|---|---:|---|---|---|---|---|---|---|"]
    for r in rows:
        refs = r["refs"]
        if not refs:
            print(f"accuracy: {r['id']} {r['reach']}: no reference; accuracy {before[r['id']]} kept")
            continue
        cells = [cell(*refs[k]) if k in refs else "-" for k in ("ne_border", "dcw", "ne_river")]
        cells += [cell(refs["banks"][0]), cell(refs["banks"][1])] if "banks" in refs else ["-", "-"]
        k, p95 = best(r)
        b = f"{REF_NAMES[k]} ({p95:.2f})" if k else "none"
        acc = f"{before[r['id']]} → {after.get(r['id'], before[r['id']])}"
        out.append(f"| {r['id']} | {r['reach'] or 'all'} | {r['km']:.0f} | " + " | ".join(cells) + f" | {b} | {acc} |")
        print(f"accuracy: {r['id']} {r['reach']} ({r['km']:.0f} km): " +
              "; ".join(f"{REF_NAMES[k]} {cell(*v) if k != 'banks' else cell(v[0]) + ' half-width ' + cell(v[1])}"
                        for k, v in refs.items()) + f"; accuracy {acc}")
    path = os.path.join(DATA, "README.md")
    text = open(path).read()
    a, b = text.index("<!-- accuracy -->"), text.index("<!-- /accuracy -->")
    text = text[: a] + "<!-- accuracy -->\n" + "\n".join(out) + "\n" + text[b:]
    with open(path, "w") as f:
        f.write(text)
    print("updated the accuracy table in data/README.md")
