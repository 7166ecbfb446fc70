"""Type stubs of nerchinsk: which state held a coordinate on a date on the Sino-Russian
border since 1689. Coordinates are WGS84 degrees, longitude first."""

import datetime
from typing import Any, Final, Literal, Sequence, TypedDict, Union

import numpy as np
import numpy.typing as npt

# An int year (31 December of that year), an ISO date string "YYYY-MM-DD" (or a year as
# text), or a datetime.date (a datetime or a pandas Timestamp is one).
YearOrDate = Union[int, str, datetime.date]
# A one-dimensional array of numbers: a NumPy array (read in place when float64), anything
# with the buffer protocol, or a sequence of floats.
FloatArray = Union[npt.NDArray[np.floating[Any]], memoryview, Sequence[float]]

LandStatus = Literal["russia", "china", "joint", "undetermined"]

# The names of the codes of sovereignty_codes, by code:
# ["russia", "china", "joint", "undetermined", "sea", "outside", "invalid_coordinate"].
STATUS: Final[list[str]]

class Error(ValueError):
    """Bad input: the library's message; `code` is its short name (not_finite,
    out_of_range, at_sea, outside, before_coverage, invalid_date, invalid_input)."""

    code: str

class Sovereignty:
    """Which state held a point on a date."""

    @property
    def status(self) -> LandStatus: ...
    @property
    def sovereign(self) -> str:
        """The state's name on the date, e.g. "Qing Empire"."""
    @property
    def treaty(self) -> str:
        """The event that set the status, e.g. "Treaty of Nerchinsk"."""
    @property
    def certain(self) -> bool:
        """False within a line's accuracy of land of another status, or between a
        treaty's signing and its entry into force."""
    @property
    def doubt(self) -> Literal["space", "time"] | None: ...
    @property
    def other_sovereign(self) -> str | None: ...

class NearestBorder:
    """The treaty line in force nearest to a point."""

    @property
    def line(self) -> str: ...
    @property
    def distance_km(self) -> float:
        """Haversine distance (mean Earth radius), km."""

# a row of ceded_area ("from" is a keyword, hence the call form)
CededRow = TypedDict(
    "CededRow",
    {"event": str, "treaty": str, "date": str, "from": LandStatus, "to": LandStatus, "km2": float},
)

def sovereignty_at(lon: float, lat: float, year_or_date: YearOrDate) -> Sovereignty:
    """Which state held the point on the date. Raises Error for NaN, out-of-range, at-sea
    or outside points and dates before 1689; TypeError for wrong types."""

def sovereignty_codes(lon: FloatArray, lat: FloatArray, year: YearOrDate) -> npt.NDArray[np.uint8]:
    """The status of every point on one date as codes, indexes of STATUS; NaN, infinite and
    out-of-range points are code 6, invalid_coordinate. GIL released, every core, inputs not copied."""

def nearest_border(lon: float, lat: float, date: YearOrDate) -> NearestBorder:
    """The treaty line in force on the date nearest to the point, and its distance."""

def territories(date: YearOrDate) -> dict[str, Any]:
    """The territories on the date as a GeoJSON FeatureCollection."""

def uncertain_bands(date: YearOrDate) -> dict[str, Any]:
    """The uncertain band of each treaty line in force on the date (every point within the
    line's accuracy of it) as a GeoJSON FeatureCollection."""

def territories_gdf(date: YearOrDate) -> Any:
    """The territories on the date as a geopandas GeoDataFrame in EPSG:4326; ImportError
    without geopandas."""

def ceded_area() -> list[CededRow]:
    """The land that changed hands at each treaty: the event, its date, the statuses before
    and after and the area (km², geodesic on WGS84)."""

def changes(a: YearOrDate, b: YearOrDate) -> dict[str, Any]:
    """The land whose status or holding state differs between two dates, as a GeoJSON
    FeatureCollection."""

def classify(df: Any, lon: str = "lon", lat: str = "lat", *, date: Any) -> Any:
    """A copy of the pandas DataFrame with status, sovereign and treaty added; a row that
    cannot be classified gets "error:<reason>" as its status (rows in = rows out)."""
