"""What a teacher trips over in a workshop rehearsal (issue 10), each through the real window:
real buttons, menus, key presses and mouse moves on the widgets a person uses."""
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from playground.main_window import STATUS_MS, MainWindow

from ..conftest import EXAMPLES, ROOT


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Discard)
    w = MainWindow(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.training.shutdown()
    w.doc.undo_stack.setClean()


def _open(qtbot, window, name):
    assert window.open_path(str(EXAMPLES / name), ask=False)
    qtbot.wait(80)


def _menu_action(window, menu_title, text):
    for top in window.menuBar().actions():
        if top.text().replace("&", "") == menu_title:
            for act in top.menu().actions():
                if act.text().replace("&", "").startswith(text):
                    return act
    raise AssertionError(f"{menu_title} ▸ {text} not found")


# ---------------------------------------------------------------- 11: labels, mixed, hover, swatches
def test_mixed_hidden_activations_say_mixed(qtbot, window):
    from playground import structure_edits
    _open(qtbot, window, "circle.json")
    combo = window.training.training_panel.activation_combo
    assert combo.currentIndex() >= 0 and combo.currentText()
    structure_edits.set_activation(window.doc, 1, "relu")      # layer 2 stays tanh
    assert combo.currentIndex() == -1 and combo.placeholderText() == "mixed"


def test_output_neuron_map_is_captioned_output(qtbot, window):
    _open(qtbot, window, "circle.json")
    bp, scene, view = window.training.boundary_plot, window.view.scene(), window.view
    L = window.doc.network.depth
    qtbot.mouseMove(view.viewport(), QPoint(2, 2))
    qtbot.mouseMove(view.viewport(), view.mapFromScene(scene.neuron_item(L, 0).scenePos()))
    qtbot.waitUntil(lambda: bp.caption.isVisible(), timeout=2000)
    assert bp.caption.textItem.toPlainText() == "Output"
    assert scene.neuron_item(L, 0).is_hovered()                  # and it is highlighted
    qtbot.mouseMove(view.viewport(), view.mapFromScene(scene.neuron_item(1, 0).scenePos()))
    qtbot.waitUntil(lambda: "Layer 1, neuron 1" in bp.caption.textItem.toPlainText(), timeout=2000)
    assert not scene.neuron_item(L, 0).is_hovered() and scene.neuron_item(1, 0).is_hovered()


def test_hovered_link_is_highlighted(qtbot, window):
    scene, view = window.view.scene(), window.view
    link = scene.link_item(2, 0, 0)
    line = link.line()
    middle = view.mapFromScene(link.mapToScene(line.pointAt(0.35)))
    qtbot.mouseMove(view.viewport(), QPoint(2, 2))
    qtbot.mouseMove(view.viewport(), middle)
    qtbot.waitUntil(lambda: scene.hovered_link() is link, timeout=2000)
    assert scene._hover_halo.isVisible()
    qtbot.mouseMove(view.viewport(), QPoint(3, 3))
    qtbot.waitUntil(lambda: scene.hovered_link() is None, timeout=2000)
    assert not scene._hover_halo.isVisible()


def test_confusion_matrix_classes_carry_their_colour(qtbot, window):
    from playground.plots import colors
    _open(qtbot, window, "circle.json")
    html = window.training.training_panel.metrics_html()
    for label in (-1.0, 1.0):
        assert colors.class_colour(label, "binary").name() in html


# ---------------------------------------------------------------- 13: the graph tab
def test_graph_tab_gets_the_room_and_the_step_keys(qtbot, window):
    window.resize(1400, 900)
    qtbot.wait(50)
    shown = [k for k in ("steps", "derivation", "inspector", "sample") if window.docks[k].isVisible()]
    assert shown
    window.act_loss_graph.trigger()
    qtbot.wait(50)
    assert window.tabs.currentWidget() is window.graph_page
    assert not any(window.docks[k].isVisible() for k in shown)      # no canvas text beside it
    page = window.graph_page
    assert page.horizontalScrollBar().maximum() == 0                  # nothing clipped sideways
    e = window.graph_explorer
    params = window.doc.network.get_params()
    position = window.doc.cursor.position
    assert e.stepper.position == 0
    window.act_forward.trigger()                                     # the toolbar's Forward
    assert e.stepper.position == 1 and window.doc.cursor.position == position
    window.act_backward.trigger()                                    # (runs the forward pass first)
    after = e.stepper.position
    assert after == e.stepper.n_forward + 1
    window.act_back.trigger()
    assert e.stepper.position == after - 1
    assert not window.act_update.isEnabled() and not window.act_whole.isEnabled()
    assert all(np.array_equal(a, c) for (a, _), (c, _) in zip(params, window.doc.network.get_params()))
    window.tabs.setCurrentWidget(window.view)
    qtbot.wait(50)
    assert all(window.docks[k].isVisible() for k in shown)
    window.act_forward.trigger()
    assert window.doc.cursor.position == position + 1


# ---------------------------------------------------------------- 14: disabled actions
def test_actions_that_cannot_apply_are_disabled(qtbot, window):
    assert not window.act_delete.isEnabled()                         # nothing selected
    window.selection.select(("neuron", 1, 0))
    assert window.act_delete.isEnabled()
    window.selection.select(("link", 1, 0, 0))
    assert not window.act_delete.isEnabled()
    window.selection.clear()
    assert not window.act_back.isEnabled() and not window.act_reset_step.isEnabled()
    assert window.act_forward.isEnabled() and window.act_update.isEnabled()
    window.act_whole.trigger()
    assert not window.act_update.isEnabled() and not window.act_backward.isEnabled()
    tr = window.training
    assert not tr.act_play.isEnabled() and not tr.act_step_epoch.isEnabled()   # no data set
    panel = tr.training_panel
    assert not panel.play_button.isEnabled() and not panel.step_button.isEnabled()
    _open(qtbot, window, "circle.json")
    assert tr.act_play.isEnabled() and tr.act_step_epoch.isEnabled() and panel.step_button.isEnabled()
    qtbot.mouseClick(panel.play_button, Qt.LeftButton)
    assert tr.controller.running
    assert not tr.act_step_epoch.isEnabled() and not panel.step_button.isEnabled()
    qtbot.mouseClick(panel.play_button, Qt.LeftButton)
    assert not tr.controller.running and panel.step_button.isEnabled()


# ---------------------------------------------------------------- 15: step back into the last step
def test_step_back_returns_into_the_previous_step(qtbot, window):
    sp, doc = window.step_panel, window.doc
    qtbot.mouseClick(sp.whole_button, Qt.LeftButton)
    assert doc.update_applied
    updated = doc.network.get_params()
    qtbot.mouseClick(sp.forward_button, Qt.LeftButton)                # a new step starts
    qtbot.mouseClick(sp.back_button, Qt.LeftButton)                   # back to its start
    assert doc.cursor.position == 0 and not doc.update_applied
    assert sp.back_button.isEnabled()
    qtbot.mouseClick(sp.back_button, Qt.LeftButton)                   # into the previous step
    assert doc.update_applied and doc.cursor.shows_update()
    assert all(np.array_equal(a, c) for (a, _), (c, _) in zip(updated, doc.network.get_params()))
    qtbot.mouseClick(sp.back_button, Qt.LeftButton)                   # then the update is undone
    assert not doc.update_applied and doc.undo_stack.index() == 0


# ---------------------------------------------------------------- 16: status messages
def test_status_messages_pass_and_do_not_follow_another_document(qtbot, window):
    bar = window.statusBar()
    window.show_error("something went wrong")
    assert bar.currentMessage() == "something went wrong"
    _open(qtbot, window, "circle.json")
    assert bar.currentMessage() == ""
    window.show_error("again")
    assert STATUS_MS <= 5000
    qtbot.wait(STATUS_MS + 300)
    assert bar.currentMessage() == ""


# ---------------------------------------------------------------- 17: File ▸ New
def test_file_new_is_a_small_blank_network_not_the_example(qtbot, window):
    example = window.doc.project
    window.doc.set_weight(1, 0, 0, 7.0)
    _menu_action(window, "File", "New").trigger()
    p = window.doc.project
    assert p is not example and p.title != example.title and window.doc.path is None
    assert p.dataset is None and sum(p.network.sizes) <= 6
    assert p.sample_x.size == p.network.input_size and p.sample_y.size == p.network.output_size
    assert not window.doc.modified and "Untitled" in window.windowTitle()
    window.step_panel.forward_button.click()                         # it steps like any other
    assert window.doc.cursor.position == 1
    examples = [a.text() for a in window.examples_menu.actions()]
    assert any("Worked example" in t or "worked" in t.lower() for t in examples)


# ---------------------------------------------------------------- 18: digits
def test_canvas_shows_the_seeds_six_digits_by_default(qtbot, window):
    scene = window.view.scene()
    qtbot.mouseClick(window.step_panel.whole_button, Qt.LeftButton)
    assert "w = 0.539092" in scene.link_item(2, 0, 0).label_texts()
    digits = [a for a in window.view_menu.actions() if a.menu() is not None
              and "digits" in a.text().replace("&", "")][0].menu()
    checked = [a.text() for a in digits.actions() if a.isChecked()]
    assert checked == ["6"]
    [a for a in digits.actions() if a.text() == "4"][0].trigger()
    assert "w = 0.5391" in scene.link_item(2, 0, 0).label_texts()


# ---------------------------------------------------------------- 23: zoom key, screenshot file
def test_ctrl_equals_zooms_in_like_ctrl_plus(qtbot, window):
    from PySide6.QtGui import QKeySequence
    keys = [k.toString() for k in window.act_zoom_in.shortcuts()]
    assert "Ctrl+=" in keys and "Ctrl++" in keys and len(keys) == len(set(keys))
    redo = [k.toString() for k in window.act_redo.shortcuts()]
    assert "Ctrl+Y" in redo and "Ctrl+Shift+Z" in redo and len(redo) == len(set(redo))
    window.view.setFocus()
    before = window.view.zoom_factor()
    qtbot.keyClick(window.view, Qt.Key_Equal, Qt.ControlModifier)
    assert window.view.zoom_factor() > before * 1.1
    assert QKeySequence("Ctrl+=") in window.act_zoom_in.shortcuts()


def test_screenshot_leaves_only_the_png(tmp_path):
    out = tmp_path / "shot.png"
    result = subprocess.run([sys.executable, "-m", "playground", "--screenshot", str(out),
                             "--size", "1024x768"], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shot.png"]
