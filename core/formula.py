"""Formulas as small expression trees whose leaves carry their numbers.

An explanation's arithmetic is one of these trees: the window renders it twice (once with
symbols, once with the numbers) and ``evaluate`` computes it, so what the user reads is
exactly what was computed — a test evaluates every explanation and compares it with its
stated result. Nothing here is display text: functions and symbols are names the window
turns into notation.

Nodes:
    Sym(name, layer, index, value)   a named quantity (see ``core.explain``)
    Num(value)                       a constant (1, ½, the batch size …)
    Sum(terms)                       Σ sign·term, terms are (sign, node) with sign ±1
    Prod(factors)                    Π factors
    Quot(num, den)                   num / den
    Pow(base, exponent)              base^exponent, exponent a plain number
    Call(fn, args)                   a named function: exp, ln, sqrt, sign, softplus,
                                     logsumexp (n args), and the activations by name
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Union

import numpy as np


@dataclass(frozen=True)
class Sym:
    name: str
    layer: int | None
    index: tuple[int, ...]
    value: float


@dataclass(frozen=True)
class Num:
    value: float


@dataclass(frozen=True)
class Sum:
    terms: tuple[tuple[int, "Node"], ...]


@dataclass(frozen=True)
class Prod:
    factors: tuple["Node", ...]


@dataclass(frozen=True)
class Quot:
    num: "Node"
    den: "Node"


@dataclass(frozen=True)
class Pow:
    base: "Node"
    exponent: float


@dataclass(frozen=True)
class Call:
    fn: str
    args: tuple["Node", ...]


Node = Union[Sym, Num, Sum, Prod, Quot, Pow, Call]


def plus(*nodes: "Node") -> Sum:
    return Sum(tuple((1, n) for n in nodes))


def minus(a: "Node", b: "Node") -> Sum:
    return Sum(((1, a), (-1, b)))


def times(*nodes: "Node") -> Prod:
    return Prod(tuple(nodes))


def _softplus(t: float) -> float:
    return max(t, 0.0) + math.log1p(math.exp(-abs(t)))


def _logsumexp(values: list[float]) -> float:
    m = max(values)
    k = values.index(m)
    return m + math.log1p(math.fsum(math.exp(v - m) for j, v in enumerate(values) if j != k))


def _exp(t: float) -> float:
    try:
        return math.exp(t)
    except OverflowError:
        return math.inf


FUNCTIONS = {
    "exp": _exp,
    "ln": lambda t: math.log(t) if t > 0 else (-math.inf if t == 0 else math.nan),
    "sqrt": math.sqrt,
    "sign": lambda t: float(np.sign(t)),
    "softplus": _softplus,
    "linear": lambda t: t,
    "relu": lambda t: t if t > 0 else 0.0,
    "leaky_relu": lambda t: t if t > 0 else 0.01 * t,
    "tanh": math.tanh,
    "sigmoid": lambda t: 1.0 / (1.0 + _exp(-t)),
}
"""One-argument functions; ``logsumexp`` and ``softmax_k`` (the k-th softmax output, k the
first argument as a Num) take several."""


def evaluate(node: Node) -> float:
    """The value of the formula, computed in float64 in the order it is written."""
    if isinstance(node, (Sym, Num)):
        return float(node.value)
    if isinstance(node, Sum):
        total = 0.0
        for k, (sign, term) in enumerate(node.terms):
            v = evaluate(term)
            total = (v if sign > 0 else -v) if k == 0 else (total + v if sign > 0 else total - v)
        return total
    if isinstance(node, Prod):
        out = 1.0
        for k, f in enumerate(node.factors):
            v = evaluate(f)
            out = v if k == 0 else out * v
        return out
    if isinstance(node, Quot):
        num, den = evaluate(node.num), evaluate(node.den)
        if den == 0:
            return math.copysign(math.inf, num) if num else math.nan
        return num / den
    if isinstance(node, Pow):
        return float(evaluate(node.base) ** node.exponent)
    if isinstance(node, Call):
        args = [evaluate(a) for a in node.args]
        if node.fn == "logsumexp":
            return _logsumexp(args)
        if node.fn == "softmax_k":
            k, zs = int(args[0]), args[1:]
            return math.exp(zs[k] - _logsumexp(zs))
        return float(FUNCTIONS[node.fn](args[0]))
    raise TypeError(f"not a formula node: {node!r}")


def magnitude(node: Node) -> float:
    """A bound on the size of the numbers the evaluation adds up: the formula with every sum
    turned into a sum of absolute values. |rounding error| ≲ a few ulps of this."""
    if isinstance(node, (Sym, Num)):
        return abs(float(node.value))
    if isinstance(node, Sum):
        return math.fsum(magnitude(t) for _, t in node.terms)
    if isinstance(node, Prod):
        out = 1.0
        for f in node.factors:
            out *= magnitude(f)
        return out
    if isinstance(node, Quot):
        den = abs(evaluate(node.den))
        return magnitude(node.num) / den if den else math.inf
    if isinstance(node, Pow):
        return float(magnitude(node.base) ** node.exponent)
    return abs(evaluate(node)) + (math.fsum(magnitude(a) for a in node.args)
                                  if node.fn in ("logsumexp", "softplus") else 0.0)


def symbols(node: Node) -> list[Sym]:
    """Every Sym in the formula, in reading order."""
    if isinstance(node, Sym):
        return [node]
    if isinstance(node, Num):
        return []
    if isinstance(node, Sum):
        return [s for _, t in node.terms for s in symbols(t)]
    if isinstance(node, Prod):
        return [s for f in node.factors for s in symbols(f)]
    if isinstance(node, Quot):
        return symbols(node.num) + symbols(node.den)
    if isinstance(node, Pow):
        return symbols(node.base)
    return [s for a in node.args for s in symbols(a)]
