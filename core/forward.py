"""The forward pass, with every intermediate kept: z[l] = a[l−1]·W[l]ᵀ + b[l], a[l] = f_l(z[l]).

Rows are samples. A single sample ``x`` of shape (n,) is treated as a batch of one.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .activations import get_activation
from .errors import ShapeError
from .messages import Message as M
from .network import Network


@dataclass(frozen=True)
class ForwardTrace:
    """Everything one forward pass computed. Index k = 0 … L−1 is weight/neuron layer l = k + 1."""

    x: np.ndarray
    """a⁰ = the inputs, shape (batch, n₀)."""
    z: tuple[np.ndarray, ...]
    """zˡ = Wˡ·aˡ⁻¹ + bˡ, the weighted sum entering each neuron, shape (batch, n_l)."""
    a: tuple[np.ndarray, ...]
    """aˡ = f(zˡ), each neuron's output, shape (batch, n_l)."""

    @property
    def output(self) -> np.ndarray:
        """The network's prediction a^L, shape (batch, n_L)."""
        return self.a[-1]

    def activation_of(self, layer: int) -> np.ndarray:
        """a of neuron layer ``layer`` (0 = inputs)."""
        return self.x if layer == 0 else self.a[layer - 1]


def as_batch(x, n: int, what: str = "x") -> np.ndarray:
    """x as a float64 (batch, n) array; a 1-D x is one sample."""
    arr = np.asarray(x, dtype=np.float64)
    if arr.ndim == 1:
        arr = arr[None, :]
    if arr.ndim != 2 or arr.shape[1] != n:
        raise ShapeError(M("forward.batch_shape", "{what}: expected {n} values per sample, got shape {shape}",
                           what=what, n=n, shape=np.shape(x)))
    return arr


def forward(net: Network, x, upto: int | None = None) -> ForwardTrace:
    """Run the forward pass for x (one sample (n₀,) or a batch (batch, n₀)).

    ``upto`` stops after weight layer ``upto`` (1-based); the trace then holds that many layers.
    """
    a = as_batch(x, net.input_size)
    x0 = a.copy()
    zs, acts = [], []
    layers = net.layers if upto is None else net.layers[:upto]
    for layer in layers:
        z = a @ layer.weights.T + layer.biases
        a = get_activation(layer.activation).f(z)
        zs.append(z)
        acts.append(a)
    for arr in (x0, *zs, *acts):
        arr.flags.writeable = False
    return ForwardTrace(x0, tuple(zs), tuple(acts))


def predict(net: Network, x) -> np.ndarray:
    """Just the output a^L for x, shape (batch, n_L)."""
    a = as_batch(x, net.input_size)
    for layer in net.layers:
        a = get_activation(layer.activation).f(a @ layer.weights.T + layer.biases)
    return a
