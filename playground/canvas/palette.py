"""What the canvas items share: highlight colours, the step panel's role colours, sizes,
stacking order and the fonts (made on first use: fonts need a QGuiApplication)."""
from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

HIGHLIGHT = QColor("#ff8f00")    # the selected neuron / link
HOVER = QColor("#5e35b1")        # the neuron / link under the mouse
ROLE_COLORS = {                  # the step panel's colours
    "plain": QColor("#263238"),
    "param": QColor("#455a64"),
    "forward": QColor("#1565c0"),
    "backward": QColor("#c62828"),
    "update": QColor("#2e7d32"),
}

NEURON_RADIUS = 22.0
LABEL_PIXEL_SIZE = 12
LABEL_LINE_HEIGHT = 15.0
EDITOR_WIDTH = 120

Z_HIGHLIGHT, Z_LINK, Z_HALO, Z_SELECTED_LINK = -10, 0, 1, 2
Z_NEURON, Z_LINK_LABEL, Z_HEADER, Z_EDITOR = 5, 8, 9, 20


MIN_TEXT_PIXELS = 4.5            # text smaller than this on screen is not drawn (illegible)


def _pixels(painter: QPainter, size: float) -> float:
    """How many screen pixels ``size`` scene units are under the painter's transform."""
    return size * QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())


_FONTS: dict[tuple[int, bool], QFont] = {}    # made on first use: fonts need a QGuiApplication
_METRICS: list[QFontMetricsF] = []


def _font(pixel_size: int, bold: bool = False) -> QFont:
    font = _FONTS.get((pixel_size, bold))
    if font is None:
        font = _FONTS[(pixel_size, bold)] = QFont()
        font.setPixelSize(pixel_size)
        font.setBold(bold)
    return font


def label_fonts() -> tuple[QFont, QFont, QFontMetricsF]:
    """(plain, bold, metrics of bold) for value labels; widths are measured in bold."""
    if not _METRICS:
        _METRICS.append(QFontMetricsF(_font(LABEL_PIXEL_SIZE, True)))
    return _font(LABEL_PIXEL_SIZE), _font(LABEL_PIXEL_SIZE, True), _METRICS[0]

