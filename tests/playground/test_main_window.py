"""The main window, driven like a person would: real buttons, real editors, real files."""
import json

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMenu, QMessageBox

from playground.commands import SetParameter
from playground.main_window import MainWindow

from ..conftest import EXAMPLES
from .windows import shown_window


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    w = shown_window(qtbot, tmp_path, (1400, 900), monkeypatch=monkeypatch, exposed=False)
    w.set_digits(6)
    yield w
    w.doc.undo_stack.setClean()


def click(qtbot, button):
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.LeftButton)


def test_opens_on_the_worked_example(window):
    assert window.doc.network.sizes == [2, 2, 1]
    assert "Worked example" in window.windowTitle() or window.doc.project.title
    assert window.view.scene().neuron_item(0, 0) is not None


def test_forward_backward_update_through_the_real_buttons(qtbot, window):
    sp, scene, der = window.step_panel, window.view.scene(), window.derivation_panel
    assert "z = 0.58" not in scene.neuron_item(1, 0).label_texts()
    click(qtbot, sp.forward_button)
    click(qtbot, sp.forward_button)
    assert "z = 0.58" in scene.neuron_item(1, 0).label_texts()
    assert "z = 1.06" in scene.neuron_item(1, 1).label_texts()
    assert "a = 1.326" in scene.neuron_item(2, 0).label_texts()
    click(qtbot, sp.backward_button)
    click(qtbot, sp.backward_button)
    assert "L = 0.227138" in window.loss_label.text().replace("Loss: ", "L = ")
    assert "∂L/∂w = −0.39092" in scene.link_item(2, 0, 0).label_texts()
    window.selection.select(("link", 2, 0, 0))
    assert "−0.39092" in der.plain_text()
    before = [scene.link_item(1, i, j).label_texts() for i in range(2) for j in range(2)]
    click(qtbot, sp.update_button)
    assert window.loss_label.text() == "Loss before the update: 0.227138"
    assert "w = 0.539092" in scene.link_item(2, 0, 0).label_texts()
    assert "w = 0.23033" in scene.link_item(1, 0, 0).label_texts()
    assert "w = 0.436396" in scene.link_item(1, 1, 0).label_texts()
    assert "b = 0.1337" in scene.neuron_item(1, 0).label_texts()
    assert "0.539092" in der.plain_text()
    window.selection.select(("link", 1, 0, 0))
    assert "0.23033" in der.plain_text()
    # Step back restores the previous values
    click(qtbot, sp.back_button)
    assert window.doc.network.layers[0].weights[0, 0] == 0.2
    assert [scene.link_item(1, i, j).label_texts() for i in range(2) for j in range(2)] == before
    assert "w = 0.5" in scene.link_item(2, 0, 0).label_texts()


def test_undo_reverts_an_edited_weight(qtbot, window):
    scene = window.view.scene()
    editor = scene.begin_edit(("link", 2, 0, 1))
    editor.selectAll()
    qtbot.keyClicks(editor, "-1.25")
    qtbot.keyClick(editor, Qt.Key_Return)
    assert window.doc.network.layers[1].weights[0, 1] == -1.25
    assert "w = −1.25" in scene.link_item(2, 0, 1).label_texts()
    window.act_undo.trigger()
    assert window.doc.network.layers[1].weights[0, 1] == 0.6
    assert "w = 0.6" in scene.link_item(2, 0, 1).label_texts()
    window.act_redo.trigger()
    assert window.doc.network.layers[1].weights[0, 1] == -1.25


@pytest.mark.parametrize("text", ["abc", "nan", "inf", "1e999", ""])
def test_bad_numbers_are_refused_in_the_inspector(qtbot, window, text):
    window.selection.select(("link", 1, 0, 0))
    edit = window.inspector.editors()[0]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key_Backspace)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key_Return)
    assert window.doc.network.layers[0].weights[0, 0] == 0.2
    assert window.doc.undo_stack.count() == 0
    assert edit.property("invalid") is True and edit.toolTip()


def test_structure_edits_keep_untouched_weights_and_undo_restores(qtbot, window):
    doc = window.doc
    original = doc.network.copy()
    scene = window.view.scene()
    scene.header_item(1).buttons["add_neuron"].click()
    assert doc.network.sizes == [2, 3, 1]
    np.testing.assert_array_equal(doc.network.layers[0].weights[:2], original.layers[0].weights)
    np.testing.assert_array_equal(doc.network.layers[1].weights[:, :2], original.layers[1].weights)
    scene.insert_layer_button(2).click()
    assert doc.network.depth == 3
    np.testing.assert_array_equal(doc.network.layers[0].weights[:2], original.layers[0].weights)
    window.act_add_layer.trigger()
    assert doc.network.depth == 4
    window.selection.select(("neuron", 1, 0))
    window.act_delete.trigger()
    assert doc.network.sizes[1] == 2
    for _ in range(4):
        window.act_undo.trigger()
    assert doc.network == original


