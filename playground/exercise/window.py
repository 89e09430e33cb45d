"""The exercise mode's place in the main window: the session, its dock, the Step menu items.

``ExerciseWindow(window)`` is made by ``MainWindow`` once its docks and menus exist:
``window.exercise`` is the ``ExerciseSession`` (the public API lessons drive),
``window.exercises.panel`` the dock's ``ExercisePanel``; Step ▸ Predict before reveal and the
step panel's box turn the mode on (the dock shows), Step ▸ Predict a training outcome… opens
the ``TrainingPredictionDialog``.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction

from .panel import ExercisePanel
from .session import ExerciseSession


class ExerciseWindow(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = ExerciseSession(window.doc, self)
        self.panel = ExercisePanel(self.session)
        self.dialog = None
        window._add_dock("exercise", self.tr("Exercise"), self.panel, Qt.LeftDockWidgetArea)
        # beside the inspector (the canvas and the derivation stay in view); shown when the
        # mode is turned on
        window.tabifyDockWidget(window.docks["inspector"], window.docks["exercise"])
        window.docks["inspector"].raise_()
        window.docks["exercise"].hide()
        acts = window.view_menu.actions()       # beside the other docks' items
        after = acts.index(window.docks["weights"].toggleViewAction())
        window.view_menu.insertAction(acts[after + 1], window.docks["exercise"].toggleViewAction())
        # the step panel is built later (step_docks.py): it gets the session when it is
        window.deferred.when_built("steps", lambda panel: panel.attach_exercise(self.session))
        self.act_predict = QAction(self.tr("&Predict before reveal"), window)
        self.act_predict.setCheckable(True)
        self.act_predict.setStatusTip(self.tr("Before each step shows its values, type your "
                                              "prediction of each one"))
        self.act_predict.toggled.connect(self.session.set_enabled)
        self.act_training = QAction(self.tr("Predict a &training outcome…"), window)
        self.act_training.triggered.connect(self.predict_training)
        self.panel.training_button.clicked.connect(self.predict_training)
        window.step_menu.addSeparator()
        window.step_menu.addActions([self.act_predict, self.act_training])
        self.session.enabled_changed.connect(self._on_enabled)

    def _on_enabled(self, on: bool) -> None:
        if self.act_predict.isChecked() != on:
            self.act_predict.setChecked(on)
        if on and not self.window.graph_shown():
            dock = self.window.docks["exercise"]
            dock.show()
            dock.raise_()

    def predict_training(self):
        """Open the training-prediction dialog (one at a time; it trains a copy)."""
        from .training_prediction import TrainingPredictionDialog
        doc = self.window.doc
        if self.dialog is None:
            self.dialog = TrainingPredictionDialog(doc, self.window)
        self.dialog.neuron_spin.setMaximum(doc.network.output_size)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def refresh(self) -> None:
        """Re-render after a language switch."""
        self.panel.refresh()
        if self.dialog is not None:
            self.dialog._refresh()
