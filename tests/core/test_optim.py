"""Optimizer updates against formulas evaluated by hand."""
import numpy as np
import pytest

from core.optim import Optimizer, OptimizerConfig


def _opt(**kw):
    return Optimizer(OptimizerConfig(**kw), 3, np.array([True, True, False]))


def test_sgd():
    o, theta = _opt(learning_rate=0.1), np.array([1.0, -2.0, 0.5])
    o.step(theta, np.array([0.5, 1.0, -1.0]))
    np.testing.assert_allclose(theta, [0.95, -2.1, 0.6])


def test_l2_regularizes_weights_not_biases():
    o, theta = _opt(learning_rate=0.1, regularization="l2", regularization_rate=0.5), np.array([1.0, -2.0, 0.5])
    o.step(theta, np.zeros(3))
    # w − η·λ·w = w·(1 − 0.05); the bias (third entry) is untouched
    np.testing.assert_allclose(theta, [0.95, -1.9, 0.5])


def test_l1():
    o, theta = _opt(learning_rate=0.1, regularization="l1", regularization_rate=0.5), np.array([1.0, -2.0, 0.5])
    o.step(theta, np.zeros(3))
    np.testing.assert_allclose(theta, [0.95, -1.95, 0.5])


def test_momentum_two_steps():
    o, theta = _opt(method="momentum", learning_rate=0.1, momentum=0.9), np.array([1.0, 1.0, 1.0])
    o.step(theta, np.array([1.0, 0.0, 2.0]))   # v = −0.1·g
    np.testing.assert_allclose(theta, [0.9, 1.0, 0.8])
    o.step(theta, np.array([1.0, 0.0, 2.0]))   # v = 0.9·v − 0.1·g = [−0.19, 0, −0.38]
    np.testing.assert_allclose(theta, [0.71, 1.0, 0.42])


def test_adam_first_steps():
    o, theta = _opt(method="adam", learning_rate=0.01), np.array([1.0, 1.0, 1.0])
    g = np.array([0.5, -2.0, 0.0])
    o.step(theta, g.copy())
    # first Adam step moves each parameter by ≈ η·sign(g) (bias-corrected m/√s = g/|g|)
    np.testing.assert_allclose(theta, [0.99, 1.01, 1.0], atol=1e-7)
    o.step(theta, g.copy())
    m = 0.9 * 0.1 * g + 0.1 * g
    s = 0.999 * 0.001 * g * g + 0.001 * g * g
    step = 0.01 * (m / (1 - 0.81)) / (np.sqrt(s / (1 - 0.999 ** 2)) + 1e-8)
    np.testing.assert_allclose(theta, np.array([0.99, 1.01, 1.0]) - step, atol=1e-12)


def test_learning_rate_change_keeps_state():
    o = _opt(method="momentum", learning_rate=0.1)
    theta = np.zeros(3)
    o.step(theta, np.ones(3))
    v = o.velocity.copy()
    o.set_config(OptimizerConfig(method="momentum", learning_rate=0.5))
    np.testing.assert_array_equal(o.velocity, v)


@pytest.mark.parametrize("bad", [dict(method="rmsprop"), dict(learning_rate=float("nan")),
                                 dict(learning_rate=-1), dict(momentum=1.0), dict(regularization="l3")])
def test_bad_configs(bad):
    from core import EngineError
    with pytest.raises(EngineError):
        OptimizerConfig(**bad)
