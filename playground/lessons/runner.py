"""Runs one lesson in the window: which step is shown, what each step sets up, whether its
goal has been reached, the exercise score.

The learner's document is never lost. Starting a lesson (or its first document) works like
opening a file: with unsaved changes the window asks first (Save / Discard / Cancel), and the
lesson's document comes in untitled, so the learner's file on disk is never written to. Later
documents and edits of the same lesson are undo steps on that untitled document (Undo brings
the earlier state back). The lesson itself is not part of the undo history: undoing changes the
document, never the step shown or a goal already reached.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from core import lessons
from core.errors import EngineError
from core.lesson_goals import Event, goal_met

from ..engine_text import error_text
from .controls import LessonControls
from .events import LearnerEvents


class LessonRunner(QObject):
    step_changed = Signal(int)          # the step now shown
    goal_reached = Signal(int)          # the step whose goal the learner just reached
    score_changed = Signal(int, int)    # right, asked
    closed = Signal()
    error = Signal(str)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.doc = window.doc
        self.lesson: lessons.Lesson | None = None
        self.index = 0
        self.done: set[int] = set()
        self.right = self.asked = 0
        self.controls = LessonControls(window)
        self.events = LearnerEvents(window)
        self.events.event.connect(self.on_event)
        self._owns_document = False
        self._loading = False
        self.doc.changed.connect(self._on_doc_changed)
        self._asked = None              # the core.exercise.Question this step asked
        self._session = None
        self._showed_exercise_dock = False

    @property
    def exercises(self):
        """The window's predict-then-reveal session (``MainWindow.exercise``), or None in a
        build without it. Made after the menus (and so after this runner): found when needed."""
        if self._session is None:
            self._session = getattr(self.window, "exercise", None)
            if self._session is not None:
                self._session.answered.connect(self._on_answered)
        return self._session

    # ------------------------------------------------------------ reading
    @property
    def step(self) -> lessons.Step | None:
        return self.lesson.steps[self.index] if self.lesson is not None else None

    @property
    def active(self) -> bool:
        return self.lesson is not None

    # ------------------------------------------------------------ moving
    def start(self, lesson: lessons.Lesson) -> bool:
        """Open ``lesson`` at its first step; False (nothing changes) if the learner cancels."""
        previous = (self.lesson, self.index, self._owns_document)
        self.lesson, self.index, self.done = lesson, 0, set()
        self._owns_document = False
        self.right = self.asked = 0
        if not self._enter(0):
            self.lesson, self.index, self._owns_document = previous
            return False
        self.score_changed.emit(0, 0)
        return True

    def restart(self) -> bool:
        if self.lesson is None:
            return False
        self.done = set()
        self.right = self.asked = 0
        self.score_changed.emit(0, 0)
        return self.go(0)

    def next(self) -> bool:
        return self.go(self.index + 1)

    def back(self) -> bool:
        return self.go(self.index - 1)

    def go(self, k: int) -> bool:
        if self.lesson is None or not 0 <= k < len(self.lesson.steps):
            return False
        old = self.index
        self.index = k
        if not self._enter(k, load=k >= old or k == 0):
            self.index = old
            return False
        return True

    def close(self) -> None:
        self.controls.clear()
        if self._showed_exercise_dock and self.exercises is not None and not self.exercises.enabled:
            self.exercises.cancel()
            self.window.docks["exercise"].hide()
        self._showed_exercise_dock = False
        self.lesson = None
        self.closed.emit()

    # ------------------------------------------------------------ what a step sets up
    def _enter(self, k: int, load: bool = True) -> bool:
        step = self.lesson.steps[k]
        if load and not self._load(step):
            return False
        w = self.window
        if step.tab == "network":
            w.tabs.setCurrentWidget(w.view)
        elif step.tab == "graph":
            w.tabs.setCurrentWidget(w.graph_page)
        elif step.tab == "digits":
            w.tabs.setCurrentWidget(w.digits_page)
        if step.layout is not None:
            w.training.set_layout(step.layout)
        if step.graph is not None and load:
            w.graph_explorer.show_formula(step.graph["formula"], step.graph["values"])
        self.controls.apply(step.highlight, step.lock, step.hide)
        self._asked = None
        if step.question is not None and self.exercises is not None:
            self.ask_again()
        elif self._showed_exercise_dock:
            self._showed_exercise_dock = False     # its room goes back to the canvas
            session = self.exercises
            if session is not None and not session.enabled:
                session.cancel()
                self.window.docks["exercise"].hide()
        self.step_changed.emit(k)
        return True

    def _load(self, step: lessons.Step) -> bool:
        """The step's document and edits (see the module text for when it asks)."""
        if step.document is None and not step.edits:
            return True
        try:
            new = lessons.step_project(step, None if step.document else self.doc.project)
        except EngineError as exc:
            self.error.emit(error_text(exc))
            return False
        from ..commands import ReplaceState
        title = self.lesson.title.get(_language())
        self._loading = True
        try:
            if self._owns_document and self.doc.path is None:
                self.window.training.controller.pause()
                text = (QCoreApplication.translate("LessonRunner", "Lesson: open %1") if step.document
                        else QCoreApplication.translate("LessonRunner", "Lesson: change settings"))
                text = text.replace("%1", title)
                self.doc.undo_stack.push(ReplaceState(self.doc, new, text))
            elif step.document is not None or not self._owns_document:
                if not self.window.maybe_save():
                    return False
                self.doc.replace_project(new, None)
                self._owns_document = True
            self.doc.reset_step()
        finally:
            self._loading = False
        self.window.view.fit_to_view()
        return True

    def _on_doc_changed(self, change) -> None:
        if change.document and not self._loading:
            self._owns_document = False       # the learner opened another document

    # ------------------------------------------------------------ goals
    def on_event(self, event: Event) -> None:
        step = self.step
        if step is None or self.index in self.done:
            return
        if goal_met(step.wait, self.doc.project, event):
            self.done.add(self.index)
            self.goal_reached.emit(self.index)

    def ask_again(self) -> bool:
        """Ask the step's question (again): the exercise dock shows its prompt."""
        step, session = self.step, self.exercises
        if step is None or step.question is None or session is None:
            return False
        from core.exercise import parse_question
        try:
            q = parse_question(step.question, "predict", self.doc.network)
            session.ask([q])
        except EngineError as exc:
            self.error.emit(error_text(exc))
            return False
        self._asked = session.current
        dock = self.window.docks.get("exercise")
        if dock is not None:
            self._showed_exercise_dock = self._showed_exercise_dock or not dock.isVisible()
            dock.show()
            dock.raise_()
        return True

    def _on_answered(self, question, verdict) -> None:
        """A verdict on the question this step asked: scored for the lesson, and the goal."""
        if self._asked is None or question != self._asked or self.step is None:
            return
        self._asked = None
        self.asked += 1
        self.right += int(bool(verdict.correct))
        self.score_changed.emit(self.right, self.asked)
        self.on_event(Event("answered", question=self.step.question, right=bool(verdict.correct)))

    def goal_done(self, k: int | None = None) -> bool:
        return (self.index if k is None else k) in self.done


def _language() -> str:
    from .. import i18n
    return i18n.current_language()
