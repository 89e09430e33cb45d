"""Predict a training outcome, then run it: the dialog for ``core.predictions``.

The learner picks a question (the loss after N epochs with a learning rate; which way the
output moves after this update), chooses an answer, and presses Run and compare: the engine
trains a copy of the network off the GUI thread (progress bar, Cancel) and the dialog says
what happened and whether the prediction was right. The document is never changed.
``answered(question, choice, outcome, correct)`` reports each comparison (for lessons).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDoubleSpinBox, QFormLayout,
                               QHBoxLayout, QLabel, QProgressBar, QPushButton, QRadioButton,
                               QSpinBox, QVBoxLayout)

from core.errors import EngineError
from core.predictions import MAX_EPOCHS, ChoiceQuestion, run_outcome

from ..engine_text import error_text
from ..worker_thread import start_in_thread
from ..formatting import format_number


class _Worker(QObject):
    progress = Signal(float)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, question, project):
        super().__init__()
        self.question, self.project, self.stopped = question, project, False

    def run(self) -> None:
        try:
            out = run_outcome(self.question, self.project, stop=lambda: self.stopped,
                              progress=self.progress.emit)
        except EngineError as exc:
            self.failed.emit(error_text(exc))
            return
        self.done.emit(out)


class TrainingPredictionDialog(QDialog):
    answered = Signal(object, str, object, bool)

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.setObjectName("TrainingPredictionDialog")
        self.setWindowTitle(self.tr("Predict a training outcome"))
        self.doc = doc
        self.right = self.asked = 0
        self._thread = self._worker = None
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("The training loss after some epochs"), "loss_after_epochs")
        self.kind_combo.addItem(self.tr("The output after this update"), "output_after_update")
        self.epochs_spin = QSpinBox()
        self.epochs_spin.setRange(1, MAX_EPOCHS)
        self.epochs_spin.setValue(100)
        self.rate_spin = QDoubleSpinBox()
        self.rate_spin.setDecimals(4)
        self.rate_spin.setRange(0.0001, 100.0)
        self.rate_spin.setValue(doc.project.optimizer.learning_rate)
        self.neuron_spin = QSpinBox()
        self.neuron_spin.setRange(1, doc.network.output_size)
        self.question_label = QLabel()
        self.question_label.setWordWrap(True)
        self.question_label.setObjectName("training_question")
        self.choice_buttons = [QRadioButton() for _ in range(3)]
        self.group = QButtonGroup(self)
        for k, b in enumerate(self.choice_buttons):
            self.group.addButton(b, k)
        self.run_button = QPushButton(self.tr("Run and compare"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.close_button = QPushButton(self.tr("Close"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.result_label = QLabel()
        self.result_label.setObjectName("training_result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.RichText)
        self.result_label.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.score_label = QLabel()
        self.setMinimumWidth(max(460, self.fontMetrics().averageCharWidth() * 64))

        form = QFormLayout()
        form.addRow(self.tr("Question:"), self.kind_combo)
        self.epochs_label, self.rate_label = QLabel(self.tr("Epochs:")), QLabel(self.tr("Learning rate η:"))
        self.neuron_label = QLabel(self.tr("Output neuron:"))
        form.addRow(self.epochs_label, self.epochs_spin)
        form.addRow(self.rate_label, self.rate_spin)
        form.addRow(self.neuron_label, self.neuron_spin)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.question_label)
        for b in self.choice_buttons:
            layout.addWidget(b)
        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addWidget(self.score_label)
        layout.addLayout(row)

        self.kind_combo.currentIndexChanged.connect(lambda _i: self._refresh())
        for spin in (self.epochs_spin, self.rate_spin, self.neuron_spin):
            spin.valueChanged.connect(lambda _v: self._refresh())
        self.group.idToggled.connect(lambda _i, _on: self._refresh_buttons())
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)
        self._refresh()

    # ------------------------------------------------------------ the question
    def question(self) -> ChoiceQuestion:
        kind = self.kind_combo.currentData()
        if kind == "output_after_update":
            return ChoiceQuestion(kind, neuron=self.neuron_spin.value())
        return ChoiceQuestion(kind, epochs=self.epochs_spin.value(),
                              learning_rate=self.rate_spin.value())

    def choice_labels(self, kind: str) -> dict[str, str]:
        if kind == "output_after_update":
            return {"up": self.tr("It goes up"), "down": self.tr("It goes down"),
                    "unchanged": self.tr("It stays the same")}
        return {"lower": self.tr("Lower than now"), "higher": self.tr("Higher than now"),
                "diverges": self.tr("Training diverges (the loss explodes or becomes NaN)")}

    def question_text(self, q: ChoiceQuestion) -> str:
        if q.kind == "output_after_update":
            return self.tr("After this step's update, will the output a%1 for the sample go up, "
                           "go down, or stay the same?").replace("%1", f"<sub>{q.neuron}</sub>")
        return (self.tr("After %1 epochs with learning rate %2, will the training loss be lower "
                        "or higher than now, or will training diverge?")
                .replace("%1", str(q.epochs)).replace("%2", format_number(q.learning_rate)))

    def select(self, choice: str) -> None:
        """Pick the answer ``choice`` (a key of the question's choices), as a click would."""
        keys = list(self.choice_labels(self.question().kind))
        self.choice_buttons[keys.index(choice)].click()

    def chosen(self) -> str | None:
        k = self.group.checkedId()
        return None if k < 0 else list(self.choice_labels(self.question().kind))[k]

    def _refresh(self) -> None:
        q = self.question()
        loss = q.kind == "loss_after_epochs"
        for w in (self.epochs_spin, self.rate_spin, self.epochs_label, self.rate_label):
            w.setVisible(loss)
        self.neuron_spin.setVisible(not loss)
        self.neuron_label.setVisible(not loss)
        self.question_label.setText(self.question_text(q))
        for b, text in zip(self.choice_buttons, self.choice_labels(q.kind).values()):
            b.setText(text)
        self._refresh_buttons()

    def _refresh_buttons(self) -> None:
        running = self._thread is not None
        self.run_button.setEnabled(not running and self.chosen() is not None)
        self.cancel_button.setEnabled(running)
        self.kind_combo.setEnabled(not running)
        self.score_label.setText(self.tr("Training predictions: %1 right of %2")
                                 .replace("%1", str(self.right)).replace("%2", str(self.asked)))

    # ------------------------------------------------------------ running
    def run(self) -> None:
        if self._thread is not None or self.chosen() is None:
            return
        q, choice = self.question(), self.chosen()
        self._pending = (q, choice)
        self.result_label.setText(self.tr("Running…"))
        self.progress.setValue(0)
        if q.kind == "output_after_update":        # one step: immediate
            try:
                self._done(run_outcome(q, self.doc.project))
            except EngineError as exc:
                self._failed(error_text(exc))
            return
        worker = _Worker(q, self.doc.project)
        self._worker = worker
        self._thread = start_in_thread(worker, self, (
            (worker.progress, self._on_progress), (worker.done, self._done),
            (worker.failed, self._failed)))
        self._refresh_buttons()

    def _on_progress(self, fraction: float) -> None:
        self.progress.setValue(int(fraction * 1000))

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.stopped = True

    def _stop_thread(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
            self._worker.deleteLater()
        self._thread = self._worker = None

    def _failed(self, text: str) -> None:
        self._stop_thread()
        self.result_label.setText(text)
        self._refresh_buttons()

    def _done(self, outcome) -> None:
        self._stop_thread()
        q, choice = self._pending
        if outcome is None:
            self.result_label.setText(self.tr("Cancelled: nothing was compared."))
            self._refresh_buttons()
            return
        self.progress.setValue(1000)
        correct = outcome.matches(choice)
        self.asked += 1
        self.right += int(correct)
        self.result_label.setText(self.outcome_text(q, choice, outcome, correct))
        self._refresh_buttons()
        self.adjustSize()
        self.answered.emit(q, choice, outcome, correct)

    def outcome_text(self, q, choice, outcome, correct: bool) -> str:
        labels = self.choice_labels(q.kind)
        if q.kind == "output_after_update":
            what = (self.tr("The output went from %1 to %2.")
                    .replace("%1", format_number(outcome.before)).replace("%2", format_number(outcome.after)))
        elif outcome.choice == "diverges":
            what = (self.tr("Training diverged after %1 epochs: %2.")
                    .replace("%1", format_number(outcome.epochs, 4))
                    .replace("%2", self._divergence(outcome.divergence)))
        else:
            what = (self.tr("The training loss went from %1 to %2 in %3 epochs.")
                    .replace("%1", format_number(outcome.before)).replace("%2", format_number(outcome.after))
                    .replace("%3", format_number(outcome.epochs, 6)))
        verdict = (self.tr("Right: you predicted “%1”.") if correct
                   else self.tr("Not this time: you predicted “%1”, the engine found “%2”."))
        verdict = verdict.replace("%1", labels[choice]).replace("%2", labels[outcome.choice])
        color = "#2e7d32" if correct else "#c62828"
        return f"<p style='color:{color}'><b>{verdict}</b></p><p>{what}</p>"

    def _divergence(self, code: str) -> str:
        return {
            "parameters": self.tr("a weight grew beyond ±1,000,000"),
            "loss_exploded": self.tr("the loss exploded (to more than 1000 times its starting value)"),
            "loss_rose": self.tr("the loss rose above its starting value and stayed there for 10 epochs"),
        }.get(code, self.tr("the loss or a weight became infinite or NaN"))

    def closeEvent(self, event) -> None:       # noqa: N802 (Qt override)
        self.cancel()
        self._stop_thread()
        super().closeEvent(event)
