"""Cross-entropy losses stay exact for confident predictions: checked against mpmath at 800 digits,
and the loss value, ∂L/∂a, the training loss, the gradient check and the unrolled graph agree."""
import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import Layer, Network, OptimizerConfig, StepCursor, check_gradients
from core.backward import loss_and_gradients
from core.losses import get_loss, neg_log_softmax, softplus
from core.training import TrainConfig, TrainData, Trainer
from core.unroll import gradient_arrays, unroll_network

mp.mp.dps = 800   # e^(−800) must survive 1 − a: 800 digits


def mp_bce(z, y):
    a = 1 / (1 + mp.exp(-mp.mpf(z)))
    total = mp.mpf(0)
    if y != 0:
        total -= y * mp.log(a)
    if y != 1:
        total -= (1 - y) * mp.log(1 - a)
    return total


def mp_bce_grad(z, y):
    """∂L/∂a = −y/a + (1 − y)/(1 − a)."""
    a = 1 / (1 + mp.exp(-mp.mpf(z)))
    return -y / a + (1 - y) / (1 - a)


def mp_sce(z, y):
    z = [mp.mpf(v) for v in z]
    lse = mp.log(mp.fsum(mp.exp(v) for v in z))
    return mp.fsum(yi * (lse - zi) for zi, yi in zip(z, y) if yi != 0)


def close(value, reference, rel=1e-14):
    reference = float(reference)
    return abs(value - reference) <= rel * max(abs(reference), 1e-300)


def sigmoid_net(w=1.0):
    return Network(1, [Layer([[w]], [0.0], "sigmoid")])


# ---------------------------------------------------------------- the cases the issue names
@pytest.mark.parametrize("z, y, expected", [
    (-800.0, 1.0, 800.0),
    (-40.0, 1.0, None),
    (15.0, 0.0, None),
    (15.0, 1.0, None),
    (800.0, 0.0, 800.0),
    (-15.0, 0.0, None),
    (3.0, 0.3, None),
])
def test_binary_cross_entropy_matches_mpmath(z, y, expected):
    value = get_loss("binary_cross_entropy").value(np.array([[z]]), None, np.array([[y]]))[0]
    reference = mp_bce(z, y)
    assert close(value, reference), (value, reference)
    if expected is not None:
        assert value == expected


def test_the_issue_s_numbers_through_the_step_cursor():
    # a sigmoid output neuron with z = −800 and y = 1 reports 800 (was 34.5388)
    for z, want in ((-800.0, 800.0), (-40.0, float(mp_bce(-40, 1)))):
        c = StepCursor(sigmoid_net(), [z], [1.0], "binary_cross_entropy", OptimizerConfig())
        assert c.loss == pytest.approx(want, rel=1e-15)
        assert np.isfinite(c.backward_trace.delta[-1]).all()
    # ∂L/∂a at z = −40 is −(1 + e^40) = −2.35e17 (was clipped to −1e15)
    c = StepCursor(sigmoid_net(), [-40.0], [1.0], "binary_cross_entropy", OptimizerConfig())
    g = c.backward_trace.dL_da[0, 0]
    assert close(g, mp_bce_grad(-40, 1), 1e-13) and g == pytest.approx(-2.3538526683702e17, rel=1e-12)


def test_softmax_logits_of_a_thousand():
    z = np.array([[1000.0, 0.0, -1000.0]])
    y = np.array([[0.0, 1.0, 0.0]])
    value = get_loss("softmax_cross_entropy").value(z, None, y)[0]
    assert value == 1000.0 and close(value, mp_sce(z[0], y[0]))


def test_softmax_near_certain_keeps_its_digits():
    # the correct class dominates: L = ln(1 + e^−30 + e^−40) ≈ 9.357e-14, not 0 or 1.1e-13
    z = np.array([[30.0, 0.0, -10.0]])
    y = np.array([[1.0, 0.0, 0.0]])
    value = get_loss("softmax_cross_entropy").value(z, None, y)[0]
    assert close(value, mp_sce(z[0], y[0]), 1e-14)


@settings(max_examples=300, deadline=None)
@given(st.floats(-745, 745), st.sampled_from([0.0, 1.0, 0.25, 0.5, 0.9]))
def test_binary_cross_entropy_everywhere(z, y):
    value = get_loss("binary_cross_entropy").value(np.array([[z]]), None, np.array([[y]]))[0]
    assert close(value, mp_bce(z, y), 1e-13)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(-1000, 1000), min_size=2, max_size=5),
       st.lists(st.floats(0, 1), min_size=5, max_size=5))
def test_softmax_cross_entropy_everywhere(z, y):
    y = y[:len(z)]
    value = get_loss("softmax_cross_entropy").value(np.array([z]), None, np.array([y]))[0]
    ref = mp_sce(z, y)
    # absolute error relative to the scale of the terms (Σy·|z| bounds the cancellation-free sum)
    assert abs(value - float(ref)) <= 1e-14 * (1 + float(ref) + sum(y) * max(map(abs, z)) * 1e-2)


