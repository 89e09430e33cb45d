"""Where does this number come from? The selected quantity's formula with its numbers."""
from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QTextBrowser, QVBoxLayout, QWidget

from core.errors import EngineError
from core.explain import Explainer

from ..formatting import format_number
from ..math_text import explanation_html, symbol_html


MAX_OVERVIEW = 60
"""With nothing selected at the update stage, every update is listed up to this many parameters."""
OVERVIEW_TERMS = 800
"""With nothing selected, a stage's overview explains neurons while their terms add up to at
most this many (at least one neuron): a 500-neuron layer of a 784-input digit network would
be 392,000 terms — minutes of work and gigabytes of text. The head says how many are shown."""


def _first_within(costs, limit: int = OVERVIEW_TERMS) -> int:
    """How many of the leading items fit within ``limit`` (at least one)."""
    total = 0
    for k, cost in enumerate(costs):
        total += cost
        if total > limit:
            return max(1, k)
    return len(costs)


class DerivationPanel(QWidget):
    """Shows the explanations for the selected neuron or link, limited to the stages reached.
    With nothing selected, it explains the current stage."""

    def __init__(self, doc, selection, parent=None):
        super().__init__(parent)
        self.doc, self.selection = doc, selection
        self.digits = 6
        self.partial = None
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        font = QFont(self.browser.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.25)
        self.browser.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.browser)
        self.note = QLabel()
        self.note.setObjectName("document_note")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.RichText)
        self.note.setStyleSheet("color: #37474f; background: #eceff1; padding: 4px;")
        self.note.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.note_area = QScrollArea()      # a long note scrolls instead of squeezing the derivation
        self.note_area.setWidget(self.note)
        self.note_area.setWidgetResizable(True)
        self.note_area.setFrameShape(QScrollArea.NoFrame)
        self.note_area.setMaximumHeight(96)
        layout.addWidget(self.note_area)
        self._stale = False
        doc.changed.connect(lambda change: None if change.frame_only else self._refresh_if_shown())
        selection.changed.connect(lambda ref: self._refresh_if_shown())
        self.refresh()

    def _refresh_if_shown(self) -> None:
        """A hidden panel (the training layout) waits until it is shown again: during
        training the Document changes many times a second."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:     # noqa: N802 (Qt override)
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def set_font_scale(self, scale: float) -> None:
        font = QFont(self.browser.font())
        font.setPointSizeF(10.0 * 1.25 * scale)
        self.browser.setFont(font)

    def set_digits(self, digits: int) -> None:
        self.digits = digits
        self.refresh()

    # ------------------------------------------------------------ content
    def explanations(self) -> list:
        """The Explanation records currently shown (for tests and for the HTML)."""
        self.partial = None         # (shown, total, layer) when an overview lists only the first
        c = self.doc.cursor
        if c is None:
            return []
        ex = Explainer(c)
        ref = self.selection.ref
        L = c.network.depth
        out = []
        if ref is None:
            s = c.stage
            net = c.network
            if s.kind == "forward":
                n = net.sizes[s.layer]
                mask = net.layer(s.layer).mask
                k = _first_within([int(mask[i].sum()) + 2 for i in range(n)])
                for i in range(k):
                    out += [ex.z(s.layer, i), ex.a(s.layer, i)]
                self.partial = (k, n, s.layer) if k < n else None
            elif s.kind == "loss":
                out.append(ex.loss())
            elif s.kind == "backward":
                n = net.sizes[s.layer]
                fan = net.sizes[s.layer + 1] + 1 if s.layer < L else 2
                k = _first_within([fan] * n)
                for i in range(k):
                    out.append(ex.delta(s.layer, i))
                self.partial = (k, n, s.layer) if k < n else None
            elif s.kind == "update":
                # an overview of every update, layer by layer (a big network: the output layer's,
                # and the hint says how to see the others)
                net = c.network
                n_params = sum(layer.mask.sum() + layer.n_out for layer in net.layers)
                layers = range(1, L + 1) if n_params <= MAX_OVERVIEW else (L,)
                for l in layers:
                    layer = net.layer(l)
                    k = _first_within([int(layer.mask[i].sum()) + 1 for i in range(layer.n_out)])
                    for i in range(k):
                        out.extend(ex.weight_update(l, i, j) for j in range(layer.n_in)
                                   if layer.mask[i, j])
                        out.append(ex.bias_update(l, i))
                    self.partial = (k, layer.n_out, l) if k < layer.n_out else None
            return out
        if ref[0] == "neuron":
            _, l, i = ref
            if l == 0 or i >= c.network.sizes[l]:
                return []
            if c.shows_forward(l):
                out += [ex.z(l, i), ex.a(l, i)]
            if l == L and c.shows_loss():
                out.append(ex.loss())
            if c.shows_backward(l):
                out += [ex.delta(l, i), ex.bias_gradient(l, i)]
            if c.shows_update():
                out.append(ex.bias_update(l, i))
        elif ref[0] == "link":
            _, l, i, j = ref
            if c.shows_backward(l):
                out.append(ex.weight_gradient(l, i, j))
            if c.shows_update():
                out.append(ex.weight_update(l, i, j))
        return out

    def _hint(self) -> str:
        ref, c = self.selection.ref, self.doc.cursor
        if c is None:
            return self.tr("No step can be computed for this network and sample.")
        if ref is None:
            return self.tr("Step forward to see how each value is computed, or select a neuron or a link.")
        if ref[0] == "neuron" and ref[1] == 0:
            value = float(self.doc.project.sample_x[ref[2]])
            return self.tr("Input %1 = %2 (typed in, nothing to derive).").replace(
                "%1", f"x<sub>{ref[2] + 1}</sub>").replace("%2", format_number(value, self.digits))
        return self.tr("Nothing computed yet for this item: step forward (or backward) to reach it.")

    def refresh(self) -> None:
        self._stale = False
        try:
            items = self.explanations()
        except (EngineError, IndexError):    # a selection the network no longer has
            items = []
        if not items:
            self.browser.setHtml(f"<p>{self._hint()}</p>")
            self._refresh_note()
            return
        html = "".join(explanation_html(e, self.digits) for e in items)
        c = self.doc.cursor
        if self.selection.ref is None and c is not None and c.stage.kind == "update":
            net = c.network
            every = sum(layer.mask.sum() + layer.n_out for layer in net.layers) <= MAX_OVERVIEW
            head = (self.tr("Every update of this step, layer by layer. Select a link or a neuron "
                            "to see only its own.") if every else
                    self.tr("The output layer's updates. Select a link or a neuron to see the "
                            "update of any other parameter."))
            html = f"<p><i>{head}</i></p>" + html
        if self.selection.ref is None and self.partial is not None:
            shown, total, layer = self.partial
            head = (self.tr("The first %1 of the %2 neurons of layer %3 (a big layer). Select a "
                            "neuron or a link on the canvas to see any other.")
                    .replace("%1", str(shown)).replace("%2", f"{total:,}").replace("%3", str(layer)))
            html = f"<p><i>{head}</i></p>" + html
        self.browser.setHtml(html)
        self._refresh_note()

    def _refresh_note(self) -> None:
        """The document's own note (e.g. where the source article's arithmetic slips and what
        the correct numbers are), under the derivation, so it is read beside the numbers."""
        from html import escape
        from ..i18n import current_language
        text = (self.doc.project.text("description", current_language()) or "").strip()
        self.note.setVisible(bool(text))
        self.note_area.setVisible(bool(text))
        title = self.tr("About this document")      # (lupdate cannot see into an f-string)
        self.note.setText(f"<b>{title}</b><br/>{escape(text)}" if text else "")

    def plain_text(self) -> str:
        """What the panel shows (brought up to date first if it was hidden)."""
        if self._stale:
            self.refresh()
        return self.browser.toPlainText().replace("\u00a0", " ")


__all__ = ["DerivationPanel", "symbol_html"]
