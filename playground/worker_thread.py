"""One way to run a worker object's ``run`` slot in a QThread of its own (live training, the
training-prediction exercise, the digits fit)."""
from __future__ import annotations

from PySide6.QtCore import QObject, QThread


def start_in_thread(worker: QObject, parent: QObject | None = None,
                    connections=(), quit_on=None) -> QThread:
    """Move ``worker`` into a new QThread (owned by ``parent``), connect each ``(signal,
    slot)`` of ``connections``, start the thread with ``worker.run``, and return the thread.
    ``quit_on``: a signal of the worker after which the thread ends by itself."""
    thread = QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    for signal, slot in connections:
        signal.connect(slot)
    if quit_on is not None:
        quit_on.connect(thread.quit)
    thread.start()
    return thread
