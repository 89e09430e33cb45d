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
SCHEMES = {
    "playground": ("#f59322", "#0877bd", CATEGORICAL),
    # Okabe & Ito (2008), "Color Universal Design": vermillion / blue stay apart for protan,
    # deutan and tritan vision alike (tests/playground/test_presentation.py simulates all three)
    "okabe_ito": ("#d55e00", "#0072b2", ("#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00")),
}
"""Colour schemes: (negative / class −1, positive / class +1, class 0 … 4)."""
scheme = ("playground", False)


def set_scheme(name: str, swapped: bool = False) -> None:
    """Use scheme ``name``; ``swapped`` exchanges the two class colours (orange = +1)."""
    global NEGATIVE, POSITIVE, CATEGORICAL, scheme
    neg, pos, cat = SCHEMES[name if name in SCHEMES else "playground"]
    if swapped:
        neg, pos, cat = pos, neg, (cat[1], cat[0]) + tuple(cat[2:])
    NEGATIVE, POSITIVE, CATEGORICAL = neg, pos, tuple(cat)
    scheme = (name, bool(swapped))
    for cached in (diverging_lut, categorical_lut, _rgba32_lut):
        cached.cache_clear()


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
    lo, hi = _levels(activation, np.asarray(values, dtype=np.float64)[None])
    return float(lo[0]), float(hi[0])


def _levels(activation: str | None, maps: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    k = maps.shape[0]
    if activation == "tanh":
        return np.full(k, -1.0), np.full(k, 1.0)
    if activation == "sigmoid":
        return np.zeros(k), np.ones(k)
    m = np.abs(maps.reshape(k, -1)).max(axis=1) if maps.size else np.zeros(k)
    m = np.where(np.isfinite(m) & (m > 1e-6), m, 1.0)
    return -m, m


@lru_cache(maxsize=8)
def _rgba32_lut(strength: float) -> np.ndarray:
    """The diverging LUT as 256 packed RGBA8888 pixels (opaque), for one-gather colouring."""
    rgba = np.concatenate([diverging_lut(strength), np.full((256, 1), 255, np.uint8)], axis=1)
    out = np.ascontiguousarray(rgba).view(np.uint32).reshape(256)
    out.flags.writeable = False
    return out


@lru_cache(maxsize=4)
def _disc(side: int):
    """For a side × side square: the mask outside the disc, the soft edge pixels' mask and
    their alpha (one-pixel antialiased rim)."""
    c = (np.arange(side) + 0.5) - side / 2
    alpha = np.clip(side / 2 - np.hypot(c[:, None], c[None, :]) + 0.5, 0.0, 1.0)
    edge = (alpha > 0) & (alpha < 1)
    return alpha <= 0, edge, alpha[edge].astype(np.float32)


def layer_levels(activation: str | None, maps: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``neuron_levels`` of every map in a (k, rows, cols) stack: two (k,) arrays."""
    return _levels(activation, np.asarray(maps))


def map_images(maps: np.ndarray, lo: np.ndarray, hi: np.ndarray, strength: float = 1.0,
               disc_scale: int = 0) -> list[QImage]:
    """One QImage per map of a (k, rows, cols) stack laid out as in ``core.boundary``
    (row 0 = bottom; the image's row 0 is the top), map j coloured on the diverging scale
    over (lo[j], hi[j]); non-finite values show white. With ``disc_scale`` n > 0 each map is
    enlarged n× (nearest) and cut to a disc — transparent outside, soft rim — for drawing
    inside a round neuron without a clip path. 50 thumbnails in one call take ~1.5 ms."""
    maps = np.asarray(maps, dtype=np.float32)
    lo, hi = np.asarray(lo, dtype=np.float64), np.asarray(hi, dtype=np.float64)
    scale = (255.0 / np.where(hi > lo, hi - lo, 1.0)).astype(np.float32)[:, None, None]
    t = (maps - lo.astype(np.float32)[:, None, None]) * scale + np.float32(0.5)
    idx = np.clip(np.nan_to_num(t, nan=128.0, posinf=255.0, neginf=0.0), 0, 255).astype(np.uint8)
    idx = idx[:, ::-1]
    fmt = QImage.Format_RGBA8888
    if disc_scale > 0:
        idx = idx.repeat(disc_scale, axis=1).repeat(disc_scale, axis=2)
    px = _rgba32_lut(strength)[idx]                      # (k, h, w) packed RGBA
    k, h, w = px.shape
    if disc_scale > 0:
        outside, edge, edge_alpha = _disc(h)
        px[:, outside] = 0
        rim = np.ascontiguousarray(px[:, edge]).view(np.uint8).reshape(k, -1, 4)
        rim = np.round(rim.astype(np.float32) * edge_alpha[None, :, None]).astype(np.uint8)
        px[:, edge] = np.ascontiguousarray(rim).view(np.uint32).reshape(k, -1)
        fmt = QImage.Format_RGBA8888_Premultiplied
    px = np.ascontiguousarray(px)
    return [QImage(px[j].data, w, h, 4 * w, fmt).copy() for j in range(k)]
