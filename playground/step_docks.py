"""The main window's step-by-step docks (Step, Derivation, Inspector, Sample and loss, Weight
table), built by ``deferred.DeferredParts``: on first show, on first use or right after the
first paint. A document that opens in the training layout paints its first frame without
them (and without importing their modules); the step layout builds them as it shows them.

``StepDocks`` is a mixin of ``MainWindow``: ``window.step_panel``, ``window.inspector`` and the
others build their panel when first asked for, so every caller sees a real panel.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from .deferred import AfterFirstPaint, DeferredParts

STEP_PANELS = {"steps": "step_panel", "derivation": "derivation_panel", "inspector": "inspector",
               "sample": "sample_panel", "weights": "weight_table"}
"""dock key → the window's attribute for its panel."""


def _step_panel(w):
    from .panels.step_panel import StepPanel
    return StepPanel(w.doc)


def _derivation_panel(w):
    from .panels.derivation_panel import DerivationPanel
    return DerivationPanel(w.doc, w.selection)


def _inspector(w):
    from .panels.inspector import InspectorPanel
    return InspectorPanel(w.doc, w.selection)


def _sample_panel(w):
    from .panels.sample_panel import SamplePanel
    return SamplePanel(w.doc)


def _weight_table(w):
    from .panels.weight_table import WeightTablePanel
    return WeightTablePanel(w.doc)


class StepDocks:
    """Mixin: the step docks as deferred parts, their panels as properties."""

    def _add_step_docks(self) -> None:
        # the titles keep MainWindow's translation context (they were its own)
        self.after_first_paint = AfterFirstPaint(self)
        parts = self.deferred = DeferredParts(self, self.after_first_paint)
        for key, title, factory, area in (
                ("steps", QCoreApplication.translate("MainWindow", "Step"), _step_panel, Qt.RightDockWidgetArea),
                ("derivation", QCoreApplication.translate("MainWindow", "Derivation"), _derivation_panel, Qt.RightDockWidgetArea),
                ("inspector", QCoreApplication.translate("MainWindow", "Inspector"), _inspector, Qt.LeftDockWidgetArea),
                ("sample", QCoreApplication.translate("MainWindow", "Sample and loss"), _sample_panel, Qt.LeftDockWidgetArea),
                ("weights", QCoreApplication.translate("MainWindow", "Weight table"), _weight_table, Qt.BottomDockWidgetArea)):
            parts.add_dock(key, title, area, lambda f=factory: f(self))
        for key in ("inspector", "sample", "weights"):
            parts.when_built(key, self._connect_invalid)
        parts.when_built("derivation", self._derivation_built)

    def setVisible(self, visible: bool) -> None:      # noqa: N802 (Qt override)
        if visible:
            self.deferred.build_shown()      # the docks shown in the first frame, before sizing
        super().setVisible(visible)

    def _connect_invalid(self, panel) -> None:
        sig = getattr(panel, "invalid", None)
        if sig is not None:
            sig.connect(self.show_error)

    def _derivation_built(self, panel) -> None:
        """A derivation built late shows the window's current digits and type size."""
        digits = getattr(self, "_derivation_digits", None)
        if digits is not None:
            panel.set_digits(digits)
        scale = getattr(self, "_derivation_scale", None)
        if scale is not None:
            panel.set_font_scale(scale)

    def built_step_panels(self) -> list:
        """The step panels built so far (refreshing an unbuilt one would only build it)."""
        return [p for p in (self.deferred.built(k) for k in STEP_PANELS) if p is not None]

    @property
    def step_panel(self):
        return self.deferred.get("steps")

    @property
    def derivation_panel(self):
        return self.deferred.get("derivation")

    @property
    def inspector(self):
        return self.deferred.get("inspector")

    @property
    def sample_panel(self):
        return self.deferred.get("sample")

    @property
    def weight_table(self):
        return self.deferred.get("weights")
