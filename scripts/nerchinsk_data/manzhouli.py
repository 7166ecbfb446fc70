"""The frontier west of the Argun's head before the Qiqihar (Manzhouli) agreement of 20 Dec 1911,
digitised by hand (sources and method in data/FRONTIERS.md, "West of the Argun's head")."""
import math

from shapely.geometry import LineString, Point

from .geometry import hav, length_km, r6

# Matsievskaya station, the last Russian station before 1911: 49°43′37″N 117°16′03″E (perceptioda.com
# Мациевская, a copy of ru.wikipedia)
MATSIEVSKAYA = (117.267500, 49.726944)
# the railway crossed the frontier about 1 km (shobserver.com) or "about 3 li", 1.7 km (Dongsansheng
# zhenglue, quoted by Wu Tieying) east of the station: the middle, along the railway towards
# Zabaykalsk, whose bearing is [est] from the station's and the modern crossing's positions
CROSSING_KM = 1.35
RAILWAY_BEARING = 150.0
# Manzhouli, Natural Earth's populated place (tests/towns.csv): marker 61 of 1911 stands 5,341 m
# north-east of the station building (vostlit.info Rus_kit_dog_prav_akt/101-120/116.htm)
MANZHOULI = (117.429979, 49.599982)
MARKER_61_KM = 5.341


def offset(p, bearing_deg, km):
    """The point km from p on the bearing, on the sphere of geometry.hav."""
    r = 6371.0088
    lat, lon, b, d = math.radians(p[1]), math.radians(p[0]), math.radians(bearing_deg), km / r
    lat2 = math.asin(math.sin(lat) * math.cos(d) + math.cos(lat) * math.sin(d) * math.cos(b))
    lon2 = lon + math.atan2(math.sin(b) * math.sin(d) * math.cos(lat), math.cos(d) - math.sin(lat) * math.sin(lat2))
    return (math.degrees(lon2), math.degrees(lat2))


def kyakhta_east_1727(modern):
    """The line before 1911: straight from the Mongolian tripoint to the railway crossing near
    Matsievskaya, then straight to the head of the Argun, the ends of the modern line (`modern`,
    WDBII). Prints how far the modern line lies from it and checks marker 61."""
    crossing = r6(offset(MATSIEVSKAYA, RAILWAY_BEARING, CROSSING_KM))
    old = [modern[0], crossing, modern[-1]]
    o, m = LineString(old), LineString(modern)

    def to(line, p):
        q = line.interpolate(line.project(Point(p)))
        return hav(p, (q.x, q.y))

    gaps = [to(o, p) for p in modern[1:-1]]
    m61 = offset(MANZHOULI, 45.0, MARKER_61_KM)
    print(f"kyakhta_east (before 1911): {length_km(old):.1f} km, crossing {crossing}, "
          f"{to(m, crossing):.1f} km from the modern line; modern line {min(gaps):.1f}-{max(gaps):.1f} km "
          f"from it; marker 61 of 1911 {to(m, m61):.1f} km from the modern line")
    assert to(m, m61) < 2.0
    return old
