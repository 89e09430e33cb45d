"""A Trainer's state carries a run across a process boundary bit for bit: a copy rebuilt from
``state()`` (or pickled) and the original, trained on, stay identical — for every optimizer,
mini-batch and full-batch runs, mid-epoch, frozen parameters and a diverged run."""
import pickle

import numpy as np
import pytest

from core import Network, OptimizerConfig, TrainConfig, TrainData, Trainer


def _data(n=60, seed=3):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, (n, 2))
    y = (np.hypot(x[:, 0], x[:, 1]) < 0.6).astype(float)[:, None]
    return TrainData(x[:40], y[:40], y[:40, 0], x[40:], y[40:], y[40:, 0], "binary")


def _same(a: Trainer, b: Trainer) -> None:
    assert np.array_equal(a.flat.theta, b.flat.theta)
    assert (a.step, a.epoch, a.epochs_done) == (b.step, b.epoch, b.epochs_done)
    sa, sb = a.snapshot(), b.snapshot()
    assert (sa.train_loss, sa.test_loss, sa.reason) == (sb.train_loss, sb.test_loss, sb.reason)


@pytest.mark.parametrize("method", ["sgd", "momentum", "adam"])
@pytest.mark.parametrize("batch", [1, 7, 0])
@pytest.mark.parametrize("via", ["state", "pickle"])
def test_a_copy_goes_on_exactly_where_the_original_is(method, batch, via):
    net = Network.create([2, 5, 3, 1], "tanh", seed=4)
    opt = OptimizerConfig(method=method, learning_rate=0.05, regularization="l2",
                          regularization_rate=1e-3)
    cfg = TrainConfig(loss="half_squared_error", optimizer=opt, batch_size=batch, seed=9)
    a = Trainer(net, _data(), cfg)
    a.train_steps(23)                       # mid-epoch for every batch size but full batch
    if via == "pickle":
        b = pickle.loads(pickle.dumps(a))
    else:
        b = Trainer(net, _data(), cfg)
        b.restore(a.state())
    _same(a, b)
    a.train_steps(57)
    b.train_steps(57)
    _same(a, b)
    a.train_epoch()
    b.train_epoch()
    _same(a, b)


def test_the_state_is_a_copy_not_a_view():
    net = Network.create([2, 3, 1], "sigmoid", seed=1)
    t = Trainer(net, _data(), TrainConfig(loss="half_squared_error", batch_size=5))
    s = t.state()
    t.train_steps(10)
    assert not np.array_equal(s.theta, t.flat.theta)


def test_frozen_parameters_stay_frozen_after_a_restore():
    net = Network.create([2, 4, 1], "tanh", seed=2)
    net.set_trainable(1, "weight", None, False)
    cfg = TrainConfig(loss="half_squared_error", batch_size=4)
    a = Trainer(net, _data(), cfg)
    a.train_steps(5)
    b = pickle.loads(pickle.dumps(a))
    b.train_steps(40)
    assert np.array_equal(b.params()[0][0], net.layers[0].weights)


def test_a_diverged_run_is_still_diverged_after_a_restore():
    net = Network.create([2, 4, 1], "linear", seed=2)
    cfg = TrainConfig(loss="half_squared_error", batch_size=0,
                      optimizer=OptimizerConfig(learning_rate=50.0))
    a = Trainer(net, _data(), cfg)
    for _ in range(40):
        a.train_steps(1)
        if a.snapshot().reason == "diverged":
            break
    assert a.diverged
    b = pickle.loads(pickle.dumps(a))
    assert b.diverged and b.snapshot().reason == "diverged"
    assert np.array_equal(a.flat.theta, b.flat.theta)


def test_a_state_from_another_network_is_refused():
    from core.errors import EngineError
    cfg = TrainConfig(loss="half_squared_error")
    a = Trainer(Network.create([2, 3, 1], "tanh", seed=1), _data(), cfg)
    b = Trainer(Network.create([2, 4, 1], "tanh", seed=1), _data(), cfg)
    with pytest.raises(EngineError):
        b.restore(a.state())


@pytest.mark.parametrize("method", ["sgd", "adam"])
def test_a_float32_run_goes_on_exactly_too(method):
    net = Network.create([2, 5, 1], "tanh", seed=4)
    cfg = TrainConfig(loss="half_squared_error", batch_size=7, seed=9, precision="float32",
                      optimizer=OptimizerConfig(method=method, learning_rate=0.05))
    a = Trainer(net, _data(), cfg)
    a.train_steps(23)
    b = pickle.loads(pickle.dumps(a))
    assert b.flat.theta.dtype == np.float32
    _same(a, b)
    a.train_steps(40)
    b.train_steps(40)
    _same(a, b)
