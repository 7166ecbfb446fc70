#!/usr/bin/env python3
"""Build every derived file in data/ from public-domain / LGPL sources installed as Debian packages.

Run through scripts/build_data.sh, which installs what this needs. Python because the
sources are read with GDAL (ogr2ogr) and GMT command-line tools and the raster step
(priority-flood over ETOPO5) wants numpy; shapely checks the topology before anything is
written. Output is deterministic: the same packages give the same bytes.

Sources (see data/README.md for licences and accuracy):
  * GSHHG 2.3.7 full resolution (Debian gmt-gshhg-full): coast, WDBII rivers and borders.
  * Natural Earth 10m 3.0.0 (Debian libmagics++-data): named rivers (to pick WDBII rivers),
    the Amur below Khabarovsk, the modern boundary lines, Mongolia's and Korea's borders.
  * ETOPO5 (Debian ferret-datasets): relief for the Stanovoy crest.
"""
import heapq
import json
import math
import os
import subprocess
import sys

import numpy as np
import contourpy
import shapely
from shapely.geometry import LineString, Point, box
from shapely.ops import linemerge

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data")
NE10 = "/usr/share/magics/10m"
ETOPO = "/usr/share/ferret-vis/data/etopo5.cdf"

# The covered area (a frame in lon/lat degrees). See data/README.md for why these edges.
W, E, S, N = 105.5, 141.8, 42.25, 57.5
# West of the Mongolian tripoint only the Russian side is covered: the land south of the
# Mongolia-Russia line is not, and in China the covered area stops at this meridian (an edge line
# from the China-Mongolia boundary south to the frame), where the frame's west edge was before
# Kyakhta and Chita were added.
W_CHINA = 115.5

# Named points used to cut or anchor lines (lon, lat). Sources in data/README.md.
CONFLUENCE = (121.47694, 53.33278)   # Shilka + Argun = Amur (Amur infobox)
ABAGAITU = (117.898364, 49.55857)    # start of the Argun (Abagaitu islet)
KAZAKEVICHEVA = (134.735, 48.266)     # where the WDBII border leaves the Amur: Kazakevicheva channel meets the Ussuri
KHABAROVSK = (135.07, 48.48)          # Ussuri mouth on the Amur at Khabarovsk (EB1911)
AMUR_MOUTH = (141.08389, 52.94722)    # Amur mouth (Amur infobox)
MN_TRIPOINT = (116.711, 49.845)       # China-Mongolia-Russia
KP_TRIPOINT = (130.639275, 42.419787) # marker 423, China-North Korea-Russia
KYAKHTA = (106.45, 50.35)             # Kyakhta (history.md: howlingpixel.com/i-en/Kyakhta), only reported
ALTANBULAG = (106.49417, 50.31667)    # Altanbulag, Mongolia (en.wikipedia Altanbulag, Selenge), only reported
GORBITSA_MOUTH = (119.22, 53.10)      # Gorbitsa village on the Shilka [est, see README]
GORBITSA_SOURCE = (119.10, 53.70)     # [est, very low]; snapped to the derived crest
AMAZAR_MOUTH = (122.0792, 53.425)    # Amazar mouth on the Amur (en.wikipedia Amazar (river))
AMAZAR_UP = (120.88, 53.86)           # [est] Amazar settlement on the river, to pick the valley
SUNGACHA_MOUTH = (133.10, 45.35)      # [est] where the border leaves the Ussuri
KHANKA_OUTLET = (132.95, 45.02)       # Sungacha leaves Lake Khanka (NE vertex)
TUR_MOUTH = (131.85, 45.34)           # Belen-he / Tur mouth on the west shore (NE vertex)
# The 2004 Complementary Agreement (Bolshoy Ussuriysky / Heixiazi and Tarabarov / Yinlong), art. 1.
POINT_10 = (134.418051, 48.390005)    # WDBII vertex where the pre-2004 line leaves the Amur's main channel
                                      # for the Kazakevicheva channel; the 2004 line stays in the channel
ZHENBAO = (133.84444, 46.48556)       # Zhenbao / Damansky island (en-academic.com/dic.nsf/enwiki/667494), only reported
POINT_10_2_GK = (5358650.0, 23482570.0)  # boundary point 10/2 on the island: Gauss-Krueger X, Y (zone 23),
                                         # as printed in the treaty (Pulkovo-1942, Krassovsky)
# The same agreement at Abagaitu (Bolshoy island) on the Argun, art. 1: points 7/1 and 7/2, grid X, Y (zone 20)
POINT_7_1_GK = (5490500.0, 20564000.0)   # on the unnamed river (Soviet maps: Argun) south of the island
POINT_7_2_GK = (5496160.0, 20564380.0)   # on the Ergune (Soviet maps: Prolva) north of the island
ABAGAITU_WEST_END = (117.8328, 49.5275)   # upstream end of the same channel, where it leaves the border west of
                                          # the island: read from the data (the de facto layer's islet is
                                          # bounded by this channel, the border and the channel south of it)
ABAGAITU_NORTH_END = (118.0656, 49.6139)  # downstream end of the WDBII (level 3) channel north of the island,
                                          # where it rejoins the border: read from the data, picks the channel

NE_ATTR = "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com."
GSHHG_ATTR = ("GSHHG 2.3.7, P. Wessel and W.H.F. Smith (1996), J. Geophys. Res. 101(B4), 8741-8743; "
              "rivers and borders from CIA World Data Bank II")
ETOPO_ATTR = ("Data Announcement 88-MGG-02, Digital relief of the Surface of the Earth. "
              "NOAA, National Geophysical Data Center, Boulder, Colorado, 1988.")
SRC = {
    "wdb": ("GSHHG 2.3.7 full resolution, WDBII layer (Debian gmt-gshhg-full)", "public domain (WDBII); GSHHG distribution LGPL-3.0-or-later", GSHHG_ATTR),
    "gshhg": ("GSHHG 2.3.7 full-resolution shoreline (Debian gmt-gshhg-full)", "LGPL-3.0-or-later", GSHHG_ATTR),
    "ne": ("Natural Earth 10m 3.0.0 (Debian libmagics++-data)", "public domain", NE_ATTR),
    "etopo": ("Derived from ETOPO5 (Debian ferret-datasets, etopo5.cdf)", "public domain", ETOPO_ATTR),
    "hand": ("Digitised by hand for nerchinsk from the literature cited in data/README.md", "CC0-1.0", "nerchinsk contributors"),
    "frame": ("Defined by nerchinsk: the edge of the covered area", "CC0-1.0", "nerchinsk contributors"),
}


def run(cmd):
    return subprocess.run(cmd, capture_output=True, check=True).stdout


def hav(a, b):
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def length_km(cs):
    return sum(hav(cs[i], cs[i + 1]) for i in range(len(cs) - 1))


def r6(c):
    return (round(float(c[0]), 6), round(float(c[1]), 6))


def clean(cs):
    """Round to 6 decimals and drop repeated vertices."""
    out = []
    for c in cs:
        c = r6(c)
        if not out or out[-1] != c:
            out.append(c)
        # drop spikes: a vertex where the line doubles back on itself along the same direction
        while len(out) >= 3:
            a, b, c2 = out[-3], out[-2], out[-1]
            cross = (b[0] - a[0]) * (c2[1] - b[1]) - (b[1] - a[1]) * (c2[0] - b[0])
            dot = (b[0] - a[0]) * (c2[0] - b[0]) + (b[1] - a[1]) * (c2[1] - b[1])
            if a == c2:
                del out[-2:]
            elif abs(cross) < 1e-12 and dot < 0:
                del out[-2]
            else:
                break
    return out


