"""The Stanovoy crest, derived from relief: the divide of Nerchinsk 1689 art. 1."""
import heapq

import contourpy
import numpy as np
from shapely.geometry import LineString, Point

from .geometry import hav, nearest_index
from .places import GORBITSA_SOURCE
from .sources import ETOPO, gmt_segments, run


def derive_crest(uda_line, coast_line):
    """Priority-flood drainage on ETOPO5 with WDBII rivers burned in (so the coarse grid follows
    the real network), then the divide between cells draining to the Arctic or to the Uda and
    cells draining to the rest of the Pacific (the Amur and the coastal rivers south of the Uda)."""
    Wd, Ed, Sd, Nd = 100, 150, 38, 66
    raw = run(["gmt", "grd2xyz", ETOPO, f"-R{Wd}/{Ed}/{Sd}/{Nd}", "-ZTLf"])
    info = run(["gmt", "grdinfo", ETOPO, f"-R{Wd}/{Ed}/{Sd}/{Nd}", "-C"]).decode().split()
    nx_, ny_ = int(info[9]), int(info[10])
    z = np.frombuffer(raw, dtype="<f4").reshape(ny_, nx_)[::-1].astype(np.float64)
    lon = np.linspace(float(info[1]), float(info[2]), nx_)
    lat = np.linspace(float(info[3]), float(info[4]), ny_)
    dx, dy = lon[1] - lon[0], lat[1] - lat[0]
    zs = z.copy()

    def cells_on(segs):
        out = set()
        for s in segs:
            for (xa, ya), (xb, yb) in zip(s[:-1], s[1:]):
                n = max(2, int(max(abs(xb - xa) / dx, abs(yb - ya) / dy) * 3))
                for t in np.linspace(0, 1, n):
                    i = int(round((xa + t * (xb - xa) - lon[0]) / dx))
                    j = int(round((ya + t * (yb - ya) - lat[0]) / dy))
                    if 0 <= i < nx_ and 0 <= j < ny_:
                        out.add((j, i))
        return out

    rivers = []
    for lev in (1, 2, 3, 4):
        rivers += gmt_segments([f"-I{lev}"], (Wd, Ed, Sd, Nd))
    burned = cells_on(rivers)
    for j, i in burned:
        if z[j, i] > 0:
            z[j, i] -= 1500.0
    # sea: cells at or below 0 m (unburned relief) connected to the grid edge
    sea = np.zeros(z.shape, dtype=bool)
    stack = [(j, i) for j in range(ny_) for i in (0, nx_ - 1)] + [(j, i) for i in range(nx_) for j in (0, ny_ - 1)]
    while stack:
        j, i = stack.pop()
        if sea[j, i] or zs[j, i] > 0:
            continue
        sea[j, i] = True
        for dj, di in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            jj, ii = j + dj, i + di
            if 0 <= jj < ny_ and 0 <= ii < nx_ and not sea[jj, ii]:
                stack.append((jj, ii))
    label = np.zeros(z.shape, dtype=np.int64)
    arctic_ids = set()
    pq = []
    nid = 0
    for j in range(ny_):
        for i in range(nx_):
            if sea[j, i] or j == ny_ - 1 or i == 0 or j == 0 or i == nx_ - 1:
                nid += 1
                label[j, i] = nid
                if not sea[j, i] and (j == ny_ - 1 or i == 0):
                    arctic_ids.add(nid)
                heapq.heappush(pq, (z[j, i], j, i))
    done = label > 0
    while pq:
        h, j, i = heapq.heappop(pq)
        for dj in (-1, 0, 1):
            for di in (-1, 0, 1):
                jj, ii = j + dj, i + di
                if (dj or di) and 0 <= jj < ny_ and 0 <= ii < nx_ and not done[jj, ii]:
                    done[jj, ii] = True
                    label[jj, ii] = label[j, i]
                    heapq.heappush(pq, (max(z[jj, ii], h), jj, ii))
    uda_ids = {int(label[j, i]) for j, i in cells_on([uda_line[: max(2, len(uda_line) * 9 // 10)]])}
    mask = (np.isin(label, list(arctic_ids | uda_ids)) & ~sea).astype(float)
    lines = contourpy.contour_generator(lon, lat, mask).lines(0.5)
    src = GORBITSA_SOURCE
    best = min(lines, key=lambda l: min(hav(p, src) for p in l))
    best = [tuple(map(float, p)) for p in best]
    if best[0] == best[-1]:  # closed: rotate so it starts at the Gorbitsa end
        best = best[:-1]
        k = nearest_index(best, src)
        best = best[k:] + best[:k]
    else:
        k = nearest_index(best, src)
        best = best[k:]
    if best[min(20, len(best) - 1)][0] < best[0][0]:  # run eastwards
        best = [best[0]] + best[1:][::-1]
    # stop where the divide first comes within one cell of the coast
    coast = LineString(coast_line)
    for k, p in enumerate(best):
        if k > 10 and coast.distance(Point(p)) < 0.05:
            best = best[: k + 1]
            break
    else:
        raise SystemExit("crest never reaches the coast")
    elev = [float(zs[int(round((y - lat[0]) / dy)), int(round((x - lon[0]) / dx))]) for x, y in best]
    return best, elev
