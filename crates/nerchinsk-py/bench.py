"""Throughput of nerchinsk.sovereignty_codes against baselines in the same run: a pure-Python
loop over sovereignty_at, and shapely's point-in-polygon on the territories_gdf polygons
(prepared contains_xy, and an STRtree query on fewer points; when shapely and geopandas are
installed).

    python crates/nerchinsk-py/bench.py [POINTS]      # 2,000,000 points by default

Points are uniform over the covered frame (105.5-141.8E, 42.25-57.5N: land of both sides,
sea and uncovered land), on 31 December 1900. Prints one line per method: points per second,
the best of several runs.
"""

import os
import sys
import time

import numpy as np

import nerchinsk

YEAR = 1900


def best_seconds(run, repeats):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def report(name, points, seconds, note=""):
    print(f"{name:<46} {points / seconds / 1e6:9.2f} M points/s  ({points:,} points in {seconds:.4f} s){note}")


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000
    rng = np.random.default_rng(1689)
    lon = rng.uniform(105.5, 141.8, n)
    lat = rng.uniform(42.25, 57.5, n)
    print(f"{n:,} points, year {YEAR}, {os.cpu_count()} cores, Python {sys.version.split()[0]}")

    codes = nerchinsk.sovereignty_codes(lon, lat, YEAR)  # warm: the atlas is built once
    report("sovereignty_codes (numpy, GIL released)", n, best_seconds(lambda: nerchinsk.sovereignty_codes(lon, lat, YEAR), 7))
    day = f"{YEAR}-06-01"  # a date that is no year's end: the era is looked up by date
    report(f"sovereignty_codes on {day}", n, best_seconds(lambda: nerchinsk.sovereignty_codes(lon, lat, day), 7))

    m = min(n, 50_000)

    def scalar_loop():
        for x, y in zip(lon[:m].tolist(), lat[:m].tolist()):
            try:
                nerchinsk.sovereignty_at(x, y, YEAR)
            except nerchinsk.Error:
                pass

    report("baseline: Python loop over sovereignty_at", m, best_seconds(scalar_loop, 2), " (with certainty)")

    try:
        import shapely
        gdf = nerchinsk.territories_gdf(YEAR)
    except ImportError as e:
        print(f"baseline: shapely STRtree skipped ({e})")
        return
    polygons = gdf.geometry.values
    shapely.prepare(polygons)
    statuses = np.array([nerchinsk.STATUS.index(s) for s in gdf["status"]], dtype=np.uint8)
    outside = nerchinsk.STATUS.index("outside")

    def contains_xy():
        # each prepared territory tests every point (points on no territory stay "outside")
        out = np.full(n, outside, dtype=np.uint8)
        for polygon, status in zip(polygons, statuses):
            out[shapely.contains_xy(polygon, lon, lat)] = status
        return out

    report("baseline: shapely prepared contains_xy (1 core)", n, best_seconds(contains_xy, 3))
    land = codes < 4
    print(f"  on land it agrees with sovereignty_codes on {np.mean(contains_xy()[land] == codes[land]):.4%} of the points")

    k = min(n, 20_000)
    tree = shapely.STRtree(polygons)
    points = shapely.points(lon[:k], lat[:k])
    report("baseline: shapely STRtree query within (1 core)", k, best_seconds(lambda: tree.query(points, predicate="within"), 1), " (points made beforehand)")


if __name__ == "__main__":
    main()
