"""TrainingController: Play / Pause / Step epoch / Reset / Re-initialise, off the GUI thread.

* Play builds (or resumes) a core Trainer on copies of the Document's data and parameters and
  runs it in a TrainWorker on a QThread. Frames arrive at most once per screen frame; only the
  newest frame of the current run is applied, stale ones are dropped.
* While training, the Document's parameters follow the frames (≤ 12 times a second) without undo
  entries; when the run ends (pause, stop rule, divergence, an edit) the whole run becomes one undo step.
* Any edit while training (a weight, a neuron, the data, undo/redo) pauses first — the run is
  put on the undo stack, then the edit — except changes to learning rate, optimizer settings,
  batch size and stop rules, which the running trainer picks up without a reset.
"""
from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal

from core import Network, Trainer
from core.errors import EngineError

from ..commands import SetSettings, TrainingRun
from .history import HistoryBuffer
from .worker import Frame, TrainWorker

LIVE_SETTINGS = {"optimizer", "batch_size", "max_epochs", "target_loss"}
DOCUMENT_INTERVAL = 1.0 / 12.0
"""While training, the Document (and so the canvas, the inspector, the weight table) follows
the frames at most this often; the heat map takes every frame, the loss plot ≤ 20 a second.
Every view of the Document reacts to a parameter change, so 60 of them a second would cost the
heat map its frame rate. When a run ends the Document gets the last frame's parameters."""