def test_malformed_file_gets_a_dialog_and_keeps_the_document(qtbot, window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.json"
    doc = json.loads((EXAMPLES / "worked_example_2_2_1_relu.json").read_text())
    doc["network"]["layers"][1]["weights"] = [[0.5, 0.6, 0.7]]
    bad.write_text(json.dumps(doc))
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    window.doc.undo_stack.push(SetParameter(window.doc, ("W", 1, 0, 0), 0.75))
    assert not window.open_path(str(bad), ask=False)
    assert "network.layers[1].weights: expected 1×2 numbers, got 1×3" in shown[0]
    assert window.doc.network.layers[0].weights[0, 0] == 0.75
    assert window.doc.undo_stack.count() == 1


def test_save_and_open_round_trip(qtbot, window, tmp_path):
    path = tmp_path / "mine.json"
    window.doc.undo_stack.push(SetParameter(window.doc, ("b", 2, 0), -0.5))
    assert window._save_to(str(path))
    assert not window.doc.modified and window.recent_files()[0] == str(path)
    window.doc.undo_stack.push(SetParameter(window.doc, ("b", 2, 0), 3.0))
    assert window.open_path(str(path), ask=False)
    assert window.doc.network.layers[1].biases[0] == -0.5


def test_unsaved_changes_prompt(qtbot, window, monkeypatch):
    window.doc.undo_stack.push(SetParameter(window.doc, ("b", 2, 0), -0.5))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Cancel)
    assert not window.maybe_save()
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Discard)
    assert window.maybe_save()


def test_drop_a_json_file_opens_it(qtbot, window):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(EXAMPLES / "two_outputs_2_2_2_sigmoid.json"))])
    event = QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.doc.network.sizes == [2, 2, 2], timeout=2000)


def test_examples_menu_lists_every_example(window):
    names = [a.data() for a in window.examples_menu.actions()]
    assert sorted(names) == sorted(p.name for p in EXAMPLES.glob("*.json"))


def test_gradient_check_action(qtbot, window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    window.act_gradcheck.trigger()
    assert window.last_gradcheck.max_relative_error < 1e-7


def test_show_as_computational_graph(qtbot, window):
    window.show_as_graph(("neuron", 2, 0))
    assert window.tabs.currentWidget() is window.graph_page
    assert window.graph_page.widget() is window.graph_explorer
    assert window.graph_explorer.graph.forward() == pytest.approx(0.227138)


def test_screenshots(qtbot, window, tmp_path):
    """Rendered for a look: the default example mid-step, and a 6-layer network."""
    from core import Network
    for _ in range(3):
        window.step_panel.forward_button.click()
    window.step_panel.backward_button.click()
    window.selection.select(("neuron", 1, 1))
    qtbot.wait(50)
    assert not window.grab().isNull()
    window.grab().save("/tmp/screenshot_mid_step.png")
    net = Network.create([2, 6, 6, 6, 6, 6, 1], "tanh", seed=1)
    from playground.commands import ReplaceNetwork
    window.doc.undo_stack.push(ReplaceNetwork(window.doc, net, "six layers"))
    window.view.fit_to_view()
    qtbot.wait(50)
    window.grab().save("/tmp/screenshot_six_layers.png")
    assert window.view.scene().link_count() == 2 * 6 + 4 * 36 + 6


# ------------------------------------------------------------------ audit of issue 3
def weights_of(net):
    return [(l.weights.copy(), l.biases.copy(), l.mask.copy()) for l in net.layers]


def type_into(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key_Backspace)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key_Return)


def test_forward_values_also_in_the_derivation_and_inspector(qtbot, window):
    sp, der = window.step_panel, window.derivation_panel
    window.selection.select(("neuron", 1, 1))
    click(qtbot, sp.forward_button)
    assert "1.06" in der.plain_text()
    assert window.inspector.shown_values()["z"] == "1.06"
    click(qtbot, sp.forward_button)
    window.selection.select(("neuron", 2, 0))
    assert "1.326" in der.plain_text() and window.inspector.shown_values()["a"] == "1.326"
    assert window.inspector.shown_values()["delta"] == "—"


