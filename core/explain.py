"""Where does a number come from? Formulas with the actual numbers plugged in, as data.

Nothing here is English: an ``Explanation`` names a rule and lists symbols with values, and
the window renders it in the user's language and notation. Symbols are ``Sym(name, layer,
index)`` with these names:

    x[j]        input j                      y[i]        target i
    W[l][i,j]   weight from neuron j of layer l−1 to neuron i of layer l
    b[l][i]     bias                         z[l][i]     weighted sum
    a[l][i]     activation (a[0] = x)        f'[l][i]    activation derivative at z[l][i]
    delta[l][i] δ = ∂L/∂z                    dL/da[l][i] ∂L/∂a at the output
    dL/dW[l][i,j], dL/db[l][i]               eta (η), lambda (λ), L (the loss)
    W'[l][i,j], b'[l][i]  the updated values  reg[l][i,j]  the regularization gradient term

Rules and how to read ``terms`` (a sum of signed products) around ``result``:

    weighted_sum     z = Σ_j W·a_prev + b                     terms: (W, a_prev)…, (b)
    activation       a = f(z)          ``function`` = activation name, terms: (z)
    output_delta     δ = ∂L/∂a · f'(z)                        terms: (dL/da, f')
    output_delta_fused  δ = a − y      (sigmoid+BCE, softmax+CE) terms: (a), −(y)
    softmax_delta    δ_i = a_i·(g_i − Σ_k a_k g_k)            terms: (a, dL/da)…, ``detail``
    loss_gradient    ∂L/∂a = a − y (half squared error) or −y/a, (a−y)/(a(1−a))
    hidden_delta     δ = (Σ_k W[l+1][k,i]·δ[l+1][k]) · f'(z)  terms: (W, delta)…, ``multiplier`` f'
    weight_gradient  ∂L/∂W = δ · a_prev                       terms: (delta, a_prev)
    bias_gradient    ∂L/∂b = δ                                terms: (delta)
    weight_update    W' = W − η·(∂L/∂W [+ reg])               terms: (W), −(eta, dL/dW)[, −(eta, reg)]
    bias_update      b' = b − η·∂L/∂b                         terms: (b), −(eta, dL/db)
    loss             L = loss over outputs   ``function`` = loss name, terms: (a, y) per output

For a batch the gradients are batch means and the explanation covers sample ``sample``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .activations import get_activation
from .errors import ShapeError
from .losses import get_loss
from .stepping import StepCursor


@dataclass(frozen=True)
class Sym:
    name: str
    layer: int | None
    index: tuple[int, ...]
    value: float


@dataclass(frozen=True)
class Product:
    factors: tuple[Sym, ...]
    sign: int = 1

    @property
    def value(self) -> float:
        return self.sign * float(np.prod([f.value for f in self.factors]))


@dataclass(frozen=True)
class Explanation:
    target: Sym
    rule: str
    terms: tuple[Product, ...]
    result: float
    function: str | None = None
    multiplier: Sym | None = None
    detail: tuple["Explanation", ...] = ()

    @property
    def sum_of_terms(self) -> float:
        return float(sum(t.value for t in self.terms))


class Explainer:
    """Builds explanations from a ``StepCursor``'s traces (sample ``sample`` of the batch)."""

    def __init__(self, cursor: StepCursor, sample: int = 0):
        self.c = cursor
        self.net = cursor.network
        self.f = cursor.forward_trace
        self.bk = cursor.backward_trace
        self.s = sample

    # ------------------------------------------------------------ symbols
    def _a(self, layer: int, i: int) -> Sym:
        if layer == 0:
            return Sym("x", None, (i,), float(self.f.x[self.s, i]))
        return Sym("a", layer, (i,), float(self.f.a[layer - 1][self.s, i]))

    def _z(self, l, i):
        return Sym("z", l, (i,), float(self.f.z[l - 1][self.s, i]))

    def _W(self, l, i, j):
        return Sym("W", l, (i, j), float(self.net.layers[l - 1].weights[i, j]))

    def _b(self, l, i):
        return Sym("b", l, (i,), float(self.net.layers[l - 1].biases[i]))

    def _delta(self, l, i):
        return Sym("delta", l, (i,), float(self.bk.delta[l - 1][self.s, i]))

    def _fprime(self, l, i) -> Sym:
        act = get_activation(self.net.layers[l - 1].activation)
        z = self.f.z[l - 1][self.s:self.s + 1]
        a = self.f.a[l - 1][self.s:self.s + 1]
        return Sym("f'", l, (i,), float(act.df(z, a)[0, i]))

    def _check(self, l: int, i: int, j: int | None = None) -> None:
        sizes = self.net.sizes
        if not 1 <= l <= self.net.depth or not 0 <= i < sizes[l] or (
                j is not None and not 0 <= j < sizes[l - 1]):
            raise ShapeError(f"no such quantity: layer {l}, index {(i, j) if j is not None else i}")

    # ------------------------------------------------------------ forward
    def z(self, l: int, i: int) -> Explanation:
        self._check(l, i)
        layer = self.net.layers[l - 1]
        terms = tuple(Product((self._W(l, i, j), self._a(l - 1, j)))
                      for j in range(layer.n_in) if layer.mask[i, j])
        terms += (Product((self._b(l, i),)),)
        return Explanation(self._z(l, i), "weighted_sum", terms, self._z(l, i).value)

    def a(self, l: int, i: int) -> Explanation:
        self._check(l, i)
        act = self.net.layers[l - 1].activation
        return Explanation(self._a(l, i), "activation", (Product((self._z(l, i),)),),
                           self._a(l, i).value, function=act)

    # ------------------------------------------------------------ loss
    def loss(self) -> Explanation:
        L = self.net.depth
        terms = tuple(Product((self._a(L, i), Sym("y", None, (i,), float(self.bk.y[self.s, i]))))
                      for i in range(self.net.output_size))
        value = float(self.bk.sample_losses[self.s])
        return Explanation(Sym("L", None, (), value), "loss", terms, value, function=self.c.loss_name)

    def loss_gradient(self, i: int) -> Explanation:
        L = self.net.depth
        a, y = self._a(L, i), Sym("y", None, (i,), float(self.bk.y[self.s, i]))
        g = float(self.bk.dL_da[self.s, i])
        return Explanation(Sym("dL/da", L, (i,), g), "loss_gradient", (Product((a,)), Product((y,), -1)),
                           g, function=self.c.loss_name)

    # ------------------------------------------------------------ backward
    def delta(self, l: int, i: int) -> Explanation:
        self._check(l, i)
        L = self.net.depth
        target = self._delta(l, i)
        if l < L:
            nxt = self.net.layers[l]
            terms = tuple(Product((self._W(l + 1, k, i), self._delta(l + 1, k)))
                          for k in range(nxt.n_out) if nxt.mask[k, i])
            if get_activation(self.net.layers[l - 1].activation).elementwise:
                return Explanation(target, "hidden_delta", terms, target.value,
                                   multiplier=self._fprime(l, i))
        act = get_activation(self.net.layers[-1].activation)
        loss = get_loss(self.c.loss_name)
        if loss.requires_activation == act.name:
            y = Sym("y", None, (i,), float(self.bk.y[self.s, i]))
            return Explanation(target, "output_delta_fused",
                               (Product((self._a(L, i),)), Product((y,), -1)), target.value,
                               function=self.c.loss_name)
        if act.elementwise:
            g = self.loss_gradient(i)
            return Explanation(target, "output_delta", (Product((g.target, self._fprime(L, i))),),
                               target.value, detail=(g,))
        details = tuple(self.loss_gradient(k) for k in range(self.net.output_size))
        terms = tuple(Product((self._a(L, k), d.target)) for k, d in enumerate(details))
        return Explanation(target, "softmax_delta", terms, target.value, detail=details)

    def weight_gradient(self, l: int, i: int, j: int) -> Explanation:
        self._check(l, i, j)
        value = float(self.bk.dW[l - 1][i, j])
        terms = () if not self.net.layers[l - 1].mask[i, j] else (
            Product((self._delta(l, i), self._a(l - 1, j))),)
        return Explanation(Sym("dL/dW", l, (i, j), value), "weight_gradient", terms, value)

    def bias_gradient(self, l: int, i: int) -> Explanation:
        self._check(l, i)
        value = float(self.bk.db[l - 1][i])
        return Explanation(Sym("dL/db", l, (i,), value), "bias_gradient",
                           (Product((self._delta(l, i),)),), value)

    # ------------------------------------------------------------ update
    def weight_update(self, l: int, i: int, j: int) -> Explanation:
        self._check(l, i, j)
        up = self.c.update
        eta = Sym("eta", None, (), up.config.learning_rate)
        grad = float(self.bk.dW[l - 1][i, j])
        terms = [Product((self._W(l, i, j),)), Product((eta, Sym("dL/dW", l, (i, j), grad)), -1)]
        reg = float(up.grad_W[l - 1][i, j]) - grad
        if up.config.regularization != "none" and up.config.regularization_rate > 0:
            terms.append(Product((eta, Sym("reg", l, (i, j), reg)), -1))
        new = float(up.weights[l - 1][i, j])
        return Explanation(Sym("W'", l, (i, j), new), "weight_update", tuple(terms), new,
                           function=up.config.method)

    def bias_update(self, l: int, i: int) -> Explanation:
        self._check(l, i)
        up = self.c.update
        eta = Sym("eta", None, (), up.config.learning_rate)
        terms = (Product((self._b(l, i),)),
                 Product((eta, Sym("dL/db", l, (i,), float(self.bk.db[l - 1][i]))), -1))
        new = float(up.biases[l - 1][i])
        return Explanation(Sym("b'", l, (i,), new), "bias_update", terms, new,
                           function=up.config.method)
