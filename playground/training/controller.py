"""TrainingController: Play / Pause / Step epoch / Reset / Re-initialise, off the GUI thread.

The controller keeps only the thread and the run; the Document owns the history and the
latest frame, so every view follows one source (``Document.changed``).

* Play builds (or resumes) a core Trainer on copies of the Document's data and parameters and
  runs it in a TrainWorker on a QThread. Frames arrive at most once per screen frame; only the
  newest frame of the current run is handed to the Document (``apply_frame``), stale ones are
  dropped. The Document's parameters follow the frames ≤ 12 times a second.
* When the run ends (pause, stop rule, divergence, an edit) the whole run becomes one undo
  step (a TrainingRun: parameters and history). A run that changed no parameter (zero steps, a
  divergence in the first frame) leaves nothing: its history rows go too, so counters, history
  and undo agree.
* Any edit while training (a weight, a neuron, the data, undo/redo) pauses first — the run is
  put on the undo stack, then the edit — except changes to learning rate, optimizer settings,
  batch size and stop rules, which the running trainer picks up without a reset.
* Pause waits for the worker at most ``PAUSE_TIMEOUT_MS``; a worker that does not stop in time
  is abandoned (its frames are ignored, the run is committed from the last frame taken). An
  exception in the worker reaches the user as a message (``doc.error``) and ``sys.excepthook``.
"""
from __future__ import annotations

import sys
import time
from collections import deque

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, Qt, Signal

from core import History, Network, Trainer
from core.errors import EngineError

from ..commands import SetSettings, TrainingRun
from .process_worker import PROCESS_ENDED, ProcessTrainWorker, worker_class
from .worker import Frame, TrainWorker
from ..engine_text import error_text
from ..worker_thread import start_in_thread

LIVE_SETTINGS = {"optimizer", "batch_size", "max_epochs", "target_loss"}
DOCUMENT_INTERVAL = 1.0 / 12.0
"""While training, the Document's parameters (and so the canvas, the inspector, the weight
table) follow the frames at most this often: with input features, exactly the frames that
carry neuron maps (``core.live_loop.MAPS_SECONDS``, the same period); without, by this clock.
The heat map and the history take every frame.
Every view of the network reacts to a parameter change, so 60 of them a second would cost the
heat map its frame rate. When a run ends the Document gets the last frame's parameters."""
PAUSE_TIMEOUT_MS = 3000
"""The longest Pause waits for the worker thread (it stops within a few ms normally)."""


class _AfterPaint(QObject):
    """Tells the worker its frame is drawn once the views have painted it, not merely applied:
    the views paint after the frame handler returns, and a worker training meanwhile would hold
    the GIL against every Python paint call. Repaint requests are low-priority posted events,
    and a view's own update may be posted one hop later (a graphics scene's queued update), so
    the hand-over rides two low-priority hops behind them. One long-lived object per controller
    carries every hand-over (a queue in posting order): a QObject must not die inside its own
    event handler."""
    _TYPE = QEvent.Type(QEvent.registerEventType())
    HOPS = 2

    def __init__(self, parent):
        super().__init__(parent)
        self._queue: deque = deque()

    def post(self, worker) -> None:
        self._send(worker, self.HOPS)

    def _send(self, worker, hops: int) -> None:
        self._queue.append((worker, hops))
        QCoreApplication.postEvent(self, QEvent(self._TYPE), Qt.LowEventPriority.value)

    def customEvent(self, event):       # noqa: N802 (Qt override)
        if not self._queue:
            return
        worker, hops = self._queue.popleft()
        if hops > 1:
            self._send(worker, hops - 1)
            return
        try:
            worker.frame_drawn()
        except RuntimeError:            # its run ended and the worker is gone: nothing waits
            pass


