"""Loss functions, each one record holding the per-sample value beside its gradient.

The reported loss of a batch is the mean of the per-sample values. It never includes
the regularization penalty (that is shown separately where it applies).

* ``half_squared_error``: L = ½·Σ_i (a_i − y_i)²,  ∂L/∂a = a − y. Works with any output.
* ``binary_cross_entropy``: L = −Σ_i [y_i ln a_i + (1 − y_i) ln(1 − a_i)] with a = σ(z);
  fused with the sigmoid, δ = ∂L/∂z = a − y.
  (δ = a − y carries the rounding of a: near saturation its absolute error is one ulp of a,
  as in every float64 engine; the loss itself keeps all its digits.)
* ``softmax_cross_entropy``: L = −Σ_i y_i ln a_i with a = softmax(z); fused with the
  softmax, δ = ∂L/∂z = a·Σ_k y_k − y, which is a − y when the targets sum to 1 (one-hot).
  Soft labels that do not sum to 1 (e.g. (0.5, 0.2, 0)) are allowed and get this general δ.

Both cross-entropies are computed from the logits z, never from a clipped a, so they are
exact to double precision for any finite z (a sigmoid output with z = −800 and y = 1 has
L = 800, not the 34.54 of ln(1e-15)):

    −ln σ(z) = softplus(−z),   −ln(1 − σ(z)) = softplus(z),   softplus(t) = ln(1 + eᵗ)
             = max(t, 0) + ln(1 + e^(−|t|))
    −ln softmax(z)_i = logsumexp(z) − z_i = (m − z_i) + ln Σ_k e^(z_k − m),  m = max z

∂L/∂a is likewise formed from z: 1/σ(z) = 1 + e^(−z) and 1/(1 − σ(z)) = 1 + eᶻ, so
∂L/∂a = −y/a + (1 − y)/(1 − a) keeps every digit when a rounds to 0 or 1 (it is −2.35e17
at z = −40, y = 1). Where the exact value is beyond the float64 range (z = −800) it is ±∞,
which is the IEEE value of that number; the fused δ, the loss and every gradient stay finite.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from .errors import EngineError
from .messages import Message as M

Array = np.ndarray


def softplus(t: Array) -> Array:
    """ln(1 + eᵗ) without overflow or loss of digits: max(t, 0) + log1p(e^(−|t|))."""
    t = np.asarray(t)
    return np.maximum(t, 0) + np.log1p(np.exp(-np.abs(t)))


def neg_log_softmax(z: Array) -> Array:
    """−ln softmax(z) row-wise = logsumexp(z) − z, accurate where one z dominates."""
    z = np.asarray(z)
    m = np.max(z, axis=-1, keepdims=True)
    s = z - m
    e = np.exp(s)
    others = e.copy()
    np.put_along_axis(others, np.argmax(z, axis=-1)[..., None], 0, axis=-1)
    rest = np.sum(others, axis=-1, keepdims=True)
    # ln Σ_k e^(s_k) = ln(1 + Σ_{k≠top} e^(s_k)), and log1p keeps the tiny sum's digits
    return np.log1p(rest) - s


@dataclass(frozen=True)
class Loss:
    name: str
    value: Callable[[Array, Array, Array], Array]
    """Per-sample loss, shape (batch,), from logits z, outputs a and targets y (batch, n)."""
    grad: Callable[[Array, Array, Array], Array]
    """∂L/∂a for each sample, shape (batch, n), from z, a and y."""
    formula: str
    gradient_formula: str
    requires_activation: str | None = None
    """The output activation this loss is defined with (None: any)."""
    fused_delta: Callable[[Array, Array, Array], Array] | None = None
    """δ = ∂L/∂z from (z, a, y) when the output uses ``requires_activation``."""

    def output_delta(self, activation, z: Array, a: Array, y: Array) -> Array:
        """δ = ∂L/∂z at the output layer. Uses the fused form where the pairing allows."""
        if self.fused_delta is not None and activation.name == self.requires_activation:
            return self.fused_delta(z, a, y)
        return activation.delta(z, a, self.grad(z, a, y))


def _hse(z: Array, a: Array, y: Array) -> Array:
    return 0.5 * np.sum((a - y) ** 2, axis=-1)


def _hse_grad(z: Array, a: Array, y: Array) -> Array:
    return a - y


def _bce(z: Array, a: Array, y: Array) -> Array:
    # y·softplus(−z) + (1 − y)·softplus(z): both terms ≥ 0 for 0 ≤ y ≤ 1, so nothing cancels
    with np.errstate(invalid="ignore"):
        pos = np.where(y != 0, y * softplus(-z), 0.0)
        neg = np.where(y != 1, (1 - y) * softplus(z), 0.0)
    return np.sum(pos + neg, axis=-1)


def _bce_grad(z: Array, a: Array, y: Array) -> Array:
    """−y/a + (1 − y)/(1 − a) with 1/a = 1 + e^(−z), 1/(1 − a) = 1 + eᶻ."""
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        pos = np.where(y != 0, y * (1 + np.exp(-z)), 0.0)
        neg = np.where(y != 1, (1 - y) * (1 + np.exp(z)), 0.0)
        # for soft targets and moderate z, (a − y)/(a(1 − a)) avoids the cancellation of neg − pos
        sig_p = 1.0 / (1.0 + np.exp(-z))
        sig_n = 1.0 / (1.0 + np.exp(z))
        direct = (sig_p - y) / (sig_p * sig_n)
    soft = (y != 0) & (y != 1) & (np.abs(z) < 30)
    return np.where(soft, direct, neg - pos)


def _bce_delta(z: Array, a: Array, y: Array) -> Array:
    return a - y


def _sce(z: Array, a: Array, y: Array) -> Array:
    nls = neg_log_softmax(z)
    return np.sum(np.where(y != 0, y * nls, 0.0), axis=-1)


def _sce_grad(z: Array, a: Array, y: Array) -> Array:
    """−y_i / a_i with 1/a_i = e^(logsumexp(z) − z_i)."""
    with np.errstate(over="ignore", invalid="ignore"):
        return np.where(y != 0, -y * np.exp(neg_log_softmax(z)), 0.0)


def _sce_delta(z: Array, a: Array, y: Array) -> Array:
    return a * np.sum(y, axis=-1, keepdims=True) - y


LOSSES: dict[str, Loss] = {
    loss.name: loss
    for loss in (
        Loss("half_squared_error", _hse, _hse_grad, "½·Σ(a − y)²", "a − y"),
        Loss("binary_cross_entropy", _bce, _bce_grad,
             "−Σ[y·ln a + (1 − y)·ln(1 − a)]", "−y/a + (1 − y)/(1 − a)",
             requires_activation="sigmoid", fused_delta=_bce_delta),
        Loss("softmax_cross_entropy", _sce, _sce_grad,
             "−Σ y·ln a", "−y / a",
             requires_activation="softmax", fused_delta=_sce_delta),
    )
}

LOSS_NAMES: tuple[str, ...] = tuple(LOSSES)


def get_loss(name: str) -> Loss:
    try:
        return LOSSES[name]
    except KeyError:
        raise EngineError(M("loss.unknown", "unknown loss {name} (expected one of: {names})",
                            name=repr(name), names=", ".join(LOSSES))) from None


def check_pairing(loss: Loss, output_activation: str) -> None:
    """Raise if the loss is used with an output activation it is not defined for."""
    if loss.requires_activation and output_activation != loss.requires_activation:
        raise EngineError(M("loss.needs_activation", "loss {loss} needs a {needs} output layer, not {got}",
                            loss=loss.name, needs=loss.requires_activation, got=output_activation))
    if output_activation == "softmax" and loss.name == "binary_cross_entropy":
        raise EngineError(M("loss.bce_softmax", "binary_cross_entropy cannot be used with a softmax output"))


def check_targets(loss_name: str, y: Array) -> str | None:
    """Why targets ``y`` (batch, n) cannot be used with this loss, or None.

    Cross-entropy needs probabilities: binary cross-entropy 0 ≤ y ≤ 1, softmax
    cross-entropy y ≥ 0 (soft labels need not sum to 1)."""
    y = np.asarray(y)
    if loss_name == "binary_cross_entropy" and np.any((y < 0) | (y > 1)):
        return "binary cross-entropy needs targets between 0 and 1"
    if loss_name == "softmax_cross_entropy" and np.any(y < 0):
        return "softmax cross-entropy needs targets ≥ 0"
    return None
