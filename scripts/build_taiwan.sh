#!/usr/bin/env bash
# Rebuild data/taiwan.geojson, data/taiwan_lines.geojson and the area table in data/TAIWAN.md from
# the GSHHG full-resolution shoreline (Debian gmt-gshhg-full). Installs what it needs (Debian, as
# root). Not run by CI.
# Kept apart from build_data.sh: the Taiwan region is not yet used by the library, needs only GMT
# and the shoreline, and shares the venv (plus pyproj, for the second area computation).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v gmt >/dev/null || [ ! -f /usr/share/gmt-gshhg/binned_GSHHS_f.nc ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends gmt gmt-gshhg-full python3-venv
fi
venv=target/data-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q numpy==2.* shapely==2.* contourpy matplotlib networkx
fi
"$venv/bin/python" -c 'import pyproj' 2>/dev/null || "$venv/bin/pip" install -q 'pyproj==3.*'
"$venv/bin/python" scripts/build_taiwan.py
