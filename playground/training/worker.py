"""TrainWorker: runs the engine's live loop (``core.live_loop``) in a QThread of this process.

The loop trains, builds frames and hands each one over as *the latest* frame, then signals
``frame_ready``. Sharing the GIL with the GUI, it sleeps after each frame until the GUI has
drawn it (``frame_drawn``). ``playground.training.process_worker`` runs the same loop in a
child process instead, with the same interface; the controller picks one.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal, Slot

from core.live_loop import Frame, LiveLoop
from core import Trainer

__all__ = ["Frame", "TrainWorker"]


class TrainWorker(QObject, LiveLoop):
    frame_ready = Signal()
    failed = Signal(int, str, object)   # run id, message, the exception (never swallowed)
    finished = Signal(int)              # run id

    def __init__(self, run_id: int, trainer: Trainer, features, speed: str = "fast",
                 grid_n: int = 100, thumb_n: int = 24):
        QObject.__init__(self)
        self.init_loop(run_id, trainer, features, speed, grid_n, thumb_n)
        self._stop = threading.Event()
        self._drawn = threading.Event()     # the GUI has drawn the last frame
        self._drawn.set()
        self._lock = threading.Lock()
        self._latest: Frame | None = None
        self._pending_config = None

    # ------------------------------------------------------------ called from the GUI thread
    def request_stop(self) -> None:
        self._stop.set()
        self._drawn.set()

    def frame_drawn(self) -> None:
        """The GUI has drawn the frame it took: the next training slice may start."""
        self._drawn.set()

    def take_latest(self) -> Frame | None:
        with self._lock:
            frame, self._latest = self._latest, None
        return frame

    def set_config(self, config) -> None:
        """Picked up between two slices (learning rate, batch size, … change mid-run); the
        newest wins, none is lost (the hand-over is under the lock)."""
        with self._lock:
            self._pending_config = config

    def set_speed(self, speed: str) -> None:
        self.speed = speed

    # ------------------------------------------------------------ the loop's transport
    def _take_config(self):
        with self._lock:
            config, self._pending_config = self._pending_config, None
        return config

    def _stop_requested(self) -> bool:
        return self._stop.is_set()

    def _frame_waiting(self) -> bool:
        with self._lock:
            return self._latest is not None

    def _hand_out(self, frame: Frame) -> None:
        self._drawn.clear()
        with self._lock:
            self._latest = frame
        self.frame_ready.emit()

    def _wait_drawn(self, timeout: float) -> None:
        self._drawn.wait(timeout)

    def _sleep(self, seconds: float) -> None:
        self._stop.wait(seconds)

    @Slot()
    def run(self) -> None:
        try:
            self.run_loop()
        except Exception as exc:            # noqa: BLE001 — reported, never swallowed
            self.failed.emit(self.run_id, f"{type(exc).__name__}: {exc}", exc)
        finally:
            self.finished.emit(self.run_id)
