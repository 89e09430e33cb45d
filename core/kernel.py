"""The training kernel: the same maths as ``forward``/``backward``, on preallocated buffers.

Training runs tens of thousands of tiny steps, where numpy's per-call overhead costs more than
the arithmetic (a 2-8-8-8-8-8-8-1 net at batch 10 is ~1 µs of FLOPs per layer). So the kernel

* keeps each layer as one augmented matrix Ŵ = [W | b] of shape (n_out, n_in + 1), all of them
  views into one flat vector θ; the gradients likewise live in one flat vector g, so an
  optimizer update is a few numpy calls in total;
* keeps every layer's activations with a trailing column of ones, â = [a | 1], so
  z = â·Ŵᵀ is one product and ∂L/∂Ŵ = δᵀ·â gives ∂L/∂W and ∂L/∂b together;
* reuses the z / a / δ buffers of each batch size and turns one step into a flat list of
  numpy calls on them, resolved once per batch size (see ``_Plan``).

Its results are checked against the plain ``forward``/``backward`` in the tests.
"""
from __future__ import annotations

from functools import partial

import numpy as np

from .activations import get_activation
from .losses import get_loss
from .network import Network


PRECISIONS = ("float64", "float32")


class FlatParams:
    """θ and g as flat vectors; Ŵ = [W | b] per layer as (n_out, n_in+1) views.

    ``precision`` is float64 (the engine's exact arithmetic, the same numbers as the
    step-by-step view) or float32 (the fast path for big digit networks: every product and
    activation rounded to float32). ``params()`` always hands out float64 arrays; for float32
    they hold the float32 values exactly, so a document stores and shows what was trained."""

    def __init__(self, net: Network, precision: str = "float64"):
        sizes = net.sizes
        self.dtype = np.dtype(precision)
        self.shapes = [(sizes[k + 1], sizes[k]) for k in range(net.depth)]
        total = sum(o * (i + 1) for o, i in self.shapes)
        self.theta = np.empty(total, dtype=self.dtype)
        self.grad = np.zeros(total, dtype=self.dtype)
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
        """Copies of (W, b) per layer, as float64 (float32 values converted exactly)."""
        return [(W.astype(np.float64), b.astype(np.float64)) for W, b in zip(self.W, self.b)]


def _activation_ops(act, z, a, row) -> list:
    """The calls that write a = f(z) into ``a`` (``row``: a (batch, 1) scratch buffer).

    Sigmoid and softmax are spelled out on the buffers, in the order ``core.activations``
    computes them (1 / (1 + e^(−z)); e^(z − max) / Σ e^(z − max)), so the results are the
    same to the last bit, without the temporary arrays of the plain functions."""
    name = act.name
    c = _constants(z.dtype)
    if name == "tanh":
        return [(np.tanh, (z, a))]
    if name == "sigmoid":
        return [(np.negative, (z, a)), (np.exp, (a, a)), (np.add, (a, c.one, a)),
                (np.divide, (c.one, a, a))]
    if name == "softmax":
        # (np.max and np.sum are these reductions behind a Python wrapper)
        return [(np.maximum.reduce, (z, 1, None, row, True)),
                (np.subtract, (z, row, a)), (np.exp, (a, a)),
                (np.add.reduce, (a, 1, None, row, True)),
                (np.divide, (a, row, a))]
    if name == "relu":      # (np.maximum takes its output as a keyword only)
        return [(partial(np.maximum, out=a), (z, c.zero))]
    if name == "linear":
        return [(np.copyto, (a, z))]
    return [(_assign, (a, act.f, (z,)))]


def _delta_ops(act, z, a, d, tmp) -> list:
    """The calls that turn ∂L/∂a (held in ``d``) into δ = ∂L/∂z, in place."""
    name = act.name
    c = _constants(z.dtype)
    if name == "tanh":
        return [(np.multiply, (a, a, tmp)), (np.subtract, (c.one, tmp, tmp)),
                (np.multiply, (d, tmp, d))]
    if name == "sigmoid":       # a·(1 − a), as core.activations has it
        return [(np.subtract, (c.one, a, tmp)), (np.multiply, (a, tmp, tmp)),
                (np.multiply, (d, tmp, d))]
    if name == "relu":
        return [(np.greater, (z, c.zero, tmp)), (np.multiply, (d, tmp, d))]
    if name == "linear":
        return []
    return [(_assign, (d, act.delta, (z, a, d)))]


