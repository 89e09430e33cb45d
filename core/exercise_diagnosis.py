"""Which factor did the learner get wrong? The mistake that best explains a wrong prediction.

``diagnose(explanation, guess, tolerance)`` tries the mistakes people make with a formula, in
reading order (what is computed first comes first), and returns the first whose result matches
the guess:

1. a mistake inside a step the formula uses (``Explanation.steps``: ∂L/∂a, f′(z), the total
   gradient …), carried into this formula — e.g. f′ of a sigmoid taken as a instead of a(1 − a)
   gives "your δ is off: check f′(z) = a·(1 - a)";
2. one edit of the formula itself: a term left out of a sum or added with the wrong sign, a
   factor left out of a product (η, f′, ½ …), the activation not applied (a = z), a square
   not taken;
3. the whole value with the wrong sign;
4. extra alternatives the caller knows (the output computed with the weights before the update).

If none matches, it points at the first step the formula uses (``check_step``) or, for a
formula without steps, asks to recompute it (``recompute``). A ``Mistake`` is data — a code,
the value asked about, the factor concerned and its numbers — and ``message()`` is its
``core.messages.Message``; the window renders the same code in its own language.
"""
from __future__ import annotations

from dataclasses import dataclass

from .activations import ACTIVATIONS
from .explain import Explanation
from .formula import Call, Node, Num, Pow, Prod, Quot, Sum, Sym, evaluate
from .messages import Message as M

TEMPLATES = {
    "exercise.check_step": M("exercise.check_step", "your {asked} is off: check {factor} = {value}"),
    "exercise.derivative": M("exercise.derivative",
                             "your {asked} is off: check {factor} = {rule} = {value}"),
    "exercise.missing_factor": M("exercise.missing_factor",
                                 "your {asked} is off by the factor {factor} = {value}: "
                                 "it belongs in the product"),
    "exercise.missing_term": M("exercise.missing_term",
                               "your {asked} leaves out the term {factor} = {value}"),
    "exercise.term_sign": M("exercise.term_sign",
                            "your {asked} has the term {factor} = {value} with the wrong sign"),
    "exercise.update_sign": M("exercise.update_sign",
                              "your {asked} moves with the gradient: a descent step subtracts "
                              "η·{factor} = {value}"),
    "exercise.no_activation": M("exercise.no_activation",
                                "your {asked} is z itself: apply the activation {rule} to it"),
    "exercise.square": M("exercise.square", "your {asked} is off: square {factor} = {value}"),
    "exercise.sign": M("exercise.sign", "your {asked} has the wrong sign"),
    "exercise.old_weights": M("exercise.old_weights",
                              "your {asked} is the output before the update: compute it again "
                              "with the updated weights W′ and biases b′"),
    "exercise.recompute": M("exercise.recompute",
                            "your {asked} is off: work through its formula again, one product "
                            "at a time"),
}


@dataclass(frozen=True)
class Mistake:
    code: str
    """A key of ``TEMPLATES``."""
    asked: Sym
    """The value the question asked for."""
    factor: Node | None = None
    """The factor, term or step concerned (a formula node the window renders)."""
    value: float | None = None
    """The factor's true value."""
    rule: str | None = None
    """The activation (derivative) formula in plain notation, for derivative/no_activation."""
    function: str | None = None

    def message(self) -> M:
        t = TEMPLATES[self.code]
        return M(self.code, t.template, asked=plain(self.asked),
                 factor=plain(self.factor) if self.factor is not None else "",
                 value=f"{self.value:.6g}" if self.value is not None else "",
                 rule=self.rule or "")

    def __str__(self) -> str:
        return str(self.message())


def plain(node: Node) -> str:
    """A node in plain text (the command line and the English messages)."""
    if isinstance(node, Sym):
        idx = ",".join(str(k + 1) for k in node.index)
        layer = f"[{node.layer}]" if node.layer is not None else ""
        return f"{node.name}{layer}{'_' + idx if idx else ''}"
    if isinstance(node, Num):
        return f"{node.value:g}"
    if isinstance(node, Sum):
        out = ""
        for k, (sign, t) in enumerate(node.terms):
            out += ("-" if sign < 0 else "") if k == 0 else (" - " if sign < 0 else " + ")
            out += plain(t)
        return f"({out})"
    if isinstance(node, Prod):
        return "·".join(plain(f) for f in node.factors)
    if isinstance(node, Quot):
        return f"{plain(node.num)}/{plain(node.den)}"
    if isinstance(node, Pow):
        return f"{plain(node.base)}^{node.exponent:g}"
    return f"{node.fn}({', '.join(plain(a) for a in node.args)})"