class TrainingController(QObject):
    running_changed = Signal(bool)
    frame_applied = Signal(object)      # Frame
    history_reset = Signal()            # the history buffer was replaced (load, undo, reset)
    finished = Signal(str, str)         # reason, divergence code or message

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.history = HistoryBuffer(doc.project.history)
        self.speed = "fast"
        self.run_id = 0
        self._trainer: Trainer | None = None
        self._thread: QThread | None = None
        self._worker: TrainWorker | None = None
        self._run_start_params = None
        self._run_start_history = None
        self._elapsed = 0.0
        self._epoch_offset = 0.0
        self._committing = False
        self.last_frame: Frame | None = None
        self._synced_frame: Frame | None = None
        self._synced_at = float("-inf")
        self.frames_applied = 0
        doc.undo_stack.before_edit.connect(self._before_edit)
        doc.changed.connect(self._on_doc_changed)

    # ------------------------------------------------------------ state
    @property
    def running(self) -> bool:
        return self._thread is not None

    @property
    def elapsed(self) -> float:
        return self._elapsed

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
            self._epoch_offset = self.history.last_epoch
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
            self.doc.error.emit(str(exc))
            return False
        self._begin_run()
        self.run_id += 1
        worker = TrainWorker(self.run_id, trainer, self.doc.project.features, self.speed)
        worker.elapsed_before = self._elapsed
        thread = QThread(self)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.frame_ready.connect(self._on_frame_ready)
        worker.finished.connect(self._on_worker_finished)
        self._worker, self._thread = worker, thread
        thread.start()
        self.running_changed.emit(True)
        return True

    def pause(self) -> None:
        """Stop the worker (it finishes its current slice), apply its last frame, commit the run."""
        if not self.running:
            return
        worker, thread = self._worker, self._thread
        worker.request_stop()
        thread.quit()
        thread.wait()
        self._finish_run(worker)

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
            self.doc.error.emit(str(exc))
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
        old_params, old_history = p.network.get_params(), p.history
        from core import History
        text = self.tr("Re-initialise weights") if new_seed else self.tr("Reset weights")
        self._committing = True
        try:
            self.doc.undo_stack.push(TrainingRun(self.doc, old_params, params, old_history,
                                                 History(), text, init_seed=seed))
        finally:
            self._committing = False
        self._trainer = None
        self.history = HistoryBuffer()
        self.history_reset.emit()

    # ------------------------------------------------------------ worker → GUI
    def _begin_run(self) -> None:
        self._run_start_params = self.doc.network.get_params()
        self._run_start_history = self.history.to_history()
        if self.history.n == 0 and self._trainer is not None:
            # the untrained loss at epoch 0: the curve starts where the weights start
            s = self._trainer.snapshot()
            if s.reason is None:
                self.history.append(self._epoch_offset + s.epoch, s.train_loss, s.test_loss,
                                    s.train_accuracy, s.test_accuracy)

    def _on_frame_ready(self) -> None:
        worker = self.sender() if isinstance(self.sender(), TrainWorker) else self._worker
        if worker is None or worker is not self._worker:
            return
        frame = worker.take_latest()
        if frame is not None and frame.run_id == self.run_id:
            self._apply(frame)
        worker.frame_drawn()            # the worker may train on (it waits for this)

    def _apply(self, frame: Frame, sync: bool = False) -> None:
        snap = frame.snapshot
        self.history.append(self._epoch_offset + snap.epoch, snap.train_loss, snap.test_loss,
                            snap.train_accuracy, snap.test_accuracy)
        self.history.steps = snap.step
        self._elapsed = frame.elapsed
        self.last_frame = frame
        self.frames_applied += 1
        if sync or time.perf_counter() - self._synced_at >= DOCUMENT_INTERVAL:
            self._sync_document()
        self.frame_applied.emit(frame)

    def _sync_document(self) -> None:
        """Give the Document the newest frame's parameters (if it does not have them yet)."""
        frame = self.last_frame
        if frame is not None and frame is not self._synced_frame:
            self._synced_frame, self._synced_at = frame, time.perf_counter()
            self.doc.set_params(frame.snapshot.params, initiator=self, training=True)

    def _on_worker_finished(self, run_id: int) -> None:
        if self._worker is None or run_id != self._worker.run_id:
            return
        worker, thread = self._worker, self._thread
        thread.quit()
        thread.wait()
        self._finish_run(worker)

    def _finish_run(self, worker: TrainWorker) -> None:
        frame = worker.take_latest() or worker.final
        if frame is not None and frame.run_id == self.run_id and frame is not self.last_frame:
            self._apply(frame)
        self._sync_document()           # the run is committed from the Document's parameters
        self._thread.deleteLater()
        worker.deleteLater()
        self._worker = self._thread = None
        self._commit(self.tr("Training run"))
        self.running_changed.emit(False)
        final = worker.final
        if final is not None and final.snapshot.reason not in (None, "stopped"):
            if final.snapshot.reason == "diverged":
                self._trainer = None
            self.finished.emit(final.snapshot.reason, _detail(final.snapshot))

    def _commit(self, text: str) -> None:
        if self._run_start_params is None:
            return
        new_params = self.doc.network.get_params()
        changed = any(not (np.array_equal(a, c) and np.array_equal(b, d)) for (a, b), (c, d)
                      in zip(self._run_start_params, new_params))
        if changed:
            self._committing = True
            try:
                self.doc.undo_stack.push(TrainingRun(
                    self.doc, self._run_start_params, new_params, self._run_start_history,
                    self.history.to_history(), text))
            finally:
                self._committing = False
        elif self.history.n != len(self._run_start_history):
            # nothing changed (no undo step): neither does the history (e.g. its epoch-0 point)
            self.history = HistoryBuffer(self._run_start_history)
            self.history_reset.emit()
        self._run_start_params = None

    # ------------------------------------------------------------ edits while training
    def _before_edit(self, cmd) -> None:
        if self._committing or not self.running:
            return
        if isinstance(cmd, SetSettings) and set(cmd.new) <= LIVE_SETTINGS:
            return          # picked up live in _on_doc_changed
        self.pause()

    def _on_doc_changed(self, change) -> None:
        if change.initiator is self or self._committing:
            return
        if change.document:
            self._trainer = None
            self.history = HistoryBuffer(self.doc.project.history)
            self.history_reset.emit()
            return
        if change.structure or change.params or change.data:
            self._trainer = None         # the next Play starts from the edited state
        if change.training and not change.params:
            # a TrainingRun was undone/redone: the history came back with it
            self.history = HistoryBuffer(self.doc.project.history)
            self.history_reset.emit()
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
