"""The lesson panel (a dock): the step's title and rich text, whether its goal is reached,
hints, the exercise score, progress, and Back / Next / Restart / Close. A view of the
``LessonRunner``; the lesson's texts are shown in the window's language."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QProgressBar, QPushButton, QTextBrowser,
                               QVBoxLayout, QWidget)

from ..widgets import arg


class LessonPanel(QWidget):
    def __init__(self, runner, parent=None):
        super().__init__(parent)
        self.setObjectName("LessonPanel")
        self.runner = runner
        self.hints_shown = 0
        self.lesson_label = QLabel()
        self.lesson_label.setWordWrap(True)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self._base_point_size = max(QFont(self.font()).pointSizeF(), 9.0)
        self.compact = False
        self.goal_label = QLabel()
        self.goal_label.setWordWrap(True)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextFormat(Qt.RichText)
        self.hint_button = QPushButton(self.tr("Hint"))
        self.ask_button = QPushButton(self.tr("Ask again"))
        self.ask_button.setToolTip(self.tr("Ask this step's question again in the Exercise panel"))
        self.ask_button.clicked.connect(runner.ask_again)
        self.score_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.back_button = QPushButton(self.tr("Back"))
        self.next_button = QPushButton(self.tr("Next"))
        self.restart_button = QPushButton(self.tr("Restart"))
        self.close_button = QPushButton(self.tr("Close lesson"))
        self.back_button.clicked.connect(runner.back)
        self.next_button.clicked.connect(runner.next)
        self.restart_button.clicked.connect(runner.restart)
        self.close_button.clicked.connect(runner.close)
        self.hint_button.clicked.connect(self.show_hint)
        self.empty_label = QLabel(self.tr("No lesson is open. Choose one under File ▸ Lessons, "
                                          "or open a lesson file."))
        self.empty_label.setWordWrap(True)
        self.set_font_scale(1.0)

        hint_row = QHBoxLayout()
        hint_row.addWidget(self.hint_button)
        hint_row.addWidget(self.ask_button)
        hint_row.addWidget(self.score_label, 1)
        nav = QHBoxLayout()
        for b in (self.back_button, self.next_button, self.restart_button, self.close_button):
            nav.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(self.empty_label)
        lay.addWidget(self.lesson_label)
        lay.addWidget(self.title_label)
        lay.addWidget(self.browser, 1)
        lay.addWidget(self.goal_label)
        lay.addLayout(hint_row)
        lay.addWidget(self.hint_label)
        lay.addWidget(self.progress)
        lay.addLayout(nav)
        runner.step_changed.connect(self._on_step)
        runner.goal_reached.connect(lambda _k: self.refresh())
        runner.score_changed.connect(lambda _r, _a: self.refresh())
        runner.closed.connect(self.refresh)
        self.refresh()

    def set_font_scale(self, scale: float) -> None:
        """Presentation mode: the step's title and text grow with the rest of the type, and
        what repeats the title (the lesson's name, the progress bar) makes room for the text."""
        self.compact = scale > 1.0
        for w, k, bold in ((self.title_label, 1.2, True), (self.browser, 1.1, False),
                           (self.goal_label, 1.0, True), (self.hint_label, 1.0, False)):
            font = QFont(w.font())
            font.setBold(bold)
            font.setPointSizeF(self._base_point_size * k * scale)
            w.setFont(font)
        self.refresh()

    # ------------------------------------------------------------ texts
    def _action_text(self, wait) -> str:
        if wait is None:
            return self.tr("Read this step, then press Next.")
        if "predict" in wait:
            return self.tr("Type your prediction in the Exercise panel and press Enter, before "
                           "the value is shown.")
        if "goal" in wait:
            goal = wait["goal"]
            value = wait.get("value")
            texts = {"test_loss_below": self.tr("Train until the test loss is below %1."),
                     "train_loss_below": self.tr("Train until the training loss is below %1."),
                     "test_accuracy_above": self.tr("Train until the test accuracy is above %1."),
                     "diverged": self.tr("Train until the loss blows up (diverges)."),
                     "setting": self.tr("Change the setting as the text says.")}
            return arg(texts[goal], f"{value:g}" if isinstance(value, float) else str(value))
        texts = {"forward_step": self.tr("Press Forward."), "backward_step": self.tr("Press Backward."),
                 "apply_update": self.tr("Press Update."), "train": self.tr("Press Play, then pause."),
                 "train_epoch": self.tr("Train one epoch."),
                 "graph_forward": self.tr("Compute the graph's values (Forward one node or Run forward)."),
                 "graph_backward": self.tr("Compute every gradient (Backward one node or Run backward)."),
                 "graph_descend": self.tr("Press Descend one step."),
                 "digits_define": self.tr("Step ① Define: build the network."),
                 "digits_compile": self.tr("Step ② Compile: choose the loss and optimizer."),
                 "digits_fit": self.tr("Step ③ Fit: train the network."),
                 "draw_digit": self.tr("Draw a digit on the pad.")}
        return texts[wait["action"]]

    def _on_step(self, _k: int) -> None:
        self.hints_shown = 0
        self.refresh()

    def refresh(self) -> None:
        from ..i18n import current_language
        r = self.runner
        on = r.active
        self.empty_label.setVisible(not on)
        for w in (self.lesson_label, self.title_label, self.browser, self.goal_label, self.hint_label,
                  self.hint_button, self.ask_button, self.score_label, self.progress, self.back_button,
                  self.next_button, self.restart_button, self.close_button):
            w.setVisible(on)
        if not on:
            return
        lang = current_language()
        step, n = r.step, len(r.lesson.steps)
        self.lesson_label.setText(r.lesson.title.get(lang))
        self.title_label.setText(arg(self.tr("Step %1 of %2: %3"), str(r.index + 1), str(n),
                                     step.title.get(lang)))
        self.browser.setHtml(step.text.get(lang))
        done = r.goal_done()
        if step.wait is None:
            self.goal_label.setText(self._action_text(None))
        elif done:
            self.goal_label.setText("✓ " + self.tr("Done. Press Next to go on."))
        else:
            self.goal_label.setText("→ " + self._action_text(step.wait))
        self.ask_button.setVisible(step.question is not None and r.exercises is not None)
        if step.question is not None and r.exercises is None:
            self.goal_label.setText(self.tr("Exercises are not available in this version: work "
                                            "the value out on paper, then press Next."))
        self.goal_label.setStyleSheet("")
        pal = self.goal_label.palette()
        pal.setColor(QPalette.WindowText, QColor("#2e7d32") if done else self.palette().color(QPalette.WindowText))
        self.goal_label.setPalette(pal)
        self.hint_button.setEnabled(self.hints_shown < len(step.hints))
        self.hint_button.setVisible(bool(step.hints) or not self.compact)
        self.lesson_label.setVisible(not self.compact)
        self.progress.setVisible(not self.compact)
        self.hint_label.setVisible(self.hints_shown > 0)
        self.hint_label.setText("<br/>".join(h.get(lang) for h in step.hints[:self.hints_shown]))
        self.score_label.setText(arg(self.tr("Score: %1 of %2"), str(r.right), str(r.asked))
                                 if r.asked else "")
        self.progress.setRange(0, n)
        self.progress.setValue(r.index + 1)
        self.progress.setFormat(arg(self.tr("Step %1 of %2"), str(r.index + 1), str(n)))
        self.back_button.setEnabled(r.index > 0)
        self.next_button.setEnabled(r.index < n - 1)
        self.next_button.setDefault(done or step.wait is None)

    def show_hint(self) -> None:
        step = self.runner.step
        if step is not None and self.hints_shown < len(step.hints):
            self.hints_shown += 1
            self.refresh()

    def plain_text(self) -> str:
        """Everything the panel shows now, as text (what the tests read)."""
        parts = [self.lesson_label.text(), self.title_label.text(), self.browser.toPlainText(),
                 self.goal_label.text(), self.hint_label.text(), self.score_label.text(),
                 self.progress.text()]
        return "\n".join(p for p in parts if p)
