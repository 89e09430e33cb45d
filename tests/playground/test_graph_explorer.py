"""The computational-graph explorer, used the way a person uses it: typing formulas into the
box, clicking the real step buttons, typing values into the variable editors, and reading
the boxes of the graph and the derivation panel."""
import math
import os

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core import Layer, Network, backward, forward
from core.expression import parse_expression
from core.unroll import bias_name, unroll_network, weight_name
from playground.document import Document
from playground.graph import GraphExplorer
from playground.graph.layout import columns_of, crossings, layout_graph

M = "\u2212"   # the minus sign numbers are shown with


@pytest.fixture
def explorer(qtbot):
    e = GraphExplorer()
    qtbot.addWidget(e)
    e.resize(1200, 800)
    e.show()
    return e


def click(qtbot, button):
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.LeftButton)


def type_formula(qtbot, e, text):
    e.expression_edit.clear()
    qtbot.keyClicks(e.expression_edit, text)
    qtbot.keyClick(e.expression_edit, Qt.Key_Return)


def type_value(qtbot, e, name, text):
    edit = e.variable_edit(name)
    edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key_Return)


def ids(e):
    """Node ids by name: the variables, plus 'out' for the output gate."""
    out = dict(e.graph.inputs)
    out["out"] = e.graph.output
    return out


def texts(e):
    return {k: (e.node_item(k).value_text(), e.node_item(k).grad_text())
            for k in range(len(e.graph))}


def screenshot(qtbot, e, name):
    qtbot.wait(10)                      # let pending layout requests run before grabbing
    path = f"/tmp/graph_{name}.png"
    assert e.grab().save(path)
    assert os.path.getsize(path) > 10_000


# ---------------------------------------------------------------- (x + y) · z
def test_add_mul_forward_then_backward_node_by_node(qtbot, explorer):
    """(x + y)·z at x = −2, y = 5, z = −4: f = −12, ∂f/∂x = ∂f/∂y = z = −4, ∂f/∂z = x + y = 3."""
    e = explorer
    n = ids(e)
    add = next(k for k in range(len(e.graph)) if e.graph.nodes[k].op == "add")
    assert all(v == ("", "") for v in texts(e).values())        # nothing reached yet
    for _ in range(3):                                           # the three inputs
        click(qtbot, e.step_forward_button)
    assert e.node_item(n["x"]).value_text() == f"{M}2"
    assert e.node_item(add).value_text() == ""
    click(qtbot, e.step_forward_button)
    assert e.node_item(add).value_text() == "3"
    assert "q = x + y = " + f"{M}2 + 5 = 3" in e.explanation_text()
    assert e.node_item(n["out"]).value_text() == ""

    click(qtbot, e.run_forward_button)
    assert e.node_item(n["out"]).value_text() == f"{M}12"
    assert e.graph.value == -12.0
    assert all(g == "" for _, g in texts(e).values())            # no gradient yet
    assert not e.run_forward_button.isEnabled()

    click(qtbot, e.step_backward_button)                         # the mul gate
    text = e.explanation_text()
    assert "mul gate" in text
    assert f"∂f/∂q = z = {M}4" in text and "∂f/∂z = q = 3" in text
    assert f"q receives upstream × local = 1 × ({M}4) = {M}4" in text
    assert e.node_item(add).grad_text() == f"{M}4"
    assert e.node_item(n["z"]).grad_text() == "3"
    assert e.node_item(n["x"]).grad_text() == ""                 # not reached yet

    click(qtbot, e.step_backward_button)                         # the add gate
    assert "distributes" in e.explanation_text()
    while e.step_backward_button.isEnabled():
        click(qtbot, e.step_backward_button)
    assert e.node_item(n["x"]).grad_text() == f"{M}4"
    assert e.node_item(n["y"]).grad_text() == f"{M}4"
    assert e.node_item(n["z"]).grad_text() == "3"
    assert e.graph.gradients() == {"x": -4.0, "y": -4.0, "z": 3.0}
    assert "Backward pass complete" in e.explanation_text()

    click(qtbot, e.back_button)                                  # recomputed up to position − 1
    assert e.stepper.position == e.stepper.end - 1
    assert e.node_item(n["y"]).grad_text() == f"{M}4"
    click(qtbot, e.reset_button)
    assert all(v == ("", "") for v in texts(e).values())
    assert not e.back_button.isEnabled()


