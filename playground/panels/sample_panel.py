"""The sample being stepped (input x, target y) and the settings of the step: loss and optimizer.

A loss that does not fit the output activation, a learning rate ≤ 0 or text that is not a
number is refused: the widget goes back to (or stays visibly marked against) the model value
and the reason goes to ``doc.error`` and to a line in this panel.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QVBoxLayout, QWidget)

from core.errors import EngineError
from core.losses import LOSS_NAMES
from core.optim import OPTIMIZERS, REGULARIZATIONS

from ..commands import SetSample, SetSettings
from ..widgets import (NumberEdit, arg, blocked_signals, loss_label, loss_short_label,
                       pairing_message, symbol_html, symbol_text)
from ..engine_text import error_text

MAX_EDITS = 32      # inputs / targets with a line edit each; the others through the inspector
PER_ROW = 3       # x / y editors per grid row before wrapping


class SamplePanel(QWidget):
    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.x_edits: list[NumberEdit] = []
        self.y_edits: list[NumberEdit] = []
        self._rows: QWidget | None = None

        self.sample_box = QGroupBox(self.tr("Sample"), self)
        QVBoxLayout(self.sample_box).setContentsMargins(8, 4, 8, 8)

        settings = QGroupBox(self.tr("Loss and optimizer"), self)
        form = QFormLayout(settings)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.loss_combo = QComboBox(settings)
        for name in LOSS_NAMES:
            # the short name fits the closed combo box; the formula is in the tooltip
            self.loss_combo.addItem(loss_short_label(name), name)
            self.loss_combo.setItemData(self.loss_combo.count() - 1, loss_label(name), Qt.ToolTipRole)
        self.loss_combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)   # never clipped
        self.method_combo = QComboBox(settings)
        for name, text in zip(OPTIMIZERS, (self.tr("SGD"), self.tr("Momentum"), self.tr("Adam"))):
            self.method_combo.addItem(text, name)
        self.lr_edit = self._edit(self.tr("Learning rate η"),
                                  lambda v: "" if v > 0 else self.tr("must be greater than 0."))
        self.momentum_edit = self._edit(self.tr("Momentum μ"), lambda v: "" if 0 <= v < 1 else
                                        self.tr("must be at least 0 and below 1."))
        self.reg_combo = QComboBox(settings)
        for name, text in zip(REGULARIZATIONS, (self.tr("None"), self.tr("L1"), self.tr("L2"))):
            self.reg_combo.addItem(text, name)
        self.reg_edit = self._edit(self.tr("Regularization rate λ"), lambda v: "" if v >= 0 else
                                   self.tr("cannot be negative."))
        self.reg_combo.setToolTip(self.tr("A penalty on large weights added to the objective: L1 adds "
                                          "λ·Σ|w|, L2 adds (λ/2)·Σw² (biases are never penalised)"))
        self.loss_combo.setToolTip(self.tr("The loss function L the step computes and differentiates "
                                           "(each item shows its formula); changing it starts the step again"))
        self.method_combo.setToolTip(self.tr("How the gradient becomes an update: SGD w ← w − η·∂L/∂w, "
                                             "Momentum also keeps μ of the last step, Adam scales each step"))
        self.lr_edit.setWhatsThis(self.tr(
            "<b>Learning rate η</b><p>The update step computes w′ = w − η·∂L/∂w for every weight and "
            "b′ = b − η·∂L/∂b for every bias; the derivation shows each of these with its numbers. "
            "Any number above 0 is accepted.</p>"))
        self.lr_edit.setToolTip(self.tr("Learning rate η (> 0): the update moves each weight by "
                                        "−η·∂L/∂w; larger steps learn faster but can overshoot"))
        self.momentum_edit.setToolTip(self.tr("Momentum μ (0 ≤ μ < 1): the share of the previous step "
                                              "added to this one"))
        self.reg_edit.setToolTip(self.tr("Regularization rate λ (≥ 0): how strongly large weights "
                                         "are penalised; 0 switches the penalty off"))
        reg_row = QHBoxLayout()
        reg_row.addWidget(self.reg_combo)
        self.reg_label = QLabel("λ", settings)
        reg_row.addWidget(self.reg_label)
        reg_row.addWidget(self.reg_edit, 1)
        form.addRow(self.tr("Loss"), self.loss_combo)
        form.addRow(self.tr("Optimizer"), self.method_combo)
        form.addRow(self.tr("Learning rate η"), self.lr_edit)
        self.momentum_label = QLabel(self.tr("Momentum μ"), settings)
        form.addRow(self.momentum_label, self.momentum_edit)
        form.addRow(self.tr("Regularization"), reg_row)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.hide()
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 8, 8, 8)
        box.addWidget(self.sample_box)
        box.addWidget(settings)
        box.addWidget(self.message)
        box.addStretch(1)

        self.loss_combo.currentIndexChanged.connect(self._set_loss)
        self.method_combo.currentIndexChanged.connect(
            lambda _k: self._set_optimizer(self.tr("Set optimizer"), method=self.method_combo.currentData()))
        self.reg_combo.currentIndexChanged.connect(
            lambda _k: self._set_optimizer(self.tr("Set regularization"),
                                           regularization=self.reg_combo.currentData()))
        self.lr_edit.committed.connect(
            lambda v: self._set_optimizer(self.tr("Set learning rate"), learning_rate=v))
        self.momentum_edit.committed.connect(
            lambda v: self._set_optimizer(self.tr("Set momentum"), momentum=v))
        self.reg_edit.committed.connect(
            lambda v: self._set_optimizer(self.tr("Set regularization rate"), regularization_rate=v))
        doc.changed.connect(self._on_changed)
        self._build_rows()
        self._refresh_config()

    def _edit(self, name: str, check) -> NumberEdit:
        edit = NumberEdit(0.0, self, check=check)
        edit.setAccessibleName(name)
        edit.setToolTip(name)
        edit.invalid.connect(self._refuse)
        return edit

    # ------------------------------------------------------------ sample rows
    def _build_rows(self) -> None:
        if self._rows is not None:
            for edit in self.x_edits + self.y_edits:
                edit.commit_on_focus_out = False
            self._rows.hide()
            self._rows.deleteLater()
        self._rows = QWidget(self.sample_box)
        grid = QGridLayout(self._rows)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        net, feats = self.doc.network, self.doc.project.features
        row = 0
        self.x_edits, self.y_edits = [], []
        for which, n, edits, title in (("x", net.input_size, self.x_edits, self.tr("Input")),
                                       ("y", net.output_size, self.y_edits, self.tr("Target"))):
            grid.addWidget(QLabel(f"<b>{title}</b>", self._rows), row, 0, 1, 2 * PER_ROW)
            for k in range(min(n, MAX_EDITS)):
                if k % PER_ROW == 0:
                    row += 1
                edit = self._edit(symbol_text(which, None, k), None)
                edit.setToolTip(arg(self.tr("Input %1 of the sample: the value input neuron %2 "
                                            "holds (any finite number); changing it starts the step "
                                            "again"), symbol_text(which, None, k), k + 1)
                                if which == "x" else
                                arg(self.tr("Target %1: the value output neuron %2 should give for "
                                            "this sample; the loss measures the distance to it"),
                                    symbol_text(which, None, k), k + 1))
                edit.committed.connect(lambda v, w=which, k=k: self._set_sample(w, k, v))
                label = QLabel(symbol_html(which, None, k), self._rows)
                label.setTextFormat(Qt.RichText)
                label.setBuddy(edit)
                if which == "x" and feats and k < len(feats):
                    edit.setToolTip(arg(self.tr("Input %1 is the feature %2 of the data point "
                                                "(computed from x₁, x₂ in the training layout)"),
                                        symbol_text(which, None, k), feats[k]))
                col = 2 * (k % PER_ROW)
                grid.addWidget(label, row, col, Qt.AlignRight)
                grid.addWidget(edit, row, col + 1)
                edits.append(edit)
            row += 1
            if n > MAX_EDITS:         # a thousand line edits would take seconds to build
                more = QLabel(arg(self.tr("%1 … %2 (%3 more): select the neuron on the canvas "
                                          "to edit it in the inspector."),
                                  symbol_html(which, None, MAX_EDITS), symbol_html(which, None, n - 1),
                                  f"{n - MAX_EDITS:,}"), self._rows)
                more.setTextFormat(Qt.RichText)
                more.setWordWrap(True)
                grid.addWidget(more, row, 0, 1, 2 * PER_ROW)
                row += 1
        for c in range(min(PER_ROW, max(net.input_size, net.output_size))):
            grid.setColumnStretch(1 + 2 * c, 1)
        self.sample_box.layout().addWidget(self._rows)
        self._refresh_sample()

    def _refresh_sample(self) -> None:
        p = self.doc.project
        for edit, v in zip(self.x_edits, p.sample_x):
            edit.set_value(float(v))
        for edit, v in zip(self.y_edits, p.sample_y):
            edit.set_value(float(v))

    # ------------------------------------------------------------ settings
    def _refresh_config(self) -> None:
        p, cfg = self.doc.project, self.doc.project.optimizer
        combos = (self.loss_combo, self.method_combo, self.reg_combo)
        with blocked_signals(*combos):
            for combo, value in zip(combos, (p.loss, cfg.method, cfg.regularization)):
                combo.setCurrentIndex(combo.findData(value))
        self.lr_edit.set_value(cfg.learning_rate)
        self.momentum_edit.set_value(cfg.momentum)
        self.reg_edit.set_value(cfg.regularization_rate)
        self._update_visibility()

    def _update_visibility(self) -> None:
        cfg = self.doc.project.optimizer
        momentum = cfg.method == "momentum"
        self.momentum_label.setVisible(momentum)
        self.momentum_edit.setVisible(momentum)
        self.reg_edit.setEnabled(cfg.regularization != "none")
        self.reg_label.setEnabled(cfg.regularization != "none")

    # ------------------------------------------------------------ model → view
    def _on_changed(self, change) -> None:
        mine = change.initiator is self
        if change.structure or change.document:
            self._build_rows()
        elif change.sample and not mine:
            self._refresh_sample()
        if change.config or change.document:
            if not mine:
                self._refresh_config()
            self._update_visibility()
        if mine:
            self.message.hide()

    # ------------------------------------------------------------ view → model (commands only)
    def _refuse(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()
        self.doc.error.emit(message)

    def _set_sample(self, which: str, index: int, value: float) -> None:
        x, y = self.doc.project.sample_x.copy(), self.doc.project.sample_y.copy()
        (x if which == "x" else y)[index] = value
        self.doc.undo_stack.push(SetSample(self.doc, x, y, initiator=self))

    def _set_loss(self, _k: int) -> None:
        name = self.loss_combo.currentData()
        message = pairing_message(name, self.doc.network.layers[-1].activation)
        if message:
            self._refuse(message)
            with blocked_signals(self.loss_combo):
                self.loss_combo.setCurrentIndex(self.loss_combo.findData(self.doc.project.loss))
            return
        cmd = SetSettings(self.doc, self.tr("Set loss"), initiator=self, loss=name)
        if isinstance(cmd.new, EngineError):    # e.g. targets the loss is not defined for
            self._refuse(str(cmd.new))
            with blocked_signals(self.loss_combo):
                self.loss_combo.setCurrentIndex(self.loss_combo.findData(self.doc.project.loss))
            return
        self.doc.undo_stack.push(cmd)

    def _set_optimizer(self, text: str, **fields) -> None:
        try:
            cfg = replace(self.doc.project.optimizer, **fields)
        except EngineError as exc:      # the widgets' checks should make this unreachable
            self._refuse(error_text(exc))
            self._refresh_config()
            return
        if cfg != self.doc.project.optimizer:
            self.doc.undo_stack.push(SetSettings(self.doc, text, initiator=self, optimizer=cfg))
