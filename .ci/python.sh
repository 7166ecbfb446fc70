#!/usr/bin/env bash
# The Python package (crates/nerchinsk-py): its lints, then `pip install` of it into a fresh
# virtual environment under target/ (ignored), as a user would (maturin and numpy come from
# PyPI), and its pytest suite. geopandas installs as wheels (no system GDAL); the tests of
# the GeoDataFrame path skip themselves only where it cannot be imported.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo clippy -p nerchinsk-py -- -D warnings
cargo test -p nerchinsk-py
venv=target/py-venv
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install -q ./crates/nerchinsk-py pytest numpy pandas geopandas hypothesis
# from outside the source tree, so the tests import the installed package
cd crates/nerchinsk-py/tests
"../../../$venv/bin/python" -c "import nerchinsk; print(nerchinsk.sovereignty_at(124.0775, 53.39056, 1700))"
"../../../$venv/bin/python" -m pytest -q -p no:cacheprovider .
# the benchmark on fewer points, so that it keeps running (its figures are printed, not checked)
"../../../$venv/bin/python" ../bench.py 100000