def test_backward_button_finishes_the_forward_pass_first(qtbot, explorer):
    e = explorer
    click(qtbot, e.step_backward_button)
    assert e.stepper.position == e.stepper.n_forward + 1
    assert e.node_item(e.graph.output).value_text() == f"{M}12"
    assert "mul gate" in e.explanation_text()


# ---------------------------------------------------------------- the sigmoid neuron
@pytest.mark.parametrize("preset, exact", [(4, True), (3, False)])
def test_sigmoid_neuron_preset(qtbot, explorer, preset, exact):
    """σ(w0·x0 + w1·x1 + w2) at w = [2, −3, −3], x = [−1, −2] (the CS231n neuron)."""
    e = explorer
    combo = e.preset_combo
    combo.setFocus()
    for _ in range(preset):                     # the keyboard on the closed combo picks it
        qtbot.keyClick(combo, Qt.Key_Down)
    assert combo.currentIndex() == preset
    assert e.expression_edit.text() == combo.currentText()
    assert {n: e.variable_edit(n).value() for n in e.graph.inputs} == {
        "w0": 2.0, "x0": -1.0, "w1": -3.0, "x1": -2.0, "w2": -3.0}
    click(qtbot, e.run_forward_button)
    out = e.node_item(e.graph.output)
    assert out.value_text() == "0.731059"
    click(qtbot, e.run_backward_button)
    g = e.graph.gradients()
    x0, x1 = e.graph.inputs["x0"], e.graph.inputs["x1"]
    if exact:
        assert e.graph.value == 0.7310585786300049
        assert g["x0"] == 0.3932238664829637 and g["x1"] == -0.5898357997244456
    else:
        assert e.graph.value == pytest.approx(0.7310585786300049, abs=1e-15)
        assert g["x0"] == pytest.approx(0.3932238664829637, abs=1e-15)
        assert g["x1"] == pytest.approx(-0.5898357997244456, abs=1e-15)
    assert e.node_item(x0).grad_text() == "0.393224"
    assert e.node_item(x1).grad_text() == f"{M}0.589836"


def test_sigmoid_gate_explains_its_local_rule(qtbot, explorer):
    e = explorer
    type_formula(qtbot, e, "sigmoid(w0*x0 + w1*x1 + w2)")
    click(qtbot, e.run_forward_button)
    click(qtbot, e.step_backward_button)
    text = e.explanation_text()
    assert "sigmoid gate" in text and "f·(1 − f)" in text and "0.196612" in text


# ---------------------------------------------------------------- refused formulas
@pytest.mark.parametrize("text", ["__import__('os')", "x.__class__", "lambda: 1", "x +", "2 ** x",
                                  "9**9**9", "[x for x in y]"])
def test_hostile_formula_shows_error_and_keeps_graph(qtbot, explorer, text):
    e = explorer
    before = e.graph
    type_formula(qtbot, e, text)
    assert not e.error_label.isHidden() and e.error_label.text()
    assert e.graph is before
    click(qtbot, e.run_forward_button)                     # the old graph still works
    assert e.node_item(e.graph.output).value_text() == f"{M}12"


