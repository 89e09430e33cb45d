"""Activation functions, each one record holding f(z) beside its derivative f'(z).

Every record is looked up by name (``get_activation("tanh")``). ``backward`` never
knows which function it is chaining: it asks the record for ``delta(z, a, dL_da)``.

Conventions (fixed, and shown to the user in explanations):
  * relu'(0) = 0 (the sub-gradient TensorFlow Playground and most textbooks use);
  * leaky relu has slope 0.01 for z < 0 and its derivative at 0 is 0.01;
  * softmax is only allowed on the output layer; its derivative is a Jacobian,
    so ``delta`` applies J^T = diag(a) - a a^T to ∂L/∂a instead of an elementwise product.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from .errors import EngineError
from .messages import Message as M

LEAKY_SLOPE = 0.01

Array = np.ndarray


@dataclass(frozen=True)
class Activation:
    name: str
    f: Callable[[Array], Array]
    """a = f(z), elementwise except for softmax (row-wise)."""
    df: Callable[[Array, Array], Array] | None
    """f'(z) given z and a = f(z), elementwise; None for softmax (not elementwise)."""
    formula: str
    """a = f(z) in plain notation, e.g. ``max(0, z)``."""
    derivative_formula: str
    """f'(z) in plain notation, e.g. ``1 - a²``."""
    output_only: bool = False

    @property
    def elementwise(self) -> bool:
        return self.df is not None

    def delta(self, z: Array, a: Array, dL_da: Array) -> Array:
        """δ = ∂L/∂z from ∂L/∂a for this layer (rows are samples)."""
        if self.df is not None:
            return dL_da * self.df(z, a)
        # softmax: δ_i = a_i (g_i - Σ_j a_j g_j)
        return a * (dL_da - np.sum(dL_da * a, axis=-1, keepdims=True))


def _sigmoid(z: Array) -> Array:
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-z))


def _softmax(z: Array) -> Array:
    shifted = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)


ACTIVATIONS: dict[str, Activation] = {
    act.name: act
    for act in (
        Activation(
            "linear", lambda z: np.array(z, copy=True),
            lambda z, a: np.ones_like(z), "z", "1"),
        Activation(
            "relu", lambda z: np.maximum(z, 0.0),
            lambda z, a: (z > 0).astype(z.dtype), "max(0, z)", "1 if z > 0 else 0"),
        Activation(
            "leaky_relu", lambda z: np.where(z > 0, z, LEAKY_SLOPE * z),
            lambda z, a: np.where(z > 0, 1.0, LEAKY_SLOPE).astype(z.dtype),
            "z if z > 0 else 0.01·z", "1 if z > 0 else 0.01"),
        Activation(
            "tanh", np.tanh, lambda z, a: 1.0 - a * a, "tanh(z)", "1 - a²"),
        Activation(
            "sigmoid", _sigmoid, lambda z, a: a * (1.0 - a), "1 / (1 + e^(-z))", "a·(1 - a)"),
        Activation(
            "softmax", _softmax, None, "e^(z_i) / Σ_j e^(z_j)", "a_i·(δ_ij - a_j)",
            output_only=True),
    )
}

ACTIVATION_NAMES: tuple[str, ...] = tuple(ACTIVATIONS)


def get_activation(name: str) -> Activation:
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise EngineError(M("activation.unknown", "unknown activation {name} (expected one of: {names})",
                            name=repr(name), names=", ".join(ACTIVATIONS))) from None
