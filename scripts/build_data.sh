#!/usr/bin/env bash
# Rebuild data/lines.geojson, data/reference.geojson, data/overview.png and the feature table in
# data/README.md from Debian packages. Installs what it needs (Debian, as root). Not run by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v gmt >/dev/null || [ ! -d /usr/share/magics/10m ] || [ ! -f /usr/share/ferret-vis/data/etopo5.cdf ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    gmt gmt-gshhg-full gdal-bin libmagics++-data ferret-datasets python3-venv
fi
venv=target/data-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q numpy==2.* shapely==2.* contourpy matplotlib networkx
fi
"$venv/bin/python" scripts/build_data.py
