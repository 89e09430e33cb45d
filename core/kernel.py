"""The training kernel: the same maths as ``forward``/``backward``, on preallocated buffers.

Training runs tens of thousands of tiny steps, where numpy's per-call overhead costs more than
the arithmetic (a 2-8-8-8-8-8-8-1 net at batch 10 is ~1 µs of FLOPs per layer). So the kernel

* keeps each layer as one augmented matrix Ŵ = [W | b] of shape (n_out, n_in + 1), all of them
  views into one flat vector θ; the gradients likewise live in one flat vector g, so an
  optimizer update is a few numpy calls in total;
* keeps every layer's activations with a trailing column of ones, â = [a | 1], so
  z = â·Ŵᵀ is one product and ∂L/∂Ŵ = δᵀ·â gives ∂L/∂W and ∂L/∂b together;
* reuses the z / a / δ buffers of each batch size and precomputes every view it touches.

Its results are checked against the plain ``forward``/``backward`` in the tests.
"""
from __future__ import annotations

import numpy as np

from .activations import get_activation
from .losses import get_loss
from .network import Network


class FlatParams:
    """θ and g as flat float64 vectors; Ŵ = [W | b] per layer as (n_out, n_in+1) views."""

    def __init__(self, net: Network):
        sizes = net.sizes
        self.shapes = [(sizes[k + 1], sizes[k]) for k in range(net.depth)]
        total = sum(o * (i + 1) for o, i in self.shapes)
        self.theta = np.empty(total)
        self.grad = np.zeros(total)
        is_weight = np.zeros(total, dtype=bool)
        self.Wb, self.dWb = [], []
        pos = 0
        for o, i in self.shapes:
            n = o * (i + 1)
            self.Wb.append(self.theta[pos:pos + n].reshape(o, i + 1))
            self.dWb.append(self.grad[pos:pos + n].reshape(o, i + 1))
            is_weight[pos:pos + n].reshape(o, i + 1)[:, :i] = True
            pos += n
        self.W = [wb[:, :-1] for wb in self.Wb]
        self.b = [wb[:, -1] for wb in self.Wb]
        self.is_weight = is_weight
        self.masks = [layer.mask.copy() for layer in net.layers]
        self.load(net)

    def load(self, net: Network) -> None:
        for W, b, layer in zip(self.W, self.b, net.layers):
            W[...] = layer.weights
            b[...] = layer.biases

    def store(self, net: Network) -> None:
        net.set_params(self.params())

    def params(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """Copies of (W, b) per layer."""
        return [(W.copy(), b.copy()) for W, b in zip(self.W, self.b)]


class _Plan:
    """Buffers and precomputed views for one batch size."""

    def __init__(self, kernel: "Kernel", batch: int):
        sizes, flat = kernel.sizes, kernel.flat
        self.x_aug = np.ones((batch, sizes[0] + 1))
        self.x = self.x_aug[:, :-1]
        self.a_aug = [np.ones((batch, n + 1)) for n in sizes[1:]]
        self.a = [aa[:, :-1] for aa in self.a_aug]
        self.z = [np.empty((batch, n)) for n in sizes[1:]]
        self.g = [np.empty((batch, n)) for n in sizes[1:]]
        self.tmp = [np.empty((batch, n)) for n in sizes[1:]]
        self.prev_aug = [self.x_aug] + self.a_aug[:-1]
        self.WbT = [wb.T for wb in flat.Wb]
        self.inv_batch = 1.0 / batch
        # (k, act name, z, a, a_aug, δ, tmp, dŴ, previous â, W for δ·W, next-lower δ buffer)
        self.layers = []
        for k, act in enumerate(kernel.acts):
            self.layers.append((k, act, self.z[k], self.a[k], self.prev_aug[k], self.g[k],
                                self.tmp[k], flat.dWb[k], flat.W[k],
                                flat.masks[k] if not flat.masks[k].all() else None))


class Kernel:
    """Forward + backward for one network structure, writing ∂L/∂θ into ``flat.grad``."""

    def __init__(self, net: Network, loss_name: str, flat: FlatParams | None = None):
        self.flat = flat or FlatParams(net)
        self.sizes = net.sizes
        self.acts = [get_activation(layer.activation) for layer in net.layers]
        self.loss = get_loss(loss_name)
        self.fused = self.loss.requires_activation == self.acts[-1].name
        # softmax cross-entropy's δ = a·Σy − y; a − y is the same number for one-hot targets
        self.soft_sum = self.fused and self.loss.name == "softmax_cross_entropy"
        self._plans: dict[int, _Plan] = {}

    def plan(self, batch: int) -> _Plan:
        plan = self._plans.get(batch)
        if plan is None:
            plan = self._plans[batch] = _Plan(self, batch)
        return plan

    def forward(self, x: np.ndarray) -> np.ndarray:
        """Output for a batch x (batch, n₀); the returned array is a reused buffer."""
        plan = self.plan(x.shape[0])
        plan.x[...] = x
        return self._forward(plan, plan.x_aug)

    def _forward(self, plan: _Plan, x_aug: np.ndarray) -> np.ndarray:
        dot, WbT = np.dot, plan.WbT
        for k, act, z, a, prev, *_ in plan.layers:
            dot(x_aug if k == 0 else prev, WbT[k], out=z)
            name = act.name
            if name == "tanh":
                np.tanh(z, out=a)
            elif name == "relu":
                np.maximum(z, 0.0, out=a)
            elif name == "linear":
                a[...] = z
            else:
                a[...] = act.f(z)
        return plan.a[-1]

    def gradient(self, x: np.ndarray, y: np.ndarray) -> None:
        """Forward and backward for one batch; ``flat.grad`` receives ∂L/∂θ (batch mean)."""
        plan = self.plan(x.shape[0])
        plan.x[...] = x
        self.gradient_aug(plan.x_aug, y)

    def gradient_aug(self, x_aug: np.ndarray, y: np.ndarray) -> None:
        """Like ``gradient`` for inputs that already carry the ones column: x_aug = [x | 1]."""
        plan = self.plan(x_aug.shape[0])
        out = self._forward(plan, x_aug)
        layers = plan.layers
        k, act, z, a, prev, d, tmp, *_ = layers[-1]
        if self.fused:
            if self.soft_sum:
                np.multiply(out, y.sum(axis=1, keepdims=True), out=d)
                d -= y
            else:
                np.subtract(out, y, out=d)
        else:
            self._delta(act, z, a, self.loss.grad(z, out, y), d, tmp)
        d *= plan.inv_batch
        dot = np.dot
        for k in range(len(layers) - 1, -1, -1):
            _, act, z, a, prev, d, tmp, dWb, W, mask = layers[k]
            dot(d.T, x_aug if k == 0 else prev, out=dWb)
            if mask is not None:
                dWb[:, :-1] *= mask
            if k:
                _, act_p, z_p, a_p, _, d_p, tmp_p, *_ = layers[k - 1]
                dot(d, W, out=d_p)
                self._delta(act_p, z_p, a_p, d_p, d_p, tmp_p)

    @staticmethod
    def _delta(act, z, a, dL_da, out, tmp) -> None:
        """out ← δ = ∂L/∂z from ∂L/∂a (``dL_da`` may be ``out`` itself)."""
        name = act.name
        if name == "tanh":
            np.multiply(a, a, out=tmp)
            np.subtract(1.0, tmp, out=tmp)
            np.multiply(dL_da, tmp, out=out)
        elif name == "relu":
            np.greater(z, 0.0, out=tmp)
            np.multiply(dL_da, tmp, out=out)
        elif name == "linear":
            if dL_da is not out:
                out[...] = dL_da
        else:
            out[...] = act.delta(z, a, dL_da)


def augment(x: np.ndarray) -> np.ndarray:
    """[x | 1]: inputs with the ones column the kernel multiplies into the biases."""
    out = np.ones((x.shape[0], x.shape[1] + 1))
    out[:, :-1] = x
    return out
