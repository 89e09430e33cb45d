"""Back-propagation agrees with central differences, and the training kernel with both."""
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import Network, check_gradients, forward, loss_and_gradients
from core.kernel import Kernel

HIDDEN = ["linear", "relu", "leaky_relu", "tanh", "sigmoid"]
# Every pairing the engine accepts: half squared error with any output activation, binary
# cross-entropy with a sigmoid output, softmax cross-entropy with a softmax output.
OUTPUT_LOSS = [("linear", "half_squared_error"), ("relu", "half_squared_error"),
               ("leaky_relu", "half_squared_error"), ("tanh", "half_squared_error"),
               ("sigmoid", "half_squared_error"), ("sigmoid", "binary_cross_entropy"),
               ("softmax", "half_squared_error"), ("softmax", "softmax_cross_entropy")]
KINKED = {"relu", "leaky_relu"}


def test_the_combinations_are_exactly_the_valid_pairings():
    from core.activations import ACTIVATION_NAMES
    from core.losses import LOSS_NAMES, check_pairing, get_loss
    from core.errors import EngineError
    valid = set()
    for act in ACTIVATION_NAMES:
        for loss in LOSS_NAMES:
            try:
                check_pairing(get_loss(loss), act)
            except EngineError:
                continue
            valid.add((act, loss))
    assert valid == set(OUTPUT_LOSS)
    assert set(HIDDEN) == set(ACTIVATION_NAMES) - {"softmax"}


def _targets(rng, out_act, batch, n_out):
    if out_act == "softmax":
        return np.eye(n_out)[rng.integers(0, n_out, batch)]
    if out_act == "sigmoid":   # soft targets and the 0/1 labels training uses
        soft = rng.uniform(0.05, 0.95, (batch, n_out))
        return np.where(rng.random((batch, n_out)) < 0.5, soft, np.round(soft))
    return rng.normal(size=(batch, n_out))


def _random_case(seed, sizes, hidden, out_act, batch):
    rng = np.random.default_rng(seed)
    net = Network.create(sizes, [hidden] * (len(sizes) - 2) + [out_act], seed=seed)
    for layer in net.layers:   # non-zero biases keep z away from relu's kink at exactly 0
        layer.biases[:] = rng.uniform(-0.5, 0.5, layer.n_out)
    x = rng.normal(size=(batch, sizes[0]))
    return net, x, _targets(rng, out_act, batch, sizes[-1])


def _near_kink(net, x, hidden=None):
    """Is some z of a relu / leaky relu layer within 1e-3 of the kink at 0?"""
    zs = forward(net, x).z
    return any(layer.activation in KINKED and np.min(np.abs(z)) < 1e-3
               for layer, z in zip(net.layers, zs))


@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.parametrize("out_act,loss", OUTPUT_LOSS)
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(seed=st.integers(0, 10_000),
       sizes=st.lists(st.integers(1, 5), min_size=2, max_size=4),
       batch=st.integers(1, 4))
def test_backprop_matches_central_differences(hidden, out_act, loss, seed, sizes, batch):
    """Every hidden activation × every valid output/loss pairing, on random shapes."""
    n_out = max(2, sizes[-1]) if out_act == "softmax" else sizes[-1]
    sizes = sizes[:-1] + [n_out]
    net, x, y = _random_case(seed, sizes, hidden, out_act, batch)
    if _near_kink(net, x):
        return
    result = check_gradients(net, x, y, loss)
    assert result.max_relative_error < 1e-7, (result.worst, result.max_relative_error)


def test_the_gradient_check_catches_a_wrong_derivative(monkeypatch):
    """The check can fail: a tanh derivative off by a factor is reported, with its place."""
    from dataclasses import replace
    from core import activations
    net, x, y = _random_case(5, [2, 3, 1], "tanh", "linear", 3)
    assert check_gradients(net, x, y, "half_squared_error").passed()
    wrong = replace(activations.ACTIVATIONS["tanh"], df=lambda z, a: 1.0 - a)
    monkeypatch.setitem(activations.ACTIVATIONS, "tanh", wrong)
    result = check_gradients(net, x, y, "half_squared_error")
    assert not result.passed() and result.max_relative_error > 1e-3
    assert result.worst.startswith(("W1", "b1"))   # only the tanh layer's gradients are off


def test_numeric_gradients_of_the_worked_example(worked_net):
    """Central differences alone reproduce the seed's ∂L/∂W2 = [−0.39092, −0.71444], ∂L/∂b2."""
    from core.gradcheck import numeric_gradients
    dW, db = numeric_gradients(worked_net, [0.9, 1.0], [2.0], "half_squared_error")
    np.testing.assert_allclose(dW[1], [[-0.39092, -0.71444]], rtol=0, atol=1e-10)
    np.testing.assert_allclose(db[1], [-0.674], rtol=0, atol=1e-10)
    np.testing.assert_allclose(dW[0], [[-0.3033, -0.337], [-0.36396, -0.4044]], rtol=0, atol=1e-10)


@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.parametrize("out_act,loss", OUTPUT_LOSS)
def test_every_combination_on_a_fixed_net(hidden, out_act, loss):
    net, x, y = _random_case(7, [3, 4, 3, 3], hidden, out_act, 3)
    assert not _near_kink(net, x)
    assert check_gradients(net, x, y, loss).max_relative_error < 1e-7


def test_disabled_links_have_zero_gradient():
    net, x, y = _random_case(3, [2, 3, 1], "tanh", "linear", 2)
    net.set_link_enabled(1, 0, 1, False)
    net.set_link_enabled(2, 0, 2, False)
    b = loss_and_gradients(net, x, y, "half_squared_error")
    assert b.dW[0][0, 1] == 0 and b.dW[1][0, 2] == 0
    assert check_gradients(net, x, y, "half_squared_error").max_relative_error < 1e-7


@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.parametrize("out_act,loss", OUTPUT_LOSS)
def test_kernel_equals_reference(hidden, out_act, loss):
    net, x, y = _random_case(11, [2, 5, 4, 3], hidden, out_act, 6)
    net.set_link_enabled(2, 1, 3, False)
    ref = loss_and_gradients(net, x, y, loss)
    k = Kernel(net, loss)
    k.gradient(x, y)
    for l in range(net.depth):
        np.testing.assert_allclose(k.flat.dWb[l][:, :-1], ref.dW[l], rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(k.flat.dWb[l][:, -1], ref.db[l], rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(k.forward(x), forward(net, x).output, rtol=1e-13, atol=1e-15)


def test_relu_derivative_at_zero_is_zero():
    from core import get_activation
    relu = get_activation("relu")
    assert relu.df(np.array([0.0, 1e-300, -1.0]), None).tolist() == [0.0, 1.0, 0.0]
