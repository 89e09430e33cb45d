"""The explorer's side controls: one number editor per variable, and the gradient-descent step.

Editors are the app's ``NumberEdit`` (Enter or leaving the field commits; refused text keeps
a red border and says why in its tooltip). ``value_committed(name, value)`` reports an
accepted edit; ``set_values`` shows new values without emitting anything.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget)

from ..widgets import NumberEdit, arg
from .naming import display_name

DEFAULT_RATE = 0.1


class VariablesPanel(QWidget):
    value_committed = Signal(str, float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edits: dict[str, NumberEdit] = {}
        box = QGroupBox(self.tr("Variables"))
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.empty_label = QLabel(self.tr("This formula has no variables."))
        self.form.addRow(self.empty_label)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(self.form_host)
        QVBoxLayout(box).addWidget(scroll)

        descent = QGroupBox(self.tr("Gradient descent on the variables"))
        self.rate_edit = NumberEdit(DEFAULT_RATE, check=self._check_rate)
        self.rate_edit.setAccessibleName(self.tr("Learning rate"))
        self.rate_edit.setToolTip(self.tr("Learning rate h: each step moves every variable by "
                                          "−h × its gradient"))
        self.descend_button = QPushButton(self.tr("Descend one step"))
        self.descend_button.setToolTip(self.tr("v := v − h·∂f/∂v for every variable, "
                                               "then compute f again"))
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.RichText)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Learning rate h:")))
        row.addWidget(self.rate_edit, 1)
        row.addWidget(self.descend_button)
        col = QVBoxLayout(descent)
        col.addLayout(row)
        col.addWidget(self.result_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box, 1)
        layout.addWidget(descent)

    def _check_rate(self, value: float) -> str | None:
        return None if value > 0 else self.tr("The learning rate must be greater than 0.")

    def rate(self) -> float:
        return self.rate_edit.value()

    # ------------------------------------------------------------ the editors
    def set_variables(self, values: dict[str, float]) -> None:
        """One editor per variable, in the given order (rebuilt from scratch)."""
        for edit in self.edits.values():
            self.form.removeRow(edit)
        self.edits = {}
        self.empty_label.setVisible(not values)
        for name, value in values.items():
            edit = NumberEdit(value)
            shown = display_name(name)
            edit.setAccessibleName(shown)
            edit.setToolTip(arg(self.tr("Value of %1; press Enter to recompute"), shown))
            edit.committed.connect(lambda v, n=name: self.value_committed.emit(n, v))
            self.form.addRow(shown + " =", edit)
            self.edits[name] = edit
        self.form.activate()      # size the rows now: the scroll area may not hear of it soon
        viewport = self.scroll.viewport().size()
        self.form_host.resize(viewport.width(), max(viewport.height(),
                                                    self.form_host.minimumSizeHint().height()))
        self.result_label.clear()

    def set_values(self, values: dict[str, float]) -> None:
        for name, value in values.items():
            if name in self.edits:
                self.edits[name].set_value(value)

    def edit(self, name: str) -> NumberEdit:
        return self.edits[name]
