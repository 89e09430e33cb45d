"""HeatImageItem: pyqtgraph's ImageItem, with the common case turned into a QImage Qt draws
fastest.

A float image with levels and a 256-entry RGB lookup table (every heat map and neuron map
here) becomes an opaque ``Format_RGB32`` image, coloured in one gather. pyqtgraph makes an
``Indexed8`` image with a colour table, which the raster engine converts on every paint: on
the live heat map (100×100 cells, ~350 px on screen, ~55 paints a second) that was about
1 ms of each paint. The colour indices are computed exactly as pyqtgraph computes them, so
the pixels do not change; anything else (NaNs, other tables, colour images) goes the
ImageItem's own way.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QImage


def _packed(lut: np.ndarray) -> np.ndarray:
    """(256, 3) uint8 RGB → 256 packed 0xffRRGGBB (QImage.Format_RGB32)."""
    rgb = lut.astype(np.uint32)
    return (0xFF000000 | (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]).astype(np.uint32)


def colour_indices(image: np.ndarray, levels, n_colours: int = 256) -> np.ndarray:
    """pyqtgraph's rescale of a float image to lookup-table indices (uint8): float32
    ``(x − lo) · n / (hi − lo)`` (each step rounded to float32, as its in-place float32 work
    array does), clipped to [0, n − 1] and truncated."""
    lo, hi = (float(v) for v in levels)
    rng = hi - lo
    scale = n_colours / (rng if rng != 0 else 1.0)
    y = (image.astype(np.float64) - lo).astype(np.float32)
    y = (y.astype(np.float64) * scale).astype(np.float32)
    np.clip(y, 0, n_colours - 1, out=y)
    return y.astype(np.uint8)


class HeatImageItem(pg.ImageItem):
    _tables: dict = {}          # id(lut) → (lut, packed): the tables are cached objects

    def render(self):
        image, lut, levels = self.image, self.lut, self.levels
        if (image is None or image.ndim != 2 or image.dtype.kind != "f" or image.size == 0
                or self.axisOrder != "row-major" or self.autoDownsample
                or not isinstance(lut, np.ndarray) or lut.shape != (256, 3)
                or lut.dtype != np.uint8 or levels is None or np.ndim(levels) != 1
                or np.isnan(image.min())):
            return super().render()
        key = id(lut)
        entry = self._tables.get(key)
        if entry is None or entry[0] is not lut:
            if len(self._tables) > 32:
                self._tables.clear()
            entry = self._tables[key] = (lut, _packed(lut))
        pixels = np.ascontiguousarray(entry[1][colour_indices(image, levels)])
        h, w = pixels.shape
        self._fast_pixels = pixels          # (the QImage shares this memory)
        self.qimage = QImage(pixels.data, w, h, 4 * w, QImage.Format_RGB32)
        self._renderRequired = False
        self._unrenderable = False
