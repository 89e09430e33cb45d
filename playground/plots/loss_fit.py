"""The loss plot at small sizes (presentation mode at 1024×768): room before completeness.

When the two plots' room is too small for the loss curve and the accuracy strip each to show
their tick labels apart, the strip is hidden and the loss curve takes its room (the latest
accuracy is still in the figures line above the plots). Axis titles longer than their axis are
elided, with the whole title as the label's tooltip.

Drawn elided, the title keeps its whole text in ``labelText``: a language change translates it
and the next fit elides the new one.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF

from .axis_ticks import tick_font

LOSS_TICK_ROWS = 4
"""Tick-label heights the loss curve needs at least (three labels with room between)."""


def plot_room(lp) -> int:
    """Pixels the loss curve and the accuracy strip share."""
    room = lp.plot_widget.height()
    if lp.accuracy_widget.isVisibleTo(lp):
        room += lp.accuracy_widget.height() + max(lp.layout().spacing(), 0)
    return room


def strip_fits(lp) -> bool:
    """Whether the accuracy strip can be shown and leave the loss curve enough room."""
    h = QFontMetricsF(tick_font(lp.plot.getAxis("left"))).height()
    loss_needs = LOSS_TICK_ROWS * h + 2 * h + 12     # the curve's ticks, its x axis' labels
    return plot_room(lp) >= loss_needs + lp.accuracy_widget.height()


def title_font(axis) -> QFont:
    """The font of an axis' title (its label style's size, if it has one)."""
    font = QFont(axis.label.font())
    size = str(axis.labelStyle.get("font-size", ""))
    if size.endswith("pt"):
        font.setPointSizeF(float(size[:-2]))
    return font


def fit_title(axis) -> None:
    """The axis' title drawn elided to the axis' length, its tooltip then the whole title.
    ``labelText`` keeps the whole title (what a language change translates)."""
    full = axis.labelText or ""
    if not full or not axis.label.isVisible():
        return
    vertical = axis.orientation in ("left", "right")
    length = (axis.size().height() if vertical else axis.size().width()) - 4
    fm = QFontMetricsF(title_font(axis))
    text = full if length <= 0 or fm.horizontalAdvance(full) <= length else \
        fm.elidedText(full, Qt.ElideRight, length)
    axis.labelText = text
    html = axis.labelString()
    axis.labelText = full
    if axis.label.toHtml() != html:
        axis.label.setHtml(html)
        axis.resizeEvent()                # the label's position along the axis
    axis.label.setToolTip(full if text != full else "")
