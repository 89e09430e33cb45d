"""Small painted views of digit images: one image, the class probabilities, a grid of images."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget


def grey_qimage(image: np.ndarray, max_value: float) -> QImage:
    """A white-on-black QImage of a grey image (values 0…max_value); owns its bytes."""
    a = np.clip(np.asarray(image, dtype=np.float64) / max_value, 0, 1)
    u8 = np.ascontiguousarray(np.round(a * 255).astype(np.uint8))
    h, w = u8.shape
    return QImage(u8.data, w, h, w, QImage.Format_Grayscale8).copy()


def diverging_qimage(weights: np.ndarray) -> QImage:
    """Blue (negative) – white (0) – red (positive), scaled to the largest |w|."""
    w = np.asarray(weights, dtype=np.float64)
    m = float(np.max(np.abs(w))) or 1.0
    t = np.clip(w / m, -1, 1)
    pos, neg = np.clip(t, 0, 1), np.clip(-t, 0, 1)
    rgb = np.empty(w.shape + (3,), dtype=np.uint8)
    rgb[..., 0] = np.round(255 * (1 - neg * 0.85))
    rgb[..., 1] = np.round(255 * (1 - np.maximum(pos, neg) * 0.85))
    rgb[..., 2] = np.round(255 * (1 - pos * 0.85))
    rgb = np.ascontiguousarray(rgb)
    h, wd = w.shape
    return QImage(rgb.data, wd, h, 3 * wd, QImage.Format_RGB888).copy()


def icon_pixmap(image: np.ndarray, max_value: float, size: int = 48) -> QPixmap:
    return QPixmap.fromImage(grey_qimage(image, max_value)).scaled(
        size, size, Qt.KeepAspectRatio, Qt.FastTransformation)


class ImageView(QWidget):
    """One image, scaled up with square pixels (no smoothing)."""

    def __init__(self, caption: str = "", parent=None):
        super().__init__(parent)
        self.caption = caption
        self._image: QImage | None = None
        self.setMinimumSize(84, 100)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Expanding)

    def set_image(self, image: np.ndarray | None, max_value: float = 255.0) -> None:
        self._image = None if image is None else grey_qimage(image, max_value)
        self.update()

    def paintEvent(self, _e):
        p = QPainter(self)
        fm = p.fontMetrics()
        top = fm.height() + 4
        s = max(10, min(self.width(), self.height() - top))
        r = QRectF((self.width() - s) / 2, top, s, s)
        p.drawText(QRectF(0, 0, self.width(), top), Qt.AlignCenter, self.caption)
        p.fillRect(r, QColor(0, 0, 0))
        if self._image is not None:
            p.drawImage(r, self._image)
        p.setPen(QColor(120, 120, 120))
        p.drawRect(r.adjusted(0, 0, -1, -1))


class ProbabilityBars(QWidget):
    """The network's 10 outputs as bars; the predicted class is highlighted."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.values = np.zeros(10)
        self.normalised = True
        self.setMinimumSize(150, 110)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def set_values(self, values: np.ndarray | None, normalised: bool = True) -> None:
        self.values = np.zeros(10) if values is None else np.asarray(values, dtype=np.float64)
        self.normalised = normalised
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(300, 160)

    def paintEvent(self, _e):
        p = QPainter(self)
        fm = p.fontMetrics()
        n = len(self.values)
        label_h = fm.height() + 2
        bottom = self.height() - label_h
        top = label_h
        bw = self.width() / max(n, 1)
        best = int(np.argmax(self.values)) if self.values.any() else -1
        for i, v in enumerate(self.values):
            h = (bottom - top) * float(np.clip(v, 0, 1))
            x = i * bw
            colour = QColor(214, 96, 36) if i == best else QColor(70, 120, 180)
            p.fillRect(QRectF(x + bw * 0.15, bottom - h, bw * 0.7, h), colour)
            p.setPen(QColor(30, 30, 30) if self.palette().window().color().lightness() > 128
                     else QColor(230, 230, 230))
            p.drawText(QRectF(x, bottom, bw, label_h), Qt.AlignCenter, str(i))
            text = f"{100 * v:.0f}%" if self.normalised else f"{v:.2f}"
            if fm.horizontalAdvance(text) <= bw or i == best:   # no overlapping labels
                p.drawText(QRectF(x - bw, max(0, bottom - h - label_h), 3 * bw, label_h),
                           Qt.AlignCenter, text)
        p.setPen(QColor(140, 140, 140))
        p.drawLine(0, int(bottom), self.width(), int(bottom))


class ImageGrid(QWidget):
    """A grid of small images (e.g. first-layer weights); ``clicked(index)``."""

    clicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._images: list[QImage] = []
        self._captions: list[str] = []
        self.setMinimumSize(160, 120)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def set_images(self, images: list[QImage], captions: list[str] | None = None) -> None:
        self._images = images
        self._captions = captions or [""] * len(images)
        self.update()

    def _layout(self):
        n = max(len(self._images), 1)
        w, h = self.width(), self.height()
        cols = max(1, int(np.ceil(np.sqrt(n * w / max(h, 1)))))
        rows = int(np.ceil(n / cols))
        cell = min(w / cols, h / rows)
        return cols, cell

    def paintEvent(self, _e):
        p = QPainter(self)
        cols, cell = self._layout()
        fm_h = p.fontMetrics().height() if any(self._captions) else 0
        for k, img in enumerate(self._images):
            r, c = divmod(k, cols)
            rect = QRectF(c * cell + 1, r * cell + 1, cell - 2, cell - 2 - fm_h)
            s = min(rect.width(), rect.height())
            p.drawImage(QRectF(rect.x() + (rect.width() - s) / 2, rect.y(), s, s), img)
            if fm_h:
                p.drawText(QRectF(rect.x(), rect.y() + s, rect.width(), fm_h), Qt.AlignCenter,
                           self._captions[k])

    def index_at(self, pos) -> int:
        cols, cell = self._layout()
        k = int(pos.y() // cell) * cols + int(pos.x() // cell)
        return k if 0 <= k < len(self._images) and pos.x() < cols * cell else -1

    def mousePressEvent(self, e):
        k = self.index_at(e.position())
        if k >= 0:
            self.clicked.emit(k)
