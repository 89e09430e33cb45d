"""The network canvas mirrors the Document: items, styles, values, editing, menus, speed.

Numbers are the first seed's worked example (the Document's default project): inputs
[0.9, 1.0], W1 [[0.2, 0.3], [0.4, 0.5]], b1 [0.1, 0.2], W2 [[0.5, 0.6]], b2 [0.4], target 2.
"""
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from core import Network
from core.errors import EngineError
from playground.canvas import NetworkView
from playground.canvas.links import NEGATIVE, POSITIVE, link_style
from playground.commands import SetParameter
from playground.document import Document
from playground.formatting import format_number
from playground.resources import load_example
from playground.selection import Selection


@pytest.fixture
def doc():
    return Document()


@pytest.fixture
def view(qtbot, doc):
    v = NetworkView(doc, Selection())
    qtbot.addWidget(v)
    v.resize(1000, 700)
    return v


def make_view(qtbot, doc, show=False):
    v = NetworkView(doc, Selection())
    qtbot.addWidget(v)
    v.resize(1000, 700)
    if show:
        v.show()
        qtbot.waitExposed(v)
    return v


def action(menu, name):
    found = [a for a in menu.findChildren(type(menu.menuAction())) if a.objectName() == name]
    found += [a for a in menu.actions() if a.objectName() == name]
    assert found, f"no action {name!r} in {[a.objectName() for a in menu.actions()]}"
    return found[0]


def line_texts(item):
    return item.label_texts()


# ------------------------------------------------------------------ items
@pytest.mark.parametrize("sizes", [[2, 2, 1], [3, 4, 4, 2], [1, 1], [5, 1, 7]])
def test_one_item_per_neuron_and_link(qtbot, sizes):
    """The scene holds exactly one item per neuron and per link, in layer columns."""
    doc = Document()
    doc.set_network(Network.create(sizes, "tanh", seed=1))
    view = make_view(qtbot, doc)
    scene = view.scene()
    n_links = sum(a * b for a, b in zip(sizes, sizes[1:]))
    assert len(scene._neurons) == sum(sizes)
    assert scene.link_count() == n_links
    for layer, n in enumerate(sizes):
        xs = {scene.neuron_item(layer, i).pos().x() for i in range(n)}
        assert len(xs) == 1                                   # one column per layer
        ys = [scene.neuron_item(layer, i).pos().y() for i in range(n)]
        assert ys == sorted(ys) and abs(sum(ys)) < 1e-6       # top to bottom, centred
    assert scene.neuron_item(0, 0).pos().x() < scene.neuron_item(len(sizes) - 1, 0).pos().x()
    link = scene.link_item(1, 0, 0)
    assert link.line().x1() < link.line().x2()                # inputs on the left


def test_structure_change_rebuilds(view, doc):
    scene = view.scene()
    doc.set_network(Network.create([3, 5, 2], "relu", seed=0))
    assert scene.link_count() == 3 * 5 + 5 * 2
    with pytest.raises(KeyError):
        scene.neuron_item(3, 0)


# ------------------------------------------------------------------ link styles
def test_link_colour_and_width_follow_the_weight(view, doc):
    """Positive blue, negative orange; width 1–10 px for |w| 0–5; an edit restyles, undo too."""
    scene = view.scene()
    link = scene.link_item(1, 0, 0)                       # w = 0.2
    assert link.pen().color() == POSITIVE
    assert link.pen().widthF() == pytest.approx(1 + 9 * 0.2 / 5, abs=0.13)
    doc.undo_stack.push(SetParameter(doc, ("W", 1, 0, 0), -2.5))
    assert link.pen().color() == NEGATIVE
    assert link.pen().widthF() == pytest.approx(5.5)
    doc.undo_stack.push(SetParameter(doc, ("W", 1, 0, 0), 40.0))
    assert link.pen().widthF() == pytest.approx(10.0)     # clamped at |w| = 5
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert link.pen().color() == POSITIVE
    assert link.pen().widthF() == pytest.approx(1.25)
    assert link_style(0.0) == ("zero", 1.0)
    assert link_style(-5.0) == ("negative", 10.0)