def _assign(out, fn, args) -> None:
    out[...] = fn(*args)


class _Constants:
    """0-d constants of one dtype: a ufunc given an array scalar skips converting a Python
    float on every call (and a float32 buffer is not promoted to float64 by them)."""

    def __init__(self, dtype):
        self.zero = np.array(0.0, dtype=dtype)
        self.one = np.array(1.0, dtype=dtype)


_CONSTANTS = {np.dtype(p): _Constants(p) for p in PRECISIONS}


def _constants(dtype) -> _Constants:
    return _CONSTANTS[np.dtype(dtype)]


class _Plan:
    """Buffers for one batch size and the flat list of numpy calls one step makes on them.

    Only the inputs and targets change from step to step, so everything else — every view,
    every ``out=`` buffer, the activation and δ rule of each layer — is resolved here once:
    a step is a loop over ``(function, arguments)`` pairs with no branching in Python.
    """

    def __init__(self, kernel: "Kernel", batch: int):
        sizes, flat = kernel.sizes, kernel.flat
        dt = flat.dtype
        self.x_aug = np.ones((batch, sizes[0] + 1), dtype=dt)
        self.x = self.x_aug[:, :-1]
        self.a_aug = [np.ones((batch, n + 1), dtype=dt) for n in sizes[1:]]
        self.a = [aa[:, :-1] for aa in self.a_aug]
        self.z = [np.empty((batch, n), dtype=dt) for n in sizes[1:]]
        self.row = np.empty((batch, 1), dtype=dt)
        if kernel.acts[-1].name == "linear":
            # a linear output is its z: one buffer, no copy (no layer reads it with ones)
            self.a[-1] = self.z[-1]
        self.g = [np.empty((batch, n), dtype=dt) for n in sizes[1:]]
        self.tmp = [np.empty((batch, n), dtype=dt) for n in sizes[1:]]
        prev_aug = [None] + self.a_aug[:-1]          # layer 0 reads the step's x_aug
        WbT = [wb.T for wb in flat.Wb]
        self.WbT0 = WbT[0]
        self.z0 = self.z[0]
        self.out = self.a[-1]
        self.inv_batch = np.array(kernel.scale / batch, dtype=dt)
        """The factor of ∂L/∂z at the output: 1/batch (the batch mean), or η/batch when the
        optimizer has folded the learning rate into the gradient (``Kernel.set_scale``)."""
        acts, depth = kernel.acts, len(kernel.acts)

        fwd = []
        for k in range(depth):
            if k:
                fwd.append((np.dot, (prev_aug[k], WbT[k], self.z[k])))
            if self.a[k] is not self.z[k]:
                fwd += _activation_ops(acts[k], self.z[k], self.a[k], self.row)
        self.forward_ops = fwd

        last = depth - 1
        self.d_out = self.g[last]
        # ∂L/∂a → δ at the output when the loss is not fused with the output activation
        self.output_delta_ops = _delta_ops(acts[last], self.z[last], self.a[last],
                                           self.g[last], self.tmp[last])
        bwd = [(np.multiply, (self.g[last], self.inv_batch, self.g[last]))]
        for k in range(last, -1, -1):
            dWb_mask = []
            if not flat.masks[k].all():
                dW = flat.dWb[k][:, :-1]
                dWb_mask = [(np.multiply, (dW, flat.masks[k], dW))]
            if k == 0:
                self.first_mask_ops = dWb_mask
                break
            bwd.append((np.dot, (self.g[k].T, prev_aug[k], flat.dWb[k])))
            bwd += dWb_mask
            bwd.append((np.dot, (self.g[k], flat.W[k], self.g[k - 1])))
            bwd += _delta_ops(acts[k - 1], self.z[k - 1], self.a[k - 1],
                              self.g[k - 1], self.tmp[k - 1])
        self.backward_ops = bwd
        self.dT0 = self.g[0].T
        self.dWb0 = flat.dWb[0]


