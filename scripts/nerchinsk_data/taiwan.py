"""The Taiwan region: the islands the Republic of China administers (Taiwan, Penghu, Kinmen,
Matsu, Green Island, Orchid Island and their islets), as polygons from the GSHHG full-resolution
shoreline, with geodesic areas. Writes data/taiwan.geojson; data/TAIWAN.md says why each choice.

The module's pure parts (rings, areas, which island goes where) need no GMT, so scripts/tests
can check them with shapely alone."""
import math

from shapely.geometry import Point, Polygon, box
from shapely.geometry.polygon import orient

from .geometry import clean

# The frame, lon/lat degrees: Taiwan and every ROC-administered island but Pratas (116.7E) and
# Itu Aba (Taiping, 114.4E); the Diaoyu/Senkaku islands (123.5E) stay outside on purpose.
W, E, S, N = 118.0, 123.0, 21.5, 26.5
# Islands smaller than this (GSHHG area) are left out: see data/TAIWAN.md.
MIN_KM2 = 0.1

# WGS84
A_KM, F = 6378.137, 1 / 298.257223563

GSHHG = "gshhg"  # key of sources.SRC
ACCURACY_KM = 0.5
METHOD = ("extracted: GSHHG 2.3.7 full-resolution level-1 shoreline, bin pieces stitched into rings, "
          f"islands of at least {MIN_KM2} km2 inside the frame, grouped as in data/TAIWAN.md")

# The groups, in the order they are written: id, name, name_zh.
GROUPS = [
    ("taiwan", "Taiwan (main island, Formosa)", "臺灣本島"),
    ("taiwan_islets", "Islets off Taiwan: Keelung Islet, Pengjia, Mianhua, Huaping, the sandbars off Changhua, "
     "Yunlin, Chiayi and Tainan, and other coastal islets", "臺灣附屬島嶼"),
    ("guishan", "Guishan Island (Turtle Island)", "龜山島"),
    ("xiaoliuqiu", "Xiaoliuqiu (Lambai)", "小琉球"),
    ("green_island", "Green Island (Lüdao)", "綠島"),
    ("orchid_island", "Orchid Island (Lanyu) and Lesser Orchid Island", "蘭嶼"),
    ("penghu", "Penghu (Pescadores)", "澎湖群島"),
    ("kinmen", "Kinmen (Quemoy): Greater and Lesser Kinmen and their islets", "金門"),
    ("wuqiu", "Wuqiu (Ockseu), a township of Kinmen County", "烏坵"),
    ("matsu", "Matsu islands (Lienchiang County)", "馬祖列島"),
]
GROUP_OF_FEATURE = {"wuqiu": "kinmen"}  # the feature wuqiu belongs to the group kinmen

# Where each group is, beyond the main island (the largest polygon): a window (W, E, S, N) and, for
# the groups beside the Chinese coast, the islands named one by one (a point inside each, read
# from the GSHHG polygons and checked against the coordinates in data/TAIWAN.md). Every other
# island of the frame is outside the region: the PRC's (Xiamen, Gulangyu, the Dadeng islands,
# Pingtan, Nanri, Meizhou, the islands off Lianjiang and Xiapu), and the Fujian mainland.
PENGHU = (119.0, 120.0, 23.0, 24.0)  # the Treaty of Shimonoseki's own definition, art. 2(c)
WINDOWS = {
    "guishan": (121.90, 122.00, 24.80, 24.90),
    "xiaoliuqiu": (120.33, 120.40, 22.30, 22.37),
    "green_island": (121.45, 121.52, 22.62, 22.70),
    "orchid_island": (121.48, 121.65, 21.90, 22.10),
}
# East of 120.0E and south of 25.8N every island but those above is an islet off Taiwan; the
# only other land there, Yonaguni (Japan), is cut by the frame's east edge and so never a ring.
TAIWAN_SIDE = (120.0, E, S, 25.8)
NAMED = {
    "kinmen": [
        ("Greater Kinmen", "大金門", (118.382, 24.4567)),
        ("Lesser Kinmen (Lieyu)", "小金門 (烈嶼)", (118.2431, 24.4304)),
        ("Dadan", "大膽島", (118.1589, 24.3912)),
        ("Erdan", "二膽島", (118.1543, 24.3804)),
        ("islet between Lesser Kinmen and Dadan", "", (118.1897, 24.3973)),
        ("Fuxing Islet", "復興嶼", (118.230326, 24.403526)),
        ("Beiding", "北碇", (118.5008, 24.4312)),
        ("islet off Greater Kinmen's south-east coast", "", (118.4558, 24.4137)),
        ("islet off Greater Kinmen's north-east coast", "", (118.4355, 24.5243)),
        ("Dongding", "東碇", (118.2301, 24.1614)),
    ],
    "wuqiu": [
        ("Daqiu (Wuqiu)", "大坵 (烏坵)", (119.4514, 24.9894)),
        ("Xiaoqiu (Wuqiu)", "小坵 (烏坵)", (119.4715, 24.981)),
        ("islet of Wuqiu", "", (119.4721, 24.9767)),
    ],
    "matsu": [
        ("Nangan", "南竿", (119.9504, 26.1562)),
        ("Beigan", "北竿", (119.9735, 26.2146)),
        ("Gaodeng", "高登", (119.9875, 26.2754)),
        ("Daqiu (Matsu)", "大坵", (120.0012, 26.2448)),
        ("Xiaoqiu (Matsu)", "小坵", (120.0141, 26.2333)),
        ("islet off Daqiu", "", (120.0154, 26.2518)),
        ("islet east of Beigan", "", (120.0506, 26.2204)),
        ("Liang Island", "亮島", (120.2198, 26.3431)),
        ("Dongyin", "東引", (120.4903, 26.3773)),
        ("Xiyin", "西引", (120.4727, 26.3865)),
        ("Dongju", "東莒", (119.9781, 25.9581)),
        ("Xiju", "西莒", (119.9404, 25.9743)),
        ("islet off Dongju", "", (119.9671, 25.9433)),
        ("islet between Dongju and Xiju", "", (119.9789, 25.9721)),
        ("islet off Nangan (east)", "", (119.9723, 26.1654)),
        ("islet off Nangan (north)", "", (119.9454, 26.1733)),
        ("islet off Nangan (north-west)", "", (119.9185, 26.1846)),
    ],
}

