#!/usr/bin/env python3
"""Build data/taiwan.geojson (the Taiwan region's islands and frame), data/taiwan_lines.geojson
(the same shoreline as lines, in the format of data/lines.geojson), data/taiwan_control.geojson
(the region's de facto layer) and the measured-area table in data/TAIWAN.md from the GSHHG
full-resolution shoreline (Debian gmt-gshhg-full). data/taiwan_timeline.json is written by hand.

Run through scripts/build_taiwan.sh, which installs what this needs. Deterministic: the same
packages give the same bytes."""
import os
import sys

from nerchinsk_data.output import write
from nerchinsk_data.sources import DATA, SRC, gmt_segments, stitch
from nerchinsk_data.taiwan import E, N, S, W, closed_rings, features, group_islands, named_areas, polygon_area_km2
from nerchinsk_data.taiwan_lines import REGIONS, build as build_lines
from nerchinsk_data import taiwan_control
from taiwan_check import check_lines, check_region

# Published figures beside the measured ones: (row, measured key, published km2, source); the
# sources are cited in full in data/TAIWAN.md.
PUBLISHED = [
    ("Taiwan, main island", "Taiwan (main island)", "35,808", "Wikipedia, Taiwan"),
    ("Penghu, all islands", "feature:penghu", "126.864 / 141.052", "Penghu County, de.wikipedia / en.wikipedia"),
    ("Greater Kinmen (four townships)", "Greater Kinmen", "134.453", "township areas, zh.wikipedia"),
    ("Lesser Kinmen (Lieyu island)", "Lesser Kinmen (Lieyu)", "16.003", "Kinmen County Civil Affairs Dept."),
    ("Dadan", "Dadan", "0.79", "Kinmen County Civil Affairs Dept."),
    ("Erdan", "Erdan", "0.28", "Kinmen County Civil Affairs Dept."),
    ("Wuqiu", "feature:wuqiu", "1.2 / 2.6", "township areas, zh.wikipedia / older zh.wikipedia"),
    ("Kinmen County (Kinmen + Wuqiu)", "feature:kinmen+wuqiu", "151.656 / 150.456", "zh.wikipedia / en.wikipedia"),
    ("Matsu (Lienchiang County)", "feature:matsu", "28.8 / 29.6055", "sum of township areas, zh.wikipedia / en.wikipedia"),
    ("Nangan township (Nangan and its islets)", "Nangan+islet off Nangan (east)+islet off Nangan (north)"
     "+islet off Nangan (north-west)", "10.4", "township area, zh.wikipedia"),
    ("Beigan township (Beigan, Gaodeng, Daqiu, Xiaoqiu, Liang and islets)", "Beigan+Gaodeng+Daqiu (Matsu)"
     "+Xiaoqiu (Matsu)+islet off Daqiu+islet east of Beigan+Liang Island", "9.9", "township area, zh.wikipedia"),
    ("Juguang township (Dongju, Xiju and islets)", "Dongju+Xiju+islet off Dongju+islet between Dongju and Xiju",
     "4.7", "township area, zh.wikipedia"),
    ("Dongyin township (Dongyin, Xiyin)", "Dongyin+Xiyin", "3.8", "township area, zh.wikipedia"),
    ("Green Island", "feature:green_island", "15.092 (high tide) / 17.329 (low tide)", "en.wikipedia"),
    ("Orchid Island (with Lesser Orchid)", "feature:orchid_island", "45 / 45.7 (main island)", "en.wikipedia / indigenous.pristine.net"),
    ("All islands of the region", "total", "about 36,000 / 36,197", "countriesquest.com / en.wikipedia"),
]


def area_table(feats, named):
    by_id = {f["properties"]["id"]: f["properties"]["area_km2"] for f in feats}

    def measured(key):
        if key == "total":
            return sum(v for k, v in by_id.items() if k != "frame")
        if key.startswith("feature:"):
            return sum(by_id[k] for k in key[len("feature:"):].split("+"))
        return sum(named[k] for k in key.split("+"))
    rows = ["| island or group | measured km² | published km² | published by |", "|---|---:|---:|---|"]
    for label, key, pub, src in PUBLISHED:
        rows.append(f"| {label} | {measured(key):,.2f} | {pub} | {src} |")
    return rows


