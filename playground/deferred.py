"""Parts of the main window built after its first paint (or on first use, if that is sooner).

A document that opens in the training layout shows the Data, Training, Output and Loss docks;
the step-by-step docks behind them (Step, Derivation, Inspector, Sample and loss, Weight table)
are not seen in the first frame. ``DeferredParts`` holds each such part as a factory with a
placeholder in its dock, and builds it

* before the window shows it or a layout switch shows it (``build_shown``), or when its
  dock first becomes visible otherwise (View ▸ its name),
* when the window asks for it (``MainWindow.inspector`` and the like build it on access), or
* right after the window's first paint, one part per event-loop turn, so that every dock is
  filled once the event loop is idle and a later layout switch never waits.

``AfterFirstPaint`` runs callbacks once the window has painted its first frame.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Calls each ``add``-ed callback (in order) once ``window`` has painted its first frame;
    at once if it already has."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.done = False
        self._pending: list[Callable[[], None]] = []
        window.installEventFilter(self)

    def add(self, callback: Callable[[], None]) -> None:
        if self.done:
            QTimer.singleShot(0, self, callback)
        else:
            self._pending.append(callback)

    def eventFilter(self, obj, event) -> bool:      # noqa: N802 (Qt override)
        # the window's own paint event comes first in the frame (its children's follow in the
        # same backing-store flush): a zero timer posted now runs once the frame is painted
        if obj is self.window and event.type() == QEvent.Paint:
            self.window.removeEventFilter(self)
            self.done = True
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        pending, self._pending = self._pending, []
        for callback in pending:
            callback()


class DeferredParts(QObject):
    """Dock contents built on first show, first access or after the first paint."""

    def __init__(self, window, after_paint: AfterFirstPaint):
        super().__init__(window)
        self.window = window
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._built: dict[str, QWidget] = {}
        self._hooks: dict[str, list[Callable[[QWidget], None]]] = {}
        after_paint.add(self._build_next)

    def add_dock(self, key: str, title: str, area, factory: Callable[[], QWidget]) -> None:
        """A dock whose content ``factory()`` makes later (a placeholder holds its place)."""
        self._factories[key] = factory
        self.window._add_dock(key, title, QWidget(), area)
        self.window.docks[key].visibilityChanged.connect(
            lambda visible, k=key: self.get(k) if visible else None)

    def when_built(self, key: str, hook: Callable[[QWidget], None]) -> None:
        """Call ``hook(widget)`` once the part is built (at once if it is)."""
        if key in self._built:
            hook(self._built[key])
        else:
            self._hooks.setdefault(key, []).append(hook)

    def built(self, key: str) -> QWidget | None:
        """The part if it is built, else None (without building it)."""
        return self._built.get(key)

    def pending(self) -> list[str]:
        return [k for k in self._factories if k not in self._built]

    def get(self, key: str) -> QWidget:
        """The part, built now if it is not yet."""
        widget = self._built.get(key)
        if widget is None:
            widget = self._built[key] = self._factories[key]()
            dock = self.window.docks[key]
            placeholder = dock.widget()
            dock.setWidget(widget)
            if placeholder is not None:
                placeholder.deleteLater()
            for hook in self._hooks.pop(key, ()):
                hook(widget)
        return widget

    def build_shown(self, keys=None) -> None:
        """Build the parts whose docks are (or are about to be) shown: before the window
        shows or a layout shows them, so that the docks are sized for their real content."""
        for key in self.pending():
            if (key in keys) if keys is not None else not self.window.docks[key].isHidden():
                self.get(key)

    def _build_next(self) -> None:
        """One part per event-loop turn: input and repaints get their turn between them."""
        rest = self.pending()
        if rest:
            self.get(rest[0])
        if len(rest) > 1:
            QTimer.singleShot(0, self, self._build_next)