def test_disabled_link_is_dashed_grey_and_comes_back_on_undo(view, doc):
    scene = view.scene()
    menu = view.context_menu(("link", 2, 0, 1))
    action(menu, "disable_link").trigger()
    link = scene.link_item(2, 0, 1)
    assert link.pen().style() == Qt.DashLine and link.pen().widthF() == 1.0
    assert link.label_texts() == []
    assert scene.begin_edit(("link", 2, 0, 1)) is None    # disabled: no editor
    doc.undo_stack.undo()
    link = scene.link_item(2, 0, 1)
    assert link.pen().style() == Qt.SolidLine and link.pen().color() == POSITIVE
    assert link.label_texts() == ["w = 0.6"]


# ------------------------------------------------------------------ values
def test_values_appear_only_once_their_step_is_reached(view, doc):
    scene = view.scene()
    scene.set_digits(4)              # (the default shows 6: see test_teacher_fixes)
    h1, out = scene.neuron_item(1, 0), scene.neuron_item(2, 0)
    assert line_texts(h1) == ["b = 0.1"]
    assert line_texts(scene.neuron_item(0, 0)) == ["x₁ = 0.9"]
    assert line_texts(out) == ["y = 2", "b = 0.4"]
    assert scene.highlighted_layer() is None
    doc.step_forward()
    assert line_texts(h1) == ["z = 0.58", "a = 0.58", "b = 0.1"]
    assert line_texts(scene.neuron_item(1, 1))[:2] == ["z = 1.06", "a = 1.06"]
    assert line_texts(out) == ["y = 2", "b = 0.4"]              # layer 2 not reached yet
    assert scene.highlighted_layer() == 1
    doc.step_forward()
    assert line_texts(out)[:3] == ["z = 1.326", "a = 1.326", "y = 2"]
    assert scene.highlighted_layer() == 2
    doc.step_forward()                                          # the loss
    assert scene._loss_label.texts() == ["L = 0.2271"]
    assert scene.highlighted_layer() == 2
    assert not any(t.startswith("δ") for t in line_texts(out))
    doc.step_backward()
    assert "δ = −0.674" in line_texts(out)
    assert scene.link_item(2, 0, 0).label_texts() == ["w = 0.5", "∂L/∂w = −0.3909"]
    assert scene.link_item(1, 0, 0).label_texts() == ["w = 0.2"]   # layer 1 not yet
    assert not any(t.startswith("δ") for t in line_texts(h1))
    doc.step_backward()
    assert "δ = −0.337" in line_texts(h1)
    assert scene.link_item(1, 0, 0).label_texts()[1] == "∂L/∂w = −0.3033"
    scene.set_digits(6)
    assert scene.link_item(2, 0, 0).label_texts()[1] == "∂L/∂w = −0.39092"
    scene.set_digits(4)
    doc.apply_update()
    assert scene.link_item(1, 0, 0).label_texts()[0] == "w = 0.2303"
    assert scene.link_item(1, 1, 0).label_texts()[0] == "w = 0.4364"
    assert scene.link_item(1, 0, 0).label._lines[0][2] is True      # the new weight in bold
    doc.undo_stack.undo()                                           # un-apply
    assert scene.link_item(1, 0, 0).label_texts()[0] == "w = 0.2"
    doc.reset_step()
    assert line_texts(h1) == ["b = 0.1"]


def test_an_edit_recomputes_the_shown_values(view, doc):
    """After an edit the cursor keeps its position; values are the recomputed ones."""
    scene = view.scene()
    doc.step_forward()
    doc.step_forward()
    out = scene.neuron_item(2, 0)
    assert line_texts(out)[0] == "z = 1.326"
    doc.undo_stack.push(SetParameter(doc, ("W", 2, 0, 0), 0.7))
    assert line_texts(out)[0] == "z = 1.442"          # 0.7·0.58 + 0.6·1.06 + 0.4
    assert scene.link_item(2, 0, 0).label_texts() == ["w = 0.7"]
    doc.undo_stack.undo()
    assert line_texts(out)[0] == "z = 1.326"


