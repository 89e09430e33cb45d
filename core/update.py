"""One exposed gradient-descent update: new parameters from a backward trace.

The step-by-step view applies plain gradient descent with the document's learning rate η
and regularization (weights only, never biases):

    g_W = ∂L/∂W (+ λ·W for L2, + λ·sign(W) for L1),   W ← W − η·g_W
    g_b = ∂L/∂b,                                       b ← b − η·g_b

Momentum and Adam need a history of steps; the first step of either from rest is computed by
the same ``Optimizer`` the trainer uses, so the numbers always agree with training.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .backward import BackwardTrace
from .kernel import FlatParams
from .network import Network
from .optim import Optimizer, OptimizerConfig


@dataclass(frozen=True)
class UpdateResult:
    config: OptimizerConfig
    weights: tuple[np.ndarray, ...]
    """Wˡ after the update."""
    biases: tuple[np.ndarray, ...]
    """bˡ after the update."""
    grad_W: tuple[np.ndarray, ...]
    """The total gradient used for Wˡ: ∂L/∂W plus the regularization term."""
    grad_b: tuple[np.ndarray, ...]

    def params(self) -> list[tuple[np.ndarray, np.ndarray]]:
        return [(w.copy(), b.copy()) for w, b in zip(self.weights, self.biases)]

    def apply_to(self, net: Network) -> Network:
        """A copy of ``net`` with the updated parameters."""
        new = net.copy()
        new.set_params(self.params())
        return new


def regularization_gradient(weights: np.ndarray, config: OptimizerConfig) -> np.ndarray:
    if config.regularization == "l2":
        return config.regularization_rate * weights
    if config.regularization == "l1":
        return config.regularization_rate * np.sign(weights)
    return np.zeros_like(weights)


def gradient_step(net: Network, back: BackwardTrace, config: OptimizerConfig) -> UpdateResult:
    """Apply one update to a copy of the parameters; ``net`` is not changed."""
    flat = FlatParams(net)
    for dWb, dW, db in zip(flat.dWb, back.dW, back.db):
        dWb[:, :-1] = dW
        dWb[:, -1] = db
    grad_W = tuple(dW + regularization_gradient(layer.weights, config) * layer.mask
                   for dW, layer in zip(back.dW, net.layers))
    grad_b = tuple(db.copy() for db in back.db)
    Optimizer(config, flat.theta.size, flat.is_weight, net.trainable_vector()).step(
        flat.theta, flat.grad)
    params = flat.params()
    out = (tuple(w for w, _ in params), tuple(b for _, b in params), grad_W, grad_b)
    for group in out:
        for arr in group:
            arr.flags.writeable = False
    return UpdateResult(config, *out)
