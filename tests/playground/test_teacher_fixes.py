"""What a teacher trips over in a workshop rehearsal (issue 10), each through the real window:
real buttons, menus, key presses and mouse moves on the widgets a person uses."""
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from playground.main_window import STATUS_MS

from ..conftest import EXAMPLES, ROOT
from .event_loop import spin
from .windows import shown_window


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    w = shown_window(qtbot, tmp_path, (1400, 900), monkeypatch=monkeypatch)
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


# ---------------------------------------------------------------- training: the loss curve
def _speed(window, key):
    combo = window.training.training_panel.speed_combo
    combo.setCurrentIndex(combo.findData(key))
    combo.activated.emit(combo.currentIndex())


def test_loss_curve_starts_at_the_untrained_loss_with_the_first_drop(qtbot, window):
    from core.training import Trainer
    _open(qtbot, window, "circle.json")
    tr = window.training
    _speed(window, "fast")
    untrained = tr.controller
    doc = window.doc
    expected = Trainer(doc.network, doc.train_data(), doc.project.train_config()).evaluate()[0]
    qtbot.mouseClick(tr.training_panel.play_button, Qt.LeftButton)
    spin(8000, until=lambda: untrained.history.last_epoch >= 25)
    qtbot.mouseClick(tr.training_panel.play_button, Qt.LeftButton)
    h = tr.controller.history
    epochs = h.column("epoch")
    assert epochs[0] == 0.0 and h.column("train_loss")[0] == pytest.approx(expected, rel=1e-9)
    assert (epochs <= 10).sum() >= 6, epochs[:12]            # the first drop has points
    assert np.all(np.diff(epochs[epochs <= 10]) > 0) and np.all(np.diff(epochs[epochs <= 10]) <= 2.5)


def test_current_figures_are_numbers_on_screen(qtbot, window):
    _open(qtbot, window, "circle.json")
    lp, tr = window.training.loss_plot, window.training
    assert lp.figures.isVisible()
    qtbot.mouseClick(tr.training_panel.step_button, Qt.LeftButton)      # one epoch
    qtbot.wait(120)
    h = tr.controller.history
    text = lp.figures.text()
    from playground.formatting import format_number
    assert format_number(h.column("train_loss")[-1], 4) in text
    assert format_number(h.column("test_loss")[-1], 4) in text
    assert "accuracy" in text and format_number(100 * h.column("train_accuracy")[-1], 4) in text


def test_loss_axis_follows_the_data_down_and_the_key_covers_nothing(qtbot, window):
    from playground.training.history import HistoryBuffer
    _open(qtbot, window, "circle.json")
    lp, c = window.training.loss_plot, window.training.controller
    assert lp.plot.legend is None and lp.key_label.isVisible()
    h = HistoryBuffer()
    for k in range(400):
        loss = 0.5 if k == 0 else 40.0 if 50 <= k < 60 else 0.3 * np.exp(-k / 50) + 0.01
        h.append(float(k), loss, loss, 0.5, 0.5)
    c.history = h
    lp.reload()
    lp._draw()
    top = lp.plot.getViewBox().viewRange()[1][1]
    assert 0.5 <= top <= 1.0                          # the spike at epoch 50 no longer rules it
    lp.log_x_box.click()
    lp._draw()
    assert lp.plot.getAxis("bottom").logMode
    x0, x1 = lp.plot.getViewBox().viewRange()[0]
    assert x0 <= 0.0 and x1 >= np.log10(399)


