"""The worksheet (core/worksheet.py) as printable pages: HTML for a QTextDocument, written to PDF
with QPdfWriter, in a language of its own (the window may be in the other one).

The learner's sheet shows each row's quantity and formula with a blank box for the value; the
answer key shows the same formula with the numbers put in and the value. Chinese text renders
with the bundled CJK font (playground/fonts.py), which the PDF embeds.
"""
from __future__ import annotations

import html as html_lib

from PySide6.QtCore import QMarginsF, QT_TRANSLATE_NOOP, QTranslator
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from core.formula import Call

from .fonts import with_fallback
from .math_text import formula_html, symbol_html, value_html
from .resources import read_resource

CONTEXT = "Worksheet"
DIGITS = 6
"""Significant digits of the answer key (the derivation panel never shows fewer)."""
POINT_SIZE = 10.0

T = {
    "title": QT_TRANSLATE_NOOP("Worksheet", "Worksheet: one training step by hand"),
    "key": QT_TRANSLATE_NOOP("Worksheet", "Answer key"),
    "name": QT_TRANSLATE_NOOP("Worksheet", "Name"),
    "date": QT_TRANSLATE_NOOP("Worksheet", "Date"),
    "intro": QT_TRANSLATE_NOOP("Worksheet", "Fill in every blank, top to bottom: each row's formula uses the given values and the rows above it. Write values to 6 significant digits."),
    "intro_key": QT_TRANSLATE_NOOP("Worksheet", "Each row's formula with the numbers put in, and its value (6 significant digits), as the step-by-step view computes them."),
    "setup": QT_TRANSLATE_NOOP("Worksheet", "Network %1 · activations %2 · loss %3 · optimizer %4"),
    "given": QT_TRANSLATE_NOOP("Worksheet", "Given"),
    "forward": QT_TRANSLATE_NOOP("Worksheet", "Forward pass"),
    "loss": QT_TRANSLATE_NOOP("Worksheet", "Loss"),
    "backward": QT_TRANSLATE_NOOP("Worksheet", "Backward pass: error signals δ"),
    "gradients": QT_TRANSLATE_NOOP("Worksheet", "Gradients"),
    "update": QT_TRANSLATE_NOOP("Worksheet", "Gradient-descent update"),
    "quantity": QT_TRANSLATE_NOOP("Worksheet", "Quantity"),
    "formula": QT_TRANSLATE_NOOP("Worksheet", "Formula"),
    "working": QT_TRANSLATE_NOOP("Worksheet", "With the numbers"),
    "value": QT_TRANSLATE_NOOP("Worksheet", "Value"),
    "half_squared_error": QT_TRANSLATE_NOOP("Worksheet", "half squared error"),
    "binary_cross_entropy": QT_TRANSLATE_NOOP("Worksheet", "binary cross-entropy"),
    "softmax_cross_entropy": QT_TRANSLATE_NOOP("Worksheet", "softmax cross-entropy"),
    "sgd": QT_TRANSLATE_NOOP("Worksheet", "gradient descent (SGD)"),
    "momentum": QT_TRANSLATE_NOOP("Worksheet", "momentum"),
    "adam": QT_TRANSLATE_NOOP("Worksheet", "Adam"),
    "relu": QT_TRANSLATE_NOOP("Worksheet", "1 if z > 0, else 0"),
    "leaky_relu": QT_TRANSLATE_NOOP("Worksheet", "1 if z > 0, else 0.01"),
}


class Language:
    """Translations of the worksheet's texts into ``language`` ("en" or "zh_CN"), whatever
    language the window is in: a translator of its own, never installed."""

    def __init__(self, language: str):
        self.language = language
        self._translator = None
        if language != "en":
            t = QTranslator()
            data = read_resource("translations", f"playground_{language}.qm")
            if t.load(data):
                t._data = data          # Qt reads the bytes in place: keep them alive
                self._translator = t

    def __call__(self, key: str) -> str:
        text = T[key]
        if self._translator is None:
            return text
        return self._translator.translate(CONTEXT, text) or text


def _formula(e):
    f = e.formula
    return f.args[0] if isinstance(f, Call) and f.fn == "linear" else f


def _esc(text: str) -> str:
    return html_lib.escape(text, quote=False)


