"""The pandas and geopandas helpers: ``classify`` for a DataFrame of points and
``territories_gdf`` for the territories of a date as a GeoDataFrame."""

from __future__ import annotations

from typing import Any

import numpy as np

from ._nerchinsk import Error, classify_rows, territories


def territories_gdf(date: Any) -> Any:
    """The territories on ``date`` as a geopandas GeoDataFrame in EPSG:4326 (lon/lat degrees):
    one row per territory, with the properties of :func:`nerchinsk.territories` as columns.

    ``date`` as in :func:`nerchinsk.sovereignty_at`. Raises ImportError when geopandas is not
    installed, and :class:`nerchinsk.Error` for a date before 1689 or that does not exist.
    """
    try:
        import geopandas
    except ImportError as e:
        raise ImportError(
            "nerchinsk.territories_gdf needs geopandas, which is not installed: "
            "pip install geopandas (or nerchinsk.territories(date) for the GeoJSON as a dict)"
        ) from e
    collection = territories(date)
    return geopandas.GeoDataFrame.from_features(collection["features"], crs="EPSG:4326")


def classify(df: Any, lon: str = "lon", lat: str = "lat", *, date: Any) -> Any:
    """A copy of the pandas DataFrame ``df`` with the columns ``status``, ``sovereign`` and
    ``treaty`` added: which state held each row's point (columns ``lon`` and ``lat``, WGS84
    degrees) on ``date``.

    ``date`` is one date for every row (an int year, an ISO date string or a
    ``datetime.date``) or the name of a column holding each row's date (ints, whole floats,
    strings, dates or timestamps). A string that names a column of ``df`` is that column.

    Rows in = rows out: a row that cannot be classified gets ``error:<reason>`` as its status
    and None as its sovereign and treaty, the reasons being those of the command line's
    ``classify``: ``missing`` (no coordinate or no date), ``not_a_number``, ``bad_year`` (a
    date that is no date), ``not_finite``, ``out_of_range``, ``at_sea``, ``outside``,
    ``before_coverage``. A date given for every row that is no date raises
    :class:`nerchinsk.Error` (or TypeError for a value of the wrong type).
    """
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - pandas is how a DataFrame gets here
        raise ImportError("nerchinsk.classify needs pandas: pip install pandas") from e
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"classify takes a pandas DataFrame, not {type(df).__name__}")
    for column in (lon, lat):
        if column not in df.columns:
            raise KeyError(f"no column {column!r} in the DataFrame (columns: {list(df.columns)})")
    coords = []
    for column in (lon, lat):
        raw = df[column]
        number = pd.to_numeric(raw, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        coords.append((raw.isna().to_numpy(), number))
    per_row = isinstance(date, str) and date in df.columns
    if per_row:
        series = df[date]
        dates: Any = [None if m else v for v, m in zip(series.tolist(), series.isna().tolist())]
    else:
        dates = date
    try:
        status, sovereign, treaty = classify_rows(coords[0][1], coords[1][1], dates, per_row)
    except Error as e:
        if isinstance(date, str):  # perhaps a column's name misspelt
            hint = Error(f"{e} (nor is it a column of the DataFrame: {list(df.columns)})")
            hint.code = e.code
            raise hint from e
        raise
    # a coordinate that is missing or no number is the row's error, the longitude's first, as
    # on the command line
    coord_error = np.full(len(status), None, dtype=object)
    for missing, number in reversed(coords):
        coord_error[np.isnan(number) & ~missing] = "error:not_a_number"
        coord_error[missing] = "error:missing"
    for i in np.flatnonzero(coord_error != None):  # noqa: E711 (elementwise)
        status[i] = coord_error[i]
    out = df.copy()
    out["status"] = status
    out["sovereign"] = sovereign
    out["treaty"] = treaty
    return out
