"""Live plots: the loss curves and the decision-boundary heat map (pyqtgraph)."""
from __future__ import annotations

import time
from functools import lru_cache

import numpy as np
from PySide6.QtCore import QObject, QSize, QTimer
from PySide6.QtWidgets import QWidget

DRAW_INTERVAL = 1.0 / 30.0
"""Seconds between two redraws of a live plot while training (frames arrive at ≤ 60 Hz; every
redraw of a pyqtgraph view costs milliseconds of GUI time, shared with the worker's GIL)."""


class Throttle(QObject):
    """Calls ``fn`` at most once per ``interval`` seconds. A call that comes too early is
    served by the first call after the interval — while training, the next frame's, so the
    drawing happens in the frame handler, while the worker waits for the GUI — or, if no call
    comes, by a timer ``grace`` seconds later. The last state is always drawn."""

    def __init__(self, fn, interval: float = DRAW_INTERVAL, parent=None, grace: float = 0.05):
        super().__init__(parent)
        self.fn, self.interval, self.grace = fn, interval, grace
        self._last = float("-inf")
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.now)

    def __call__(self, *_args) -> None:
        wait = self.interval - (time.perf_counter() - self._last)
        if wait <= 0:
            self.now()
        elif not self._timer.isActive():
            self._timer.start(max(1, int((wait + self.grace) * 1000)))

    def now(self) -> None:
        self._timer.stop()
        self._last = time.perf_counter()
        self.fn()

    def pending(self) -> bool:
        return self._timer.isActive()


class SquareHolder(QWidget):
    """Keeps its one child square (the data domain is square) and centred."""

    def __init__(self, child: QWidget):
        super().__init__()
        self.child = child
        child.setParent(self)
        self.setMinimumSize(child.minimumSize())

    def resizeEvent(self, event):       # noqa: N802 (Qt override)
        side = min(self.width(), self.height())
        self.child.setGeometry((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def sizeHint(self):                 # noqa: N802
        return QSize(360, 360)


@lru_cache(maxsize=4)
def _interpolation(n: int, factor: int) -> np.ndarray:
    """(n·factor, n) matrix of linear interpolation between cell centres."""
    m = n * factor
    pos = np.clip((np.arange(m) + 0.5) / factor - 0.5, 0, n - 1)
    lo = np.minimum(np.floor(pos).astype(int), max(n - 2, 0))
    t = (pos - lo).astype(np.float32)
    a = np.zeros((m, n), dtype=np.float32)
    a[np.arange(m), lo] = 1 - t
    if n > 1:
        a[np.arange(m), lo + 1] += t
    return a


def upsample(maps: np.ndarray, factor: int = 4) -> np.ndarray:
    """(k, n, n) → (k, factor·n, factor·n) float32, bilinear: display smoothing of small
    thumbnails (a few tiny matrix products, well under a millisecond)."""
    a = _interpolation(maps.shape[-1], factor)
    return np.einsum("ij,kjl,ml->kim", a, maps.astype(np.float32), a, optimize=True)
