"""The input column of a digit network drawn as the image itself.

A 784-input network has 784 input neurons; as circles they would be a column 100 metres long.
When the document trains on digit images (8×8 or 28×28) the scene draws the sample as one
grey picture instead — white ink on black, as the data sets store it — where every pixel is
an input neuron: hovering names it (x₁₂₃ = 0.5, row and column), a click selects it like any
neuron (the inspector explains it), and the selected pixel is outlined. The links into the
first layer are summarised by dotted lines from the picture's edge (``NetworkScene``).
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from .palette import HIGHLIGHT, HOVER, Z_NEURON

IMAGE_SIZE = 392.0          # scene units for the whole picture (28 px × 14, 8 px × 49)


def image_side(project) -> int | None:
    """The side of the square images a digits document's inputs are (None: not digits)."""
    spec = getattr(project, "digits", None)
    if spec is None:
        return None
    side = spec.side
    return side if project.network.input_size == side * side else None


class InputImageItem(QGraphicsItem):
    """The sample x as a side × side picture centred on (0, 0); pixel j is input neuron j."""

    def __init__(self, side: int, caption, parent=None):
        super().__init__(parent)
        self.side = side
        self.caption = caption               # j → "x₁₂₃"
        self.selected: int | None = None
        self.hovered: int | None = None
        self._image = QImage()
        self._values = np.zeros(side * side)
        self.setZValue(Z_NEURON)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.PointingHandCursor)

    @property
    def pixel(self) -> float:
        return IMAGE_SIZE / self.side

    def boundingRect(self) -> QRectF:       # noqa: N802
        h = IMAGE_SIZE / 2 + 4
        return QRectF(-h, -h, 2 * h, 2 * h)

    def set_values(self, x: np.ndarray) -> None:
        """The sample's inputs (in [0, 1] for a digit; clipped there for the picture)."""
        self._values = np.asarray(x, dtype=np.float64).reshape(-1)
        u8 = np.round(np.clip(self._values, 0.0, 1.0) * 255).astype(np.uint8)
        u8 = np.ascontiguousarray(u8.reshape(self.side, self.side))
        self._image = QImage(u8.data, self.side, self.side, self.side,
                             QImage.Format_Grayscale8).copy()
        self.update()

    def index_at(self, scene_pos: QPointF) -> int | None:
        """The input neuron (pixel index, row-major) under a scene position, or None."""
        p = self.mapFromScene(scene_pos)
        c = int(np.floor((p.x() + IMAGE_SIZE / 2) / self.pixel))
        r = int(np.floor((p.y() + IMAGE_SIZE / 2) / self.pixel))
        if 0 <= r < self.side and 0 <= c < self.side:
            return r * self.side + c
        return None

    def pixel_rect(self, j: int) -> QRectF:
        r, c = divmod(j, self.side)
        s = self.pixel
        return QRectF(-IMAGE_SIZE / 2 + c * s, -IMAGE_SIZE / 2 + r * s, s, s)

    def set_selected(self, j: int | None) -> None:
        if j != self.selected:
            self.selected = j
            self.update()

    def tooltip_for(self, j: int) -> str:
        from PySide6.QtCore import QCoreApplication
        r, c = divmod(j, self.side)
        return (QCoreApplication.translate("InputImageItem", "%1 = %2 (row %3, column %4)")
                .replace("%1", self.caption(j)).replace("%2", f"{self._values[j]:.6g}")
                .replace("%3", str(r + 1)).replace("%4", str(c + 1)))

    def hoverMoveEvent(self, event) -> None:    # noqa: N802
        j = self.index_at(event.scenePos())
        if j != self.hovered:
            self.hovered = j
            self.setToolTip("" if j is None else self.tooltip_for(j))
            self.update()

    def hoverLeaveEvent(self, event) -> None:   # noqa: N802
        self.hovered = None
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        target = QRectF(-IMAGE_SIZE / 2, -IMAGE_SIZE / 2, IMAGE_SIZE, IMAGE_SIZE)
        painter.setRenderHint(QPainter.SmoothPixmapTransform, False)
        painter.drawImage(target, self._image)
        painter.setPen(QPen(QColor("#90a4ae"), 0))
        painter.setBrush(Qt.NoBrush)
        painter.drawRect(target)
        for j, colour, width in ((self.hovered, HOVER, 2.0), (self.selected, HIGHLIGHT, 3.0)):
            if j is not None:
                pen = QPen(colour, width)
                pen.setCosmetic(True)
                painter.setPen(pen)
                painter.drawRect(self.pixel_rect(j))
