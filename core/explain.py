"""Where does a number come from? Each value's formula with the actual numbers in it, as data.

Nothing here is English: an ``Explanation`` names a rule and holds its arithmetic as a
``core.formula`` tree whose leaves are symbols with their values; the window renders the
tree with symbols and again with numbers, in the user's language and notation. Because the
tree is what gets rendered, ``evaluate(e.formula)`` must give ``e.result`` — a property test
checks that for every explanation, activation, loss, optimizer and regularizer.

Symbols are ``Sym(name, layer, index, value)`` with 0-based ``index`` (the window shows
them 1-based, as the seeds do):

    x[j] input j        y[i] target i        W[l][i,j] weight   b[l][i] bias
    z[l][i] weighted sum   a[l][i] activation   f'[l][i] activation derivative at z
    delta[l][i] δ = ∂L/∂z   dL/da[l][i]   dL/dW[l][i,j]   dL/db[l][i]   L the loss
    eta η, lambda λ, mu μ, beta1 β₁, beta2 β₂, eps ε, t the step number
    g[l][i,j] (gw) / g[l][i] (gb) the total gradient used by the update (data + penalty)
    m, v (momentum's velocity or Adam's second moment: "s"), mhat, shat  Adam's moments
    W'[l][i,j], b'[l][i] the updated values

Rules (``rule``) and their formulas:

    weighted_sum       z = Σ_j W·a_prev + b
    activation         a = f(z)                      (softmax: a_k = e^(z_k − logsumexp(z)))
    derivative         f'(z) from its formula: σ' = a(1 − a), tanh' = 1 − a², relu' = 1 or 0 …
    loss               per loss, from the logits for the cross-entropies:
                       ½Σ(a − y)²;  Σ y·softplus(−z) + (1 − y)·softplus(z);  Σ y·(logsumexp(z) − z_k)
    loss_gradient      ∂L/∂a: a − y;  −y·(1 + e^(−z)) + (1 − y)·(1 + eᶻ);  −y·e^(logsumexp(z) − z)
    output_delta       δ = ∂L/∂a · f'(z)             steps: the loss gradient and f'
    output_delta_fused δ = a − y (sigmoid + binary CE, softmax + CE with Σy = 1) or a·Σy − y
    softmax_delta      δ_i = a_i·(g_i − Σ_k a_k g_k), g = ∂L/∂a     steps: every ∂L/∂a_k
    hidden_delta       δ = (Σ_k W[l+1][k,i]·δ[l+1][k]) · f'(z)        steps: f'
    weight_gradient    ∂L/∂W = δ · a_prev   (a batch: the mean over its samples)
    bias_gradient      ∂L/∂b = δ
    total_gradient     g = ∂L/∂W + λ·W (L2) or + λ·sign(W) (L1)
    sgd_update         W' = W − η·g
    momentum_velocity  v = μ·v₀ − η·g with v₀ = 0 (the first step from rest)
    momentum_update    W' = W + v
    adam_m, adam_s     m = β₁·m₀ + (1 − β₁)·g,  s = β₂·s₀ + (1 − β₂)·g²   (m₀ = s₀ = 0)
    adam_mhat, adam_shat   m̂ = m / (1 − β₁ᵗ),  ŝ = s / (1 − β₂ᵗ)   (t = 1)
    adam_update        W' = W − η·m̂ / (√ŝ + ε)
    frozen_update      W' = W  (a parameter marked not trainable keeps its value)

``function`` names the activation or loss where the title needs it; ``steps`` are the
explanations of the factors, shown before the formula that uses them.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .activations import get_activation
from .errors import ShapeError
from .formula import Call, Node, Num, Pow, Prod, Quot, Sum, Sym, evaluate, minus, plus, times
from .losses import get_loss
from .messages import Message as M
from .stepping import StepCursor

__all__ = ["Explainer", "Explanation", "Sym", "evaluate"]


@dataclass(frozen=True)
class Explanation:
    target: Sym
    rule: str
    formula: Node
    result: float
    function: str | None = None
    steps: tuple["Explanation", ...] = ()

    @property
    def computed(self) -> float:
        """The formula evaluated: what the numbers shown add up to."""
        return evaluate(self.formula)

    def walk(self):
        """This explanation and every step under it, depth first (steps first)."""
        for s in self.steps:
            yield from s.walk()
        yield self


def _one_minus(node: Node) -> Sum:
    return minus(Num(1.0), node)


class Explainer:
    """Builds explanations from a ``StepCursor``'s traces (sample ``sample`` of the batch)."""

    def __init__(self, cursor: StepCursor, sample: int = 0):
        self.c = cursor
        self.net = cursor.network
        self.f = cursor.forward_trace
        self.bk = cursor.backward_trace
        self.s = sample

    # ------------------------------------------------------------ symbols
    def _a(self, layer: int, i: int, sample: int | None = None) -> Sym:
        s = self.s if sample is None else sample
        if layer == 0:
            return Sym("x", None, (i,), float(self.f.x[s, i]))
        return Sym("a", layer, (i,), float(self.f.a[layer - 1][s, i]))

    def _z(self, l, i):
        return Sym("z", l, (i,), float(self.f.z[l - 1][self.s, i]))

    def _y(self, i):
        return Sym("y", None, (i,), float(self.bk.y[self.s, i]))

    def _W(self, l, i, j):
        return Sym("W", l, (i, j), float(self.net.layers[l - 1].weights[i, j]))

    def _b(self, l, i):
        return Sym("b", l, (i,), float(self.net.layers[l - 1].biases[i]))

    def _delta(self, l, i, sample: int | None = None):
        s = self.s if sample is None else sample
        return Sym("delta", l, (i,), float(self.bk.delta[l - 1][s, i]))

    def _check(self, l: int, i: int, j: int | None = None) -> None:
        sizes = self.net.sizes
        if not 1 <= l <= self.net.depth or not 0 <= i < sizes[l] or (
                j is not None and not 0 <= j < sizes[l - 1]):
            raise ShapeError(M("explain.no_quantity", "no such quantity: layer {l}, index {index}",
                               l=l, index=(i, j) if j is not None else i))

    # ------------------------------------------------------------ forward
    def z(self, l: int, i: int) -> Explanation:
        self._check(l, i)
        layer = self.net.layers[l - 1]
        terms = [times(self._W(l, i, j), self._a(l - 1, j))
                 for j in range(layer.n_in) if layer.mask[i, j]]
        return Explanation(self._z(l, i), "weighted_sum", plus(*terms, self._b(l, i)),
                           self._z(l, i).value)

    def a(self, l: int, i: int) -> Explanation:
        self._check(l, i)
        act = self.net.layers[l - 1].activation
        if act == "softmax":
            zs = tuple(self._z(l, k) for k in range(self.net.sizes[l]))
            formula = Call("softmax_k", (Num(float(i)),) + zs)
        else:
            formula = Call(act, (self._z(l, i),))
        return Explanation(self._a(l, i), "activation", formula, self._a(l, i).value, function=act)

    def fprime(self, l: int, i: int) -> Explanation:
        """f'(z) of an elementwise activation, from its own formula."""
        self._check(l, i)
        act = get_activation(self.net.layers[l - 1].activation)
        if not act.elementwise:
            raise ShapeError(M("explain.softmax_derivative", "softmax has no elementwise derivative (it is a Jacobian)"))
        zs, as_ = self.f.z[l - 1][self.s:self.s + 1], self.f.a[l - 1][self.s:self.s + 1]
        value = float(act.df(zs, as_)[0, i])
        a = self._a(l, i)
        formula = {"sigmoid": times(a, _one_minus(a)),
                   "tanh": _one_minus(Pow(a, 2.0))}.get(act.name, Num(value))
        return Explanation(Sym("f'", l, (i,), value), "derivative", formula, value,
                           function=act.name)

    # ------------------------------------------------------------ loss
    def loss(self) -> Explanation:
        L, name = self.net.depth, self.c.loss_name
        n = self.net.output_size
        if name == "half_squared_error":
            formula = times(Num(0.5), plus(*(Pow(minus(self._a(L, i), self._y(i)), 2.0)
                                             for i in range(n))))
        elif name == "binary_cross_entropy":
            terms = []
            for i in range(n):
                z, y = self._z(L, i), self._y(i)
                if y.value != 0:
                    terms.append(times(y, Call("softplus", (Sum(((-1, z),)),))))
                if y.value != 1:
                    terms.append(times(_one_minus(y), Call("softplus", (z,))))
            formula = plus(*terms)
        else:
            zs = tuple(self._z(L, k) for k in range(n))
            lse = Call("logsumexp", zs) if n > 1 else zs[0]
            keep = [k for k in range(n) if self._y(k).value != 0] or [0]
            formula = plus(*(times(self._y(k), minus(lse, zs[k])) for k in keep))
        value = float(self.bk.sample_losses[self.s])
        return Explanation(Sym("L", None, (), value), "loss", formula, value, function=name)

    def loss_gradient(self, i: int) -> Explanation:
        L, name = self.net.depth, self.c.loss_name
        a, y, z = self._a(L, i), self._y(i), self._z(L, i)
        if name == "half_squared_error":
            formula = minus(a, y)
        elif name == "binary_cross_entropy":
            # −y/a + (1 − y)/(1 − a) with 1/a = 1 + e^(−z) and 1/(1 − a) = 1 + e^z
            pos = times(y, plus(Num(1.0), Call("exp", (Sum(((-1, z),)),))))
            neg = times(_one_minus(y), plus(Num(1.0), Call("exp", (z,))))
            terms = ([(1, neg)] if y.value != 1 else []) + ([(-1, pos)] if y.value != 0 else [])
            formula = Sum(tuple(terms)) if terms else Num(0.0)
        else:
            zs = tuple(self._z(L, k) for k in range(self.net.output_size))
            lse = Call("logsumexp", zs) if len(zs) > 1 else zs[0]
            formula = (Sum(((-1, times(y, Call("exp", (minus(lse, z),)))),)) if y.value != 0
                       else Num(0.0))
        g = float(self.bk.dL_da[self.s, i])
        return Explanation(Sym("dL/da", L, (i,), g), "loss_gradient", formula, g, function=name)

    # ------------------------------------------------------------ backward
    def delta(self, l: int, i: int) -> Explanation:
        self._check(l, i)
        L = self.net.depth
        target = self._delta(l, i)
        if l < L:
            nxt = self.net.layers[l]
            back = plus(*(times(self._W(l + 1, k, i), self._delta(l + 1, k))
                          for k in range(nxt.n_out) if nxt.mask[k, i]))
            fp = self.fprime(l, i)
            return Explanation(target, "hidden_delta", times(back, fp.target), target.value,
                               steps=(fp,))
        act = get_activation(self.net.layers[-1].activation)
        loss = get_loss(self.c.loss_name)
        if loss.requires_activation == act.name:
            a, y = self._a(L, i), self._y(i)
            total = float(np.sum(self.bk.y[self.s]))
            if loss.name == "softmax_cross_entropy" and total != 1.0:
                ys = tuple(self._y(k) for k in range(self.net.output_size))
                formula = minus(times(a, plus(*ys)), y)
            else:
                formula = minus(a, y)
            return Explanation(target, "output_delta_fused", formula, target.value,
                               function=self.c.loss_name)
        if act.elementwise:
            g, fp = self.loss_gradient(i), self.fprime(L, i)
            return Explanation(target, "output_delta", times(g.target, fp.target), target.value,
                               steps=(g, fp))
        gs = tuple(self.loss_gradient(k) for k in range(self.net.output_size))
        weighted = plus(*(times(self._a(L, k), gk.target) for k, gk in enumerate(gs)))
        formula = times(self._a(L, i), minus(gs[i].target, weighted))
        return Explanation(target, "softmax_delta", formula, target.value, steps=gs)

    def _batch_mean(self, per_sample: list[Node]) -> Node:
        if len(per_sample) == 1:
            return per_sample[0]
        return times(Quot(Num(1.0), Num(float(len(per_sample)))), plus(*per_sample))

    def weight_gradient(self, l: int, i: int, j: int) -> Explanation:
        self._check(l, i, j)
        value = float(self.bk.dW[l - 1][i, j])
        if not self.net.layers[l - 1].mask[i, j]:
            formula: Node = Num(0.0)      # a disabled link carries no gradient
        else:
            formula = self._batch_mean([times(self._delta(l, i, s), self._a(l - 1, j, s))
                                        for s in range(self.bk.y.shape[0])])
        return Explanation(Sym("dL/dW", l, (i, j), value), "weight_gradient", formula, value)

    def bias_gradient(self, l: int, i: int) -> Explanation:
        self._check(l, i)
        value = float(self.bk.db[l - 1][i])
        formula = self._batch_mean([self._delta(l, i, s) for s in range(self.bk.y.shape[0])])
        return Explanation(Sym("dL/db", l, (i,), value), "bias_gradient", formula, value)

    # ------------------------------------------------------------ update
    def weight_update(self, l: int, i: int, j: int) -> Explanation:
        self._check(l, i, j)
        up = self.c.update
        cfg = up.config
        data = Sym("dL/dW", l, (i, j), float(self.bk.dW[l - 1][i, j]))
        g_value = float(up.grad_W[l - 1][i, j])
        old, new = self._W(l, i, j), Sym("W'", l, (i, j), float(up.weights[l - 1][i, j]))
        if self._frozen(l, ("w", i, j)) or not self.net.layers[l - 1].mask[i, j]:
            return Explanation(new, "frozen_update", old, new.value)
        if cfg.regularization != "none" and cfg.regularization_rate > 0:
            lam = Sym("lambda", None, (), cfg.regularization_rate)
            penalty = times(lam, old) if cfg.regularization == "l2" else times(
                lam, Call("sign", (old,)))
            g_exp = Explanation(Sym("g", l, (i, j), g_value), "total_gradient",
                                plus(data, penalty), g_value, function=cfg.regularization)
            return self._update(old, new, g_exp.target, (g_exp,))
        return self._update(old, new, data, ())

    def bias_update(self, l: int, i: int) -> Explanation:
        self._check(l, i)
        up = self.c.update
        old, new = self._b(l, i), Sym("b'", l, (i,), float(up.biases[l - 1][i]))
        if self._frozen(l, ("b", i)):
            return Explanation(new, "frozen_update", old, new.value)
        return self._update(old, new, Sym("dL/db", l, (i,), float(self.bk.db[l - 1][i])), ())

    def _frozen(self, l: int, which: tuple) -> bool:
        layer = self.net.layers[l - 1]
        if which[0] == "w":
            return not layer.trainable_weights[which[1], which[2]]
        return not layer.trainable_biases[which[1]]

    def _update(self, old: Sym, new: Sym, g: Sym, steps: tuple) -> Explanation:
        """The optimizer's first step from rest (v₀ = m₀ = s₀ = 0, t = 1), with numbers."""
        cfg = self.c.update.config
        eta = Sym("eta", None, (), cfg.learning_rate)
        ref = (old.layer, old.index)
        if cfg.method == "sgd":
            return Explanation(new, "sgd_update", minus(old, times(eta, g)), new.value,
                               function="sgd", steps=steps)
        if cfg.method == "momentum":
            mu = Sym("mu", None, (), cfg.momentum)
            v0 = Sym("v0", *ref, 0.0)
            v_formula = minus(times(mu, v0), times(eta, g))
            v = Explanation(Sym("v", *ref, evaluate(v_formula)), "momentum_velocity",
                            v_formula, evaluate(v_formula))
            return Explanation(new, "momentum_update", plus(old, v.target), new.value,
                               function="momentum", steps=steps + (v,))
        b1, b2 = Sym("beta1", None, (), cfg.beta1), Sym("beta2", None, (), cfg.beta2)
        m0, s0 = Sym("m0", *ref, 0.0), Sym("s0", *ref, 0.0)
        m_f = plus(times(b1, m0), times(_one_minus(b1), g))
        s_f = plus(times(b2, s0), times(_one_minus(b2), Pow(g, 2.0)))
        m = Explanation(Sym("m", *ref, evaluate(m_f)), "adam_m", m_f, evaluate(m_f))
        s = Explanation(Sym("s", *ref, evaluate(s_f)), "adam_s", s_f, evaluate(s_f))
        mh_f = Quot(m.target, _one_minus(Pow(b1, 1.0)))          # 1 − β₁ᵗ with t = 1
        sh_f = Quot(s.target, _one_minus(Pow(b2, 1.0)))
        mh = Explanation(Sym("mhat", *ref, evaluate(mh_f)), "adam_mhat", mh_f, evaluate(mh_f))
        sh = Explanation(Sym("shat", *ref, evaluate(sh_f)), "adam_shat", sh_f, evaluate(sh_f))
        eps = Sym("eps", None, (), cfg.epsilon)
        step = Quot(times(eta, mh.target), plus(Call("sqrt", (sh.target,)), eps))
        return Explanation(new, "adam_update", minus(old, step), new.value, function="adam",
                           steps=steps + (m, s, mh, sh))
