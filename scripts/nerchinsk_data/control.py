"""The de facto layer (data/control.geojson): areas held against the de jure answer."""
import shapely.geometry
from shapely.geometry import Point

from .geometry import nearest_index, r6, sinu_km2
from .places import KHABAROVSK, ZHENBAO
from .control_regions import Regions
from .control_wars import civil_war_1946, manchukuo_and_1945, occupation_1900, russian_civil_war
from .sources import amur_banks

SIMPLIFY_DEG = 0.01

ZEYA_MOUTH = (127.535, 50.245)        # Zeya mouth at Blagoveshchensk (Blagoveshchensk 50.25N 127.533E, wikizero)
HORMOLDZIN = (127.70, 49.65)          # [est] the Amur opposite Hormoldzin (Sunwu county), 140-150 li below the Zeya
# [est] inland edge of the Sixty-Four Villages, drawn so that the area is the published 3,600 km2
SIXTY_FOUR_INLAND = [(128.22, 49.70), (128.22, 50.10), (127.95, 50.42), (127.62, 50.45)]


def control_areas(lines, islet, all_lines):
    """Polygons of de facto control that differ from the de jure answer. Each applies only where
    the de jure status is `de_jure` (or anywhere for "any"), between `from` (inclusive) and `to`
    (exclusive); the first that applies wins. See data/CONTROL.md for every source.
    `lines`: the treaty lines by id (those around the islands are used); `islet`: the ring around
    Abagaitu islet (Border.islet); `all_lines`: every line of data/lines.geojson by id (to cut the
    regions, control_regions.py)."""
    amur_upper, amur_low, heixiazi = lines["amur_upper"], lines["amur_lower"], lines["heixiazi_2004"]
    kazakevicheva, arm = lines["kazakevicheva_channel"], lines["ussuri_below_kazakevicheva"]
    out = []

    def area(*, id, name, controller, de_jure, start, end, reason, source, accuracy_km, method, ring=None, poly=None,
             claimed_by=""):
        """One area; its polygon is `ring` (lon/lat) or a shapely `poly`, simplified to 0.01 degree
        (about 1 km, within every area's accuracy) and written with its holes."""
        if poly is None:
            rings = [ring]
        else:
            p = poly.simplify(SIMPLIFY_DEG, preserve_topology=True)
            rings = [list(r.coords) for r in [p.exterior] + list(p.interiors)]
        done = []
        for k, r in enumerate(rings):
            r = [r6(c) for c in r]
            r = [c for i, c in enumerate(r) if i == 0 or c != r[i - 1]]
            if r[0] != r[-1]:
                r = r + [r[0]]
            if shapely.geometry.LinearRing(r).is_ccw != (k == 0):
                r = r[::-1]  # RFC 7946: exterior rings counter-clockwise, holes clockwise
            done.append(r)
        km2 = sinu_km2(done[0]) - sum(sinu_km2(h) for h in done[1:])
        out.append({"type": "Feature", "properties": {
            "id": id, "name": name, "controller": controller, "claimed_by": claimed_by, "de_jure": de_jure,
            "from": start, "to": end, "reason": reason, "source": source, "accuracy_km": accuracy_km, "method": method,
            "area_km2": round(km2, 1)},
            "geometry": {"type": "Polygon", "coordinates": [[list(c) for c in r] for r in done]}})

    # Zhenbao / Damansky: a box of the island's size (1.7 x 0.5 km) around its coordinate, widened to
    # the line's accuracy so that it reaches across the Ussuri line the data draw
    zx, zy = ZHENBAO
    dz = [(zx - 0.02, zy - 0.012), (zx + 0.02, zy - 0.012), (zx + 0.02, zy + 0.012), (zx - 0.02, zy + 0.012)]
    zsrc = ("46.48556N 133.84444E, 0.74 km2 (en.wikipedia Zhenbao Island, via hubbry.com/Damansky_Island); "
            "Soviet border guards kept it until the clashes of 2-17 March 1969, then denied it to both sides by fire; "
            "ordered to cease fire on 10 Sep 1969, after which Chinese troops landed and stayed (D. S. Ryabushkin, "
            "Mify Damanskogo, 2004, rulit.me excerpt p. 89; bibliboba.online Khroniki Damanskogo p. 91)")
    area(id="zhenbao_soviet",
         name="Zhenbao (Damansky), held by Soviet border guards",
         controller="russia", de_jure="any", start="1951-01-01", end="1969-03-02",
         reason="held by Soviet border guards under the Soviet reading of the 1860/1861 line (along the Chinese bank); claimed by China (thalweg)",
         source=zsrc + "; start: the 1951 Sino-Soviet agreement on navigation on the border rivers, under which Soviet border guards kept the rivers (low confidence)",
         accuracy_km=1.0,
         method="digitised by hand: box around the island's coordinate",
         ring=dz,
         claimed_by="china")
    area(id="zhenbao_contested",
         name="Zhenbao (Damansky), fought over",
         controller="contested", de_jure="any", start="1969-03-02", end="1969-09-10",
         reason="contested: after the clashes neither side held it; Soviet fire kept Chinese troops off",
         source=zsrc,
         accuracy_km=1.0,
         method="digitised by hand: box around the island's coordinate",
         ring=dz,
         claimed_by="russia, china")
    area(id="zhenbao_chinese",
         name="Zhenbao (Damansky), held by China",
         controller="china", de_jure="any", start="1969-09-10", end="1992-03-16",
         reason="held by China from the ceasefire of 10 Sep 1969; claimed by the USSR/Russia until the 1991 agreement took effect",
         source=zsrc,
         accuracy_km=1.0,
         method="digitised by hand: box around the island's coordinate",
         ring=dz,
         claimed_by="russia")

    # Bolshoy Ussuriysky and Tarabarov: everything between the Amur's main channel, the Kazakevicheva
    # channel and the Ussuri to its mouth at Khabarovsk
    banks = amur_banks()
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
    area(id="heixiazi_held",
         name="Bolshoy Ussuriysky (Heixiazi) and Tarabarov (Yinlong), held by the USSR/Russia",
         controller="russia", de_jure="any", start="1929-12-22", end="2008-10-14",
         reason="held by the USSR/Russia since the 1929 conflict over the Chinese Eastern Railway (the Khabarovsk Protocol of "
                "22 Dec 1929 ended it; the islands stayed Soviet), claimed by China until the 2004 agreement; the western part "
                "and Tarabarov handed over on 14 Oct 2008",
         source="en.wikipedia Sino-Soviet conflict (1929) (Soviet occupation of the whole island until 2004); Khabarovsk Protocol "
                "22 Dec 1929 (history.state.gov FRUS 1929 v. II d397); 1929 occupation not accepted by China (wikisum.wiki Bolshoy "
                "Ussuriysky Island); handover ceremony 14 Oct 2008 (Xinhua via 9x1x.cn/article/jnpeoc)",
         accuracy_km=1.0,
         method="derived: the lines of data/lines.geojson around the islands and the midline of the WDBII Amur banks",
         ring=ring,
         claimed_by="china")

    # Abagaitu islet (Bolshoy island) on the Argun: the whole islet between the channels and the border
    # at its west end, both parts (like Bolshoy Ussuriysky): China claimed all of it
    area(id="abagaitu_held",
         name="Abagaitu islet (Bolshoy island), held by the USSR/Russia",
         controller="russia", de_jure="any", start="1929-12-22", end="2008-10-14",
         reason="held by the USSR/Russia since the 1929 conflict over the Chinese Eastern Railway, on the Russian side of the "
                "channel that had opened south of it after 1911; claimed by China until the 2004 agreement, which gave the eastern "
                "part to China (handed over with the rest of the eastern section, the line completed on 14 Oct 2008)",
         source="occupied by the USSR in 1929, not accepted by China (en.wikipedia Abagaitu Islet); originally Chinese, a channel "
                "south of it after the 1911 Manzhouli boundary treaty (满洲里界约), Soviet-held from 1929, claimed by every Chinese government, "
                "split 34.54/23.02 km2 after the 2008 demarcation (pediainside.com 阿巴该图洲渚); the islet's markers set in "
                "2006-2007 (nbnewpower.cn 2008-08-28, from Banyuetan); start: the Khabarovsk Protocol of 22 Dec 1929 that ended "
                "the conflict (history.state.gov FRUS 1929 v. II d397), the day unknown; end: the boundary marker ceremony of "
                "14 Oct 2008 completing the eastern section (hljszw.org.cn 黑瞎子岛勘界)",
         accuracy_km=1.0,
         method="derived: the lines of data/lines.geojson around the islet (the pre-2004 channel and the 2004 line's north "
                "channel) and the WDBII channel west of point 7/2 back to the border",
         ring=islet,
         claimed_by="china")

    # The Sixty-Four Villages: the Amur's left bank from the Zeya mouth to opposite Hormoldzin
    i0, i1 = nearest_index(amur_upper, ZEYA_MOUTH), nearest_index(amur_upper, HORMOLDZIN)
    ring = amur_upper[i0: i1 + 1] + SIXTY_FOUR_INLAND + [amur_upper[i0]]
    area(id="sixty_four_villages",
         name="Sixty-Four Villages East of the River (Zazeysky district)",
         controller="china", de_jure="russia", start="1858-05-28", end="1900-07-17",
         reason="Russian sovereignty (Aigun art. 1), but the Manchu, Daur and Han villagers kept their homes under Qing "
                "jurisdiction; expelled and the villages burned by Russian forces in July 1900",
         source="Aigun art. 1 (chinaforeignrelations.net/node/204): Manchu inhabitants from the Zeya to Hormoldzin keep their "
                "dwellings under the Manchu government; extent 'from the Zeya mouth south to opposite Hormoldzin, 140-150 li "
                "north-south, 50-80 li east-west, 3,600 km2' (m.ciyu8.com 江东六十四屯; blog.sina.com.cn/s/blog_616c456c0100fi7i); "
                "representative point 50.100N 127.683E and 3,600 km2 (en.wikipedia Sixty-Four Villages East of the River); "
                "July 1900 expulsion (history.md: chaos.owiki.org; docslib.org/doc/10717109)",
         accuracy_km=15.0,
         method="derived: the amur_upper line from the Zeya mouth to opposite Hormoldzin [est], closed by a hand-digitised "
                "inland edge [est] sized to the published area",
         ring=ring)

    # The wars, in the order in which they must be tried (data/CONTROL.md, "Order"); see control_wars.py
    regions = Regions(all_lines)
    occupation_1900(area, regions)
    russian_civil_war(area, regions)
    manchukuo_and_1945(area, regions)
    civil_war_1946(area, regions)
    for f in out:
        p = f["properties"]
        print(f"control {p['id']}: {p['area_km2']} km2, {p['from']} to {p['to']}")
    return out

