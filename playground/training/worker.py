"""TrainWorker: drives a core Trainer in its own thread and hands out frame snapshots.

The worker never touches the GUI or the Document. It trains for a slice of time, then packs an
immutable ``Frame`` (metrics, parameters, the 100×100 boundary grid and the neuron thumbnails,
all computed here so the GUI thread only draws), stores it as *the latest* frame and signals.
While the GUI has not taken the previous frame, no new one is built (its grids would be thrown
away): the worker trains on and publishes again once the GUI has caught up. Frames are never
queued; the GUI always draws the newest one there is.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from core import Trainer, TrainSnapshot, neuron_grids, predict_grid

FRAME_SECONDS = 1.0 / 60.0
TRAIN_SHARE = 0.6
"""Fast speed trains for this share of every frame and sleeps the rest: the GUI thread then
applies and paints the frame with the GIL to itself (the engine does ~20,000 steps/s on one
core, so 60 % of it is still well above the 6,000 steps/s aimed at)."""
MIN_REST = 0.002
"""Even an epoch that overran its frame (medium speed, big data) leaves the GUI this long."""
SPEEDS = ("slow", "medium", "fast")
"""slow: one step per frame; medium: one epoch per frame; fast: as many steps as fit a frame."""


@dataclass(frozen=True)
class Frame:
    run_id: int
    snapshot: TrainSnapshot
    grid: np.ndarray | None
    """Network output over the 100×100 grid (float32), or None without features."""
    neuron_maps: list | None
    """Per neuron layer, (n_neurons, n, n) float32 thumbnails."""
    steps_per_second: float
    elapsed: float


class TrainWorker(QObject):
    frame_ready = Signal()
    finished = Signal(int)            # run id

    def __init__(self, run_id: int, trainer: Trainer, features, speed: str = "fast",
                 grid_n: int = 100, thumb_n: int = 24):
        super().__init__()
        self.run_id = run_id
        self.trainer = trainer
        self.features = tuple(features) if features else None
        self.speed = speed
        self.grid_n, self.thumb_n = grid_n, thumb_n
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._latest: Frame | None = None
        self._pending_config = None
        self.final: Frame | None = None
        self.elapsed_before = 0.0

    # ------------------------------------------------------------ called from the GUI thread
    def request_stop(self) -> None:
        self._stop.set()

    def take_latest(self) -> Frame | None:
        with self._lock:
            frame, self._latest = self._latest, None
        return frame

    def set_config(self, config) -> None:
        """Picked up between two slices (learning rate, batch size, … change mid-run)."""
        self._pending_config = config

    def set_speed(self, speed: str) -> None:
        self.speed = speed

    # ------------------------------------------------------------ the loop (worker thread)
    def make_frame(self, snap: TrainSnapshot, rate: float, elapsed: float) -> Frame:
        grid = maps = None
        if self.features:
            net = self.trainer.net.copy()
            net.set_params(snap.params)
            grid = predict_grid(net, self.features, self.grid_n)
            maps = neuron_grids(net, self.features, self.thumb_n)
        return Frame(self.run_id, snap, grid, maps, rate, elapsed)

    def _publish(self, snap: TrainSnapshot, rate: float, elapsed: float) -> None:
        if not snap.finished:
            with self._lock:
                behind = self._latest is not None
            if behind:
                return      # the GUI has not taken the last frame yet: train on, build none
        frame = self.make_frame(snap, rate, self.elapsed_before + elapsed)
        with self._lock:
            self._latest = frame
        if snap.finished:
            self.final = frame
        self.frame_ready.emit()

    def _slice(self, per_step: float) -> float:
        """Train for one frame's worth; returns the updated estimate of seconds per step."""
        t, start = self.trainer, time.perf_counter()
        if self.speed == "slow":
            t.train_steps(1)
        elif self.speed == "medium":
            t.train_epoch()
        else:
            # as many steps as fit the training share of a frame, measured as we go
            n = max(1, int(FRAME_SECONDS * TRAIN_SHARE / per_step))
            t.train_steps(n)
            per_step = 0.8 * per_step + 0.2 * (time.perf_counter() - start) / n
        return per_step

    def _rest(self, slice_start: float) -> None:
        """Sleep out the rest of the frame (woken at once by a stop request). The GUI thread
        draws the frame meanwhile without waiting for the GIL at every Python call."""
        self._stop.wait(max(MIN_REST, FRAME_SECONDS - (time.perf_counter() - slice_start)))

    @Slot()
    def run(self) -> None:
        t = self.trainer
        start = last = time.perf_counter()
        per_step, steps_at_last = 5e-5, t.step
        try:
            while True:
                if self._stop.is_set():
                    self._publish(replace(t.snapshot(), finished=True, reason="stopped"), 0.0,
                                  time.perf_counter() - start)
                    return
                if self._pending_config is not None:
                    config, self._pending_config = self._pending_config, None
                    t.set_config(config)
                slice_start = time.perf_counter()
                per_step = self._slice(per_step)
                now = time.perf_counter()
                rate = (t.step - steps_at_last) / max(now - last, 1e-9)
                last, steps_at_last = now, t.step
                snap = t.snapshot()
                cfg = t.config
                if snap.reason is None:
                    if cfg.max_epochs is not None and t.epochs_done >= cfg.max_epochs:
                        snap = replace(snap, finished=True, reason="max_epochs")
                    elif cfg.target_loss is not None and snap.train_loss <= cfg.target_loss:
                        snap = replace(snap, finished=True, reason="target_loss")
                self._publish(snap, rate, now - start)
                if snap.finished:
                    return
                self._rest(slice_start)
        finally:
            self.finished.emit(self.run_id)
