"""Training learns the toy data sets, stops for the right reasons, and survives divergence."""
import numpy as np
import pytest

from core import Network, OptimizerConfig
from core.datasets import generate, split
from core.features import feature_matrix
from core.training import DIVERGED_MESSAGE, TrainConfig, TrainData, Trainer, train


def _data(name, net, features=("x1", "x2"), seed=0, noise=0.0):
    tr, te = split(generate(name, noise=noise, seed=seed), 0.5, seed)
    return TrainData.from_labels(feature_matrix(tr.points, features), tr.labels,
                                 feature_matrix(te.points, features), te.labels, tr.kind, net)


def _tanh_net(sizes, seed=0):
    net = Network.create(sizes, "tanh", seed=seed)
    net.set_activation(len(sizes) - 1, "tanh")
    return net


def _final(trainer):
    snap = None
    for snap in trainer.run():
        pass
    return snap


@pytest.mark.parametrize("name", ["circle", "xor"])
def test_2_8_8_1_tanh_learns(name):
    net = _tanh_net([2, 8, 8, 1])
    cfg = TrainConfig(optimizer=OptimizerConfig(learning_rate=0.03), batch_size=10,
                      max_epochs=100, snapshot_every=100)
    snap = _final(Trainer(net, _data(name, net), cfg))
    assert snap.reason == "max_epochs"
    assert snap.test_accuracy >= 0.95


def test_spiral_with_a_deeper_net():
    net = _tanh_net([2, 16, 16, 16, 1])
    cfg = TrainConfig(optimizer=OptimizerConfig(method="adam", learning_rate=0.01), batch_size=10,
                      max_epochs=300, snapshot_every=300)
    snap = _final(Trainer(net, _data("spiral", net), cfg))
    assert snap.test_accuracy >= 0.90


def test_training_is_reproducible_and_does_not_touch_the_input_net():
    net = _tanh_net([2, 4, 1])
    before = net.copy()
    cfg = TrainConfig(max_epochs=5, seed=3)
    a = _final(Trainer(net, _data("circle", net), cfg))
    b = _final(Trainer(net, _data("circle", net), cfg))
    assert net == before
    for (wa, ba), (wb, bb) in zip(a.params, b.params):
        np.testing.assert_array_equal(wa, wb)
        np.testing.assert_array_equal(ba, bb)


def test_batch_gradient_descent_equals_manual_steps():
    """batch_size 0 = full batch: each epoch is exactly one step θ ← θ − η·∇L(θ)."""
    from core import loss_and_gradients
    net = _tanh_net([2, 3, 1], seed=4)
    data = _data("gauss", net)
    trainer = Trainer(net, data, TrainConfig(batch_size=0, optimizer=OptimizerConfig(learning_rate=0.1)))
    trainer.train_epoch(); trainer.train_epoch()
    manual = net.copy()
    for _ in range(2):
        g = loss_and_gradients(manual, data.x_train, data.y_train, "half_squared_error")
        manual.set_params([(l.weights - 0.1 * dw, l.biases - 0.1 * db)
                           for l, dw, db in zip(manual.layers, g.dW, g.db)])
    for (w, b), layer in zip(trainer.params(), manual.layers):
        np.testing.assert_allclose(w, layer.weights, rtol=1e-12, atol=1e-14)
        np.testing.assert_allclose(b, layer.biases, rtol=1e-12, atol=1e-14)
    assert trainer.step == 2 and trainer.epochs_done == 2


def test_epoch_step_counts():
    net = _tanh_net([2, 3, 1])
    data = _data("circle", net)               # 250 training points
    t = Trainer(net, data, TrainConfig(batch_size=30))
    t.train_epoch()
    assert t.step == 9 and t.epochs_done == 1.0   # 8 batches of 30 and one of 10
    t1 = Trainer(net, data, TrainConfig(batch_size=1))
    t1.train_epoch()
    assert t1.step == 250


def test_target_loss_and_stop_callback():
    net = _tanh_net([2, 8, 1])
    cfg = TrainConfig(optimizer=OptimizerConfig(learning_rate=0.03), target_loss=0.2, max_epochs=500)
    snaps = list(train(net, _data("gauss", net), cfg))
    assert snaps[-1].reason == "target_loss" and snaps[-1].train_loss <= 0.2
    calls = []
    snaps = list(train(net, _data("gauss", net), TrainConfig(), stop=lambda: len(calls) > 3 or calls.append(1)))
    assert snaps[-1].reason == "stopped" and snaps[-1].finished


def test_divergence_keeps_the_last_finite_parameters():
    """A linear net with a huge learning rate overflows; training stops with a clear reason."""
    net = Network.create([2, 8, 1], "linear", seed=0)
    cfg = TrainConfig(optimizer=OptimizerConfig(learning_rate=10.0), max_epochs=1000)
    with np.errstate(all="ignore"):
        snaps = list(train(net, _data("regress-plane", net), cfg))
    last = snaps[-1]
    assert last.reason == "diverged" and last.message == DIVERGED_MESSAGE
    assert "smaller learning rate" in last.message
    assert all(np.isfinite(w).all() and np.isfinite(b).all() for w, b in last.params)
    assert np.isfinite(last.train_loss)
    assert len(snaps) < 1000


def test_learning_rate_change_mid_run_keeps_progress():
    net = _tanh_net([2, 4, 1])
    t = Trainer(net, _data("circle", net), TrainConfig(optimizer=OptimizerConfig(method="momentum")))
    t.train_epoch()
    steps, velocity = t.step, t.optimizer.velocity.copy()
    t.set_learning_rate(0.5)
    assert t.step == steps and np.array_equal(t.optimizer.velocity, velocity)
    assert t.config.optimizer.learning_rate == 0.5


def test_multiclass_softmax_learns_blobs():
    net = Network.create([2, 8, 3], ["tanh", "softmax"], seed=0)
    tr, te = split(generate("blobs", n_classes=3, seed=0), 0.5, 0)
    data = TrainData.from_labels(tr.points, tr.labels, te.points, te.labels, "multiclass", net)
    cfg = TrainConfig(loss="softmax_cross_entropy", optimizer=OptimizerConfig(learning_rate=0.1),
                      max_epochs=30, snapshot_every=30)
    assert _final(Trainer(net, data, cfg)).test_accuracy >= 0.95


def test_binary_cross_entropy_with_sigmoid_output():
    net = Network.create([2, 8, 1], ["tanh", "sigmoid"], seed=0)
    data = _data("gauss", net)
    assert set(np.unique(data.y_train)) == {0.0, 1.0}
    cfg = TrainConfig(loss="binary_cross_entropy", optimizer=OptimizerConfig(learning_rate=0.1),
                      max_epochs=20, snapshot_every=20)
    assert _final(Trainer(net, data, cfg)).test_accuracy >= 0.95
