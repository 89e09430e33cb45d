"""The canvas items: they paint and hit-test; the scene decides what they show.

``NeuronItem``   a circle with a caption inside (x₁, a¹₂ …), an optional thumbnail clipped to
                 the circle, and a ``LabelItem`` underneath with its values (z, a, δ, b …).
``LinkItem``     the record of one weight W[l][i, j]: a straight line; colour = sign, width =
                 |w| (TensorFlow Playground's convention). Its label is a separate
                 ``LabelItem`` the scene creates only when the label is visible.
``LinkLayerItem`` paints every link of one weight layer (one drawLines per pen) into a pixmap at
                 the view's scale, which pans copy and zoom gestures scale until they end.
``MoreItem``     "… 1,016 more": the neurons of a big column that are not drawn one by one.
``LabelItem``    a few short lines of text on a light rounded background, each line in the
                 colour of its role (forward values blue, gradients red, updated values green).
``LayerHeaderItem`` the title above a column, holding small ``ButtonItem`` children (+ − ×).
``InlineEditor`` the QLineEdit the scene embeds (in a proxy) to edit one number in place.
"""
from __future__ import annotations

from typing import Callable

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter,
                           QPainterPath, QPen, QPixmap, QStaticText, QTransform)
from PySide6.QtWidgets import QGraphicsItem, QLineEdit, QStyleOptionGraphicsItem

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


def set_link_colours(positive: str, negative: str) -> None:
    """New colours for positive / negative weights (the colour scheme); pens are remade."""
    global POSITIVE, NEGATIVE
    POSITIVE, NEGATIVE = QColor(positive), QColor(negative)
    _PENS.clear()
    _COSMETIC.clear()


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


# ---------------------------------------------------------------------------- links
class LinkItem:
    """One link: ``ref`` = ("link", l, i, j), the weight W[l][i, j] from neuron j of layer
    l − 1 to neuron i of layer l. Not a graphics item: the ``LinkLayerItem`` of its weight
    layer paints it with all the others (9,216 line items of a 10 × 32 net cost Qt more per
    repaint than their pixels), and the scene finds it under the mouse by its geometry."""

    def __init__(self, ref: tuple, x1: float, y1: float, x2: float, y2: float):
        self.ref = ref
        self._line = QLineF(x1, y1, x2, y2)
        self.style: tuple | None = None
        self.label: LabelItem | None = None
        self.label_pos: QPointF | None = None     # where the scene shows the label, if always
        self.on_hover: Callable[["LinkItem", bool], None] | None = None
        self._z = Z_LINK

    def line(self) -> QLineF:
        return QLineF(self._line)

    def pen(self) -> QPen:
        return link_pen(self.style) if self.style is not None else QPen()

    def set_style(self, style: tuple) -> bool:
        """Take a ``link_style`` result; True if the pen has to change (the scene then asks
        the layer's item to repaint)."""
        if style == self.style:
            return False
        self.style = style
        return True

    def mapToScene(self, point: QPointF) -> QPointF:    # noqa: N802 (as for the items)
        """A link's coordinates are the scene's (the canvas root sits at the origin)."""
        return QPointF(point)

    def zValue(self) -> float:                  # noqa: N802 (reads like the items around it)
        return self._z

    def setZValue(self, z: float) -> None:      # noqa: N802
        self._z = z

    # what the scene calls when the mouse moves onto / off this link (tests call them too)
    def hoverEnterEvent(self, event=None) -> None:   # noqa: N802
        if self.on_hover is not None:
            self.on_hover(self, True)

    def hoverLeaveEvent(self, event=None) -> None:   # noqa: N802
        if self.on_hover is not None:
            self.on_hover(self, False)

    def label_point(self, fraction: float = 1 / 3) -> QPointF:
        """Where the weight label sits: a third of the way from the source neuron."""
        return self._line.pointAt(fraction)

    def label_texts(self) -> list[str]:
        """The lines of this link's label currently shown (empty if none)."""
        if self.label is None or not self.label.isVisible():
            return []
        return self.label.texts()


COSMETIC_BELOW = 1.5       # a pen thinner than this on screen is drawn as a 1-px cosmetic pen
SUMMARY = QColor(120, 144, 156, 90)   # the lines that stand for links not drawn one by one


_COSMETIC: dict[tuple, QPen] = {}
CACHE_MARGIN = 0.5            # a link layer's pixmap reaches this × the view's size past it
CACHE_MAX_PIXELS = 2_500_000  # per layer (10 MB): the whole layer, the view + margin or the view
CACHE_SCALE_RANGE = (0.25, 4.0)   # zoom ÷ the pixmap's scale at which a gesture may reuse it


