"""Training learns the toy data sets, stops for the right reasons, and survives divergence."""
import numpy as np
import pytest

from core import Network, OptimizerConfig
from core.datasets import generate, split
from core.features import feature_matrix
from core.training import TrainConfig, TrainData, Trainer, train


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
    """A learning test that holds on every BLAS kernel: several seeds, the median of the last
    ten snapshots, and a learning rate at which Adam converges robustly (at 0.01 one gradient
    differing by an ulp between kernels sends single runs to unrelated endings)."""
    medians = []
    for seed in range(3):
        net = _tanh_net([2, 16, 16, 16, 1], seed=seed)
        cfg = TrainConfig(optimizer=OptimizerConfig(method="adam", learning_rate=0.003),
                          batch_size=10, max_epochs=300, snapshot_every=10, seed=seed)
        accs = [s.test_accuracy for s in Trainer(net, _data("spiral", net), cfg).run()]
        medians.append(float(np.median(accs[-10:])))
    assert min(medians) >= 0.9, medians
    assert float(np.median(medians)) >= 0.95, medians


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
    assert last.reason == "diverged" and "smaller learning rate" in last.message
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


# ------------------------------------------------------------ optimizers through the trainer
def _manual_epochs(net, data, epochs, batch, seed, update):
    """Reference training: the documented order (a permutation from rng([seed, epoch]) per
    epoch, consecutive batches), plain forward/backward, and ``update(layer_index, W, b, dW, db)``."""
    from core import loss_and_gradients
    manual = net.copy()
    n = len(data.x_train)
    for epoch in range(epochs):
        perm = np.random.default_rng([seed, epoch]).permutation(n)
        for lo in range(0, n, batch):
            idx = perm[lo:lo + batch]
            g = loss_and_gradients(manual, data.x_train[idx], data.y_train[idx], "half_squared_error")
            manual.set_params([update(k, l.weights, l.biases, dw, db)
                               for k, (l, dw, db) in enumerate(zip(manual.layers, g.dW, g.db))])
    return manual


def _assert_same_params(trainer, manual, rtol=1e-11):
    for (w, b), layer in zip(trainer.params(), manual.layers):
        np.testing.assert_allclose(w, layer.weights, rtol=rtol, atol=1e-13)
        np.testing.assert_allclose(b, layer.biases, rtol=rtol, atol=1e-13)


