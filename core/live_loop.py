"""The live-training loop: paces a Trainer to a 60 Hz beat and hands out frame snapshots.

Qt-free, so the same loop runs in the window's worker thread (``playground.training.worker``)
or in a child process (``core.train_process``) that has a core of its own. Each frame period
(on deadlines, not sleeps, so no drift) it trains for as many steps as fit the time left
(measured as it goes), then packs an immutable ``Frame`` (metrics, parameters, the 100×100
boundary grid and the neuron thumbnails, computed here so the GUI only draws; a child process
leaves the grid to the window's relay thread, ``with_output``) and hands it out. Frames are never queued: while the GUI has not taken the last one, no new one is
built, and the GUI always draws the newest there is.

A subclass supplies the transport (``_stop_requested``, ``_take_config``, ``_frame_waiting``,
``_hand_out``, ``_wait_drawn``, ``_sleep``). ``parallel`` says whether the GUI runs beside the
loop on another core (a child process): then Fast trains the whole frame and never waits for
the GUI. In a thread it shares the GIL with the GUI, so after handing a frame out it sleeps
until the GUI has drawn it: the GUI's Python work then never waits for the GIL.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, replace

import numpy as np

from .training import Trainer, TrainSnapshot
from .view_data import output_grid, view_data

FRAME_SECONDS = 1.0 / 60.0
"""Frames keep a steady beat of this period."""
GUI_WINDOW = 0.05 * FRAME_SECONDS
"""In a thread, Fast trains until this long before the frame's deadline (less the measured
time to build the frame). Measured on 2 cores (tests/benchmarks/bench_live.py): windows of
0.35, 0.15, 0.05 and 0 frames gave ~5,200, ~6,000, ~7,500 and ~7,200 steps/s."""
MIN_REST = 0.001
"""Even an epoch that overran its frame (medium speed, big data) leaves the GUI this long."""
GUI_WAIT = 0.1
"""The longest a threaded loop waits for the GUI to take a frame before it trains on."""
RAMP = 1.15
"""Fast speed's first frames: frame k trains at most RAMP**k epochs (at least one, as Medium),
so the loss curve gets points all through the first drop instead of starting at epoch ~18."""
RAMP_FRAMES = 60
PARALLEL_CHUNK = 0.002
"""Beside the GUI, once a frame's time is up the loop trains on in chunks of about this many
seconds until the GUI takes the frame (each chunk checks for it and for a stop)."""
MAPS_SECONDS = 1.0 / 12.0
"""Neuron maps (the canvas thumbnails, ~120 KB for 2-8×6-1) travel in a frame at most this
often, and always in the last one; the window takes a frame's parameters into the Document
(restyling the canvas) exactly when it carries maps, so links and thumbnails stay one state.
Every frame carries the output grid (the heat map follows at frame rate)."""
SPEEDS = ("slow", "medium", "fast")
"""slow: one step per frame; medium: one epoch per frame; fast: as many steps as fit a frame."""


@dataclass(frozen=True)
class Frame:
    run_id: int
    snapshot: TrainSnapshot
    grid: np.ndarray | None
    """``core.view_data.ViewData.output``: the output (or the arg-max class of several) over
    the 100×100 grid (float32), or None without features. A loop with ``output_here`` false
    leaves it None for the receiver to add (``with_output``)."""
    neuron_maps: list | None
    """Per neuron layer, (n_neurons, n, n) float32 thumbnails; None in frames between two
    that carry them (``MAPS_SECONDS``) and without features."""
    steps_per_second: float
    elapsed: float


def with_output(frame: Frame, net, features, grid_n: int) -> Frame:
    """``frame`` with its output grid computed from its own parameters into ``net`` (a network
    of the run's shape, overwritten). A child process leaves the grid to the window (see
    ``LiveLoop.output_here``): there the grid costs a core the child does not need, while in
    the child it took a quarter of the time training could have had."""
    if frame.grid is not None or not features:
        return frame
    net.set_params(frame.snapshot.params)
    return replace(frame, grid=output_grid(net, features, grid_n))


class LiveLoop:
    """One run of ``trainer``; ``run()`` returns when a stop rule holds or a stop is asked."""

    parallel = False
    output_here = True
    """Frames carry the output grid; false: the receiver adds it (``with_output``)."""

    def init_loop(self, run_id: int, trainer: Trainer, features, speed: str = "fast",
                  grid_n: int = 100, thumb_n: int = 24) -> None:
        self.run_id = run_id
        self.trainer = trainer
        self.features = tuple(features) if features else None
        self.speed = speed
        self.grid_n, self.thumb_n = grid_n, thumb_n
        self.final: Frame | None = None
        self._build_time = 0.002     # snapshot + grids, measured as the run goes
        self.elapsed_before = 0.0
        self._frames = 0             # frames handed out in this run (fast speed's ramp)
        self._published_step = -1
        self._maps_at = float("-inf")
        self._frame_net = None

    # ------------------------------------------------------------ the transport (subclass)
    def _stop_requested(self) -> bool:
        raise NotImplementedError

    def _take_config(self):
        """The newest training config sent since the last call, or None."""
        raise NotImplementedError

    def _frame_waiting(self) -> bool:
        """The GUI has not taken the last frame handed out."""
        raise NotImplementedError

    def _hand_out(self, frame: Frame) -> None:
        raise NotImplementedError

    def _wait_drawn(self, timeout: float) -> None:
        """Return once the GUI has drawn the last frame (or after ``timeout`` s, or on stop)."""
        raise NotImplementedError

    def _sleep(self, seconds: float) -> None:
        """Sleep, returning at once on a stop request."""
        raise NotImplementedError

    # ------------------------------------------------------------ the loop
    def make_frame(self, snap: TrainSnapshot, rate: float, elapsed: float) -> Frame:
        grid = maps = None
        if self.features:
            now = time.perf_counter()
            with_maps = snap.finished or now - self._maps_at >= MAPS_SECONDS
            if self._frame_net is None:         # one copy per run, given each frame's values
                self._frame_net = self.trainer.net.copy()
            net = self._frame_net
            net.set_params(snap.params)
            data = view_data(net, self.features, self.grid_n, self.thumb_n, maps=with_maps,
                             output=self.output_here)
            grid, maps = data.output, data.neuron_maps
            if with_maps:
                self._maps_at = now
        return Frame(self.run_id, snap, grid, maps, rate, elapsed)

    def _publish(self, snap: TrainSnapshot, rate: float, elapsed: float) -> bool:
        """Hand out a frame of ``snap`` unless the GUI is still behind; True if one went."""
        if not snap.finished and (self._frame_waiting() or snap.step == self._published_step):
            return False
        frame = self.make_frame(snap, rate, self.elapsed_before + elapsed)
        self._frames += 1
        self._published_step = snap.step
        if snap.finished:
            self.final = frame
        self._hand_out(frame)
        return True

    def _slice(self, per_step: float, deadline: float) -> float:
        """Train for this frame; returns the updated estimate of seconds per step. Fast speed
        fills the time left until ``deadline`` minus the frame's building time and the GUI's
        window, in chunks sized from the measured step time (at least one step a frame)."""
        t = self.trainer
        limit = t.config.max_epochs
        cap = t.steps_to_epoch(limit) if limit is not None else None   # never past the limit
        if cap == 0:
            return per_step
        if self.speed == "fast" and self._frames < RAMP_FRAMES and self._frame_waiting():
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
            end = deadline - (0.0 if self.parallel else self._build_time + GUI_WINDOW)
            done = 0
            while most is None or done < most:
                now = time.perf_counter()
                left = end - now
                if done and (self._stop_requested() or (done >= floor and left <= 0 and not (
                        self.parallel and self._frame_waiting()))):
                    break           # (beside the GUI: trains on until the GUI takes a frame)
                n = max(1, int(0.5 * left / per_step)) if left > 0 else \
                    max(1, int(PARALLEL_CHUNK / per_step)) if self.parallel else 1
                if done < floor:
                    n = max(n, floor - done)
                if most is not None:
                    n = min(n, most - done)
                t.train_steps(n)
                done += n
                per_step = 0.8 * per_step + 0.2 * (time.perf_counter() - now) / n
        return per_step

    def _rest(self, deadline: float, published: bool = True) -> float:
        """Between two slices: in a thread, wait until the GUI has drawn the frame (at most
        ``GUI_WAIT``); then sleep until ``deadline`` (Fast beside the GUI does not sleep).
        Returns the next deadline: one frame later, so frames keep a steady 60 Hz beat (one
        that fell behind by more than a frame starts a new beat instead of rushing)."""
        if not self.parallel and not self._stop_requested():
            self._wait_drawn(GUI_WAIT)
        now = time.perf_counter()
        if not (self.parallel and self.speed == "fast"):
            self._sleep(max(MIN_REST, deadline - now))
        return deadline + FRAME_SECONDS if now < deadline + FRAME_SECONDS else now + FRAME_SECONDS

    def run_loop(self) -> None:
        t = self.trainer
        start = last = time.perf_counter()
        per_step, steps_at_last = 5e-5, t.step
        deadline = start + FRAME_SECONDS
        while True:
            if self._stop_requested():
                self._publish(replace(t.snapshot(), finished=True, reason="stopped"), 0.0,
                              time.perf_counter() - start)
                return
            config = self._take_config()
            if config is not None:
                t.set_config(config)
            per_step = self._slice(per_step, deadline)
            now = time.perf_counter()
            rate = (t.step - steps_at_last) / max(now - last, 1e-9)
            snap = t.with_stop_rules(t.snapshot())     # (also the divergence check)
            published = self._publish(snap, rate, now - start)
            if published:
                last, steps_at_last = now, t.step
                self._build_time = 0.8 * self._build_time + 0.2 * (time.perf_counter() - now)
            if snap.finished:
                return
            deadline = self._rest(deadline, published)
