"""TrainWorker: drives a core Trainer in its own thread and hands out frame snapshots.

The worker never touches the GUI or the Document. Each frame period (60 Hz, on deadlines) it
trains for as many steps as fit the time left (measured as it goes), then packs an immutable
``Frame`` (metrics, parameters, the 100×100 boundary grid and the neuron thumbnails, all
computed here so the GUI thread only draws), stores it as *the latest* frame and signals. It
then sleeps until the GUI has applied the frame and the period is over: the GUI's Python work
runs while the worker holds no GIL, which is what keeps both the step rate and the frame rate
up on a two-core machine. Frames are never queued: if the GUI has not taken the last one, no
new one is built, and the GUI always draws the newest there is.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from core import Trainer, TrainSnapshot, neuron_grids, predict_grid

FRAME_SECONDS = 1.0 / 60.0
"""Frames keep a steady beat of this period (deadlines, not sleeps, so no drift)."""
GUI_WINDOW = 0.05 * FRAME_SECONDS
"""Fast speed trains until this long before the frame's deadline (less the measured time to
build the frame). The GUI's own time comes from the hand-over: after publishing a frame the
worker sleeps until the GUI has applied it, so the GUI's Python work never waits for the GIL
at each call. Measured on 2 cores (tests/benchmarks/bench_live.py): windows of 0.35, 0.15,
0.05 and 0 frames gave ~5,200, ~6,000, ~7,500 and ~7,200 steps/s, all at 58–60 repaints/s."""
MIN_REST = 0.001
"""Even an epoch that overran its frame (medium speed, big data) leaves the GUI this long."""
GUI_WAIT = 0.1
"""The longest the worker waits for the GUI to take a frame before it trains on anyway."""
RAMP = 1.15
"""Fast speed's first frames: frame k trains at most RAMP**k epochs (at least one, as Medium),
so the loss curve gets points all through the first drop instead of starting at epoch ~18."""
RAMP_FRAMES = 60
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
    failed = Signal(int, str, object)   # run id, message, the exception (never swallowed)
    finished = Signal(int)              # run id

    def __init__(self, run_id: int, trainer: Trainer, features, speed: str = "fast",
                 grid_n: int = 100, thumb_n: int = 24):
        super().__init__()
        self.run_id = run_id
        self.trainer = trainer
        self.features = tuple(features) if features else None
        self.speed = speed
        self.grid_n, self.thumb_n = grid_n, thumb_n
        self._stop = threading.Event()
        self._drawn = threading.Event()     # the GUI has applied the last frame
        self._drawn.set()
        self._lock = threading.Lock()
        self._latest: Frame | None = None
        self._pending_config = None
        self.final: Frame | None = None
        self._build_time = 0.002     # snapshot + grids, measured as the run goes
        self.elapsed_before = 0.0
        self._frames = 0             # frames published in this run (fast speed's ramp)
        self._published_step = -1

    # ------------------------------------------------------------ called from the GUI thread
    def request_stop(self) -> None:
        self._stop.set()
        self._drawn.set()

    def frame_drawn(self) -> None:
        """The GUI has applied the frame it took: the next training slice may start."""
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

    def _take_config(self):
        with self._lock:
            config, self._pending_config = self._pending_config, None
        return config

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
            if behind or snap.step == self._published_step:
                return      # the GUI has not taken the last frame yet (or nothing is new)
        frame = self.make_frame(snap, rate, self.elapsed_before + elapsed)
        self._frames += 1
        self._published_step = snap.step
        self._drawn.clear()
        with self._lock:
            self._latest = frame
        if snap.finished:
            self.final = frame
        self.frame_ready.emit()

    def _slice(self, per_step: float, deadline: float) -> float:
        """Train for this frame; returns the updated estimate of seconds per step. Fast speed
        fills the time left until ``deadline`` minus the frame's building time and the GUI's
        window, in chunks sized from the measured step time (at least one step a frame)."""
        t = self.trainer
        limit = t.config.max_epochs
        cap = t.steps_to_epoch(limit) if limit is not None else None   # never past the limit
        if cap == 0:
            return per_step
        if self.speed == "fast" and self._frames < RAMP_FRAMES:
            with self._lock:
                if self._latest is not None:
                    return per_step     # the ramp waits for the GUI: each early frame is a point
        if self.speed == "slow":
            t.train_steps(1)
        elif self.speed == "medium":
            t.train_epoch()
        else:
            # at least Medium's epoch (a loaded machine never makes Fast the slower one), at
            # most the ramp's epochs in the first frames, otherwise whatever fits the frame
            epoch = t.steps_per_epoch
            floor = epoch
            most = int(epoch * RAMP ** self._frames) if self._frames < RAMP_FRAMES else None
            if cap is not None:
                floor = min(floor, cap)
                most = cap if most is None else min(most, cap)
            end = deadline - self._build_time - GUI_WINDOW
            done = 0
            while most is None or done < most:
                now = time.perf_counter()
                left = end - now
                if done and (self._stop.is_set() or (done >= floor and left <= 0)):
                    break
                n = max(1, int(0.5 * left / per_step)) if left > 0 else 1
                if done < floor:
                    n = max(n, floor - done)
                if most is not None:
                    n = min(n, most - done)
                t.train_steps(n)
                done += n
                per_step = 0.8 * per_step + 0.2 * (time.perf_counter() - now) / n
        return per_step

    def _rest(self, deadline: float) -> float:
        """Wait until the GUI has applied the frame (at most ``GUI_WAIT`` seconds), then sleep
        until ``deadline``; a stop request ends both at once. Returns the next deadline: one
        frame later, so frames keep a steady 60 Hz beat (one that fell behind by more than a
        frame starts a new beat instead of rushing to catch up)."""
        if not self._stop.is_set():     # (a stop that came before _publish cleared _drawn)
            self._drawn.wait(GUI_WAIT)
        now = time.perf_counter()
        self._stop.wait(max(MIN_REST, deadline - now))
        return deadline + FRAME_SECONDS if now < deadline + FRAME_SECONDS else now + FRAME_SECONDS

    @Slot()
    def run(self) -> None:
        t = self.trainer
        start = last = time.perf_counter()
        per_step, steps_at_last = 5e-5, t.step
        deadline = start + FRAME_SECONDS
        try:
            while True:
                if self._stop.is_set():
                    self._publish(replace(t.snapshot(), finished=True, reason="stopped"), 0.0,
                                  time.perf_counter() - start)
                    return
                config = self._take_config()
                if config is not None:
                    t.set_config(config)
                per_step = self._slice(per_step, deadline)
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
                self._build_time = 0.8 * self._build_time + 0.2 * (time.perf_counter() - now)
                if snap.finished:
                    return
                deadline = self._rest(deadline)
        except Exception as exc:            # noqa: BLE001 — reported, never swallowed
            self.failed.emit(self.run_id, f"{type(exc).__name__}: {exc}", exc)
        finally:
            self.finished.emit(self.run_id)
