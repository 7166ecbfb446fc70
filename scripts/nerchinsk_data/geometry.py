"""Geometry on lon/lat polylines: distances, cleaning, cutting and joining, the river and border
network, and the Gauss-Krueger grid the 2004 agreement prints its points in."""
import math

import numpy as np
import shapely.ops
from shapely.geometry import LineString, Point, Polygon

from .places import E, N, S, W


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


def onto_frame(p):
    """Move p onto the nearest edge of the frame (along that edge's normal)."""
    x, y = p
    dists = {"W": abs(x - W), "E": abs(x - E), "S": abs(y - S), "N": abs(y - N)}
    k = min(dists, key=dists.get)
    return (W if k == "W" else E if k == "E" else x, S if k == "S" else N if k == "N" else y)


class Coast:
    """The mainland coast, south to north. Lines that reach the sea end on one of its vertices:
    each is attached in turn, inserting its end into the coast."""

    def __init__(self, coords):
        self.coords = coords

    def line(self):
        return LineString(self.coords)

    def attach(self, cs):
        """End cs on the coast (see attach). Returns (new cs, gap km)."""
        cs, self.coords, gap = attach(cs, self.coords, at_end=True)
        return cs, gap


def sinusoidal(cs):
    """Sinusoidal projection (km): x = R lon cos(lat), y = R lat is equal-area on the authalic sphere."""
    R = 6371.0072  # authalic radius, km
    return [(R * math.radians(x) * math.cos(math.radians(y)), R * math.radians(y)) for x, y in cs]


def sinu_km2(ring):
    return Polygon(sinusoidal(ring)).area