def test_ten_thousand_parentheses_are_refused(qtbot, explorer):
    e = explorer
    before = e.graph
    e.expression_edit.setText("(" * 10_000 + "x" + ")" * 10_000)   # as pasted
    click(qtbot, e.build_button)
    assert "too long" in e.error_label.text() and not e.error_label.isHidden()
    assert e.graph is before
    e.expression_edit.setText("(" * 900 + "x" + ")" * 900)          # short enough, too deep
    click(qtbot, e.build_button)
    assert "nested" in e.error_label.text() and e.graph is before
    for text, why in (("x" * 5000, "too long"), ("-" * 1500 + "x", "nested")):
        e.expression_edit.setText(text)
        click(qtbot, e.build_button)
        assert why in e.error_label.text() and e.graph is before
    type_formula(qtbot, e, "x * y")                        # a good formula clears the error
    assert e.error_label.isHidden() and list(e.graph.inputs) == ["x", "y"]


def test_step_that_cannot_be_computed_is_reported(qtbot, explorer):
    e = explorer
    type_formula(qtbot, e, "log(x)")                       # x starts at −2
    click(qtbot, e.run_forward_button)
    assert "log" in e.error_label.text() and not e.error_label.isHidden()
    assert e.stepper.position == 1                          # stopped before the log gate
    type_value(qtbot, e, "x", "2")
    click(qtbot, e.run_forward_button)
    assert e.error_label.isHidden()
    assert e.graph.value == pytest.approx(math.log(2))


# ---------------------------------------------------------------- values and descent
def test_editing_a_value_recomputes_from_the_start(qtbot, explorer):
    e = explorer
    click(qtbot, e.run_backward_button)
    type_value(qtbot, e, "x", "3")
    assert e.stepper.position == 0
    assert e.node_item(e.graph.output).value_text() == ""
    click(qtbot, e.run_forward_button)
    assert e.graph.value == (3 + 5) * -4
    type_value(qtbot, e, "y", "abc")                        # refused: red border, reason
    edit = e.variable_edit("y")
    assert edit.is_invalid() and "abc" in edit.toolTip() and "border" in edit.styleSheet()
    assert edit.value() == 5.0 and e.stepper.values["y"] == 5.0


def test_descend_one_step_lowers_f(qtbot, explorer):
    """z·(x − y) at x = −2, y = 5, z = −4: f = 28; ∂f/∂x = z = −4, ∂f/∂y = 4, ∂f/∂z = −7."""
    e = explorer
    type_formula(qtbot, e, "z * (x - y)")
    click(qtbot, e.run_forward_button)
    assert e.graph.value == 28.0
    click(qtbot, e.descend_button)
    new = {"x": -2 + 0.1 * 4, "y": 5 - 0.1 * 4, "z": -4 + 0.1 * 7}
    for name, value in new.items():
        assert e.variable_edit(name).value() == pytest.approx(value)
    assert e.variable_edit("x").text() == f"{M}1.6"
    assert e.graph.value == pytest.approx(-3.3 * (-1.6 - 4.6)) and e.graph.value < 28
    assert "28" in e.variables.result_label.text() and "20.46" in e.variables.result_label.text()
    text = e.explanation_text()
    assert "lower by 7.54" in text and f"x := x − h·∂f/∂x = {M}2 − 0.1 × ({M}4) = {M}1.6" in text
    click(qtbot, e.descend_button)                           # and again: lower still
    assert e.graph.value < 20.46


def test_fan_out_gradients_add(qtbot, explorer):
    """x·x + x·y: x is used three times, ∂f/∂x = 2x + y = 1."""
    e = explorer
    type_formula(qtbot, e, "x * x + x * y")
    click(qtbot, e.run_backward_button)
    assert e.graph.gradients() == {"x": 1.0, "y": -2.0}
    assert "used 3 times, so the gradients add" in e.explanation_text()
    assert e.node_item(e.graph.inputs["x"]).grad_text() == "1"


