"""The training child process (core.train_process) without any GUI: a run sent down the pipe
ends where the same Trainer in this process ends, bit for bit, and hands its state back."""
import numpy as np
import pytest

from core import Network, OptimizerConfig, Trainer, train_process
from core.training import TrainConfig, TrainData


def _trainer(method="adam", batch=10, max_epochs=3.0):
    rng = np.random.default_rng(5)
    x = rng.uniform(-5, 5, (120, 2))
    y = (np.hypot(x[:, 0], x[:, 1]) < 3).astype(float)[:, None]
    data = TrainData(x[:80], y[:80], y[:80, 0], x[80:], y[80:], y[80:, 0], "binary")
    cfg = TrainConfig(loss="half_squared_error", batch_size=batch, max_epochs=max_epochs,
                      optimizer=OptimizerConfig(method=method, learning_rate=0.02), seed=2)
    return Trainer(Network.create([2, 6, 6, 1], "tanh", seed=3), data, cfg)


def _run(child, trainer, run_id, speed="fast", stop_after=None):
    child.send(("run", {"run_id": run_id, "trainer": trainer, "features": ("x1", "x2"),
                        "speed": speed, "grid_n": 20, "thumb_n": 6, "elapsed_before": 0.0}))
    frames = 0
    while True:
        message = child.receive()
        assert message is not None, "the child ended"
        if message[0] == "frame":
            frames += 1
            # the child leaves the output grid to the window (core.live_loop.with_output)
            assert message[1].run_id == run_id and message[1].grid is None
            child.send(("taken", run_id))
            if stop_after is not None and frames == stop_after:
                child.send(("stop", run_id))
        elif message[0] == "done":
            assert message[1] == run_id
            return message[2], message[3], frames
        else:
            pytest.fail(f"unexpected message {message[0]}: {message}")


@pytest.mark.parametrize("method", ["sgd", "adam"])
def test_a_run_in_the_child_ends_where_it_would_here(method):
    child = train_process.borrow()
    assert child is not None
    try:
        here, there = _trainer(method), _trainer(method)
        state, final, frames = _run(child, there, 1)
        assert final.snapshot.reason == "max_epochs" and frames >= 1
        there.restore(state)
        here.train_steps(state.step)
        assert state.step == here.steps_per_epoch * 3
        assert np.array_equal(here.flat.theta, there.flat.theta)
        # and it goes on from there: a second run continues the optimizer's state
        here.config = there.config = TrainConfig(**{**there.config.__dict__, "max_epochs": 5.0})
        state, final, _ = _run(child, there, 2)
        here.train_steps(state.step - here.step)
        there.restore(state)
        assert np.array_equal(here.flat.theta, there.flat.theta)
    finally:
        train_process.give_back(child)


def test_the_receiver_adds_the_output_grid_of_the_frames_own_parameters():
    from core.live_loop import with_output
    from core.view_data import view_data
    child = train_process.borrow()
    try:
        t = _trainer(max_epochs=1.0)
        _, final, _ = _run(child, t, 3)
        net = t.net.copy()
        framed = with_output(final, net, ("x1", "x2"), 20)
        expected = t.net.copy()
        expected.set_params(final.snapshot.params)
        assert framed.grid.shape == (20, 20)
        assert np.array_equal(framed.grid, view_data(expected, ("x1", "x2"), 20).output)
        assert framed.neuron_maps is final.neuron_maps and framed.snapshot is final.snapshot
        assert with_output(framed, net, ("x1", "x2"), 20) is framed      # never twice
    finally:
        train_process.give_back(child)


def test_a_stop_ends_the_run_with_its_state():
    child = train_process.borrow()
    try:
        t = _trainer(max_epochs=None)
        state, final, frames = _run(child, t, 7, speed="slow", stop_after=3)
        assert final.snapshot.reason == "stopped"
        assert 3 <= state.step <= 10                 # slow: one step a frame
    finally:
        train_process.give_back(child)


def test_an_idle_child_is_reused_and_a_dead_one_is_not():
    a = train_process.borrow()
    train_process.give_back(a)
    b = train_process.borrow()
    assert b is a
    b.proc.kill()
    b.proc.wait(5)
    train_process.give_back(b)
    c = train_process.borrow()
    assert c is not b and c.proc.poll() is None
    train_process.give_back(c)
