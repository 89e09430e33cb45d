"""The canvas at any size: links drawn per weight layer and found by geometry, big columns
collapsed (every neuron still reachable), sizes typed, zoom kept, controls usable when zoomed out."""
import time

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QInputDialog

from core import Network
from playground.canvas import NetworkView
from playground.canvas.links import LinkLayerItem, link_pen
from playground.canvas.scene import COLLAPSE_ABOVE, SHOW_FIRST, SHOW_LAST
from playground.document import Document
from playground.panels.inspector import InspectorPanel as Inspector
from playground.selection import Selection


def make_view(qtbot, sizes, show=True, seed=3):
    doc = Document()
    doc.set_network(Network.create(sizes, "tanh", seed=seed))
    view = NetworkView(doc, Selection())
    qtbot.addWidget(view)
    view.resize(1000, 700)
    if show:
        view.show()
        qtbot.waitExposed(view)
    return doc, view, view.scene()


def screen(view, p):
    return view.mapFromScene(p)


# ------------------------------------------------------------------ links as geometry
def test_links_are_painted_by_one_item_per_weight_layer(qtbot):
    doc, view, scene = make_view(qtbot, [4, 6, 3], show=False)
    layer_items = [i for i in scene.items() if isinstance(i, LinkLayerItem)]
    assert len(layer_items) == 2
    assert sorted(len(i.links) for i in layer_items) == [18, 24]
    # no graphics item per link any more: the scene holds neurons, labels, headers …
    assert len(scene.items()) < 100
    view.grab()


def test_hover_over_a_link_shows_its_label_and_leaving_hides_it(qtbot):
    doc, view, scene = make_view(qtbot, [4, 16, 16, 2])       # big: labels on hover only
    link = scene.link_item(2, 3, 4)
    assert link.label_texts() == []
    at = screen(view, link.line().pointAt(0.5))
    qtbot.mouseMove(view.viewport(), at)
    qtbot.waitUntil(lambda: scene.hovered_link() is not None, timeout=2000)
    hovered = scene.hovered_link()
    # the link under the mouse: its stroke within 5 pixels (links cross at their middles)
    from playground.canvas.hit_test import segment_distance as _distance
    mouse = view.mapToScene(at)
    assert (_distance(hovered.line(), mouse) - hovered.pen().widthF() / 2) * view.zoom_factor() <= 5.5
    assert hovered.label_texts()[0].startswith("w = ")
    far = screen(view, scene.sceneRect().bottomLeft()) + QPoint(10, -10)
    qtbot.mouseMove(view.viewport(), far)
    qtbot.waitUntil(lambda: scene.hovered_link() is None, timeout=2000)
    assert hovered.label_texts() == []


def test_a_click_picks_the_nearest_link_and_a_neuron_wins_over_links(qtbot):
    doc, view, scene = make_view(qtbot, [3, 5, 2])
    for ref in [(1, 0, 0), (1, 4, 2), (2, 1, 3)]:
        link = scene.link_item(*ref)
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=screen(view, link.line().pointAt(0.55)))
        assert view.selection.ref == ("link", *ref)
        assert scene._selected_line.isVisible() and scene._halo.isVisible()
    neuron = scene.neuron_item(1, 2)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=screen(view, neuron.pos()))
    assert view.selection.ref == ("neuron", 1, 2)
    assert not scene._selected_line.isVisible()


def test_restyling_regroups_the_pens_of_the_layer_item(qtbot):
    doc, view, scene = make_view(qtbot, [3, 4, 1], show=False)
    flipped = [(-w, b) for w, b in doc.network.get_params()]
    doc.set_params(flipped, training=True)
    item = scene.link_layer_item(1)
    view.grab()                                         # paints with the regrouped pens
    pens = {tuple(sorted((p.color().name(), p.widthF()) for p, _t, _l, _i in item._groups))}
    expected = {tuple(sorted((link_pen(l.style).color().name(), l.style[1])
                             for l in {l.style: l for l in item.links}.values()))}
    assert pens == expected
    for link in item.links:
        w = doc.network.layers[0].weights[link.ref[2], link.ref[3]]
        assert link.pen().color() == link_pen(("positive" if w > 0 else "negative", 1)).color()


def test_link_menu_toggles_a_link_on_the_new_drawing(qtbot):
    doc, view, scene = make_view(qtbot, [2, 2, 1], show=False)
    menu = view.context_menu(("link", 1, 1, 0))
    [a for a in menu.actions() if a.objectName() == "disable_link"][0].trigger()
    assert not doc.network.layers[0].mask[1, 0]
    assert scene.link_item(1, 1, 0).pen().style() == Qt.DashLine
    item = scene.link_layer_item(1)
    view.grab()
    assert any(p.style() == Qt.DashLine for p, _t, _l, _i in item._groups)
    doc.undo_stack.undo()
    assert scene.link_item(1, 1, 0).pen().style() == Qt.SolidLine


# ------------------------------------------------------------------ collapsed columns
def test_a_1024_1024_1_network_opens_collapsed_and_quickly(qtbot):
    t0 = time.process_time()
    doc, view, scene = make_view(qtbot, [1024, 1024, 1])
    view.grab()
    cpu = time.process_time() - t0
    assert cpu < 10.0                                    # ~0.3 s on an idle machine
    shown = SHOW_FIRST + SHOW_LAST
    assert scene.shown_neurons(0) == list(range(SHOW_FIRST)) + [1022, 1023]
    assert len(scene._neurons) == 2 * shown + 1
    assert scene.link_count() == shown * shown + shown
    more = scene.more_item(1)
    assert more.text == "… 1,016 more" and "a¹₇" in more.toolTip()
    assert scene.more_item(2) is None
    # the output neuron's links from the drawn neurons are drawn; the rest are summarised
    assert len(scene.link_layer_item(2)._summary) == 1
    assert len(scene.link_layer_item(1)._summary) == 2 * shown + 1


