"""The lines of data/lines.geojson and data/reference.geojson, one function per family of lines,
each returning its features in the order they are written."""
import math

import numpy as np
import shapely
import shapely.ops
from shapely.geometry import LineString, Point, box
from shapely.ops import linemerge

from .crest import derive_crest
from .feature import Feature
from .geometry import Network, clean, cut_at_first_crossing, hav, length_km, nearest_index, onto_frame, r6, split_at
from .heixiazi import heixiazi_2004, transfer_2004_report
from .manzhouli import kyakhta_east_1727
from .places import (ALTANBULAG, AMAZAR_MOUTH, AMAZAR_UP, AMUR_MOUTH, CONFLUENCE, GORBITSA_MOUTH,
                     GORBITSA_SOURCE, KHABAROVSK, KYAKHTA, MN_TRIPOINT, W_CHINA, ZHENBAO_CHANNEL_ENDS,
                     ZHENBAO_WEST_CHANNEL, E, N, S, W)
from .sources import gmt_segments, ne_pair, stitch

AIGUN_PEKING = "Aigun 1858 art. 1; Peking 1860 art. 1"


# ------------------------------------------------------------------ Nerchinsk 1689
def nerchinsk_1689(border, rivers, coast):
    """The Argun, the Shilka up to the Gorbitsa, the Gorbitsa, the crest of the Stanovoy range to
    the sea, and the Uda that bounds the land the treaty left undetermined. The crest and the Uda
    are attached to the coast."""
    conf = border.argun[-1]

    # Shilka from the Gorbitsa mouth to the confluence (WDBII), ending on the border's confluence vertex
    shilka_full = clean(rivers.net.path(rivers.named["Shilka"][0][0], CONFLUENCE))
    k = nearest_index(shilka_full, GORBITSA_MOUTH)
    shilka = shilka_full[k:]
    gap_shilka_conf = hav(shilka[-1], conf)
    shilka = clean(shilka[:-1] + [conf])
    gorbitsa_mouth = shilka[0]
    print(f"shilka: {len(shilka)} vertices, mouth of Gorbitsa at {gorbitsa_mouth} "
          f"({hav(gorbitsa_mouth, GORBITSA_MOUTH):.1f} km from estimate); confluence gap {gap_shilka_conf:.2f} km")

    # Uda (WDBII), between the ends of Natural Earth's Uda; the crest derivation needs its course
    uda_ne = linemerge([LineString(p) for p in rivers.named["Uda"]])
    uda = clean(rivers.net.path(uda_ne.coords[0], uda_ne.coords[-1]))
    if uda[0][0] > uda[-1][0]:
        uda = uda[::-1]

    # Crest
    crest, crest_elev = derive_crest(uda, coast.coords)
    crest = clean(crest)
    crest, gap_crest_coast = coast.attach(crest)
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
    uda, hit = cut_at_first_crossing(uda, coast.line())
    uda = clean(uda)
    uda, gap_uda = coast.attach(uda)
    ci = nearest_index(crest, uda[0])
    uda_connector = clean([crest[ci], uda[0]])
    print(f"uda: {len(uda)} vertices, {length_km(uda):.0f} km, mouth gap {gap_uda:.2f} km; connector {length_km(uda_connector):.1f} km")

    return [
        Feature(id="argun", name="Argun", name_ru="Аргунь", name_zh="额尔古纳河",
                role="Nerchinsk 1689 art. 1: Argun, south bank Qing, north bank Russia; still the border",
                source="wdb", accuracy_km=1.0,
                method="extracted: WDBII border, point 8 (below Abagaitu) to the Shilka confluence",
                coords=border.argun),
        Feature(id="shilka_lower", name="Shilka (Gorbitsa mouth to the Argun)", name_ru="Шилка", name_zh="石勒喀河",
                role="Nerchinsk 1689: north bank Qing, south bank Russia, until Aigun 1858",
                source="wdb", accuracy_km=1.0,
                method="extracted: WDBII river network, shortest path",
                coords=shilka),
        Feature(id="gorbitsa", name="Gorbitsa (Little Gorbitsa, the Kerbechi of the Latin text)",
                name_ru="Горбица (Малая)", name_zh="格尔必齐河",
                role="Nerchinsk 1689 art. 1: from its mouth to its source",
                source="hand", accuracy_km=10.0,
                method="digitised by hand: straight from the mouth at Gorbitsa village to the crest; see README",
                coords=gorbitsa),
        Feature(id="stanovoy_crest", name="Crest of the Stanovoy range (Outer Khingan) to the sea",
                name_ru="Становой хребет", name_zh="外兴安岭",
                role="Nerchinsk 1689 art. 1: rivers flowing south Qing, north Russia",
                source="etopo", accuracy_km=10.0,
                method="derived: ETOPO5 priority-flood divide, WDBII rivers burned in; Arctic+Uda vs the rest of the Pacific",
                coords=crest,
                extra={"elevation_median_m": round(float(np.median(crest_elev)))}),
        Feature(id="uda", name="Uda", name_ru="Уда", name_zh="乌第河",
                role="Nerchinsk 1689 (Russian text): north edge of the land left undetermined",
                source="wdb", accuracy_km=1.0,
                method="extracted: WDBII river network, shortest path between Natural Earth ends",
                coords=uda),
        Feature(id="uda_connector", name="Uda source to the crest",
                role="Nerchinsk 1689: closes the undetermined zone in the west",
                source="hand", accuracy_km=10.0,
                method="derived: straight line from the Uda's upstream end to the nearest crest vertex",
                coords=uda_connector),
    ]