class Kernel:
    """Forward + backward for one network structure, writing ∂L/∂θ into ``flat.grad``."""

    def __init__(self, net: Network, loss_name: str, flat: FlatParams | None = None,
                 precision: str = "float64"):
        self.flat = flat or FlatParams(net, precision)
        self.dtype = self.flat.dtype
        self.sizes = net.sizes
        self.acts = [get_activation(layer.activation) for layer in net.layers]
        self.loss = get_loss(loss_name)
        self.fused = self.loss.requires_activation == self.acts[-1].name
        # ∂L/∂a = a − y is written straight into the δ buffer (no temporary array)
        self._subtract_grad = self.fused or self.loss.name == "half_squared_error"
        # softmax cross-entropy's fused δ is a·Σy − y (soft labels); for one-hot targets
        # a·1 − y is a − y to the last bit
        self.soft_sum = self.fused and self.loss.name == "softmax_cross_entropy"
        self.scale = 1.0
        """The gradient comes out multiplied by this (``set_scale``)."""
        self.one_hot = False
        """Set by a caller whose every target row sums to exactly 1 (one-hot labels): then
        a·Σy − y is a − y bit for bit, and the row sums are not taken on every step."""
        self._plans: dict[int, _Plan] = {}

    def set_scale(self, scale: float) -> None:
        """Make ``flat.grad`` receive scale · ∂L/∂θ (the float32 SGD path folds η in here, so
        its update is one pass over θ)."""
        self.scale = float(scale)
        for batch, plan in self._plans.items():
            plan.inv_batch[...] = self.scale / batch

    def plan(self, batch: int) -> _Plan:
        plan = self._plans.get(batch)
        if plan is None:
            plan = self._plans[batch] = _Plan(self, batch)
        return plan

    def forward(self, x: np.ndarray) -> np.ndarray:
        """Output for a batch x (batch, n₀); the returned array is a reused buffer."""
        plan = self.plan(x.shape[0])
        plan.x[...] = x
        with np.errstate(over="ignore"):      # sigmoid: e^(−z) = inf for z ≪ 0 gives a = 0
            return self._forward(plan, plan.x_aug)

    @staticmethod
    def _forward(plan: _Plan, x_aug: np.ndarray) -> np.ndarray:
        np.dot(x_aug, plan.WbT0, plan.z0)
        for fn, args in plan.forward_ops:
            fn(*args)
        return plan.out

    def gradient(self, x: np.ndarray, y: np.ndarray) -> None:
        """Forward and backward for one batch; ``flat.grad`` receives ∂L/∂θ (batch mean)."""
        plan = self.plan(x.shape[0])
        plan.x[...] = x
        with np.errstate(over="ignore"):
            self.gradient_aug(plan.x_aug, np.asarray(y, dtype=self.dtype))

    def gradient_aug(self, x_aug: np.ndarray, y: np.ndarray) -> None:
        """Like ``gradient`` for inputs that already carry the ones column: x_aug = [x | 1],
        both it and ``y`` of the kernel's dtype (the caller handles numpy's error state)."""
        plan = self._plans.get(x_aug.shape[0]) or self.plan(x_aug.shape[0])
        np.dot(x_aug, plan.WbT0, plan.z0)
        for fn, args in plan.forward_ops:
            fn(*args)
        d = plan.d_out
        if self.soft_sum and not self.one_hot:
            np.multiply(plan.out, y.sum(axis=1, keepdims=True), d)
            d -= y
        elif self._subtract_grad:
            np.subtract(plan.out, y, d)
        else:
            d[...] = self.loss.grad(plan.z[-1], plan.out, y)
        if not self.fused:
            for fn, args in plan.output_delta_ops:
                fn(*args)
        for fn, args in plan.backward_ops:
            fn(*args)
        np.dot(plan.dT0, x_aug, plan.dWb0)
        for fn, args in plan.first_mask_ops:
            fn(*args)


def augment(x: np.ndarray, dtype=np.float64) -> np.ndarray:
    """[x | 1]: inputs with the ones column the kernel multiplies into the biases."""
    out = np.ones((x.shape[0], x.shape[1] + 1), dtype=dtype)
    out[:, :-1] = x
    return out