class TrainingController(QObject):
    running_changed = Signal(bool)
    finished = Signal(str, str)         # reason, divergence code or message

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.speed = "fast"
        self.run_id = 0
        self._trainer: Trainer | None = None
        self._thread: QThread | None = None
        self._worker: TrainWorker | None = None
        self._abandoned: list = []          # (thread, worker) that did not stop in time
        self._run_start = None              # the Project when the run began
        self._run_start_step = 0
        self._epoch_offset = 0.0
        self._step_offset = 0
        self._elapsed = 0.0
        self._epoch_offset = 0.0
        self._committing = False
        self._synced_frame: Frame | None = None
        self._synced_at = float("-inf")
        self.frames_applied = 0
        self._after_paint = _AfterPaint(self)
        doc.undo_stack.before_edit.connect(self._before_edit)
        doc.changed.connect(self._on_doc_changed)

    # ------------------------------------------------------------ state
    @property
    def running(self) -> bool:
        return self._thread is not None

    @property
    def elapsed(self) -> float:
        return self._elapsed

    @property
    def history(self):
        """The Document's live history buffer (kept here for the views that ask for it)."""
        return self.doc.history

    @history.setter
    def history(self, buffer) -> None:
        self.doc.history = buffer

    @property
    def last_frame(self) -> Frame | None:
        return self.doc.last_frame

    def _config(self):
        """The trainer counts its own epochs from 0; "Stop at epoch N" means the epoch shown."""
        limit = self.doc.project.max_epochs
        if limit is not None:
            limit = max(0.0, float(limit) - self._epoch_offset)
        return self.doc.project.train_config(snapshot_every=1, max_epochs=limit)

    def at_epoch_limit(self) -> bool:
        limit = self.doc.project.max_epochs
        return limit is not None and self.history.last_epoch >= limit

    def _ensure_trainer(self) -> Trainer:
        if self._trainer is None:
            self._epoch_offset = self.doc.history.last_epoch
            self._step_offset = self.doc.history.steps
            self._trainer = Trainer(self.doc.network, self.doc.train_data(), self._config())
            self._elapsed = 0.0
        else:
            self._trainer.set_config(self._config())
        return self._trainer

    # ------------------------------------------------------------ commands
    def play(self) -> bool:
        if self.running:
            return True
        if self.at_epoch_limit():       # say why nothing happens instead of training on
            self.finished.emit("max_epochs", "")
            return False
        try:
            trainer = self._ensure_trainer()
        except EngineError as exc:
            self.doc.error.emit(error_text(exc))
            return False
        self._begin_run()
        self.run_id += 1
        worker = worker_class()(self.run_id, trainer, self.doc.project.features, self.speed)
        worker.elapsed_before = self._elapsed
        self._worker = worker
        self._thread = start_in_thread(worker, self, (
            (worker.frame_ready, self._on_frame_ready), (worker.failed, self._on_worker_failed),
            (worker.finished, self._on_worker_finished)))
        self.running_changed.emit(True)
        return True

    def pause(self) -> None:
        """Stop the worker (it finishes its current slice), apply its last frame, commit the run."""
        if not self.running:
            return
        worker, thread = self._worker, self._thread
        worker.request_stop()
        thread.quit()
        if not thread.wait(PAUSE_TIMEOUT_MS):
            # stuck in one long slice: let it end on its own, ignore whatever it still sends
            self._abandoned.append((thread, worker))
            thread.finished.connect(lambda t=thread, w=worker: self._forget(t, w))
            worker.run_id = -1
            self._finish_run(worker, take_final=False)
            return
        self._finish_run(worker)

    def _forget(self, thread, worker) -> None:
        if (thread, worker) in self._abandoned:
            self._abandoned.remove((thread, worker))
        thread.deleteLater()
        worker.deleteLater()

    def toggle(self) -> None:
        self.pause() if self.running else self.play()

    def step_epoch(self) -> None:
        """Train exactly one epoch in the GUI thread (fast) and make it one undo step."""
        self.pause()
        if self.at_epoch_limit():
            self.finished.emit("max_epochs", "")
            return
        try:
            trainer = self._ensure_trainer()
        except EngineError as exc:
            self.doc.error.emit(error_text(exc))
            return
        self._begin_run()
        start = time.perf_counter()
        trainer.train_epoch()
        snap = trainer.snapshot()
        worker = TrainWorker(self.run_id, trainer, self.doc.project.features)
        frame = worker.make_frame(snap, 0.0, self._elapsed + time.perf_counter() - start)
        self._apply(frame, sync=True)
        self._commit(self.tr("Train one epoch"))
        if snap.reason == "diverged":
            self._trainer = None
            self.finished.emit(snap.reason, _detail(snap))

    def set_speed(self, speed: str) -> None:
        self.speed = speed
        if self._worker is not None:
            self._worker.set_speed(speed)

    def reset_weights(self, new_seed: bool = False) -> None:
        """Fresh weights for the same structure: the document's init seed (Reset), or a new
        seed (Re-initialise). Clears the history. One undo step."""
        self.pause()
        p = self.doc.project
        seed = int(np.random.default_rng().integers(0, 2**31)) if new_seed else p.init_seed
        fresh = Network.create(p.network.sizes, p.network.activations, init=p.init, seed=seed)
        params = [(np.where(layer.mask, w, 0.0), b) for layer, (w, b) in
                  zip(p.network.layers, fresh.get_params())]
        text = self.tr("Re-initialise weights") if new_seed else self.tr("Reset weights")
        self._committing = True
        try:
            self.doc.undo_stack.push(TrainingRun(self.doc, p, params, History(), text,
                                                 init_seed=seed))
        finally:
            self._committing = False
        self._trainer = None

    # ------------------------------------------------------------ worker → GUI
    def _begin_run(self) -> None:
        self._run_start = self.doc.project
        self._run_start_step = self._trainer.step if self._trainer is not None else 0
        h = self.doc.history
        if h.n == 0 and self._trainer is not None:
            # the untrained loss at epoch 0: the curve starts where the weights start (a live
            # row like the frames': it goes with the run, or goes if the run changes nothing)
            s = self._trainer.snapshot()
            if s.reason is None:
                h.append(self._epoch_offset + s.epoch, s.train_loss, s.test_loss,
                         s.train_accuracy, s.test_accuracy)

    def _on_frame_ready(self) -> None:
        sender = self.sender()
        worker = sender if isinstance(sender, (TrainWorker, ProcessTrainWorker)) else self._worker
        if worker is None or worker is not self._worker:
            return
        frame = worker.take_latest()
        if frame is not None and frame.run_id == self.run_id:
            self._apply(frame)
            self._after_paint.post(worker)  # it trains on once the views have painted
        else:
            worker.frame_drawn()

    def _apply(self, frame: Frame, sync: bool = False) -> None:
        snap = frame.snapshot
        self._elapsed = frame.elapsed
        self.frames_applied += 1
        params = None
        # a frame with neuron maps (``core.live_loop.MAPS_SECONDS``) is a Document sync, so the
        # canvas's links and thumbnails show one state; without features, every ~1/12 s
        due = (frame.neuron_maps is not None if frame.grid is not None
               else time.perf_counter() - self._synced_at >= DOCUMENT_INTERVAL)
        if sync or due:
            params, self._synced_frame, self._synced_at = snap.params, frame, time.perf_counter()
        self.doc.apply_frame(frame, epoch=self._epoch_offset + snap.epoch,
                             steps=self._step_offset + snap.step, params=params, initiator=self)

    def _sync_document(self) -> None:
        """Give the Document the newest frame's parameters (if it does not have them yet)."""
        frame = self.doc.last_frame
        if frame is not None and frame is not self._synced_frame:
            self._synced_frame, self._synced_at = frame, time.perf_counter()
            self.doc.set_params(frame.snapshot.params, initiator=self, training=True)

    def _on_worker_failed(self, run_id: int, message: str, exc) -> None:
        """An exception in the worker thread: the user gets a message, and the test suite
        (pytest-qt watches ``sys.excepthook``) a failure."""
        if message == PROCESS_ENDED:
            self.doc.error.emit(self.tr("Training stopped: the training process ended "
                                        "unexpectedly. The run is kept up to its last frame; "
                                        "Play starts a new process."))
            return
        self.doc.error.emit(self.tr("Training stopped because of an internal error: %1")
                            .replace("%1", message))
        if exc is not None:
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def _on_worker_finished(self, run_id: int) -> None:
        if self._worker is None or run_id != self._worker.run_id:
            return
        worker, thread = self._worker, self._thread
        thread.quit()
        thread.wait(PAUSE_TIMEOUT_MS)
        self._finish_run(worker)

    def _finish_run(self, worker: TrainWorker, take_final: bool = True) -> None:
        frame = (worker.take_latest() or worker.final) if take_final else None
        if frame is not None and frame.run_id == self.run_id and frame is not self.doc.last_frame:
            self._apply(frame)
        self._sync_document()           # the run is committed from the Document's parameters
        if take_final:
            self._thread.deleteLater()
            worker.deleteLater()
        self._worker = self._thread = None
        self._commit(self.tr("Training run"))
        self.running_changed.emit(False)
        final = worker.final if take_final else None
        if final is not None and final.snapshot.reason not in (None, "stopped"):
            if final.snapshot.reason == "diverged":
                self._trainer = None
            self.finished.emit(final.snapshot.reason, _detail(final.snapshot))

    def _commit(self, text: str) -> None:
        """The run as one undo step; a run that changed no parameter leaves nothing behind."""
        start, self._run_start = self._run_start, None
        if start is None:
            return
        new_params = self.doc.network.get_params()
        changed = any(not (np.array_equal(a, c) and np.array_equal(b, d)) for (a, b), (c, d)
                      in zip(start.network.get_params(), new_params))
        if not changed:
            self.doc.end_run()
            if self._trainer is not None and self._trainer.step != self._run_start_step:
                self._trainer = None    # it trained without a result (diverged): start afresh
            return
        try:
            cmd = TrainingRun(self.doc, start, new_params, self.doc.history.to_history(), text)
        except EngineError as exc:      # the document's rules refuse the result
            self.doc.error.emit(error_text(exc))
            self._trainer = None
            self.doc.apply(start)
            return
        self._committing = True
        try:
            self.doc.undo_stack.push(cmd)
        finally:
            self._committing = False

    # ------------------------------------------------------------ edits while training
    def _before_edit(self, cmd) -> None:
        if self._committing or not self.running:
            return
        if isinstance(cmd, SetSettings) and set(cmd.fields) <= LIVE_SETTINGS:
            return          # picked up live in _on_doc_changed
        self.pause()

    def _on_doc_changed(self, change) -> None:
        if change.initiator is self or self._committing or change.frame is not None:
            return
        if change.document or change.structure or change.params or change.data or change.history:
            self._trainer = None         # the next Play starts from the edited state
            return
        if change.config:
            if self._trainer is not None and self._trainer.config.loss != self.doc.project.loss:
                self._trainer = None
            elif self._worker is not None:
                self._worker.set_config(self._config())

    def shutdown(self) -> None:
        """Stop any running training (window closing)."""
        self.pause()


def _detail(snap) -> str:
    """What ``finished`` carries besides the reason: the divergence code for a diverged run
    (the window renders it in its language), else the engine's message."""
    return snap.divergence.code if snap.divergence is not None else snap.message