# ------------------------------------------------------------------ west of the Argun: the frontier and Abagaitu
def frontier_and_abagaitu(border):
    """The border from the Mongolian tripoint to the head of the Argun, and at Abagaitu islet the
    channels around it and the 2004 line (cut by border.abagaitu). The line before 2004 runs on
    the channels west and north of the islet, the Argun's course before a channel was cut south of
    it (the islet was Chinese land: see data/README.md); the WDBII border's course south of it is
    no line of these data."""
    return [
        Feature(id="kyakhta_east", name="Frontier west of the Argun before 1911 (Abagaitu to the Mongolian tripoint)",
                role="Bura 1727 / Abagaitu letter (markers 58-63): north side Russia, south side the Qing, until the "
                     "1911 agreement; before 1727 the frontier of possession, which always cuts the land "
                     "(coverage_edge) but is no treaty line",
                source="hand", accuracy_km=20.0,
                method="digitised by hand: straight from the Mongolian tripoint to the railway crossing 1.35 km "
                       "south-east of Matsievskaya, then straight to the Argun's head (the modern line's ends); "
                       "see README",
                coords=kyakhta_east_1727(border.frontier_to_west), extra=dict(coverage_edge=True)),
        Feature(id="kyakhta_east_1911", name="Frontier west of the Argun from 1911 (Abagaitu to the Mongolian "
                                             "tripoint)",
                name_zh="满洲里界约", name_ru="Цицикарский протокол",
                role="Qiqihar (Manzhouli) agreement 1911: markers 58-63 moved south; the 1991 agreement's line",
                source="wdb", accuracy_km=1.0,
                method="extracted: WDBII border, the Mongolian tripoint to where the channel west of Abagaitu islet "
                       "leaves it",
                coords=border.frontier_to_west),
        Feature(id="abagaitu_southwest_2004", name="Border along the south-west of Abagaitu islet, to point 7/1",
                role="Complementary Agreement 2004 art. 1 (to point 7/1): the western part of Abagaitu islet to Russia",
                source="wdb", accuracy_km=1.0,
                method="extracted: WDBII border, from where the west channel leaves it to the vertex nearest point 7/1",
                coords=border.frontier_islet),
        Feature(id="abagaitu_west_channel", name="Argun channel west of Abagaitu islet (Bolshoy island)",
                name_ru="Аргунь (протока)", name_zh="额尔古纳河",
                role="Nerchinsk 1689 art. 1: the Argun's course west of the islet, which was Chinese land; out of "
                     "force from the 2004 agreement",
                source="wdb", accuracy_km=1.0,
                method="extracted: WDBII river network (levels 1-4), shortest path from the border to 7/2",
                coords=border.abagaitu_west),
        Feature(id="abagaitu_north_channel", name="Argun channel north of Abagaitu islet, 7/2 to point 8",
                name_ru="Аргунь (протока)", name_zh="额尔古纳河",
                role="Nerchinsk 1689 art. 1 (the Argun's course north of the islet) and the 2004 agreement (7/2 to 8)",
                source="wdb", accuracy_km=1.0,
                method="extracted: WDBII river network (level 3 river), 7/2 to the border vertex nearest its end",
                coords=border.abagaitu_north),
        Feature(id="abagaitu_2004", name="2004 line across Abagaitu islet: 7/1 north to 7/2",
                name_zh="阿巴该图洲渚",
                role="Complementary Agreement 2004 art. 1 (points 7/1, 7/2): the islet split, the western part to Russia",
                source="hand", accuracy_km=1.0,
                method="digitised by hand: straight from the border vertex nearest 7/1 to 7/2 (treaty grid coordinates, "
                       "Pulkovo-1942), joined to the north channel's vertex 0.2 km away; see README",
                coords=border.abagaitu_2004[:2] + [border.abagaitu_north[0]]),
    ]


