"""Prediction grids for the decision-boundary heat map and the neuron thumbnails.

The grid covers the data domain [−6, 6]² with n × n cell centres; row r is x2 (from
bottom, −6, to top), column c is x1 — i.e. ``grid[r, c]`` is the output at
(x1 = xs[c], x2 = xs[r]), the layout an image with its origin at the bottom-left expects.
Grids are float32 (display only); the parameters stay float64.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from .activations import get_activation
from .network import Network

DOMAIN = (-6.0, 6.0)


def grid_axis(n: int, domain: tuple[float, float] = DOMAIN) -> np.ndarray:
    """Cell-centre coordinates along one axis."""
    lo, hi = domain
    step = (hi - lo) / n
    return lo + step * (np.arange(n) + 0.5)


@lru_cache(maxsize=16)
def _grid_inputs(features: tuple[str, ...], n: int, domain: tuple[float, float]) -> np.ndarray:
    """The grid's feature values, one row per feature: (n_features, n * n) float32."""
    from .features import feature_matrix
    xs = grid_axis(n, domain)
    x1, x2 = np.meshgrid(xs, xs)            # x1 varies along columns, x2 along rows
    pts = np.column_stack([x1.ravel(), x2.ravel()])
    out = np.ascontiguousarray(feature_matrix(pts, features).T, dtype=np.float32)
    out.flags.writeable = False
    return out


_IN_PLACE = {"tanh": np.tanh}
"""Activations applied in place (the grid's arrays are 10,000 points: a fresh array per
operation costs page faults; in place the 2-8×6-1 grid takes ~30 % less)."""


def _layer_outputs(net: Network, x: np.ndarray, upto: int | None = None):
    """Each layer's activations over the grid, one row per neuron: (n_neurons, n * n).
    Neuron-major, so the bias is added along rows of 10,000 (along rows of 8 it cost as much
    as the matrix product) and a row is a neuron's map without a transpose."""
    a = x
    for layer in net.layers[:upto]:
        z = layer.weights.astype(np.float32) @ a
        z += layer.biases.astype(np.float32)[:, None]
        f = _IN_PLACE.get(layer.activation)
        if f is not None:
            a = f(z, out=z)
        else:
            a = get_activation(layer.activation).f(z.T).T
        yield a


def predict_grid(net: Network, features: tuple[str, ...], n: int = 100, output: int = 0,
                 domain: tuple[float, float] = DOMAIN) -> np.ndarray:
    """Network output ``output`` over the n × n grid, float32 (n, n)."""
    x = _grid_inputs(tuple(features), n, domain)
    a = x
    for a in _layer_outputs(net, x):
        pass
    return np.ascontiguousarray(a[output].reshape(n, n))


def predict_class_grid(net: Network, features: tuple[str, ...], n: int = 100,
                       domain: tuple[float, float] = DOMAIN) -> np.ndarray:
    """Arg-max class over the grid for multi-output networks, int (n, n)."""
    x = _grid_inputs(tuple(features), n, domain)
    for a in _layer_outputs(net, x):
        pass
    return np.argmax(a, axis=0).reshape(n, n)


def neuron_grids(net: Network, features: tuple[str, ...], n: int = 24,
                 domain: tuple[float, float] = DOMAIN) -> list[np.ndarray]:
    """For every neuron layer 0 … L, its neurons' outputs over an n × n grid:
    a list of float32 arrays shaped (n_neurons, n, n). Layer 0 holds the input features."""
    x = _grid_inputs(tuple(features), n, domain)
    grids = [np.array(x.reshape(-1, n, n))]           # (a copy: the inputs are cached)
    for a in _layer_outputs(net, x):
        grids.append(np.ascontiguousarray(a.reshape(-1, n, n)))
    return grids
