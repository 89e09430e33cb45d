"""Render the engine's structured explanations as rich text (HTML for QLabel/QTextBrowser).

Indices are shown 1-based, layers as superscripts, as in the source articles: W²₁,₂ is the
weight from neuron 2 of layer 1 to neuron 1 of layer 2.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.explain import Explanation, Sym

from .formatting import format_number


def tr(text: str) -> str:
    # lupdate files a bare tr("…") of a module in the empty context: look it up there
    return QCoreApplication.translate("", text)


FORWARD_COLOR = "#1565c0"    # values of the forward pass
BACKWARD_COLOR = "#c62828"   # gradients of the backward pass
UPDATE_COLOR = "#2e7d32"     # updated parameters

_BASE = {"x": "x", "y": "y", "z": "z", "a": "a", "W": "W", "b": "b", "delta": "δ",
         "f'": "f′", "eta": "η", "lambda": "λ", "L": "L", "W'": "W′", "b'": "b′",
         "reg": "λ·r", "dL/da": "∂L/∂a", "dL/dW": "∂L/∂W", "dL/db": "∂L/∂b"}

_GRADIENT_NAMES = {"delta", "dL/da", "dL/dW", "dL/db", "reg"}
_UPDATE_NAMES = {"W'", "b'"}


def symbol_html(sym: Sym) -> str:
    base = _BASE.get(sym.name, sym.name)
    sup = f"<sup>{sym.layer}</sup>" if sym.layer is not None else ""
    sub = f"<sub>{','.join(str(i + 1) for i in sym.index)}</sub>" if sym.index else ""
    if sym.name in ("dL/dW", "dL/db", "dL/da"):
        return f"{base}{sup}{sub}"
    if sym.name == "f'":
        return f"f′(z{sup}{sub})"
    return f"{base}{sup}{sub}"


def _color(sym: Sym) -> str:
    if sym.name in _GRADIENT_NAMES:
        return BACKWARD_COLOR
    if sym.name in _UPDATE_NAMES:
        return UPDATE_COLOR
    return FORWARD_COLOR


def value_html(value: float, digits: int, color: str | None = None, paren: bool = True) -> str:
    """A number; negative operands get parentheses (``paren``) so "× (−0.674)" reads right."""
    text = format_number(value, digits)
    if paren and value is not None and value < 0:
        text = f"({text})"
    return f'<span style="color:{color}">{text}</span>' if color else text


def _product(factors, fn, sep: str) -> str:
    return sep.join(fn(f) for f in factors)


def _sum(terms, fn, sep: str = " × ") -> str:
    out = []
    for k, t in enumerate(terms):
        body = _product(t.factors, fn, sep)
        if k == 0:
            out.append(("−" if t.sign < 0 else "") + body)
        else:
            out.append((" − " if t.sign < 0 else " + ") + body)
    return "".join(out)


_ACT = {"linear": "{}", "relu": "max(0, {})", "leaky_relu": "leaky_relu({})", "tanh": "tanh({})",
        "sigmoid": "σ({})", "softmax": "softmax({})"}


def explanation_lines(e: Explanation, digits: int = 6) -> tuple[str, str, str]:
    """(title, symbolic line, numeric line) as HTML fragments."""
    sym = lambda s: symbol_html(s)                                    # noqa: E731
    num = lambda s: value_html(s.value, digits, _color(s))           # noqa: E731
    result = value_html(e.result, digits, _color(e.target), paren=False)
    target = symbol_html(e.target)
    r = e.rule
    if r == "weighted_sum":
        title = tr("Weighted sum: z = Σ w·a + b")
        return title, f"{target} = {_sum(e.terms, sym, '·')}", f"= {_sum(e.terms, num)} = {result}"
    if r == "activation":
        f = _ACT.get(e.function, e.function + "({})")
        z = e.terms[0].factors[0]
        title = tr("Activation: a = f(z)")
        bare = value_html(z.value, digits, _color(z), paren=False)    # tanh(−0.17), not tanh((−0.17))
        return title, f"{target} = {f.format(sym(z))}", f"= {f.format(bare)} = {result}"
    if r == "loss":
        if e.function == "half_squared_error":
            sym_terms = " + ".join(f"({sym(a)} − {sym(y)})²" for a, y in (t.factors for t in e.terms))
            num_terms = " + ".join(f"({num(a)} − {num(y)})²" for a, y in (t.factors for t in e.terms))
            return tr("Loss: half squared error"), f"L = ½·[{sym_terms}]", f"= ½·[{num_terms}] = {result}"
        if e.function == "binary_cross_entropy":
            s = " + ".join(f"{sym(y)}·ln {sym(a)} + (1 − {sym(y)})·ln(1 − {sym(a)})"
                           for a, y in (t.factors for t in e.terms))
            n = " + ".join(f"{num(y)}·ln {num(a)} + (1 − {num(y)})·ln(1 − {num(a)})"
                           for a, y in (t.factors for t in e.terms))
            return tr("Loss: binary cross-entropy"), f"L = −[{s}]", f"= −[{n}] = {result}"
        s = " + ".join(f"{sym(y)}·ln {sym(a)}" for a, y in (t.factors for t in e.terms))
        n = " + ".join(f"{num(y)}·ln {num(a)}" for a, y in (t.factors for t in e.terms))
        return tr("Loss: softmax cross-entropy"), f"L = −[{s}]", f"= −[{n}] = {result}"
    if r == "loss_gradient":
        return (tr("Loss gradient at the output"), f"{target} = {_sum(e.terms, sym)}",
                f"= {_sum(e.terms, num)} = {result}")
    if r == "output_delta":
        (t,) = e.terms
        g, fp = t.factors
        return (tr("Output δ: chain rule δ = ∂L/∂a · f′(z)"),
                f"{target} = {sym(g)} · {sym(fp)}", f"= {num(g)} × {num(fp)} = {result}")
    if r == "output_delta_fused":
        return (tr("Output δ: for this loss and output, δ = a − y"),
                f"{target} = {_sum(e.terms, sym)}", f"= {_sum(e.terms, num)} = {result}")
    if r == "softmax_delta":
        return (tr("Output δ through softmax: δᵢ = aᵢ·(gᵢ − Σₖ aₖ gₖ), g = ∂L/∂a"),
                f"{target} = {sym(e.terms[0].factors[0])}·(g − Σₖ aₖgₖ)",
                f"= {result}")
    if r == "hidden_delta":
        m = e.multiplier
        return (tr("Hidden δ: chain rule δ = (Σ w·δ_next) · f′(z)"),
                f"{target} = ({_sum(e.terms, sym, '·')}) · {sym(m)}",
                f"= ({_sum(e.terms, num)}) × {num(m)} = {result}")
    if r == "weight_gradient":
        if not e.terms:
            return tr("Weight gradient (link disabled)"), f"{target} = 0", f"= {result}"
        d, a = e.terms[0].factors
        return (tr("Weight gradient: ∂L/∂w = ∂L/∂z · ∂z/∂w = δ · a_prev"),
                f"{target} = {sym(d)} · {sym(a)}", f"= {num(d)} × {num(a)} = {result}")
    if r == "bias_gradient":
        d = e.terms[0].factors[0]
        return tr("Bias gradient: ∂L/∂b = δ"), f"{target} = {sym(d)}", f"= {result}"
    if r in ("weight_update", "bias_update"):
        title = (tr("Gradient descent: w′ = w − η·∂L/∂w") if r == "weight_update"
                 else tr("Gradient descent: b′ = b − η·∂L/∂b"))
        if e.function not in (None, "sgd"):
            title += " " + tr("(first step of %1)").replace("%1", e.function)
        return title, f"{target} = {_sum(e.terms, sym, '·')}", f"= {_sum(e.terms, num)} = {result}"
    return r, target, f"= {result}"


def explanation_html(e: Explanation, digits: int = 6) -> str:
    title, symbolic, numeric = explanation_lines(e, digits)
    return (f'<p style="margin:0 0 2px 0"><b>{title}</b></p>'
            f'<p style="margin:0 0 0 12px">{symbolic}</p>'
            f'<p style="margin:0 0 10px 12px">{numeric}</p>')
