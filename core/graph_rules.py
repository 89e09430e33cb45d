"""The scalar graph's gates (``core.scalar_graph``): each op's forward rule and its local
derivatives side by side, and the plain formula of each local rule.

Every node holds one number. A gate computes ``out`` from its inputs (forward); given
g = ∂f/∂out from above it sends g · ∂out/∂in_k to each input k (backward). Each op's
forward rule and its local derivatives sit side by side in one ``OpRule`` (``OPS``):

    op       out                      ∂out/∂in_k                         tag
    add      a + b + …                1                                  distribute
    sub      a − b                    1, −1                              distribute, negate
    mul      a·b                      b, a                               swap
    div      a / b                    1/b, −a/b²                         reciprocal, quotient
    neg      −x                       −1                                 negate
    pow      x^p  (p a constant)      p·x^(p−1)                          power
    exp      e^x                      e^x = out                          exp
    log      ln x  (x > 0)            1/x                                log
    max      max(a, b, …)             1 to the largest (first on ties), 0 to the others   route
    min      min(a, b, …)             1 to the smallest (first on ties), 0 to the others  route
    relu     max(0, x)                1 if x > 0 else 0  (relu'(0) = 0)  relu
    sigmoid  1 / (1 + e^(−x))         out·(1 − out)                      sigmoid
    tanh     tanh x                   1 − out²                           tanh
    softplus ln(1 + e^x)              σ(x) = 1 / (1 + e^(−x))            softplus
    logsumexp ln Σ_k e^(x_k)          e^(x_k − out) (the softmax of x_k)  logsumexp

softplus and logsumexp are evaluated in their stable forms (max(x, 0) + ln(1 + e^(−|x|)),
m + ln Σ e^(x_k − m)), so a cross-entropy built from them stays exact for any finite logit.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

from .messages import Message as M


class OutOfDomain(Exception):
    """Raised inside a rule; turned into a GraphError naming the node."""


def _fmt(v: float) -> str:
    return f"{v:.6g}"


# ------------------------------------------------------------------------- the rules
def _div(a: float, b: float) -> float:
    if b == 0.0:
        raise OutOfDomain(M("graph.div_zero", "division by zero ({a} / 0)", a=_fmt(a)))
    return a / b


def _pow(x: float, p: float) -> float:
    if x == 0.0 and p < 0:
        raise OutOfDomain(M("graph.zero_negative_power", "0 raised to a negative power ({p})", p=_fmt(p)))
    if x < 0.0 and p != int(p):
        raise OutOfDomain(M("graph.negative_power", "a negative number ({x}) raised to a non-integer power ({p})",
                         x=_fmt(x), p=_fmt(p)))
    return math.pow(x, p)


def _pow_local(x: float, p: float) -> float:
    if x == 0.0 and p < 1 and p != 0:
        raise OutOfDomain(M("graph.infinite_slope", "the slope of x^{p} is infinite at x = 0", p=_fmt(p)))
    return p * math.pow(x, p - 1.0)


def _log(x: float) -> float:
    if x <= 0.0:
        raise OutOfDomain(M("graph.log", "log of a non-positive value ({x})", x=_fmt(x)))
    return math.log(x)


def _exp(x: float) -> float:
    try:
        return math.exp(x)
    except OverflowError:
        raise OutOfDomain(M("graph.exp", "exp({x}) is too large to represent", x=_fmt(x))) from None


def _sigmoid(x: float) -> float:
    """1 / (1 + e^(−x)); e^(−x) overflowing means the result is 0."""
    try:
        return 1.0 / (1.0 + math.exp(-x))
    except OverflowError:
        return 0.0


def _softplus(x: float) -> float:
    return max(x, 0.0) + math.log1p(math.exp(-abs(x)))


def _logsumexp(v: Sequence[float]) -> float:
    m = max(v)
    k = list(v).index(m)
    return m + math.log1p(math.fsum(math.exp(x - m) for j, x in enumerate(v) if j != k))


def _route(args: Sequence[float], winner: float) -> tuple[float, ...]:
    k = list(args).index(winner)  # the first input holding the winning value
    return tuple(1.0 if j == k else 0.0 for j in range(len(args)))


@dataclass(frozen=True)
class OpRule:
    """One gate: how it computes ``out`` and the local derivative ∂out/∂in_k for each input."""

    op: str
    arity: int
    """Number of inputs; 0 means two or more."""
    forward: Callable[[tuple[float, ...], float | None], float]
    """out from (input values, p); p is the exponent of pow, else None."""
    local: Callable[[tuple[float, ...], float, float | None], tuple[float, ...]]
    """(∂out/∂in_0, ∂out/∂in_1, …) from (input values, out, p)."""
    tags: tuple[str, ...]
    """Symbolic name of each input's local rule (one tag repeats for 2+ inputs)."""

    def tag(self, k: int) -> str:
        return self.tags[min(k, len(self.tags) - 1)]


