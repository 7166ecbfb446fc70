"""Which state held a coordinate on a date on the Sino-Russian border since 1689.

The treaty lines (Nerchinsk 1689, Kyakhta 1727, Aigun 1858, Peking 1860, the agreements of
1991 and 2004) are embedded, as in the Rust library ``nerchinsk``. Coordinates are WGS84
degrees, longitude first. A date is an int year (31 December of that year), an ISO date
string ``"YYYY-MM-DD"`` or a ``datetime.date``. Bad input raises :class:`nerchinsk.Error`, a
``ValueError`` with the library's message.

>>> import nerchinsk
>>> nerchinsk.sovereignty_at(124.0775, 53.39056, 1700).sovereign  # Albazino
'Qing Empire'
"""

from ._nerchinsk import (
    STATUS,
    Error,
    NearestBorder,
    Sovereignty,
    ceded_area,
    changes,
    nearest_border,
    sovereignty_at,
    sovereignty_codes,
    territories,
    uncertain_bands,
)
from ._tables import classify, territories_gdf

__all__ = [
    "STATUS",
    "Error",
    "NearestBorder",
    "Sovereignty",
    "ceded_area",
    "changes",
    "classify",
    "nearest_border",
    "sovereignty_at",
    "sovereignty_codes",
    "territories",
    "territories_gdf",
    "uncertain_bands",
]