def gauss_krueger_to_lonlat(x, y):
    """Inverse Gauss-Krueger (transverse Mercator, Krassovsky 1940 ellipsoid, 6-degree zones,
    false easting zone * 1e6 + 500 km), as the Soviet/Russian SK-42 grid prints coordinates:
    x northing, y easting with the zone number in front. Returns (lon, lat) in degrees on the
    Pulkovo-1942 datum (within about 0.15 km of WGS84 here; not shifted)."""
    a, f = 6378245.0, 1 / 298.3
    e2 = f * (2 - f)
    ep2 = e2 / (1 - e2)
    zone = int(y // 1e6)
    lon0 = math.radians(zone * 6 - 3)
    east = y - zone * 1e6 - 500000.0
    e1 = (1 - math.sqrt(1 - e2)) / (1 + math.sqrt(1 - e2))
    mu = x / (a * (1 - e2 / 4 - 3 * e2 ** 2 / 64 - 5 * e2 ** 3 / 256))
    phi1 = (mu + (3 * e1 / 2 - 27 * e1 ** 3 / 32) * math.sin(2 * mu) + (21 * e1 ** 2 / 16 - 55 * e1 ** 4 / 32) * math.sin(4 * mu)
            + (151 * e1 ** 3 / 96) * math.sin(6 * mu) + (1097 * e1 ** 4 / 512) * math.sin(8 * mu))
    c1 = ep2 * math.cos(phi1) ** 2
    t1 = math.tan(phi1) ** 2
    n1 = a / math.sqrt(1 - e2 * math.sin(phi1) ** 2)
    r1 = a * (1 - e2) / (1 - e2 * math.sin(phi1) ** 2) ** 1.5
    d = east / n1
    lat = phi1 - (n1 * math.tan(phi1) / r1) * (d ** 2 / 2 - (5 + 3 * t1 + 10 * c1 - 4 * c1 ** 2 - 9 * ep2) * d ** 4 / 24
                                              + (61 + 90 * t1 + 298 * c1 + 45 * t1 ** 2 - 252 * ep2 - 3 * c1 ** 2) * d ** 6 / 720)
    lon = lon0 + (d - (1 + 2 * t1 + c1) * d ** 3 / 6 + (5 - 2 * c1 + 28 * t1 - 3 * c1 ** 2 + 8 * ep2 + 24 * t1 ** 2) * d ** 5 / 120) / math.cos(phi1)
    return math.degrees(lon), math.degrees(lat)


# ------------------------------------------------------------------ readers
def gmt_segments(args, region=(110, 145, 40, 62)):
    r = "-R%g/%g/%g/%g" % region
    txt = run(["gmt", "coast", r, "-M", "-Df"] + args).decode()
    segs, cur = [], None
    for line in txt.splitlines():
        if line.startswith(">"):
            if cur:
                segs.append(cur)
            cur = []
        elif line.strip():
            x, y = line.split()[:2]
            cur.append((float(x), float(y)))
    if cur:
        segs.append(cur)
    return segs


def ne_features(layer):
    raw = run(["ogr2ogr", "-f", "GeoJSON", "/vsistdout/", f"{NE10}/{layer}.shp", "-spat", "100", "38", "150", "66"])
    return json.loads(raw.decode("utf-8", "replace"))["features"]


def parts_of(g):
    return [g["coordinates"]] if g["type"] == "LineString" else g["coordinates"]


def stitch(segs):
    """Join fragments (GMT cuts lines at 1-degree bins) that share exact endpoints."""
    merged = linemerge([LineString(s) for s in segs if len(s) > 1])
    geoms = [merged] if merged.geom_type == "LineString" else list(merged.geoms)
    return [list(g.coords) for g in geoms]


class Network:
    """A river or border network: vertices are nodes, shortest paths pick one river."""

    def __init__(self, segs, snap_km=2.0):
        import networkx as nx
        self.nx = nx
        g = nx.Graph()
        ends = []
        for s in segs:
            s = clean(s)
            for a, b in zip(s, s[1:]):
                g.add_edge(a, b, w=hav(a, b))
            if len(s) > 1:
                ends += [s[0], s[-1]]
        nodes = np.array(list(g.nodes))
        for e in ends:  # bridge dangling ends across bin cuts and small gaps
            if g.degree(e) > 1:
                continue
            d = np.hypot(nodes[:, 0] - e[0], (nodes[:, 1] - e[1]) * 1.6)
            for i in np.argsort(d)[:8]:
                k = (float(nodes[i][0]), float(nodes[i][1]))
                if k != e and not g.has_edge(e, k) and hav(e, k) < snap_km:
                    g.add_edge(e, k, w=hav(e, k))
                    break
        self.g = g
        self.nodes = nodes

    def nearest(self, p):
        d = np.hypot(self.nodes[:, 0] - p[0], (self.nodes[:, 1] - p[1]) * 1.6)
        n = self.nodes[int(np.argmin(d))]
        return (float(n[0]), float(n[1]))

    def path(self, a, b):
        na, nb = self.nearest(a), self.nearest(b)
        return self.nx.shortest_path(self.g, na, nb, weight="w")


def nearest_index(cs, p):
    return min(range(len(cs)), key=lambda i: hav(cs[i], p))


def split_at(cs, p):
    """Split a polyline at its vertex nearest p; both halves share that vertex."""
    i = nearest_index(cs, p)
    return cs[: i + 1], cs[i:], hav(cs[i], p)


def cut_at_first_crossing(cs, other):
    """Keep cs up to where it first meets `other` (a LineString); end exactly on a vertex of it."""
    line = LineString(cs)
    hit = line.intersection(other)
    if hit.is_empty:
        return cs, None
    pts = [hit] if hit.geom_type == "Point" else [g for g in getattr(hit, "geoms", [hit]) if g.geom_type == "Point"]
    d = min(line.project(p) for p in pts)
    out = list(shapely.ops.substring(line, 0, d).coords)
    return out, Point(out[-1])


def attach(cs, target, at_end=True):
    """Make the end (or start) of cs a vertex of target: insert the projected point into target.
    Returns (new cs, new target coords, gap km)."""
    t = LineString(target)
    p = cs[-1] if at_end else cs[0]
    d = t.project(Point(p))
    q = t.interpolate(d)
    q = r6((q.x, q.y))
    tc = list(target)
    # insert q into target after the vertex before distance d
    acc, k = 0.0, 0
    for k in range(len(tc) - 1):
        seg = math.dist(tc[k], tc[k + 1])
        if acc + seg >= d:
            break
        acc += seg
    if q not in tc:
        tc.insert(k + 1, q)
    gap = hav(p, q)
    if at_end:
        cs = cs[:-1] + [q] if hav(cs[-1], q) < 0.05 else cs + [q]
    else:
        cs = [q] + cs[1:] if hav(cs[0], q) < 0.05 else [q] + cs
    return clean(cs), clean(tc), gap


# ------------------------------------------------------------------ the Amur's main channel (2004)
def amur_main_channel(start, end_lon):
    """The Amur's main channel from `start` (a vertex in the channel) east to `end_lon`: WDBII draws
    the river here as two banks (level 0), so the centreline is the midpoint between each vertex of
    the south bank and the nearest point of the north bank. Returns (coords from start, the
    point at end_lon), both rounded."""
    banks = [LineString(b) for b in stitch(gmt_segments(["-I0"], (134.0, 135.3, 48.1, 48.7)))]

    def y_at(g, x):
        h = g.intersection(LineString([(x, 47.0), (x, 49.0)]))
        return min(p.y for p in getattr(h, "geoms", [h]))

    # the two banks that cross the meridian of the end, south one first
    banks = sorted((b for b in banks if not b.intersection(LineString([(end_lon, 48.0), (end_lon, 48.6)])).is_empty),
                   key=lambda b: y_at(b, end_lon))
    south, north = banks[0], banks[-1]
    mids = []
    for p in south.coords:
        if start[0] + 0.005 < p[0] < end_lon - 0.003:
            q = north.interpolate(north.project(Point(p)))
            mids.append(((p[0] + q.x) / 2, (p[1] + q.y) / 2))
    mids.sort()
    end = r6((end_lon, (y_at(south, end_lon) + y_at(north, end_lon)) / 2))
    return clean([start] + mids), end


def transfer_2004_report(heixiazi, kazakevicheva, arm, ussuri):
    """Print (not written anywhere) how much of the land the 2004 line moves is river, and on which
    side of the Ussuri line Zhenbao lies; data/README.md quotes these figures."""
    from shapely.geometry import Polygon
    R = 6371.0072  # authalic radius, km: sinusoidal x = R lon cos(lat), y = R lat is equal-area
    def sinu(cs):
        return [(R * math.radians(x) * math.cos(math.radians(y)), R * math.radians(y)) for x, y in cs]
    ring = kazakevicheva + arm[1:] + heixiazi[::-1][1:]
    face = Polygon(sinu(ring))
    banks = [LineString(b) for b in stitch(gmt_segments(["-I0"], (134.0, 135.3, 48.1, 48.7)))]
    x0, x1 = heixiazi[0][0], heixiazi[-1][0]
    cut = lambda b: [p for p in b.coords if x0 - 0.02 <= p[0] <= x1 + 0.02]
    a, b = sorted((cut(b) for b in banks), key=lambda c: min(p[1] for p in c))
    river = Polygon(sinu(sorted(a) + sorted(b)[::-1])).buffer(0)
    water = face.intersection(river).area
    print(f"2004 transfer face: {face.area:.0f} km2 (sinusoidal), of it {water:.0f} km2 between the WDBII Amur banks, "
          f"{face.area - water:.0f} km2 south of the Amur's south bank")
    zb = Point(ZHENBAO)
    ul = LineString(ussuri)
    q = ul.interpolate(ul.project(zb))
    print(f"Zhenbao {ZHENBAO}: {hav(ZHENBAO, (q.x, q.y)):.2f} km {'west' if ZHENBAO[0] < q.x else 'east'} of the Ussuri line")


# ------------------------------------------------------------------ the de facto layer (data/control.geojson)
ZEYA_MOUTH = (127.535, 50.245)        # Zeya mouth at Blagoveshchensk (Blagoveshchensk 50.25N 127.533E, wikizero)
HORMOLDZIN = (127.70, 49.65)          # [est] the Amur opposite Hormoldzin (Sunwu county), 140-150 li below the Zeya
# [est] inland edge of the Sixty-Four Villages, drawn so that the area is the published 3,600 km2
SIXTY_FOUR_INLAND = [(128.22, 49.70), (128.22, 50.10), (127.95, 50.42), (127.62, 50.45)]
# [est] the edge of Manchukuo against Xilingol (Mengjiang) in the south-west of the frame, by
# eye from today's league boundaries: Xilingol was never part of Manchukuo
MANCHUKUO_WEST = [(119.9, 46.7), (119.0, 45.2), (117.8, 44.0), (116.6, 42.9), (116.3, 42.25)]


def sinu_km2(ring):
    from shapely.geometry import Polygon
    R = 6371.0072
    return Polygon([(R * math.radians(x) * math.cos(math.radians(y)), R * math.radians(y)) for x, y in ring]).area


def control_areas(amur_upper, kazakevicheva, arm, amur_low, heixiazi, ussuri, islet):
    """Polygons of de facto control that differ from the de jure answer. Each applies only where
    the de jure status is `de_jure` (or anywhere for "any"), between `from` (inclusive) and `to`
    (exclusive); the first that applies wins. See data/README.md for every source."""
    out = []

    def area(fid, name, controller, de_jure, start, end, reason, source, acc, method, ring, claimed_by=""):
        ring = [r6(c) for c in ring]
        ring = [c for i, c in enumerate(ring) if i == 0 or c != ring[i - 1]]
        if ring[0] != ring[-1]:
            ring = ring + [ring[0]]
        if not shapely.geometry.LinearRing(ring).is_ccw:
            ring = ring[::-1]  # RFC 7946: exterior rings counter-clockwise
        out.append({"type": "Feature", "properties": {
            "id": fid, "name": name, "controller": controller, "claimed_by": claimed_by, "de_jure": de_jure,
            "from": start, "to": end, "reason": reason, "source": source, "accuracy_km": acc, "method": method,
            "area_km2": round(sinu_km2(ring), 1)},
            "geometry": {"type": "Polygon", "coordinates": [[list(c) for c in ring]]}})

    # Zhenbao / Damansky: a box of the island's size (1.7 x 0.5 km) around its coordinate, widened to
    # the line's accuracy so that it reaches across the Ussuri line the data draw
    zx, zy = ZHENBAO
    dz = [(zx - 0.02, zy - 0.012), (zx + 0.02, zy - 0.012), (zx + 0.02, zy + 0.012), (zx - 0.02, zy + 0.012)]
    zsrc = ("46.48556N 133.84444E, 0.74 km2 (en.wikipedia Zhenbao Island, via hubbry.com/Damansky_Island); "
            "Soviet border guards kept it until the clashes of 2-17 March 1969, then denied it to both sides by fire; "
            "ordered to cease fire on 10 Sep 1969, after which Chinese troops landed and stayed (D. S. Ryabushkin, "
            "Mify Damanskogo, 2004, rulit.me excerpt p. 89; bibliboba.online Khroniki Damanskogo p. 91)")
    area("zhenbao_soviet", "Zhenbao (Damansky), held by Soviet border guards", "russia", "any", "1951-01-01", "1969-03-02",
         "held by Soviet border guards under the Soviet reading of the 1860/1861 line (along the Chinese bank); claimed by China (thalweg)",
         zsrc + "; start: the 1951 Sino-Soviet agreement on navigation on the border rivers, under which Soviet border guards kept the rivers (low confidence)",
         1.0, "digitised by hand: box around the island's coordinate", dz, claimed_by="china")
    area("zhenbao_contested", "Zhenbao (Damansky), fought over", "contested", "any", "1969-03-02", "1969-09-10",
         "contested: after the clashes neither side held it; Soviet fire kept Chinese troops off", zsrc,
         1.0, "digitised by hand: box around the island's coordinate", dz, claimed_by="russia, china")
    area("zhenbao_chinese", "Zhenbao (Damansky), held by China", "china", "any", "1969-09-10", "1992-03-16",
         "held by China from the ceasefire of 10 Sep 1969; claimed by the USSR/Russia until the 1991 agreement took effect", zsrc,
         1.0, "digitised by hand: box around the island's coordinate", dz, claimed_by="russia")

    # Bolshoy Ussuriysky and Tarabarov: everything between the Amur's main channel, the Kazakevicheva
    # channel and the Ussuri to its mouth at Khabarovsk
    banks = [LineString(b) for b in stitch(gmt_segments(["-I0"], (134.0, 135.3, 48.1, 48.7)))]
    south = min(banks, key=lambda b: b.distance(Point(134.85, 48.33)))
    north = max(banks, key=lambda b: b.distance(Point(134.85, 48.33)))
    k = nearest_index(amur_low, KHABAROVSK)
    mids = []
    for p in south.coords:
        if heixiazi[-1][0] + 0.003 < p[0] < amur_low[k][0] - 0.01 and p[1] < 48.46:
            q = north.interpolate(north.project(Point(p)))
            mids.append(((p[0] + q.x) / 2, (p[1] + q.y) / 2))
    # the 2004 line to point 10/1 (its last three vertices are 10/1, 10/2 and the Ussuri), then the channel
    ring = heixiazi[:-2] + sorted(mids) + amur_low[k::-1] + arm[::-1][1:] + kazakevicheva[::-1][1:]
    area("heixiazi_held", "Bolshoy Ussuriysky (Heixiazi) and Tarabarov (Yinlong), held by the USSR/Russia", "russia", "any",
         "1929-12-22", "2008-10-14",
         "held by the USSR/Russia since the 1929 conflict over the Chinese Eastern Railway (the Khabarovsk Protocol of "
         "22 Dec 1929 ended it; the islands stayed Soviet), claimed by China until the 2004 agreement; the western part "
         "and Tarabarov handed over on 14 Oct 2008",
         "en.wikipedia Sino-Soviet conflict (1929) (Soviet occupation of the whole island until 2004); Khabarovsk Protocol "
         "22 Dec 1929 (history.state.gov FRUS 1929 v. II d397); 1929 occupation not accepted by China (wikisum.wiki Bolshoy "
         "Ussuriysky Island); handover ceremony 14 Oct 2008 (Xinhua via 9x1x.cn/article/jnpeoc)",
         1.0, "derived: the lines of data/lines.geojson around the islands and the midline of the WDBII Amur banks", ring,
         claimed_by="china")

    # Abagaitu islet (Bolshoy island) on the Argun: the whole islet between the channels and the border
    # at its west end, both parts (like Bolshoy Ussuriysky): China claimed all of it
    area("abagaitu_held", "Abagaitu islet (Bolshoy island), held by the USSR/Russia", "russia", "any",
         "1929-12-22", "2008-10-14",
         "held by the USSR/Russia since the 1929 conflict over the Chinese Eastern Railway, on the Russian side of the "
         "channel that had opened south of it after 1911; claimed by China until the 2004 agreement, which gave the eastern "
         "part to China (handed over with the rest of the eastern section, the line completed on 14 Oct 2008)",
         "occupied by the USSR in 1929, not accepted by China (en.wikipedia Abagaitu Islet); originally Chinese, a channel "
         "south of it after the 1911 Manzhouli boundary treaty (满洲里界约), Soviet-held from 1929, claimed by every Chinese government, "
         "split 34.54/23.02 km2 after the 2008 demarcation (pediainside.com 阿巴该图洲渚); the islet's markers set in "
         "2006-2007 (nbnewpower.cn 2008-08-28, from Banyuetan); start: the Khabarovsk Protocol of 22 Dec 1929 that ended "
         "the conflict (history.state.gov FRUS 1929 v. II d397), the day unknown; end: the boundary marker ceremony of "
         "14 Oct 2008 completing the eastern section (hljszw.org.cn 黑瞎子岛勘界)",
         1.0, "derived: the lines of data/lines.geojson around the islet (the pre-2004 channel and the 2004 line's north "
         "channel) and the WDBII channel west of point 7/2 back to the border", islet, claimed_by="china")

    # The Sixty-Four Villages: the Amur's left bank from the Zeya mouth to opposite Hormoldzin
    i0, i1 = nearest_index(amur_upper, ZEYA_MOUTH), nearest_index(amur_upper, HORMOLDZIN)
    ring = amur_upper[i0: i1 + 1] + SIXTY_FOUR_INLAND + [amur_upper[i0]]
    area("sixty_four_villages", "Sixty-Four Villages East of the River (Zazeysky district)", "china", "russia",
         "1858-05-28", "1900-07-17",
         "Russian sovereignty (Aigun art. 1), but the Manchu, Daur and Han villagers kept their homes under Qing "
         "jurisdiction; expelled and the villages burned by Russian forces in July 1900",
         "Aigun art. 1 (chinaforeignrelations.net/node/204): Manchu inhabitants from the Zeya to Hormoldzin keep their "
         "dwellings under the Manchu government; extent 'from the Zeya mouth south to opposite Hormoldzin, 140-150 li "
         "north-south, 50-80 li east-west, 3,600 km2' (m.ciyu8.com 江东六十四屯; blog.sina.com.cn/s/blog_616c456c0100fi7i); "
         "representative point 50.100N 127.683E and 3,600 km2 (en.wikipedia Sixty-Four Villages East of the River); "
         "July 1900 expulsion (history.md: chaos.owiki.org; docslib.org/doc/10717109)",
         15.0, "derived: the amur_upper line from the Zeya mouth to opposite Hormoldzin [est], closed by a hand-digitised "
         "inland edge [est] sized to the published area", ring)

    # Manchukuo: the Chinese side of the frame, less Xilingol in the south-west
    ring = [(W_CHINA, S), (E, S), (E, N), (W_CHINA, N)]
    # the Xilingol corner: the covered area's west edge in China below the Mongolian border, to the hand-drawn edge
    corner = [MANCHUKUO_WEST[-1], (W_CHINA, S), (W_CHINA, 45.9)] + [MANCHUKUO_WEST[0]]
    frame_poly = shapely.geometry.Polygon(ring)
    cut = frame_poly.difference(shapely.geometry.Polygon(corner + MANCHUKUO_WEST[1:-1][::-1]).buffer(0))
    cut = max(getattr(cut, "geoms", [cut]), key=lambda g: g.area)
    area("manchukuo", "Manchukuo", "Manchukuo (Japanese puppet state)", "china", "1932-03-01", "1945-08-19",
         "Manchukuo, a state set up by Japan after the invasion of 1931, held the Chinese side; the Republic of China "
         "kept the de jure title and most states did not recognise Manchukuo",
         "proclaimed 1 Mar 1932, Puyi captured 19 Aug 1945 after the Soviet invasion of 9 Aug (history.md: yibinfan.com/"
         "article/6907.html; wikivisually.com Soviet invasion of Manchuria); Heilongjiang and Hulunbuir in Manchukuo, "
         "Xilingol not (its edge here is drawn by eye, [est])",
         50.0, "derived: the frame, less a hand-digitised south-western corner (Xilingol) [est]", [r6(c) for c in cut.exterior.coords])
    # The Soviet occupation of Manchuria, from the fall of Manchukuo to the withdrawal: the same polygon
    area("soviet_manchuria", "Soviet occupation of Manchuria", "russia", "china", "1945-08-19", "1946-05-03",
         "occupied by the Soviet Red Army after the invasion of 9 Aug 1945; the Sino-Soviet treaty of 14 Aug 1945 left "
         "sovereignty to the Republic of China, which waited for the handover; the withdrawal, promised within three "
         "months of Japan's defeat, was delayed, ran south to north from March 1946 and was completed on 3 May 1946",
         "en.wikipedia Soviet occupation of Manchuria (infobox: ends 3 May [1946], withdrawal of all Soviet troops; "
         "chaos.owiki.org copy: the last Soviet forces left in May 1946); jxxfw.com periodical 155dd6d3 (promised to "
         "withdraw three months after the defeat of Japan, i.e. Nov-Dec 1945; announced complete withdrawal on 3 May 1946); "
         "Soviet airborne troops in Harbin 18 Aug 1945, the city under Soviet military control until 28 Apr 1946 "
         "(special.dbw.cn/system/2006/04/26/050375632.shtml); withdrawal from south to north announced 26 Feb 1946, "
         "Shenyang, Jiamusi, Changchun and Qiqihar left before Harbin (221.212.156.90/hbfm/hbsh/2014/02/12159.html)",
         50.0, "derived: the Manchukuo polygon (the frame, less a hand-digitised south-western corner (Xilingol) [est])",
         [r6(c) for c in cut.exterior.coords], claimed_by="china")
    for f in out:
        p = f["properties"]
        print(f"control {p['id']}: {p['area_km2']} km2, {p['from']} to {p['to']}")
    return out


def control_table(feats):
    rows = ["| id | controller | where de jure | from | to | area km² | accuracy km | method |", "|---|---|---|---|---|---:|---:|---|"]
    for f in feats:
        p = f["properties"]
        rows.append(f"| {p['id']} | {p['controller']} | {p['de_jure']} | {p['from']} | {p['to']} | {p['area_km2']} | {p['accuracy_km']} | {p['method']} |")
    path = os.path.join(DATA, "README.md")
    text = open(path).read()
    if "<!-- control -->" not in text:
        return
    a, b = text.index("<!-- control -->"), text.index("<!-- /control -->")
    text = text[: a] + "<!-- control -->\n" + "\n".join(rows) + "\n" + text[b:]
    with open(path, "w") as f:
        f.write(text)
    print("updated the control table in data/README.md")


# ------------------------------------------------------------------ the Stanovoy crest
def derive_crest(uda_line, coast_line):
    """Priority-flood drainage on ETOPO5 with WDBII rivers burned in (so the coarse grid follows
    the real network), then the divide between cells draining to the Arctic or to the Uda and
    cells draining to the rest of the Pacific (the Amur and the coastal rivers south of the Uda)."""
    Wd, Ed, Sd, Nd = 100, 150, 38, 66
    raw = run(["gmt", "grd2xyz", ETOPO, f"-R{Wd}/{Ed}/{Sd}/{Nd}", "-ZTLf"])
    info = run(["gmt", "grdinfo", ETOPO, f"-R{Wd}/{Ed}/{Sd}/{Nd}", "-C"]).decode().split()
    nx_, ny_ = int(info[9]), int(info[10])
    z = np.frombuffer(raw, dtype="<f4").reshape(ny_, nx_)[::-1].astype(np.float64)
    lon = np.linspace(float(info[1]), float(info[2]), nx_)
    lat = np.linspace(float(info[3]), float(info[4]), ny_)
    dx, dy = lon[1] - lon[0], lat[1] - lat[0]
    zs = z.copy()

    def cells_on(segs):
        out = set()
        for s in segs:
            for (xa, ya), (xb, yb) in zip(s[:-1], s[1:]):
                n = max(2, int(max(abs(xb - xa) / dx, abs(yb - ya) / dy) * 3))
                for t in np.linspace(0, 1, n):
                    i = int(round((xa + t * (xb - xa) - lon[0]) / dx))
                    j = int(round((ya + t * (yb - ya) - lat[0]) / dy))
                    if 0 <= i < nx_ and 0 <= j < ny_:
                        out.add((j, i))
        return out

    rivers = []
    for lev in (1, 2, 3, 4):
        rivers += gmt_segments([f"-I{lev}"], (Wd, Ed, Sd, Nd))
    burned = cells_on(rivers)
    for j, i in burned:
        if z[j, i] > 0:
            z[j, i] -= 1500.0
    # sea: cells at or below 0 m (unburned relief) connected to the grid edge
    sea = np.zeros(z.shape, dtype=bool)
    stack = [(j, i) for j in range(ny_) for i in (0, nx_ - 1)] + [(j, i) for i in range(nx_) for j in (0, ny_ - 1)]
    while stack:
        j, i = stack.pop()
        if sea[j, i] or zs[j, i] > 0:
            continue
        sea[j, i] = True
        for dj, di in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            jj, ii = j + dj, i + di
            if 0 <= jj < ny_ and 0 <= ii < nx_ and not sea[jj, ii]:
                stack.append((jj, ii))
    label = np.zeros(z.shape, dtype=np.int64)
    arctic_ids = set()
    pq = []
    nid = 0
    for j in range(ny_):
        for i in range(nx_):
            if sea[j, i] or j == ny_ - 1 or i == 0 or j == 0 or i == nx_ - 1:
                nid += 1
                label[j, i] = nid
                if not sea[j, i] and (j == ny_ - 1 or i == 0):
                    arctic_ids.add(nid)
                heapq.heappush(pq, (z[j, i], j, i))
    done = label > 0
    while pq:
        h, j, i = heapq.heappop(pq)
        for dj in (-1, 0, 1):
            for di in (-1, 0, 1):
                jj, ii = j + dj, i + di
                if (dj or di) and 0 <= jj < ny_ and 0 <= ii < nx_ and not done[jj, ii]:
                    done[jj, ii] = True
                    label[jj, ii] = label[j, i]
                    heapq.heappush(pq, (max(z[jj, ii], h), jj, ii))
    uda_ids = {int(label[j, i]) for j, i in cells_on([uda_line[: max(2, len(uda_line) * 9 // 10)]])}
    mask = (np.isin(label, list(arctic_ids | uda_ids)) & ~sea).astype(float)
    lines = contourpy.contour_generator(lon, lat, mask).lines(0.5)
    src = GORBITSA_SOURCE
    best = min(lines, key=lambda l: min(hav(p, src) for p in l))
    best = [tuple(map(float, p)) for p in best]
    if best[0] == best[-1]:  # closed: rotate so it starts at the Gorbitsa end
        best = best[:-1]
        k = nearest_index(best, src)
        best = best[k:] + best[:k]
    else:
        k = nearest_index(best, src)
        best = best[k:]
    if best[min(20, len(best) - 1)][0] < best[0][0]:  # run eastwards
        best = [best[0]] + best[1:][::-1]
    # stop where the divide first comes within one cell of the coast
    coast = LineString(coast_line)
    for k, p in enumerate(best):
        if k > 10 and coast.distance(Point(p)) < 0.05:
            best = best[: k + 1]
            break
    else:
        raise SystemExit("crest never reaches the coast")
    elev = [float(zs[int(round((y - lat[0]) / dy)), int(round((x - lon[0]) / dx))]) for x, y in best]
    return best, elev


# ------------------------------------------------------------------ the build
def main():
    frame_box = box(W, S, E, N)

    # ---- coast: the mainland shoreline, stitched from GSHHG full resolution
    shore = stitch(gmt_segments(["-W", "-A0/1/1"]))
    pieces = []
    for s in shore:
        clipped = LineString(s).intersection(frame_box)
        for g in getattr(clipped, "geoms", [clipped]):
            if g.geom_type == "LineString" and len(g.coords) > 1:
                pieces.append(list(g.coords))
    coast = max(pieces, key=len)
    if coast[0][1] > coast[-1][1]:
        coast = coast[::-1]  # south to north
    # snap the two ends exactly onto the frame edges
    def onto_frame(p):
        x, y = p
        dists = {"W": abs(x - W), "E": abs(x - E), "S": abs(y - S), "N": abs(y - N)}
        k = min(dists, key=dists.get)
        return (W if k == "W" else E if k == "E" else x, S if k == "S" else N if k == "N" else y)
    coast[0], coast[-1] = onto_frame(coast[0]), onto_frame(coast[-1])
    coast = clean(coast)
    print(f"coast: {len(coast)} vertices, {length_km(coast):.0f} km, from {coast[0]} to {coast[-1]}")

    # ---- WDBII China-Russia border, tripoint to tripoint
    bnet = Network(gmt_segments(["-N1"]), snap_km=1.0)
    border = clean(bnet.path(MN_TRIPOINT, KP_TRIPOINT))
    border[0], border[-1] = r6(MN_TRIPOINT), r6(KP_TRIPOINT)
    border = clean(border)
    # Abagaitu: the border is cut at point 7/1 of the 2004 agreement (the WDBII line, pre-2004, runs
    # south of the island there) and at point 8, where the channel north of the island rejoins it;
    # between them the pre-2004 line is its own feature, out of force from the 2004 agreement
    p7_1 = r6(gauss_krueger_to_lonlat(*POINT_7_1_GK))
    p7_2 = r6(gauss_krueger_to_lonlat(*POINT_7_2_GK))
    kyakhta, rest, gap_p7_1 = split_at(border, p7_1)
    anet = Network([s for lev in (1, 2, 3, 4) for s in gmt_segments([f"-I{lev}"], (117.6, 118.3, 49.4, 49.75))])
    north = clean(anet.path(p7_2, ABAGAITU_NORTH_END))
    gap_p7_2 = hav(north[0], p7_2)
    rest_line = LineString(rest)
    k = next(i for i, p in enumerate(north) if i > 3 and rest_line.distance(Point(p)) < 0.004)
    north = north[:k]  # stop before the channel reaches the border
    j = nearest_index(rest, north[-1])
    abagaitu_channel, rest = rest[: j + 1], rest[j:]
    abagaitu_2004 = clean([kyakhta[-1], p7_2] + north + [abagaitu_channel[-1]])
    gap_abagaitu = min(hav(c, ABAGAITU) for c in abagaitu_channel)
    # the channel west of 7/2, back up to where it leaves the border: with the border from there to
    # 7/1 it closes the western part of the islet (for the de facto layer only; no line is made of it)
    west = clean(anet.path(p7_2, ABAGAITU_WEST_END))
    jw = nearest_index(kyakhta, west[-1])
    assert west[0] == north[0]  # both leave 7/2 from the same channel vertex
    islet = clean(kyakhta[jw:] + abagaitu_channel[1:] + north[::-1] + west[1:])
    print(f"Abagaitu islet ring: west channel {length_km(west):.1f} km, {hav(west[0], p7_2):.2f} km from 7/2, "
          f"{hav(west[-1], kyakhta[jw]):.2f} km join to the border; simple: {LineString(islet + [islet[0]]).is_simple}")
    print(f"Abagaitu 2004: 7/1 at {p7_1} ({gap_p7_1:.2f} km from the border vertex), 7/2 at {p7_2} ({gap_p7_2:.2f} km from "
          f"the north channel), point 8 at {abagaitu_channel[-1]} ({hav(north[-1], abagaitu_channel[-1]):.2f} km join); "
          f"line {length_km(abagaitu_2004):.1f} km, pre-2004 channel {length_km(abagaitu_channel):.1f} km")
    argun, rest, gap_conf = split_at(rest, CONFLUENCE)
    amur_upper, rest, gap_kh = split_at(rest, KAZAKEVICHEVA)
    # WDBII makes a 0.6 km excursion east of the junction and doubles back: drop it so the lines do not cross
    if not LineString(amur_upper[-3:] + rest[1:4]).is_simple:
        amur_upper = amur_upper[:-1] + [rest[2]]
        rest = rest[2:]
    ussuri, rest, gap_su = split_at(rest, SUNGACHA_MOUTH)
    sungacha, rest, gap_ko = split_at(rest, KHANKA_OUTLET)
    khanka, land, gap_tur = split_at(rest, TUR_MOUTH)
    # the Kazakevicheva channel reach (pre-2004 line south of Tarabarov and Bolshoy Ussuriysky) is its
    # own line, so that the 2004 agreement can take it out of force
    amur_upper, kazakevicheva, gap_p10 = split_at(amur_upper, POINT_10)
    conf = argun[-1]
    kh = kazakevicheva[-1]
    print(f"border cuts (km from named point): Abagaitu {gap_abagaitu:.1f}, confluence {gap_conf:.1f}, "
          f"point 10 {gap_p10:.2f}, Kazakevicheva {gap_kh:.1f}, Sungacha {gap_su:.1f}, Khanka outlet {gap_ko:.1f}, Tur {gap_tur:.1f}")

    # ---- Natural Earth named rivers (anchors) and WDBII river network
    ne_riv = {}
    for f in ne_features("ne_10m_rivers_lake_centerlines"):
        ne_riv.setdefault(f["properties"]["name"], []).extend(parts_of(f["geometry"]))
    rsegs = []
    for lev in (1, 2, 3, 4):
        rsegs += gmt_segments([f"-I{lev}"])
    rnet = Network(rsegs)

    # Shilka from the Gorbitsa mouth to the confluence (WDBII), ending on the border's confluence vertex
    shilka_full = clean(rnet.path(ne_riv["Shilka"][0][0], CONFLUENCE))
    k = nearest_index(shilka_full, GORBITSA_MOUTH)
    shilka = shilka_full[k:]
    gap_shilka_conf = hav(shilka[-1], conf)
    shilka = clean(shilka[:-1] + [conf])
    gorbitsa_mouth = shilka[0]
    print(f"shilka: {len(shilka)} vertices, mouth of Gorbitsa at {gorbitsa_mouth} "
          f"({hav(gorbitsa_mouth, GORBITSA_MOUTH):.1f} km from estimate); confluence gap {gap_shilka_conf:.2f} km")

    # Uda (WDBII), mouth cut at the coast
    uda_ne = linemerge([LineString(p) for p in ne_riv["Uda"]])
    uda = clean(rnet.path(uda_ne.coords[0], uda_ne.coords[-1]))
    if uda[0][0] > uda[-1][0]:
        uda = uda[::-1]

    # Crest
    crest, crest_elev = derive_crest(uda, coast)
    crest = clean(crest)
    crest, coast, gap_crest_coast = attach(crest, coast, at_end=True)
    print(f"crest: {len(crest)} vertices, {length_km(crest):.0f} km, ends {gap_crest_coast:.1f} km from coast, "
          f"elevation min/median/max {min(crest_elev):.0f}/{np.median(crest_elev):.0f}/{max(crest_elev):.0f} m")

    # Gorbitsa: hand-digitised from the mouth due north to the crest (see README)
    gsrc_i = nearest_index(crest, GORBITSA_SOURCE)
    crest = crest[gsrc_i:]
    gorbitsa_source = crest[0]
    mid = [(gorbitsa_mouth[0] + (gorbitsa_source[0] - gorbitsa_mouth[0]) * t + 0.02 * math.sin(t * math.pi),
            gorbitsa_mouth[1] + (gorbitsa_source[1] - gorbitsa_mouth[1]) * t) for t in (0.25, 0.5, 0.75)]
    gorbitsa = clean([gorbitsa_mouth] + mid + [gorbitsa_source])
    print(f"gorbitsa: source at {gorbitsa_source}, {hav(gorbitsa_source, GORBITSA_SOURCE):.1f} km from estimate, "
          f"length {length_km(gorbitsa):.0f} km")

    # Uda: cut at the coast, upstream end joined to the nearest crest vertex
    uda, hit = cut_at_first_crossing(uda, LineString(coast))
    uda = clean(uda)
    uda, coast, gap_uda = attach(uda, coast, at_end=True)
    ci = nearest_index(crest, uda[0])
    uda_connector = clean([crest[ci], uda[0]])
    print(f"uda: {len(uda)} vertices, {length_km(uda):.0f} km, mouth gap {gap_uda:.2f} km; connector {length_km(uda_connector):.1f} km")

    # Amur below Khabarovsk: Natural Earth (WDBII draws two banks here), from the border's Khabarovsk vertex
    amur_ne = [p for p in ne_riv["Amur"]]
    amur_low = linemerge([LineString(p) for p in amur_ne])
    parts = [amur_low] if amur_low.geom_type == "LineString" else list(amur_low.geoms)
    amur_low = list(max(parts, key=lambda g: g.length).coords)
    if amur_low[0][0] > amur_low[-1][0]:
        amur_low = amur_low[::-1]
    k = nearest_index(amur_low, KHABAROVSK)
    # from the Kazakevicheva junction down the lower Ussuri (east of Bolshoy Ussuriysky) to the Amur at Khabarovsk
    lower_ussuri = clean(rnet.path(kh, amur_low[k]))
    gap_amur_kh = length_km(lower_ussuri)
    # below Nikolayevsk the Natural Earth line stops; the last reach runs straight through the estuary to the mouth
    amur_low = clean([kh] + lower_ussuri[1:-1] + amur_low[k:] + [AMUR_MOUTH])
    amur_low, hit = cut_at_first_crossing(amur_low, LineString(coast))
    amur_low = clean(amur_low)
    amur_low, coast, gap_amur_mouth = attach(amur_low, coast, at_end=True)
    print(f"amur below Khabarovsk: {len(amur_low)} vertices, {length_km(amur_low):.0f} km, lower Ussuri reach {gap_amur_kh:.1f} km, "
          f"mouth {amur_low[-1]} gap {gap_amur_mouth:.2f} km")

    # The 2004 line (Complementary Agreement, art. 1): down the Amur's main channel from point 10 to
    # 10/1, south along the perpendicular to 10/2 on Bolshoy Ussuriysky, then (straight, due south:
    # see data/README.md) across the island to the Ussuri arm below the Kazakevicheva junction.
    p10_2 = r6(gauss_krueger_to_lonlat(*POINT_10_2_GK))
    channel, p10_1 = amur_main_channel(amur_upper[-1], p10_2[0])
    reach = LineString(amur_low[: len(lower_ussuri)])
    hit = reach.intersection(LineString([p10_2, (p10_2[0], p10_2[1] - 0.5)]))
    arm, amur_low, gap_arm = split_at(amur_low, (hit.x, hit.y))
    heixiazi = clean(channel + [p10_1, p10_2, arm[-1]])
    print(f"2004 line: point 10/2 at {p10_2}, 10/1 at {p10_1}; meets the Ussuri {length_km(arm):.1f} km below the "
          f"Kazakevicheva junction (vertex {gap_arm:.2f} km from due south); {len(heixiazi)} vertices, {length_km(heixiazi):.1f} km")
    transfer_2004_report(heixiazi, kazakevicheva, arm, ussuri)
    control = control_areas(amur_upper, kazakevicheva, arm, amur_low, heixiazi, ussuri, islet)

    # Tumen (WDBII): the tripoint on the border splits it into China-Korea and Russia-Korea
    tumen = clean(rnet.path(ne_riv["Tumen"][0][0], ne_riv["Tumen"][0][-1]))
    if tumen[0][0] > tumen[-1][0]:
        tumen = tumen[::-1]
    tl = LineString(tumen)
    k = next(i for i, p in enumerate(land) if tl.distance(Point(p)) < 0.003)  # first land-line vertex on the Tumen
    land = land[: k + 1]
    tumen_cn, tumen_ru, gap_tp = split_at(tumen, land[-1])
    tumen_cn = clean(tumen_cn[:-1] + [land[-1]])
    tumen_ru = clean([land[-1]] + tumen_ru[1:])
    tumen_ru, hit = cut_at_first_crossing(tumen_ru, LineString(coast))
    tumen_ru, coast, gap_tm = attach(clean(tumen_ru), coast, at_end=True)
    # the China-Korea part: from where it enters the frame's southern edge
    cl = LineString(tumen_cn).intersection(frame_box)
    cl = [list(g.coords) for g in getattr(cl, "geoms", [cl]) if g.geom_type == "LineString"]
    tumen_cn = clean(max(cl, key=len))
    tumen_cn[0] = onto_frame(tumen_cn[0])
    tumen_cn = clean(tumen_cn)
    print(f"tumen: tripoint gap {gap_tp:.2f} km, Russia-Korea {length_km(tumen_ru):.0f} km to the sea (gap {gap_tm:.2f}), "
          f"China-Korea from {tumen_cn[0]}")

    # Mongolia's borders (Natural Earth), ends snapped to the WDBII tripoint and clipped to the frame
    def ne_pair(a, b, min_lon=110):
        segs = []
        for f in ne_features("ne_10m_admin_0_boundary_lines_land"):
            p = f["properties"]
            if {p.get("adm0_left"), p.get("adm0_right")} == {a, b}:
                segs += [s for s in parts_of(f["geometry"]) if max(c[0] for c in s) > min_lon]
        merged = linemerge([LineString(s) for s in segs])
        geoms = [merged] if merged.geom_type == "LineString" else list(merged.geoms)
        return geoms

    def from_tripoint(geoms, clip):
        g = min(geoms, key=lambda g: min(hav(g.coords[0], MN_TRIPOINT), hav(g.coords[-1], MN_TRIPOINT)))
        cs = list(g.coords)
        if hav(cs[-1], MN_TRIPOINT) < hav(cs[0], MN_TRIPOINT):
            cs = cs[::-1]
        gap = hav(cs[0], MN_TRIPOINT)
        cs = [r6(MN_TRIPOINT)] + cs[1:]
        cl = LineString(cs).intersection(clip)
        cl = [list(x.coords) for x in getattr(cl, "geoms", [cl]) if x.geom_type == "LineString"]
        cs = next(c for c in cl if r6(c[0]) == r6(MN_TRIPOINT))
        cs[-1] = onto_frame(cs[-1]) if clip is frame_box else (W_CHINA, cs[-1][1])
        return clean(cs), gap

    # China-Mongolia (Natural Earth) as far as the covered area in China reaches (W_CHINA), then
    # the edge of the covered area in China: the meridian W_CHINA south to the frame
    mn_cn, gap2 = from_tripoint(ne_pair("China", "Mongolia"), box(W_CHINA, S, E, N))
    assert mn_cn[-1][0] == W_CHINA, mn_cn[-1]
    china_west = clean([mn_cn[-1], (W_CHINA, S)])
    print(f"mongolia: China line {len(mn_cn)} v (gap {gap2:.1f} km) ends {mn_cn[-1]}; edge in China down {W_CHINA}E")

    # The Kyakhta (Bura) line of 1727, west of the tripoint: the WDBII Mongolia-Russia boundary (the
    # modern line, which follows the 1727 markers here: see data/README.md) from the tripoint to the
    # frame's west edge. Shortest path on the WDBII border network from the tripoint to its
    # westernmost vertex in 49-52N (103E, the edge of what is read), cut at the frame.
    mnet = Network(gmt_segments(["-N1"], (W - 2.5, W_CHINA + 2.5, 47, 54)), snap_km=1.0)
    band = mnet.nodes[(mnet.nodes[:, 1] > 49) & (mnet.nodes[:, 1] < 52)]
    far_west = band[int(np.argmin(band[:, 0]))]
    mr = clean(mnet.path(MN_TRIPOINT, (float(far_west[0]), float(far_west[1]))))
    gap_mr = hav(mr[0], MN_TRIPOINT)
    mr[0] = r6(MN_TRIPOINT)
    cl = LineString(mr).intersection(frame_box)
    cl = [list(x.coords) for x in getattr(cl, "geoms", [cl]) if x.geom_type == "LineString"]
    assert len(cl) == 1, "the Mongolia-Russia line leaves and re-enters the frame"
    kyakhta_1727 = clean(cl[0])
    kyakhta_1727[-1] = onto_frame(kyakhta_1727[-1])
    kyakhta_1727 = clean(kyakhta_1727)
    assert kyakhta_1727[0] == r6(MN_TRIPOINT) and kyakhta_1727[-1][0] == W, (kyakhta_1727[0], kyakhta_1727[-1])
    # accuracy: how far the WDBII line lies from Natural Earth's Mongolia-Russia line (both ways, in
    # a local plane, km), over the part inside the frame
    ne_mr = shapely.MultiLineString([list(g.coords) for g in ne_pair("Mongolia", "Russia", W - 2.5)]).intersection(box(W, S, E, N))
    ne_parts = [g for g in getattr(ne_mr, "geoms", [ne_mr]) if g.geom_type == "LineString"]
    def off_km(pts, other):
        out = []
        for x, y in pts:
            q = shapely.ops.nearest_points(other, Point(x, y))[0]
            out.append(hav((x, y), (q.x, q.y)))
        return np.array(out)
    wd = LineString(kyakhta_1727)
    d1 = off_km(kyakhta_1727, ne_mr)
    d2 = off_km([c for g in ne_parts for c in g.coords], wd)
    mr_acc = {"wdb_to_ne_median_km": round(float(np.median(d1)), 2), "wdb_to_ne_p95_km": round(float(np.percentile(d1, 95)), 2),
              "wdb_to_ne_max_km": round(float(d1.max()), 2), "ne_to_wdb_max_km": round(float(d2.max()), 2)}
    print(f"kyakhta_1727: {len(kyakhta_1727)} v, {length_km(kyakhta_1727):.1f} km, tripoint gap {gap_mr:.2f} km, ends {kyakhta_1727[-1]}; "
          f"Natural Earth line in {len(ne_parts)} part(s), {sum(length_km(list(g.coords)) for g in ne_parts):.1f} km; WDBII vertices from NE: median {mr_acc['wdb_to_ne_median_km']} km, "
          f"95% {mr_acc['wdb_to_ne_p95_km']} km, max {mr_acc['wdb_to_ne_max_km']} km; NE vertices from WDBII: max {mr_acc['ne_to_wdb_max_km']} km")
    for name, q in (("Kyakhta", KYAKHTA), ("Altanbulag", ALTANBULAG)):
        r = wd.interpolate(wd.project(Point(q)))
        print(f"  {name} {q}: {hav(q, (r.x, r.y)):.2f} km {'north' if q[1] > r.y else 'south'} of the line")

    # ---- the frame: the rectangle with every line end that lies on it inserted, counter-clockwise
    on_frame = [coast[0], coast[-1], tumen_cn[0], kyakhta_1727[-1], china_west[-1]]
    def perimeter_pos(p):
        x, y = p
        if y == S and x < E: return x - W
        if x == E and y < N: return (E - W) + (y - S)
        if y == N and x > W: return (E - W) + (N - S) + (E - x)
        return 2 * (E - W) + (N - S) + (N - y)
    corners = [(W, S), (E, S), (E, N), (W, N)]
    # densified every 0.1 degree so that geodesic edges follow the parallels (areas on the ellipsoid)
    steps = [(W + 0.1 * i, S) for i in range(1, int(round((E - W) * 10)))] + \
            [(E, S + 0.1 * i) for i in range(1, int(round((N - S) * 10)))] + \
            [(W + 0.1 * i, N) for i in range(1, int(round((E - W) * 10)))] + \
            [(W, S + 0.1 * i) for i in range(1, int(round((N - S) * 10)))]
    ring = sorted(set(map(r6, corners + on_frame + steps)), key=perimeter_pos)
    frame = ring + [ring[0]]

    # ---- reference lines (not part of the territories)
    ne_modern = []
    for f in ne_features("ne_10m_admin_0_boundary_lines_land"):
        p = f["properties"]
        if {p.get("adm0_left"), p.get("adm0_right")} == {"Russia", "China"}:
            ne_modern += [s for s in parts_of(f["geometry"]) if max(c[0] for c in s) > 110]
    modern = linemerge([LineString(s) for s in ne_modern])
    modern = [list(g.coords) for g in ([modern] if modern.geom_type == "LineString" else modern.geoms)]
    lakes = stitch(gmt_segments(["-W", "-A0/2/2"]))
    khanka_ring = max((l for l in lakes if LineString(l).distance(Point(132.4, 45.0)) < 0.7), key=len)

    # ---------------------------------------------------------------- features
    A = "Aigun 1858 art. 1; Peking 1860 art. 1"
    feats = []

    def add(fid, name, name_ru, name_zh, role, src, acc, method, cs, kind="border", extra=None):
        s = SRC[src]
        props = {"id": fid, "name": name, "name_ru": name_ru, "name_zh": name_zh, "role": role, "kind": kind,
                 "source": s[0], "licence": s[1], "attribution": s[2], "accuracy_km": acc, "method": method,
                 "vertices": len(cs), "length_km": round(length_km(cs), 1)}
        props.update(extra or {})
        feats.append({"type": "Feature", "properties": props,
                      "geometry": {"type": "LineString", "coordinates": [list(c) for c in cs]}})

    add("argun", "Argun", "Аргунь", "额尔古纳河", "Nerchinsk 1689 art. 1: Argun, south bank Qing, north bank Russia; still the border", "wdb", 1.0,
        "extracted: WDBII border, point 8 (below Abagaitu) to the Shilka confluence", argun)
    add("shilka_lower", "Shilka (Gorbitsa mouth to the Argun)", "Шилка", "石勒喀河", "Nerchinsk 1689: north bank Qing, south bank Russia, until Aigun 1858", "wdb", 1.0,
        "extracted: WDBII river network, shortest path", shilka)
    add("gorbitsa", "Gorbitsa (Little Gorbitsa, the Kerbechi of the Latin text)", "Горбица (Малая)", "格尔必齐河", "Nerchinsk 1689 art. 1: from its mouth to its source", "hand", 10.0,
        "digitised by hand: straight from the mouth at Gorbitsa village to the crest; see README", gorbitsa)
    add("stanovoy_crest", "Crest of the Stanovoy range (Outer Khingan) to the sea", "Становой хребет", "外兴安岭", "Nerchinsk 1689 art. 1: rivers flowing south Qing, north Russia", "etopo", 10.0,
        "derived: ETOPO5 priority-flood divide, WDBII rivers burned in; Arctic+Uda vs the rest of the Pacific", crest,
        extra={"elevation_median_m": round(float(np.median(crest_elev)))})
    add("uda", "Uda", "Уда", "乌第河", "Nerchinsk 1689 (Russian text): north edge of the land left undetermined", "wdb", 1.0,
        "extracted: WDBII river network, shortest path between Natural Earth ends", uda)
    add("uda_connector", "Uda source to the crest", "", "", "Nerchinsk 1689: closes the undetermined zone in the west", "hand", 10.0,
        "derived: straight line from the Uda's upstream end to the nearest crest vertex", uda_connector)
    add("kyakhta_east", "Frontier west of the Argun (Abagaitu to the Mongolian tripoint)", "", "", "Bura/Kyakhta 1727 (possession frontier before it)", "wdb", 1.0,
        "extracted: WDBII border, the Mongolian tripoint to the vertex nearest point 7/1 (2004)", kyakhta)
    add("abagaitu_channel", "Argun south of Abagaitu islet (Bolshoy island), point 7/1 to point 8", "Аргунь (протока)", "额尔古纳河",
        "Nerchinsk 1689 art. 1 as drawn before 2004 (WDBII): the island on the Russian side; out of force from the 2004 agreement",
        "wdb", 1.0, "extracted: WDBII border, the vertex nearest point 7/1 to where the channel north of the island rejoins it",
        abagaitu_channel)
    add("abagaitu_2004", "2004 line at Abagaitu: 7/1 north across the island to 7/2, down the north channel to point 8", "", "阿巴该图洲渚",
        "Complementary Agreement 2004 art. 1 (points 7/1, 7/2, 8): the eastern part of Abagaitu islet to China", "hand", 1.0,
        "digitised by hand: straight from the border vertex nearest 7/1 to 7/2 (treaty grid coordinates, Pulkovo-1942), then "
        "the WDBII channel north of the island (level 3 river) to the border vertex nearest its end; see README", abagaitu_2004)
    add("amur_upper", "Amur (Argun confluence to the Ussuri)", "Амур", "黑龙江", "Aigun 1858 art. 1: left bank Russia, right bank Qing", "wdb", 1.0,
        "extracted: WDBII border (pre-1991 cartography)", amur_upper)
    add("kazakevicheva_channel", "Kazakevicheva channel (Fuyuan channel), Amur to the Ussuri", "протока Казакевичева", "抚远水道",
        "Aigun 1858 / Peking 1860 as drawn before 2004: Bolshoy Ussuriysky and Tarabarov on the Russian side; out of force from the 2004 agreement",
        "wdb", 1.0, "extracted: WDBII border (pre-1991 cartography), point 10 to the Ussuri", kazakevicheva)
    add("ussuri_below_kazakevicheva", "Ussuri (Kazakevicheva junction to the 2004 line)", "Уссури", "乌苏里江",
        "Aigun 1858: part of the Amur-Ussuri line to the sea until Peking 1860; the border again from the 2004 agreement", "wdb", 1.0,
        "extracted: WDBII river network, shortest path", arm)
    add("amur_lower", "Amur (Ussuri mouth to the sea)", "Амур", "黑龙江", "Aigun 1858 art. 1: left bank Russia, right bank held in common until Peking 1860", "ne", 2.0,
        "extracted: Natural Earth 10m centreline (WDBII has only two banks here)", amur_low)
    add("heixiazi_2004", "2004 line: Amur main channel, then across Bolshoy Ussuriysky (Heixiazi)", "", "黑瞎子岛",
        "Complementary Agreement 2004 art. 1 (points 10, 10/1, 10/2): Tarabarov and the western part of Bolshoy Ussuriysky to China", "hand", 2.0,
        "digitised by hand: midline of the WDBII Amur banks from point 10 to 10/1, then due south through 10/2 "
        "(treaty grid coordinates, Pulkovo-1942) to the Ussuri; see README", heixiazi)
    add("ussuri", "Ussuri", "Уссури", "乌苏里江", A, "wdb", 1.0, "extracted: WDBII border", ussuri)
    add("sungacha", "Sungacha", "Сунгача", "松阿察河", A, "wdb", 1.0, "extracted: WDBII border", sungacha)
    add("khanka_crossing", "Across Lake Khanka", "через озеро Ханка", "兴凯湖", "Peking 1860 art. 1: crosses the lake to the Belen-he (Tur)", "wdb", 1.0,
        "extracted: WDBII border", khanka)
    add("peking_land_line", "Land line from Lake Khanka to the Tumen", "", "", "Peking 1860 art. 1 and 1861 protocol: mountains to the Tumen", "wdb", 1.0,
        "extracted: WDBII border", land)
    add("tumen_korea_russia", "Tumen (tripoint to the sea)", "Туманная", "图们江", "Russia-Korea boundary; edge of the covered area", "wdb", 1.0,
        "extracted: WDBII river network", tumen_ru, kind="edge")
    add("tumen_korea_china", "Tumen (China-Korea)", "Туманная", "图们江", "China-Korea boundary; edge of the covered area", "wdb", 1.0,
        "extracted: WDBII river network, clipped to the frame", tumen_cn, kind="edge")
    add("kyakhta_1727", "Kyakhta (Bura) line, Mongolian tripoint west to 105.5E", "Буринский трактат 1727", "布连斯奇条约",
        "Bura 1727 / Kyakhta 1727 art. 3: north side Russia, south side the Qing (Mongolia); edge of the covered area (Mongolia is not covered)",
        "wdb", 2.0, "extracted: WDBII border, shortest path from the Mongolian tripoint west, clipped to the frame; "
        "the modern Mongolia-Russia line, taken to follow the 1727 markers (see README)", kyakhta_1727,
        extra=dict(coverage_edge=True, **mr_acc))
    add("mongolia_china", "Mongolia-China boundary", "", "", "edge of the covered area", "ne", 2.0,
        f"extracted: Natural Earth boundary lines, clipped to {W_CHINA}E", mn_cn, kind="edge")
    add("china_west_edge", f"Meridian {W_CHINA}E in China (Xilingol)", "", "", "edge of the covered area in China: west of it only the Russian side is covered",
        "frame", 0.0, f"defined: the meridian {W_CHINA}E from the China-Mongolia line south to the frame", china_west, kind="edge")
    add("coast", "Mainland coast (Sea of Japan, Tatar Strait, Sea of Okhotsk)", "", "", "coast: closes the land", "gshhg", 0.2,
        "extracted: GSHHG full-resolution shoreline, stitched and clipped to the frame", coast, kind="coast")
    add("frame", "Edge of the covered area", "", "", f"frame {W}..{E} E, {S}..{N} N", "frame", 0.0,
        "defined", frame, kind="frame")

    ref = []
    def addref(fid, name, role, src, acc, method, cs):
        s = SRC[src]
        ref.append({"type": "Feature", "properties": {"id": fid, "name": name, "role": role, "kind": "reference",
                    "source": s[0], "licence": s[1], "attribution": s[2], "accuracy_km": acc, "method": method,
                    "vertices": len(cs), "length_km": round(length_km(cs), 1)},
                    "geometry": {"type": "LineString", "coordinates": [list(c) for c in cs]}})
    for i, m in enumerate(sorted(modern, key=len, reverse=True)):
        addref(f"modern_border_{i}", "China-Russia boundary today", "reference: Natural Earth modern boundary", "ne", 2.0,
               "extracted: Natural Earth 10m boundary lines", clean(m))
    addref("khanka_shore", "Lake Khanka shoreline", "reference: the lake the 1860 line crosses", "gshhg", 0.2,
           "extracted: GSHHG level-2 lake shoreline", clean(khanka_ring))
    # Great Gorbitsa (Amazar) reading: the Amazar mouth on the Amur, from Natural Earth where present
    # Great Gorbitsa (Amazar) reading: neither Natural Earth nor WDBII levels 1-4 has the Amazar
    # (a WDBII shortest path runs along the Shilka instead), so it is a hand-digitised straight line
    addref("great_gorbitsa_amazar", "Great Gorbitsa (Amazar), alternative reading", "alternative reading of Nerchinsk 1689 art. 1",
           "hand", 15.0, "digitised by hand: straight from the mouth on the Amur to Amazar settlement [est]; the course is not in any dataset here",
           clean([AMAZAR_MOUTH, AMAZAR_UP]))

    check_topology([f["geometry"]["coordinates"] for f in feats], [f["properties"]["id"] for f in feats])
    for f in control:
        ring = f["geometry"]["coordinates"][0]
        assert shapely.geometry.Polygon(ring).is_valid and ring[0] == ring[-1], f["properties"]["id"]

    os.makedirs(DATA, exist_ok=True)
    write(os.path.join(DATA, "lines.geojson"), feats)
    write(os.path.join(DATA, "reference.geojson"), ref)
    write(os.path.join(DATA, "control.geojson"), control)
    picture(feats, ref)
    table(feats + ref)
    control_table(control)
    return 0


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


def write(path, feats):
    fc = {"type": "FeatureCollection", "features": feats}
    with open(path, "w") as f:
        json.dump(fc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {os.path.relpath(path, ROOT)} ({os.path.getsize(path) // 1024} KiB)")


def picture(feats, ref):
    import matplotlib
    matplotlib.use("Agg")
    matplotlib.rcParams["svg.hashsalt"] = "nerchinsk"
    import matplotlib.pyplot as plt
    colours = {"argun": "#b2182b", "shilka_lower": "#ef8a62", "gorbitsa": "#ef8a62", "stanovoy_crest": "#d6604d",
               "uda": "#f4a582", "uda_connector": "#f4a582", "amur_upper": "#2166ac", "amur_lower": "#4393c3",
               "ussuri": "#1a9850", "sungacha": "#1a9850", "khanka_crossing": "#1a9850", "peking_land_line": "#1a9850",
               "kyakhta_east": "#762a83", "kyakhta_1727": "#9970ab", "kazakevicheva_channel": "#2166ac", "ussuri_below_kazakevicheva": "#1a9850",
               "heixiazi_2004": "#e7298a", "abagaitu_channel": "#b2182b", "abagaitu_2004": "#e7298a"}
    fig, ax = plt.subplots(figsize=(11, 8), dpi=100)
    for f in ref:
        cs = np.array(f["geometry"]["coordinates"])
        ax.plot(cs[:, 0], cs[:, 1], color="#999999", lw=0.6, ls=":", zorder=1)
    for f in feats:
        p = f["properties"]
        cs = np.array(f["geometry"]["coordinates"])
        if p["kind"] in ("coast", "frame", "edge"):
            ax.plot(cs[:, 0], cs[:, 1], color="#555555" if p["kind"] == "coast" else "#aaaaaa", lw=0.7, zorder=2)
        else:
            ax.plot(cs[:, 0], cs[:, 1], color=colours.get(p["id"], "k"), lw=1.8, zorder=3, label=p["id"])
    ax.set_aspect(1 / math.cos(math.radians(50)))
    ax.set_xlim(W - 0.3, E + 0.3)
    ax.set_ylim(S - 0.3, N + 0.3)
    ax.legend(loc="lower right", fontsize=7)
    ax.set_title("nerchinsk data: treaty lines (colour), coast and edges (grey), reference lines (dotted)")
    ax.grid(lw=0.2)
    fig.tight_layout()
    fig.savefig(os.path.join(DATA, "overview.png"), metadata={"Software": None})
    print("wrote data/overview.png")


def table(feats):
    rows = ["| id | kind | vertices | length km | accuracy km | method | source | licence |", "|---|---|---|---|---|---|---|---|"]
    for f in feats:
        p = f["properties"]
        rows.append(f"| {p['id']} | {p['kind']} | {p['vertices']} | {p['length_km']} | {p['accuracy_km']} | {p['method']} | {p['source']} | {p['licence']} |")
    path = os.path.join(DATA, "README.md")
    text = open(path).read() if os.path.exists(path) else "<!-- features -->\n<!-- /features -->\n"
    a, b = text.index("<!-- features -->"), text.index("<!-- /features -->")
    text = text[: a] + "<!-- features -->\n" + "\n".join(rows) + "\n" + text[b:]
    with open(path, "w") as f:
        f.write(text)
    print("updated the feature table in data/README.md")


if __name__ == "__main__":
    sys.exit(main())
