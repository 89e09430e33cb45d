"""The training panel: Play/Pause, step, reset; learning rate and the other training settings;
epoch counter and elapsed time; accuracy / confusion matrix or R² / RMSE; divergence message.

Settings are undoable commands (SetSettings); learning rate, optimizer, batch size and stop
rules are picked up by a running training without pausing it. Metrics are computed from the
network on the current split (a few hundred points) at most five times a second.
"""
from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGridLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSpinBox, QStyle, QVBoxLayout, QWidget)

from core.optim import LIMITS as OPTIMIZER_LIMITS
from core.errors import EngineError

from .. import structure_edits
from ..commands import SetSettings
from ..data_commands import current_split
from ..divergence_text import divergence_text
from ..formatting import format_number, parse_number
from ..full_text_tip import show_full_text_in_tooltip
from ..plots import colors
from ..widgets import (INVALID_STYLE, LiveLabel, NumberEdit, activation_label, blocked_signals,
                       loss_short_label, row_of)
from ..engine_text import error_text

LEARNING_RATES = ("0.00001", "0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10")
HIDDEN_ACTIVATIONS = ("relu", "tanh", "sigmoid", "linear", "leaky_relu")
OUTPUT_CHOICES = {
    "binary": (("tanh", "half_squared_error"), ("sigmoid", "binary_cross_entropy"),
               ("sigmoid", "half_squared_error"), ("linear", "half_squared_error")),
    "multiclass": (("softmax", "softmax_cross_entropy"),),
    "regression": (("linear", "half_squared_error"), ("tanh", "half_squared_error")),
}
"""(output activation, loss) pairs offered per kind of data; TF Playground's is the first."""
METRICS_INTERVAL_MS = 200
COUNTER_INTERVAL = 0.1
"""Seconds between two updates of the epoch counter and the clock while training (≤ 10 Hz: a
label whose text changes relayouts its panel; at 60 frames a second that was ~100 ms of GUI
time a second). A pause or a stop shows the exact last values at once."""


def can_train(doc) -> bool:
    """Is there something to train on: training points and input features that fit?"""
    split, features = current_split(doc), doc.project.features
    return (split is not None and len(split[0]) > 0 and bool(features)
            and len(features) == doc.network.input_size)


def _elapsed(seconds: float) -> str:
    m, s = divmod(max(0.0, seconds), 60.0)
    return f"{int(m)}:{s:04.1f}"


