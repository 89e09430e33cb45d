"""The precompiled kernel and the trainer's batching give the very bits of the step they replaced.

``_reference_gradient`` is the kernel as it was before its calls were precompiled per batch
size (one loop over the layers, each activation's rule looked up per call, ∂L/∂a from the loss
record): the same numpy operations on the same arrays, written the plain way. The trainer is
checked against a plain loop over the seeded per-epoch permutations; at full batch against the
data's own order (no permutation is drawn there).
"""
import numpy as np
import pytest

from core import Network
from core.kernel import FlatParams, Kernel, augment
from core.optim import Optimizer, OptimizerConfig
from core.training import TrainConfig, TrainData, Trainer

from .test_gradients import HIDDEN, OUTPUT_LOSS, _random_case


def _reference_gradient(kernel: Kernel, flat: FlatParams, x_aug, y) -> None:
    """flat.grad ← ∂L/∂θ, the way the kernel computed it before it was precompiled."""
    prev, layers = x_aug, []
    for Wb, act in zip(flat.Wb, kernel.acts):
        z = np.dot(prev, Wb.T)
        a = act.f(z)
        layers.append((prev, z, a))
        prev = np.hstack([a, np.ones((len(a), 1))])
    _, z, out = layers[-1]
    if kernel.fused:
        d = out - y
    else:
        d = kernel.acts[-1].delta(z, out, kernel.loss.grad(z, out, y))
    d *= 1.0 / len(x_aug)
    for k in range(len(layers) - 1, -1, -1):
        prev_aug = layers[k][0]
        flat.dWb[k][...] = np.dot(d.T, prev_aug)
        if not flat.masks[k].all():
            flat.dWb[k][:, :-1] *= flat.masks[k]
        if k:
            _, z_p, a_p = layers[k - 1]
            d = kernel.acts[k - 1].delta(z_p, a_p, np.dot(d, flat.W[k]))


@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.parametrize("out_act,loss", OUTPUT_LOSS)
@pytest.mark.parametrize("batch", [1, 7])
def test_kernel_gradient_is_bitwise_the_reference(hidden, out_act, loss, batch):
    net, x, y = _random_case(5, [3, 5, 4, 3], hidden, out_act, batch)
    net.set_link_enabled(2, 1, 3, False)
    net.set_link_enabled(1, 4, 0, False)
    new, ref = Kernel(net, loss), Kernel(net, loss)
    x_aug = augment(x)
    for _ in range(3):      # a plan is reused: the second and third calls see the same buffers
        new.gradient_aug(x_aug, y)
        _reference_gradient(ref, ref.flat, x_aug, y)
        assert np.array_equal(new.flat.grad, ref.flat.grad)
        new.flat.theta -= 0.1 * new.flat.grad
        ref.flat.theta -= 0.1 * ref.flat.grad
    out = new.forward(x)
    assert np.array_equal(out, ref.forward(x))


def test_a_one_layer_network_and_changing_batch_sizes():
    net, x, y = _random_case(2, [4, 2], "tanh", "sigmoid", 9)
    new, ref = Kernel(net, "binary_cross_entropy"), Kernel(net, "binary_cross_entropy")
    for lo, hi in [(0, 9), (0, 1), (3, 9), (0, 9)]:
        xa = augment(x[lo:hi])
        new.gradient_aug(xa, y[lo:hi])
        _reference_gradient(ref, ref.flat, xa, y[lo:hi])
        assert np.array_equal(new.flat.grad, ref.flat.grad)


def _data(net, n=60, seed=3):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-3, 3, (n, 2))
    labels = np.where(np.hypot(x[:, 0], x[:, 1]) < 2, 1.0, -1.0)
    return TrainData.from_labels(x, labels, x[:0], labels[:0], "binary", net)


