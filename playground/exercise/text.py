"""Exercise texts as rich text: the prompt, a verdict with the likeliest mistake, hints.

Mistakes are ``core.exercise_diagnosis.Mistake`` records (a code and its parameters); their
templates are listed with the engine's messages (``engine_text.TEMPLATES``, context
EngineMessages), so the window fills the translated template with the symbols rendered in the
app's notation (δ²₁, f′(z²₁)) and the numbers in its number format.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QObject

from core.formula import Call, Sym
from core.messages import Message

from .. import engine_text
from ..formatting import format_number
from ..math_text import explanation_html, explanation_lines, formula_html, symbol_html, title_of

RIGHT_COLOR, WRONG_COLOR = "#2e7d32", "#c62828"


def node_html(node, digits: int = 6) -> str:
    return symbol_html(node) if isinstance(node, Sym) else formula_html(node, digits)


def mistake_html(m, digits: int = 6) -> str:
    """The mistake's message in the window's language, with symbols in the app's notation."""
    template = engine_text.TEMPLATES.get(m.code) or m.message().template
    text = QCoreApplication.translate(engine_text.CONTEXT, template)
    rule = (m.rule or "").replace(" - ", " − ").replace("(-", "(−")
    params = {"asked": symbol_html(m.asked),
              "factor": node_html(m.factor, digits) if m.factor is not None else "",
              "value": format_number(m.value, digits) if m.value is not None else "",
              "rule": escape(rule)}
    return Message(m.code, template, **params).render(escape(text, quote=False))


class ExerciseText(QObject):
    """Renders what the exercise panel shows (a QObject for its tr() context)."""

    def __init__(self, digits: int = 6, parent=None):
        super().__init__(parent)
        self.digits = digits

    def prompt(self, target: Sym) -> str:
        return self.tr("Predict %1 = ?").replace("%1", symbol_html(target))

    def verdict(self, v) -> str:
        t = symbol_html(v.explanation.target)
        value, guess = format_number(v.value, self.digits), format_number(v.guess, self.digits)
        if v.correct:
            head = (self.tr("Right: %1 = %2 (you predicted %3).")
                    .replace("%1", t).replace("%2", value).replace("%3", guess))
            out = f'<p style="color:{RIGHT_COLOR}"><b>{head}</b></p>'
        else:
            head = (self.tr("Not quite: %1 = %2; you predicted %3.")
                    .replace("%1", t).replace("%2", value).replace("%3", guess))
            out = f'<p style="color:{WRONG_COLOR}"><b>{head}</b></p>'
            if v.first_wrong is not None:
                out += f"<p>{mistake_html(v.first_wrong, self.digits)}</p>"
        return out + self.derivation(v.explanation)

    def shown(self, a) -> str:
        head = (self.tr("%1 = %2 (shown without a prediction: not scored).")
                .replace("%1", symbol_html(a.explanation.target))
                .replace("%2", format_number(a.value, self.digits)))
        return f"<p><b>{head}</b></p>" + self.derivation(a.explanation)

    def derivation(self, e) -> str:
        return explanation_html(e, self.digits)

    def hint(self, h) -> str:
        """Level 1: each formula with symbols; level 2: with the numbers put in (the steps'
        results too, the asked value's own result not)."""
        e = h.explanation
        head = (self.tr("Hint: the formula") if not h.numbers
                else self.tr("Hint: the formula with the numbers"))
        parts = [f"<p><i>{head}</i></p>"]
        for s in e.steps:
            title, symbolic, numeric = explanation_lines(s, self.digits)
            parts.append(f"<p style='margin:0'><small>{title}</small><br/>{symbolic}"
                         + (f"<br/>{numeric}" if h.numbers and numeric else "") + "</p>")
        f = e.formula
        if isinstance(f, Call) and f.fn == "linear":
            f = f.args[0]
        line = f"{symbol_html(e.target)} = {formula_html(f, self.digits)}"
        if h.numbers and not isinstance(f, Sym):
            line += f"<br/>=\u00a0{formula_html(f, self.digits, numbers=True)}\u00a0= ?"
        parts.append(f"<p style='margin:0'><small>{title_of(e)}</small><br/>{line}</p>")
        return "".join(parts)

    def score(self, right: int, asked: int) -> str:
        return self.tr("Score: %1 right of %2 asked").replace("%1", str(right)).replace("%2", str(asked))
