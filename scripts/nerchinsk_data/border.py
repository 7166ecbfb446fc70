"""What the lines are cut from: the mainland coast (GSHHG), the WDBII China-Russia border cut into
the reaches the treaties name, and the river network (WDBII, with Natural Earth's named rivers)."""
from dataclasses import dataclass

from shapely.geometry import LineString, Point, box

from .geometry import (Coast, Network, attach, clean, cut_at_first_crossing, gauss_krueger_to_lonlat, hav,
                       length_km, nearest_index, onto_frame, r6, split_at)
from .places import (ABAGAITU, ABAGAITU_NORTH_END, ABAGAITU_WEST_END, CONFLUENCE, KAZAKEVICHEVA,
                     KHANKA_OUTLET, KP_TRIPOINT, MN_TRIPOINT, POINT_10, POINT_7_1_GK, POINT_7_2_GK,
                     SUNGACHA_MOUTH, TUR_MOUTH, E, N, S, W)
from .sources import gmt_segments, ne_features, parts_of, stitch


def mainland_coast():
    """The mainland shoreline, stitched from GSHHG full resolution and clipped to the frame: south
    to north, both ends on the frame."""
    frame_box = box(W, S, E, N)
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
    coast[0], coast[-1] = onto_frame(coast[0]), onto_frame(coast[-1])
    coast = clean(coast)
    print(f"coast: {len(coast)} vertices, {length_km(coast):.0f} km, from {coast[0]} to {coast[-1]}")
    return Coast(coast)


@dataclass
class Border:
    """The WDBII China-Russia border (pre-1991 cartography), Mongolian tripoint to Korean tripoint,
    cut into reaches, west to east; each reach starts on the vertex the one before ends on."""
    frontier_west: list     # Mongolian tripoint to the vertex nearest point 7/1 (Abagaitu)
    abagaitu_channel: list  # the pre-2004 line south of Abagaitu islet, 7/1 to point 8
    abagaitu_2004: list     # the 2004 line across and north of the islet, 7/1 to point 8 (not WDBII's)
    islet: list             # ring around the whole islet, for the de facto layer only
    abagaitu_west: list     # the channel west of the islet, from where it leaves the border to 7/2
    abagaitu_north: list    # the channel north of the islet, from 7/2 (its channel vertex) to point 8
    frontier_to_west: list  # frontier_west up to where the west channel leaves it (a vertex put there)
    frontier_islet: list    # frontier_west from there to 7/1, along the islet's south-west
    argun: list             # point 8 to the Shilka confluence
    amur_upper: list        # confluence to point 10
    kazakevicheva: list     # point 10 down the Kazakevicheva channel to the Ussuri
    ussuri: list            # Kazakevicheva junction up the Ussuri to the Sungacha
    sungacha: list          # Sungacha to Lake Khanka
    khanka: list            # across the lake to the Tur mouth
    land: list              # Tur mouth to the Korean tripoint (cut at the Tumen by peking_1860)