# ------------------------------------------------------------------ Aigun 1858: the Amur, and the 2004 line at Heixiazi
def amur_below_khabarovsk(kazakevicheva_end, rivers, coast):
    """The Amur below Khabarovsk from Natural Earth (WDBII draws two banks here), from the lower end
    of the Kazakevicheva channel down the lower Ussuri (east of Bolshoy Ussuriysky) to the Amur at
    Khabarovsk, then to the sea, attached to the coast. Returns (the line, how many of its first
    vertices are the lower Ussuri reach)."""
    # Natural Earth draws the Amur in parts (river, then "lake centreline" reaches); the longest
    # merged part stops at 140.11E 51.76N, so the line follows the network of all the parts from
    # Khabarovsk to the vertex nearest the mouth (Nikolayevsk)
    amur_low = clean(Network(rivers.named["Amur"], snap_km=0.1).path(KHABAROVSK, AMUR_MOUTH))
    k = 0
    lower_ussuri = clean(rivers.net.path(kazakevicheva_end, amur_low[k]))
    gap_amur_kh = length_km(lower_ussuri)
    # below Nikolayevsk the Natural Earth line stops; the last reach runs straight through the estuary to the mouth
    amur_low = clean([kazakevicheva_end] + lower_ussuri[1:-1] + amur_low[k:] + [AMUR_MOUTH])
    amur_low, hit = cut_at_first_crossing(amur_low, coast.line())
    amur_low = clean(amur_low)
    amur_low, gap_amur_mouth = coast.attach(amur_low)
    print(f"amur below Khabarovsk: {len(amur_low)} vertices, {length_km(amur_low):.0f} km, lower Ussuri reach {gap_amur_kh:.1f} km, "
          f"mouth {amur_low[-1]} gap {gap_amur_mouth:.2f} km")
    return amur_low, len(lower_ussuri)


