"""A lesson step's control lists (highlight / lock / hide) applied to the window.

The classroom mode's ``playground.controls.ControlRegistry`` knows the stable control names;
where it is there, this adapter hands it the names it knows. The rest (the lesson's own names,
``core.lessons.LESSON_CONTROLS``: the graph explorer's and the digits page's buttons, and the
same names as the registry's where it is absent) go through a small table here, highlighted,
locked and hidden directly. ``unknown(names)`` lists names neither knows (a teacher's typo)."""
from __future__ import annotations

from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QGraphicsDropShadowEffect, QToolBar, QWidget

HIGHLIGHT = QColor("#ff6d00")
"""A glow around a highlighted control (an effect, not a style sheet: a style sheet would fix
the control's font, and presentation mode's larger type would pass it by)."""


def _fallback_table(w) -> dict:
    t, e, s = w.training, w.graph_explorer, w.digits.steps
    return {
        "step.forward": [w.act_forward, w.step_panel.forward_button],
        "step.backward": [w.act_backward, w.step_panel.backward_button],
        "step.update": [w.act_update, w.step_panel.update_button],
        "step.whole": [w.act_whole, w.step_panel.whole_button],
        "step.back": [w.act_back, w.step_panel.back_button],
        "canvas": [w.view],
        "training.play": [t.act_play, t.training_panel.play_button],
        "training.step_epoch": [t.act_step_epoch, t.training_panel.step_button],
        "training.reset": [t.act_reset, t.training_panel.reset_button],
        "training.learning_rate": [t.training_panel.learning_rate_combo],
        "training.batch_size": [t.training_panel.batch_spin],
        "training.output": [t.training_panel.output_combo],
        "training.regularization": [t.training_panel.regularization_combo],
        "data.datasets": list(t.data_panel.dataset_buttons.values()),
        "data.features": [t.data_panel.features_group],
        "graph.forward": [e.step_forward_button, e.run_forward_button],
        "graph.backward": [e.step_backward_button, e.run_backward_button],
        "graph.descend": [e.descend_button],
        "digits.define": [s.structure.build],
        "digits.compile": [s.compile.apply],
        "digits.fit": [s.fit.fit],
        "digits.pad": [w.digits.pad_panel.pad],
    }


OWNER = "lesson"
"""The registry's owner for a lesson's lists (a classroom file's locks are another owner's)."""


class LessonControls:
    def __init__(self, window):
        self.window = window
        self._registry = None
        self._table = None
        self._styled: dict = {}
        self._hidden: list = []
        self._locked: list = []

    @property
    def registry(self):
        """The window's ``ControlRegistry`` (``MainWindow.controls``, made after the menus and
        so after this object), or None in a build without one."""
        if self._registry is None:
            self._registry = getattr(self.window, "controls", None)
        return self._registry

    @property
    def table(self) -> dict:
        """name → widgets/actions for the names the registry does not have."""
        if self._table is None:
            known = set(self.registry.names()) if self.registry is not None else set()
            self._table = {k: v for k, v in _fallback_table(self.window).items() if k not in known}
        return self._table

    def names(self) -> set:
        return set(self.table) | (set(self.registry.names()) if self.registry is not None else set())

    def unknown(self, names) -> list:
        known = self.names()
        return [n for n in names if n not in known]

    def apply(self, highlight=(), lock=(), hide=()) -> None:
        self.clear()
        if self.registry is not None:
            known = set(self.registry.names())
            self.registry.highlight([n for n in highlight if n in known], owner=OWNER)
            self.registry.lock([n for n in lock if n in known], owner=OWNER)
            self.registry.hide([n for n in hide if n in known], owner=OWNER)
        self._names = tuple(highlight)
        for name in highlight:
            for target in self._widgets(name):
                if target in self._styled or target.graphicsEffect() is not None:
                    continue
                glow = QGraphicsDropShadowEffect(target)
                glow.setColor(HIGHLIGHT)
                glow.setOffset(0, 0)
                glow.setBlurRadius(24)
                target.setGraphicsEffect(glow)
                self._styled[target] = glow
        for name in lock:
            for target in self.table.get(name, ()):
                if target.isEnabled():
                    target.setEnabled(False)
                    self._locked.append(target)
        for name in hide:
            for target in self.table.get(name, ()):
                if target.isVisible():
                    target.setVisible(False)
                    self._hidden.append(target)

    def highlighted(self) -> list:
        """The names highlighted now: by the registry, and by this table (drawn with a glow)."""
        out = list(self.registry.highlighted(OWNER)) if self.registry is not None else []
        drawn = set(self._styled)
        return out + [n for n in getattr(self, "_names", ()) if n in self.table
                      and any(w in drawn for w in self._widgets(n))]

    def clear(self) -> None:
        if self.registry is not None:
            self.registry.clear(OWNER)
        for target, glow in self._styled.items():
            if target.graphicsEffect() is glow:
                target.setGraphicsEffect(None)     # (deletes the effect)
        for target in self._locked:
            target.setEnabled(True)
        for target in self._hidden:
            target.setVisible(True)
        self._styled, self._locked, self._hidden = {}, [], []

    def _widgets(self, name: str) -> list:
        """The widgets of a control: an action's toolbar buttons, or the widget itself."""
        out = []
        for target in self.table.get(name, ()):
            if isinstance(target, QAction):
                out += [o.widgetForAction(target) for o in target.associatedObjects()
                        if isinstance(o, QToolBar) and o.widgetForAction(target) is not None]
            elif isinstance(target, QWidget):
                out.append(target)
        return out
