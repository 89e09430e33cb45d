"""Divergence is caught on every path of the window and never saved as garbage (issue 9)."""
import json

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core import load_project

from .windows import shown_window


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    w = shown_window(qtbot, tmp_path, (1400, 900), monkeypatch=monkeypatch, exposed=False)
    yield w
    w.training.shutdown()
    w.doc.undo_stack.setClean()


def _type_learning_rate(qtbot, window, text):
    edit = window.sample_panel.lr_edit
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key_Return)
    assert window.doc.project.optimizer.learning_rate == float(text)


def _finite_and_sane(net):
    return all(np.isfinite(l.weights).all() and np.isfinite(l.biases).all()
               and np.abs(l.weights).max() <= 1e6 and np.abs(l.biases).max() <= 1e6
               for l in net.layers)


def test_whole_step_at_lr_10_never_writes_nan_and_saves(qtbot, window, tmp_path):
    """Pressing Whole step hundreds of times at lr 10 on the worked example used to write NaN
    weights, which then failed validation and could not be saved."""
    _type_learning_rate(qtbot, window, "10")
    button = window.step_panel.whole_button
    for _ in range(300):
        qtbot.mouseClick(button, Qt.LeftButton)
        assert _finite_and_sane(window.doc.network)
    assert "diverges" in window.statusBar().currentMessage()
    path = tmp_path / "after.json"
    window.doc.save(str(path))
    reopened = load_project(path)
    assert reopened.network == window.doc.network


def test_ordinary_whole_steps_still_apply(qtbot, window):
    before = [l.weights.copy() for l in window.doc.network.layers]
    qtbot.mouseClick(window.step_panel.whole_button, Qt.LeftButton)
    assert not np.array_equal(before[1], window.doc.network.layers[1].weights)
    assert window.doc.network.layers[1].weights[0, 0] == pytest.approx(0.539092, abs=1e-12)


def test_freezing_from_the_canvas_is_undoable_and_honoured_by_the_update(qtbot, window):
    """The first seed's network with its output bias frozen: Whole step leaves the bias, says
    so on the canvas and in the derivation; undo unfreezes."""
    view = window.view
    menu = view.context_menu(("neuron", 2, 0))
    action = next(a for a in menu.actions() if a.objectName() == "freeze_bias")
    action.trigger()
    assert not window.doc.network.layers[1].trainable_biases[0]
    assert "Freeze bias" in window.doc.undo_stack.undoText()
    label = view.scene().neuron_item(2, 0)
    qtbot.mouseClick(window.step_panel.whole_button, Qt.LeftButton)
    assert window.doc.network.layers[1].biases[0] == 0.4           # kept
    assert window.doc.network.layers[1].weights[0, 0] == pytest.approx(0.539092, abs=1e-12)
    window.selection.select(("neuron", 2, 0))
    text = window.derivation_panel.plain_text()
    assert "Not trainable: the update leaves this parameter unchanged" in text
    assert any("(frozen)" in line for line, _k, _b in label.label._lines)
    # undo the step, then the freeze
    window.doc.undo_stack.undo()
    window.doc.undo_stack.undo()
    assert window.doc.network.layers[1].trainable_biases[0]
