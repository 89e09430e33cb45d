"""The exercise panel: predict the next value, check it, get a hint, see the score.

It shows the session's (``session.ExerciseSession``) current question as "Predict δ²₁ = ?",
a number field (Enter checks; after a verdict Enter goes on to the next question), Hint (the
formula, then with its numbers), Show answer (not scored), the verdict with the true value,
its derivation and, when wrong, the factor most likely got wrong, and the running score.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QTextBrowser, QVBoxLayout, QWidget)

from ..formatting import parse_number
from .session import ANSWERED, ASKING, IDLE
from .text import ExerciseText


class ExercisePanel(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("ExercisePanel")
        self.session = session
        self.text = ExerciseText(parent=self)
        self.enable_box = QCheckBox(self.tr("Predict before reveal"))
        self.enable_box.setToolTip(self.tr("Before each step shows its values, type your "
                                           "prediction of each one"))
        self.kinds_combo = QComboBox()
        for kinds, label in self._kind_items():
            self.kinds_combo.addItem(label, kinds)
        self.kinds_combo.setToolTip(self.tr("Which values to predict"))
        self.prompt = QLabel()
        self.prompt.setObjectName("exercise_prompt")
        self.prompt.setTextFormat(Qt.RichText)
        self.prompt.setWordWrap(True)
        self._base_point_size = max(self.font().pointSizeF(), 9.0)
        self.guess_edit = QLineEdit()
        self.guess_edit.setObjectName("exercise_guess")
        self.guess_edit.setPlaceholderText(self.tr("your prediction"))
        self.check_button = QPushButton(self.tr("Check"))
        self.hint_button = QPushButton(self.tr("Hint"))
        self.hint_button.setToolTip(self.tr("First the formula, then the formula with its numbers"))
        self.show_button = QPushButton(self.tr("Show answer"))
        self.show_button.setToolTip(self.tr("Reveal this value without predicting it (not scored)"))
        self.next_button = QPushButton(self.tr("Next"))
        self.feedback = QTextBrowser()
        self.feedback.setObjectName("exercise_feedback")
        self.feedback.setOpenLinks(False)
        self.set_font_scale(1.0)
        self.score_label = QLabel()
        self.score_label.setObjectName("exercise_score")
        self.reset_button = QPushButton(self.tr("Reset score"))
        self.training_button = QPushButton(self.tr("Predict a training outcome…"))
        self.training_button.setToolTip(self.tr("Predict what training will do, then run it"))

        top = QHBoxLayout()
        top.addWidget(self.enable_box)
        top.addWidget(self.kinds_combo, 1)
        entry = QHBoxLayout()
        entry.addWidget(self.guess_edit, 1)
        entry.addWidget(self.check_button)
        buttons = QHBoxLayout()
        for b in (self.hint_button, self.show_button, self.next_button):
            buttons.addWidget(b)
        bottom = QHBoxLayout()
        bottom.addWidget(self.score_label, 1)
        bottom.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.prompt)
        layout.addLayout(entry)
        layout.addLayout(buttons)
        layout.addWidget(self.feedback, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.training_button)

        self.enable_box.toggled.connect(session.set_enabled)
        self.kinds_combo.currentIndexChanged.connect(
            lambda _i: session.set_kinds(self.kinds_combo.currentData()))
        self.guess_edit.returnPressed.connect(self._on_return)
        self.check_button.clicked.connect(self.check)
        self.hint_button.clicked.connect(self._hint)
        self.show_button.clicked.connect(session.skip)
        self.next_button.clicked.connect(session.next_question)
        self.reset_button.clicked.connect(session.reset_score)
        session.question_asked.connect(lambda _q: self.guess_edit.clear())
        session.state_changed.connect(self.refresh)
        session.score_changed.connect(lambda _r, _a: self._refresh_score())
        session.enabled_changed.connect(self._on_enabled)
        self._error = ""
        self.refresh()

    def _kind_items(self):
        return [(None, self.tr("Every value the step shows")), (("z",), self.tr("Every z")),
                (("a",), self.tr("Every a")), (("loss",), self.tr("The loss")),
                (("dL_da",), self.tr("Every ∂L/∂a")), (("delta",), self.tr("Every δ")),
                (("grad_w",), self.tr("Every ∂L/∂w")), (("grad_b",), self.tr("Every ∂L/∂b")),
                (("new_w",), self.tr("Every updated weight")),
                (("new_b",), self.tr("Every updated bias")),
                (("output_after",), self.tr("The output after the update"))]

    def set_font_scale(self, scale: float) -> None:
        """Presentation mode: the prompt and the verdict grow with the rest of the type."""
        base = self._base_point_size
        for w, k in ((self.prompt, 1.4), (self.feedback, 1.2), (self.guess_edit, 1.2)):
            font = QFont(w.font())
            font.setPointSizeF(base * k * scale)
            w.setFont(font)

    def set_digits(self, digits: int) -> None:
        self.text.digits = digits
        self.refresh()

    # ------------------------------------------------------------ actions
    def _on_return(self) -> None:
        if self.session.state == ANSWERED:
            self.session.next_question()
        else:
            self.check()

    def check(self) -> None:
        if self.session.state != ASKING:
            return
        try:
            guess = parse_number(self.guess_edit.text())
        except ValueError:
            self._error = self.tr("Type a number, e.g. 0.25 or −1.5.")
            self.refresh()
            return
        self._error = ""
        self.session.submit(guess)

    def _hint(self) -> None:
        self.session.hint()         # (state_changed redraws the panel with it)

    def _on_enabled(self, on: bool) -> None:
        if self.enable_box.isChecked() != on:
            self.enable_box.setChecked(on)
        self.refresh()

    # ------------------------------------------------------------ state → widgets
    def refresh(self) -> None:
        s = self.session
        state = s.state
        if state == ASKING:
            self.prompt.setText(f"<b>{self.text.prompt(s.target())}</b>")
            h = s.current_hint()
            html = self.text.hint(h) if h is not None else ""
            if self._error:
                html = f"<p style='color:#c62828'>{self._error}</p>" + html
            self.feedback.setHtml(html)
        elif state == ANSWERED:
            self.prompt.setText(f"<b>{self.text.prompt(s.target())}</b>")
            self.feedback.setHtml(self.text.verdict(s.verdict) if s.verdict is not None
                                  else self.text.shown(s.answer_shown))
        else:
            self.prompt.setText(self._idle_text())
            self.feedback.setHtml("")
            self.guess_edit.clear()
        if state != ASKING:
            self._error = ""
        self.guess_edit.setEnabled(state != IDLE)
        self.guess_edit.setReadOnly(state != ASKING)     # after a verdict Enter goes on
        self.check_button.setEnabled(state == ASKING)
        self.hint_button.setEnabled(state == ASKING and s.hint_level < 2)
        self.show_button.setEnabled(state == ASKING)
        self.next_button.setEnabled(state == ANSWERED)
        self.next_button.setText(self.tr("Next") if s.remaining else self.tr("Done"))
        if state == ASKING:
            self.guess_edit.setFocus()
        self._refresh_score()

    def _idle_text(self) -> str:
        if self.session.cancelled:
            return self.tr("The document changed, so the questions were dropped. Step again to "
                           "be asked about the new numbers.")
        if self.session.enabled:
            return self.tr("Press Forward, Backward or Update: you will predict each value "
                           "before it is shown.")
        return self.tr("Turn on “Predict before reveal” to predict each value before the step "
                       "shows it.")

    def _refresh_score(self) -> None:
        self.score_label.setText(self.text.score(self.session.right, self.session.asked))
