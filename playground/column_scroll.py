"""ColumnScrollArea: a dock's panel that scrolls up and down, never cut at its right edge.

A QScrollArea's minimum width does not follow its contents: a panel that grows (presentation
mode's 1.75× font, a longer translation) was clipped at the dock's right edge with no way to see
the rest. This area asks for the width its contents need (their minimum size hint, plus the
vertical scroll bar) and asks again whenever their layout changes; if the window still cannot give
that width, a horizontal scroll bar appears instead of cutting the panel off.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QScrollArea, QWidget


class ColumnScrollArea(QScrollArea):
    def __init__(self, widget: QWidget, parent=None):
        super().__init__(parent)
        self.setWidget(widget)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self._asked = -1                # the content width the last updateGeometry() was for
        widget.installEventFilter(self)

    def content_width(self) -> int:
        """The width the contents need to be shown whole, scroll bar included."""
        inner = self.widget()
        if inner is None:
            return 0
        bar = self.verticalScrollBar().sizeHint().width()
        return inner.minimumSizeHint().width() + bar + 2 * self.frameWidth()

    def minimumSizeHint(self) -> QSize:                # noqa: N802 (Qt override)
        return QSize(max(super().minimumSizeHint().width(), self.content_width()),
                     super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:                       # noqa: N802
        hint = super().sizeHint()
        return QSize(max(hint.width(), self.content_width()), hint.height())

    def eventFilter(self, obj, event) -> bool:         # noqa: N802
        if obj is self.widget() and event.type() == QEvent.LayoutRequest:
            # (while training the panel's counters ask ~10 times a second with no new width:
            # only a new width makes the dock and the window lay themselves out again)
            width = self.content_width()
            if width != self._asked:
                self._asked = width
                self.updateGeometry()                  # the dock and the window ask again
        return super().eventFilter(obj, event)
