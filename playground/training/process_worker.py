"""ProcessTrainWorker: the TrainWorker interface, with the loop in a child process.

Its ``run`` slot (in a QThread of the window) borrows a child (``core.train_process``), sends
it the run (the Trainer travels as network, data and state), then relays: each frame, with
its output grid added here (``core.live_loop.with_output``; numpy runs it without the GIL),
becomes *the latest* frame and ``frame_ready``; at the end the child's Trainer state is
restored into this side's Trainer, so a paused run resumes exactly where the child stopped.
The GUI's commands (stop, config, speed, drawn) go straight down the pipe. The thread waits
on the pipe without the GIL; the child trains on its own core.

``worker_class()`` picks this worker unless child processes cannot start here (then the
threaded one, for the rest of the session) or ``BACKPROP_TRAINING=thread`` is set.
"""
from __future__ import annotations

import os
import threading

from PySide6.QtCore import QObject, Signal, Slot

from core import Trainer, train_process
from core.live_loop import Frame, with_output

from .worker import TrainWorker


PROCESS_ENDED = "process-ended"
"""``failed``'s message when the child died (killed, out of memory): the window says so in
its own words; the third argument is then the channel's error text, if any."""


def worker_class():
    if os.environ.get("BACKPROP_TRAINING", "process") == "thread":
        return TrainWorker
    return ProcessTrainWorker


class ProcessTrainWorker(QObject):
    frame_ready = Signal()
    failed = Signal(int, str, object)   # run id, message, the exception (or None)
    finished = Signal(int)              # run id

    def __init__(self, run_id: int, trainer: Trainer, features, speed: str = "fast",
                 grid_n: int = 100, thumb_n: int = 24):
        super().__init__()
        self.run_id = self._own_id = run_id
        self.trainer = trainer
        self.features = tuple(features) if features else None
        self.speed = speed
        self.grid_n, self.thumb_n = grid_n, thumb_n
        self.elapsed_before = 0.0
        self.final: Frame | None = None
        self._lock = threading.Lock()
        self._latest: Frame | None = None
        self._child: train_process.TrainingProcess | None = None
        self._early: list = []              # commands sent before the child was there
        self._stopped = False
        self.fallback: TrainWorker | None = None

    # ------------------------------------------------------------ called from the GUI thread
    def _command(self, *message) -> None:
        with self._lock:
            child = self._child
            if child is None:
                self._early.append(message)
                return
        child.send(message)

    def request_stop(self) -> None:
        self._stopped = True
        if self.fallback is not None:
            self.fallback.request_stop()
        self._command("stop", self._own_id)

    def frame_drawn(self) -> None:
        """(The child builds the next frame once one is taken: see ``take_latest``.)"""
        if self.fallback is not None:
            self.fallback.frame_drawn()

    def take_latest(self) -> Frame | None:
        if self.fallback is not None:
            return self.fallback.take_latest()
        with self._lock:
            frame, self._latest = self._latest, None
        if frame is not None:
            self._command("taken", self._own_id)    # the child may build the next one now
        return frame

    def set_config(self, config) -> None:
        if self.fallback is not None:
            self.fallback.set_config(config)
        self._command("config", self._own_id, config)

    def set_speed(self, speed: str) -> None:
        self.speed = speed
        if self.fallback is not None:
            self.fallback.set_speed(speed)
        self._command("speed", self._own_id, speed)

    # ------------------------------------------------------------ the relay (worker thread)
    @Slot()
    def run(self) -> None:
        try:
            child = train_process.borrow()
            if child is None:
                self._run_in_thread()
                return
            self._relay(child)
        except Exception as exc:            # noqa: BLE001 — reported, never swallowed
            self.failed.emit(self.run_id, f"{type(exc).__name__}: {exc}", exc)
        finally:
            self.finished.emit(self.run_id)

    def _run_in_thread(self) -> None:
        """No child process here: the same loop in this thread."""
        w = TrainWorker(self._own_id, self.trainer, self.features, self.speed,
                        self.grid_n, self.thumb_n)
        w.elapsed_before = self.elapsed_before
        w.frame_ready.connect(self.frame_ready.emit)
        w.failed.connect(self.failed.emit)
        self.fallback = w
        if self._stopped:
            w.request_stop()
        w.run_loop()
        self.final = w.final

    def _relay(self, child) -> None:
        job = {"run_id": self._own_id, "trainer": self.trainer, "features": self.features,
               "speed": self.speed, "grid_n": self.grid_n, "thumb_n": self.thumb_n,
               "elapsed_before": self.elapsed_before}
        child.send(("run", job))
        with self._lock:
            self._child = child
            early, self._early = self._early, []
        for message in early:
            child.send(message)
        clean = False
        net = self.trainer.net.copy()       # the frames' output grids are computed here
        try:
            while True:
                message = child.receive()
                if message is None:
                    self.failed.emit(self.run_id, PROCESS_ENDED, child.error or None)
                    return
                kind = message[0]
                if kind == "frame":
                    frame = with_output(message[1], net, self.features, self.grid_n)
                    with self._lock:
                        self._latest = frame
                    self.frame_ready.emit()
                elif kind == "done" and message[1] == self._own_id:
                    self.trainer.restore(message[2])
                    self.final = with_output(message[3], net, self.features, self.grid_n)
                    clean = True
                    return
                elif kind == "failed" and message[1] == self._own_id:
                    self.failed.emit(self.run_id, message[2], None)
                    clean = True
                    return
        finally:
            with self._lock:
                self._child = None
            if clean:
                train_process.give_back(child)
            else:
                child.close()
