"""The main window, driven like a person would: real buttons, real editors, real files."""
import json

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from playground.commands import SetParameter
from playground.main_window import MainWindow

from ..conftest import EXAMPLES


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    # a modal "unsaved changes?" box would block the test run: answer Discard
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Discard)
    w = MainWindow(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
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