STYLE = ("<style>body { font-size: 10pt; } h1 { font-size: 15pt; margin: 0; } "
         "h2 { font-size: 12pt; margin-top: 10px; margin-bottom: 2px; } "
         "td, th { padding: 3px 6px; } th { background: #eceff1; text-align: left; } "
         ".blank { width: 120px; } .small { color: #455a64; font-size: 9pt; }</style>")


def worksheet_html(sheet, language: str = "en", answers: bool = False,
                   title: str = "") -> str:
    """The learner's sheet (``answers`` False: blanks) or the answer key, as HTML."""
    t = Language(language)
    sizes = "–".join(str(n) for n in _sizes(sheet))
    setup = (t("setup").replace("%1", sizes).replace("%2", ", ".join(sheet.activations))
             .replace("%3", t(sheet.loss)).replace("%4", t(sheet.method)))
    head = t("key") if answers else t("title")
    parts = [f"<html><head><meta charset='utf-8'>{STYLE}</head><body>",
             f"<h1>{_esc(head)}</h1>"]
    if title:
        parts.append(f"<p><b>{_esc(title)}</b></p>")
    if not answers:
        parts.append(f"<p>{_esc(t('name'))}: ______________________ &nbsp;&nbsp; "
                     f"{_esc(t('date'))}: ____________</p>")
    parts.append(f"<p class='small'>{_esc(setup)}<br/>{_esc(t('intro_key' if answers else 'intro'))}</p>")
    parts.append(f"<h2>{_esc(t('given'))}</h2>")
    cells = [f"<td>{symbol_html(s)} = {value_html(s.value, DIGITS, paren=False)}</td>"
             for s in sheet.givens]
    per_row = 4
    parts.append("<table border='1' cellspacing='0' cellpadding='3'>")
    for k in range(0, len(cells), per_row):
        parts.append("<tr>" + "".join(cells[k:k + per_row]) + "</tr>")
    parts.append("</table>")
    for section in ("forward", "loss", "backward", "gradients", "update"):
        rows = sheet.section(section)
        if not rows:
            continue
        parts.append(f"<h2>{_esc(t(section))}</h2>")
        parts.append("<table border='1' cellspacing='0' cellpadding='3' width='100%'>")
        third = t("working") if answers else t("value")
        parts.append(f"<tr><th>{_esc(t('quantity'))}</th><th>{_esc(t('formula'))}</th>"
                     f"<th>{_esc(third)}</th>" + (f"<th>{_esc(t('value'))}</th>" if answers else "")
                     + "</tr>")
        for row in rows:
            e = row.explanation
            f = _formula(e)
            sym = symbol_html(e.target)
            symbolic = formula_html(f, DIGITS)
            if e.rule == "derivative" and e.function in ("relu", "leaky_relu"):
                symbolic = _esc(t(e.function))        # the rule, not its value
            if answers:
                numeric = formula_html(f, DIGITS, numbers=True)
                parts.append(f"<tr><td>{sym}</td><td>{symbolic}</td><td>{numeric}</td>"
                             f"<td><b>{value_html(e.result, DIGITS, paren=False)}</b></td></tr>")
            else:
                parts.append(f"<tr><td>{sym}</td><td>{symbolic}</td>"
                             f"<td class='blank' width='30%'>&nbsp;</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)


def _sizes(sheet) -> list[int]:
    n_in = sum(1 for s in sheet.givens if s.name == "x")
    outs = []
    for row in sheet.section("forward"):
        if row.symbol.name == "z":
            layer = row.symbol.layer
            while len(outs) < layer:
                outs.append(0)
            outs[layer - 1] += 1
    return [n_in] + outs


def text_document(html: str, point_size: float = POINT_SIZE) -> QTextDocument:
    doc = QTextDocument()
    font = QFont()
    font.setPointSizeF(point_size)
    doc.setDefaultFont(with_fallback(font))
    doc.setHtml(html)
    return doc


def write_pdf(html: str, path: str, title: str = "") -> None:
    """``html`` as an A4 PDF at ``path`` (fonts embedded). Raises OSError if it cannot be written."""
    writer = QPdfWriter(path)
    writer.setPageSize(QPageSize(QPageSize.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Millimeter)
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("Backprop Playground")
    doc = text_document(html)
    doc.print_(writer)
    del writer                         # the file is complete once the writer is gone
    import os
    if not os.path.isfile(path) or os.path.getsize(path) == 0:
        raise OSError(f"{path} could not be written")
