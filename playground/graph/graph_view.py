"""GraphView: zoom with Ctrl+wheel (around the pointer), pan by dragging, fit to view.

Until the person zooms, the view keeps the whole graph fitted when it is resized. Fitting
never magnifies beyond ``MAX_FIT_SCALE`` (a three-node graph should not fill the screen) and
never shrinks below ``MIN_FIT_SCALE`` (a large unrolled network is then scrolled instead).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsView

MAX_FIT_SCALE = 1.6
MIN_FIT_SCALE = 0.35
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

    def zoom(self) -> float:
        return self.transform().m11()

    def fit(self) -> None:
        """Show the whole graph (within the scale limits) and keep it fitted on resize."""
        self.auto_fit = True
        self._fit()

    def _fit(self) -> None:
        rect = self.sceneRect()
        if rect.isEmpty() or self.viewport().width() < 10:
            return
        vw, vh = self.viewport().width() - 8, self.viewport().height() - 8
        scale = min(vw / rect.width(), vh / rect.height())
        scale = max(MIN_FIT_SCALE, min(MAX_FIT_SCALE, scale))
        self.resetTransform()
        self.scale(scale, scale)
        self.centerOn(rect.center())

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