# ---------------------------------------------------------------- 5: stop at epoch N
@pytest.mark.parametrize("speed", ["fast", "medium"])
def test_stop_at_epoch_n_stops_at_n_and_play_says_why(qtbot, window, speed):
    _open(qtbot, window, "circle.json")
    tr = window.training
    panel = tr.training_panel
    _speed(window, speed)
    panel.max_epochs_spin.setValue(30)
    qtbot.mouseClick(panel.play_button, Qt.LeftButton)
    spin(15000, until=lambda: not tr.controller.running)
    assert not tr.controller.running
    assert tr.controller.history.last_epoch == 30.0
    assert panel.message_label.isVisible() and "30" in panel.message_label.text()
    steps = tr.controller.history.steps
    qtbot.mouseClick(panel.play_button, Qt.LeftButton)           # again: nothing, and why
    spin(300)
    assert not tr.controller.running and tr.controller.history.steps == steps
    assert tr.controller.history.last_epoch == 30.0 and panel.message_label.isVisible()
    panel.max_epochs_spin.setValue(45)                           # a higher limit trains on
    qtbot.mouseClick(panel.play_button, Qt.LeftButton)
    spin(15000, until=lambda: not tr.controller.running)
    assert tr.controller.history.last_epoch == 45.0


# ---------------------------------------------------------------- 6: Fast never slower than Medium
def test_fast_trains_at_least_an_epoch_a_frame_when_time_is_short(qtbot, window):
    """Under CPU contention a frame has no time left: Fast still trains Medium's epoch."""
    import time
    from playground.training.worker import TrainWorker
    _open(qtbot, window, "circle.json")
    c = window.training.controller
    trainer = c._ensure_trainer()
    for speed in ("medium", "fast"):
        w = TrainWorker(1, trainer, window.doc.project.features, speed)
        w._frames = 500                                           # past the ramp
        before = trainer.step
        w._slice(1.0, time.perf_counter() - 1.0)                  # the deadline has passed
        assert trainer.step - before >= trainer.steps_per_epoch, speed


# ---------------------------------------------------------------- 1: drawn points stay visible
def _click_plot(qtbot, bp, x1, x2, mods=Qt.NoModifier):
    qtbot.mouseClick(bp.plot_widget.viewport(), Qt.LeftButton, mods, pos=bp.data_to_viewport(x1, x2))


def _shown(scatter):
    return [tuple(np.round(p, 6)) for p in (scatter.data["pos"] if len(scatter.data) else [])] \
        if scatter.isVisible() else []


def test_drawn_points_stay_where_they_were_put(qtbot, window):
    from playground.data_commands import ClearPoints
    _open(qtbot, window, "circle.json")
    tr, doc = window.training, window.doc
    bp = tr.boundary_plot
    doc.undo_stack.push(ClearPoints(doc))                      # an empty plot to draw on
    qtbot.mouseClick(bp.draw_box, Qt.LeftButton)
    rng = np.random.default_rng(3)
    for k in range(8):
        _click_plot(qtbot, bp, *rng.uniform(-5, 5, 2), Qt.ShiftModifier if k % 2 else Qt.NoModifier)
        qtbot.wait(QApplication.styleHints().mouseDoubleClickInterval() + 30)
        qtbot.waitUntil(lambda: len(bp.train_scatter.data) == k + 1, timeout=1000)
        assert bp.train_scatter.isVisible()                    # the first click shows a point
    train, test = doc.data_split()
    assert len(train) == 8 and len(test) == 0
    assert tr.act_play.isEnabled()                             # and it can train on them
    qtbot.mouseClick(bp.draw_test_box, Qt.LeftButton)
    _click_plot(qtbot, bp, 1.0, -2.0)
    qtbot.waitUntil(lambda: len(bp.test_scatter.data) == 1, timeout=1000)
    assert bp.test_scatter.isVisible() and len(doc.data_split()[1]) == 1
    # saved and opened again, every point keeps its side
    path = str(window.settings.fileName()) + ".json"
    window.doc.save(path)
    window.open_path(path, ask=False)
    train2, test2 = window.doc.data_split()
    assert np.array_equal(train2.points, train.points) and len(test2) == 1


def test_a_generated_set_keeps_its_split_when_a_point_is_drawn(qtbot, window):
    _open(qtbot, window, "circle.json")
    bp, doc = window.training.boundary_plot, window.doc
    before_train, before_test = (d.points.copy() for d in doc.data_split())
    assert bp.test_scatter.isVisible()                         # test points are drawn
    qtbot.mouseClick(bp.draw_box, Qt.LeftButton)
    _click_plot(qtbot, bp, 0.5, 0.5)
    train, test = doc.data_split()
    rows = lambda a: sorted(map(tuple, np.asarray(a).tolist()))   # noqa: E731
    assert rows(test.points) == rows(before_test)              # nothing changed sides
    assert rows(train.points[:-1]) == rows(before_train) and len(train) == len(before_train) + 1
    assert tuple(np.round(train.points[-1], 1)) == (0.5, 0.5)


