"""What the user has selected: one neuron, one link, or nothing. Shared by canvas and panels.

References (layers use the notation of ``core.network``):
    ("neuron", layer, i)     neuron i of neuron layer ``layer`` (0 = inputs … L = outputs)
    ("link", l, i, j)        the weight W[l][i, j] (weight layer l = 1 … L)
    None                     nothing selected
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    changed = Signal(object)    # the new reference (or None)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._ref = None

    @property
    def ref(self):
        return self._ref

    def select(self, ref) -> None:
        ref = tuple(ref) if ref is not None else None
        if ref != self._ref:
            self._ref = ref
            self.changed.emit(ref)

    def clear(self) -> None:
        self.select(None)

    def validate(self, sizes: list[int]) -> None:
        """Drop the selection if it no longer exists in a network with these sizes."""
        r = self._ref
        if r is None:
            return
        ok = (r[0] == "neuron" and r[1] < len(sizes) and r[2] < sizes[r[1]]) or (
            r[0] == "link" and 1 <= r[1] < len(sizes) and r[2] < sizes[r[1]] and r[3] < sizes[r[1] - 1])
        if not ok:
            self.clear()