OPS: dict[str, OpRule] = {rule.op: rule for rule in (
    OpRule("add", 0, lambda v, p: math.fsum(v),
           lambda v, out, p: (1.0,) * len(v), ("distribute",)),
    OpRule("sub", 2, lambda v, p: v[0] - v[1],
           lambda v, out, p: (1.0, -1.0), ("distribute", "negate")),
    OpRule("mul", 2, lambda v, p: v[0] * v[1],
           lambda v, out, p: (v[1], v[0]), ("swap", "swap")),
    OpRule("div", 2, lambda v, p: _div(v[0], v[1]),
           lambda v, out, p: (1.0 / v[1], -(v[0] / v[1]) / v[1]), ("reciprocal", "quotient")),
    OpRule("neg", 1, lambda v, p: -v[0], lambda v, out, p: (-1.0,), ("negate",)),
    OpRule("pow", 1, lambda v, p: _pow(v[0], p),
           lambda v, out, p: (_pow_local(v[0], p),), ("power",)),
    OpRule("exp", 1, lambda v, p: _exp(v[0]), lambda v, out, p: (out,), ("exp",)),
    OpRule("log", 1, lambda v, p: _log(v[0]), lambda v, out, p: (1.0 / v[0],), ("log",)),
    OpRule("max", 0, lambda v, p: max(v), lambda v, out, p: _route(v, out), ("route",)),
    OpRule("min", 0, lambda v, p: min(v), lambda v, out, p: _route(v, out), ("route",)),
    OpRule("relu", 1, lambda v, p: v[0] if v[0] > 0.0 else 0.0,
           lambda v, out, p: (1.0 if v[0] > 0.0 else 0.0,), ("relu",)),
    OpRule("sigmoid", 1, lambda v, p: _sigmoid(v[0]),
           lambda v, out, p: (out * (1.0 - out),), ("sigmoid",)),
    OpRule("tanh", 1, lambda v, p: math.tanh(v[0]),
           lambda v, out, p: (1.0 - out * out,), ("tanh",)),
    OpRule("softplus", 1, lambda v, p: _softplus(v[0]),
           lambda v, out, p: (_sigmoid(v[0]),), ("softplus",)),
    OpRule("logsumexp", 0, lambda v, p: _logsumexp(v),
           lambda v, out, p: tuple(math.exp(x - out) for x in v), ("logsumexp",)),
)}

TAG_FORMULAS: dict[str, str] = {
    "distribute": "1", "negate": "−1", "swap": "the other factor", "reciprocal": "1/b",
    "quotient": "−a/b²", "power": "p·x^(p−1)", "exp": "e^x", "log": "1/x",
    "route": "1 if this input wins else 0", "relu": "1 if x > 0 else 0",
    "sigmoid": "out·(1 − out)", "tanh": "1 − out²",
    "softplus": "σ(x) = 1/(1 + e^(−x))", "logsumexp": "e^(x_k − out)",
}
"""Plain-notation formula of each local-rule tag (a, b: the inputs; x: the only input)."""