def test_no_cursor_clears_all_values(view, doc, monkeypatch):
    scene = view.scene()
    doc.step_forward()
    with pytest.raises(EngineError):                    # cannot pair with a linear output:
        doc.set_settings(loss="binary_cross_entropy")   # the document refuses the state
    assert doc.project.loss == "half_squared_error" and doc.cursor is not None
    import playground.document as document_module

    def no_step(*_a, **_k):
        raise EngineError("no step for this network")
    monkeypatch.setattr(document_module, "StepCursor", no_step)
    doc.set_sample([2.0, 1.0], [2.0])                   # a cursor that cannot be computed
    assert doc.cursor is None
    assert line_texts(scene.neuron_item(1, 0)) == ["b = 0.1"]
    assert scene.highlighted_layer() is None


def test_display_switches(view, doc):
    scene = view.scene()
    doc.step_forward()
    doc.step_forward()
    doc.step_backward()
    scene.set_display(weights=False, forward=True, backward=True)
    assert line_texts(scene.neuron_item(2, 0)) == ["z = 1.326", "a = 1.326", "y = 2", "δ = −0.674"]
    assert scene.link_item(2, 0, 0).label_texts() == ["∂L/∂w = −0.39092"]
    scene.set_display(weights=True, forward=False, backward=False)
    assert line_texts(scene.neuron_item(2, 0)) == ["y = 2", "b = 0.4"]
    assert scene.link_item(2, 0, 0).label_texts() == ["w = 0.5"]


def test_feature_names_label_the_inputs(qtbot):
    doc = Document(load_example("spiral_classifier.json"))
    view = make_view(qtbot, doc)
    scene = view.scene()
    captions = [scene.neuron_item(0, j).caption for j in range(4)]
    assert captions == ["x₁", "x₂", "sin x₁", "sin x₂"]


# ------------------------------------------------------------------ inline editing
def test_inline_editor_refuses_bad_text_and_commits_numbers(qtbot, view, doc):
    scene = view.scene()
    editor = scene.begin_edit(("link", 1, 0, 0))
    assert editor is scene.active_editor() and editor.text() == "0.2"
    editor.clear()
    qtbot.keyClicks(editor, "abc")
    qtbot.keyClick(editor, Qt.Key_Return)
    assert scene.active_editor() is editor                 # stays open,
    assert editor.is_invalid() and "d32f2f" in editor.styleSheet()   # turns red,
    assert editor.toolTip()                                # says why,
    assert doc.network.layers[0].weights[0, 0] == 0.2      # and nothing changed
    assert doc.undo_stack.count() == 0
    editor.clear()
    qtbot.keyClicks(editor, "0.7")
    qtbot.keyClick(editor, Qt.Key_Enter)
    assert scene.active_editor() is None
    assert doc.network.layers[0].weights[0, 0] == 0.7
    assert scene.link_item(1, 0, 0).label_texts() == ["w = 0.7"]
    doc.undo_stack.undo()
    assert doc.network.layers[0].weights[0, 0] == 0.2


def test_escape_cancels_and_neurons_edit_bias_or_input(qtbot, view, doc):
    scene = view.scene()
    editor = scene.begin_edit(("neuron", 1, 1))
    assert editor.text() == "0.2"                          # b1[1]
    editor.setText("9")
    qtbot.keyClick(editor, Qt.Key_Escape)
    assert scene.active_editor() is None and doc.network.layers[0].biases[1] == 0.2
    editor = scene.begin_edit(("neuron", 2, 0))
    editor.setText("−1.5")                                 # a real minus sign is accepted
    qtbot.keyClick(editor, Qt.Key_Return)
    assert doc.network.layers[1].biases[0] == -1.5
    editor = scene.begin_edit(("neuron", 0, 1))
    assert editor.text() == "1"
    editor.setText("inf")
    qtbot.keyClick(editor, Qt.Key_Return)
    assert editor.is_invalid() and list(doc.project.sample_x) == [0.9, 1.0]
    editor.setText("2")
    qtbot.keyClick(editor, Qt.Key_Return)
    assert list(doc.project.sample_x) == [0.9, 2.0]
    assert line_texts(scene.neuron_item(0, 1)) == ["x₂ = 2"]
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert list(doc.project.sample_x) == [0.9, 1.0] and doc.network.layers[1].biases[0] == 0.4


