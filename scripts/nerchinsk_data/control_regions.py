"""Regions for the de facto layer, cut from the lines of data/lines.geojson and Natural Earth's
admin-1 (province) boundary lines: the covered Chinese land, today's provinces on both sides, and
the few edges no dataset here has (hand-digitised, marked [est]). Sources in data/CONTROL.md."""
import math

import shapely.geometry
import shapely.ops
from shapely.geometry import LineString, Point, Polygon

from .sources import ne_features, parts_of

# The lines that split the covered area into the two sides of the post-1860 border, Mongolia,
# Korea, the uncovered Chinese land west of 115.5E and the sea.
SIDE_LINES = ("frame", "coast", "kyakhta_1727", "kyakhta_east", "abagaitu_channel", "argun", "amur_upper",
              "kazakevicheva_channel", "ussuri", "sungacha", "khanka_crossing", "peking_land_line",
              "tumen_korea_russia", "tumen_korea_china", "mongolia_china", "china_west_edge")

# Natural Earth admin-1 boundary lines used, by their `name` (left - right).
NE_PROVINCE_LINES = ("Heilongjiang - Jilin", "Jilin - Inner Mongol", "Inner Mongol - Heilongjiang",
                     "Jilin - Liaoning", "Inner Mongol - Liaoning",
                     "Chita - Buryat", "Chita - Irkutsk", "Sakha (Yakutia) - Chita", "Amur - Chita",
                     "Amur - Sakha (Yakutia)", "Khabarovsk - Amur", "Yevrey - Amur", "Yevrey - Khabarovsk",
                     "Khabarovsk - Primor'ye", "Sakha (Yakutia) - Khabarovsk", "Irkutsk - Buryat")

# A point inside each region, to pick the faces (lon, lat; the sources are the landmarks' in tests/control.rs)
PICK = {
    "china": (126.6409, 45.7576),         # Harbin (wikimili Harbin)
    "heilongjiang": (126.6409, 45.7576),  # Harbin
    "qiqihar": (123.9182, 47.3549),       # Qiqihar (en.wikipedia Qiqihar infobox, hessslslslsls.azureedge.net copy)
    "jilin": (125.3235, 43.8171),         # Changchun (hubbry.com Siege of Changchun infobox)
    "inner_mongolia": (119.736, 49.212),  # Hailar (en.wikipedia Hailar District)
    "zabaykalsky": (113.467, 52.05),      # Chita (en.wikipedia Chita, wiki3.en-us.nina.az copy)
    "amur_oblast": (128.1, 51.4),         # Svobodny, inland of the Amur (en.wikipedia infobox, oenc.net copy)
    "primorsky": (131.967, 43.8),         # Ussuriysk (piglix.com Ussuriysk)
}

# [est] Manchukuo's edge against Xilingol (Mengjiang, never in Manchukuo): no dataset here has the
# league boundaries of Inner Mongolia; drawn by eye from today's maps of the Xilingol-Hinggan and
# Xilingol-Chifeng boundaries, from the Mongolian border to the frame's south edge.
XILINGOL_EDGE = [(119.9, 46.7), (119.0, 45.2), (117.8, 44.0), (116.6, 42.9), (116.3, 42.25)]
# [est] Hulunbuir (Barga) against Hinggan league: the parallel 47.3N between the Mongolian border
# and the Inner Mongolia-Heilongjiang line (Hulunbuir's southern edge runs at 47.0-47.6N on today's maps).
HULUNBUIR_SOUTH = 47.3
# [est] Northern Jehol (the Ju Ud league: today's Chifeng and the west of Tongliao, with Kailu), the part of
# the 1933 province inside the frame: its northern and eastern edge, drawn by eye from today's maps
# (no dataset here has league or 1933 provincial boundaries); the frame closes it in the south and
# XILINGOL_EDGE in the west.
JEHOL_NORTH = [(115.0, 42.0), (121.9, 42.0), (121.9, 44.2), (121.2, 45.2), (120.2, 45.6), (119.3, 45.2),
               (118.4, 44.7), (117.5, 44.2), (115.0, 44.2)]
# [est] between the Japanese zone round Qiqihar (taken 19 Nov 1931) and the Harbin area (taken
# 5 Feb 1932) in Heilongjiang: the meridian 125.0E, between Qiqihar (123.9E) and Harbin (126.6E).
QIQIHAR_HARBIN = 125.0


