"""The canvas items: they paint and hit-test; the scene decides what they show.

``NeuronItem``   a circle with a caption inside (x₁, a¹₂ …), an optional thumbnail clipped to
                 the circle, and a ``LabelItem`` underneath with its values (z, a, δ, b …).
``LinkItem``     a straight line for one weight W[l][i, j]; colour = sign, width = |w|
                 (TensorFlow Playground's convention). Its label is a separate ``LabelItem``
                 the scene creates only when the label is visible.
``LabelItem``    a few short lines of text on a light rounded background, each line in the
                 colour of its role (forward values blue, gradients red, updated values green).
``LayerHeaderItem`` the title above a column, holding small ``ButtonItem`` children (+ − ×).
``InlineEditor`` the QLineEdit the scene embeds (in a proxy) to edit one number in place.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QImage, QPainter,
                           QPainterPath, QPen)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem, QLineEdit, QStyleOptionGraphicsItem

from ..widgets import INVALID_STYLE, parse_reason

POSITIVE = QColor("#2f7fd1")     # TensorFlow Playground: positive weights blue,
NEGATIVE = QColor("#f59322")     # negative weights orange
ZERO = QColor("#9e9e9e")
DISABLED = QColor("#b8b8b8")
HIGHLIGHT = QColor("#ff8f00")    # the selected neuron / link
HOVER = QColor("#5e35b1")        # the neuron / link under the mouse
MAX_WIDTH_WEIGHT = 5.0           # |w| at which a link reaches its full width
MIN_WIDTH, MAX_WIDTH = 1.0, 10.0

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


# ---------------------------------------------------------------------------- link pens
_PENS: dict[tuple, QPen] = {}


def link_style(weight: float, enabled: bool = True) -> tuple[str, float]:
    """(kind, width) for a weight: kind is positive/negative/zero/disabled; width 1–10 px
    growing linearly with |w| up to 5, in quarter-pixel steps so tiny changes keep the pen."""
    if not enabled:
        return "disabled", 1.0
    kind = "positive" if weight > 0 else "negative" if weight < 0 else "zero"
    frac = min(abs(weight), MAX_WIDTH_WEIGHT) / MAX_WIDTH_WEIGHT
    width = MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * frac
    return kind, round(width * 4) / 4


def link_pen(style: tuple[str, float]) -> QPen:
    """The shared QPen for a ``link_style`` result."""
    pen = _PENS.get(style)
    if pen is None:
        kind, width = style
        color = {"positive": POSITIVE, "negative": NEGATIVE, "zero": ZERO}.get(kind, DISABLED)
        pen = QPen(color, width)
        pen.setCapStyle(Qt.FlatCap)
        if kind == "disabled":
            pen.setStyle(Qt.DashLine)
        _PENS[style] = pen
    return pen


# ---------------------------------------------------------------------------- labels
class LabelItem(QGraphicsItem):
    """Lines of text ``[(text, role, bold)]`` centred on (0, 0) horizontally; the top edge is
    at y = 0 unless ``anchor_center`` (then centred vertically too)."""

    PAD = 3.0

    def __init__(self, parent=None, anchor_center: bool = False):
        super().__init__(parent)
        self._lines: list[tuple[str, str, bool]] = []
        self._rect = QRectF()
        self._anchor_center = anchor_center
        self.owner: QGraphicsItem | None = None     # the link a link label belongs to
        self.setAcceptedMouseButtons(Qt.NoButton)
        # repaints of the canvas (training frames restyle links, thumbnails change) blit
        # unchanged labels from a cached pixmap instead of running paint() again
        self.setCacheMode(QGraphicsItem.DeviceCoordinateCache)

    def set_lines(self, lines: list[tuple[str, str, bool]]) -> None:
        lines = list(lines)
        if lines == self._lines:
            return
        self.prepareGeometryChange()
        self._lines = lines
        if not lines:
            self._rect = QRectF()
        else:
            metrics = label_fonts()[2]
            width = max(metrics.horizontalAdvance(t) for t, _r, _b in lines) + 2 * self.PAD
            height = len(lines) * LABEL_LINE_HEIGHT + 2 * self.PAD
            top = -height / 2 if self._anchor_center else 0.0
            self._rect = QRectF(-width / 2, top, width, height)
        self.update()

    def texts(self) -> list[str]:
        return [t for t, _r, _b in self._lines]

    def boundingRect(self) -> QRectF:       # noqa: N802 (Qt override)
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not self._lines:
            return
        if _pixels(painter, LABEL_PIXEL_SIZE) < MIN_TEXT_PIXELS:
            return              # zoomed far out: no text to read, and no empty white boxes
        plain, bold, _m = label_fonts()
        painter.setRenderHint(QPainter.Antialiasing, True)
        painter.setPen(QPen(QColor(0, 0, 0, 40), 0.8))
        painter.setBrush(QColor(255, 255, 255, 225))
        painter.drawRoundedRect(self._rect, 3, 3)
        y = self._rect.top() + self.PAD
        for text, role, is_bold in self._lines:
            painter.setFont(bold if is_bold else plain)
            painter.setPen(ROLE_COLORS.get(role, ROLE_COLORS["plain"]))
            painter.drawText(QRectF(self._rect.left(), y, self._rect.width(), LABEL_LINE_HEIGHT),
                             Qt.AlignCenter, text)
            y += LABEL_LINE_HEIGHT


class _ReportsHover:
    """Tells ``on_hover(item, entered)`` (set by the scene) when the mouse enters or leaves."""

    on_hover: Callable | None = None

    def hoverEnterEvent(self, event) -> None:   # noqa: N802
        if self.on_hover is not None:
            self.on_hover(self, True)

    def hoverLeaveEvent(self, event) -> None:   # noqa: N802
        if self.on_hover is not None:
            self.on_hover(self, False)


# ---------------------------------------------------------------------------- neurons
class NeuronItem(_ReportsHover, QGraphicsItem):
    """One neuron: ``ref`` = ("neuron", layer, i); ``kind`` = input / hidden / output."""

    def __init__(self, ref: tuple, kind: str, caption: str):
        super().__init__()
        self.ref, self.kind, self.caption = ref, kind, caption
        self._highlighted = False
        self._hovered = False
        self._thumbnail: QImage | None = None
        self.label = LabelItem(self)
        self.label.setPos(0, NEURON_RADIUS + 3)
        self.setZValue(Z_NEURON)
        self.setCursor(Qt.PointingHandCursor)
        self.on_hover: Callable[["NeuronItem", bool], None] | None = None
        self.setAcceptHoverEvents(True)

    # PySide calls a Qt virtual only where a class below the Qt base defines it with def: the
    # mixin's methods alone are never called (the hover maps and highlights stayed dead)
    def hoverEnterEvent(self, event) -> None:   # noqa: N802
        _ReportsHover.hoverEnterEvent(self, event)

    def hoverLeaveEvent(self, event) -> None:   # noqa: N802
        _ReportsHover.hoverLeaveEvent(self, event)

    # -- what the scene sets
    def set_lines(self, lines: list[tuple[str, str, bool]]) -> None:
        self.label.set_lines(lines)

    def label_texts(self) -> list[str]:
        """The value lines shown under the neuron, e.g. ["z = 0.58", "a = 0.58", "b = 0.1"]."""
        return self.label.texts()

    def set_highlighted(self, on: bool) -> None:
        if on != self._highlighted:
            self._highlighted = on
            self.update()

    def is_highlighted(self) -> bool:
        return self._highlighted

    def set_hovered(self, on: bool) -> None:
        """A lighter ring while the mouse is over the neuron (selection keeps its own)."""
        if on != self._hovered:
            self._hovered = on
            self.update()

    def is_hovered(self) -> bool:
        return self._hovered

    def set_thumbnail(self, image: QImage | None) -> None:
        """Paint ``image`` over the circle (e.g. this neuron's output over the data plane),
        scaled to the circle's square; it should be transparent outside the disc
        (``plots.colors.map_images(..., disc=True)``): painting clips nothing, so a repaint
        stays one drawImage. None removes it."""
        self._thumbnail = None if image is None or image.isNull() else QImage(image)
        self.update()

    def thumbnail(self) -> QImage | None:
        return self._thumbnail

    # -- painting
    def circle_rect(self) -> QRectF:
        r = NEURON_RADIUS
        return QRectF(-r, -r, 2 * r, 2 * r)

    def boundingRect(self) -> QRectF:       # noqa: N802
        return self.circle_rect().adjusted(-5, -5, 5, 5)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(self.circle_rect())
        return path

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.Antialiasing, True)
        rect = self.circle_rect()
        if self._highlighted:
            painter.setPen(Qt.NoPen)
            painter.setBrush(QColor(255, 143, 0, 70))
            painter.drawEllipse(rect.adjusted(-5, -5, 5, 5))
        fill = {"input": "#eceff1", "output": "#fff8e1"}.get(self.kind, "#ffffff")
        painter.setBrush(QColor(fill))
        painter.setPen(Qt.NoPen)
        painter.drawEllipse(rect)
        if self._thumbnail is not None:
            painter.drawImage(rect, self._thumbnail)
        painter.setBrush(Qt.NoBrush)
        painter.setPen(QPen(HIGHLIGHT, 3.5) if self._highlighted else
                       QPen(HOVER, 3.0) if self._hovered else QPen(QColor("#546e7a"), 1.6))
        painter.drawEllipse(rect)
        size = 14 if len(self.caption) <= 4 else 11
        if _pixels(painter, size) >= MIN_TEXT_PIXELS:
            painter.setPen(ROLE_COLORS["plain"])
            painter.setFont(_font(size))
            painter.drawText(rect, Qt.AlignCenter, self.caption)


# ---------------------------------------------------------------------------- links
class LinkItem(_ReportsHover, QGraphicsLineItem):
    """One link: ``ref`` = ("link", l, i, j), the weight W[l][i, j] from neuron j of layer
    l − 1 to neuron i of layer l. The line is painted by Qt (cheap); the scene sets the pen."""

    def __init__(self, ref: tuple, x1: float, y1: float, x2: float, y2: float):
        super().__init__(x1, y1, x2, y2)
        self.ref = ref
        self.style: tuple | None = None
        self.label: LabelItem | None = None
        self.label_pos: QPointF | None = None     # where the scene shows the label, if always
        self.on_hover: Callable[["LinkItem", bool], None] | None = None
        self.setZValue(Z_LINK)
        self.setAcceptHoverEvents(True)

    def hoverEnterEvent(self, event) -> None:   # noqa: N802 (see NeuronItem)
        _ReportsHover.hoverEnterEvent(self, event)

    def hoverLeaveEvent(self, event) -> None:   # noqa: N802
        _ReportsHover.hoverLeaveEvent(self, event)

    def set_style(self, style: tuple) -> bool:
        """Apply a ``link_style`` result; True if the pen had to change."""
        if style == self.style:
            return False
        self.style = style
        self.setPen(link_pen(style))
        return True

    def label_point(self, fraction: float = 1 / 3) -> QPointF:
        """Where the weight label sits: a third of the way from the source neuron."""
        return self.line().pointAt(fraction)

    def label_texts(self) -> list[str]:
        """The lines of this link's label currently shown (empty if none)."""
        if self.label is None or not self.label.isVisible():
            return []
        return self.label.texts()


# ---------------------------------------------------------------------------- headers
class ButtonItem(QGraphicsItem):
    """A small button with a glyph (+ − ×); ``callback()`` runs on a click. Square, or
    ``round`` with a dashed outline (used for "insert a layer here" between columns)."""

    SIZE = 18.0

    def __init__(self, name: str, glyph: str, tooltip: str, callback: Callable[[], None],
                 parent=None, enabled: bool = True, round: bool = False):
        super().__init__(parent)
        self.name, self.glyph, self.callback, self.round = name, glyph, callback, round
        self._hover = False
        self.setToolTip(tooltip)
        self.setEnabled(enabled)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.PointingHandCursor)
        self.setZValue(Z_HEADER)

    def click(self) -> None:
        """What a mouse click does (tests call this too)."""
        if self.isEnabled():
            self.callback()

    def boundingRect(self) -> QRectF:       # noqa: N802
        s = self.SIZE
        return QRectF(-s / 2, -s / 2, s, s)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.Antialiasing, True)
        enabled = self.isEnabled()
        pen = QPen(QColor("#90a4ae" if enabled else "#cfd8dc"), 1)
        pen.setStyle(Qt.DashLine if self.round else Qt.SolidLine)
        painter.setPen(pen)
        painter.setBrush(QColor("#e3f2fd" if self._hover and enabled else "#fafafa"))
        rect = self.boundingRect().adjusted(0.5, 0.5, -0.5, -0.5)
        if self.round:
            painter.drawEllipse(rect)
        else:
            painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QColor("#37474f" if enabled else "#b0bec5"))
        painter.setFont(_font(15, True))
        painter.drawText(self.boundingRect(), Qt.AlignCenter, self.glyph)

    def hoverEnterEvent(self, event) -> None:   # noqa: N802
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:   # noqa: N802
        self._hover = False
        self.update()

    def mousePressEvent(self, event) -> None:   # noqa: N802
        event.accept()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self.boundingRect().contains(event.pos()):
            self.click()


