"""TensorFlow Playground's colours as Qt colours and 256-entry uint8 lookup tables.

Class −1 / negative values are orange, class +1 / positive values blue, 0 is white. The
diverging LUT covers the ImageItem levels (lo, hi) from orange (lo) through white (middle)
to blue (hi): levels (−1, 1) put white at 0, levels (0, 1) put it at a sigmoid's 0.5.
Multi-class data uses a categorical palette (class 0 … 4).
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
from PySide6.QtGui import QBrush, QColor, QImage

NEGATIVE = "#f59322"     # TF Playground orange: class −1, negative values
POSITIVE = "#0877bd"     # TF Playground blue: class +1, positive values
NEUTRAL = "#ffffff"
CATEGORICAL = ("#f59322", "#0877bd", "#2ca02c", "#9467bd", "#d62728")
"""Class 0 … 4 (the first two match the binary colours: class 0 ↔ −1, class 1 ↔ +1)."""
TEST_EDGE = "#202020"
TRAIN_EDGE = "#ffffff"
BACKGROUND_STRENGTH = 0.55
"""How much of a colour the heat map shows (the rest is white), so the points stand out."""


def _rgb(hex_colour: str) -> np.ndarray:
    c = QColor(hex_colour)
    return np.array([c.red(), c.green(), c.blue()], dtype=np.float64)


@lru_cache(maxsize=8)
def diverging_lut(strength: float = 1.0) -> np.ndarray:
    """(256, 3) uint8: orange → white → blue; ``strength`` < 1 blends every entry with white."""
    t = np.linspace(-1.0, 1.0, 256)[:, None]
    white, neg, pos = _rgb(NEUTRAL), _rgb(NEGATIVE), _rgb(POSITIVE)
    lut = np.where(t < 0, white + (neg - white) * -t, white + (pos - white) * t)
    lut = white + (lut - white) * strength
    out = np.ascontiguousarray(np.clip(np.round(lut), 0, 255).astype(np.uint8))
    out.flags.writeable = False
    return out


@lru_cache(maxsize=16)
def categorical_lut(n_classes: int, strength: float = 1.0) -> np.ndarray:
    """(256, 3) uint8 in ``n_classes`` equal bands: with levels (0, K) the value c shows
    class c's colour (an arg-max class image)."""
    k = max(1, min(int(n_classes), len(CATEGORICAL)))
    white = _rgb(NEUTRAL)
    cols = np.array([white + (_rgb(c) - white) * strength for c in CATEGORICAL[:k]])
    band = np.minimum((np.arange(256) * k) // 256, k - 1)
    out = np.ascontiguousarray(np.round(cols[band]).astype(np.uint8))
    out.flags.writeable = False
    return out


def class_colour(label: float, kind: str) -> QColor:
    """Full-strength colour of one class label (binary ±1 or class index)."""
    if kind == "binary":
        return QColor(POSITIVE if label > 0 else NEGATIVE)
    return QColor(CATEGORICAL[int(label) % len(CATEGORICAL)])


def value_colours(values: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """(n, 3) uint8 colours of real values on the diverging scale over [lo, hi]."""
    lut = diverging_lut(1.0)
    span = hi - lo if hi > lo else 1.0
    idx = np.clip(((np.asarray(values, dtype=np.float64) - lo) / span * 255).round(), 0, 255)
    return lut[idx.astype(np.intp)]


def brushes(labels: np.ndarray, kind: str, value_levels: tuple[float, float]) -> list:
    """One QBrush per point: its class colour, or (regression) its value's colour."""
    if kind == "regression":
        return [QBrush(QColor(*c)) for c in value_colours(labels, *value_levels).tolist()]
    cache: dict[float, QBrush] = {}
    return [cache.setdefault(v, QBrush(class_colour(v, kind))) for v in labels.tolist()]


def neuron_levels(activation: str | None, values: np.ndarray) -> tuple[float, float]:
    """Colour levels for one neuron's output map: the activation's own range where it has
    one (tanh −1…1, sigmoid 0…1, white at the middle), else symmetric around 0."""
    if activation == "tanh":
        return -1.0, 1.0
    if activation == "sigmoid":
        return 0.0, 1.0
    m = float(np.nanmax(np.abs(values))) if values.size else 0.0
    m = m if np.isfinite(m) and m > 1e-6 else 1.0
    return -m, m


def map_image(values: np.ndarray, levels: tuple[float, float], strength: float = 1.0) -> QImage:
    """A (rows, cols) grid laid out as in ``core.boundary`` (row 0 = bottom) as an RGB QImage
    (row 0 = top), coloured on the diverging scale over ``levels``."""
    lo, hi = levels
    span = hi - lo if hi > lo else 1.0
    v = np.nan_to_num(np.asarray(values, dtype=np.float64), nan=0.5 * (lo + hi))
    idx = np.clip(np.round((v - lo) / span * 255), 0, 255).astype(np.intp)
    rgb = np.ascontiguousarray(diverging_lut(strength)[idx[::-1]])
    h, w = rgb.shape[:2]
    return QImage(rgb.data, w, h, 3 * w, QImage.Format_RGB888).copy()
