"""The steps of scripts/build_data.py: sources, geometry, the lines by family, the de facto layer
and the files written."""
