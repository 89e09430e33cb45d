"""Render the engine's explanations as rich text (HTML for QLabel/QTextBrowser).

An explanation's formula is a ``core.formula`` tree; it is rendered twice — with symbols,
then with the numbers — from the same tree the engine evaluates, so the numbers shown
always add up to the result shown. Indices are shown 1-based, layers as superscripts, as in
the source articles: W²₁,₂ is the weight from neuron 2 of layer 1 to neuron 1 of layer 2.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.explain import Explanation
from core.formula import Call, Num, Pow, Prod, Quot, Sum, Sym

from .formatting import format_number


def table_tr(text: str) -> str:
    """A title from the tables below (QT_TRANSLATE_NOOP files them in the MathText context)."""
    return QCoreApplication.translate("MathText", text)


def tr(text: str) -> str:
    # lupdate files a bare tr("…") of a module in the empty context: look it up there
    return QCoreApplication.translate("", text)


FORWARD_COLOR = "#1565c0"    # values of the forward pass
BACKWARD_COLOR = "#c62828"   # gradients of the backward pass
UPDATE_COLOR = "#2e7d32"     # updated parameters

_BASE = {"x": "x", "y": "y", "z": "z", "a": "a", "W": "W", "b": "b", "delta": "δ",
         "f'": "f′", "eta": "η", "lambda": "λ", "mu": "μ", "beta1": "β₁", "beta2": "β₂",
         "eps": "ε", "t": "t", "L": "L", "W'": "W′", "b'": "b′", "a'": "a′", "z'": "z′", "g": "g", "v": "v", "v0": "v₀",
         "m": "m", "m0": "m₀", "s": "s", "s0": "s₀", "mhat": "m̂", "shat": "ŝ",
         "dL/da": "∂L/∂a", "dL/dW": "∂L/∂W", "dL/db": "∂L/∂b"}

_GRADIENT_NAMES = {"delta", "dL/da", "dL/dW", "dL/db", "g", "v", "m", "s", "mhat", "shat"}
_UPDATE_NAMES = {"W'", "b'", "a'", "z'"}

# precedence: a sum binds loosest, then products and quotients, then powers and calls
_SUM, _PROD, _POW, _ATOM = 1, 2, 3, 4


def _index_text(sym: Sym) -> str:
    return ",".join(str(i + 1) for i in sym.index)


def symbol_html(sym: Sym) -> str:
    base = _BASE.get(sym.name, sym.name)
    sup = f"<sup>{sym.layer}</sup>" if sym.layer is not None else ""
    sub = f"<sub>{_index_text(sym)}</sub>" if sym.index else ""
    if sym.name == "f'":
        return f"f′(z{sup}{sub})"
    return f"{base}{sup}{sub}"


def _color(sym: Sym) -> str:
    if sym.name in _GRADIENT_NAMES:
        return BACKWARD_COLOR
    if sym.name in _UPDATE_NAMES:
        return UPDATE_COLOR
    return FORWARD_COLOR


def number_text(value: float, digits: int) -> str:
    if value is not None and math.isinf(value):
        return "−∞" if value < 0 else "∞"
    return format_number(value, digits)


def value_html(value: float, digits: int, color: str | None = None, paren: bool = True) -> str:
    """A number; negative operands get parentheses (``paren``) so "× (−0.674)" reads right."""
    text = number_text(value, digits)
    if paren and value is not None and value < 0:
        text = f"({text})"
    return f'<span style="color:{color}">{text}</span>' if color else text


def _const_text(value: float, digits: int) -> str:
    if value == 0.5:
        return "½"
    return number_text(value, digits)


_FN = {"exp": "exp", "ln": "ln", "sign": "sign", "softplus": "softplus", "linear": "",
       "relu": "max(0, {})", "leaky_relu": "leaky_relu", "tanh": "tanh", "sigmoid": "σ",
       "logsumexp": "logsumexp"}


class _Renderer:
    """One pass over a formula: with symbols (``numbers`` False) or with their values."""

    def __init__(self, numbers: bool, digits: int):
        self.numbers, self.digits = numbers, digits

    def leaf(self, node, top_level_sign: bool) -> tuple[str, int]:
        if isinstance(node, Num):
            text = _const_text(node.value, self.digits)
            return text, (_SUM if node.value < 0 else _ATOM)
        if not self.numbers:
            return symbol_html(node), _ATOM
        neg = node.value is not None and node.value < 0
        text = value_html(node.value, self.digits, _color(node), paren=False)
        return text, (_SUM if neg else _ATOM)

    def render(self, node, parent: int = 0) -> str:
        text, prec = self._render(node)
        return f"({text})" if prec < parent else text

    def _render(self, node) -> tuple[str, int]:
        if isinstance(node, (Sym, Num)):
            return self.leaf(node, False)
        if isinstance(node, Sum):
            out = []
            for k, (sign, term) in enumerate(node.terms):
                body = self.render(term, _PROD if (sign < 0 or k) else _SUM)
                if k == 0:
                    out.append(("−" if sign < 0 else "") + body)
                else:
                    # a narrow dock may wrap only after an operator between terms
                    out.append(("\u00a0− " if sign < 0 else "\u00a0+ ") + body)
            return "".join(out), _SUM
        if isinstance(node, Prod):
            sep = "\u00a0×\u00a0" if self.numbers else "·"     # a product never wraps
            return sep.join(self.render(f, _POW) for f in node.factors), _PROD
        if isinstance(node, Quot):
            return f"{self.render(node.num, _POW)}\u00a0/\u00a0{self.render(node.den, _POW)}", _PROD
        if isinstance(node, Pow):
            e = node.exponent
            exp_text = "2" if e == 2 else format_number(e, self.digits)
            return f"{self.render(node.base, _ATOM)}<sup>{exp_text}</sup>", _POW
        if isinstance(node, Call):
            return self._call(node), _ATOM
        raise TypeError(node)

    def _call(self, node: Call) -> str:
        fn, args = node.fn, node.args
        if fn == "sqrt":
            return f"√({self.render(args[0])})"
        if fn == "softmax_k":
            k = int(args[0].value)
            zs = args[1:]
            return (f"e<sup>{self.render(zs[k])} − logsumexp({', '.join(self.render(z) for z in zs)})</sup>")
        if fn == "exp":
            return f"e<sup>{self.render(args[0])}</sup>"
        name = _FN.get(fn, fn)
        inner = ", ".join(self.render(a) for a in args)
        if "{}" in name:
            return name.format(inner)
        if not name:
            return inner
        return f"{name}({inner})"


def formula_html(node, digits: int = 6, numbers: bool = False) -> str:
    return _Renderer(numbers, digits).render(node)


_TITLES = {
    "weighted_sum": QT_TRANSLATE_NOOP("MathText", "Weighted sum: z = Σ w·a + b"),
    "activation": QT_TRANSLATE_NOOP("MathText", "Activation: a = f(z)"),
    "derivative": QT_TRANSLATE_NOOP("MathText", "Activation derivative f′(z)"),
    "loss_gradient": QT_TRANSLATE_NOOP("MathText", "Loss gradient at the output ∂L/∂a"),
    "output_delta": QT_TRANSLATE_NOOP("MathText", "Output δ: chain rule δ = ∂L/∂a · f′(z)"),
    "output_delta_fused": QT_TRANSLATE_NOOP("MathText", "Output δ: for this loss and output, δ = a − y"),
    "softmax_delta": QT_TRANSLATE_NOOP("MathText", "Output δ through softmax: δᵢ = aᵢ·(gᵢ − Σₖ aₖ gₖ), g = ∂L/∂a"),
    "hidden_delta": QT_TRANSLATE_NOOP("MathText", "Hidden δ: chain rule δ = (Σₖ wₖ·δₖ of the next layer) · f′(z)"),
    "weight_gradient": QT_TRANSLATE_NOOP("MathText", "Weight gradient: ∂L/∂w = ∂L/∂z · ∂z/∂w = δ · a of the previous layer"),
    "bias_gradient": QT_TRANSLATE_NOOP("MathText", "Bias gradient: ∂L/∂b = δ"),
    "total_gradient": QT_TRANSLATE_NOOP("MathText", "Gradient with the regularization term"),
    "sgd_update": QT_TRANSLATE_NOOP("MathText", "Gradient descent: w′ = w − η·g"),
    "momentum_velocity": QT_TRANSLATE_NOOP("MathText", "Momentum: v = μ·v₀ − η·g (first step from rest: v₀ = 0)"),
    "momentum_update": QT_TRANSLATE_NOOP("MathText", "Momentum update: w′ = w + v"),
    "adam_m": QT_TRANSLATE_NOOP("MathText", "Adam, first moment: m = β₁·m₀ + (1 − β₁)·g (first step: m₀ = 0)"),
    "adam_s": QT_TRANSLATE_NOOP("MathText", "Adam, second moment: s = β₂·s₀ + (1 − β₂)·g² (first step: s₀ = 0)"),
    "adam_mhat": QT_TRANSLATE_NOOP("MathText", "Adam, bias correction: m̂ = m / (1 − β₁ᵗ), t = 1"),
    "adam_shat": QT_TRANSLATE_NOOP("MathText", "Adam, bias correction: ŝ = s / (1 − β₂ᵗ), t = 1"),
    "adam_update": QT_TRANSLATE_NOOP("MathText", "Adam update: w′ = w − η·m̂ / (√ŝ + ε)"),
    "frozen_update": QT_TRANSLATE_NOOP("MathText", "Not trainable: the update leaves this parameter unchanged"),
}

_LOSS_TITLES = {
    "half_squared_error": QT_TRANSLATE_NOOP("MathText", "Loss: half squared error ½·Σ(a − y)²"),
    "binary_cross_entropy": QT_TRANSLATE_NOOP("MathText",
                      "Loss: binary cross-entropy −Σ[y·ln a + (1 − y)·ln(1 − a)], computed from z: −ln a = softplus(−z), −ln(1 − a) = softplus(z)"),
    "softmax_cross_entropy": QT_TRANSLATE_NOOP("MathText",
                      "Loss: softmax cross-entropy −Σ y·ln a, computed from z: −ln aₖ = logsumexp(z) − zₖ"),
}

_LOSS_GRADIENT_TITLES = {
    "half_squared_error": QT_TRANSLATE_NOOP("MathText", "Loss gradient at the output: ∂L/∂a = a − y"),
    "binary_cross_entropy": QT_TRANSLATE_NOOP("MathText",
                      "Loss gradient at the output: ∂L/∂a = −y/a + (1 − y)/(1 − a), with 1/a = 1 + e^(−z) and 1/(1 − a) = 1 + e^z"),
    "softmax_cross_entropy": QT_TRANSLATE_NOOP("MathText", "Loss gradient at the output: ∂L/∂a = −y/a, with 1/a = e^(logsumexp(z) − z)"),
}

_DERIVATIVE_TITLES = {
    "sigmoid": QT_TRANSLATE_NOOP("MathText", "Activation derivative: σ′(z) = a·(1 − a)"),
    "tanh": QT_TRANSLATE_NOOP("MathText", "Activation derivative: tanh′(z) = 1 − a²"),
    "relu": QT_TRANSLATE_NOOP("MathText", "Activation derivative: relu′(z) = 1 if z > 0, else 0"),
    "leaky_relu": QT_TRANSLATE_NOOP("MathText", "Activation derivative: leaky_relu′(z) = 1 if z > 0, else 0.01"),
    "linear": QT_TRANSLATE_NOOP("MathText", "Activation derivative: linear′(z) = 1"),
}


def title_of(e: Explanation) -> str:
    r = e.rule
    if r == "loss":
        return table_tr(_LOSS_TITLES.get(e.function, "Loss"))
    if r == "loss_gradient":
        return table_tr(_LOSS_GRADIENT_TITLES.get(e.function, _TITLES[r]))
    if r == "derivative":
        return table_tr(_DERIVATIVE_TITLES.get(e.function, _TITLES[r]))
    if r == "output_delta_fused" and e.function == "softmax_cross_entropy" and isinstance(
            e.formula, Sum) and isinstance(e.formula.terms[0][1], Prod):
        return tr("Output δ: softmax with cross-entropy, δ = a·Σy − y (the targets do not sum to 1)")
    if r == "total_gradient":
        return tr("Gradient with L2 weight decay: g = ∂L/∂w + λ·w") if e.function == "l2" else tr(
            "Gradient with L1 regularization: g = ∂L/∂w + λ·sign(w)")
    if r == "weight_gradient" and isinstance(e.formula, Num):
        return tr("Weight gradient (link disabled)")
    return table_tr(_TITLES.get(r, r))




def explanation_lines(e: Explanation, digits: int = 6) -> tuple[str, str, str]:
    """(title, symbolic line, numeric line) as HTML fragments."""
    target = symbol_html(e.target)
    result = value_html(e.result, digits, _color(e.target), paren=False)
    f = e.formula
    if isinstance(f, Call) and f.fn == "linear":
        f = f.args[0]
    symbolic = f"{target} = {formula_html(f, digits)}"
    if isinstance(f, Num):
        return title_of(e), f"{target} = {result}", ""
    if isinstance(f, Sym):
        numeric = f"= {result}"        # nothing to compute: no "= x = x"
    else:
        numeric = f"=\u00a0{formula_html(f, digits, numbers=True)}\u00a0= {result}"
    return title_of(e), symbolic, numeric


def explanation_html(e: Explanation, digits: int = 6, with_steps: bool = True) -> str:
    parts = []
    if with_steps:
        for step in e.steps:
            parts.append(explanation_html(step, digits, with_steps=True))
    title, symbolic, numeric = explanation_lines(e, digits)
    parts.append(f'<p style="margin:0 0 2px 0; color:#37474f; font-size:small"><b>{title}</b></p>'
                 f'<p style="margin:0 0 0 12px">{symbolic}</p>'
                 + (f'<p style="margin:0 0 10px 12px">{numeric}</p>' if numeric else
                    '<p style="margin:0 0 10px 0"></p>'))
    return "".join(parts)
