"""Explanatory tooltips for the window's own commands: the actions (toolbar buttons take their
tooltip from them), the central tabs, the docks' title buttons and the tab bars' scroll arrows.
Each says what the control does and what changing it does — not just its label. The panels set
their own controls' tooltips where they build them. Set once at start; a language switch re-labels
them through the catalogue like every other text (``retranslate``)."""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QTabBar, QToolButton


def tr(text: str) -> str:
    # lupdate files a bare tr("…") of a module in the empty context: look it up there
    return QCoreApplication.translate("", text)


def action_tips() -> dict[str, str]:
    """MainWindow attribute (or ``training.``/``presentation.``/``help.`` attribute) → tooltip."""
    return {
        "act_new": tr("Start a new, small network with a sample to edit (asks first about "
                      "unsaved changes)"),
        "act_open": tr("Open a saved network document (.json); the file is checked before "
                       "anything is replaced"),
        "act_save": tr("Save the network, the sample, the settings and the step position to "
                       "the document's file"),
        "act_save_as": tr("Save the document under a new file name"),
        "act_quit": tr("Close the program (asks first if there are unsaved changes)"),
        "act_undo_short": tr("Undo the last change (an edit, an update or a training run); "
                             "the Edit menu names it"),
        "act_redo_short": tr("Redo the change that was undone last"),
        "act_delete": tr("Remove the selected hidden neuron and its links"),
        "act_forward": tr("Forward pass, one layer: compute z = W·a + b and a = f(z) of the next "
                          "layer, then the loss (F6)"),
        "act_backward": tr("Backward pass, one layer: compute the errors δ and the gradients "
                           "∂L/∂w, ∂L/∂b of the next layer back (F7)"),
        "act_update": tr("Apply one gradient-descent update w ← w − η·∂L/∂w to every weight and "
                         "bias (F8)"),
        "act_whole": tr("Forward, backward and update in one go: one whole training step on the "
                        "sample (F9)"),
        "act_back": tr("Go back one stage of the step (values computed by it are hidden "
                       "again; an applied update is undone)"),
        "act_reset_step": tr("Hide every computed value and start the step again from the "
                             "forward pass"),
        "act_reset_doc": tr("Undo every change back to the document as it was opened or last "
                            "saved (Redo brings the changes back)"),
        "act_gradcheck": tr("Compare the back-propagated gradients with central finite "
                            "differences, weight by weight"),
        "act_add_layer": tr("Insert a hidden layer before the output layer"),
        "act_remove_layer": tr("Remove the last hidden layer (its weights are lost; undo brings "
                               "them back)"),
        "act_loss_graph": tr("Show how the loss is computed as a computational graph of add, "
                             "multiply and max gates"),
        "act_fullscreen": tr("Use the whole screen for the window (F11 again to leave)"),
        "act_fit": tr("Zoom the canvas so the network fits, or its input side when the numbers "
                      "would be too small"),
        "act_zoom_in": tr("Draw the canvas larger (Ctrl+wheel zooms too)"),
        "act_zoom_out": tr("Draw the canvas smaller (the numbers may then be hidden)"),
        "act_show_weights": tr("Show or hide the weight labels on the links"),
        "act_show_forward": tr("Show or hide z and a below each neuron"),
        "act_show_backward": tr("Show or hide δ and the gradients on the canvas"),
        "training.act_play": tr("Train continuously on the data set, drawing the loss and the "
                                "output as it goes; press again to pause (Ctrl+Return)"),
        "training.act_step_epoch": tr("Train exactly one epoch: every training point once, in "
                                      "mini-batches (Ctrl+E)"),
        "training.act_reset": tr("Back to the run's initial weights; the loss history is "
                                 "cleared"),
        "training.act_reinit": tr("Draw new random initial weights (a new seed) and clear the "
                                  "history"),
        "training.act_layout_step": tr("Panels for one sample computed step by step: forward, "
                                       "backward, update, with every number"),
        "training.act_layout_train": tr("Panels for training on a data set: data, settings, "
                                        "loss curves and the output view"),
        "training.act_thumbnails": tr("Draw each neuron's output over the input plane inside "
                                      "its circle"),
        "presentation.act_presentation": tr("Everything larger (1.75×), high contrast, only the "
                                            "docks a lecture needs (F5)"),
        "presentation.act_swap": tr("Exchange the colours of the two classes (e.g. orange for "
                                    "positive)"),
    }


def tab_tips() -> list[str]:
    return [tr("The network: click a neuron or link to inspect it, double-click to edit, "
               "right-click for more; the step fills in every value"),
            tr("Any formula as a graph of gates: step its forward values and backward "
               "gradients node by node (the chain rule)"),
            tr("Handwritten digits: define, compile and fit a sigmoid network on 8×8 or 28×28 "
               "images, draw your own digit")]


def _resolve(window, name: str):
    obj = window
    for part in name.split("."):
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


def explain(window) -> None:
    """Give the window's actions, tabs and Qt's own small buttons their explanatory tooltips."""
    for name, tip in action_tips().items():
        act = _resolve(window, name)
        if act is not None:
            act.setToolTip(tip)
            if not act.statusTip():
                act.setStatusTip(tip)
    bar = window.tabs.tabBar()
    for i, tip in enumerate(tab_tips()[:bar.count()]):
        bar.setTabToolTip(i, tip)
    explain_qt_buttons(window)
    window.dock_tab_tips = DockTabTips(window)


def explain_qt_buttons(root) -> None:
    """Qt's own buttons inside ``root``: the docks' float and close buttons, the tab bars' arrows."""
    for dock in root.findChildren(QDockWidget):
        for b in dock.findChildren(QAbstractButton):
            if b.objectName() == "qt_dockwidget_closebutton":
                b.setToolTip(tr("Hide this panel (View ▸ its name shows it again)"))
            elif b.objectName() == "qt_dockwidget_floatbutton":
                b.setToolTip(tr("Detach this panel into a window of its own (double-click its "
                                "title to dock it again)"))
    for bar in root.findChildren(QTabBar):
        for b in bar.findChildren(QToolButton):
            if b.arrowType() == Qt.LeftArrow:
                b.setToolTip(tr("Show the tabs further left"))
            elif b.arrowType() == Qt.RightArrow:
                b.setToolTip(tr("Show the tabs further right"))


class DockTabTips(QObject):
    """Docks tabbed together get a tab bar from Qt, which names each tab's tooltip after the
    dock's title and renews it whenever it lays the tabs out. After each layout of the window
    this puts the panel's explanation (``help.panel_help``, its What's This) back."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._pending = False
        # a timer of its own, deleted with the window: a QTimer.singleShot(0, self.apply) still
        # fired after the window and its docks were deleted (RuntimeError in the event loop)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.apply)
        window.installEventFilter(self)
        self.apply()

    def eventFilter(self, obj, event):          # noqa: N802 (Qt override)
        if obj is self.window and event.type() in (QEvent.LayoutRequest, QEvent.ChildAdded) \
                and not self._pending:
            self._pending = True
            self._timer.start()
        return False

    def apply(self) -> None:
        from .help import panel_help
        self._pending = False
        keys = {d.windowTitle(): k for k, d in getattr(self.window, "docks", {}).items()}
        for bar in self.window.findChildren(QTabBar, options=Qt.FindDirectChildrenOnly):
            for i in range(bar.count()):
                text = panel_help(keys.get(bar.tabText(i), ""))
                if text:
                    plain = re.sub(r"<[^>]+>", "", text).strip()
                    if bar.tabToolTip(i) != plain:
                        bar.setTabToolTip(i, plain)