def test_softplus_and_neg_log_softmax_helpers():
    assert softplus(np.array(800.0)) == 800.0 and softplus(np.array(-800.0)) == 0.0
    assert close(float(softplus(np.array(-30.0))), mp.log1p(mp.exp(-30)))
    nls = neg_log_softmax(np.array([[0.0, -800.0]]))
    assert nls[0, 0] == 0.0 and nls[0, 1] == 800.0


# ---------------------------------------------------------------- everyone agrees
@pytest.mark.parametrize("x", [-800.0, -40.0, -15.0, 15.0, 40.0])
def test_training_loss_gradient_check_and_graph_agree_when_saturated(x):
    net = sigmoid_net()
    y = [1.0]
    c = StepCursor(net, [x], y, "binary_cross_entropy", OptimizerConfig())
    exact = float(mp_bce(x, 1.0))
    assert close(c.loss, exact, 1e-15)
    # the training loss of a one-sample data set
    data = TrainData(np.array([[x]]), np.array([y]), np.zeros(1), np.zeros((0, 1)),
                     np.zeros((0, 1)), np.zeros(0), "regression")
    train_loss = Trainer(net, data, TrainConfig(loss="binary_cross_entropy")).evaluate()[0]
    assert close(train_loss, exact, 1e-15)
    # the gradient check: back-propagation agrees with central differences of the exact loss
    # (with the clipped loss it reported a relative error of 1.0 here)
    assert check_gradients(net, [x], y, "binary_cross_entropy", h=1e-3).passed(1e-7)
    # the unrolled computational graph: same loss, same gradients
    graph = unroll_network(net, [x], y, "binary_cross_entropy")
    assert close(graph.value, exact, 1e-15)
    graph.backward()
    dW, db = gradient_arrays(graph, net)
    # δ = a − y carries one ulp of a's rounding (the graph's softplus′ = σ(−z) does not), so
    # they agree to an absolute 1e-15 per unit of input, and to 1e-14 relative when unsaturated
    tol = dict(rtol=1e-14, atol=4e-16 * abs(x))
    np.testing.assert_allclose(dW[0], c.backward_trace.dW[0], **tol)
    np.testing.assert_allclose(db[0], c.backward_trace.db[0], rtol=1e-14, atol=4e-16)


def test_wide_softmax_unrolls_with_logits_of_a_thousand():
    net = Network(3, [Layer(np.eye(3), np.zeros(3), "softmax")])
    x, y = [1000.0, 0.0, -1000.0], [0.0, 1.0, 0.0]
    graph = unroll_network(net, x, y, "softmax_cross_entropy")
    assert graph.value == 1000.0
    graph.backward()
    dW, db = gradient_arrays(graph, net)
    bk = loss_and_gradients(net, x, y, "softmax_cross_entropy")
    np.testing.assert_allclose(db[0], bk.db[0], atol=1e-300)
    np.testing.assert_allclose(dW[0], bk.dW[0], atol=1e-300)


# ---------------------------------------------------------------- soft labels
def test_soft_labels_get_the_general_softmax_delta():
    rng = np.random.default_rng(4)
    net = Network(2, [Layer(rng.normal(size=(3, 2)), rng.normal(size=3), "softmax")])
    x, y = [0.7, -1.2], [0.5, 0.2, 0.0]        # Σy = 0.7, not 1
    bk = loss_and_gradients(net, x, y, "softmax_cross_entropy")
    a = bk.delta[0] + np.array(y)               # undo −y
    z = np.array(x) @ net.layers[0].weights.T + net.layers[0].biases
    soft = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
    np.testing.assert_allclose(bk.delta[0][0], soft * 0.7 - np.array(y), rtol=1e-14, atol=1e-16)
    assert not np.allclose(bk.delta[0][0], soft - np.array(y))   # the old, wrong δ = a − y
    assert a.shape == (1, 3)
    assert check_gradients(net, x, y, "softmax_cross_entropy").passed(1e-8)
    graph = unroll_network(net, x, y, "softmax_cross_entropy")
    graph.backward()
    dW, db = gradient_arrays(graph, net)
    np.testing.assert_allclose(dW[0], bk.dW[0], rtol=1e-12, atol=1e-15)
    # training uses the same δ as the step view
    data = TrainData(np.array([x]), np.array([y]), np.zeros(1), np.zeros((0, 2)), np.zeros((0, 3)),
                     np.zeros(0), "regression")
    tr = Trainer(net, data, TrainConfig(loss="softmax_cross_entropy", batch_size=1,
                                        optimizer=OptimizerConfig(learning_rate=0.5)))
    tr.train_steps(1)
    expected = net.layers[0].weights - 0.5 * bk.dW[0]
    np.testing.assert_allclose(tr.params()[0][0], expected, rtol=1e-14)
