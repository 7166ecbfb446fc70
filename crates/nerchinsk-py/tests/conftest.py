"""Hypothesis settings for the suite: no example database written into the source tree, and no
per-example deadline (CI shares two cores with other builds; speed is bench.py's business)."""

from hypothesis import settings

settings.register_profile("nerchinsk", database=None, deadline=None)
settings.load_profile("nerchinsk")
