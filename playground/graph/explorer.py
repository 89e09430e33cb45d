"""GraphExplorer: type a formula (or take a neuron or the loss of the network), see it as a
computational graph, and walk it one node at a time, forward then backward, with every
gate's arithmetic explained; then take a gradient-descent step on its variables.

The explorer holds no maths: ``core.expression`` parses, ``core.unroll`` unrolls the
Document's network, ``core.scalar_graph`` computes, ``GraphStepper`` keeps the position.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QSplitter, QTextBrowser, QVBoxLayout, QWidget)

from core.errors import EngineError
from core.expression import ExpressionError, parse_expression
from core.unroll import unroll_network, unroll_neuron

from ..formatting import format_number
from ..engine_text import error_text
from ..widgets import arg, symbol_text
from .derivation import Deriver
from .graph_scene import GraphScene
from .graph_view import GraphView
from .naming import node_names
from .stepper import GraphStepper
from .variables import VariablesPanel

PRESETS = ("(x + y) * z", "z * (x - y)", "max(x, y) * w",
           "1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))", "sigmoid(w0*x0 + w1*x1 + w2)", "x * x + x * y")
DEFAULTS = {"x": -2.0, "y": 5.0, "z": -4.0, "w0": 2.0, "w1": -3.0, "w2": -3.0,
            "x0": -1.0, "x1": -2.0}
"""Starting values from the articles; any other variable starts at 1."""
DIGITS = 6


class GraphExplorer(QWidget):
    moved = Signal()
    """The walk's position changed (the window's Forward / Backward follow the buttons)."""

    def __init__(self, doc=None, parent=None):
        super().__init__(parent)
        self.doc = None
        self.graph = None
        self.stepper: GraphStepper | None = None
        self._source = None                       # None, ("neuron", layer, i) or ("loss",)
        self._stale = False
        self._doc_timer = QTimer(self, singleShot=True, interval=120)
        self._doc_timer.timeout.connect(self._reload_source)
        self._build_ui()
        if doc is not None:
            self._attach(doc)
        self.build(PRESETS[0])

    # ------------------------------------------------------------ widgets
    def _build_ui(self) -> None:
        self.expression_edit = QLineEdit(PRESETS[0])
        self.expression_edit.setPlaceholderText(self.tr("Type a formula, e.g. (x + y) * z"))
        self.expression_edit.setToolTip(self.tr("A formula in x, y, z… with + − * / **, max, min, "
                                                "exp, log, sigmoid, tanh, relu; Enter or Build draws it "
                                                "as a graph of gates"))
        self.expression_edit.returnPressed.connect(self.build)
        self.build_button = QPushButton(self.tr("Build"))
        self.build_button.setToolTip(self.tr("Draw the typed formula as a computational graph, "
                                             "ready to step (values and gradients cleared)"))
        self.build_button.clicked.connect(self.build)
        self.preset_combo = QComboBox()
        self.preset_combo.addItems(PRESETS)
        self.preset_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.preset_combo.setMinimumContentsLength(16)      # narrow: the long ones elide
        self.preset_combo.setToolTip(self.tr("Formulas from the source articles (add, multiply and "
                                             "max gates, a neuron, a loss); choosing one builds it"))
        self.preset_combo.activated.connect(self._on_preset)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Formula f =")))
        top.addWidget(self.expression_edit, 1)
        top.addWidget(self.build_button)
        top.addWidget(QLabel(self.tr("Examples:")))
        top.addWidget(self.preset_combo)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        font = QFont(self.title_label.font())
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.hide()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828; font-weight: bold;")
        self.error_label.hide()

        def button(text, tip, slot):
            b = QPushButton(text)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            steps.addWidget(b)
            return b
        steps = QHBoxLayout()
        self.step_forward_button = button(self.tr("Forward one node"),
                                          self.tr("Compute the value of the next node from its inputs"),
                                          lambda: self._move(self.stepper.step))
        self.step_backward_button = button(self.tr("Backward one node"),
                                           self.tr("Send the next node's gradient to its inputs"),
                                           self._backward_one)
        self.run_forward_button = button(self.tr("Run forward"),
                                         self.tr("Compute the value of every node in order, up to f"),
                                         lambda: self._goto(self.stepper.n_forward))
        self.run_backward_button = button(self.tr("Run backward"),
                                          self.tr("Send the gradients back through every gate to "
                                                  "the variables: ∂f/∂x for each (the chain rule)"),
                                          lambda: self._goto(self.stepper.end))
        self.back_button = button(self.tr("Step back"),
                                  self.tr("Undo the last forward or backward step of the walk"),
                                  lambda: self._move(self.stepper.step_back))
        self.reset_button = button(self.tr("Reset"),
                                   self.tr("Back to the start of the walk: no values, no gradients"),
                                   lambda: self._goto(0))
        self.fit_button = button(self.tr("Fit"), self.tr("Show the whole graph (Ctrl+0); "
                                                         "Ctrl+wheel zooms, drag pans"),
                                 lambda: self.view.fit(whole=True))
        steps.addStretch(1)
        self.status_label = QLabel()              # heads the derivation: where the walk is
        font = QFont(self.status_label.font())
        font.setBold(True)
        self.status_label.setFont(font)

        self.scene = GraphScene(self)
        self.view = GraphView(self.scene)
        self.variables = VariablesPanel()
        self.variables.value_committed.connect(self._on_variable)
        self.descend_button = self.variables.descend_button
        self.descend_button.clicked.connect(self.descend)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        font = QFont(self.browser.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.15)
        self.browser.setFont(font)
        bottom = QSplitter(Qt.Horizontal)          # graphs are wide: the view gets the width
        bottom.addWidget(self.variables)
        explained = QWidget()
        column = QVBoxLayout(explained)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.status_label)
        column.addWidget(self.browser, 1)
        bottom.addWidget(explained)
        bottom.setStretchFactor(1, 2)
        bottom.setSizes([400, 800])
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.view)
        split.addWidget(bottom)
        split.setStretchFactor(0, 2)              # the graph gets most of the height
        split.setStretchFactor(1, 1)
        split.setSizes([540, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.title_label)
        layout.addWidget(self.error_label)
        layout.addLayout(steps)
        layout.addWidget(split, 1)

    # ------------------------------------------------------------ test and window API
    def variable_edit(self, name: str):
        return self.variables.edit(name)

    def node_item(self, node_id: int):
        return self.scene.items_by_id[node_id]

    def explanation_text(self) -> str:
        return self.browser.toPlainText()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    # ------------------------------------------------------------ building graphs
    def build(self, text: str | None = None, keep_values: bool = True) -> bool:
        """Parse the formula box (or ``text``) and show it; an error keeps the current graph.

        Variables keep the values they had in the formula shown before (``keep_values``);
        new ones start at ``DEFAULTS`` or 1."""
        if isinstance(text, str):
            self.expression_edit.setText(text)
        text = self.expression_edit.text()
        try:
            graph = parse_expression(text)
        except ExpressionError as err:
            self.show_error(arg(self.tr("Cannot build this formula: %1"), error_text(err)))
            return False
        except (RecursionError, MemoryError):
            self.show_error(self.tr("Cannot build this formula: it is too complex."))
            return False
        keep = keep_values is True and self.stepper is not None and self._source is None
        old = self.stepper.values if keep else {}
        values = {n: old.get(n, DEFAULTS.get(n, 1.0)) for n in graph.inputs}
        self._source = None
        self.title_label.hide()
        self.preset_combo.setCurrentIndex(self._preset_index(text))
        self._show(graph, values, inputs_near=False)
        return True

    def show_formula(self, text: str, values: dict) -> bool:
        """Build ``text`` with these variable values (others as ``build`` starts them): a
        lesson's graph."""
        if not self.build(text, keep_values=False):
            return False
        if values:
            self._move(lambda: self.stepper.set_values(values))
            self.variables.set_values(self.stepper.values)
        return True

    def _preset_index(self, text: str) -> int:
        """The preset the formula is (ignoring spaces), or −1: the combo then shows none."""
        squeeze = "".join(text.split())
        return next((k for k, p in enumerate(PRESETS) if "".join(p.split()) == squeeze), -1)

    def _on_preset(self, index: int) -> None:
        self.build(self.preset_combo.itemText(index), keep_values=False)

    def show_graph(self, graph, title: str = "", inputs_near: bool = True) -> None:
        """Show an externally built Graph (e.g. from ``core.unroll``) at its held input values."""
        self._source = None
        self._show_external(graph, title, inputs_near)

    def _show_external(self, graph, title: str, inputs_near: bool, reload: bool = False) -> None:
        if not reload:                  # a reload must not wipe a formula being typed
            self.expression_edit.clear()
            self.expression_edit.setPlaceholderText(self.tr("Type a formula and press Enter "
                                                            "to explore it instead"))
            self.preset_combo.setCurrentIndex(-1)
        self.title_label.setText(title)
        self.title_label.setVisible(bool(title))
        self._show(graph, graph.input_values, inputs_near, refit=not reload)

    def show_neuron(self, doc, layer: int, i: int) -> bool:
        """The activation of neuron ``i`` (0-based) of neuron layer ``layer`` (1-based)."""
        self._attach(doc)
        return self._load(("neuron", int(layer), int(i)))

    def show_loss(self, doc) -> bool:
        """The loss of the Document's network for its sample, unrolled into single gates."""
        self._attach(doc)
        return self._load(("loss",))

    def _load(self, source, keep_position: bool = False) -> bool:
        p = self.doc.project
        xs = ", ".join(format_number(v, DIGITS) for v in p.sample_x)
        try:
            if source[0] == "neuron":
                graph = unroll_neuron(p.network, source[1], source[2], p.sample_x)
                title = arg(self.tr("Neuron %1 for the sample x = (%2)"),
                            symbol_text("a", source[1], source[2]), xs)
            else:
                graph = unroll_network(p.network, p.sample_x, p.sample_y, p.loss)
                ys = ", ".join(format_number(v, DIGITS) for v in p.sample_y)
                title = arg(self.tr("Loss L of the network for the sample x = (%1), y = (%2)"),
                            xs, ys)
        except (EngineError, ValueError) as err:
            self.show_error(arg(self.tr("Cannot show this graph: %1"), error_text(err)))
            return False
        position = self.stepper.position if keep_position and self.stepper else 0
        same = keep_position and self.graph is not None and len(self.graph) == len(graph)
        self._source = source
        self._show_external(graph, title, inputs_near=True, reload=same)
        if same:
            self._goto(position)
        return True

    def _attach(self, doc) -> None:
        if doc is self.doc:
            return
        if self.doc is not None:
            self.doc.changed.disconnect(self._on_doc_changed)
        self.doc = doc
        doc.changed.connect(self._on_doc_changed)

    def _on_doc_changed(self, change) -> None:
        if self._source is not None and (change.structure or change.params or change.sample
                                         or change.config or change.document):
            if not self._doc_timer.isActive():     # throttle, never starve during training
                self._doc_timer.start()

    def _reload_source(self) -> None:
        if self._source is None or self.doc is None:
            return
        if not self.isVisible():        # hidden (another tab): catch up when shown again
            self._stale = True
            return
        self._stale = False
        self._load(self._source, keep_position=True)

    def showEvent(self, event):         # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._reload_source()

    def _show(self, graph, values, inputs_near: bool, refit: bool = True) -> None:
        try:
            stepper = GraphStepper(graph, values)
        except EngineError as err:
            self.show_error(arg(self.tr("Cannot show this graph: %1"), error_text(err)))
            return
        self.show_error("")
        self.graph, self.stepper = graph, stepper
        self.names = node_names(graph)
        self.deriver = Deriver(graph, self.names, DIGITS)
        self.scene.set_graph(graph, self.names, inputs_near)
        self.variables.set_variables({n: stepper.values[n] for n in graph.inputs})
        if refit or self.view.auto_fit:         # a new graph: readable; a reload: as it was
            self.view.fit(whole=not refit and self.view.fit_whole)
        self._refresh()

    # ------------------------------------------------------------ stepping
    def _move(self, action) -> None:
        try:
            action()
            self.show_error("")
        except EngineError as err:
            self.show_error(arg(self.tr("This step cannot be computed: %1"), error_text(err)))
        self._refresh()

    def _goto(self, position: int) -> None:
        self._move(lambda: self.stepper.goto(position))

    def _backward_one(self) -> None:
        """One backward step; if the forward pass is unfinished, it is finished first."""
        s = self.stepper
        self._move(lambda: (s.goto(s.n_forward) if not s.forward_done else None, s.step()))

    def _on_variable(self, name: str, value: float) -> None:
        self._move(lambda: self.stepper.set_values({name: value}))

    def descend(self) -> None:
        """x := x − h·∂f/∂x for every variable; show f before and after."""
        s, g = self.stepper, self.graph
        if s is None or not g.inputs or self.variables.rate_edit.is_invalid():
            return
        lr = self.variables.rate()
        old = dict(s.values)
        try:
            old_f = g.forward(old)
            grads = g.backward()
            new = g.gradient_descent_step(lr)
            new_f = g.value
        except EngineError as err:
            self.show_error(arg(self.tr("The descent step cannot be computed: %1"), error_text(err)))
            s.goto(s.position)
            return
        s.values.update(new)
        s.goto(s.n_forward)
        self.variables.set_values(new)
        self.variables.result_label.setText(arg(
            self.tr("%1: %2 → %3"), self.names[g.output], format_number(old_f, DIGITS),
            format_number(new_f, DIGITS)))
        self.show_error("")
        self._refresh()
        self.browser.setHtml(self.deriver.descent(lr, old, grads, new, old_f, new_f))

    def retranslate(self) -> None:
        """Re-render the explanation and status in the language just installed."""
        if self.stepper is not None:
            self._refresh()

    def _refresh(self) -> None:
        s = self.stepper
        self.scene.refresh(s, DIGITS)
        pos, end = s.position, s.end
        self.step_forward_button.setEnabled(pos < s.n_forward)
        self.run_forward_button.setEnabled(pos < s.n_forward)
        self.step_backward_button.setEnabled(pos < end)
        self.run_backward_button.setEnabled(pos < end)
        self.back_button.setEnabled(pos > 0)
        self.reset_button.setEnabled(pos > 0)
        self.descend_button.setEnabled(bool(self.graph.inputs))
        phase = (self.tr("start") if pos == 0 else self.tr("forward pass")
                 if pos <= s.n_forward else self.tr("backward pass"))
        self.status_label.setText(arg(self.tr("Step %1 of %2 (%3)"), pos, end, phase))
        current = s.current
        if current is None:
            html = self.deriver.intro()
        elif current[0] == "forward":
            html = self.deriver.forward(current[1])
        else:
            html = self.deriver.backward(s, current[1])
        if current is not None:
            html += self.deriver.summary(s)
            item = self.node_item(current[1])            # the box with its two numbers
            self.view.ensureVisible(item.mapRectToScene(
                item.boundingRect() | item.childrenBoundingRect()), 40, 30)
        self.browser.setHtml(html)
        self.moved.emit()
