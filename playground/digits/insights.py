"""Insight views on the test set: confusion matrix, misclassified gallery, first-layer weights."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from .images import ImageGrid, diverging_qimage, grey_qimage

MAX_GALLERY = 60
MAX_UNITS = 64


class ConfusionView(QWidget):
    """counts[true, predicted] on the test set; the diagonal is what was recognised."""

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.caption = QLabel(self.tr("Rows: true digit · columns: predicted digit (test images)"))
        self.caption.setWordWrap(True)
        lay.addWidget(self.caption)
        self.table = QTableWidget(10, 10)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        labels = [str(i) for i in range(10)]
        self.table.setHorizontalHeaderLabels(labels)
        self.table.setVerticalHeaderLabels(labels)
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.Stretch)
        lay.addWidget(self.table, 1)
        self.counts = np.zeros((10, 10), dtype=np.int64)

    def set_counts(self, counts: np.ndarray) -> None:
        self.counts = np.asarray(counts)
        row_sums = np.maximum(self.counts.sum(1, keepdims=True), 1)
        for i in range(10):
            for j in range(10):
                n = int(self.counts[i, j])
                item = QTableWidgetItem(str(n) if n else "")
                item.setTextAlignment(Qt.AlignCenter)
                share = n / row_sums[i, 0]
                if i == j:
                    colour = QColor.fromRgbF(1 - 0.6 * share, 1 - 0.25 * share, 1 - 0.6 * share)
                else:
                    colour = QColor.fromRgbF(1, 1 - 0.8 * min(1, 4 * share), 1 - 0.8 * min(1, 4 * share))
                item.setBackground(QBrush(colour))
                item.setForeground(QBrush(QColor(20, 20, 20)))
                self.table.setItem(i, j, item)


class _CaptionedGrid(QWidget):
    """A wrapped caption over an ImageGrid."""

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        lay.addWidget(self.caption)
        self.grid = ImageGrid()
        lay.addWidget(self.grid, 1)


class MisclassifiedGallery(_CaptionedGrid):
    """Test images the network gets wrong, captioned "true → predicted"; click loads one."""

    image_chosen = Signal(object, int)     # image (side×side), true label

    def __init__(self, parent=None):
        super().__init__(parent)
        self.grid.clicked.connect(self._clicked)
        self.items: list[tuple[np.ndarray, int, int]] = []

    def set_items(self, images, true, predicted, max_value: float) -> None:
        wrong = np.flatnonzero(np.asarray(true) != np.asarray(predicted))
        shown = wrong[:MAX_GALLERY]
        self.items = [(images[k], int(true[k]), int(predicted[k])) for k in shown]
        self.caption.setText(self.tr("%1 of %2 test images misclassified (true → predicted); "
                                     "click one to load it into the pad")
                             .replace("%1", str(len(wrong))).replace("%2", str(len(true))))
        self.grid.set_images([grey_qimage(img, max_value) for img, _, _ in self.items],
                             [f"{t}→{p}" for _, t, p in self.items])

    def _clicked(self, k: int) -> None:
        img, t, _ = self.items[k]
        self.image_chosen.emit(img, t)


class WeightImages(_CaptionedGrid):
    """Each first-layer hidden unit's incoming weights drawn as an image (red +, blue −)."""

    def set_weights(self, weights: np.ndarray, side: int) -> None:
        w = np.asarray(weights)
        n = min(len(w), MAX_UNITS)
        self.caption.setText(self.tr("What each hidden unit of layer 1 looks for: its %1 incoming "
                                     "weights as a %2×%2 image (red positive, blue negative, white 0); "
                                     "showing %3 of %4 units")
                             .replace("%1", str(w.shape[1])).replace("%2", str(side))
                             .replace("%3", str(n)).replace("%4", str(len(w))))
        self.grid.set_images([diverging_qimage(w[k].reshape(side, side)) for k in range(n)],
                             [str(k + 1) for k in range(n)])
