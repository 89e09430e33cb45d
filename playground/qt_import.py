"""Importing Qt without PySide6's source scan of every later module.

Once ``PySide6.QtCore`` is imported, PySide6 hooks ``__import__``: after each import it calls
``inspect.getsource`` on the new module to see whether it names PySide6 (its opt-in
``from __feature__ import snake_case`` support, PYSIDE-2029). That reads and keeps in
``linecache`` the source of every module the window imports afterwards: pyqtgraph's, the
app's and numpy's lazy parts. Measured on the training-layout window: about 16 MB of the
first paint's RSS and 40-100 ms of its CPU time (bench_start.py: 1.14x -> 1.03x the bare window).

The app uses no ``__feature__``. A module that does import ``__feature__`` is registered by
that import itself, before the post-import check runs, so the check only decides the default
of every other module: "0 = no feature" if its source names PySide6, "-1 = follow the caller"
otherwise. Without any feature switched on anywhere, the two behave the same; this answers 0
("no feature") for all of them without reading any source, which is also right for modules
that use Qt through another name (pyqtgraph's ``from ..Qt import QtCore``).
"""
from __future__ import annotations

import sys

_FEATURE_MODULE = "PySide6.support.feature"


def _no_feature(module) -> bool:
    """PySide6's "does this module use PySide?" answered without its source: yes, with no
    feature (its default for modules that name PySide6)."""
    return True


def skip_source_scan() -> bool:
    """Import QtCore and turn off PySide6's per-import source read; whether it was found (a
    PySide6 without the hook, or with another shape, is left alone)."""
    import PySide6.QtCore  # noqa: F401  (installs the import hook and its feature module)
    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _no_feature
    return True