# ---------------------------------------------------------------- 9: every optimizer setting
def _type_into(qtbot, edit, text):
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key_Return)


def test_momentum_and_adam_settings_in_the_training_layout(qtbot, window):
    _open(qtbot, window, "circle.json")
    panel, doc = window.training.training_panel, window.doc
    combo = panel.optimizer_combo
    assert not panel.momentum_edit.isVisible() and not panel.beta1_edit.isVisible()
    combo.setCurrentIndex(combo.findData("momentum"))
    combo.activated.emit(combo.currentIndex())
    assert panel.momentum_edit.isVisible() and not panel.beta1_edit.isVisible()
    _type_into(qtbot, panel.momentum_edit, "0.5")
    assert doc.project.optimizer.momentum == 0.5
    _type_into(qtbot, panel.momentum_edit, "1")                      # core refuses μ ≥ 1
    assert panel.momentum_edit.is_invalid() and doc.project.optimizer.momentum == 0.5
    assert "momentum" in panel.momentum_edit.toolTip()          # core's reason
    combo.setCurrentIndex(combo.findData("adam"))
    combo.activated.emit(combo.currentIndex())
    assert panel.beta1_edit.isVisible() and panel.epsilon_edit.isVisible()
    epsilon = doc.project.optimizer.epsilon
    for edit, text, field in ((panel.beta1_edit, "0.8", "beta1"), (panel.beta2_edit, "0.99", "beta2"),
                              (panel.epsilon_edit, "1e-6", "epsilon")):
        _type_into(qtbot, edit, text)
        assert getattr(doc.project.optimizer, field) == float(text)
    _type_into(qtbot, panel.beta2_edit, "-0.1")
    assert panel.beta2_edit.is_invalid() and doc.project.optimizer.beta2 == 0.99
    doc.undo_stack.undo()                                            # each is one undo step
    assert doc.project.optimizer.epsilon == epsilon


# ---------------------------------------------------------------- 24: Help
def test_help_menu_guide_notation_about_and_whats_this(qtbot, window, monkeypatch):
    texts = [a.text().replace("&", "") for a in window.help.menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["Guide to the window", "Notation"] and "About Backprop Playground" in texts
    _menu_action(window, "Help", "Guide").trigger()
    guide = window.help.dialog.browser.toPlainText()
    for words in ("Step by step", "Training", "Computational graph", "F6", "Ctrl+Y", "Shift+F1"):
        assert words in guide
    _menu_action(window, "Help", "Notation").trigger()
    notation = window.help.dialog.browser.toPlainText()
    for words in ("δ", "∂L/∂w", "layer 0", "numbered from 1"):
        assert words in notation
    window.help.dialog.close()
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    _menu_action(window, "Help", "About").trigger()
    import numpy
    import PySide6
    assert PySide6.__version__ in shown[0] and numpy.__version__ in shown[0]
    assert "MIT" in shown[0] and "LGPL" in shown[0]
    assert window.help.act_whats_this.shortcut().toString() == "Shift+F1"
    for key in ("steps", "derivation", "inspector", "sample", "data", "training", "boundary", "loss"):
        assert window.docks[key].widget().whatsThis()


def test_every_control_has_a_tooltip(qtbot, window):
    from PySide6.QtWidgets import (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox,
                                   QLineEdit, QScrollBar)
    _open(qtbot, window, "circle.json")
    missing = []
    for key in ("data", "training", "boundary", "loss", "steps", "sample", "inspector"):
        root = window.docks[key].widget()
        kinds = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractSlider)
        for w in [w for kind in kinds for w in root.findChildren(kind)]:
            if isinstance(w, QScrollBar):
                continue
            if isinstance(w, QLineEdit) and isinstance(w.parent(), (QComboBox, QAbstractSpinBox)):
                continue                    # the editor inside a combo / spin box
            if w.metaObject().className().startswith("Q") and w.objectName().startswith("qt_"):
                continue
            if not w.toolTip():
                missing.append(f"{key}: {type(w).__name__} {getattr(w, 'text', lambda: '')()!r}")
    assert not missing, "\n".join(missing)


