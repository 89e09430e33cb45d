"""The canvas items: they paint and hit-test; the scene decides what they show. (The links
are in ``links``, what the items share in ``palette``.)

``NeuronItem``   a circle with a caption inside (x₁, a¹₂ …), an optional thumbnail clipped to
                 the circle, and a ``LabelItem`` underneath with its values (z, a, δ, b …).
``MoreItem``     "… 1,016 more": the neurons of a big column that are not drawn one by one.
``LabelItem``    a few short lines of text on a light rounded background, each line in the
                 colour of its role (forward values blue, gradients red, updated values green).
``LayerHeaderItem`` the title above a column, holding small ``ButtonItem`` children (+ − ×).
``InlineEditor`` the QLineEdit the scene embeds (in a proxy) to edit one number in place.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (QBrush, QColor, QFontMetricsF, QImage, QPainter, QPainterPath,
                           QPen, QStaticText, QTransform)
from PySide6.QtWidgets import QGraphicsItem, QLineEdit, QStyleOptionGraphicsItem

from ..widgets import INVALID_STYLE, parse_reason

from .palette import (EDITOR_WIDTH, HIGHLIGHT, HOVER, LABEL_LINE_HEIGHT, LABEL_PIXEL_SIZE,
                      MIN_TEXT_PIXELS, NEURON_RADIUS, ROLE_COLORS, Z_HEADER, Z_NEURON, _font,
                      _pixels, label_fonts)


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
_NEURON_PAINTS: dict[str, object] = {}


def _neuron_paints() -> dict:
    """The neuron's pens and brushes, made on first use (they need a QGuiApplication)."""
    if not _NEURON_PAINTS:
        _NEURON_PAINTS.update(
            input=QBrush(QColor("#eceff1")), output=QBrush(QColor("#fff8e1")),
            hidden=QBrush(QColor("#ffffff")), halo=QBrush(QColor(255, 143, 0, 70)),
            outline=QPen(QColor("#546e7a"), 1.6), selected=QPen(HIGHLIGHT, 3.5),
            hovered=QPen(HOVER, 3.0))
    return _NEURON_PAINTS


class NeuronItem(_ReportsHover, QGraphicsItem):
    """One neuron: ``ref`` = ("neuron", layer, i); ``kind`` = input / hidden / output."""

    def __init__(self, ref: tuple, kind: str, caption: str):
        super().__init__()
        self.ref, self.kind, self.caption = ref, kind, caption
        self._highlighted = False
        self._static: QStaticText | None = None
        self._hovered = False
        self._thumbnail: QImage | None = None
        self.label = LabelItem(self)
        self.label.setPos(0, NEURON_RADIUS + 3)
        self.setZValue(Z_NEURON)
        self.setCursor(Qt.PointingHandCursor)
        self.on_hover: Callable[["NeuronItem", bool], None] | None = None
        self.setAcceptHoverEvents(True)
        # the scale to paint for when the scene caches the neuron at its own size (a big
        # network zoomed out: drawn once, then scaled); None: the painter's own scale
        self.fixed_lod: float | None = None

    def caption_pixels(self) -> int:
        return 14 if len(self.caption) <= 4 else 11

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
    _CIRCLE = QRectF(-NEURON_RADIUS, -NEURON_RADIUS, 2 * NEURON_RADIUS, 2 * NEURON_RADIUS)
    _BOUNDS = _CIRCLE.adjusted(-5, -5, 5, 5)
    _SHAPE: QPainterPath | None = None

    def circle_rect(self) -> QRectF:
        return QRectF(self._CIRCLE)

    def boundingRect(self) -> QRectF:       # noqa: N802 (Qt asks several times a frame: no new rects)
        return self._BOUNDS

    def shape(self) -> QPainterPath:
        if NeuronItem._SHAPE is None:
            NeuronItem._SHAPE = QPainterPath()
            NeuronItem._SHAPE.addEllipse(self._CIRCLE)
        return NeuronItem._SHAPE

    def paint(self, painter: QPainter, option, widget=None) -> None:
        # pens and brushes made once (a 10 × 32 net paints 320 of these per frame); circles
        # under 8 px on screen need no antialiasing
        lod = self.fixed_lod
        if lod is None:
            lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.Antialiasing, 2 * NEURON_RADIUS * lod >= 8)
        rect = self._CIRCLE
        paints = _neuron_paints()
        if self._highlighted:
            painter.setPen(Qt.NoPen)
            painter.setBrush(paints["halo"])
            painter.drawEllipse(rect.adjusted(-5, -5, 5, 5))
        outline = (paints["selected"] if self._highlighted else
                   paints["hovered"] if self._hovered else paints["outline"])
        fill = paints.get(self.kind, paints["hidden"])
        if self._thumbnail is None:
            painter.setPen(outline)
            painter.setBrush(fill)
            painter.drawEllipse(rect)
        else:
            # the thumbnail is an opaque disc with a soft rim under the outline: no fill
            # beneath it (an antialiased ellipse costs Qt about as much as the image)
            painter.drawImage(rect, self._thumbnail)
            painter.setBrush(Qt.NoBrush)
            painter.setPen(outline)
            painter.drawEllipse(rect)
        size = self.caption_pixels()
        if size * lod >= MIN_TEXT_PIXELS:
            painter.setPen(ROLE_COLORS["plain"])
            painter.setFont(_font(size))
            if self._static is None:        # laid out once, not on every paint
                self._static = QStaticText(self.caption)
                self._static.prepare(QTransform(), _font(size))
            box = self._static.size()
            painter.drawStaticText(QPointF(-box.width() / 2, -box.height() / 2), self._static)



