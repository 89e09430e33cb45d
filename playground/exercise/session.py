"""The exercise session: which value is being predicted, the score, and the hold on the step.

Public API (for the exercise panel and for lessons, e.g. h-16b's lesson panel)::

    s = ExerciseSession(doc)                  # one per window (MainWindow.exercise)
    s.set_enabled(True)                       # "Predict before reveal": hold every step command
    s.set_kinds({"delta"})                    # ask only these kinds (None: every value)
    s.ask([Question("delta", 2, 1)])          # ask these now, about the step shown
    s.submit(0.1385)  -> Verdict              # judge the current question (core.exercise.judge)
    s.next_question()                         # after a verdict: on to the next one
    s.skip()                                  # reveal the current value without scoring it
    s.hint()          -> Hint                 # level 1 (formula), then 2 (with numbers)
    s.cancel(); s.reset_score()
    s.current, s.verdict, s.answer_shown, s.remaining, s.right, s.asked, s.state

    signals: question_asked(Question), answered(Question, Verdict), score_changed(right, asked),
             finished() (with the last verdict of a round), enabled_changed(bool), state_changed()

While enabled, the session is the Document's reveal guard (``Document.set_reveal_guard``): a
step command that would reveal values of the chosen kinds is held, those values are asked one
by one, and after the last answer the command runs, so the canvas and the derivation panel
never show a value before it has been predicted. The Document is only ever driven through
its own step commands. A change to the document while questions are pending (an edit, undo,
another file, a step back) cancels them: they were about numbers that no longer apply.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from core.exercise import (Answer, Question, Tolerance, answer, check_question, hint, judge,
                           questions_for_stage, step_cursor)

IDLE, ASKING, ANSWERED = "idle", "asking", "answered"


class ExerciseSession(QObject):
    question_asked = Signal(object)
    answered = Signal(object, object)
    score_changed = Signal(int, int)
    finished = Signal()
    enabled_changed = Signal(bool)
    state_changed = Signal()

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.enabled = False
        self.kinds: frozenset[str] | None = None
        self.tolerance = Tolerance()
        self.right = self.asked = 0
        self._reset_round()
        doc.changed.connect(self._on_changed)

    def _reset_round(self) -> None:
        self.current: Question | None = None
        self.remaining: list[Question] = []
        self.verdict = None
        self.answer_shown: Answer | None = None
        self.hint_level = 0
        self.cancelled = False
        self._cursor = None
        self._proceed = None
        self._running = False

    # ------------------------------------------------------------ settings
    def set_enabled(self, on: bool) -> None:
        on = bool(on)
        if on == self.enabled:
            return
        self.enabled = on
        self.doc.set_reveal_guard(self._guard if on else None)
        if not on and self._proceed is not None:
            self.cancel()
        self.enabled_changed.emit(on)

    def set_kinds(self, kinds) -> None:
        self.kinds = None if kinds is None else frozenset(kinds)

    @property
    def state(self) -> str:
        if self.current is None:
            return IDLE
        return ASKING if self.verdict is None and self.answer_shown is None else ANSWERED

    # ------------------------------------------------------------ asking
    def _step(self):
        """The step the questions are about: the one shown, or the next one after an update."""
        c = self.doc.cursor
        if c is None:
            return None
        return step_cursor(self.doc.project) if self.doc.update_applied or c.at_end else c

    def _guard(self, stages, proceed) -> bool:
        if self._proceed is not None or self._running:
            return True                  # already asking about a held step: wait for it
        if self.current is not None:
            self.cancel()                # a lesson's questions give way to the step
        cursor = self._step()
        if cursor is None:
            return False
        qs = [q for st in stages
              for q in questions_for_stage(st, cursor.network, self.kinds, self.tolerance)]
        if not qs:
            return False
        self._start(qs, cursor, proceed)
        return True

    def ask(self, questions) -> None:
        """Ask ``questions`` (``core.exercise.Question``) now, about the step the window shows;
        DocumentError if the network has no such value. Nothing is held or revealed."""
        cursor = self._step()
        if cursor is None or not questions:
            return
        qs = [check_question(q, cursor.network, f"questions[{k}]") for k, q in enumerate(questions)]
        self.cancel()
        self._start(qs, cursor, None)

    def _start(self, questions, cursor, proceed) -> None:
        self._reset_round()
        self._cursor, self._proceed = cursor, proceed
        self.remaining = list(questions)
        self.next_question()

    def next_question(self) -> None:
        if self.state == ASKING:
            return
        if not self.remaining:
            self._finish()
            return
        self.current = self.remaining.pop(0)
        self.verdict = self.answer_shown = None
        self.hint_level = 0
        self.question_asked.emit(self.current)
        self.state_changed.emit()

    def target(self, q: Question | None = None):
        """The symbol of the value asked (``core.formula.Sym``; for the prompt)."""
        q = q or self.current
        return answer(q, self.doc.project, self._cursor).explanation.target

    def submit(self, guess: float):
        if self.state != ASKING:
            return self.verdict
        v = judge(self.current, guess, self.doc.project, self._cursor)
        self.verdict = v
        self.asked += 1
        self.right += int(v.correct)
        self._after_reveal()
        self.answered.emit(self.current, v)
        self.score_changed.emit(self.right, self.asked)
        self.state_changed.emit()
        if not self.remaining:
            self.finished.emit()
        return v

    def skip(self) -> None:
        """Show the current value without a prediction (not scored)."""
        if self.state != ASKING:
            return
        self.answer_shown = answer(self.current, self.doc.project, self._cursor)
        self._after_reveal()
        self.state_changed.emit()
        if not self.remaining:
            self.finished.emit()

    def hint(self):
        if self.state != ASKING:
            return None
        self.hint_level = min(self.hint_level + 1, 2)
        h = hint(self.current, self.doc.project, self.hint_level, self._cursor)
        self.state_changed.emit()
        return h

    def current_hint(self):
        if self.state != ASKING or not self.hint_level:
            return None
        return hint(self.current, self.doc.project, self.hint_level, self._cursor)

    def _after_reveal(self) -> None:
        """After the last question of a held step, the step runs (the values appear)."""
        if not self.remaining and self._proceed is not None:
            proceed, self._proceed = self._proceed, None
            self._running = True
            try:
                proceed()
            finally:
                self._running = False

    def _finish(self) -> None:
        """Past the last verdict: nothing is asked any more (``finished`` was emitted with it)."""
        self._reset_round()
        self.state_changed.emit()

    def cancel(self) -> None:
        if self.current is None and self._proceed is None:
            return
        self._reset_round()
        self.cancelled = True
        self.state_changed.emit()

    def reset_score(self) -> None:
        self.right = self.asked = 0
        self.score_changed.emit(0, 0)

    def _on_changed(self, change) -> None:
        if change.frame_only or self._running or self.current is None:
            return
        if self.state == ANSWERED and not self.remaining and self._proceed is None:
            return                       # the round is over; its last verdict stays readable
        self.cancel()