# Landmarks (lon, lat) and the feature each lies on; sources in data/TAIWAN.md.
LANDMARKS = [
    ("Taipei", "taiwan", (121.5167, 25.0667)),          # 25°04′N 121°31′E
    ("Tainan", "taiwan", (120.1833, 22.9833)),          # 22°59′N 120°11′E
    ("Kaohsiung", "taiwan", (120.2975, 22.6150)),       # 22°36′54″N 120°17′51″E
    ("Magong", "penghu", (119.5833, 23.5667)),          # 23°34′N 119°35′E
    ("Jincheng (Kinmen)", "kinmen", (118.3167, 24.4000)),  # 24°24′N 118°19′E
    ("Nangan (Matsu)", "matsu", (119.9333, 26.1500)),   # 26°09′N 119°56′E
    ("Green Island", "green_island", (121.4833, 22.6667)),  # 22°40′N 121°29′E
    ("Orchid Island", "orchid_island", (121.5333, 22.0500)),  # 22°03′N 121°32′E
]


# ------------------------------------------------------------------ areas on the ellipsoid
def _q(phi):
    """The authalic function q(phi) of the ellipsoid (Snyder 1987, eq. 3-12)."""
    e = math.sqrt(F * (2 - F))
    s = math.sin(phi)
    return (1 - e * e) * (s / (1 - e * e * s * s) - math.log((1 - e * s) / (1 + e * s)) / (2 * e))


def _equal_area_xy(lon, lat):
    """Lambert's cylindrical equal-area projection of the WGS84 ellipsoid, km (Snyder 1987,
    eqs. 10-15, 10-16 with phi_s = 0): a planar area there is the area on the ellipsoid."""
    return A_KM * math.radians(lon), A_KM * _q(math.radians(lat)) / 2


def ellipsoid_area_km2(ring):
    """Area on the WGS84 ellipsoid (km2) of a ring of (lon, lat) degrees, with edges taken as
    straight in the equal-area projection above. For the dense GSHHG rings (vertices tens of metres
    apart) this is the geodesic area to better than 1e-6; build_taiwan.py checks it against
    pyproj.Geod where pyproj is installed. Positive for a counter-clockwise ring."""
    xy = [_equal_area_xy(x, y) for x, y in ring]
    return sum(xy[i][0] * xy[i + 1][1] - xy[i + 1][0] * xy[i][1] for i in range(len(xy) - 1)) / 2


def polygon_area_km2(rings):
    """Area of a GeoJSON polygon's rings (exterior first, holes after), km2."""
    return abs(ellipsoid_area_km2(rings[0])) - sum(abs(ellipsoid_area_km2(r)) for r in rings[1:])


