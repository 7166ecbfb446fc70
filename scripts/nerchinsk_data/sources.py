"""The sources (Debian packages), their licences and attributions, and the readers for them."""
import json
import os
import subprocess

from shapely.geometry import LineString
from shapely.ops import linemerge

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "data")
NE10 = "/usr/share/magics/10m"
ETOPO = "/usr/share/ferret-vis/data/etopo5.cdf"

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
    "bridge": ("Defined by nerchinsk: a connector through the sea", "CC0-1.0", "nerchinsk contributors"),
}


def run(cmd):
    return subprocess.run(cmd, capture_output=True, check=True).stdout



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



def amur_banks():
    """The Amur's two banks around Bolshoy Ussuriysky: WDBII draws the river there as its banks
    (level 0), not as a centreline."""
    return [LineString(b) for b in stitch(gmt_segments(["-I0"], (134.0, 135.3, 48.1, 48.7)))]


def ne_pair(a, b, min_lon=110):
    """Natural Earth's land boundary between countries a and b (parts reaching east of min_lon),
    merged: a list of LineStrings."""
    segs = []
    for f in ne_features("ne_10m_admin_0_boundary_lines_land"):
        p = f["properties"]
        if {p.get("adm0_left"), p.get("adm0_right")} == {a, b}:
            segs += [s for s in parts_of(f["geometry"]) if max(c[0] for c in s) > min_lon]
    merged = linemerge([LineString(s) for s in segs])
    geoms = [merged] if merged.geom_type == "LineString" else list(merged.geoms)
    return geoms
