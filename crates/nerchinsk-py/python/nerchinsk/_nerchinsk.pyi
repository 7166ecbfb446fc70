# The compiled core: see __init__.pyi for the public API.
from typing import Any

from . import (
    STATUS as STATUS,
    Error as Error,
    NearestBorder as NearestBorder,
    Sovereignty as Sovereignty,
    ceded_area as ceded_area,
    changes as changes,
    nearest_border as nearest_border,
    sovereignty_at as sovereignty_at,
    sovereignty_codes as sovereignty_codes,
    territories as territories,
)

def classify_rows(
    lon: Any, lat: Any, dates: Any, per_row: bool
) -> tuple[list[str], list[str | None], list[str | None]]: ...