def _reference_run(net, data, batch, epochs, seed, opt_config, shuffle=True):
    kernel = Kernel(net, "half_squared_error")
    opt = Optimizer(opt_config, kernel.flat.theta.size, kernel.flat.is_weight)
    x_aug, n = augment(data.x_train), len(data.x_train)
    for epoch in range(epochs):
        perm = np.random.default_rng([seed, epoch]).permutation(n) if shuffle else np.arange(n)
        xs, ys = x_aug[perm], data.y_train[perm]
        for lo in range(0, n, batch):
            _reference_gradient(kernel, kernel.flat, xs[lo:lo + batch], ys[lo:lo + batch])
            opt.step(kernel.flat.theta, kernel.flat.grad)
    return kernel.flat.theta


OPTIMIZERS = [OptimizerConfig(learning_rate=0.05),
              OptimizerConfig(method="momentum", learning_rate=0.05, momentum=0.9,
                              regularization="l2", regularization_rate=0.01),
              OptimizerConfig(method="adam", learning_rate=0.01, regularization="l1",
                              regularization_rate=0.001)]


@pytest.mark.parametrize("opt", OPTIMIZERS, ids=["sgd", "momentum-l2", "adam-l1"])
@pytest.mark.parametrize("batch", [1, 10, 25])
def test_trainer_mini_batches_are_bitwise_the_reference(opt, batch):
    net = Network.create([2, 5, 3, 1], "tanh", seed=4)
    data = _data(net)
    t = Trainer(net, data, TrainConfig(batch_size=batch, seed=7, optimizer=opt))
    for _ in range(3):
        t.train_epoch()
    assert np.array_equal(t.flat.theta, _reference_run(net, data, batch, 3, 7, opt))
    assert t.epochs_done == 3 and t.step == 3 * -(-60 // batch)


@pytest.mark.parametrize("opt", OPTIMIZERS, ids=["sgd", "momentum-l2", "adam-l1"])
@pytest.mark.parametrize("batch", [0, 60, 500])
def test_full_batch_keeps_the_data_order_and_counts_epochs(opt, batch):
    net = Network.create([2, 5, 3, 1], "tanh", seed=4)
    data = _data(net)
    t = Trainer(net, data, TrainConfig(batch_size=batch, seed=7, optimizer=opt))
    t.train_steps(1)
    assert t.epochs_done == 1 and t.step == 1
    t.train_steps(4)
    t.train_epoch()
    assert t.epochs_done == 6 and t.step == 6 and t.epoch == 5
    assert np.array_equal(t.flat.theta, _reference_run(net, data, 60, 6, 7, opt, shuffle=False))
    # the shuffled order gives the same step up to rounding only
    shuffled = _reference_run(net, data, 60, 6, 7, opt)
    np.testing.assert_allclose(t.flat.theta, shuffled, rtol=1e-9, atol=1e-12)


def test_switching_between_full_and_mini_batches_mid_run():
    from dataclasses import replace
    net = Network.create([2, 4, 1], "tanh", seed=1)
    data = _data(net, n=40)
    opt = OptimizerConfig(learning_rate=0.05)
    t = Trainer(net, data, TrainConfig(batch_size=10, seed=2, optimizer=opt))
    t.train_steps(2)                       # half an epoch in the shuffled order
    t.set_config(replace(t.config, batch_size=0))
    t.train_steps(1)                       # finishes epoch 0 with the remaining 20
    assert t.epochs_done == 1
    t.train_steps(2)                       # epochs 1 and 2 at full batch
    t.set_config(replace(t.config, batch_size=10))
    t.train_epoch()                        # epoch 3 shuffled again, seeded (2, 3)
    assert t.epochs_done == 4 and t.step == 9

    kernel = Kernel(net, "half_squared_error")
    o = Optimizer(opt, kernel.flat.theta.size, kernel.flat.is_weight)
    x_aug = augment(data.x_train)
    p0 = np.random.default_rng([2, 0]).permutation(40)
    p3 = np.random.default_rng([2, 3]).permutation(40)
    batches = [p0[0:10], p0[10:20], p0[20:40], np.arange(40), np.arange(40),
               p3[0:10], p3[10:20], p3[20:30], p3[30:40]]
    for idx in batches:
        _reference_gradient(kernel, kernel.flat, x_aug[idx], data.y_train[idx])
        o.step(kernel.flat.theta, kernel.flat.grad)
    assert np.array_equal(t.flat.theta, kernel.flat.theta)