def cosmetic_link_pen(style: tuple) -> QPen:
    """The 1-px cosmetic twin of ``link_pen(style)`` (same colour and dashes): drawn when the
    real width is under COSMETIC_BELOW pixels on screen, where it looks the same and is cheaper."""
    thin = _COSMETIC.get(style)
    if thin is None:
        thin = _COSMETIC[style] = QPen(link_pen(style))
        thin.setWidthF(0)
        thin.setCosmetic(True)
    return thin


class LinkLayerItem(QGraphicsItem):
    """Every link of one weight layer in one item: one ``drawLines`` per pen. It takes no
    mouse events; ``segments()`` gives the scene the geometry to find a link by distance.
    ``summary`` lines (from a collapsed column's "… more" marker) stand for the links of the
    neurons not drawn one by one."""

    def __init__(self, links: list[LinkItem], summary: list[QLineF], parent=None):
        super().__init__(parent)
        self.links = links
        self._summary = summary
        self._groups: list[tuple[QPen, QPen, list[QLineF], np.ndarray]] | None = None
        lines = [link.line() for link in links] + list(summary)
        xs = [v for ln in lines for v in (ln.x1(), ln.x2())] or [0.0]
        ys = [v for ln in lines for v in (ln.y1(), ln.y2())] or [0.0]
        pad = MAX_WIDTH / 2 + 1
        self._rect = QRectF(min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad,
                            max(ys) - min(ys) + 2 * pad)
        self._xy = np.array([[ln.x1(), ln.y1(), ln.x2(), ln.y2()] for ln in lines[:len(links)]],
                            dtype=float).reshape(-1, 4)
        self._half_widths = np.zeros(len(links))
        self._cache: tuple[QPixmap, float, QRectF] | None = None   # (pixels, scale, item rect)
        self.scaled_cache_ok = False      # the scene sets it during a zoom gesture
        self.setZValue(Z_LINK)
        self.setAcceptedMouseButtons(Qt.NoButton)
        self.setFlag(QGraphicsItem.ItemUsesExtendedStyleOption, True)

    def restyled(self) -> None:
        """Some link's style changed: regroup the pens on the next paint."""
        self._groups = None
        self._cache = None
        self.update()

    def drop_cache(self) -> None:
        """Forget the rendered pixels (the next paint draws the links afresh)."""
        self._cache = None
        self.update()

    def _regroup(self) -> list[tuple[QPen, QPen, list[QLineF], np.ndarray]]:
        groups: dict[tuple, list[int]] = {}
        for k, link in enumerate(self.links):
            style = link.style or ("zero", 1.0)
            groups.setdefault(style, []).append(k)
            self._half_widths[k] = style[1] / 2
        # dashed (disabled) links last, so a full link never hides under a dash
        order = sorted(groups, key=lambda st: (st[0] == "disabled", st[1], st[0]))
        links = self.links
        return [(link_pen(st), cosmetic_link_pen(st), [links[k]._line for k in groups[st]],
                 np.array(groups[st])) for st in order]

    def segments(self) -> tuple[np.ndarray, np.ndarray]:
        """(n × 4 array of x1, y1, x2, y2; half pen widths) in the order of ``links``."""
        if self._groups is None:
            self._groups = self._regroup()
        return self._xy, self._half_widths

    def boundingRect(self) -> QRectF:       # noqa: N802
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        """The links are drawn once into a pixmap at the view's scale, for the part of the
        layer in view and a margin around it; a pan (same scale) only copies it. During a zoom
        gesture (``scaled_cache_ok``) the pixmap is drawn scaled while the zoom is within
        CACHE_SCALE_RANGE of it; the scene drops it when the gesture ends, so the next frame is
        drawn sharp at the new scale. Stroking thousands of lines is what a frame costs."""
        if self._groups is None:
            self._groups = self._regroup()
        transform = painter.worldTransform()
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(transform)
        exposed = option.exposedRect if not option.exposedRect.isEmpty() else self._rect
        exposed = exposed & self._rect
        if exposed.isEmpty():
            return
        cache = self._cache
        if cache is not None:
            pixmap, scale, rect = cache
            ratio = lod / scale
            if rect.contains(exposed) and (
                    abs(ratio - 1) < 1e-9 or (self.scaled_cache_ok and transform.isScaling()
                                              and CACHE_SCALE_RANGE[0] <= ratio <= CACHE_SCALE_RANGE[1])):
                self._blit(painter, transform, abs(ratio - 1) < 1e-9)
                return
        if self._render_cache(painter, transform, lod, exposed):
            self._blit(painter, transform, True)
        else:
            self._cache = None
            self._draw(painter, lod, exposed)          # too big to cache: draw directly

    def _blit(self, painter: QPainter, transform: QTransform, same_scale: bool) -> None:
        pixmap, _scale, rect = self._cache
        if same_scale and not transform.isRotating():
            origin = transform.map(rect.topLeft())            # whole device pixels
            painter.setWorldTransform(QTransform())
            painter.drawPixmap(QPointF(round(origin.x()), round(origin.y())), pixmap)
            painter.setWorldTransform(transform)
        else:                          # a zoom gesture: the last pixels, scaled (sharp at its end)
            smooth = painter.testRenderHint(QPainter.SmoothPixmapTransform)
            painter.setRenderHint(QPainter.SmoothPixmapTransform, True)
            painter.drawPixmap(rect, pixmap, QRectF(pixmap.rect()))
            painter.setRenderHint(QPainter.SmoothPixmapTransform, smooth)

    def _render_cache(self, painter: QPainter, transform: QTransform, lod: float,
                      exposed: QRectF) -> bool:
        if transform.isRotating() or lod <= 0:
            return False
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        # the whole layer if it fits (a zoom out never runs off it), else the view and a margin
        # (a pan stays inside it a while), else the view alone; bigger: drawn directly
        margin = CACHE_MARGIN * max(exposed.width(), exposed.height())
        for want in (self._rect, exposed.adjusted(-margin, -margin, margin, margin) & self._rect,
                     exposed):
            device = transform.mapRect(want).toAlignedRect()      # whole device pixels
            if device.width() * device.height() * ratio * ratio <= CACHE_MAX_PIXELS:
                break
        else:
            return False
        if device.isEmpty():
            return False
        pixmap = QPixmap(round(device.width() * ratio), round(device.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.transparent)
        p = QPainter(pixmap)
        p.setRenderHints(painter.renderHints())
        p.setWorldTransform(transform * QTransform.fromTranslate(-device.x(), -device.y()))
        self._draw(p, lod, want)
        p.end()
        rect = transform.inverted()[0].mapRect(QRectF(device))
        self._cache = (pixmap, lod, rect)
        return True

    def _draw(self, painter: QPainter, lod: float, exposed: QRectF) -> None:
        if self._summary:
            painter.setPen(_summary_pen())
            painter.drawLines(self._summary)
        visible = self._visible(exposed)
        for pen, thin, lines, index in self._groups:
            if visible is not None:           # zoomed in: only the links crossing the view
                keep = visible[index]
                if not keep.any():
                    continue
                if not keep.all():
                    lines = [lines[k] for k in np.flatnonzero(keep)]
            painter.setPen(thin if pen.widthF() * lod < COSMETIC_BELOW else pen)
            painter.drawLines(lines)

    def _visible(self, exposed: QRectF) -> np.ndarray | None:
        """Which links may cross ``exposed`` (None: all, when it shows most of the layer).
        A bounding-box test: stroking thousands of wide lines off screen is what costs."""
        if exposed.isEmpty() or len(self._xy) < 64 or (
                exposed.width() * exposed.height() > 0.5 * self._rect.width() * self._rect.height()):
            return None
        pad = MAX_WIDTH / 2 + 1
        xy = self._xy
        x_lo, x_hi = np.minimum(xy[:, 0], xy[:, 2]), np.maximum(xy[:, 0], xy[:, 2])
        y_lo, y_hi = np.minimum(xy[:, 1], xy[:, 3]), np.maximum(xy[:, 1], xy[:, 3])
        inside = ((x_hi >= exposed.left() - pad) & (x_lo <= exposed.right() + pad)
                  & (y_hi >= exposed.top() - pad) & (y_lo <= exposed.bottom() + pad))
        # a box test keeps long diagonals whose box meets the view but whose line does not:
        # test the line against the view's corners (all four on one side: it misses)
        x1, y1, dx, dy = xy[:, 0], xy[:, 1], xy[:, 2] - xy[:, 0], xy[:, 3] - xy[:, 1]
        sides = [dx * (cy - y1) - dy * (cx - x1) for cx, cy in (
            (exposed.left() - pad, exposed.top() - pad), (exposed.right() + pad, exposed.top() - pad),
            (exposed.left() - pad, exposed.bottom() + pad), (exposed.right() + pad, exposed.bottom() + pad))]
        above = np.all([sd > 0 for sd in sides], axis=0)
        below = np.all([sd < 0 for sd in sides], axis=0)
        return inside & ~above & ~below


_SUMMARY_PEN: list[QPen] = []


def _summary_pen() -> QPen:
    if not _SUMMARY_PEN:
        pen = QPen(SUMMARY, 0)
        pen.setCosmetic(True)
        pen.setStyle(Qt.DotLine)
        _SUMMARY_PEN.append(pen)
    return _SUMMARY_PEN[0]


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