def aigun_amur(border, rivers, coast):
    """The Amur from the Argun to the sea (Aigun 1858), the pre-2004 Kazakevicheva channel, and the
    2004 line that replaced it at Bolshoy Ussuriysky, with the Ussuri arm between them."""
    amur_low, reach_vertices = amur_below_khabarovsk(border.kazakevicheva[-1], rivers, coast)
    west, east, crossing, arm, amur_low = heixiazi_2004(border.amur_upper, amur_low, reach_vertices)
    transfer_2004_report(clean(west + crossing[1:]), border.kazakevicheva, arm, border.ussuri)
    return [
        Feature(id="amur_upper", name="Amur (Argun confluence to the Ussuri)", name_ru="Амур", name_zh="黑龙江",
                role="Aigun 1858 art. 1: left bank Russia, right bank Qing",
                source="wdb", accuracy_km=1.0,
                method="extracted: WDBII border (pre-1991 cartography)",
                coords=border.amur_upper),
        Feature(id="kazakevicheva_channel", name="Kazakevicheva channel (Fuyuan channel), Amur to the Ussuri",
                name_ru="протока Казакевичева", name_zh="抚远水道",
                role="Aigun 1858 / Peking 1860 as drawn before 2004: Bolshoy Ussuriysky and Tarabarov on the Russian "
                     "side; out of force from the 2004 agreement",
                source="wdb", accuracy_km=1.0,
                method="extracted: WDBII border (pre-1991 cartography), point 10 to the Ussuri",
                coords=border.kazakevicheva),
        Feature(id="ussuri_below_kazakevicheva", name="Ussuri (Kazakevicheva junction to the 2004 line)",
                name_ru="Уссури", name_zh="乌苏里江",
                role="Aigun 1858: part of the Amur-Ussuri line to the sea until Peking 1860; the border again from "
                     "the 2004 agreement",
                source="wdb", accuracy_km=1.0,
                method="extracted: WDBII river network, shortest path",
                coords=arm),
        Feature(id="amur_lower", name="Amur (Ussuri mouth to the sea)", name_ru="Амур", name_zh="黑龙江",
                role="Aigun 1858 art. 1: left bank Russia, right bank held in common until Peking 1860",
                source="ne", accuracy_km=2.0,
                method="extracted: Natural Earth 10m centreline (WDBII has only two banks here)",
                coords=amur_low),
        Feature(id="heixiazi_channel_west", name="Amur main channel north of Tarabarov (point 10 to 10/1)",
                name_ru="Амур", name_zh="黑龙江",
                role="Aigun 1858 art. 1 (the Amur: Tarabarov and Bolshoy Ussuriysky on the right, Qing side) until "
                     "Peking 1860 as the 1861 map drew it; part of the 2004 line (points 10 to 10/1)",
                source="wdb", accuracy_km=2.0,
                method="derived: midline of the WDBII Amur banks from point 10 to 10/1; see README",
                coords=west),
        Feature(id="heixiazi_channel_east", name="Amur main channel north of Bolshoy Ussuriysky (10/1 to Khabarovsk)",
                name_ru="Амур", name_zh="黑龙江",
                role="Aigun 1858 art. 1 (the Amur: Bolshoy Ussuriysky on the right, Qing side) until Peking 1860 as "
                     "the 1861 map drew it",
                source="wdb", accuracy_km=2.0,
                method="derived: midline of the WDBII Amur banks from 10/1 to the lower Ussuri's mouth at Khabarovsk "
                       "(Natural Earth vertex)",
                coords=east),
        Feature(id="heixiazi_2004", name="2004 line across Bolshoy Ussuriysky (Heixiazi)",
                name_zh="黑瞎子岛",
                role="Complementary Agreement 2004 art. 1 (points 10/1, 10/2): Tarabarov and the western part of "
                     "Bolshoy Ussuriysky to China",
                source="hand", accuracy_km=2.0,
                method="digitised by hand: from 10/1 due south through 10/2 (treaty grid coordinates, Pulkovo-1942) "
                       "to the Ussuri; see README",
                coords=crossing),
    ]