class MoreItem(QGraphicsItem):
    """The marker of a collapsed column: "… 1,016 more" where the neurons not drawn one by one
    would be. A click asks which neuron to show (the view does that); a neuron of this layer
    that is selected but not drawn is named on a second line."""

    WIDTH, HEIGHT = 2 * NEURON_RADIUS + 56, 2 * NEURON_RADIUS

    def __init__(self, layer: int, hidden: list[int], text: str, tooltip: str, parent=None):
        super().__init__(parent)
        self.layer, self.hidden = layer, hidden
        self.text, self.detail = text, ""
        self.setToolTip(tooltip)
        self.setZValue(Z_NEURON)
        self.setCursor(Qt.PointingHandCursor)

    def set_detail(self, text: str) -> None:
        if text != self.detail:
            self.detail = text
            self.update()

    def boundingRect(self) -> QRectF:       # noqa: N802
        w, h = self.WIDTH, self.HEIGHT
        return QRectF(-w / 2, -h / 2, w, h + (LABEL_LINE_HEIGHT if self.detail else 0))

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.Antialiasing, True)
        rect = QRectF(-self.WIDTH / 2, -self.HEIGHT / 2, self.WIDTH, self.HEIGHT)
        pen = QPen(QColor("#90a4ae"), 1.2)
        pen.setStyle(Qt.DashLine)
        painter.setPen(pen)
        painter.setBrush(QColor("#f5f7f8"))
        painter.drawRoundedRect(rect, NEURON_RADIUS, NEURON_RADIUS)
        if _pixels(painter, 12) >= MIN_TEXT_PIXELS:
            painter.setPen(ROLE_COLORS["plain"])
            painter.setFont(_font(12))
            painter.drawText(rect, Qt.AlignCenter, self.text)
            if self.detail:
                painter.setPen(HIGHLIGHT)
                painter.setFont(_font(12, True))
                painter.drawText(QRectF(rect.left() - 20, rect.bottom(), rect.width() + 40,
                                        LABEL_LINE_HEIGHT), Qt.AlignCenter, self.detail)


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
        # painted once per zoom level and state, then blitted: antialiased outline and glyph
        # cost Qt ~0.15 ms a button, and the canvas repaints whole while training restyles it
        self.setCacheMode(QGraphicsItem.DeviceCoordinateCache)

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
    """A column title (e.g. "Layer 1 (ReLU)"); buttons are children, found by name.

    ``set_scales`` lets the scene keep title and buttons legible when the view is zoomed far
    out: they grow in scene units (the buttons around their row, the title above them)."""

    BUTTON_Y, GAP = 24.0, 5.0

    def __init__(self, layer: int, title: str):
        super().__init__()
        self.layer, self.title = layer, title
        self.buttons: dict[str, ButtonItem] = {}
        self._base_x: dict[str, float] = {}
        self.setZValue(Z_HEADER)
        self.setCacheMode(QGraphicsItem.DeviceCoordinateCache)     # (as the buttons)
        self._font = _font(13, True)
        self._width = QFontMetricsF(self._font).horizontalAdvance(title) + 8
        self._k_title = self._k_buttons = 1.0
        self._compact = False
        self._rect = self._title_rect()

    def add_button(self, button: ButtonItem, x: float, y: float) -> None:
        button.setParentItem(self)
        button.setPos(x, y)
        self.buttons[button.name] = button
        self._base_x[button.name] = x

    def title_width(self) -> float:
        return self._width

    def buttons_width(self, compact: bool = False) -> float:
        n = 2 if compact else len(self.buttons)
        return n * ButtonItem.SIZE + (n - 1) * 4.0

    def set_scales(self, k_title: float, k_buttons: float, compact: bool = False) -> None:
        """Title × ``k_title``, buttons × ``k_buttons``; ``compact`` keeps only − and + (the
        layer's other actions are in its context menu)."""
        if (k_title, k_buttons, compact) == (self._k_title, self._k_buttons, self._compact):
            return
        self._k_buttons, self._compact = k_buttons, compact
        pair = {"remove_neuron": -11.0, "add_neuron": 11.0}
        for name, button in self.buttons.items():
            x = pair.get(name, 0.0) if compact else self._base_x[name]
            button.setVisible(not compact or name in pair)
            button.setScale(k_buttons)
            button.setPos(x * k_buttons, self.BUTTON_Y)
        self.prepareGeometryChange()
        self._k_title = k_title
        self._rect = self._title_rect()

    def _title_rect(self) -> QRectF:
        k = self._k_title
        bottom = self.BUTTON_Y - ButtonItem.SIZE / 2 * self._k_buttons - self.GAP
        return QRectF(-self._width * k / 2, bottom - 20 * k, self._width * k, 20 * k)

    def boundingRect(self) -> QRectF:       # noqa: N802
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.save()
        painter.translate(self._rect.center())
        painter.scale(self._k_title, self._k_title)
        painter.setPen(QColor("#37474f"))
        painter.setFont(self._font)
        painter.drawText(QRectF(-self._width / 2, -10, self._width, 20), Qt.AlignCenter, self.title)
        painter.restore()


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
