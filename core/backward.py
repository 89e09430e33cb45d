"""The backward pass: the chain rule applied layer by layer, every result kept.

For a batch of B samples with loss L = (1/B)·Σ_s L_s:

    δᴸ = ∂L_s/∂zᴸ                       from the loss record (a − y for the fused pairs,
                                          (a − y)·f'(zᴸ) for half squared error)
    δˡ = (δˡ⁺¹·Wˡ⁺¹) ⊙ f'(zˡ)            (per sample; softmax applies its Jacobian instead)
    ∂L/∂Wˡ = (1/B)·Σ_s δˡ_sᵀ · aˡ⁻¹_s     i.e. ∂L/∂W[i, j] = δ_i · a_prev_j for one sample
    ∂L/∂bˡ = (1/B)·Σ_s δˡ_s

Disabled links get a zero gradient. ``delta`` is per sample (not divided by B) so that the
window shows the same δ for a batch of one as the hand derivation.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .activations import get_activation
from .errors import ShapeError
from .forward import ForwardTrace, as_batch
from .losses import check_pairing, get_loss
from .messages import Message as M
from .network import Network


@dataclass(frozen=True)
class BackwardTrace:
    """Everything one backward pass computed. Index k = 0 … L−1 is layer l = k + 1."""

    loss: float
    """Mean loss over the batch (regularization not included)."""
    sample_losses: np.ndarray
    """L_s for each sample, shape (batch,)."""
    y: np.ndarray
    """Targets, shape (batch, n_L)."""
    dL_da: np.ndarray
    """∂L_s/∂aᴸ for each sample, shape (batch, n_L)."""
    delta: tuple[np.ndarray, ...]
    """δˡ = ∂L_s/∂zˡ for each sample, shape (batch, n_l)."""
    dW: tuple[np.ndarray, ...]
    """∂L/∂Wˡ averaged over the batch, shape (n_l, n_{l−1})."""
    db: tuple[np.ndarray, ...]
    """∂L/∂bˡ averaged over the batch, shape (n_l,)."""


def compute_loss(net: Network, trace: ForwardTrace, y, loss_name: str) -> tuple[float, np.ndarray, np.ndarray]:
    """(mean loss, per-sample losses, targets as (batch, n_L))."""
    loss = get_loss(loss_name)
    check_pairing(loss, net.layers[-1].activation)
    y = as_batch(y, net.output_size, "y")
    if y.shape[0] != trace.output.shape[0]:
        raise ShapeError(M("backward.samples", "y: expected {n} samples, got {got}",
                           n=trace.output.shape[0], got=y.shape[0]))
    per_sample = loss.value(trace.z[-1], trace.output, y)
    return float(np.mean(per_sample)), per_sample, y


def backward(net: Network, trace: ForwardTrace, y, loss_name: str) -> BackwardTrace:
    """Back-propagate the loss of ``trace`` (a complete forward trace of ``net``) against ``y``."""
    if len(trace.z) != net.depth:
        raise ShapeError(M("backward.incomplete", "backward needs a complete forward trace"))
    loss = get_loss(loss_name)
    mean_loss, per_sample, y = compute_loss(net, trace, y, loss_name)
    batch = y.shape[0]
    out_act = get_activation(net.layers[-1].activation)
    with np.errstate(over="ignore"):
        dL_da = loss.grad(trace.z[-1], trace.output, y)
    delta = loss.output_delta(out_act, trace.z[-1], trace.output, y)
    deltas = [delta]
    dWs, dbs = [], []
    for k in range(net.depth - 1, -1, -1):
        layer = net.layers[k]
        a_prev = trace.activation_of(k)
        dWs.append((delta.T @ a_prev) / batch * layer.mask)
        dbs.append(delta.sum(axis=0) / batch)
        if k > 0:
            prev = net.layers[k - 1]
            delta = get_activation(prev.activation).delta(
                trace.z[k - 1], trace.a[k - 1], delta @ layer.weights)
            deltas.append(delta)
    deltas.reverse(); dWs.reverse(); dbs.reverse()
    for arr in (per_sample, y, dL_da, *deltas, *dWs, *dbs):
        arr.flags.writeable = False
    return BackwardTrace(mean_loss, per_sample, y, dL_da, tuple(deltas), tuple(dWs), tuple(dbs))


def loss_and_gradients(net: Network, x, y, loss_name: str) -> BackwardTrace:
    """Forward then backward in one call."""
    from .forward import forward
    return backward(net, forward(net, x), y, loss_name)