# ------------------------------------------------------------------ Peking 1860: Ussuri, Khanka, land line, Tumen
def peking_1860(border, rivers, coast):
    """The Ussuri, the Sungacha, the crossing of Lake Khanka and the land line to the Tumen (Peking
    1860), and the Tumen split at the Korean tripoint: Russia-Korea to the sea (attached to the
    coast) and China-Korea to the frame."""
    # Tumen (WDBII): the tripoint on the border splits it into China-Korea and Russia-Korea
    tumen = clean(rivers.net.path(rivers.named["Tumen"][0][0], rivers.named["Tumen"][0][-1]))
    if tumen[0][0] > tumen[-1][0]:
        tumen = tumen[::-1]
    tl = LineString(tumen)
    land = border.land
    k = next(i for i, p in enumerate(land) if tl.distance(Point(p)) < 0.003)  # first land-line vertex on the Tumen
    land = land[: k + 1]
    tumen_cn, tumen_ru, gap_tp = split_at(tumen, land[-1])
    tumen_cn = clean(tumen_cn[:-1] + [land[-1]])
    tumen_ru = clean([land[-1]] + tumen_ru[1:])
    tumen_ru, hit = cut_at_first_crossing(tumen_ru, coast.line())
    tumen_ru, gap_tm = coast.attach(clean(tumen_ru))
    # the China-Korea part: from where it enters the frame's southern edge
    cl = LineString(tumen_cn).intersection(box(W, S, E, N))
    cl = [list(g.coords) for g in getattr(cl, "geoms", [cl]) if g.geom_type == "LineString"]
    tumen_cn = clean(max(cl, key=len))
    tumen_cn[0] = onto_frame(tumen_cn[0])
    tumen_cn = clean(tumen_cn)
    # Zhenbao / Damansky: the Soviet reading's channel west of the island, between two Ussuri vertices
    north, south = (min(range(len(border.ussuri)), key=lambda i: hav(border.ussuri[i], p)) for p in ZHENBAO_CHANNEL_ENDS)
    damansky = clean([border.ussuri[north]] + ZHENBAO_WEST_CHANNEL + [border.ussuri[south]])
    print(f"damansky_channel: {length_km(damansky):.1f} km, Ussuri vertices {north}-{south}")
    print(f"tumen: tripoint gap {gap_tp:.2f} km, Russia-Korea {length_km(tumen_ru):.0f} km to the sea (gap {gap_tm:.2f}), "
          f"China-Korea from {tumen_cn[0]}")

    return [
        Feature(id="ussuri", name="Ussuri", name_ru="Уссури", name_zh="乌苏里江", role=AIGUN_PEKING,
                source="wdb", accuracy_km=1.0, method="extracted: WDBII border",
                coords=border.ussuri),
        Feature(id="damansky_channel", name="Channel west of Zhenbao (Damansky)", name_ru="протока у острова Даманский",
                name_zh="珍宝岛西侧水道",
                role="Peking 1860 and the 1861 map as the USSR read them: the Ussuri line along the Chinese bank, "
                     "so Zhenbao is Soviet until the 1991 agreement",
                source="hand", accuracy_km=1.0,
                method="digitised by hand: 0.5 km west of the island's coordinate along its length, between the "
                       "Ussuri vertices nearest 2 km north and 1.7 km south of it [est]",
                coords=damansky),
        Feature(id="sungacha", name="Sungacha", name_ru="Сунгача", name_zh="松阿察河", role=AIGUN_PEKING,
                source="wdb", accuracy_km=1.0, method="extracted: WDBII border",
                coords=border.sungacha),
        Feature(id="khanka_crossing", name="Across Lake Khanka", name_ru="через озеро Ханка", name_zh="兴凯湖",
                role="Peking 1860 art. 1: crosses the lake to the Belen-he (Tur)",
                source="wdb", accuracy_km=1.0, method="extracted: WDBII border",
                coords=border.khanka),
        Feature(id="peking_land_line", name="Land line from Lake Khanka to the Tumen",
                role="Peking 1860 art. 1 and 1861 protocol: mountains to the Tumen",
                source="wdb", accuracy_km=1.0, method="extracted: WDBII border",
                coords=land),
        Feature(id="tumen_korea_russia", name="Tumen (tripoint to the sea)", name_ru="Туманная", name_zh="图们江",
                role="Russia-Korea boundary; edge of the covered area", kind="edge",
                source="wdb", accuracy_km=1.0, method="extracted: WDBII river network",
                coords=tumen_ru),
        Feature(id="tumen_korea_china", name="Tumen (China-Korea)", name_ru="Туманная", name_zh="图们江",
                role="China-Korea boundary; edge of the covered area", kind="edge",
                source="wdb", accuracy_km=1.0, method="extracted: WDBII river network, clipped to the frame",
                coords=tumen_cn),
    ]


