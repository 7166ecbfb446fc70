"""The 2004 Complementary Agreement at Bolshoy Ussuriysky (Heixiazi) and Tarabarov (Yinlong): the
line down the Amur's main channel and across the island, and the figures data/README.md quotes."""
from shapely.geometry import LineString, Point, Polygon

from .geometry import (attach, clean, cut_at_first_crossing, gauss_krueger_to_lonlat, hav, length_km, r6, sinusoidal,
                       split_at)
from .places import POINT_10_2_GK, ZHENBAO
from .sources import amur_banks


def ys_at(g, x):
    """The latitudes where line `g` crosses the meridian `x` (between 47N and 49N)."""
    h = g.intersection(LineString([(x, 47.0), (x, 49.0)]))
    return [p.y for p in getattr(h, "geoms", [h])]


def amur_main_channel(start, end_lon):
    """The Amur's main channel from `start` (a vertex in the channel) east to `end_lon`: WDBII draws
    the river here as two banks (level 0), so the centreline is the midpoint between each vertex of
    the south bank and the nearest point of the north bank. Returns (coords from start, the
    point at end_lon), both rounded."""
    banks = amur_banks()
    # the two banks that cross the meridian of the end, south one first
    banks = sorted((b for b in banks if not b.intersection(LineString([(end_lon, 48.0), (end_lon, 48.6)])).is_empty),
                   key=lambda b: min(ys_at(b, end_lon)))
    south, north = banks[0], banks[-1]
    mids = []
    for p in south.coords:
        if start[0] + 0.005 < p[0] < end_lon - 0.003:
            q = north.interpolate(north.project(Point(p)))
            mids.append(((p[0] + q.x) / 2, (p[1] + q.y) / 2))
    mids.sort()
    end = r6((end_lon, (min(ys_at(south, end_lon)) + min(ys_at(north, end_lon))) / 2))
    return clean([start] + mids), end


def amur_channel_along_north_bank(start, end):
    """The Amur's main channel from `start` to `end` (both in the channel, west to east): the
    midpoint between each vertex of the north (left) bank and the nearest point of the south
    bank, in order along the north bank. Used where the south bank has the Ussuri's mouth and
    the islands' shores in it, which ordering by longitude would zigzag across."""
    banks = amur_banks()
    south, north = sorted(banks, key=lambda b: max(ys_at(b, start[0])))[:: len(banks) - 1]
    a, b = north.project(Point(start)), north.project(Point(end))
    mids = []
    for p in north.coords:
        d = north.project(Point(p))
        if a < d < b:
            q = south.interpolate(south.project(Point(p)))
            mids.append((d, ((p[0] + q.x) / 2, (p[1] + q.y) / 2)))
    mids.sort()
    return clean([start] + [m for _, m in mids] + [end])


def heixiazi_2004(amur_upper, amur_low, reach_vertices):
    """The Amur's main channel north of Bolshoy Ussuriysky and the 2004 line (Complementary
    Agreement, art. 1). The channel runs from point 10 (the end of amur_upper) to 10/1 (`west`)
    and on to the lower Ussuri's mouth at Khabarovsk, the last of the first `reach_vertices` of
    amur_low (`east`); the 2004 line goes down `west`, then from 10/1 south along the
    perpendicular to 10/2 on Bolshoy Ussuriysky and (straight, due south: see data/README.md)
    across the island to the Ussuri arm below the Kazakevicheva junction (`crossing`).
    Returns (west, east, crossing, the Ussuri arm from the junction to it, amur_low from it on)."""
    p10_2 = r6(gauss_krueger_to_lonlat(*POINT_10_2_GK))
    channel, p10_1 = amur_main_channel(amur_upper[-1], p10_2[0])
    mouth = amur_low[reach_vertices - 1]
    reach = LineString(amur_low[:reach_vertices])
    hit = reach.intersection(LineString([p10_2, (p10_2[0], p10_2[1] - 0.5)]))
    arm, amur_low, gap_arm = split_at(amur_low, (hit.x, hit.y))
    # the channel stops where it first meets the lower Ussuri (Natural Earth), on a vertex of it
    east, _ = cut_at_first_crossing(amur_channel_along_north_bank(p10_1, mouth), LineString(amur_low))
    east, amur_low, gap_east = attach(clean(east), amur_low)
    west = clean(channel + [p10_1])
    crossing = clean([p10_1, p10_2, arm[-1]])
    print(f"2004 line: point 10/2 at {p10_2}, 10/1 at {p10_1}; meets the Ussuri {length_km(arm):.1f} km below the "
          f"Kazakevicheva junction (vertex {gap_arm:.2f} km from due south); main channel to 10/1 {len(west)} vertices, "
          f"{length_km(west):.1f} km, crossing {length_km(crossing):.1f} km; main channel 10/1 to the Ussuri mouth "
          f"{len(east)} vertices, {length_km(east):.1f} km (joins the lower Ussuri {gap_east:.2f} km from its end)")
    return west, east, crossing, arm, amur_low


def transfer_2004_report(heixiazi, kazakevicheva, arm, ussuri):
    """Print (not written anywhere) how much of the land the 2004 line moves is river, and on which
    side of the Ussuri line Zhenbao lies; data/README.md quotes these figures."""
    ring = kazakevicheva + arm[1:] + heixiazi[::-1][1:]
    face = Polygon(sinusoidal(ring))
    banks = amur_banks()
    x0, x1 = heixiazi[0][0], heixiazi[-1][0]
    cut = lambda b: [p for p in b.coords if x0 - 0.02 <= p[0] <= x1 + 0.02]
    a, b = sorted((cut(b) for b in banks), key=lambda c: min(p[1] for p in c))
    river = Polygon(sinusoidal(sorted(a) + sorted(b)[::-1])).buffer(0)
    water = face.intersection(river).area
    print(f"2004 transfer face: {face.area:.0f} km2 (sinusoidal), of it {water:.0f} km2 between the WDBII Amur banks, "
          f"{face.area - water:.0f} km2 south of the Amur's south bank")
    zb = Point(ZHENBAO)
    ul = LineString(ussuri)
    q = ul.interpolate(ul.project(zb))
    print(f"Zhenbao {ZHENBAO}: {hav(ZHENBAO, (q.x, q.y)):.2f} km {'west' if ZHENBAO[0] < q.x else 'east'} of the Ussuri line")