def test_max_gate_routes(qtbot, explorer):
    e = explorer
    type_formula(qtbot, e, "max(x, y) * w")
    click(qtbot, e.run_forward_button)
    click(qtbot, e.step_backward_button)
    click(qtbot, e.step_backward_button)
    text = e.explanation_text()
    assert "routes" in text and "y is the largest input" in text
    assert e.graph.gradients()["x"] == 0.0 and e.graph.gradients()["y"] == 1.0


# ---------------------------------------------------------------- the Document's network
def _matrix_engine(doc):
    p = doc.project
    trace = forward(p.network, p.sample_x)
    return trace, backward(p.network, trace, p.sample_y, p.loss)


def test_show_loss_matches_matrix_engine(qtbot, explorer):
    doc = Document()
    e = explorer
    assert e.show_loss(doc)
    assert e.title_label.text() and not e.title_label.isHidden()
    click(qtbot, e.run_backward_button)
    trace, bt = _matrix_engine(doc)
    assert e.graph.value == pytest.approx(0.227138, abs=1e-12) == bt.loss
    assert e.node_item(e.graph.output).value_text() == "0.227138"
    g = e.graph.gradients()
    assert g[weight_name(2, 0, 0)] == pytest.approx(-0.39092, abs=1e-12)
    for l, layer in enumerate(doc.network.layers, start=1):
        for (i, j), dw in np.ndenumerate(bt.dW[l - 1]):
            assert g[weight_name(l, i, j)] == pytest.approx(dw, abs=1e-12)
        for i, db in enumerate(bt.db[l - 1]):
            assert g[bias_name(l, i)] == pytest.approx(db, abs=1e-12)
    w2 = e.node_item(e.graph.inputs[weight_name(2, 0, 0)])
    assert w2.grad_text() == f"{M}0.39092"
    assert e.variable_edit(weight_name(2, 0, 0)).value() == 0.5


def test_show_neuron_matches_forward_trace(qtbot, explorer):
    doc = Document()
    e = explorer
    trace, _ = _matrix_engine(doc)
    for layer, i in ((1, 0), (1, 1), (2, 0)):
        assert e.show_neuron(doc, layer, i)
        click(qtbot, e.run_forward_button)
        assert e.graph.value == pytest.approx(float(trace.a[layer - 1][0, i]), abs=1e-12)
    assert e.graph.value == pytest.approx(1.326)


def test_document_edit_refreshes_the_network_graph(qtbot, explorer):
    doc = Document()
    e = explorer
    e.show_loss(doc)
    click(qtbot, e.run_forward_button)
    qtbot.keyClicks(e.expression_edit, "x * y")             # typing, not yet built
    doc.set_weight(2, 0, 0, 0.6)
    qtbot.waitUntil(lambda: e.graph.input_values[weight_name(2, 0, 0)] == 0.6, timeout=2000)
    assert e.expression_edit.text() == "x * y"              # the reload kept the typing
    trace, bt = _matrix_engine(doc)
    assert e.stepper.position == e.stepper.n_forward          # the walk kept its place
    assert e.graph.value == pytest.approx(bt.loss, abs=1e-12)
    type_formula(qtbot, e, "(x + y) * z")                      # back to formulas
    assert e.title_label.isHidden()
    doc.set_weight(2, 0, 0, 0.7)
    qtbot.wait(200)
    assert list(e.graph.inputs) == ["x", "y", "z"]


def test_show_graph_of_a_bigger_network_draws_every_node(qtbot, explorer):
    rng = np.random.default_rng(0)
    net = Network(3, [Layer(rng.normal(size=(6, 3)), np.zeros(6), "tanh"),
                      Layer(rng.normal(size=(4, 6)), np.zeros(4), "sigmoid"),
                      Layer(rng.normal(size=(1, 4)), np.zeros(1), "sigmoid")])
    graph = unroll_network(net, [0.1, -0.2, 0.3], [1.0], "binary_cross_entropy")
    assert len(graph) > 60
    e = explorer
    e.show_graph(graph, "big")
    click(qtbot, e.run_backward_button)
    inputs = graph.inputs
    assert all(e.node_item(k).grad_text() for k in inputs.values())
    assert len(e.variables.edits) == len(inputs) == 3 + 18 + 6 + 24 + 4 + 4 + 1
    assert e.variable_edit("W3[0,3]").value() == net.layers[2].weights[0, 3]
    screenshot(qtbot, e, "big_network")