# ------------------------------------------------------------------ which island is whose
def closed_rings(lines):
    """Split stitched shoreline pieces into closed rings and lines left open (cut by the frame)."""
    rings = [l for l in lines if len(l) > 3 and tuple(l[0]) == tuple(l[-1])]
    return rings, [l for l in lines if not (len(l) > 3 and tuple(l[0]) == tuple(l[-1]))]


def inside(window, p):
    w, e, s, n = window
    return w <= p.x <= e and s <= p.y <= n


def group_islands(rings):
    """Sort closed rings (lists of (lon, lat), first == last) into the region's features.

    Returns ({feature id: [ring, ...]}, [(reason, ring), ...] for the rings left out). The main
    island is the largest ring; a named island is the ring that contains its point."""
    out = {g: [] for g, _, _ in GROUPS}
    left = []
    named = {name: (fid, Point(p)) for fid, rows in NAMED.items() for name, _, p in rows}
    found = set()
    by_area = sorted(((abs(ellipsoid_area_km2(r)), r) for r in rings), key=lambda ar: -ar[0])
    for i, (area, r) in enumerate(by_area):
        poly = Polygon(r)
        if i == 0:
            out["taiwan"].append(r)
            continue
        if area < MIN_KM2:
            left.append(("smaller than the minimum", r))
            continue
        hit = [(name, fid) for name, (fid, p) in named.items() if poly.contains(p)]
        if len(hit) > 1:
            raise SystemExit(f"one ring holds several named islands: {hit}")
        rp = poly.representative_point()
        if hit:
            out[hit[0][1]].append(r)
            found.add(hit[0][0])
        elif inside(PENGHU, rp):
            out["penghu"].append(r)
        elif any(inside(wnd, rp) for wnd in WINDOWS.values()):
            out[next(g for g, wnd in WINDOWS.items() if inside(wnd, rp))].append(r)
        elif inside(TAIWAN_SIDE, rp):
            out["taiwan_islets"].append(r)
        else:
            left.append(("not ROC-administered (Fujian coast)", r))
    missing = sorted(set(named) - found)
    if missing:
        raise SystemExit(f"named islands not found in the shoreline: {missing}")
    return out, left


# ------------------------------------------------------------------ GeoJSON
def ccw_rings(ring):
    """A ring rounded to 6 decimals without repeated vertices or spikes (`geometry.clean`), closed
    and counter-clockwise."""
    out = clean(ring)
    if out[0] != out[-1]:
        out.append(out[0])
    p = orient(Polygon(out), 1.0)
    if not p.is_valid:
        raise SystemExit(f"ring near {out[0]} is not valid after rounding")
    return [[list(c) for c in p.exterior.coords]]


def feature(fid, name, name_zh, group, polygons, src, accuracy_km, method):
    source, licence, attribution = src
    polygons = sorted(polygons, key=lambda rings: -polygon_area_km2(rings))
    geom = ({"type": "Polygon", "coordinates": polygons[0]} if len(polygons) == 1
            else {"type": "MultiPolygon", "coordinates": polygons})
    props = {"id": fid, "name": name, "name_zh": name_zh, "group": group, "source": source,
             "licence": licence, "attribution": attribution, "accuracy_km": accuracy_km, "method": method,
             "islands": len(polygons), "vertices": sum(len(r) for rings in polygons for r in rings),
             "area_km2": round(sum(polygon_area_km2(rings) for rings in polygons), 3)}
    return {"type": "Feature", "properties": props, "geometry": geom}


def frame_rings():
    return [[list(c) for c in orient(box(W, S, E, N), 1.0).exterior.coords]]


def features(groups, src_gshhg, src_frame):
    """The region's features: one per group in GROUPS order, then the frame."""
    feats = []
    for fid, name, zh in GROUPS:
        polys = [ccw_rings(r) for r in groups[fid]]
        feats.append(feature(fid, name, zh, GROUP_OF_FEATURE.get(fid, fid), polys, src_gshhg, ACCURACY_KM, METHOD))
    feats.append(feature("frame", "The Taiwan region's frame", "", "frame", [frame_rings()], src_frame, 0.0,
                         "defined: the edge of the covered area, see data/TAIWAN.md"))
    return feats


def named_areas(groups):
    """km2 of each named island (the ring containing its point), for the table in data/TAIWAN.md."""
    out = {}
    for fid, rows in NAMED.items():
        for name, _, p in rows:
            r = next(r for r in groups[fid] if Polygon(r).contains(Point(p)))
            out[name] = abs(ellipsoid_area_km2(r))
    out["Taiwan (main island)"] = abs(ellipsoid_area_km2(groups["taiwan"][0]))
    return out
