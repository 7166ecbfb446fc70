"""The de facto layer of the Taiwan region (data/taiwan_control.geojson): areas held against the
de jure answer, in the format of data/control.geojson. Sources in data/TAIWAN.md ("The timeline",
"Proposed answers")."""
import json

import shapely.geometry

from .geometry import r6, sinu_km2

# Boxes that hold one island group of data/taiwan.geojson and no other land of the region
# (checked by scripts/tests/test_taiwan.py): Penghu's islands lie in 119.31-119.72E,
# 23.19-23.76N, Kinmen's in 118.15-118.50E, 24.16-24.53N.
PENGHU_BOX = (119.25, 23.12, 119.78, 23.82)
KINMEN_BOX = (118.10, 24.10, 118.56, 24.58)

# The main island's ring widened by 0.02 degree (about 2 km), then simplified to 0.005 degree:
# it holds the whole island and the islets along its coast, and no other island group.
MAIN_METHOD = ("the main island's GSHHG ring (taiwan.geojson) widened by 0.02 degree and simplified to "
               "0.005 degree: it holds the whole island and the islets within about 2 km of its coast")


def _box(b):
    x0, y0, x1, y1 = b
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]


def control_areas(islands):
    """The areas, in the order they are tried (the first that applies wins). `islands`: the
    features of data/taiwan.geojson by id."""
    main = shapely.geometry.shape(islands["taiwan"]["geometry"])
    main_ring = list(main.buffer(0.02).simplify(0.005, preserve_topology=True).exterior.coords)
    out = []

    def area(ring, method, accuracy_km, **p):
        r = [r6(c) for c in ring]
        if not shapely.geometry.LinearRing(r).is_ccw:
            r = r[::-1]  # RFC 7946: exterior counter-clockwise
        props = dict(p)
        props.update({"accuracy_km": accuracy_km, "method": method, "area_km2": round(sinu_km2(r), 1)})
        out.append({"type": "Feature", "properties": props,
                    "geometry": {"type": "Polygon", "coordinates": [[list(c) for c in r]]}})

    box = "digitised by hand: a box around the island group, holding no other land of the region"
    area(_box(PENGHU_BOX), box, 0.0,
         id="penghu_french_1885", name="Penghu under French occupation",
         controller="France (Sino-French War)", claimed_by="china", de_jure="china",
         **{"from": "1885-03-31", "to": "1885-08-01"},
         reason="occupied by Admiral Courbet's squadron and marine infantry after the defeat of the Qing garrison on 31 Mar 1885, until July 1885 (the day of the evacuation was not found: the area runs to the month's end)",
         source="en.wikipedia Pescadores campaign (1885); danshuihistory.blogspot.com 2010/09 (data/TAIWAN.md, Qing)")
    area(_box(PENGHU_BOX), box, 0.0,
         id="penghu_japanese_1895", name="Penghu under Japanese occupation before the cession",
         controller="japan", claimed_by="china", de_jure="china",
         **{"from": "1895-03-24", "to": "1895-05-08"},
         reason="taken by Japanese troops on 23-24 Mar 1895, before the Treaty of Shimonoseki took effect (one popular source, not confirmed by a second)",
         source="laitimes.com (data/TAIWAN.md, Japan)")
    area(main_ring, MAIN_METHOD, 2.0,
         id="formosa_republic", name="The Republic of Formosa before the Japanese landings",
         controller="Republic of Formosa", claimed_by="japan", de_jure="japan",
         **{"from": "1895-05-23", "to": "1895-05-29"},
         reason="proclaimed on 23 May 1895 against the cession; the Japanese army landed near Keelung on 29 May",
         source="taipeitimes.com 2018/06/04; jacar.go.jp 18950529 (data/TAIWAN.md, Japan)")
    area(main_ring, MAIN_METHOD, 2.0,
         id="formosa_war_1895", name="The Japanese invasion of Taiwan, 1895",
         controller="contested (the Republic of Formosa and the Japanese army)", claimed_by="", de_jure="japan",
         **{"from": "1895-05-29", "to": "1895-10-21"},
         reason="fought over from the Japanese landing near Keelung (29 May 1895) until Tainan, the republic's last capital, fell (21 Oct 1895; 23 Oct in another source); the ground each side held week by week is not drawn, so the whole island is contested",
         source="jacar.go.jp 18950529; liquisearch.com, piglix.com; the-uncensored-wiki.com (data/TAIWAN.md, Japan)")
    area(_box(KINMEN_BOX), box, 0.0,
         id="kinmen_japanese", name="Kinmen under Japanese occupation",
         controller="japan", claimed_by="china", de_jure="china",
         **{"from": "1937-10-26", "to": "1945-10-10"},
         reason="taken by Japan on 26 Oct 1937 after a blockade from 3 Sep; the Republic of China's flag raised again on 10 Oct 1945 (the end is also given as November 1945)",
         source="taipeitimes.com 2022/10/23; chaiwanbenpost.net (data/TAIWAN.md, Japan)")
    return out


def write(islands_path, out_path):
    fc = json.load(open(islands_path))
    islands = {f["properties"]["id"]: f for f in fc["features"]}
    out = {"type": "FeatureCollection", "features": control_areas(islands)}
    with open(out_path, "w") as f:
        json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
