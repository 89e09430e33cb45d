"""Back-propagation agrees with central differences, and the training kernel with both."""
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import Network, check_gradients, forward, loss_and_gradients
from core.kernel import Kernel

HIDDEN = ["linear", "relu", "leaky_relu", "tanh", "sigmoid"]
OUTPUT_LOSS = [("linear", "half_squared_error"), ("tanh", "half_squared_error"),
               ("sigmoid", "half_squared_error"), ("sigmoid", "binary_cross_entropy"),
               ("softmax", "half_squared_error"), ("softmax", "softmax_cross_entropy")]
KINKED = {"relu", "leaky_relu"}


def _targets(rng, out_act, batch, n_out):
    if out_act == "softmax":
        return np.eye(n_out)[rng.integers(0, n_out, batch)]
    if out_act == "sigmoid":
        return rng.uniform(0.05, 0.95, (batch, n_out))
    return rng.normal(size=(batch, n_out))


def _random_case(seed, sizes, hidden, out_act, batch):
    rng = np.random.default_rng(seed)
    net = Network.create(sizes, [hidden] * (len(sizes) - 2) + [out_act], seed=seed)
    for layer in net.layers:   # non-zero biases keep z away from relu's kink at exactly 0
        layer.biases[:] = rng.uniform(-0.5, 0.5, layer.n_out)
    x = rng.normal(size=(batch, sizes[0]))
    return net, x, _targets(rng, out_act, batch, sizes[-1])


def _near_kink(net, x, hidden):
    if hidden not in KINKED:
        return False
    zs = forward(net, x).z[:-1]
    return any(np.min(np.abs(z)) < 1e-3 for z in zs)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(seed=st.integers(0, 10_000),
       sizes=st.lists(st.integers(1, 5), min_size=2, max_size=4),
       hidden=st.sampled_from(HIDDEN),
       out_loss=st.sampled_from(OUTPUT_LOSS),
       batch=st.integers(1, 4))
def test_backprop_matches_central_differences(seed, sizes, hidden, out_loss, batch):
    out_act, loss = out_loss
    n_out = 3 if out_act == "softmax" else sizes[-1]
    sizes = sizes[:-1] + [n_out]
    net, x, y = _random_case(seed, sizes, hidden, out_act, batch)
    if _near_kink(net, x, hidden):
        return
    result = check_gradients(net, x, y, loss)
    assert result.max_relative_error < 1e-7, (result.worst, result.max_relative_error)


@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.parametrize("out_act,loss", OUTPUT_LOSS)
def test_every_combination_on_a_fixed_net(hidden, out_act, loss):
    net, x, y = _random_case(7, [3, 4, 3, 3], hidden, out_act, 3)
    assert not _near_kink(net, x, hidden)
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