# ------------------------------------------------------------------ structure edits
@pytest.mark.parametrize("ref, name, sizes", [
    (("neuron", 1, 0), "add_neuron_above", [2, 3, 1]),
    (("neuron", 1, 1), "add_neuron_below", [2, 3, 1]),
    (("neuron", 0, 0), "add_neuron_below", [3, 2, 1]),
    (("neuron", 1, 0), "remove_neuron", [2, 1, 1]),
    (("neuron", 0, 1), "remove_neuron", [1, 2, 1]),
    (("neuron", 1, 0), "insert_layer_before", [2, 2, 2, 1]),
    (("neuron", 1, 0), "insert_layer_after", [2, 2, 2, 1]),
    (("neuron", 0, 0), "insert_layer_after", [2, 2, 2, 1]),
    (("neuron", 2, 0), "insert_layer_before", [2, 2, 2, 1]),
    (("neuron", 1, 0), "remove_layer", [2, 1]),
])
def test_context_menu_structure_edits_and_undo(view, doc, ref, name, sizes):
    scene = view.scene()
    before, x_before = doc.network.copy(), doc.project.sample_x.copy()
    action(view.context_menu(ref), name).trigger()
    assert doc.network.sizes == sizes
    assert scene.link_count() == sum(a * b for a, b in zip(sizes, sizes[1:]))
    doc.undo_stack.undo()
    assert doc.network == before and np.array_equal(doc.project.sample_x, x_before)
    assert scene.link_count() == 6 and scene.link_item(2, 0, 1).label_texts() == ["w = 0.6"]


def test_context_menu_contents(view, doc):
    names = [a.objectName() for a in view.context_menu(("neuron", 0, 0)).actions()]
    assert "remove_layer" not in names and "insert_layer_before" not in names
    menu = view.context_menu(("neuron", 2, 0))
    assert not action(menu, "remove_neuron").isEnabled()          # the only output neuron
    sub = [a for a in menu.actions() if a.menu() is not None][0].menu()
    acts = {a.objectName(): a for a in sub.actions()}
    assert "activation_softmax" in acts and acts["activation_linear"].isChecked()
    hidden = [a for a in view.context_menu(("neuron", 1, 0)).actions() if a.menu()][0].menu()
    acts = {a.objectName(): a for a in hidden.actions()}
    assert "activation_softmax" not in acts and acts["activation_relu"].isChecked()
    acts["activation_tanh"].trigger()
    assert doc.network.activations == ["tanh", "linear"]
    assert view.scene().header_item(1).title == "Layer 1 (tanh)"
    doc.undo_stack.undo()
    assert doc.network.activations == ["relu", "linear"]


def test_menu_opens_the_inline_editor(qtbot, view):
    scene = view.scene()
    action(view.context_menu(("link", 1, 1, 0)), "edit_weight").trigger()
    qtbot.waitUntil(lambda: scene.active_editor() is not None)
    assert scene.active_editor().ref == ("link", 1, 1, 0) and scene.active_editor().text() == "0.4"
    action(view.context_menu(("neuron", 2, 0)), "edit_value").trigger()
    qtbot.waitUntil(lambda: scene.active_editor().ref == ("neuron", 2, 0))
    assert scene.active_editor().text() == "0.4"          # b2


def test_graph_requested_signal(qtbot, view):
    with qtbot.waitSignal(view.scene().graph_requested) as blocker:
        action(view.context_menu(("neuron", 1, 1)), "show_graph").trigger()
    assert blocker.args == [("neuron", 1, 1)]


def test_header_buttons(view, doc):
    scene = view.scene()
    scene.header_item(1).buttons["add_neuron"].click()
    assert doc.network.sizes == [2, 3, 1]
    scene.header_item(1).buttons["remove_neuron"].click()
    assert doc.network.sizes == [2, 2, 1]
    assert not scene.header_item(2).buttons["remove_neuron"].isEnabled()
    scene.insert_layer_button(2).click()
    assert doc.network.sizes == [2, 2, 2, 1]
    scene.header_item(2).buttons["remove_layer"].click()
    assert doc.network.sizes == [2, 2, 1]
    assert "remove_layer" not in scene.header_item(0).buttons