# ------------------------------------------------------------------ Kyakhta 1727 and Mongolia's edges
def mongolia_china():
    """China-Mongolia (Natural Earth) from the WDBII tripoint as far as the covered area in China
    reaches (W_CHINA), then the edge of the covered area in China: the meridian W_CHINA south to the
    frame. Returns (the China-Mongolia line, the meridian)."""
    geoms = ne_pair("China", "Mongolia")
    g = min(geoms, key=lambda g: min(hav(g.coords[0], MN_TRIPOINT), hav(g.coords[-1], MN_TRIPOINT)))
    cs = list(g.coords)
    if hav(cs[-1], MN_TRIPOINT) < hav(cs[0], MN_TRIPOINT):
        cs = cs[::-1]
    gap = hav(cs[0], MN_TRIPOINT)
    cs = [r6(MN_TRIPOINT)] + cs[1:]
    cl = LineString(cs).intersection(box(W_CHINA, S, E, N))
    cl = [list(x.coords) for x in getattr(cl, "geoms", [cl]) if x.geom_type == "LineString"]
    cs = next(c for c in cl if r6(c[0]) == r6(MN_TRIPOINT))
    cs[-1] = (W_CHINA, cs[-1][1])
    mn_cn = clean(cs)
    assert mn_cn[-1][0] == W_CHINA, mn_cn[-1]
    china_west = clean([mn_cn[-1], (W_CHINA, S)])
    print(f"mongolia: China line {len(mn_cn)} v (gap {gap:.1f} km) ends {mn_cn[-1]}; edge in China down {W_CHINA}E")
    return mn_cn, china_west


def kyakhta_1727_line():
    """The Kyakhta (Bura) line of 1727, west of the tripoint: the WDBII Mongolia-Russia boundary (the
    modern line, which follows the 1727 markers here: see data/README.md) from the tripoint to the
    frame's west edge. Shortest path on the WDBII border network from the tripoint to its
    westernmost vertex in 49-52N (103E, the edge of what is read), cut at the frame.
    Returns (the line, its distances from Natural Earth's line as feature properties)."""
    frame_box = box(W, S, E, N)
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
    ne_mr = shapely.MultiLineString([list(g.coords) for g in ne_pair("Mongolia", "Russia", W - 2.5)]).intersection(frame_box)
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
    return kyakhta_1727, mr_acc