def test_a_hidden_neuron_is_reachable_through_the_marker_and_the_inspector(qtbot, monkeypatch):
    doc, view, scene = make_view(qtbot, [2, 100, 1])
    assert len(scene.shown_neurons(1)) == SHOW_FIRST + SHOW_LAST and 100 > COLLAPSE_ABOVE
    inspector = Inspector(doc, view.selection)
    qtbot.addWidget(inspector)
    asked = []
    monkeypatch.setattr(QInputDialog, "getInt",
                        lambda *a, **k: (asked.append(a[2:]) or (50, True)))
    more = scene.more_item(1)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=screen(view, more.pos()))
    qtbot.waitUntil(lambda: view.selection.ref == ("neuron", 1, 49), timeout=2000)
    assert "1–100" in asked[0][0]
    assert more.detail.startswith("selected: ") and more.detail.endswith("a¹₅₀")   # 1-based, as drawn
    values = inspector.shown_values()
    assert values, "the inspector explains the neuron that is not drawn"
    view.selection.select(("neuron", 1, 0))
    assert more.detail == "" and scene.neuron_item(1, 0).is_highlighted()


def test_a_collapsed_network_restyles_and_edits(qtbot):
    doc, view, scene = make_view(qtbot, [64, 32, 10], show=False)
    assert len(scene.shown_neurons(0)) == 8 and len(scene.shown_neurons(1)) == 32
    doc.set_params([(-w, b) for w, b in doc.network.get_params()], training=True)
    link = scene.link_item(1, 3, 63)
    w = doc.network.layers[0].weights[3, 63]
    assert link.pen().color() == link_pen(("positive" if w > 0 else "negative", 1.0)).color()
    editor = scene.begin_edit(("link", 1, 3, 63))
    editor.setText("0.25")
    assert editor.submit()
    assert doc.network.layers[0].weights[3, 63] == 0.25
    # an edit of a weight that is not drawn does not trip the scene
    from playground.commands import SetParameter
    doc.undo_stack.push(SetParameter(doc, ("W", 1, 3, 30), 0.5))
    assert doc.network.layers[0].weights[3, 30] == 0.5


# ------------------------------------------------------------------ typed sizes, zoom, controls
def test_a_layer_size_is_typed_in_one_undoable_step(qtbot, monkeypatch):
    doc, view, scene = make_view(qtbot, [2, 3, 1], show=False)
    before = doc.network.copy()
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (40, True))
    menu = view.header_menu(1)
    [a for a in menu.actions() if a.objectName() == "set_layer_size"][0].trigger()
    net = doc.network
    assert net.sizes == [2, 40, 1]
    np.testing.assert_array_equal(net.layers[0].weights[:3], before.layers[0].weights)
    np.testing.assert_array_equal(net.layers[1].weights[:, :3], before.layers[1].weights)
    assert np.all(net.layers[0].biases[3:] == 0) and net.layers[0].mask.all()
    assert scene.link_count() == 2 * 40 + 40
    doc.undo_stack.undo()
    assert doc.network == before


def test_the_hidden_layers_are_typed_as_a_list(qtbot, monkeypatch):
    doc, view, scene = make_view(qtbot, [2, 3, 1], show=False)
    answers = iter([("8, x, 4", True), ("8, 8, 4", True)])
    errors = []
    doc.error.connect(errors.append)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    menu = view.background_menu()
    [a for a in menu.actions() if a.objectName() == "set_hidden_layers"][0].trigger()
    assert errors and "“x”" in errors[0]                  # refused with the reason, asked again
    assert doc.network.sizes == [2, 8, 8, 4, 1]
    assert doc.undo_stack.count() == 1
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))
    view.ask_hidden_layers()
    assert doc.network.sizes == [2, 1]
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.network.sizes == [2, 3, 1]


def test_the_zoom_is_kept_when_editing_and_a_new_document_fits(qtbot):
    doc, view, scene = make_view(qtbot, [2, 3, 1])
    view.zoom_in()
    view.zoom_in()
    zoomed = view.zoom_factor()
    from playground import structure_edits
    structure_edits.add_neuron(doc, 1)
    assert view.zoom_factor() == pytest.approx(zoomed)
    fresh = Document()
    view2 = NetworkView(fresh, Selection())
    qtbot.addWidget(view2)
    view2.resize(1000, 700)
    view2.show()
    fitted = view2.zoom_factor()
    view2.zoom_in()
    fresh.replace_project(fresh.project, None)                  # a new document: fit again
    assert view2.zoom_factor() == pytest.approx(fitted)


def test_header_buttons_stay_usable_when_zoomed_out(qtbot):
    doc, view, scene = make_view(qtbot, [32] * 10)
    view.fit_to_view()
    button = scene.header_item(4).buttons["add_neuron"]
    on_screen = button.sceneBoundingRect().height() * view.zoom_factor()
    assert on_screen >= 9, on_screen                     # was ~3 px before (18 px at 1:1)
    assert not scene.header_item(4).buttons["remove_layer"].isVisible()   # in its menu
    view.zoom_in(); view.zoom_in(); view.zoom_in(); view.zoom_in(); view.zoom_in()
    assert scene.header_item(4).buttons["remove_layer"].isVisible()
    # and a real click on it still adds a neuron
    qtbot.mouseClick(view.viewport(), Qt.LeftButton,
                     pos=screen(view, button.sceneBoundingRect().center()))
    assert doc.network.sizes[4] == 33