# ------------------------------------------------------------------ mouse, keyboard, selection
def test_selection_highlight(view):
    scene, selection = view.scene(), view.selection
    selection.select(("neuron", 1, 0))
    assert scene.neuron_item(1, 0).is_highlighted()
    selection.select(("link", 2, 0, 1))
    link = scene.link_item(2, 0, 1)
    assert not scene.neuron_item(1, 0).is_highlighted()
    assert link.zValue() > scene.link_item(2, 0, 0).zValue() and scene._halo.isVisible()
    selection.clear()
    assert not scene._halo.isVisible()


def test_clicks_select_and_double_click_edits(qtbot, doc):
    view = make_view(qtbot, doc, show=True)
    scene = view.scene()
    at = view.mapFromScene(scene.neuron_item(1, 1).pos())
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=at)
    assert view.selection.ref == ("neuron", 1, 1)
    assert scene.neuron_item(1, 1).is_highlighted()
    at = view.mapFromScene(scene.link_item(2, 0, 0).line().pointAt(0.6))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=at)
    assert view.selection.ref == ("link", 2, 0, 0)
    qtbot.mouseDClick(view.viewport(), Qt.LeftButton, pos=at)
    assert scene.active_editor() is not None and scene.active_editor().ref == ("link", 2, 0, 0)
    empty = view.mapFromScene(scene.sceneRect().bottomLeft()) + type(at)(20, -20)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=empty)
    assert view.selection.ref is None and scene.active_editor() is None


def test_keyboard_adds_and_deletes_neurons(qtbot, view, doc):
    view.selection.select(("neuron", 1, 0))
    qtbot.keyClick(view, Qt.Key_Plus)
    assert doc.network.sizes == [2, 3, 1]
    view.selection.select(("neuron", 1, 2))
    qtbot.keyClick(view, Qt.Key_Delete)
    assert doc.network.sizes == [2, 2, 1]
    view.selection.select(("link", 1, 0, 0))
    qtbot.keyClick(view, Qt.Key_Delete)                  # links are not deleted by Delete
    assert doc.network.sizes == [2, 2, 1]


def test_zoom_and_fit(qtbot, doc):
    view = make_view(qtbot, doc, show=True)
    fitted = view.zoom_factor()
    view.zoom_in()
    assert view.zoom_factor() == pytest.approx(fitted * 1.25)
    view.zoom_out()
    view.zoom_out()
    assert view.zoom_factor() < fitted
    view.reset_zoom()
    assert view.zoom_factor() == 1.0
    view.fit_to_view()
    assert view.zoom_factor() == pytest.approx(fitted)


