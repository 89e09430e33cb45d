"""Step controls: forward one layer, backward one layer, apply the update, and back again."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..formatting import format_number


class StepPanel(QWidget):
    """Buttons that drive ``Document``'s step cursor, and a line saying where the step is."""

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("StepPanel")
        self.forward_button = QPushButton(self.tr("Forward one layer"))
        self.backward_button = QPushButton(self.tr("Backward one layer"))
        self.update_button = QPushButton(self.tr("Apply update"))
        self.whole_button = QPushButton(self.tr("Whole step"))
        self.back_button = QPushButton(self.tr("Step back"))
        self.reset_button = QPushButton(self.tr("Reset step"))
        self.forward_button.setToolTip(self.tr("Compute z and a for the next layer (F6)"))
        self.backward_button.setToolTip(self.tr("Compute δ and the gradients for the next layer back (F7)"))
        self.update_button.setToolTip(self.tr("Finish the step and apply w ← w − η·∂L/∂w (F8)"))
        self.whole_button.setToolTip(self.tr("Forward, backward and update in one go (F9)"))
        self.back_button.setToolTip(self.tr("Undo the last stage (an applied update is undone)"))
        self.reset_button.setToolTip(self.tr("Hide all computed values and start the step again"))
        self.forward_button.clicked.connect(doc.step_forward)
        self.backward_button.clicked.connect(doc.step_backward)
        self.update_button.clicked.connect(doc.apply_update)
        self.whole_button.clicked.connect(doc.whole_step)
        self.back_button.clicked.connect(doc.step_back)
        self.reset_button.clicked.connect(doc.reset_step)

        grid = QGridLayout()
        grid.addWidget(self.forward_button, 0, 0)
        grid.addWidget(self.backward_button, 0, 1)
        grid.addWidget(self.update_button, 1, 0)
        grid.addWidget(self.whole_button, 1, 1)
        grid.addWidget(self.back_button, 2, 0)
        grid.addWidget(self.reset_button, 2, 1)
        self.stage_label = QLabel()
        self.stage_label.setWordWrap(True)
        self.stage_label.setTextFormat(Qt.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stage_label)
        layout.addLayout(grid)
        self.predict_box = QCheckBox(self.tr("Predict before reveal"))
        self.predict_box.setToolTip(self.tr("Before each step shows its values, type your "
                                            "prediction of each one"))
        self.predict_box.hide()             # shown once an exercise session is attached
        layout.addWidget(self.predict_box)
        layout.addStretch(1)
        doc.changed.connect(self._on_changed)
        self.refresh()

    def attach_exercise(self, session) -> None:
        """Show the "Predict before reveal" box, kept in step with ``session``."""
        self.predict_box.setChecked(session.enabled)
        self.predict_box.toggled.connect(session.set_enabled)
        session.enabled_changed.connect(
            lambda on: None if self.predict_box.isChecked() == on else self.predict_box.setChecked(on))
        self.predict_box.show()

    def _on_changed(self, change) -> None:
        if change.step or change.structure or change.document:
            self.refresh()

    def stage_text(self) -> str:
        c = self.doc.cursor
        if c is None:
            return self.tr("The step cannot be computed for this network.")
        s = c.stage
        if self.doc.update_applied:
            return (self.tr("Update applied. The loss before it was %1; press Forward to start "
                            "the next step with the new weights.")
                    .replace("%1", format_number(c.loss)))
        if s.kind == "start":
            return self.tr("Ready: press Forward to compute layer 1.")
        if s.kind == "forward":
            return self.tr("Forward pass: layer %1 of %2 computed.").replace(
                "%1", str(s.layer)).replace("%2", str(c.network.depth))
        if s.kind == "loss":
            return self.tr("Loss computed: L = %1.").replace("%1", format_number(c.loss))
        if s.kind == "backward":
            return self.tr("Backward pass: gradients of layer %1 computed.").replace("%1", str(s.layer))
        return self.tr("Update computed.")

    def refresh(self) -> None:
        c = self.doc.cursor
        self.stage_label.setText(f"<b>{self.stage_text()}</b>")
        ok = c is not None
        applied = self.doc.update_applied
        nxt = c.next_stage() if ok else None
        self.forward_button.setEnabled(ok and (applied or (nxt is not None and nxt.kind in ("forward", "loss"))))
        self.backward_button.setEnabled(ok and not applied and nxt is not None and nxt.kind != "update"
                                        and any(st.kind == "backward" for st in c.stages[c.position + 1:]))
        self.update_button.setEnabled(ok and not applied)
        self.whole_button.setEnabled(ok)
        self.back_button.setEnabled(ok and (applied or not c.at_start
                                            or self.doc.can_step_back_into_previous()))
        self.reset_button.setEnabled(ok and not applied and not c.at_start)
