"""Axes whose tick labels never overlap, whatever the axis's pixel length and tick font.

Presentation mode makes the tick font 1.75× larger while a 1024×768 projector leaves the plots
only ~150 px: a fixed set of ticks (−6 … 6 in steps of 2) or pyqtgraph's own spacing (which
counts pixels, not the labels' size) ran the labels into one another. These axes measure their
labels with the tick font and choose again whenever their size, font or range changes:

* ``ChoiceAxis``: the first of a few fixed tick sets whose neighbouring labels fit (the heat
  map's −6 … 6 in steps of 2, 3 or 6; the accuracy strip's 0, 0.5, 1 or 0, 1);
* ``RoomyAxis``: pyqtgraph's automatic ticks, with spacings too dense for the labels left out.
"""
from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetricsF

GAP = 4.0
"""Pixels kept free between two neighbouring tick labels."""


def tick_font(axis: pg.AxisItem) -> QFont:
    """The font the axis draws its tick labels in."""
    return QFont(axis.style.get("tickFont") or axis.font())


def _vertical(axis) -> bool:
    return axis.orientation in ("left", "right")


def label_extent(fm: QFontMetricsF, text: str, vertical: bool) -> float:
    """A label's size along the axis: its height on a vertical axis, else its width."""
    return fm.height() if vertical else fm.horizontalAdvance(text)


def fits(ticks, px_per_unit: float, fm: QFontMetricsF, vertical: bool, gap: float = GAP) -> bool:
    """Whether neighbouring labels of ``ticks`` [(value, text), …] keep ``gap`` pixels apart."""
    ticks = sorted(ticks)
    for (v0, t0), (v1, t1) in zip(ticks, ticks[1:]):
        room = (v1 - v0) * px_per_unit
        if room < (label_extent(fm, t0, vertical) + label_extent(fm, t1, vertical)) / 2 + gap:
            return False
    return True


def _axis_scale(axis) -> float:
    """Pixels per data unit along the axis (0 before it has a size)."""
    lo, hi = axis.range
    length = axis.size().height() if _vertical(axis) else axis.size().width()
    return length / (hi - lo) if hi > lo and length > 0 else 0.0


class ChoiceAxis(pg.AxisItem):
    """Fixed ticks: the first of ``choices`` (lists of (value, text), densest first) that fits;
    the last if none does. ``chosen`` is the one drawn (None: not laid out yet)."""

    def __init__(self, orientation: str, choices, **kwargs):
        super().__init__(orientation, **kwargs)
        self.choices = [list(c) for c in choices]
        self.chosen = None
        self.setStyle(hideOverlappingLabels=40)     # the ±6 ends are drawn, never dropped
        self._choose()

    def _choose(self) -> None:
        ppu = _axis_scale(self)
        fm = QFontMetricsF(tick_font(self))
        if ppu <= 0:
            pick = self.choices[0]
        else:
            pick = next((c for c in self.choices if fits(c, ppu, fm, _vertical(self))),
                        self.choices[-1])
        if pick is not self.chosen:
            self.chosen = pick
            self.setTicks([pick, []])

    def resizeEvent(self, ev=None):     # noqa: N802 (Qt override)
        super().resizeEvent(ev)
        if hasattr(self, "choices"):
            self._choose()

    def setTickFont(self, font):        # noqa: N802 (pyqtgraph override)
        super().setTickFont(font)
        if hasattr(self, "choices"):
            self._choose()

    def setRange(self, mn, mx):         # noqa: N802
        super().setRange(mn, mx)
        if hasattr(self, "choices"):
            self._choose()


def domain_choices(lo: int = -6, hi: int = 6, steps=(2, 3, 6)):
    """Tick sets over [lo, hi] for each step (each includes 0 and both ends)."""
    return [[(float(v), str(v).replace("-", "−")) for v in range(lo, hi + 1, s)] for s in steps]


class RoomyAxis(pg.AxisItem):
    """pyqtgraph's automatic ticks without the levels whose labels would touch; if even the
    coarsest would, a coarser round spacing (1, 2, 5 × 10ᵏ) that fits."""

    def tickSpacing(self, minVal, maxVal, size):     # noqa: N802 (pyqtgraph override)
        levels = super().tickSpacing(minVal, maxVal, size)
        if maxVal <= minVal or size <= 0:
            return levels
        ppu = size / (maxVal - minVal)
        kept = [lv for lv in levels if self._roomy(lv[0], minVal, maxVal, ppu)]
        if kept:
            return kept
        spacing = levels[0][0] if levels else (maxVal - minVal)
        for _ in range(30):
            spacing = _next_round(spacing)
            if self._roomy(spacing, minVal, maxVal, ppu):
                break
        return [(spacing, 0)]

    def _roomy(self, spacing: float, lo: float, hi: float, ppu: float) -> bool:
        first = math.ceil(lo / spacing) * spacing
        values = [first + k * spacing for k in range(int((hi - first) / spacing) + 1)][:50]
        if len(values) < 2:
            return True
        texts = self.tickStrings(values, self.autoSIPrefixScale * self.scale, spacing)
        fm = QFontMetricsF(tick_font(self))
        return fits(list(zip(values, texts)), ppu, fm, _vertical(self))


def _next_round(spacing: float) -> float:
    """The next round number above ``spacing`` in the 1, 2, 5 series."""
    e = 10.0 ** math.floor(math.log10(spacing) + 1e-9)
    for m in (2, 5, 10):
        if m * e > spacing * (1 + 1e-9):
            return m * e
    return 20 * e
