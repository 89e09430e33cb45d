"""What the learner does, as ``core.lesson_goals.Event``s: this object watches the window (the
Document, the training controller, the graph explorer, the digits workspace) and emits one
``event`` per thing done. It does not judge anything: goals are ``core.lesson_goals`` functions."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from core.lesson_goals import Event


def _last(values):
    return next((v for v in reversed(values) if v is not None), None)


class LearnerEvents(QObject):
    event = Signal(object)        # core.lesson_goals.Event

    def __init__(self, window):
        super().__init__(window)
        self.window = w = window
        self.doc = w.doc
        self._step = self._step_state()
        self._digits_rows = self._digit_rows()
        self._graph = (None, False, False)
        self.doc.changed.connect(self._on_changed)
        c = w.training.controller
        c.running_changed.connect(self._on_running)
        c.finished.connect(lambda reason, _detail: self._emit(Event("training_finished", reason=reason,
                                                                   **self._metrics())))
        for sig in (w.training.act_step_epoch.triggered, w.training.training_panel.step_button.clicked):
            sig.connect(lambda *_: self._emit(Event("train_epoch", **self._metrics())))
        # the graph and digits tabs are built on first use: followed once they exist
        w.tab_built.connect(self._follow_tab)
        if w._graph_explorer is not None:
            self._follow_tab("graph", w._graph_explorer)
        if w._digits is not None:
            self._follow_tab("digits", w._digits)

    def _follow_tab(self, name: str, widget) -> None:
        if name == "graph":
            e = widget
            e.moved.connect(self._on_graph_moved)
            for b in (e.step_forward_button, e.step_backward_button, e.run_forward_button,
                      e.run_backward_button, e.reset_button, e.back_button):
                b.clicked.connect(self._on_graph_moved)
            e.descend_button.clicked.connect(lambda: self._emit(Event("graph_descend")))
        elif name == "digits":
            s = widget.steps
            s.structure.build_requested.connect(lambda: self._emit(Event("digits_define")))
            s.structure.preset_chosen.connect(lambda _k: self._emit(Event("digits_define")))
            s.compile.compile_requested.connect(lambda: self._emit(Event("digits_compile")))
            widget.pad_panel.pad.changed.connect(self._on_pad)

    def _emit(self, event: Event) -> None:
        self.event.emit(event)

    # ------------------------------------------------------------ the step-by-step view
    def _step_state(self):
        c = self.doc.cursor
        return (id(c), c.position if c is not None else 0, self.doc.update_applied)

    def _on_changed(self, change) -> None:
        if change.frame is not None:
            snap = getattr(change.frame, "snapshot", None)
            if snap is not None:
                self._emit(Event("training", train_loss=snap.train_loss, test_loss=snap.test_loss,
                                 test_accuracy=snap.test_accuracy))
            if change.frame_only or change.training:
                return      # (a run never moves the step cursor; its end is a step of its own)
        before, now = self._step, self._step_state()
        self._step = now
        c = self.doc.cursor
        if change.step and c is not None and before != now:
            if now[2] and not before[2]:
                self._emit(Event("apply_update", stage="update"))
            elif not now[2] and (now[1] > before[1] or (now[0] != before[0] and now[1] > 0)):
                kind = c.stage.kind
                if kind in ("forward", "loss"):
                    self._emit(Event("forward_step", stage=kind))
                elif kind == "backward":
                    self._emit(Event("backward_step", stage=kind))
        rows = self._digit_rows()
        if rows > self._digits_rows and self.doc.project.digits is not None:
            self._emit(Event("digits_fit", **self._metrics()))
        self._digits_rows = rows
        if not change.step or change.document or change.params or change.config or change.data:
            self._emit(Event("changed"))

    def _digit_rows(self) -> int:
        p = self.doc.project
        return len(p.history) if p.digits is not None else 0

    # ------------------------------------------------------------ training
    def _metrics(self) -> dict:
        h = self.doc.history.to_history() if self.doc.history.n else self.doc.project.history
        return {"train_loss": _last(h.train_loss), "test_loss": _last(h.test_loss),
                "test_accuracy": _last(h.test_accuracy)}

    def _on_running(self, running: bool) -> None:
        if not running:
            self._emit(Event("train", **self._metrics()))

    # ------------------------------------------------------------ graph and digits
    def _on_graph_moved(self, *_args) -> None:
        s = self.window.graph_explorer.stepper
        if s is None:
            return
        state = (id(s), s.forward_done, s.backward_done)
        before, self._graph = self._graph, state
        if before[0] != state[0]:
            before = (state[0], False, False)     # another formula: its walk starts afresh
        if state[1] and not before[1]:
            self._emit(Event("graph_forward"))
        if state[2] and not before[2]:
            self._emit(Event("graph_backward"))

    def _on_pad(self, *_args) -> None:
        if not self.window.digits.pad_panel.pad.is_empty():
            self._emit(Event("draw_digit"))