def abagaitu(border):
    """Cut the border at point 7/1 of the 2004 agreement (the WDBII line, pre-2004, runs south of
    Abagaitu islet there) and at point 8, where the channel north of the island rejoins it; between
    them the pre-2004 line is its own feature, out of force from the 2004 agreement.
    Returns (frontier west of 7/1, the channel 7/1 to 8, the 2004 line 7/1 to 8, the islet's ring,
    the border from point 8 on, the distance in km from the channel to ABAGAITU)."""
    p7_1 = r6(gauss_krueger_to_lonlat(*POINT_7_1_GK))
    p7_2 = r6(gauss_krueger_to_lonlat(*POINT_7_2_GK))
    frontier, rest, gap_p7_1 = split_at(border, p7_1)
    anet = Network([s for lev in (1, 2, 3, 4) for s in gmt_segments([f"-I{lev}"], (117.6, 118.3, 49.4, 49.75))])
    north = clean(anet.path(p7_2, ABAGAITU_NORTH_END))
    gap_p7_2 = hav(north[0], p7_2)
    rest_line = LineString(rest)
    k = next(i for i, p in enumerate(north) if i > 3 and rest_line.distance(Point(p)) < 0.004)
    north = north[:k]  # stop before the channel reaches the border
    j = nearest_index(rest, north[-1])
    channel, rest = rest[: j + 1], rest[j:]
    line_2004 = clean([frontier[-1], p7_2] + north + [channel[-1]])
    gap_abagaitu = min(hav(c, ABAGAITU) for c in channel)
    # the channel west of 7/2, back up to where it leaves the border: with the border from there to
    # 7/1 it closes the western part of the islet (for the de facto layer only; no line is made of it)
    west = clean(anet.path(p7_2, ABAGAITU_WEST_END))
    jw = nearest_index(frontier, west[-1])
    assert west[0] == north[0]  # both leave 7/2 from the same channel vertex
    islet = clean(frontier[jw:] + channel[1:] + north[::-1] + west[1:])
    print(f"Abagaitu islet ring: west channel {length_km(west):.1f} km, {hav(west[0], p7_2):.2f} km from 7/2, "
          f"{hav(west[-1], frontier[jw]):.2f} km join to the border; simple: {LineString(islet + [islet[0]]).is_simple}")
    print(f"Abagaitu 2004: 7/1 at {p7_1} ({gap_p7_1:.2f} km from the border vertex), 7/2 at {p7_2} ({gap_p7_2:.2f} km from "
          f"the north channel), point 8 at {channel[-1]} ({hav(north[-1], channel[-1]):.2f} km join); "
          f"line {length_km(line_2004):.1f} km, pre-2004 channel {length_km(channel):.1f} km")
    # as lines: the west channel from the 7/2 end to where it first meets the border, which gets a
    # vertex there (the islet's ring above, for the de facto layer, keeps the join of before)
    west_line, hit = cut_at_first_crossing(west, LineString(frontier))
    west_line = clean(west_line if hit is not None else west + [frontier[jw]])
    west_line, frontier_split, gap_west = attach(west_line, frontier)
    k = frontier_split.index(west_line[-1])
    print(f"Abagaitu west channel: {length_km(west_line):.1f} km, meets the border {gap_west:.2f} km from its end")
    return (frontier, channel, line_2004, islet, rest, gap_abagaitu, west_line[::-1], north + [channel[-1]],
            frontier_split[: k + 1], frontier_split[k:])


def wdb_border():
    """The WDBII China-Russia border, tripoint to tripoint, cut at the named points (see Border)."""
    bnet = Network(gmt_segments(["-N1"]), snap_km=1.0)
    border = clean(bnet.path(MN_TRIPOINT, KP_TRIPOINT))
    border[0], border[-1] = r6(MN_TRIPOINT), r6(KP_TRIPOINT)
    border = clean(border)
    frontier, abagaitu_channel, abagaitu_2004, islet, rest, gap_abagaitu, west, north, to_west, along = abagaitu(border)
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
    print(f"border cuts (km from named point): Abagaitu {gap_abagaitu:.1f}, confluence {gap_conf:.1f}, "
          f"point 10 {gap_p10:.2f}, Kazakevicheva {gap_kh:.1f}, Sungacha {gap_su:.1f}, Khanka outlet {gap_ko:.1f}, Tur {gap_tur:.1f}")
    return Border(frontier_west=frontier, abagaitu_channel=abagaitu_channel, abagaitu_2004=abagaitu_2004,
                  islet=islet, abagaitu_west=west, abagaitu_north=north, frontier_to_west=to_west,
                  frontier_islet=along, argun=argun, amur_upper=amur_upper, kazakevicheva=kazakevicheva, ussuri=ussuri,
                  sungacha=sungacha, khanka=khanka, land=land)


class Rivers:
    """Natural Earth's named rivers (`named`: name -> list of parts), whose ends pick a river, and
    the WDBII river network (`net`, levels 1-4) that the river is taken from."""

    def __init__(self):
        self.named = {}
        for f in ne_features("ne_10m_rivers_lake_centerlines"):
            self.named.setdefault(f["properties"]["name"], []).extend(parts_of(f["geometry"]))
        segs = []
        for lev in (1, 2, 3, 4):
            segs += gmt_segments([f"-I{lev}"])
        self.net = Network(segs)
