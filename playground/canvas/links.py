"""The links of the canvas: the pen of a weight (colour = sign, width = |w|, TensorFlow
Playground's convention), ``LinkItem`` (the record of one weight, hit-tested by geometry) and
``LinkLayerItem`` (paints every link of one weight layer, one drawLines per pen, into a
pixmap at the view's scale that pans copy and zoom gestures scale until they end)."""
from __future__ import annotations

from typing import Callable

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from .palette import Z_LINK

POSITIVE = QColor("#2f7fd1")     # TensorFlow Playground: positive weights blue,
NEGATIVE = QColor("#f59322")     # negative weights orange
ZERO = QColor("#9e9e9e")
DISABLED = QColor("#b8b8b8")
MAX_WIDTH_WEIGHT = 5.0           # |w| at which a link reaches its full width
MIN_WIDTH, MAX_WIDTH = 1.0, 10.0

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
        self.label = None                          # its LabelItem, while one is shown
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

