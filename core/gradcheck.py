"""Numerical gradients by central differences, to check back-propagation.

The five-point central difference, for every weight and bias θ in turn,

    ∂L/∂θ ≈ (L(θ−2h) − 8·L(θ−h) + 8·L(θ+h) − L(θ+2h)) / 12h

has truncation error O(h⁴), so with h = 1e-4 it agrees with exact back-propagation to about
1e-10 relative (the simple (L(θ+h) − L(θ−h)) / 2h stalls near 1e-7 from rounding). The losses
in it are evaluated in extended precision (``np.longdouble``) where the platform has it, which
keeps the quotient's rounding error (≈ eps·|L| / h) far below the 1e-7 the tests ask for
even for tiny gradients of a large loss. Kinks
(relu at z = 0) closer than 2h to a neuron's z make any finite difference meaningless there.

The relative error of one entry is |analytic − numeric| / max(|analytic| + |numeric|, floor).
The floor (1e-4) exists because the difference quotient carries a rounding error of about
eps·|L| / h (1e-12·|L| in float64, 1e-15·|L| in 80-bit extended precision) of its own: a gradient that is exactly 0 (a dead relu) comes out as
±1e-12 numerically, which is no disagreement at all.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .backward import compute_loss, loss_and_gradients
from .forward import forward
from .network import Network


@dataclass(frozen=True)
class GradCheckResult:
    max_relative_error: float
    max_absolute_error: float
    worst: str
    """Which parameter has the largest relative error, e.g. ``W2[1,2]`` (1-based: layer 2,
    neuron 1, input 2 — the notation of the seeds and the window)."""
    numeric_dW: tuple[np.ndarray, ...]
    numeric_db: tuple[np.ndarray, ...]
    analytic_dW: tuple[np.ndarray, ...]
    analytic_db: tuple[np.ndarray, ...]

    def passed(self, tolerance: float = 1e-7) -> bool:
        return self.max_relative_error <= tolerance


def _loss_function(net: Network, x, y, loss_name: str):
    """L(params) evaluated in extended precision (``np.longdouble``; 80-bit on x86, so the
    difference quotient's rounding error is ~1000× smaller than in float64; where longdouble
    is float64 this is the plain float64 loss). Checks the inputs like ``forward``/``loss``."""
    _, _, y64 = compute_loss(net, forward(net, x), y, loss_name)   # validation only
    from .activations import get_activation
    from .forward import as_batch
    from .losses import get_loss
    ld = np.longdouble
    x_ld = as_batch(x, net.input_size).astype(ld)
    y_ld = y64.astype(ld)
    acts = [get_activation(layer.activation).f for layer in net.layers]
    loss = get_loss(loss_name)

    def value(params) -> np.longdouble:
        a = x_ld
        for (W, b), f in zip(params, acts):
            z = a @ W.T + b
            a = f(z)
        return np.mean(loss.value(z, a, y_ld))
    return value


def numeric_gradients(net: Network, x, y, loss_name: str, h: float = 1e-4):
    """Central-difference ∂L/∂W and ∂L/∂b for every layer (disabled links: 0), float64."""
    value = _loss_function(net, x, y, loss_name)
    params = [(layer.weights.astype(np.longdouble), layer.biases.astype(np.longdouble))
              for layer in net.layers]
    h_ld = np.longdouble(h)
    dWs, dbs = [], []
    for layer, (W, b) in zip(net.layers, params):
        for arr, out_list, mask in ((W, dWs, layer.mask.reshape(-1)), (b, dbs, None)):
            grad = np.zeros(arr.shape, dtype=np.longdouble)
            flat, gflat = arr.reshape(-1), grad.reshape(-1)
            for idx in range(flat.size):
                if mask is not None and not mask[idx]:
                    continue
                old = flat[idx]
                values = []
                for step in (-2, -1, 1, 2):
                    flat[idx] = old + step * h_ld
                    values.append(value(params))
                flat[idx] = old
                m2, m1, p1, p2 = values
                gflat[idx] = (m2 - 8 * m1 + 8 * p1 - p2) / (12 * h_ld)
            out_list.append(grad.astype(np.float64))
    return tuple(dWs), tuple(dbs)


def check_gradients(net: Network, x, y, loss_name: str, h: float = 1e-4,
                    floor: float = 1e-4) -> GradCheckResult:
    """Compare back-propagation with central differences on every parameter."""
    trace = loss_and_gradients(net, x, y, loss_name)
    num_dW, num_db = numeric_gradients(net, x, y, loss_name, h)
    worst, worst_rel, worst_abs = "", 0.0, 0.0
    for l, (aw, ab, nw, nb) in enumerate(zip(trace.dW, trace.db, num_dW, num_db), start=1):
        for name, a, n in ((f"W{l}", aw, nw), (f"b{l}", ab, nb)):
            diff = np.abs(a - n)
            rel = diff / np.maximum(np.abs(a) + np.abs(n), floor)
            if rel.size and rel.max() >= worst_rel:
                idx = np.unravel_index(np.argmax(rel), rel.shape)
                worst_rel = float(rel.max())
                worst = f"{name}[{','.join(str(k + 1) for k in idx)}]"   # 1-based, as the seeds
            worst_abs = max(worst_abs, float(diff.max(initial=0.0)))
    return GradCheckResult(worst_rel, worst_abs, worst, num_dW, num_db, trace.dW, trace.db)