def test_step_back_walks_values_off_the_canvas(qtbot, window):
    sp, scene = window.step_panel, window.view.scene()
    for _ in range(2):
        click(qtbot, sp.forward_button)
    click(qtbot, sp.backward_button)
    assert any(t.startswith("δ = ") for t in scene.neuron_item(2, 0).label_texts())
    click(qtbot, sp.back_button)                       # to the loss
    assert not any(t.startswith("δ = ") for t in scene.neuron_item(2, 0).label_texts())
    assert "a = 1.326" in scene.neuron_item(2, 0).label_texts()
    click(qtbot, sp.back_button)                       # to the output layer's forward values
    click(qtbot, sp.back_button)                       # to layer 1's
    assert "a = 1.326" not in scene.neuron_item(2, 0).label_texts()
    assert "z = 0.58" in scene.neuron_item(1, 0).label_texts()
    click(qtbot, sp.back_button)                       # to the start
    assert "z = 0.58" not in scene.neuron_item(1, 0).label_texts()
    assert not sp.back_button.isEnabled()


@pytest.mark.parametrize("text", ["abc", "NaN", "nan", "1,2,3", "inf"])
def test_bad_text_in_every_kind_of_number_editor_changes_nothing(qtbot, window, text):
    doc, before = window.doc, weights_of(window.doc.network)
    x, lr = doc.project.sample_x.copy(), doc.project.optimizer.learning_rate
    # the inline editor on the canvas
    editor = window.view.scene().begin_edit(("link", 1, 0, 0))
    type_into(qtbot, editor, text)
    assert editor.is_invalid() and window.view.scene().active_editor() is editor
    assert "#d32f2f" in editor.styleSheet() and editor.toolTip()
    assert window.statusBar().currentMessage()
    window.view.scene().cancel_edit()
    # the sample panel's x₁ and learning rate
    window.statusBar().clearMessage()
    for edit in (window.sample_panel.x_edits[0], window.sample_panel.lr_edit):
        type_into(qtbot, edit, text)
        assert edit.is_invalid() and edit.property("invalid") is True
        assert window.statusBar().currentMessage()
    assert window.sample_panel.message.isVisibleTo(window.sample_panel)
    # the weight table
    window.docks["weights"].show()
    model = window.weight_table.model
    assert not model.setData(model.index(0, 0), text)
    assert window.weight_table.message.isVisibleTo(window.weight_table)
    assert doc.undo_stack.count() == 0
    np.testing.assert_array_equal(doc.project.sample_x, x)
    assert doc.project.optimizer.learning_rate == lr
    for (w, b, m), layer in zip(before, doc.network.layers):
        np.testing.assert_array_equal(layer.weights, w)
        np.testing.assert_array_equal(layer.biases, b)


def test_header_button_clicked_with_the_mouse(qtbot, window):
    view, scene = window.view, window.view.scene()
    button = scene.header_item(1).buttons["add_neuron"]
    pos = view.mapFromScene(button.scenePos())
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=pos)
    assert window.doc.network.sizes == [2, 3, 1]
    assert window.doc.undo_stack.count() == 1