def kyakhta_1727_and_mongolia():
    """West of the Mongolian tripoint: the Kyakhta (Bura) line of 1727 to the frame, and the edges
    of the covered area against Mongolia and in China."""
    mn_cn, china_west = mongolia_china()
    kyakhta_1727, mr_acc = kyakhta_1727_line()
    return [
        Feature(id="kyakhta_1727", name="Kyakhta (Bura) line, Mongolian tripoint west to 105.5E",
                name_ru="Буринский трактат 1727", name_zh="布连斯奇条约",
                role="Bura 1727 / Kyakhta 1727 art. 3: north side Russia, south side the Qing (Mongolia); edge of the "
                     "covered area (Mongolia is not covered)",
                source="wdb", accuracy_km=2.0,
                method="extracted: WDBII border, shortest path from the Mongolian tripoint west, clipped to the frame; "
                       "the modern Mongolia-Russia line, taken to follow the 1727 markers (see README)",
                coords=kyakhta_1727,
                extra=dict(coverage_edge=True, **mr_acc)),
        Feature(id="mongolia_china", name="Mongolia-China boundary", role="edge of the covered area", kind="edge",
                source="ne", accuracy_km=2.0,
                method=f"extracted: Natural Earth boundary lines, clipped to {W_CHINA}E",
                coords=mn_cn),
        Feature(id="china_west_edge", name=f"Meridian {W_CHINA}E in China (Xilingol)",
                role="edge of the covered area in China: west of it only the Russian side is covered", kind="edge",
                source="frame", accuracy_km=0.0,
                method=f"defined: the meridian {W_CHINA}E from the China-Mongolia line south to the frame",
                coords=china_west),
    ]


# ------------------------------------------------------------------ the coast and the frame
def coast_and_frame(coast, lines):
    """The coast, once every line that reaches the sea is attached to it, and the frame: the
    rectangle with every line end that lies on it inserted, counter-clockwise. `lines`: the
    treaty and edge lines by id."""
    on_frame = [coast.coords[0], coast.coords[-1], lines["tumen_korea_china"][0], lines["kyakhta_1727"][-1],
                lines["china_west_edge"][-1]]

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
    return [
        Feature(id="coast", name="Mainland coast (Sea of Japan, Tatar Strait, Sea of Okhotsk)",
                role="coast: closes the land", kind="coast",
                source="gshhg", accuracy_km=0.2,
                method="extracted: GSHHG full-resolution shoreline, stitched and clipped to the frame",
                coords=coast.coords),
        Feature(id="frame", name="Edge of the covered area", role=f"frame {W}..{E} E, {S}..{N} N", kind="frame",
                source="frame", accuracy_km=0.0, method="defined",
                coords=frame),
    ]


# ------------------------------------------------------------------ reference lines (not part of the territories)
def reference_lines():
    """data/reference.geojson: today's boundary, the Lake Khanka shore and the Amazar reading of
    the Gorbitsa."""
    modern = [list(g.coords) for g in ne_pair("China", "Russia")]
    lakes = stitch(gmt_segments(["-W", "-A0/2/2"]))
    khanka_ring = max((l for l in lakes if LineString(l).distance(Point(132.4, 45.0)) < 0.7), key=len)
    ref = [Feature(id=f"modern_border_{i}", name="China-Russia boundary today", kind="reference",
                   role="reference: Natural Earth modern boundary", source="ne", accuracy_km=2.0,
                   method="extracted: Natural Earth 10m boundary lines", coords=clean(m))
           for i, m in enumerate(sorted(modern, key=len, reverse=True))]
    ref.append(Feature(id="khanka_shore", name="Lake Khanka shoreline", kind="reference",
                       role="reference: the lake the 1860 line crosses", source="gshhg", accuracy_km=0.2,
                       method="extracted: GSHHG level-2 lake shoreline", coords=clean(khanka_ring)))
    # Great Gorbitsa (Amazar) reading: neither Natural Earth nor WDBII levels 1-4 has the Amazar
    # (a WDBII shortest path runs along the Shilka instead), so it is a hand-digitised straight line
    ref.append(Feature(id="great_gorbitsa_amazar", name="Great Gorbitsa (Amazar), alternative reading", kind="reference",
                       role="alternative reading of Nerchinsk 1689 art. 1", source="hand", accuracy_km=15.0,
                       method="digitised by hand: straight from the mouth on the Amur to Amazar settlement [est]; "
                              "the course is not in any dataset here",
                       coords=clean([AMAZAR_MOUTH, AMAZAR_UP])))
    return ref