class TrainingPanel(QWidget):
    def __init__(self, doc, controller, parent=None):
        super().__init__(parent)
        self.doc, self.controller = doc, controller
        style = self.style()
        self._icons = (style.standardIcon(QStyle.SP_MediaPlay), style.standardIcon(QStyle.SP_MediaPause))
        self.play_button = QPushButton()
        self.play_button.clicked.connect(controller.toggle)
        self.play_button.setToolTip(self.tr("Train continuously on the data set; again to pause (Ctrl+Return)"))
        self.step_button = QPushButton(self.tr("Step one epoch"))
        self.step_button.clicked.connect(controller.step_epoch)
        self.step_button.setToolTip(self.tr("Train exactly one epoch: every training point once (Ctrl+E)"))
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Back to the same initial weights; clears the history"))
        self.reset_button.clicked.connect(lambda: controller.reset_weights())
        self.reinit_button = QPushButton(self.tr("Re-initialise"))
        self.reinit_button.setToolTip(self.tr("New random initial weights (a new seed)"))
        self.reinit_button.clicked.connect(lambda: controller.reset_weights(new_seed=True))
        buttons = QGridLayout()
        for k, b in enumerate((self.play_button, self.step_button, self.reset_button, self.reinit_button)):
            buttons.addWidget(b, k // 2, k % 2)
        self.epoch_label = LiveLabel()
        self.epoch_label.setStyleSheet("font-size: 15px; font-weight: bold;")  # scaled: presentation
        self.time_label = LiveLabel()
        counter = QHBoxLayout()
        counter.addWidget(self.epoch_label, 1)
        counter.addWidget(self.time_label)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        self.speed_combo = self._combo((("slow", self.tr("Slow")), ("medium", self.tr("Medium")),
                                        ("fast", self.tr("Fast"))), controller.set_speed)
        self.learning_rate_combo = QComboBox(editable=True)
        self.learning_rate_combo.setInsertPolicy(QComboBox.NoInsert)
        self.learning_rate_combo.addItems(LEARNING_RATES)
        self.learning_rate_combo.lineEdit().returnPressed.connect(self._commit_learning_rate)
        self.learning_rate_combo.lineEdit().editingFinished.connect(self._commit_learning_rate)
        self.learning_rate_combo.textActivated.connect(lambda _t: self._commit_learning_rate())
        self.batch_spin = self._spin(0, 500, self.tr("full"),
                                     lambda v: self._settings(self.tr("Batch size"), batch_size=v))
        self.optimizer_combo = self._combo((("sgd", self.tr("SGD")), ("momentum", self.tr("Momentum")),
                                            ("adam", self.tr("Adam"))), self._set_method)
        self.regularization_combo = self._combo(
            (("none", self.tr("None")), ("l1", self.tr("L1")), ("l2", self.tr("L2"))),
            lambda v: self._optimizer(self.tr("Regularization"), regularization=v))
        self.reg_rate_edit = NumberEdit(0.0, check=lambda v: None if v >= 0 else
                                        self.tr("The rate must be 0 or more."))
        self.reg_rate_edit.setAccessibleName(self.tr("Regularization rate"))
        self.reg_rate_edit.committed.connect(
            lambda v: self._optimizer(self.tr("Regularization rate"), regularization_rate=v))
        # the optimizer's own constants; core's OptimizerConfig says which values it takes
        self.momentum_edit = self._optimizer_edit("momentum", self.tr("Momentum μ"),
                                                  self.tr("Momentum μ: the share of the last step kept (0 ≤ μ < 1)"))
        self.beta1_edit = self._optimizer_edit("beta1", self.tr("Adam β₁"),
                                               self.tr("Adam β₁: decay of the gradient average (0 ≤ β₁ < 1)"))
        self.beta2_edit = self._optimizer_edit("beta2", self.tr("Adam β₂"),
                                               self.tr("Adam β₂: decay of the squared-gradient average (0 ≤ β₂ < 1)"))
        self.epsilon_edit = self._optimizer_edit("epsilon", self.tr("Adam ε"),
                                                 self.tr("Adam ε: added to the denominator so it is never 0"))
        self.momentum_label = QLabel(self.tr("μ"))
        self.adam_label = QLabel(self.tr("β₁, β₂, ε"))
        self.activation_combo = self._combo(tuple((a, activation_label(a)) for a in HIDDEN_ACTIVATIONS),
                                            self._set_hidden_activation)
        self.activation_combo.setPlaceholderText(self.tr("mixed"))   # layers that differ
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)       # never cut in a narrow dock
        self.output_combo = QComboBox()
        self.output_combo.setToolTip(self.tr("The output neurons' activation and the loss trained on"))
        show_full_text_in_tooltip(self.output_combo)      # its text can be cut (presentation)
        self.output_combo.activated.connect(
            lambda i: self._set_output(tuple(self.output_combo.itemData(i).split("|"))))
        self.init_combo = self._combo((("xavier", self.tr("Xavier")), ("he", self.tr("He")),
                                       ("uniform", self.tr("Uniform ±0.5"))),
                                      lambda v: self._settings(self.tr("Weight initialisation"), init=v))
        self.init_combo.setToolTip(self.tr("How the initial random weights are drawn (Xavier, He, …); "
                                           "used by Reset and Re-initialise"))
        self.init_seed_spin = self._spin(0, 2**31 - 1, None,
                                         lambda v: self._settings(self.tr("Initialisation seed"), init_seed=v))
        self.max_epochs_spin = self._spin(0, 10_000_000, self.tr("off"), lambda v: self._settings(
            self.tr("Stop after epochs"), max_epochs=v or None))
        self.target_loss_edit = QLineEdit()
        self.target_loss_edit.setPlaceholderText(self.tr("off"))
        self.target_loss_edit.editingFinished.connect(self._commit_target_loss)
        self.batch_spin.setWhatsThis(self.tr(
            "<b>Batch size</b><p>How many training points each update averages its gradient over. "
            "1 is stochastic gradient descent: many small, noisy steps per epoch. \"full\" (0) is "
            "batch gradient descent: one exact step per epoch. In between is mini-batch gradient "
            "descent, the usual choice. An epoch is one pass over every training point, whatever "
            "the batch size.</p>"))
        self.learning_rate_combo.setWhatsThis(self.tr(
            "<b>Learning rate η</b><p>Each update moves every weight by −η·∂L/∂w. Too small and the "
            "loss falls slowly; too large and it jumps about or diverges (the run then stops and "
            "says so). Pick a value or type your own.</p>"))
        for w, tip in ((self.speed_combo, self.tr("Slow: one step a frame; Medium: one epoch a frame; Fast: as many as fit")),
                       (self.learning_rate_combo, self.tr("The learning rate η: each update is w ← w − η·∂L/∂w")),
                       (self.batch_spin, self.tr("Points per update (full: the whole training set, batch gradient descent)")),
                       (self.optimizer_combo, self.tr("How the gradient becomes an update: plain SGD, with momentum, or Adam")),
                       (self.regularization_combo, self.tr("A penalty on large weights added to the loss")),
                       (self.reg_rate_edit, self.tr("The regularization rate λ (0 or more): how strongly "
                                                    "large weights are penalised")),
                       (self.activation_combo, self.tr("The activation of every hidden layer")),
                       (self.init_seed_spin, self.tr("The random seed of the initial weights")),
                       (self.max_epochs_spin, self.tr("Stop training when this epoch is reached (off: never)")),
                       (self.target_loss_edit, self.tr("Stop training when the training loss is this low (empty: never)"))):
            w.setToolTip(tip)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)   # narrow (presentation mode): field under label
        form.addRow(self.tr("Speed"), self.speed_combo)
        form.addRow(self.tr("Learning rate"), self.learning_rate_combo)
        form.addRow(self.tr("Batch size"), self.batch_spin)
        form.addRow(self.tr("Optimizer"), row_of(self.optimizer_combo, self.momentum_label,
                                                 self.momentum_edit, stretch=0))
        self.adam_row = row_of(self.beta1_edit, self.beta2_edit, self.epsilon_edit)
        form.addRow(self.adam_label, self.adam_row)
        self._form = form
        form.addRow(self.tr("Regularization"), row_of(self.regularization_combo, self.reg_rate_edit, stretch=1))
        form.addRow(self.tr("Hidden activation"), self.activation_combo)
        form.addRow(self.tr("Weight init"), row_of(self.init_combo, self.init_seed_spin, stretch=1))
        form.addRow(self.tr("Stop at epoch"), self.max_epochs_spin)
        form.addRow(self.tr("Stop at loss"), self.target_loss_edit)
        form.addRow(self.tr("Problem"), self.problem_label)
        form.addRow(self.tr("Output, loss"), self.output_combo)
        self.metrics_label = LiveLabel()
        self.metrics_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addLayout(counter)
        layout.addWidget(self.message_label)
        layout.addLayout(form)
        layout.addWidget(self.metrics_label)
        layout.addStretch(1)

        self._metrics_at = float("-inf")
        self._counter_at = float("-inf")
        self._metrics_timer = QTimer(self, singleShot=True, interval=METRICS_INTERVAL_MS)
        self._metrics_timer.timeout.connect(self.update_metrics)
        doc.changed.connect(self._on_changed)
        doc.derived.updated.connect(self._on_derived)      # (a bound method: disconnected
        # when the panel goes; a lambda would outlive it and be called on a deleted widget)
        doc.derived.want("metrics")
        controller.running_changed.connect(self._on_running)
        controller.finished.connect(self._on_finished)
        self._on_running(controller.running)
        self.refresh()
        self.update_metrics()

    # ------------------------------------------------------------ construction helpers
    def _combo(self, items, slot) -> QComboBox:
        c = QComboBox()
        for key, text in items:
            c.addItem(text, key)
        c.activated.connect(lambda i: slot(c.itemData(i)))
        return c

    def _spin(self, lo, hi, special, slot) -> QSpinBox:
        s = QSpinBox(minimum=lo, maximum=hi)
        s.setKeyboardTracking(False)
        if special:
            s.setSpecialValueText(special)
        s.valueChanged.connect(slot)
        return s

    # ------------------------------------------------------------ view → model
    def _settings(self, text: str, **fields) -> None:
        p = self.doc.project
        if all(getattr(p, k) == v for k, v in fields.items()):
            return
        cmd = SetSettings(self.doc, text, initiator=self, **fields)
        if isinstance(cmd.new, EngineError):        # refused by the document's rules
            self.doc.error.emit(str(cmd.new))
            self.refresh()
            return
        self.doc.undo_stack.push(cmd)

    def _optimizer(self, text: str, **changes) -> None:
        try:
            cfg = replace(self.doc.project.optimizer, **changes)
        except EngineError as exc:
            self.doc.error.emit(error_text(exc))
            self.refresh()
            return
        self._settings(text, optimizer=cfg)

    def _optimizer_edit(self, field: str, name: str, tip: str) -> NumberEdit:
        """An edit for one optimizer constant, refused (red, with core's reason) unless
        OptimizerConfig accepts it."""
        def check(v):
            try:
                replace(self.doc.project.optimizer, **{field: v})
            except EngineError as exc:
                return error_text(exc)
            return None
        edit = NumberEdit(getattr(self.doc.project.optimizer, field), check=check)
        edit.setAccessibleName(name)
        edit.setToolTip(tip)
        edit.committed.connect(lambda v: self._optimizer(name, **{field: v}))
        return edit

    def _set_method(self, method: str) -> None:
        self._optimizer(self.tr("Optimizer"), method=method)

    def _commit_learning_rate(self) -> bool:
        """Take the typed/selected learning rate: refused (red border) unless a number > 0."""
        edit = self.learning_rate_combo.lineEdit()
        try:
            value = parse_number(edit.text())
            hi = OPTIMIZER_LIMITS["learning_rate"][1]
            reason = ("" if 0 < value <= hi else
                      self.tr("The learning rate must be greater than 0 and at most %1.")
                      .replace("%1", format_number(hi)))
        except ValueError:
            value, reason = None, self.tr("“%1” is not a number.").replace("%1", edit.text().strip())
        edit.setStyleSheet(INVALID_STYLE if reason else "")
        edit.setToolTip(reason)
        self.learning_rate_combo.setProperty("invalid", bool(reason))
        if reason:
            return False
        if value != self.doc.project.optimizer.learning_rate:
            self._optimizer(self.tr("Learning rate %1").replace("%1", format_number(value)),
                            learning_rate=value)
        return True

    def _commit_target_loss(self) -> None:
        edit, text = self.target_loss_edit, self.target_loss_edit.text().strip()
        try:
            value = None if not text else parse_number(text)
            reason = "" if value is None or value >= 0 else self.tr("The loss must be 0 or more.")
        except ValueError:
            value, reason = None, self.tr("“%1” is not a number.").replace("%1", text)
        edit.setStyleSheet(INVALID_STYLE if reason else "")
        edit.setToolTip(reason)
        if not reason:
            self._settings(self.tr("Stop at loss"), target_loss=value)

    def _set_output(self, choice) -> None:
        """Output activation and loss together: one undo step, one change."""
        act, loss = choice
        if (self.doc.network.layers[-1].activation, self.doc.project.loss) == (act, loss):
            return
        self.controller.pause()
        structure_edits.set_output(self.doc, act, loss, self.tr("Output: %1").replace(
            "%1", self.output_combo.currentText()))

    def _set_hidden_activation(self, name: str) -> None:
        net = self.doc.network
        layers = [l for l in range(1, net.depth) if net.layer(l).activation != name]
        if not layers:
            return
        self.controller.pause()          # the run goes on the stack before the edit
        structure_edits.set_activations(self.doc, layers, name, self.tr("Hidden activation: %1")
                                        .replace("%1", activation_label(name)))

    # ------------------------------------------------------------ model → view
    def _on_changed(self, change) -> None:
        if change.frame is not None or change.history:
            self._on_frame()
            if change.frame_only:
                return
        if not change.training:
            self.refresh()

    def refresh(self) -> None:
        p = self.doc.project
        cfg = p.optimizer
        net = p.network
        widgets = (self.learning_rate_combo, self.batch_spin, self.optimizer_combo,
                   self.regularization_combo, self.activation_combo, self.init_combo,
                   self.init_seed_spin, self.max_epochs_spin, self.speed_combo)
        with blocked_signals(*widgets):
            lr_edit = self.learning_rate_combo.lineEdit()
            if not lr_edit.hasFocus() or not lr_edit.isModified():
                lr = next((t for t in LEARNING_RATES if float(t) == cfg.learning_rate),
                          format_number(cfg.learning_rate, 12))
                self.learning_rate_combo.setCurrentIndex(self.learning_rate_combo.findText(lr))
                self.learning_rate_combo.setEditText(lr)
                lr_edit.setStyleSheet("")
            self.batch_spin.setValue(min(int(p.batch_size), 500))
            for combo, key in ((self.optimizer_combo, cfg.method),
                               (self.regularization_combo, cfg.regularization),
                               (self.init_combo, p.init), (self.speed_combo, self.controller.speed)):
                combo.setCurrentIndex(combo.findData(key))
            hidden = {layer.activation for layer in net.layers[:-1]}
            self.activation_combo.setEnabled(bool(hidden))
            self.activation_combo.setCurrentIndex(
                self.activation_combo.findData(hidden.pop()) if len(hidden) == 1 else -1)
            self.init_seed_spin.setValue(int(p.init_seed) % 2**31)
            self.max_epochs_spin.setValue(int(p.max_epochs or 0))
        self.reg_rate_edit.set_value(cfg.regularization_rate)
        for edit, field in ((self.momentum_edit, "momentum"), (self.beta1_edit, "beta1"),
                            (self.beta2_edit, "beta2"), (self.epsilon_edit, "epsilon")):
            edit.set_value(getattr(cfg, field))
        momentum, adam = cfg.method == "momentum", cfg.method == "adam"
        self.momentum_edit.setVisible(momentum)
        self.momentum_label.setVisible(momentum)
        # a lesson that hides the optimizer fields keeps this row hidden (playground/controls.py)
        self._form.setRowVisible(self.adam_row, adam and not getattr(self.adam_row, "row_hidden", False))
        self.reg_rate_edit.setEnabled(cfg.regularization != "none")
        if not self.target_loss_edit.hasFocus():
            self.target_loss_edit.setText("" if p.target_loss is None else format_number(p.target_loss))
            self.target_loss_edit.setStyleSheet("")
        split = current_split(self.doc)
        if split is None:
            self.problem_label.setText(self.tr("no data"))
        elif split[0].kind == "regression":
            self.problem_label.setText(self.tr("regression"))
        else:
            self.problem_label.setText(self.tr("classification, %1 classes")
                                       .replace("%1", str(split[0].n_classes)))
        self._refresh_outputs(split[0].kind if split is not None else None)
        self._update_counter()
        self._enable_buttons()

    def _refresh_outputs(self, kind) -> None:
        """The output/loss pairs that suit the data (the current one selected)."""
        current = (self.doc.network.layers[-1].activation, self.doc.project.loss)
        choices = list(OUTPUT_CHOICES.get(kind, ()))
        if current not in choices:
            choices.insert(0, current)
        with blocked_signals(self.output_combo):
            self.output_combo.clear()
            for act, loss in choices:
                self.output_combo.addItem(self.tr("%1 · %2").replace("%1", activation_label(act))
                                          .replace("%2", loss_short_label(loss)), f"{act}|{loss}")
            self.output_combo.setCurrentIndex(choices.index(current))
        self.output_combo.setEnabled(len(choices) > 1)

    def _on_running(self, running: bool) -> None:
        self.play_button.setText(self.tr("Pause") if running else self.tr("Play"))
        self.play_button.setIcon(self._icons[1 if running else 0])
        if running:
            self.message_label.hide()
        else:
            self._update_counter()          # the exact values the run stopped at
        self._enable_buttons()

    def _enable_buttons(self) -> None:
        """Play/Pause only when there is data to train on (or a run to pause); one epoch never
        while running."""
        running, ok = self.controller.running, can_train(self.doc)
        self.play_button.setEnabled(running or ok)
        self.step_button.setEnabled(ok and not running)

    def _on_frame(self, _frame=None) -> None:
        now = time.perf_counter()
        if not self.controller.running or now - self._counter_at >= COUNTER_INTERVAL:
            self._counter_at = now
            self._update_counter()

    def _on_finished(self, reason: str, detail: str) -> None:
        texts = {
            "diverged": divergence_text(detail),
            "max_epochs": self.tr("Stopped at epoch %1, the “Stop at epoch” limit. Raise the "
                                  "limit (or set it to off) to train on.").replace(
                "%1", f"{int(self.doc.project.max_epochs or 0):,}"),
            "target_loss": self.tr("Stopped: the training loss reached the target."),
        }
        if reason not in texts:
            return
        colour = "#c62828" if reason == "diverged" else "#2e7d32"
        self.message_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.message_label.setText(texts[reason])
        self.message_label.show()

    def _epoch_text(self) -> str:
        return self.tr("Epoch %1").replace("%1", f"{int(self.controller.history.last_epoch):,}")

    def _update_counter(self) -> None:
        self.epoch_label.setText(self._epoch_text())
        self.time_label.setText(_elapsed(self.controller.elapsed))

    def status_text(self) -> str:
        """'Epoch 12 · 0:03.2' for the status bar (the current values)."""
        return self.tr("%1 · %2").replace("%1", self._epoch_text()).replace(
            "%2", _elapsed(self.controller.elapsed))

    # ------------------------------------------------------------ metrics
    def _on_derived(self, _frame_only: bool) -> None:
        self._schedule_metrics()

    def _schedule_metrics(self) -> None:
        """At most every METRICS_INTERVAL_MS: while training in the frame handler itself
        (the next frame comes within ~17 ms), otherwise from a short timer after the edit."""
        due = time.perf_counter() - self._metrics_at >= METRICS_INTERVAL_MS / 1000
        if self.controller.running and due:
            self.update_metrics()
        elif not self._metrics_timer.isActive():
            self._metrics_timer.start()

    def update_metrics(self) -> None:
        self._metrics_timer.stop()
        self._metrics_at = time.perf_counter()
        self.metrics_label.setText(self.metrics_html())

    def metrics_html(self) -> str:
        """Accuracy + confusion matrices (classification) or R² / RMSE (regression), as the
        Document's DerivedData has them (from the frames, or computed once after an edit)."""
        metrics = self.doc.derived.metrics
        split = current_split(self.doc)
        if metrics is None or split is None:
            return ""
        parts = []
        for title, m, data in zip((self.tr("Train"), self.tr("Test")), metrics, split):
            if m is None or m.n == 0:
                continue
            if m.r2 is not None or m.rmse is not None:
                parts.append(self.tr("<b>%1</b>: R² %2, RMSE %3").replace("%1", title)
                             .replace("%2", format_number(m.r2, 3)).replace("%3", format_number(m.rmse, 3))
                             + "<br>")
                continue
            parts.append(self.tr("<b>%1</b>: accuracy %2 %").replace("%1", title).replace(
                "%2", format_number(100 * m.accuracy, 4))
                + _matrix_html(m.confusion, data.kind, self.tr("true \\ predicted")))
        return "".join(parts)


def _swatch(label: float, kind: str) -> str:
    return f"<span style='color:{colors.class_colour(label, kind).name()}'>■</span>&nbsp;"


def _matrix_html(cm, kind: str, corner: str) -> str:
    """The confusion matrix; each class number carries its colour on the plot."""
    labels = [-1.0, 1.0] if kind == "binary" else [float(c) for c in range(cm.shape[0])]
    names = [_swatch(v, kind) + ("−1" if v < 0 else "+1" if kind == "binary" else str(int(v)))
             for v in labels]
    head = "".join(f"<th>{n}</th>" for n in names)
    rows = "".join(
        f"<tr><th>{names[i]}</th>" + "".join(
            f"<td align='right' style='background:{'#e3f2e1' if i == j else '#ffffff'}'>{v}</td>"
            for j, v in enumerate(row)) + "</tr>" for i, row in enumerate(cm.tolist()))
    return (f"<table cellspacing='0' cellpadding='2' style='border:1px solid #bbb; margin:2px 0 6px 0'>"
            f"<tr><th style='color:#666; font-weight:normal'>{corner}</th>{head}</tr>{rows}</table>")