def _extend(cs, km=20.0):
    """The line with both ends pushed out along their last segments, so that it crosses the lines of
    data/lines.geojson that Natural Earth's own (slightly different) country boundary stops short of;
    the overshoot dangles and polygonize drops it."""
    def push(a, b):
        dx, dy = b[0] - a[0], (b[1] - a[1])
        k = math.cos(math.radians(b[1]))
        d = math.hypot(dx * k, dy) * 111.2
        if d == 0:
            return b
        return (b[0] + dx * km / d, b[1] + dy * km / d)
    return [push(cs[1], cs[0])] + list(cs) + [push(cs[-2], cs[-1])]


def province_lines():
    """Natural Earth 10m admin-1 boundary lines named in NE_PROVINCE_LINES, extended at both ends."""
    out = {}
    for f in ne_features("ne_10m_admin_1_states_provinces_lines"):
        name = f["properties"].get("name")
        if name in NE_PROVINCE_LINES:
            out.setdefault(name, []).extend(parts_of(f["geometry"]))
    missing = set(NE_PROVINCE_LINES) - set(out)
    assert not missing, f"Natural Earth admin-1 lines not found: {missing}"
    merged = {}
    for name, parts in out.items():
        m = shapely.ops.linemerge([LineString(p) for p in parts])
        geoms = [m] if m.geom_type == "LineString" else list(m.geoms)
        merged[name] = [_extend(list(g.coords)) for g in geoms]
    return merged


def _faces(lines):
    noded = shapely.ops.unary_union([LineString(c) for c in lines])
    return list(shapely.ops.polygonize(noded))


def _pick(faces, p):
    hit = [f for f in faces if f.contains(Point(p))]
    assert len(hit) == 1, f"no single face contains {p}"
    return hit[0]


class Regions:
    """The covered Chinese land and today's provinces, as shapely polygons (lon/lat degrees)."""

    def __init__(self, lines):
        side = [lines[i] for i in SIDE_LINES]
        self.china = _pick(_faces(side), PICK["china"])
        provinces = [c for parts in province_lines().values() for c in parts]
        faces = _faces(side + provinces)
        self.face = {k: _pick(faces, p) for k, p in PICK.items() if k not in ("china", "qiqihar")}
        # the Chinese faces not picked (the strip of Liaoning north of 42.25N) go with Jilin
        rest = [f for f in faces if self.china.contains(f.representative_point())
                and not any(f.equals(g) for g in self.face.values())]
        # (slivers of under 0.1 square degree between Natural Earth's and WDBII's border are left out)
        rest = [f for f in rest if f.area > 0.1]
        self.face["jilin"] = union(self.face["jilin"], *rest)

    def xilingol(self):
        """[est] The covered land west of XILINGOL_EDGE (Xilingol), as a polygon to cut away."""
        west, north = 114.5, XILINGOL_EDGE[0][1]
        return Polygon(XILINGOL_EDGE + [(XILINGOL_EDGE[-1][0], 41.5), (west, 41.5), (west, north)])

    def inner_mongolia(self):
        """Today's Inner Mongolia inside the frame, less Xilingol [est]."""
        return _largest(self.face["inner_mongolia"].difference(self.xilingol()))

    def jehol(self):
        """[est] Northern Jehol: Inner Mongolia inside JEHOL_NORTH."""
        return _largest(self.inner_mongolia().intersection(Polygon(JEHOL_NORTH)))

    def hulunbuir(self):
        """[est] Hulunbuir (Barga): Inner Mongolia north of HULUNBUIR_SOUTH."""
        box = shapely.geometry.box(110.0, HULUNBUIR_SOUTH, 125.0, 54.0)
        return _largest(self.inner_mongolia().intersection(box))

    def heilongjiang(self, west=None):
        """Today's Heilongjiang; west=True/False: the piece round Qiqihar west of QIQIHAR_HARBIN [est], or
        the piece round Harbin east of it. (West of the meridian Heilongjiang is in two pieces; the
        northern one, the Greater Khingan, is in neither.)"""
        h = self.face["heilongjiang"]
        if west is None:
            return h
        box = shapely.geometry.box(110.0, 40.0, QIQIHAR_HARBIN, 60.0) if west else \
            shapely.geometry.box(QIQIHAR_HARBIN, 40.0, 145.0, 60.0)
        return _pick(list(getattr(g := h.intersection(box), "geoms", [g])), PICK["qiqihar" if west else "heilongjiang"])

    def manchukuo(self):
        """The covered Chinese land less Xilingol [est]."""
        return _largest(self.china.difference(self.xilingol()))


def _largest(g):
    parts = list(getattr(g, "geoms", [g]))
    return max(parts, key=lambda p: p.area)


def union(*polys):
    """One polygon from faces that share edges (closing hairline gaps of under 1e-6 degree)."""
    return _largest(shapely.ops.unary_union(list(polys)).buffer(1e-6, join_style=2).buffer(-1e-6, join_style=2))