class LayerHeaderItem(QGraphicsItem):
    """A column title (e.g. "Layer 1 (ReLU)"); buttons are children, found by name."""

    def __init__(self, layer: int, title: str):
        super().__init__()
        self.layer, self.title = layer, title
        self.buttons: dict[str, ButtonItem] = {}
        self.setZValue(Z_HEADER)
        self._font = _font(13, True)
        width = QFontMetricsF(self._font).horizontalAdvance(title) + 8
        self._rect = QRectF(-width / 2, -10, width, 20)

    def add_button(self, button: ButtonItem, x: float, y: float) -> None:
        button.setParentItem(self)
        button.setPos(x, y)
        self.buttons[button.name] = button

    def boundingRect(self) -> QRectF:       # noqa: N802
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(QColor("#37474f"))
        painter.setFont(self._font)
        painter.drawText(self._rect, Qt.AlignCenter, self.title)


# ---------------------------------------------------------------------------- editing
class InlineEditor(QLineEdit):
    """The line edit the scene shows over a link or neuron to edit one number in place.

    Enter parses the text: a finite number is emitted as ``accepted(value)``; anything else
    keeps the editor open with a red border and the reason as tooltip (``refused(reason)``).
    Escape, or focus moving elsewhere, emits ``cancelled()``. ``ref`` says what is edited.
    """

    accepted = Signal(float)
    refused = Signal(str)
    cancelled = Signal()

    def __init__(self):
        super().__init__()
        self.ref: tuple | None = None
        self._reason = ""
        self.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.setFixedWidth(EDITOR_WIDTH)

    def start(self, ref: tuple, text: str) -> None:
        self.ref = ref
        self.set_invalid("")
        self.setText(text)
        self.selectAll()

    def submit(self) -> bool:
        """What Enter does; True if the text was a finite number."""
        value, reason = parse_reason(self.text())
        if value is None:
            self.set_invalid(reason)
            self.refused.emit(reason)
            return False
        self.set_invalid("")
        self.accepted.emit(value)
        return True

    def set_invalid(self, reason: str) -> None:
        self._reason = reason
        self.setStyleSheet(INVALID_STYLE if reason else "")
        self.setToolTip(reason)

    def is_invalid(self) -> bool:
        return bool(self._reason)

    def invalid_reason(self) -> str:
        return self._reason

    def keyPressEvent(self, event) -> None:     # noqa: N802
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.submit()
            event.accept()
        elif event.key() == Qt.Key_Escape:
            self.cancelled.emit()
            event.accept()
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:     # noqa: N802
        super().focusOutEvent(event)
        if event.reason() not in (Qt.PopupFocusReason, Qt.ActiveWindowFocusReason):
            self.cancelled.emit()