# ---------------------------------------------------------------- layout
def test_layout_columns_and_crossings():
    g = parse_expression("1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))")
    lay = layout_graph(g)
    col = lay.column
    assert col[g.output] == lay.n_columns - 1 == max(col.values())
    for node in g.nodes:
        for i in node.inputs:
            assert col[i] < col[node.id]
        if node.op == "input":
            assert col[node.id] == 0
        if node.op == "const":                   # constants stand next to their gate
            assert min(col[c] for c in g.consumers(node.id)) == col[node.id] + 1
    assert crossings(g, lay) == 0
    g = parse_expression("(x + y) * z")
    assert crossings(g, layout_graph(g)) == 0


def test_unrolled_network_places_parameters_next_to_their_layer():
    doc = Document()
    p = doc.project
    g = unroll_network(p.network, p.sample_x, p.sample_y, p.loss)
    col = columns_of(g, inputs_near=True)
    w2 = g.inputs[weight_name(2, 0, 0)]
    assert col[w2] == min(col[c] for c in g.consumers(w2)) - 1 > 0
    assert col[g.inputs["x[0]"]] == 0 and col[g.output] == max(col.values())


# ---------------------------------------------------------------- pictures to look at
def test_screenshots_mid_backward(qtbot, explorer):
    e = explorer
    click(qtbot, e.run_forward_button)
    click(qtbot, e.step_backward_button)                   # the mul gate explained
    screenshot(qtbot, e, "add_mul")
    type_formula(qtbot, e, "1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))")
    click(qtbot, e.run_forward_button)
    for _ in range(5):
        click(qtbot, e.step_backward_button)
    screenshot(qtbot, e, "sigmoid")
    type_formula(qtbot, e, "x * x + x * y")
    click(qtbot, e.run_forward_button)
    for _ in range(5):
        click(qtbot, e.step_backward_button)
    screenshot(qtbot, e, "fan_out")
    e.show_loss(Document())
    click(qtbot, e.run_forward_button)
    for _ in range(8):
        click(qtbot, e.step_backward_button)
    screenshot(qtbot, e, "loss")
    click(qtbot, e.descend_button)
    screenshot(qtbot, e, "descend")


def test_neuron_that_disappears_keeps_the_last_graph(qtbot, explorer):
    doc = Document()
    e = explorer
    e.show_neuron(doc, 2, 0)
    before = e.graph
    doc.set_network(Network(2, [Layer([[0.1, 0.2]], [0.0], "linear")]))
    qtbot.waitUntil(lambda: not e.error_label.isHidden(), timeout=2000)
    assert e.graph is before and "layer" in e.error_label.text()
    assert e.show_loss(doc) and e.error_label.isHidden()


# ---------------------------------------------------------------- readability of big graphs
def full_rect(item):
    """A node's box with its value above and gradient below, in scene coordinates."""
    return item.mapRectToScene(item.boundingRect() | item.childrenBoundingRect())


def overlapping_nodes(e):
    rects = [(k, full_rect(e.node_item(k))) for k in range(len(e.graph))]
    return [(a, b) for n, (a, ra) in enumerate(rects) for b, rb in rects[n + 1:]
            if ra.intersects(rb)]


def visible_scene_rect(view):
    return view.mapToScene(view.viewport().rect()).boundingRect()


def test_add_mul_graph_is_drawn_large_without_overlaps(qtbot, explorer):
    e = explorer
    click(qtbot, e.run_backward_button)                   # every value and gradient shown
    assert overlapping_nodes(e) == []
    assert e.view.zoom() > 1.0                            # a small graph is magnified
    assert visible_scene_rect(e.view).contains(e.scene.itemsBoundingRect())


