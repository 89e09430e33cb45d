"""Loss/accuracy history as growable numpy buffers (appending is O(1) amortised).

The live, appendable form of ``core.project.History`` (the frozen form a document holds)."""
from __future__ import annotations

import numpy as np

from .project import History

COLUMNS = ("epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy")


class HistoryBuffer:
    def __init__(self, history: History | None = None):
        self._data = {c: np.empty(256) for c in COLUMNS}
        self.n = 0
        self.steps = 0
        if history is not None:
            self.load(history)

    def load(self, history: History) -> None:
        self.n = 0
        self.steps = history.steps
        for k in range(len(history)):
            self.append(*(getattr(history, c)[k] for c in COLUMNS))

    def append(self, epoch, train_loss, test_loss, train_acc, test_acc) -> None:
        if self.n == len(self._data["epoch"]):
            for c in COLUMNS:
                grown = np.empty(2 * self.n)
                grown[:self.n] = self._data[c][:self.n]
                self._data[c] = grown
        for c, v in zip(COLUMNS, (epoch, train_loss, test_loss, train_acc, test_acc)):
            self._data[c][self.n] = np.nan if v is None else v
        self.n += 1

    def column(self, name: str) -> np.ndarray:
        """A view of the filled part of one column (NaN where a value does not apply)."""
        return self._data[name][:self.n]

    @property
    def last_epoch(self) -> float:
        return float(self._data["epoch"][self.n - 1]) if self.n else 0.0

    def to_history(self) -> History:
        def col(c):
            return tuple(None if np.isnan(v) else float(v) for v in self.column(c))
        return History(epoch=tuple(float(v) for v in self.column("epoch")),
                       train_loss=tuple(float(v) for v in self.column("train_loss")),
                       test_loss=col("test_loss"), train_accuracy=col("train_accuracy"),
                       test_accuracy=col("test_accuracy"), steps=self.steps)
