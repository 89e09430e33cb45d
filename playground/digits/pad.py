"""The drawing pad: strokes drawn with the mouse (or a pen) into a square ink raster.

The raster has a whole multiple of the data set's resolution (280 = 28·10 for MNIST,
256 = 32·8 for the 8×8 set), so ``core.digit_preprocess`` can turn it into exactly the image
the data set would hold. A data-set image can be loaded into the pad (``set_image``); strokes
drawn afterwards add to it. Undo removes the last stroke; Clear removes everything.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from core.digit_preprocess import ink_from_image

PAD_PIXELS = {28: 280, 8: 256}
PEN_WIDTH = {28: 22.0, 8: 26.0}      # in raster pixels: MNIST-like strokes of ~2 px in 28


class DrawingPad(QWidget):
    """Emits ``changed`` after every finished stroke, undo, clear or loaded image."""

    changed = Signal()
    stroke_moved = Signal()
    stroke_started = Signal()          # while a stroke is being drawn (for a live preview)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("DrawingPad")
        self.setMinimumSize(140, 140)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setCursor(Qt.CrossCursor)
        self.setToolTip(self.tr("Draw a digit with the mouse"))
        self.side = 28
        self._background: np.ndarray | None = None   # a loaded image's ink
        self._strokes: list[list[QPointF]] = []       # in raster coordinates
        self._current: list[QPointF] | None = None

    # ------------------------------------------------------------ state
    @property
    def pixels(self) -> int:
        return PAD_PIXELS[self.side]

    def set_side(self, side: int) -> None:
        if side != self.side:
            self.side = side
            self.clear()

    def is_empty(self) -> bool:
        return not self._strokes and self._background is None

    def clear(self) -> None:
        self._strokes.clear()
        self._background = None
        self._current = None
        self.update()
        self.changed.emit()

    def undo_stroke(self) -> None:
        if self._strokes:
            self._strokes.pop()
        elif self._background is not None:
            self._background = None
        self.update()
        self.changed.emit()

    def set_image(self, image: np.ndarray) -> None:
        """Show a data-set image (side×side) as the pad's ink."""
        self._strokes.clear()
        self._background = ink_from_image(np.asarray(image), self.side, self.pixels)
        self.update()
        self.changed.emit()

    def ink(self) -> np.ndarray:
        """The raster, float64 in [0, 1], shape (pixels, pixels)."""
        n = self.pixels
        img = QImage(n, n, QImage.Format_Grayscale8)
        img.fill(0)
        if self._background is not None:
            bg = np.ascontiguousarray(np.round(self._background * 255).astype(np.uint8))
            img = QImage(bg.data, n, n, n, QImage.Format_Grayscale8).copy()
        p = QPainter(img)
        p.setRenderHint(QPainter.Antialiasing)
        self._paint_strokes(p, QColor(255, 255, 255))
        p.end()
        ptr = img.constBits()
        arr = np.frombuffer(ptr, dtype=np.uint8, count=img.bytesPerLine() * n)
        return arr.reshape(n, img.bytesPerLine())[:, :n].astype(np.float64) / 255.0

    def _paint_strokes(self, p: QPainter, colour: QColor) -> None:
        pen = QPen(colour, PEN_WIDTH[self.side], Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin)
        p.setPen(pen)
        for stroke in self._strokes + ([self._current] if self._current else []):
            if len(stroke) == 1:
                p.drawPoint(stroke[0])
            else:
                path = QPainterPath(stroke[0])
                for pt in stroke[1:]:
                    path.lineTo(pt)
                p.drawPath(path)

    # ------------------------------------------------------------ geometry
    def _square(self) -> QRectF:
        s = min(self.width(), self.height())
        return QRectF((self.width() - s) / 2, (self.height() - s) / 2, s, s)

    def _to_raster(self, pos) -> QPointF:
        r = self._square()
        k = self.pixels / r.width()
        return QPointF((pos.x() - r.x()) * k, (pos.y() - r.y()) * k)

    # ------------------------------------------------------------ input
    def mousePressEvent(self, e):
        if e.button() == Qt.LeftButton:
            self.stroke_started.emit()
            self._current = [self._to_raster(e.position())]
            self.update()

    def mouseMoveEvent(self, e):
        if self._current is not None:
            self._current.append(self._to_raster(e.position()))
            self.update()
            self.stroke_moved.emit()

    def mouseReleaseEvent(self, e):
        if e.button() == Qt.LeftButton and self._current is not None:
            self._current.append(self._to_raster(e.position()))
            self._strokes.append(self._current)
            self._current = None
            self.update()
            self.changed.emit()

    # ------------------------------------------------------------ painting
    def paintEvent(self, _e):
        p = QPainter(self)
        r = self._square()
        p.fillRect(r, QColor(0, 0, 0))
        p.save()
        p.translate(r.topLeft())
        p.scale(r.width() / self.pixels, r.width() / self.pixels)
        if self._background is not None:
            bg = np.ascontiguousarray(np.round(self._background * 255).astype(np.uint8))
            n = self.pixels
            p.drawImage(QRectF(0, 0, n, n), QImage(bg.data, n, n, n, QImage.Format_Grayscale8))
        p.setRenderHint(QPainter.Antialiasing)
        self._paint_strokes(p, QColor(255, 255, 255))
        p.restore()
        p.setPen(QColor(120, 120, 120))
        p.drawRect(r.adjusted(0, 0, -1, -1))
        if self.is_empty() and self._current is None:
            p.setPen(QColor(150, 150, 150))
            p.drawText(r, Qt.AlignCenter, self.tr("Draw a digit here"))
