"""Fit (step 3) off the GUI thread: epochs of the engine's Trainer, with progress and Cancel.

The worker lives in its own QThread. It reports progress within an epoch at most ~20 times a
second, and after every epoch one record: train/test loss and accuracy, "correct / total" on
the test set, the test set's predicted classes (for the confusion matrix and the gallery) and
the first layer's weights (for the weight images). ``finished`` carries the final parameters.
"""
from __future__ import annotations

import threading
import time

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot

from core import problem
from core.training import Trainer

from ..engine_text import error_text
from ..worker_thread import start_in_thread

PROGRESS_INTERVAL = 0.05


class FitWorker(QObject):
    progress = Signal(float)           # epochs done (fractional)
    epoch_done = Signal(object)        # dict, see _record
    finished = Signal(object)          # dict: params, reason, error

    def __init__(self, net, data, config, epochs: int, first_epoch: float):
        super().__init__()
        self.net, self.data, self.config = net, data, config
        self.epochs, self.first_epoch = int(epochs), float(first_epoch)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        try:
            trainer = Trainer(self.net, self.data, self.config)
            n = len(self.data.x_train)
            steps_per_epoch = -(-n // trainer.batch_size)
            chunk = max(1, steps_per_epoch // 50)
            last = time.monotonic()
            reason = "max_epochs"
            for _ in range(self.epochs):
                done = 0
                while done < steps_per_epoch and not self._cancel.is_set():
                    k = min(chunk, steps_per_epoch - done)
                    trainer.train_steps(k)
                    done += k
                    now = time.monotonic()
                    if now - last >= PROGRESS_INTERVAL:
                        last = now
                        self.progress.emit(trainer.epochs_done)
                if self._cancel.is_set():
                    reason = "stopped"
                    break
                snap = trainer.snapshot()
                self.epoch_done.emit(self._record(trainer, snap))
                if snap.reason == "diverged":
                    reason = "diverged"
                    break
            self.finished.emit({"params": trainer.params(), "reason": reason,
                                "epochs": trainer.epochs_done, "steps": trainer.step,
                                "error": None})
        except Exception as exc:   # reported in the window, never a crash of the thread
            self.finished.emit({"params": None, "reason": "error", "error": error_text(exc)})

    def _record(self, trainer, snap) -> dict:
        d = self.data
        out = trainer.kernel.forward(d.x_test).copy() if len(d.x_test) else np.zeros((0, 10))
        pred = problem.predicted_classes(out, "multiclass", trainer.output_activation) \
            if len(out) else np.zeros(0, dtype=np.intp)
        correct = int(np.sum(pred == d.labels_test.astype(np.intp)))
        return {"epoch": self.first_epoch + snap.epoch, "train_loss": snap.train_loss,
                "test_loss": snap.test_loss, "train_accuracy": snap.train_accuracy,
                "test_accuracy": snap.test_accuracy, "correct": correct, "total": len(pred),
                "predicted": pred, "first_weights": snap.params[0][0].copy(),
                "params": snap.params, "diverged": snap.reason == "diverged",
                "message": snap.message}


def start_fit(worker: FitWorker) -> QThread:
    """Move the worker into a new thread and start it; the thread ends when the fit ends."""
    return start_in_thread(worker, quit_on=worker.finished)