# ---------------------------------------------------------------- candidate mistakes
def _edits(node: Node):
    """(code, subject, edited node) for every single edit of ``node``, in reading order."""
    if isinstance(node, Sum):
        terms = node.terms
        for k, (sign, t) in enumerate(terms):
            if len(terms) > 1:
                yield "exercise.missing_term", t, Sum(terms[:k] + terms[k + 1:])
            yield "exercise.term_sign", t, Sum(terms[:k] + ((-sign, t),) + terms[k + 1:])
            for code, subject, new in _edits(t):
                yield code, subject, Sum(terms[:k] + ((sign, new),) + terms[k + 1:])
    elif isinstance(node, Prod):
        fs = node.factors
        for k, f in enumerate(fs):
            if len(fs) > 1:
                yield "exercise.missing_factor", f, Prod(fs[:k] + fs[k + 1:])
            for code, subject, new in _edits(f):
                yield code, subject, Prod(fs[:k] + (new,) + fs[k + 1:])
    elif isinstance(node, Pow):
        if node.exponent == 2.0:
            yield "exercise.square", node.base, node.base
        for code, subject, new in _edits(node.base):
            yield code, subject, Pow(new, node.exponent)
    elif isinstance(node, Quot):
        for code, subject, new in _edits(node.num):
            yield code, subject, Quot(new, node.den)
        for code, subject, new in _edits(node.den):
            yield code, subject, Quot(node.num, new)
    elif isinstance(node, Call) and node.fn in ACTIVATIONS and node.fn != "linear":
        yield "exercise.no_activation", node, node.args[0]


def _derivative_slips(e: Explanation) -> list[float]:
    """Values people get for f′(z) with the wrong formula (a for a(1 − a), 1 − a for 1 − a² …)."""
    syms = [s for s in _syms(e.formula) if s.name == "a"]
    if e.function == "sigmoid" and syms:
        a = syms[0].value
        return [a, 1.0 - a, a * (1.0 + a)]
    if e.function == "tanh" and syms:
        a = syms[0].value
        return [1.0 - a, 1.0 + a * a, a * a]
    if e.function in ("relu", "leaky_relu"):
        return [1.0 - e.result] if e.function == "relu" else []
    return []


def _syms(node):
    from .formula import symbols
    return symbols(node)


def _substitute(node: Node, target: Sym, value: float) -> Node:
    """``node`` with the leaf ``target`` (same name, layer, index) taking ``value``."""
    if isinstance(node, Sym):
        same = (node.name, node.layer, node.index) == (target.name, target.layer, target.index)
        return Sym(node.name, node.layer, node.index, value) if same else node
    if isinstance(node, Sum):
        return Sum(tuple((s, _substitute(t, target, value)) for s, t in node.terms))
    if isinstance(node, Prod):
        return Prod(tuple(_substitute(f, target, value) for f in node.factors))
    if isinstance(node, Quot):
        return Quot(_substitute(node.num, target, value), _substitute(node.den, target, value))
    if isinstance(node, Pow):
        return Pow(_substitute(node.base, target, value), node.exponent)
    if isinstance(node, Call):
        return Call(node.fn, tuple(_substitute(a, target, value) for a in node.args))
    return node


def _step_values(e: Explanation):
    """Wrong values of a step's own result: its derivative slips, its formula's single edits, a
    flipped sign."""
    for v in _derivative_slips(e):
        yield "derivative", v
    for _code, _subject, new in _edits(e.formula):
        yield "edit", _eval(new)
    yield "sign", -e.result


def _eval(node: Node) -> float:
    try:
        return evaluate(node)
    except (ArithmeticError, ValueError):
        return float("nan")


def candidates(e: Explanation, extra: tuple = ()):
    """(Mistake, value the mistake gives) in the order they are tried."""
    asked = e.target
    for s in e.steps:
        act = ACTIVATIONS.get(s.function or "")
        for how, wrong in _step_values(s):
            alt = _eval(_substitute(e.formula, s.target, wrong))
            if how == "derivative" and act is not None:
                yield Mistake("exercise.derivative", asked, s.target, s.result,
                              act.derivative_formula, s.function), alt
            else:
                yield Mistake("exercise.check_step", asked, s.target, s.result,
                              function=s.function), alt
    update = e.rule.endswith("_update")
    for code, subject, new in _edits(e.formula):
        if code == "exercise.term_sign" and update and not isinstance(subject, Sym):
            code = "exercise.update_sign"
            subject = subject.factors[-1] if isinstance(subject, Prod) else subject
        rule = None
        if code == "exercise.no_activation":
            rule = ACTIVATIONS[subject.fn].formula
        yield Mistake(code, asked, subject, _eval(subject), rule, e.function), _eval(new)
    yield Mistake("exercise.sign", asked), -e.result
    for code, value in extra:
        yield Mistake(code, asked), value


def _close(guess: float, value: float, tolerance) -> bool:
    import math
    if not math.isfinite(value):
        return False
    return abs(guess - value) <= max(tolerance.allowed(value), 2e-3 * abs(value), 1e-12)


def diagnose(e: Explanation, guess: float, tolerance, extra: tuple = ()) -> Mistake:
    """The first mistake that gives ``guess`` (not one that gives the true value anyway)."""
    for mistake, value in candidates(e, extra):
        if _close(value, e.result, tolerance):
            continue          # this slip changes nothing here (a factor 1, a term 0)
        if _close(guess, value, tolerance):
            return mistake
    if e.steps:
        s = e.steps[0]
        return Mistake("exercise.check_step", e.target, s.target, s.result, function=s.function)
    return Mistake("exercise.recompute", e.target)
