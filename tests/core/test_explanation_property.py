"""Every explanation's arithmetic is true: its formula, evaluated, gives its stated result.

Over random networks × every activation × every loss × every optimizer × every regularizer ×
several successive steps, for every explanation the engine produces (and every step inside
it). The results themselves are the engine's numbers (the update's W′ is the optimizer's),
so an explanation that showed the plain gradient-descent formula beside an Adam result —
as it once did — fails here.
"""
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import Explainer, Layer, Network, OptimizerConfig, StepCursor
from core.formula import evaluate, magnitude, symbols

HIDDEN = ["linear", "relu", "leaky_relu", "tanh", "sigmoid"]
OUTPUTS = [("linear", "half_squared_error"), ("tanh", "half_squared_error"),
           ("sigmoid", "half_squared_error"), ("sigmoid", "binary_cross_entropy"),
           ("softmax", "half_squared_error"), ("softmax", "softmax_cross_entropy"),
           ("relu", "half_squared_error")]


def all_explanations(c: StepCursor):
    ex = Explainer(c)
    net = c.network
    out = [ex.loss()]
    for l in range(1, net.depth + 1):
        layer = net.layers[l - 1]
        for i in range(layer.n_out):
            out += [ex.z(l, i), ex.a(l, i), ex.delta(l, i), ex.bias_gradient(l, i),
                    ex.bias_update(l, i)]
            if layer.activation != "softmax":
                out.append(ex.fprime(l, i))
            if l == net.depth:
                out.append(ex.loss_gradient(i))
            for j in range(layer.n_in):
                out += [ex.weight_gradient(l, i, j), ex.weight_update(l, i, j)]
    return [e for top in out for e in top.walk()]


def assert_true_arithmetic(e):
    computed = evaluate(e.formula)
    scale = max(abs(e.result), magnitude(e.formula), 1e-300)
    if math.isfinite(e.result):
        assert abs(computed - e.result) <= 1e-12 * scale, (e.rule, e.target, e.result, computed)
    else:           # an infinite result is reproduced exactly (inf − inf is nan, never ≤ a bound)
        assert computed == e.result, (e.rule, e.target, e.result, computed)
    for s in symbols(e.formula):
        assert isinstance(s.value, float)


@st.composite
def setups(draw):
    n_in = draw(st.integers(1, 3))
    hidden = draw(st.lists(st.integers(1, 3), max_size=2))
    out_act, loss = draw(st.sampled_from(OUTPUTS))
    n_out = draw(st.integers(2 if out_act == "softmax" else 1, 3))
    sizes = [n_in, *hidden, n_out]
    acts = [draw(st.sampled_from(HIDDEN)) for _ in hidden] + [out_act]
    seed = draw(st.integers(0, 2**16))
    rng = np.random.default_rng(seed)
    layers = []
    for k in range(len(sizes) - 1):
        w = rng.normal(0, 1.2, size=(sizes[k + 1], sizes[k]))
        mask = rng.random(w.shape) > 0.15
        layer = Layer(w, rng.normal(0, 0.5, sizes[k + 1]), acts[k], mask)
        layer.trainable_weights[...] = rng.random(w.shape) > 0.2
        layer.trainable_biases[...] = rng.random(sizes[k + 1]) > 0.2
        layers.append(layer)
    net = Network(n_in, layers)
    x = rng.normal(0, 1.5, n_in)
    if loss == "binary_cross_entropy":
        y = rng.choice([0.0, 1.0, 0.3], n_out)
    elif loss == "softmax_cross_entropy":
        y = rng.choice([0.0, 1.0, 0.5, 0.2], n_out)     # soft labels, not always Σy = 1
    else:
        y = rng.normal(0, 1, n_out)
    method = draw(st.sampled_from(["sgd", "momentum", "adam"]))
    reg = draw(st.sampled_from(["none", "l1", "l2"]))
    cfg = OptimizerConfig(method=method, learning_rate=draw(st.sampled_from([0.01, 0.1, 0.5])),
                          regularization=reg, regularization_rate=0.0 if reg == "none" else 0.05)
    return net, x, y, loss, cfg


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(setups())
def test_every_explanation_adds_up_over_several_steps(setup):
    net, x, y, loss, cfg = setup
    for _ in range(3):
        c = StepCursor(net, x, y, loss, cfg)
        for e in all_explanations(c):
            assert_true_arithmetic(e)
        # the stated results are the engine's own numbers
        ex = Explainer(c)
        for l in range(1, net.depth + 1):
            layer = net.layers[l - 1]
            for i in range(layer.n_out):
                assert ex.bias_update(l, i).result == c.update.biases[l - 1][i]
                for j in range(layer.n_in):
                    assert ex.weight_update(l, i, j).result == c.update.weights[l - 1][i, j]
        net = c.updated_network()


@pytest.mark.parametrize("method", ["sgd", "momentum", "adam"])
@pytest.mark.parametrize("reg", ["none", "l1", "l2"])
def test_each_optimizer_and_regularizer_has_its_own_rule(worked_net, method, reg):
    cfg = OptimizerConfig(method=method, learning_rate=0.1, regularization=reg,
                          regularization_rate=0.0 if reg == "none" else 0.01)
    c = StepCursor(worked_net, [0.9, 1.0], [2.0], "half_squared_error", cfg)
    e = Explainer(c).weight_update(2, 0, 0)
    assert e.rule == {"sgd": "sgd_update", "momentum": "momentum_update", "adam": "adam_update"}[method]
    rules = [s.rule for s in e.walk()]
    if reg != "none":
        assert "total_gradient" in rules and any(s.function == reg for s in e.walk())
    if method == "adam":
        assert {"adam_m", "adam_s", "adam_mhat", "adam_shat"} <= set(rules)
        # the first Adam step from rest moves by η·g/(|g| + ε): about 0.1, not 0.039092
        assert e.result == pytest.approx(0.6, abs=1e-6)
    assert_true_arithmetic(e)


def test_frozen_parameters_are_explained_as_unchanged(worked_net):
    net = worked_net.copy()
    net.set_trainable(2, "bias", None, False)
    net.set_trainable(1, "weight", (0, 1), False)
    c = StepCursor(net, [0.9, 1.0], [2.0], "half_squared_error",
                   OptimizerConfig(method="adam", learning_rate=0.1))
    ex = Explainer(c)
    b = ex.bias_update(2, 0)
    assert b.rule == "frozen_update" and b.result == 0.4 and c.update.biases[1][0] == 0.4
    w = ex.weight_update(1, 0, 1)
    assert w.rule == "frozen_update" and w.result == 0.3
    assert ex.bias_gradient(2, 0).result == pytest.approx(-0.674)   # its gradient still shown
    assert ex.weight_update(1, 0, 0).rule == "adam_update"