def test_removing_neurons_and_layers_keeps_untouched_weights_and_undo_is_exact(qtbot, window):
    doc, scene = window.doc, window.view.scene()
    from core import Network
    from playground.commands import ReplaceNetwork
    doc.undo_stack.push(ReplaceNetwork(doc, Network.create([3, 4, 5, 2], "tanh", seed=4), "start"))
    original = doc.network.copy()
    start = doc.undo_stack.index()
    # remove the middle neuron 2 of layer 1 (Delete on the selection): its row and column go
    window.selection.select(("neuron", 1, 2))
    window.act_delete.trigger()
    net = doc.network
    assert net.sizes == [3, 3, 5, 2]
    keep = [0, 1, 3]
    np.testing.assert_array_equal(net.layers[0].weights, original.layers[0].weights[keep])
    np.testing.assert_array_equal(net.layers[0].biases, original.layers[0].biases[keep])
    np.testing.assert_array_equal(net.layers[1].weights, original.layers[1].weights[:, keep])
    np.testing.assert_array_equal(net.layers[2].weights, original.layers[2].weights)
    # remove an input through the context menu
    from .test_canvas import action
    menu = window.view.context_menu(("neuron", 0, 0))
    action(menu, "remove_neuron").trigger()
    assert doc.network.sizes == [2, 3, 5, 2]
    np.testing.assert_array_equal(doc.network.layers[0].weights,
                                  original.layers[0].weights[keep][:, 1:])
    np.testing.assert_array_equal(doc.network.layers[2].weights, original.layers[2].weights)
    # remove hidden layer 2 (5 neurons) with its header's × button: layer 1 is untouched and
    # the output layer keeps the columns that still fit
    before = doc.network.copy()
    scene.header_item(2).buttons["remove_layer"].click()
    assert doc.network.sizes == [2, 3, 2]
    np.testing.assert_array_equal(doc.network.layers[0].weights, before.layers[0].weights)
    np.testing.assert_array_equal(doc.network.layers[0].biases, before.layers[0].biases)
    np.testing.assert_array_equal(doc.network.layers[1].weights, before.layers[2].weights[:, :3])
    np.testing.assert_array_equal(doc.network.layers[1].biases, before.layers[2].biases)
    # add one back at the end: nothing that existed changes
    before = doc.network.copy()
    window.act_add_layer.trigger()
    assert doc.network.sizes == [2, 3, 3, 2]
    np.testing.assert_array_equal(doc.network.layers[0].weights, before.layers[0].weights)
    np.testing.assert_array_equal(doc.network.layers[2].weights, before.layers[1].weights)
    # undo restores exactly, bit for bit, and the canvas follows
    while doc.undo_stack.index() > start:
        window.act_undo.trigger()
    assert doc.network == original
    assert doc.network.sizes == [3, 4, 5, 2] and scene.link_count() == 3 * 4 + 4 * 5 + 5 * 2
    w = original.layers[1].weights[1, 3]
    assert scene.link_item(2, 1, 3).pen().widthF() == link_width(w)


def link_width(w):
    from playground.canvas.links import link_style
    return link_style(w)[1]


def test_standard_shortcuts(window):
    def keys(act):
        return {s.toString() for s in act.shortcuts()}
    assert "Ctrl+N" in keys(window.act_new)
    assert "Ctrl+O" in keys(window.act_open)
    assert "Ctrl+S" in keys(window.act_save)
    assert "Ctrl+Shift+S" in keys(window.act_save_as)
    assert "Ctrl+Z" in keys(window.act_undo)
    assert "Ctrl+Shift+Z" in keys(window.act_redo)
    assert "Del" in keys(window.act_delete)
    assert "F11" in keys(window.act_fullscreen)
    in_menus = [a for m in window.menuBar().findChildren(QMenu) for a in m.actions()]
    for act in (window.act_new, window.act_open, window.act_save, window.act_save_as,
                window.act_undo, window.act_redo, window.act_delete, window.act_fullscreen):
        assert act in in_menus, act.text()


def test_shortcut_keys_reach_the_actions(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=2000)
    window.doc.undo_stack.push(SetParameter(window.doc, ("W", 1, 0, 0), 0.75))
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert window.doc.network.layers[0].weights[0, 0] == 0.2
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.doc.network.layers[0].weights[0, 0] == 0.75
    window.selection.select(("neuron", 1, 0))
    qtbot.keyClick(window.view, Qt.Key_Delete)
    assert window.doc.network.sizes == [2, 1, 1]
    qtbot.keyClick(window.view, Qt.Key_F11)
    qtbot.waitUntil(window.isFullScreen, timeout=2000)
    qtbot.keyClick(window.view, Qt.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=2000)


def test_layout_and_recent_files_are_remembered(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Discard)
    ini = str(tmp_path / "remember.ini")
    first = MainWindow(settings=QSettings(ini, QSettings.IniFormat))
    qtbot.addWidget(first)
    first.show()
    first.docks["weights"].show()
    first.addDockWidget(Qt.RightDockWidgetArea, first.docks["weights"])
    path = tmp_path / "kept.json"
    assert first._save_to(str(path))
    first.close()
    second = MainWindow(settings=QSettings(ini, QSettings.IniFormat))
    qtbot.addWidget(second)
    second.show()
    assert not second.docks["weights"].isHidden()
    assert second.dockWidgetArea(second.docks["weights"]) == Qt.RightDockWidgetArea
    # (the offscreen screen is small and clamps a restored size, so only check it was kept)
    assert second.settings.value("geometry") is not None
    assert second.recent_files()[0] == str(path)
    recent = [a.toolTip() for a in second.recent_menu.actions()]
    assert str(path) in recent and second.recent_menu.isEnabled()


