"""classify on pandas DataFrames (rows in = rows out) and territories_gdf (geopandas)."""

import datetime
import importlib.util
import math
import sys

import numpy as np
import pandas as pd
import pytest

import nerchinsk

HAS_GEOPANDAS = importlib.util.find_spec("geopandas") is not None

# Albazino and Blagoveshchensk (src/lib.rs; tests/landmarks.rs), the Sea of Japan and Mongolia
# (src/error.rs; src/query.rs)
ALBAZINO = (124.0775, 53.39056)
BLAGOVESHCHENSK = (127.533, 50.25)


def test_classify_with_one_date_adds_the_columns():
    df = pd.DataFrame({"lon": [ALBAZINO[0], BLAGOVESHCHENSK[0]], "lat": [ALBAZINO[1], BLAGOVESHCHENSK[1]], "name": ["a", "b"]})
    out = nerchinsk.classify(df, date=1700)
    assert list(out.columns) == ["lon", "lat", "name", "status", "sovereign", "treaty"]
    assert out["status"].tolist() == ["china", "china"]
    assert out["sovereign"].tolist() == ["Qing Empire", "Qing Empire"]
    assert "status" not in df.columns  # a copy: the input is left as it was
    assert nerchinsk.classify(df, date="1900-01-01")["status"].tolist() == ["russia", "russia"]


def test_rows_in_rows_out_with_bad_rows():
    rows = [
        # (lon, lat, year, expected status)
        (ALBAZINO[0], ALBAZINO[1], 1700, "china"),
        (None, 50.0, 1900, "error:missing"),
        ("abc", 50.0, 1900, "error:not_a_number"),
        (math.inf, 50.0, 1900, "error:not_finite"),
        (200.0, 50.0, 1900, "error:out_of_range"),
        (135.5, 43.0, 1900, "error:at_sea"),
        (100.0, 50.0, 1900, "error:outside"),
        (ALBAZINO[0], ALBAZINO[1], 1600, "error:before_coverage"),
        (ALBAZINO[0], ALBAZINO[1], "1900-02-30", "error:bad_year"),
        (ALBAZINO[0], ALBAZINO[1], None, "error:missing"),
        ("12x", ALBAZINO[1], None, "error:not_a_number"),  # the coordinate's error first
        (ALBAZINO[0], ALBAZINO[1], "1900", "russia"),
        (ALBAZINO[0], ALBAZINO[1], datetime.date(1700, 1, 1), "china"),
    ]
    df = pd.DataFrame(
        {"x": [r[0] for r in rows], "y": [r[1] for r in rows], "when": [r[2] for r in rows]},
        index=[f"row{i}" for i in range(len(rows))],
    )
    out = nerchinsk.classify(df, lon="x", lat="y", date="when")
    assert len(out) == len(df)
    assert list(out.index) == list(df.index)
    assert out["status"].tolist() == [r[3] for r in rows]
    bad = out["status"].str.startswith("error:")
    assert out.loc[bad, "sovereign"].isna().all() and out.loc[bad, "treaty"].isna().all()
    assert out.loc[~bad, "treaty"].notna().all()


def test_classify_a_column_of_years_with_a_gap():
    # a column of ints with a missing value is a float column
    df = pd.DataFrame({"lon": [ALBAZINO[0]] * 3, "lat": [ALBAZINO[1]] * 3, "year": [1700, np.nan, 1900]})
    assert df["year"].dtype == np.float64
    out = nerchinsk.classify(df, date="year")
    assert out["status"].tolist() == ["china", "error:missing", "russia"]


def test_classify_a_column_of_timestamps():
    df = pd.DataFrame(
        {
            "lon": [BLAGOVESHCHENSK[0]] * 3,
            "lat": [BLAGOVESHCHENSK[1]] * 3,
            "day": pd.to_datetime(["1858-05-27", "1858-05-28", None]),
        }
    )
    out = nerchinsk.classify(df, date="day")
    assert out["status"].tolist() == ["china", "russia", "error:missing"]


def test_classify_agrees_with_the_scalar_call_on_random_points():
    rng = np.random.default_rng(5)
    n = 500
    df = pd.DataFrame({"lon": rng.uniform(104, 143, n), "lat": rng.uniform(41, 59, n), "year": rng.integers(1690, 2030, n)})
    out = nerchinsk.classify(df, date="year")
    for row in out.itertuples():
        try:
            s = nerchinsk.sovereignty_at(row.lon, row.lat, int(row.year))
            assert (row.status, row.sovereign, row.treaty) == (s.status, s.sovereign, s.treaty)
        except nerchinsk.Error as e:
            assert row.status == f"error:{e.code}"


def test_classify_bad_arguments():
    df = pd.DataFrame({"lon": [1.0], "lat": [2.0]})
    with pytest.raises(TypeError):
        nerchinsk.classify([[1.0, 2.0]], date=1900)
    with pytest.raises(KeyError, match="longitude"):
        nerchinsk.classify(df, lon="longitude", date=1900)
    with pytest.raises(nerchinsk.Error, match="nor is it a column") as info:
        nerchinsk.classify(df, date="yaer")
    assert info.value.code == "invalid_date"
    with pytest.raises(TypeError):
        nerchinsk.classify(df, date=1900.5)
    with pytest.raises(TypeError):
        nerchinsk.classify(df, 1900)  # the date is a keyword


def test_classify_an_empty_frame():
    out = nerchinsk.classify(pd.DataFrame({"lon": [], "lat": []}), date=1900)
    assert len(out) == 0 and "status" in out.columns


@pytest.mark.skipif(not HAS_GEOPANDAS, reason="geopandas is not installed")
def test_territories_gdf_round_trip():
    gdf = nerchinsk.territories_gdf(1900)
    assert gdf.crs.to_epsg() == 4326
    fc = nerchinsk.territories(1900)
    assert len(gdf) == len(fc["features"])
    assert set(gdf["status"]) == {"russia", "china"}
    # a point inside each territory answers the territory's status, sovereign and treaty
    for row in gdf.itertuples():
        p = row.geometry.representative_point()
        s = nerchinsk.sovereignty_at(p.x, p.y, 1900)
        assert (s.status, s.sovereign, s.treaty) == (row.status, row.sovereign, row.treaty)
    # and back: classify the points of a frame against the polygons they fall in
    rng = np.random.default_rng(9)
    pts = pd.DataFrame({"lon": rng.uniform(106, 141, 400), "lat": rng.uniform(43, 57, 400)})
    out = nerchinsk.classify(pts, date=1900)
    import geopandas

    joined = geopandas.sjoin(
        geopandas.GeoDataFrame(out, geometry=geopandas.points_from_xy(out.lon, out.lat), crs=4326),
        gdf[["status", "geometry"]].rename(columns={"status": "polygon_status"}),
        how="inner",
        predicate="within",
    )
    assert len(joined) > 100
    assert (joined["status"] == joined["polygon_status"]).all()


def test_territories_gdf_without_geopandas_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "geopandas", None)  # import geopandas fails
    with pytest.raises(ImportError, match="pip install geopandas"):
        nerchinsk.territories_gdf(1900)