def test_thumbnail(view):
    image = QImage(16, 16, QImage.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ff0000"))
    item = view.scene().neuron_item(1, 0)
    item.set_thumbnail(image)
    assert item.thumbnail() is not None
    view.grab()                                             # paints without error
    item.set_thumbnail(None)
    assert item.thumbnail() is None


# ------------------------------------------------------------------ big networks
def big_document(layers=10, width=32):
    doc = Document()
    doc.set_network(Network.create([width] * layers, "tanh", seed=3))
    return doc


def test_big_network_builds_and_restyles_quickly(qtbot):
    doc = big_document()
    t0 = time.perf_counter()
    view = make_view(qtbot, doc)
    build = time.perf_counter() - t0
    scene = view.scene()
    assert scene.link_count() == 9 * 32 * 32
    params = [(w * -1.5, b) for w, b in doc.network.get_params()]
    t0 = time.perf_counter()
    doc.set_params(params)
    restyle = time.perf_counter() - t0
    t0 = time.perf_counter()
    view.grab()
    paint = time.perf_counter() - t0
    print(f"\n10×32 network: build {build:.3f} s, full restyle {restyle:.3f} s, paint {paint:.3f} s")
    assert build < 5.0 and restyle < 2.0
    assert scene.link_item(3, 4, 5).pen().color() == (
        POSITIVE if doc.network.layers[2].weights[4, 5] > 0 else NEGATIVE)
    # big networks hide link labels unless selected or hovered
    assert not scene.shows_all_link_labels()
    assert scene.link_item(1, 0, 0).label_texts() == []
    view.selection.select(("link", 1, 0, 0))
    assert scene.link_item(1, 0, 0).label_texts()[0].startswith("w = ")
    view.selection.clear()
    assert scene.link_item(1, 0, 0).label_texts() == []


def test_big_network_shows_a_link_label_on_hover(qtbot):
    doc = big_document(4, 16)
    view = make_view(qtbot, doc)
    link = view.scene().link_item(2, 3, 4)
    assert link.label_texts() == []
    link.hoverEnterEvent(None)
    assert link.label_texts() == [f"w = {format_number(doc.network.layers[1].weights[3, 4], 6)}"]
    link.hoverLeaveEvent(None)
    assert link.label_texts() == []


def test_dense_layers_label_links_on_hover_only(qtbot):
    """Labels never overlap: a weight layer whose labels do not fit apart shows them on
    hover or selection; sparse layers keep theirs on screen."""
    doc = Document()
    doc.set_network(Network.create([5, 5, 5, 2], "tanh", seed=2))
    view = make_view(qtbot, doc)
    scene = view.scene()
    assert not scene.shows_all_link_labels()
    shown = [link for link in scene._links.values() if link.label_texts()]
    rects = [link.label.sceneBoundingRect() for link in shown]
    assert all(not a.intersects(b) for k, a in enumerate(rects) for b in rects[k + 1:])
    assert all(link.ref[1] == 3 for link in shown)          # the 3×2 output layer
    view.selection.select(("link", 1, 2, 2))
    assert scene.link_item(1, 2, 2).label_texts()[0].startswith("w = ")


def test_training_changes_restyle_at_once(qtbot):
    """The training controller limits Document updates to ≤ 12 a second (tested with the
    controller); each one restyles at once, so links and thumbnails share one repaint."""
    doc = big_document(4, 16)
    view = make_view(qtbot, doc)
    scene = view.scene()
    link = scene.link_item(1, 0, 0)
    before = link.pen().color()
    flipped = [(-w, b) for w, b in doc.network.get_params()]
    doc.set_params(flipped, training=True)
    assert link.pen().color() != before


# ------------------------------------------------------------------ screenshots
def test_screenshots(qtbot):
    """Render the canvas to /tmp/canvas_*.png to look at (layout, overlap, legibility)."""
    doc = Document()
    view = make_view(qtbot, doc, show=True)
    doc.step_forward()
    doc.step_forward()
    doc.step_forward()
    doc.step_backward()
    view.selection.select(("neuron", 1, 1))
    assert view.grab().save("/tmp/canvas_worked_example.png")
    doc.apply_update()
    assert view.grab().save("/tmp/canvas_worked_example_updated.png")
    editor = view.scene().begin_edit(("link", 1, 1, 0))
    editor.setText("abc")
    qtbot.keyClick(editor, Qt.Key_Return)
    assert view.grab().save("/tmp/canvas_editor_refused.png")
    view.scene().cancel_edit()

    spiral = make_view(qtbot, Document(load_example("spiral_classifier.json")), show=True)
    image = QImage(32, 32, QImage.Format_ARGB32_Premultiplied)
    for x in range(32):
        for y in range(32):
            image.setPixelColor(x, y, QColor("#f59322") if (x - 16) ** 2 + (y - 16) ** 2 < 100
                                else QColor("#2f7fd1"))
    spiral.scene().neuron_item(1, 0).set_thumbnail(image)
    assert spiral.grab().save("/tmp/canvas_spiral.png")

    doc6 = Document()
    doc6.set_network(Network.create([3, 6, 6, 5, 4, 2], "tanh", seed=7))
    view6 = make_view(qtbot, doc6, show=True)
    doc6.step_forward()
    doc6.step_forward()
    doc6.step_forward()
    assert view6.grab().save("/tmp/canvas_six_layers.png")

    big = make_view(qtbot, big_document(), show=True)
    big.selection.select(("link", 2, 3, 4))
    assert big.grab().save("/tmp/canvas_big.png")


def test_stage_tint_stays_inside_the_scene(view, doc):
    """The output column's tint ends at the scene's edge instead of running off the view."""
    scene = view.scene()
    for _ in range(3):
        doc.step_forward()
    assert scene.highlighted_layer() == doc.network.depth
    tint = scene._stage_rect.rect()
    assert scene.sceneRect().contains(tint) and tint.width() > 0