def test_unsaved_changes_prompt_on_close_and_open(qtbot, window, monkeypatch):
    window.doc.undo_stack.push(SetParameter(window.doc, ("b", 2, 0), -0.5))
    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(a[1]) or QMessageBox.Cancel)
    assert not window.close()
    assert window.isVisible() and asked
    assert not window.open_path(str(EXAMPLES / "xor_2_2_1_sigmoid.json"))
    assert window.doc.network.layers[1].biases[0] == -0.5 and len(asked) == 2
    window.new_document()
    assert window.doc.network.layers[1].biases[0] == -0.5 and len(asked) == 3


def test_drag_enter_accepts_json_only(qtbot, window):
    from PySide6.QtGui import QDragEnterEvent
    for name, accepted in (("a.json", True), ("a.txt", False)):
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(f"/tmp/{name}")])
        event = QDragEnterEvent(window.rect().center(), Qt.CopyAction, mime, Qt.LeftButton,
                                Qt.NoModifier)
        event.setAccepted(False)
        window.dragEnterEvent(event)
        assert event.isAccepted() is accepted, name


def test_malformed_drop_keeps_the_document(qtbot, window, tmp_path, monkeypatch):
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "backprop-playground", "version": 1, "network": 3}')
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    before = window.doc.network.copy()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(bad))])
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    qtbot.waitUntil(lambda: bool(shown), timeout=2000)
    assert "broken.json" in shown[0] and "network" in shown[0]
    assert window.doc.network == before


def test_gradient_check_reports_the_largest_relative_error(qtbot, window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    window.act_gradcheck.trigger()
    err = window.last_gradcheck.max_relative_error
    assert "Largest relative error" in shown[0] and f"{err:.3g}" in shown[0]
    assert "agrees" in shown[0]
    assert "Largest relative error" in window.statusBar().currentMessage()


def test_no_stale_values_after_an_edit_mid_step(qtbot, window):
    sp, scene, der, insp = window.step_panel, window.view.scene(), window.derivation_panel, window.inspector
    for b in (sp.forward_button, sp.forward_button, sp.backward_button, sp.backward_button):
        click(qtbot, b)
    window.selection.select(("link", 1, 0, 0))
    edit = insp.editors()[0]
    type_into(qtbot, edit, "1")
    assert window.doc.network.layers[0].weights[0, 0] == 1.0
    # z¹₁ = 1·0.9 + 0.3·1 + 0.1 = 1.3; out = 0.5·1.3 + 0.6·1.06 + 0.4 = 1.686
    assert "z = 1.3" in scene.neuron_item(1, 0).label_texts()
    assert "z = 1.686" in scene.neuron_item(2, 0).label_texts()
    assert "z = 0.58" not in scene.neuron_item(1, 0).label_texts()
    assert "0.227138" not in window.loss_label.text()
    assert "0.0492" in window.loss_label.text()                  # ½(1.686 − 2)² = 0.049298
    # ∂L/∂W¹₁,₁ = δ¹₁·x₁ = (1.686 − 2)·0.5·0.9 = −0.1413
    assert insp.shown_values()["dL/dW"] == "−0.1413"
    assert "−0.1413" in der.plain_text() and "−0.3033" not in der.plain_text()
    # after an applied update, an edit takes the update back off the screen
    click(qtbot, sp.update_button)
    assert window.doc.update_applied
    window.selection.select(("neuron", 2, 0))
    type_into(qtbot, insp.editors()[0], "0")
    assert not window.doc.update_applied
    assert not any(t.startswith("b = ") and "0.4" in t for t in scene.neuron_item(2, 0).label_texts()[:-1])
    assert insp.shown_values()["b'"] == "—"
    assert "Gradient descent" not in der.plain_text()


def test_reset_to_the_documents_starting_values(qtbot, window):
    window.doc.undo_stack.push(SetParameter(window.doc, ("W", 1, 0, 0), 0.75))
    click(qtbot, window.step_panel.whole_button)
    window.act_reset_doc.trigger()
    assert window.doc.network.layers[0].weights[0, 0] == 0.2
    assert not window.doc.modified and window.doc.cursor.at_start


def test_screenshot_command_line(qtbot, tmp_path):
    from PySide6.QtGui import QImage
    from playground.app import main
    out = tmp_path / "shot.png"
    assert main(["--screenshot", str(out), "--size", "1280x800",
                 str(EXAMPLES / "xor_2_2_1_sigmoid.json")]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    assert main(["--screenshot", str(tmp_path / "no.png"), str(bad)]) == 2
    assert not (tmp_path / "no.png").exists()