def replace_block(path, tag, rows):
    text = open(path).read()
    a, b = text.index(f"<!-- {tag} -->"), text.index(f"<!-- /{tag} -->")
    text = text[:a] + f"<!-- {tag} -->\n" + "\n".join(rows) + "\n" + text[b:]
    with open(path, "w") as f:
        f.write(text)


def main():
    segs = gmt_segments(["-W", "-A0/1/1"], (W, E, S, N))
    rings, open_lines = closed_rings(stitch(segs))
    print(f"taiwan: {len(rings)} closed rings in the frame, {len(open_lines)} lines cut by its edge")
    groups, left = group_islands(rings)
    for reason in sorted({r for r, _ in left}):
        print(f"  left out, {reason}: {sum(1 for r, _ in left if r == reason)}")
    feats = features(groups, SRC["gshhg"], SRC["frame"])
    check_region(feats)
    cross_check_pyproj(feats)
    write(os.path.join(DATA, "taiwan.geojson"), feats)
    for f in feats:
        p = f["properties"]
        print(f"  {p['id']}: {p['islands']} islands, {p['vertices']} vertices, {p['area_km2']} km2")
    replace_block(os.path.join(DATA, "TAIWAN.md"), "areas", area_table(feats, named_areas(groups)))
    print("updated the area table in data/TAIWAN.md")
    write_lines(rings, open_lines, groups, left)
    taiwan_control.write(os.path.join(DATA, "taiwan.geojson"), os.path.join(DATA, "taiwan_control.geojson"))
    print("wrote data/taiwan_control.geojson")
    return 0


def write_lines(rings, open_lines, groups, left):
    """data/taiwan_lines.geojson, checked, and what the timeline will need to read it."""
    lines, points, faces, built = build_lines(rings, open_lines, groups, left)
    check_lines(lines, REGIONS)
    write(os.path.join(DATA, "taiwan_lines.geojson"), lines)
    kinds = {}
    for f in lines:
        p = f["properties"]
        key = p.get("region") or (p["kind"] if p["kind"] != "coast" else "cut by the frame")
        n, v = kinds.get(key, (0, 0))
        kinds[key] = (n + 1, v + p["vertices"])
    for key, (n, v) in kinds.items():
        print(f"  {key}: {n} lines, {v} vertices")
    print(f"  bridges {sum(km for *_, km in built):.0f} km, the longest {max(km for *_, km in built):.1f} km; "
          f"{len(faces)} land faces cut off by the frame")
    print("  region points for the timeline (km to the nearest line):")
    for kind, what, p, km in points:
        print(f"    {kind}: {what}: [{p[0]}, {p[1]}], {km:.2f} km")


def cross_check_pyproj(feats):
    """The areas a second way: pyproj's geodesic polygon area (Karney 2013), where installed."""
    try:
        from pyproj import Geod
    except ImportError:
        print("pyproj not installed: areas not cross-checked")
        return
    geod = Geod(ellps="WGS84")
    for f in feats:
        if f["properties"]["id"] == "frame":  # its edges are parallels, not geodesics
            continue
        g = f["geometry"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        ours = sum(polygon_area_km2(p) for p in polys)
        theirs = sum(geod.polygon_area_perimeter([c[0] for c in r], [c[1] for c in r])[0] / 1e6 * (1 if i == 0 else -1)
                     for p in polys for i, r in enumerate(p))
        if abs(ours - theirs) > 1e-5 * max(ours, 1.0):
            raise SystemExit(f"{f['properties']['id']}: area {ours} km2 here, {theirs} km2 by pyproj")
    print("areas agree with pyproj.Geod to 1e-5")


if __name__ == "__main__":
    sys.exit(main())
