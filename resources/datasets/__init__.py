"""Bundled digit data sets (read with importlib.resources; see ATTRIBUTION.txt and manifest.json)."""
