#!/usr/bin/env python3
"""Build every derived file in data/ from public-domain / LGPL sources installed as Debian packages.

Run through scripts/build_data.sh, which installs what this needs. Python because the
sources are read with GDAL (ogr2ogr) and GMT command-line tools and the raster step
(priority-flood over ETOPO5) wants numpy; shapely checks the topology before anything is
written. Output is deterministic: the same packages give the same bytes.

Sources (see data/README.md for licences and accuracy):
  * GSHHG 2.3.7 full resolution (Debian gmt-gshhg-full): coast, WDBII rivers and borders.
  * Natural Earth 10m 3.0.0 (Debian libmagics++-data): named rivers (to pick WDBII rivers),
    the Amur below Khabarovsk, the modern boundary lines, Mongolia's and Korea's borders.
  * ETOPO5 (Debian ferret-datasets): relief for the Stanovoy crest.
  * DCW-GMT (Debian gmt-common): the China-Russia boundary the river lines' accuracy is measured
    against, with Natural Earth and the WDBII river banks (nerchinsk_data/accuracy.py).
"""
import os
import sys

import shapely.geometry

from nerchinsk_data.accuracy import accuracy_rule, measure, report
from nerchinsk_data.border import Rivers, mainland_coast, wdb_border
from nerchinsk_data.control import control_areas
from nerchinsk_data.geometry import clean
from nerchinsk_data.islands import islands
from nerchinsk_data.lines import (aigun_amur, coast_and_frame, frontier_and_abagaitu, kyakhta_1727_and_mongolia,
                                  nerchinsk_1689, peking_1860, reference_lines)
from nerchinsk_data.output import control_table, picture, table, write
from nerchinsk_data.sources import DATA
from topology import check_topology


def main():
    coast = mainland_coast()
    border = wdb_border()
    rivers = Rivers()
    nerchinsk = nerchinsk_1689(border, rivers, coast)
    abagaitu = frontier_and_abagaitu(border)
    amur = aigun_amur(border, rivers, coast)
    amur_lines = {f.id: list(f.coords) for f in amur}
    # the de facto ring around the islands follows the whole 2004 line: the channel to 10/1, then across
    amur_lines["heixiazi_2004"] = clean(amur_lines["heixiazi_channel_west"] + amur_lines["heixiazi_2004"][1:])
    peking = peking_1860(border, rivers, coast)
    mongolia = kyakhta_1727_and_mongolia()
    lines = nerchinsk + abagaitu + amur + peking + mongolia
    # last: the coast once every line that reaches the sea is attached to it
    lines += coast_and_frame(coast, {f.id: f.coords for f in lines})
    # then the offshore islands, each joined to the coast or to an island by a bridge
    lines += islands(coast.coords, {f.id: f.coords for f in lines})
    # the river lines' accuracy_km, from how far they lie from independent references
    rows = measure({f.id: f.coords for f in lines})
    before = {f.id: f.accuracy_km for f in lines}
    after = accuracy_rule(rows, before)
    for f in lines:
        f.accuracy_km = after.get(f.id, f.accuracy_km)
    ref = reference_lines()
    # the de facto regions are cut along the border as WDBII draws it at Abagaitu (south of the islet)
    side_lines = {f.id: f.coords for f in lines}
    side_lines.update(kyakhta_east=border.frontier_west, abagaitu_channel=border.abagaitu_channel)
    control = control_areas(amur_lines, border.islet, side_lines)

    check_topology([f.coords for f in lines], [f.id for f in lines])
    for f in control:
        rings = f["geometry"]["coordinates"]
        assert shapely.geometry.Polygon(rings[0], rings[1:]).is_valid, f["properties"]["id"]
        assert all(r[0] == r[-1] for r in rings), f["properties"]["id"]

    feats = [f.geojson() for f in lines]
    ref = [f.geojson() for f in ref]
    os.makedirs(DATA, exist_ok=True)
    write(os.path.join(DATA, "lines.geojson"), feats)
    write(os.path.join(DATA, "reference.geojson"), ref)
    write(os.path.join(DATA, "control.geojson"), control)
    picture(feats, ref)
    table(feats + ref)
    report(rows, before, after)
    control_table(control)
    return 0


if __name__ == "__main__":
    sys.exit(main())
