"""GraphView: zoom with Ctrl+wheel (around the pointer), pan by dragging, fit to view.

Until the person zooms, the view keeps the graph fitted when it is resized. Fitting never
magnifies beyond ``MAX_FIT_SCALE`` (a three-node graph should not fill the screen). Two kinds:

* readable (a new graph): never shrinks below ``READABLE_SCALE``, where the numbers are still
  legible; a large unrolled network is then scrolled (its left end shown first) and the
  explorer keeps the current node in view;
* whole (the Fit button, Ctrl+0): the overview, down to ``OVERVIEW_SCALE``.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsView

MAX_FIT_SCALE = 1.6
READABLE_SCALE = 0.8
OVERVIEW_SCALE = 0.1
ZOOM_STEP = 1.15


class GraphView(QGraphicsView):
    def __init__(self, scene, parent=None):
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.setDragMode(QGraphicsView.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.AnchorViewCenter)
        self.setBackgroundBrush(Qt.white)
        self.auto_fit = True
        self.fit_whole = False

    def zoom(self) -> float:
        return self.transform().m11()

    def fit(self, whole: bool = True) -> None:
        """Fit the graph (the whole of it, or as much as stays readable) and keep it fitted
        on resize."""
        self.auto_fit = True
        self.fit_whole = whole
        self._fit()

    def _fit(self) -> None:
        rect = self.sceneRect()
        if rect.isEmpty() or self.viewport().width() < 10:
            return
        vw, vh = self.viewport().width() - 8, self.viewport().height() - 8
        scale = min(vw / rect.width(), vh / rect.height())
        lowest = OVERVIEW_SCALE if self.fit_whole else READABLE_SCALE
        scale = max(lowest, min(MAX_FIT_SCALE, scale))
        self.resetTransform()
        self.scale(scale, scale)
        centre = rect.center()
        if rect.width() * scale > vw:             # too wide: start where the inputs are
            centre.setX(rect.left() + vw / scale / 2)
        self.centerOn(centre)

    def zoom_by(self, factor: float) -> None:
        new = self.zoom() * factor
        if 0.05 <= new <= 8.0:
            self.auto_fit = False
            self.scale(factor, factor)

    def wheelEvent(self, event):          # noqa: N802
        if event.modifiers() & Qt.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.zoom_by(ZOOM_STEP ** steps)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event):       # noqa: N802
        if event.modifiers() & Qt.ControlModifier and event.key() in (Qt.Key_Plus, Qt.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif event.modifiers() & Qt.ControlModifier and event.key() == Qt.Key_Minus:
            self.zoom_by(1 / ZOOM_STEP)
        elif event.modifiers() & Qt.ControlModifier and event.key() == Qt.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event):         # noqa: N802
        super().resizeEvent(event)
        if self.auto_fit:
            self._fit()

    def showEvent(self, event):           # noqa: N802
        super().showEvent(event)
        if self.auto_fit:
            self._fit()