@pytest.mark.parametrize("batch", [1, 7, 40])
def test_sgd_and_mini_batch_follow_the_seeded_per_epoch_shuffle(batch):
    net = _tanh_net([2, 3, 1], seed=2)
    data = _data("xor", net)                      # 250 training points
    lr = 0.05
    t = Trainer(net, data, TrainConfig(batch_size=batch, seed=9,
                                       optimizer=OptimizerConfig(learning_rate=lr)))
    t.train_epoch(); t.train_epoch()
    manual = _manual_epochs(net, data, 2, batch, 9, lambda k, W, b, dW, db: (W - lr * dW, b - lr * db))
    _assert_same_params(t, manual)
    assert t.step == 2 * -(-250 // batch)
    # another seed is another order, so other parameters
    other = Trainer(net, data, TrainConfig(batch_size=batch, seed=10,
                                           optimizer=OptimizerConfig(learning_rate=lr)))
    other.train_epoch(); other.train_epoch()
    assert not np.array_equal(other.params()[0][0], t.params()[0][0])


def test_epochs_are_shuffled_differently():
    n = 250
    p0, p1 = (np.random.default_rng([9, e]).permutation(n) for e in (0, 1))
    assert not np.array_equal(p0, p1)
    net = _tanh_net([2, 3, 1], seed=2)
    t = Trainer(net, _data("xor", net), TrainConfig(batch_size=10, seed=9))
    t.train_steps(1)
    first = t._perm.copy()
    t.train_epoch(); t.train_steps(1)            # into epoch 2
    assert np.array_equal(first, p0) and np.array_equal(t._perm, p1)


def test_momentum_with_l1_through_the_trainer_by_hand():
    net = _tanh_net([2, 4, 1], seed=1)
    data = _data("gauss", net)
    lr, mu, lam = 0.05, 0.9, 0.01
    t = Trainer(net, data, TrainConfig(batch_size=25, seed=4, optimizer=OptimizerConfig(
        method="momentum", learning_rate=lr, momentum=mu, regularization="l1",
        regularization_rate=lam)))
    t.train_epoch(); t.train_epoch()
    vel = {}

    def update(k, W, b, dW, db):
        vW, vb = vel.get(k, (np.zeros_like(W), np.zeros_like(b)))
        vW = mu * vW - lr * (dW + lam * np.sign(W))   # L1 on weights only
        vb = mu * vb - lr * db                        # biases never regularized
        vel[k] = (vW, vb)
        return W + vW, b + vb
    _assert_same_params(t, _manual_epochs(net, data, 2, 25, 4, update))


def test_adam_with_l2_through_the_trainer_by_hand():
    net = _tanh_net([2, 4, 1], seed=1)
    data = _data("circle", net)
    lr, b1, b2, eps, lam = 0.01, 0.9, 0.999, 1e-8, 0.1
    t = Trainer(net, data, TrainConfig(batch_size=50, seed=2, optimizer=OptimizerConfig(
        method="adam", learning_rate=lr, regularization="l2", regularization_rate=lam)))
    t.train_epoch(); t.train_epoch()
    state = {}

    def adam(key, p, g):
        m, s, n = state.get(key, (0.0, 0.0, 0))
        n += 1
        m = b1 * m + (1 - b1) * g
        s = b2 * s + (1 - b2) * g * g
        state[key] = (m, s, n)
        return p - lr * (m / (1 - b1 ** n)) / (np.sqrt(s / (1 - b2 ** n)) + eps)

    def update(k, W, b, dW, db):
        return adam(("W", k), W, dW + lam * W), adam(("b", k), b, db)
    _assert_same_params(t, _manual_epochs(net, data, 2, 50, 2, update), rtol=1e-9)


def test_regularization_never_touches_biases():
    """With a zero data gradient (targets = outputs) only the weights shrink under L2."""
    from core.kernel import FlatParams
    net = _tanh_net([2, 3, 1], seed=3)
    for layer in net.layers:
        layer.biases[:] = np.linspace(-0.5, 0.5, layer.n_out) + 0.3
    flat = FlatParams(net)
    n_weights = sum(l.weights.size for l in net.layers)
    assert flat.is_weight.sum() == n_weights
    for W, b, wb in zip(flat.W, flat.b, flat.Wb):
        assert np.shares_memory(W, flat.theta) and np.shares_memory(b, flat.theta)
    x = np.random.default_rng(0).normal(size=(20, 2))
    from core import predict
    y = predict(net, x)
    data = TrainData(x, y, y[:, 0], x[:0], y[:0], y[:0, 0])
    t = Trainer(net, data, TrainConfig(batch_size=0, optimizer=OptimizerConfig(
        learning_rate=0.1, regularization="l2", regularization_rate=0.5)))
    t.train_steps(1)
    for (w, b), layer in zip(t.params(), net.layers):
        np.testing.assert_allclose(w, layer.weights * (1 - 0.1 * 0.5), rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(b, layer.biases, rtol=0, atol=1e-15)   # not × 0.95


# ------------------------------------------------------------ stop rules and divergence
def test_max_epochs_is_exact_whatever_the_snapshot_interval():
    net = _tanh_net([2, 3, 1])
    snaps = list(train(net, _data("circle", net), TrainConfig(max_epochs=7, snapshot_every=3)))
    assert [s.epoch for s in snaps] == [3, 6, 7]
    assert [s.reason for s in snaps] == [None, None, "max_epochs"] and snaps[-1].finished
    assert snaps[-1].step == 7 * 25
    assert list(train(net, _data("circle", net), TrainConfig(max_epochs=0)))[-1].step == 0


def test_stop_callback_is_asked_before_every_snapshot_interval():
    net = _tanh_net([2, 3, 1])
    asked = []
    snaps = list(train(net, _data("circle", net), TrainConfig(max_epochs=50),
                       stop=lambda: asked.append(1) or len(asked) == 4))
    assert len(asked) == 4 and [s.epoch for s in snaps] == [1, 2, 3, 3]
    assert snaps[-1].reason == "stopped" and not any(s.finished for s in snaps[:-1])


def _diverging():
    """Full-batch descent on a linear net that overflows after a few finite epochs."""
    net = Network.create([2, 8, 1], "linear", seed=0)
    return net, _data("regress-plane", net), OptimizerConfig(learning_rate=0.5)


def test_divergence_returns_the_parameters_of_the_last_good_epoch():
    net, data, opt = _diverging()
    start = Trainer(net, data, TrainConfig(optimizer=opt)).evaluate()[0]
    with np.errstate(all="ignore"):
        snaps = list(train(net, data, TrainConfig(optimizer=opt, batch_size=0, max_epochs=1000)))
    last = snaps[-1]
    assert last.reason == "diverged" and last.finished and last.divergence is not None
    assert all(s.reason is None for s in snaps[:-1])
    # the state handed back is one the run passed through before it went wrong: the start, or
    # an earlier snapshot whose loss had not risen
    good = [s for s in snaps[:-1] if s.train_loss == last.train_loss]
    if good:
        for (w, b), (w0, b0) in zip(last.params, good[-1].params):
            np.testing.assert_array_equal(w, w0)
            np.testing.assert_array_equal(b, b0)
    else:
        assert last.train_loss == start
        for (w, b), layer in zip(last.params, net.layers):
            np.testing.assert_array_equal(w, layer.weights)
    assert max(np.abs(w).max() for w, _ in last.params) <= 1e6


def test_divergence_between_snapshots_still_keeps_the_last_good_epoch():
    from core.divergence import DivergenceWatch
    net, data, opt = _diverging()
    with np.errstate(all="ignore"):
        # epoch by epoch by hand: the last epoch the divergence rule calls good
        t = Trainer(net, data, TrainConfig(optimizer=opt, batch_size=0))
        watch = DivergenceWatch(t.evaluate()[0], t.flat.theta)
        for _ in range(1000):
            t.train_epoch()
            if watch.check(t.evaluate()[0], t.flat.theta, t.epochs_done) is not None:
                break
        else:
            pytest.fail("this set-up was meant to diverge")
        t2 = Trainer(net, data, TrainConfig(optimizer=opt, batch_size=0))
        t2.flat.theta[...] = watch.good
        good = t2.params()
        snaps = list(train(net, data, TrainConfig(optimizer=opt, batch_size=0, max_epochs=1000,
                                                  snapshot_every=1000)))
    (last,) = snaps
    assert last.reason == "diverged" and "smaller learning rate" in last.message
    assert last.divergence is not None
    assert np.isfinite(last.train_loss)
    for (w, b), (w0, b0) in zip(last.params, good):
        np.testing.assert_array_equal(w, w0)
        np.testing.assert_array_equal(b, b0)


def _toy(name, hidden, seed=0):
    from core.datasets import DATASET_KIND
    kind = DATASET_KIND[name]
    n_out = 3 if kind == "multiclass" else 1
    out = {"binary": "tanh", "regression": "linear", "multiclass": "softmax"}[kind]
    loss = "softmax_cross_entropy" if kind == "multiclass" else "half_squared_error"
    net = Network.create([2, 4, 4, n_out], [hidden, hidden, out], seed=seed)
    return net, _data(name, net, seed=seed, noise=0.1), loss


@pytest.mark.parametrize("lr", [10.0, 100.0])
@pytest.mark.parametrize("method", ["sgd", "adam"])
def test_a_learning_rate_that_ruins_the_network_is_called_divergence(lr, method):
    """At lr 10 / 100 most classification sets saturate and end worse than untrained without a
    single NaN; the rule says so (loss rose and stayed there) and hands back the good state."""
    ended_worse_unsignalled = []
    for name, hidden in [("circle", "tanh"), ("xor", "sigmoid"), ("spiral", "relu"),
                         ("gauss", "tanh"), ("regress-plane", "tanh")]:
        net, data, loss = _toy(name, hidden)
        t = Trainer(net, data, TrainConfig(loss=loss, optimizer=OptimizerConfig(
            method=method, learning_rate=lr), batch_size=10, max_epochs=60))
        start = t.evaluate()[0]
        with np.errstate(all="ignore"):
            last = _final(t)
        assert np.isfinite(last.train_loss)
        assert all(np.isfinite(w).all() and np.abs(w).max() <= 1e6 for w, _ in last.params)
        if last.reason != "diverged" and last.train_loss > start:
            ended_worse_unsignalled.append(name)
        if last.reason == "diverged":
            assert last.train_loss <= start * 1.02 + 1e-3     # the last good state
    assert not ended_worse_unsignalled


@pytest.mark.parametrize("method", ["sgd", "momentum", "adam"])
def test_ordinary_learning_rates_are_never_called_divergence(method):
    lr = {"sgd": 0.03, "momentum": 0.03, "adam": 0.01}[method]
    for name, hidden in [("circle", "tanh"), ("xor", "relu"), ("spiral", "tanh"),
                         ("regress-gauss", "tanh"), ("blobs", "relu")]:
        net, data, loss = _toy(name, hidden)
        last = _final(Trainer(net, data, TrainConfig(loss=loss, optimizer=OptimizerConfig(
            method=method, learning_rate=lr), batch_size=10, max_epochs=60)))
        assert last.reason == "max_epochs", (name, last.message)
