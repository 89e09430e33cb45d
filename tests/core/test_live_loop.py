"""The Qt-free live loop (core.live_loop) with an in-process transport: what its frames carry."""
import os
import sys
import time

import numpy as np
import pytest

from core import Network, OptimizerConfig, Trainer, train_process
from core.live_loop import MAPS_SECONDS, LiveLoop
from core.training import TrainConfig, TrainData


class _Loop(LiveLoop):
    """Every frame is taken at once; stops after ``seconds``."""

    def __init__(self, trainer, seconds):
        self.init_loop(1, trainer, ("x1", "x2"), "slow", grid_n=12, thumb_n=5)
        self.frames, self._until = [], time.perf_counter() + seconds

    def _stop_requested(self):
        return time.perf_counter() > self._until

    def _take_config(self):
        return None

    def _frame_waiting(self):
        return False

    def _hand_out(self, frame):
        self.frames.append(frame)

    def _wait_drawn(self, timeout):
        pass

    def _sleep(self, seconds):
        time.sleep(seconds)


def _trainer():
    rng = np.random.default_rng(1)
    x = rng.uniform(-5, 5, (60, 2))
    y = (x[:, :1] > 0).astype(float)
    data = TrainData(x[:40], y[:40], y[:40, 0], x[40:], y[40:], y[40:, 0], "binary")
    cfg = TrainConfig(loss="half_squared_error", batch_size=10, max_epochs=None,
                      optimizer=OptimizerConfig(method="sgd", learning_rate=0.05), seed=1)
    return Trainer(Network.create([2, 3, 1], "tanh", seed=2), data, cfg)


def test_every_frame_has_the_grid_and_some_have_the_neuron_maps():
    loop = _Loop(_trainer(), seconds=0.6)
    loop.run_loop()
    frames = loop.frames
    assert len(frames) >= 10                     # slow speed: one step per 1/60 s frame
    assert all(f.grid is not None and f.grid.shape == (12, 12) for f in frames)
    with_maps = [f for f in frames if f.neuron_maps is not None]
    assert frames[-1].snapshot.finished and frames[-1].neuron_maps is not None
    assert frames[0].neuron_maps is not None     # the first frame shows the thumbnails at once
    # at most one frame with maps per MAPS_SECONDS of the run (+ the first and the last)
    assert len(with_maps) <= frames[-1].elapsed / MAPS_SECONDS + 2
    assert len(with_maps) < len(frames)
    assert [m.shape for m in with_maps[0].neuron_maps] == [(2, 5, 5), (3, 5, 5), (1, 5, 5)]
    # a frame's maps are of that frame's parameters
    from core.view_data import view_data
    f = with_maps[len(with_maps) // 2]
    net = loop.trainer.net.copy()
    net.set_params(f.snapshot.params)
    expected = view_data(net, ("x1", "x2"), 12, 5)
    assert all(np.array_equal(a, b) for a, b in zip(f.neuron_maps, expected.neuron_maps))
    assert np.array_equal(f.grid, expected.output)


def test_a_loop_that_leaves_the_output_to_the_receiver_still_sends_the_maps():
    loop = _Loop(_trainer(), seconds=0.3)
    loop.output_here = False
    loop.run_loop()
    assert all(f.grid is None for f in loop.frames)
    assert loop.frames[0].neuron_maps is not None and loop.frames[-1].neuron_maps is not None
    from core.live_loop import with_output
    f = with_output(loop.frames[-1], loop.trainer.net.copy(), ("x1", "x2"), 12)
    net = loop.trainer.net.copy()
    net.set_params(f.snapshot.params)
    from core.view_data import output_grid
    assert np.array_equal(f.grid, output_grid(net, ("x1", "x2"), 12))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pipe sizes are Linux's")
def test_the_pipes_to_the_child_hold_a_whole_frame():
    import fcntl
    limit = int(open("/proc/sys/fs/pipe-max-size").read())
    child = train_process.borrow()
    try:
        for stream in (child.proc.stdin, child.proc.stdout):
            size = fcntl.fcntl(stream.fileno(), getattr(fcntl, "F_GETPIPE_SZ", 1032))
            assert size >= min(train_process.PIPE_BYTES, limit)
    finally:
        train_process.give_back(child)
    assert os.path.exists("/proc/sys/fs/pipe-max-size")
