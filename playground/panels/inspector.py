"""The inspector: edit the selected neuron or link, and read its numbers as far as the step got.

Values the step cursor has not reached yet show "—". Every edit is a command on the undo
stack; a weight or bias typed several times while the field keeps focus is one undo step.
"""
from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QLabel, QVBoxLayout,
                               QWidget)

from core.activations import ACTIVATION_NAMES, get_activation

from ..canvas.input_image import image_side
from ..commands import SetParameter, SetSample
from ..formatting import format_number
from ..structure_edits import set_activation, set_link_enabled
from ..widgets import (NumberEdit, activation_label, arg, blocked_signals, pairing_message,
                       symbol_html, symbol_text)

FORWARD_COLOR = "#1565c0"    # the step panel's colours: forward values,
BACKWARD_COLOR = "#c62828"   # gradients,
UPDATE_COLOR = "#2e7d32"     # updated parameters


class InspectorPanel(QWidget):
    """Shows and edits ``selection.ref``: ("neuron", layer, i), ("link", l, i, j) or None."""

    def __init__(self, doc, selection, parent=None):
        super().__init__(parent)
        self.doc, self.selection = doc, selection
        self.ref = None
        self._editors: list[tuple[NumberEdit, callable]] = []    # (editor, read model value)
        self._values: list[tuple] = []      # (label, read cursor value, colour, tip while "—")
        self._param_ref = None                                   # ("W", …)/("b", …) edited here
        self.activation_combo: QComboBox | None = None
        self.link_check: QCheckBox | None = None
        self._body: QWidget | None = None
        self.hint: QLabel | None = None
        self._stale = False
        self._probe = None              # a ref built only to measure the tallest form
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addStretch(1)
        doc.changed.connect(self._on_changed)
        selection.changed.connect(self.rebuild)
        self.rebuild()

    # ------------------------------------------------------------ building
    def _valid_ref(self):
        r, sizes = self._probe or self.selection.ref, self.doc.network.sizes
        if r is None:
            return None
        if r[0] == "neuron" and 0 <= r[1] < len(sizes) and 0 <= r[2] < sizes[r[1]]:
            return r
        if (r[0] == "link" and 1 <= r[1] < len(sizes) and 0 <= r[2] < sizes[r[1]]
                and 0 <= r[3] < sizes[r[1] - 1]):
            return r
        return None

    def rebuild(self, *_args, commit_pending: bool = True) -> None:
        """Recreate the form for the current selection (selection or structure changed).

        A half-typed value is committed first when the selection moves on; after a structure
        change it is dropped (the parameter it was typed for may no longer exist)."""
        for edit, _ in self._editors:
            if commit_pending and edit.is_edited():
                edit.commit()
            edit.commit_on_focus_out = False
        if self._body is not None:
            self._body.hide()
            self._body.deleteLater()
        self._editors, self._values = [], []
        self._param_ref, self.activation_combo, self.link_check, self.hint = None, None, None, None
        self.ref = ref = self._valid_ref()
        self._body = QWidget(self)
        form = QFormLayout(self._body)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        if ref is None:
            hint = self.hint = QLabel(self.tr("Select a neuron or a link on the canvas."))
            hint.setWordWrap(True)
            hint.setStyleSheet("color: palette(placeholder-text);")
            form.addRow(hint)
        elif ref[0] == "link":
            self._build_link(form, *ref[1:])
        elif ref[1] == 0:
            self._build_input(form, ref[2])
        else:
            self._build_neuron(form, ref[1], ref[2])
        self.layout().insertWidget(0, self._body)
        self._refresh_values()
        if self._probe is None and (self._sized_for != self.doc.network.sizes):
            self._steady_height()

    _sized_for = None

    def _steady_height(self) -> None:
        """The panel keeps the height of its tallest form (a neuron's, with every value row),
        so the dock does not jump as the selection changes between links, neurons and none."""
        self._sized_for = list(self.doc.network.sizes)
        tallest = self._body.minimumSizeHint().height()
        for probe in (("neuron", self.doc.network.depth, 0), ("neuron", 1, 0), ("link", 1, 0, 0)):
            self._probe = probe
            try:
                self.rebuild(commit_pending=False)
                tallest = max(tallest, self._body.minimumSizeHint().height())
            finally:
                self._probe = None
        m = self.layout().contentsMargins()
        self.setMinimumHeight(tallest + m.top() + m.bottom())
        self.rebuild(commit_pending=False)

    def _title(self, form, title: str, subtitle: str = "") -> None:
        label = QLabel(f"<b>{title}</b>" + (f"<br><small>{subtitle}</small>" if subtitle else ""))
        label.setTextFormat(Qt.RichText)
        label.setWordWrap(True)
        form.addRow(label)

    def _editor(self, form, html: str, name: str, read, on_commit, tip: str = "") -> NumberEdit:
        edit = NumberEdit(read(), self._body)
        edit.setAccessibleName(name)
        edit.setToolTip(tip)
        edit.committed.connect(lambda v: on_commit(v, edit.session))
        edit.invalid.connect(self.doc.error)
        form.addRow(self._label(html), edit)
        self._editors.append((edit, read))
        return edit

    def _value_row(self, form, key: str, html: str, color: str, read, pending: str) -> None:
        value = QLabel("—", self._body)
        value.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        value.setTextInteractionFlags(Qt.TextSelectableByMouse)
        form.addRow(self._label(html), value)
        value.setObjectName(key)
        self._values.append((value, read, color, pending))

    def _label(self, html: str) -> QLabel:
        label = QLabel(html, self._body)
        label.setTextFormat(Qt.RichText)
        return label

    def _build_link(self, form, l: int, i: int, j: int) -> None:
        layer = self.doc.network.layer(l)
        w = symbol_html("W", l, i, j)
        self._title(form, arg(self.tr("Link %1"), w),
                    arg(self.tr("from neuron %1 of layer %2 to neuron %3 of layer %4"),
                        j + 1, l - 1, i + 1, l))
        self._param_ref = ("W", l, i, j)
        edit = self._editor(form, arg(self.tr("Weight %1"), w), symbol_text("W", l, i, j),
                            lambda: float(self.doc.network.layer(l).weights[i, j]),
                            lambda v, s: self._set_param(("W", l, i, j), v, s),
                            arg(self.tr("The weight %1 multiplies the output of neuron %2 of layer %3 "
                                        "in z of neuron %4 of layer %5; type a number and press Enter "
                                        "(the step starts again)"),
                                symbol_text("W", l, i, j), j + 1, l - 1, i + 1, l))
        enabled = bool(layer.mask[i, j])
        edit.setEnabled(enabled)
        self.link_check = QCheckBox(self.tr("Link enabled"), self._body)
        self.link_check.setChecked(enabled)
        self.link_check.setToolTip(self.tr("Untick to cut this link: a disabled link has weight 0 and "
                                           "is never trained; tick it again to restore it."))
        self.link_check.toggled.connect(lambda on: self._set_link(l, i, j, on))
        form.addRow("", self.link_check)
        back = arg(self.tr("Shown once the backward pass reaches layer %1."), l)
        self._value_row(form, "dL/dW", "∂L/∂" + w, BACKWARD_COLOR,
                        lambda c: c.backward_trace.dW[l - 1][i, j] if c.shows_backward(l) else None,
                        back)
        self._value_row(form, "W'", arg(self.tr("Updated %1"), symbol_html("W′", l, i, j)), UPDATE_COLOR,
                        lambda c: c.update.weights[l - 1][i, j] if c.shows_update() else None,
                        self.tr("Shown once the update is reached."))

    def _build_input(self, form, j: int) -> None:
        feats = self.doc.project.features
        sub = arg(self.tr("feature %1"), html.escape(feats[j])) if feats and j < len(feats) else ""
        side = image_side(self.doc.project)
        if side:
            r, c = divmod(j, side)
            sub = (self.tr("pixel in row %1, column %2 of the %3×%3 image")
                   .replace("%1", str(r + 1)).replace("%2", str(c + 1)).replace("%3", str(side)))
        self._title(form, arg(self.tr("Input neuron %1"), j + 1), sub)
        self._editor(form, arg(self.tr("Input %1"), symbol_html("x", None, j)), symbol_text("x", None, j),
                     lambda: float(self.doc.project.sample_x[j]),
                     lambda v, _s: self._set_sample("x", j, v),
                     arg(self.tr("The sample's input %1, held by this input neuron (any finite number); "
                                 "changing it starts the step again"), symbol_text("x", None, j)))

    def _build_neuron(self, form, l: int, i: int) -> None:
        net = self.doc.network
        output = l == net.depth
        title = self.tr("Output neuron %1 (layer %2)") if output else self.tr("Hidden neuron %1 (layer %2)")
        self._title(form, arg(title, i + 1, l))
        self._param_ref = ("b", l, i)
        self._editor(form, arg(self.tr("Bias %1"), symbol_html("b", l, i)), symbol_text("b", l, i),
                     lambda: float(self.doc.network.layer(l).biases[i]),
                     lambda v, s: self._set_param(("b", l, i), v, s),
                     arg(self.tr("The bias %1 is added to this neuron's weighted sum z; type a number "
                                 "and press Enter (the step starts again)"), symbol_text("b", l, i)))
        combo = self.activation_combo = QComboBox(self._body)
        for name in ACTIVATION_NAMES:
            if output or not get_activation(name).output_only:
                combo.addItem(activation_label(name), name)
        combo.setCurrentIndex(combo.findData(net.layer(l).activation))
        combo.setToolTip(arg(self.tr("The activation function a = f(z) of every neuron of layer %1; "
                                     "changing it recomputes the step"), l))
        combo.currentIndexChanged.connect(lambda _k: self._set_activation(l))
        form.addRow(arg(self.tr("Activation (layer %1)"), l), combo)
        if output:
            self._editor(form, arg(self.tr("Target %1"), symbol_html("y", None, i)), symbol_text("y", None, i),
                         lambda: float(self.doc.project.sample_y[i]),
                         lambda v, _s: self._set_sample("y", i, v),
                         arg(self.tr("The target %1 this output should reach for the sample; the loss "
                                     "measures how far a is from it"), symbol_text("y", None, i)))
        fwd = arg(self.tr("Shown once the forward pass reaches layer %1."), l)
        back = arg(self.tr("Shown once the backward pass reaches layer %1."), l)
        k = l - 1
        self._value_row(form, "z", symbol_html("z", l, i), FORWARD_COLOR,
                        lambda c: c.forward_trace.z[k][0, i] if c.shows_forward(l) else None, fwd)
        self._value_row(form, "a", symbol_html("a", l, i), FORWARD_COLOR,
                        lambda c: c.forward_trace.a[k][0, i] if c.shows_forward(l) else None, fwd)
        self._value_row(form, "delta", symbol_html("δ", l, i), BACKWARD_COLOR,
                        lambda c: c.backward_trace.delta[k][0, i] if c.shows_backward(l) else None, back)
        self._value_row(form, "dL/db", "∂L/∂" + symbol_html("b", l, i), BACKWARD_COLOR,
                        lambda c: c.backward_trace.db[k][i] if c.shows_backward(l) else None, back)
        self._value_row(form, "b'", arg(self.tr("Updated %1"), symbol_html("b′", l, i)), UPDATE_COLOR,
                        lambda c: c.update.biases[k][i] if c.shows_update() else None,
                        self.tr("Shown once the update is reached."))

    def shown_values(self) -> dict[str, str]:
        """The read-only numbers as shown, by key (z, a, delta, dL/db, b', dL/dW, W')."""
        return {label.objectName(): re.sub(r"<[^>]+>", "", label.text())
                for label, *_ in self._values}

    def editors(self) -> list[NumberEdit]:
        """The number fields of the current form, top to bottom."""
        return [edit for edit, _ in self._editors]

    # ------------------------------------------------------------ model → view
    def _on_changed(self, change) -> None:
        if change.frame_only:
            return
        if change.structure or change.document:
            self.rebuild(commit_pending=False)
            return
        if change.training and not self.isVisible():
            self._stale = True      # nobody sees it: catch up when shown (see showEvent)
            return
        mine = change.initiator is self
        touches = (change.sample or change.config
                   or (change.params and (not change.refs or self._param_ref in change.refs)))
        if touches and not mine:
            self._refresh_editors()
        self._refresh_values()      # derived numbers change even after this panel's own edit

    def showEvent(self, event):                 # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._refresh_editors()
            self._refresh_values()

    def _refresh_editors(self) -> None:
        for edit, read in self._editors:
            edit.set_value(read())

    def _refresh_values(self) -> None:
        cursor = self.doc.cursor if self._values else None
        for label, read, color, pending in self._values:
            v = read(cursor) if cursor is not None else None
            if v is None:
                label.setText("—")
                label.setToolTip(pending)
            else:
                label.setText(f'<span style="color:{color}">{format_number(v)}</span>')
                label.setToolTip(format_number(v, 12))

    # ------------------------------------------------------------ view → model (commands only)
    def _set_param(self, ref: tuple, value: float, session: int) -> None:
        self.doc.undo_stack.push(SetParameter(self.doc, ref, value, initiator=self,
                                              merge_key=("inspector", id(self), ref, session)))

    def _set_sample(self, which: str, index: int, value: float) -> None:
        x, y = self.doc.project.sample_x.copy(), self.doc.project.sample_y.copy()
        (x if which == "x" else y)[index] = value
        self.doc.undo_stack.push(SetSample(self.doc, x, y, initiator=self))

    def _set_link(self, l: int, i: int, j: int, on: bool) -> None:
        if not set_link_enabled(self.doc, l, i, j, on):
            with blocked_signals(self.link_check):
                self.link_check.setChecked(not on)

    def _set_activation(self, l: int) -> None:
        combo, net = self.activation_combo, self.doc.network
        name, old = combo.currentData(), net.layer(l).activation
        if name == old:
            return
        message = pairing_message(self.doc.project.loss, name, changing_loss=False) if l == net.depth else ""
        if message or not set_activation(self.doc, l, name):
            if message:
                self.doc.error.emit(message)
            with blocked_signals(combo):
                combo.setCurrentIndex(combo.findData(old))