# ---------------------------------------------------------------- 10: CSV
def test_csv_import_reports_points_off_the_plot_and_semicolons(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog
    _open(qtbot, window, "circle.json")
    dp, doc = window.training.data_panel, window.doc
    chosen = [None]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (chosen[0], ""))
    errors = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: errors.append(text))
    far = tmp_path / "far.csv"
    far.write_text("x1,x2,label\n1,2,1\n40,3,-1\n-2,-1,1\n2,-9.5,-1\n", encoding="utf-8")
    chosen[0] = str(far)
    qtbot.mouseClick(dp.import_button, Qt.LeftButton)
    assert len(doc.project.dataset.custom_points()) == 4
    assert dp.hint_label.isVisible() and "2 of the 4" in dp.hint_label.text()
    assert "40" in dp.hint_label.text()
    semi = tmp_path / "semi.csv"
    semi.write_text("x1;x2;label\n1;2;1\n", encoding="utf-8")
    chosen[0] = str(semi)
    qtbot.mouseClick(dp.import_button, Qt.LeftButton)
    assert len(errors) == 1 and "';'" in errors[0] and "commas" in errors[0]
    assert len(doc.project.dataset.custom_points()) == 4          # unchanged


def test_csv_export_that_fails_leaves_the_old_file(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog
    import core.csvdata as csvdata
    _open(qtbot, window, "circle.json")
    dp = window.training.data_panel
    target = tmp_path / "points.csv"
    target.write_text("x1,x2,label\n1,1,1\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    errors = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: errors.append(text))
    real = csvdata.write_csv
    monkeypatch.setattr(csvdata, "write_csv", lambda data: real(data)[:200] + "\ud800" + real(data))
    qtbot.mouseClick(dp.export_button, Qt.LeftButton)             # fails half way (encoding)
    assert len(errors) == 1
    assert target.read_text(encoding="utf-8") == "x1,x2,label\n1,1,1\n"
    assert not [p for p in tmp_path.iterdir() if "export" in p.name]     # no temp file left
    monkeypatch.setattr(csvdata, "write_csv", real)
    qtbot.mouseClick(dp.export_button, Qt.LeftButton)
    assert len(csvdata.load_csv(target)) == len(window.doc.data_split()[0]) + len(window.doc.data_split()[1])


# ---------------------------------------------------------------- 21: a steady Inspector
@pytest.mark.parametrize("size", [(1400, 900), (1024, 768)])
def test_inspector_height_does_not_jump_with_the_selection(qtbot, window, size):
    window.resize(*size)
    qtbot.wait(50)
    dock, sample = window.docks["inspector"], window.docks["sample"]
    heights = set()
    for ref in (None, ("neuron", 1, 0), ("link", 1, 0, 0), ("neuron", 0, 0), ("neuron", 2, 0),
                None, ("link", 2, 0, 1)):
        window.selection.select(ref)
        qtbot.wait(30)
        heights.add((dock.height(), sample.height()))
    assert len(heights) == 1, heights


# ---------------------------------------------------------------- 4: the output view
def test_output_view_grows_with_the_window_and_has_a_colour_key(qtbot, window):
    _open(qtbot, window, "circle.json")
    bp = window.training.boundary_plot
    sides = {}
    for width, height in ((1280, 800), (1400, 900), (1920, 1080)):
        window.resize(width, height)
        qtbot.wait(120)
        sides[width] = min(bp.plot_widget.width(), bp.plot_widget.height())
    assert sides[1920] > sides[1400] > sides[1280] * 0.98, sides
    assert sides[1920] >= 0.22 * 1920 and sides[1400] > 321, sides
    assert bp.colour_bar.isVisible()
    assert any("decision value" in t for t in bp.colour_bar.texts())
    assert "−1" in bp.colour_bar.texts() and "1" in bp.colour_bar.texts()


def test_regression_points_near_zero_stay_visible_and_classes_have_a_key(qtbot, window):
    _open(qtbot, window, "circle.json")
    dp, bp = window.training.data_panel, window.training.boundary_plot
    qtbot.mouseClick(dp.dataset_buttons["regress-plane"], Qt.LeftButton)
    qtbot.wait(80)
    assert bp.train_scatter.opts["pen"].color().name() == "#424242"   # a dark edge: a value
    assert bp.test_scatter.opts["pen"].color().name() == "#424242"    # near 0 is near white
    assert "predicted value" in bp.colour_bar.texts()
    qtbot.mouseClick(dp.dataset_buttons["blobs"], Qt.LeftButton)
    qtbot.wait(80)
    assert "class 0" in bp.colour_bar.texts() and "class 2" in bp.colour_bar.texts()


# ---------------------------------------------------------------- 7: no contradictory numbers
def test_training_layout_canvas_shows_no_step_sample(qtbot, window):
    _open(qtbot, window, "circle.json")
    scene = window.view.scene()
    window.doc.step_forward()
    texts = [t for (layer, i) in [(0, 0), (0, 1), (1, 0), (window.doc.network.depth, 0)]
             for t in scene.neuron_item(layer, i).label_texts()]
    assert not any(t.split(" = ")[0] in ("x₁", "x₂", "z", "a", "y", "δ") for t in texts), texts
    window.training.act_layout_step.trigger()                     # step by step: the sample
    assert any(t.startswith("z = ") for t in scene.neuron_item(1, 0).label_texts())


def test_derived_features_follow_the_inputs(qtbot, window):
    from playground.data_commands import SetFeatures
    _open(qtbot, window, "circle.json")
    doc = window.doc
    doc.undo_stack.push(SetFeatures(doc, ("x1", "x2", "x1^2", "sin(x1)")))
    features = doc.project.features
    window.training.act_layout_step.trigger()
    panel = window.sample_panel
    edit = panel.x_edits[features.index("x1")]
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(edit, "1.5")
    qtbot.keyClick(edit, Qt.Key_Return)
    from core.features import feature_matrix
    x = doc.project.sample_x
    raw = [[x[features.index("x1")], x[features.index("x2")]]]
    assert x[features.index("x1")] == 1.5
    assert np.allclose(x, feature_matrix(np.array(raw), features)[0], rtol=0, atol=0)


# ---------------------------------------------------------------- 19, 20: the derivation
def test_update_stage_with_nothing_selected_lists_every_update(qtbot, window):
    window.step_panel.update_button.click()
    window.selection.clear()
    text = window.derivation_panel.plain_text()
    net = window.doc.network
    n_params = sum(layer.weights.size + layer.n_out for layer in net.layers)
    assert text.count("Gradient descent") == n_params == 9, text
    assert "0.539092" in text and "0.4674" in text           # w21,1 and b21 after the update
    assert "Every update" in text


def test_a_narrow_derivation_wraps_only_between_terms(qtbot, window):
    from PySide6.QtGui import QTextLayout
    dock = window.docks["derivation"]
    dock.setFloating(True)
    dock.resize(190, 600)
    sp = window.step_panel
    sp.forward_button.click()
    window.selection.select(("neuron", 1, 0))
    qtbot.wait(50)
    doc = window.derivation_panel.browser.document()
    doc.setTextWidth(150)
    lines, block = [], doc.begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for k in range(layout.lineCount()):
            line = layout.lineAt(k)
            lines.append(text[line.textStart():line.textStart() + line.textLength()])
        block = block.next()
    wrapped = [ln for ln in lines if ln.strip()]
    assert len(wrapped) > len([b for b in range(doc.blockCount())]) - 5    # it did wrap
    for ln in wrapped:
        s = ln.strip().replace("\u00a0", " ")
        assert not s.startswith(("×", "+ ", "− ", "/", "·")), lines
        assert not s.endswith(("×", "/")), lines