def two_four_four_one():
    net = Network.create([2, 4, 4, 1], ["tanh", "tanh", "sigmoid"], seed=1)
    return net, unroll_network(net, [0.5, -1.0], [1.0], "binary_cross_entropy")


def test_unrolled_2_4_4_1_network_is_readable_and_followed(qtbot):
    from playground.graph.graph_view import READABLE_SCALE
    e = GraphExplorer()
    qtbot.addWidget(e)
    e.resize(1400, 900)
    e.show()
    net, graph = two_four_four_one()
    assert 60 <= len(graph) <= 100
    e.show_graph(graph, "2-4-4-1")
    qtbot.wait(10)
    assert e.view.zoom() >= READABLE_SCALE                # never shrunk to unreadable numbers
    click(qtbot, e.run_backward_button)
    assert overlapping_nodes(e) == []
    click(qtbot, e.reset_button)
    click(qtbot, e.run_forward_button)
    for _ in range(12):                                   # the view follows the walk
        click(qtbot, e.step_backward_button)
        phase, node = e.stepper.current
        assert visible_scene_rect(e.view).contains(full_rect(e.node_item(node))), node
    screenshot(qtbot, e, "mid_backward_2441")
    click(qtbot, e.fit_button)                            # the overview: the whole graph
    assert e.view.zoom() < READABLE_SCALE
    assert visible_scene_rect(e.view).contains(e.scene.itemsBoundingRect())
    zoom = e.view.zoom()
    qtbot.keyClick(e.view, Qt.Key_Plus, Qt.ControlModifier)
    assert e.view.zoom() == pytest.approx(zoom * 1.15) and not e.view.auto_fit
    qtbot.keyClick(e.view, Qt.Key_0, Qt.ControlModifier)
    assert e.view.zoom() == pytest.approx(zoom) and e.view.auto_fit


def test_explorer_fits_next_to_the_main_window_docks(qtbot, explorer):
    """The tab beside the Inspector and Step docks of a 1400-pixel window is about 800 wide."""
    assert explorer.minimumSizeHint().width() <= 800
    explorer.show_graph(two_four_four_one()[1], "2-4-4-1")
    assert explorer.minimumSizeHint().width() <= 800


# ---------------------------------------------------------------- every word through tr()
def test_user_visible_strings_go_through_tr(qtbot):
    from PySide6.QtCore import QCoreApplication, QTranslator
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    class Mark(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return "«" + source + "»"

        def isEmpty(self):                    # noqa: N802
            return False

    mark = Mark()
    QCoreApplication.installTranslator(mark)
    try:
        e = GraphExplorer()
        qtbot.addWidget(e)
        e.show()
        click(qtbot, e.run_forward_button)
        click(qtbot, e.step_backward_button)
        widgets = [w for w in e.findChildren(QLabel) + e.findChildren(QAbstractButton)
                   if w.isVisible() and w.text() and not w.text().endswith(" =")]
        assert len(widgets) >= 10
        for w in widgets:
            assert w.text().startswith("«"), w.text()
            assert not w.toolTip() or w.toolTip().startswith("«"), w.toolTip()
        assert all(g.title().startswith("«") for g in e.findChildren(QGroupBox))
        lines = e.explanation_text().splitlines()
        words = [line for line in lines if any(len(t) > 3 and t.isalpha() and t.isascii()
                                               for t in line.replace(":", " ").split())]
        assert words and all(line.startswith("«") for line in words), lines
        tip = e.node_item(e.graph.output).toolTip().splitlines()
        assert all(line.startswith("«") for line in tip[1:]) and len(tip) == 3
        type_formula(qtbot, e, "x.y")
        assert e.error_label.text().startswith("«Cannot build this formula")
    finally:
        QCoreApplication.removeTranslator(mark)
