"""Editor panels, driven the way a person uses them: type into the real fields, press Enter,
then check the Document; undo, then check the Document and the widgets again.

Numbers are the first seed's worked example (the default Document): x = [0.9, 1.0],
W¹ = [[0.2, 0.3], [0.4, 0.5]], b¹ = [0.1, 0.2], W² = [[0.5, 0.6]], b² = [0.4], y = 2, η = 0.1.
"""
import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication

from playground.commands import ReplaceNetwork, SetParameter, SetSettings
from playground.document import Document
from playground.panels.inspector import InspectorPanel
from playground.panels.sample_panel import SamplePanel
from playground.panels.weight_table import WeightTablePanel
from playground.selection import Selection
from playground.structure_edits import add_neuron, set_activation, set_link_enabled
from playground.widgets import NumberEdit, blocked_signals

BAD_TEXTS = ["abc", "nan", "inf", ""]


@pytest.fixture
def doc(qtbot):
    d = Document()
    yield d
    # Document's cleanChanged lambda would fire on a deleted Document if the stack were
    # cleared while it is being destroyed; clear it while the Document is still alive.
    d.undo_stack.clear()


def type_into(qtbot, edit, text, key=Qt.Key_Return):
    """Select everything in the field, type ``text`` and press Enter (as a person would)."""
    qtbot.keyClick(edit, Qt.Key_A, Qt.ControlModifier)
    if text and not text.isascii():
        edit.insert(text)       # QTest types ASCII only; "−" (U+2212) arrives as a paste would
    elif text:
        qtbot.keyClicks(edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key_Delete)
    if key is not None:
        qtbot.keyClick(edit, key)


def assert_refused(qtbot, doc, edit, text):
    """Typing ``text`` + Enter changes nothing in the Document and marks the field invalid."""
    before = doc.project.copy()
    undo_count = doc.undo_stack.count()
    with qtbot.waitSignal(doc.error, timeout=1000) as blocker:
        type_into(qtbot, edit, text)
    assert blocker.args[0]
    assert edit.is_invalid() and edit.property("invalid") is True
    assert "border" in edit.styleSheet()
    assert edit.toolTip() == edit.invalid_reason() != ""
    assert doc.undo_stack.count() == undo_count
    assert doc.network == before.network
    np.testing.assert_array_equal(doc.project.sample_x, before.sample_x)
    np.testing.assert_array_equal(doc.project.sample_y, before.sample_y)
    assert doc.project.optimizer == before.optimizer
    qtbot.keyClick(edit, Qt.Key_Escape)          # Escape gives the model's value back
    assert not edit.is_invalid() and edit.styleSheet() == ""


# ------------------------------------------------------------------ NumberEdit
def test_number_edit_commits_only_changed_valid_text(qtbot):
    edit = NumberEdit(0.5)
    qtbot.addWidget(edit)
    assert edit.text() == "0.5"
    with qtbot.waitSignal(edit.committed) as blocker:
        type_into(qtbot, edit, "−0.25")       # a real minus sign is accepted
    assert blocker.args == [-0.25] and edit.value() == -0.25
    assert edit.text() == "−0.25"
    with qtbot.assertNotEmitted(edit.committed):
        type_into(qtbot, edit, "-0.250")      # same value: nothing to commit
        edit.set_value(3.0)                   # programmatic: never emits
    assert edit.text() == "3"


@pytest.mark.parametrize("text", BAD_TEXTS)
def test_number_edit_refuses_bad_text(qtbot, text):
    edit = NumberEdit(1.5)
    edit.setToolTip("the normal tip")
    qtbot.addWidget(edit)
    with qtbot.assertNotEmitted(edit.committed), qtbot.waitSignal(edit.invalid) as blocker:
        type_into(qtbot, edit, text)
    assert edit.value() == 1.5 and edit.text() == text
    assert edit.property("invalid") is True and edit.toolTip() == blocker.args[0]
    qtbot.keyClick(edit, Qt.Key_Escape)
    assert edit.text() == "1.5" and edit.toolTip() == "the normal tip" and not edit.is_invalid()


def test_number_edit_check_and_blocked_signals(qtbot):
    edit = NumberEdit(1.0, check=lambda v: "" if v > 0 else "must be positive")
    qtbot.addWidget(edit)
    with qtbot.waitSignal(edit.invalid) as blocker:
        type_into(qtbot, edit, "0")
    assert blocker.args == ["must be positive"] and edit.value() == 1.0
    with blocked_signals(edit), qtbot.assertNotEmitted(edit.textChanged):
        edit.setText("2")
    assert not edit.signalsBlocked()


# ------------------------------------------------------------------ inspector
@pytest.fixture
def inspector(qtbot, doc):
    selection = Selection()
    panel = InspectorPanel(doc, selection)
    qtbot.addWidget(panel)
    return panel, selection


def test_inspector_hint_when_nothing_selected(inspector):
    panel, selection = inspector
    assert panel.hint is not None and "Select a neuron or a link" in panel.hint.text()
    assert panel.editors() == []


def test_inspector_link_edit_undo_and_merge(qtbot, doc, inspector):
    panel, selection = inspector
    selection.select(("link", 2, 0, 0))
    edit, = panel.editors()
    assert edit.value() == 0.5
    type_into(qtbot, edit, "0.7")
    assert doc.network.layer(2).weights[0, 0] == 0.7
    type_into(qtbot, edit, "0.8")             # same focus session: merged into one step
    assert doc.undo_stack.count() == 1 and doc.network.layer(2).weights[0, 0] == 0.8
    QApplication.sendEvent(edit, QFocusEvent(QEvent.FocusIn, Qt.MouseFocusReason))
    type_into(qtbot, edit, "0.9")             # a new focus session is a new step
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.network.layer(2).weights[0, 0] == 0.5
    assert edit.value() == 0.5 and edit.text() == "0.5"
    doc.undo_stack.redo()
    assert edit.value() == 0.8


def test_inspector_refuses_bad_text_everywhere(qtbot, doc, inspector):
    panel, selection = inspector
    for ref in [("link", 1, 1, 0), ("neuron", 1, 0), ("neuron", 2, 0), ("neuron", 0, 1)]:
        selection.select(ref)
        for edit in panel.editors():
            for text in BAD_TEXTS:
                assert_refused(qtbot, doc, edit, text)


def test_inspector_values_follow_the_step(doc, inspector):
    panel, selection = inspector
    selection.select(("neuron", 1, 0))
    assert set(panel.shown_values().values()) == {"—"}
    doc.step_forward()
    assert panel.shown_values()["z"] == "0.58" and panel.shown_values()["delta"] == "—"
    doc.step_forward()
    doc.step_backward()
    selection.select(("neuron", 2, 0))
    v = panel.shown_values()
    assert v["z"] == "1.326" and v["delta"] == "−0.674" and v["dL/db"] == "−0.674"
    assert v["b'"] == "—"
    selection.select(("link", 2, 0, 0))
    assert panel.shown_values() == {"dL/dW": "−0.39092", "W'": "—"}
    doc.step_backward()
    doc.apply_update()
    # w' = 0.5 − 0.1·(−0.39092) = 0.539092
    assert panel.shown_values()["W'"] == "0.539092"


def test_inspector_own_edit_refreshes_derived_values(qtbot, doc, inspector):
    panel, selection = inspector
    doc.step_forward()
    selection.select(("neuron", 1, 0))
    type_into(qtbot, panel.editors()[0], "0.2")       # b¹₁: z¹₁ = 0.58 − 0.1 + 0.2
    assert doc.network.layer(1).biases[0] == 0.2
    assert panel.shown_values()["z"] == "0.68"


def test_inspector_follows_edits_from_elsewhere(doc, inspector):
    panel, selection = inspector
    selection.select(("neuron", 1, 1))
    doc.undo_stack.push(SetParameter(doc, ("b", 1, 1), -3.0, initiator=object()))
    assert panel.editors()[0].text() == "−3"


def test_inspector_pending_text_on_selection_and_structure_change(qtbot, doc, inspector):
    panel, selection = inspector
    selection.select(("neuron", 1, 0))
    type_into(qtbot, panel.editors()[0], "0.25", key=None)     # typed, no Enter yet
    selection.select(("neuron", 1, 1))                           # moving on keeps it
    assert doc.network.layer(1).biases[0] == 0.25
    type_into(qtbot, panel.editors()[0], "9", key=None)
    add_neuron(doc, 1)                                           # structure change drops it
    assert doc.network.layer(1).biases[1] == 0.2 and panel.editors()[0].text() == "0.2"


def test_inspector_catches_up_after_hidden_training(qtbot, doc, inspector):
    panel, selection = inspector
    selection.select(("neuron", 2, 0))
    params = doc.network.get_params()
    params[1][1][0] = 7.0
    doc.set_params(params, training=True)
    assert panel.editors()[0].value() == 0.4           # hidden: not refreshed during training
    panel.show()
    assert panel.editors()[0].value() == 7.0


def test_inspector_link_enabled_checkbox(qtbot, doc, inspector):
    panel, selection = inspector
    selection.select(("link", 1, 0, 1))
    panel.link_check.click()
    assert not doc.network.layer(1).mask[0, 1] and doc.network.layer(1).weights[0, 1] == 0
    assert not panel.link_check.isChecked() and not panel.editors()[0].isEnabled()
    doc.undo_stack.undo()
    assert doc.network.layer(1).mask[0, 1] and doc.network.layer(1).weights[0, 1] == 0.3
    assert panel.link_check.isChecked() and panel.editors()[0].value() == 0.3


def test_inspector_activation_combo(doc, inspector):
    panel, selection = inspector
    selection.select(("neuron", 1, 0))
    combo = panel.activation_combo
    names = [combo.itemData(k) for k in range(combo.count())]
    assert "softmax" not in names and combo.currentData() == "relu"
    combo.setCurrentIndex(combo.findData("tanh"))
    assert doc.network.layer(1).activation == "tanh"
    doc.undo_stack.undo()
    assert doc.network.layer(1).activation == "relu"
    assert panel.activation_combo.currentData() == "relu"
    selection.select(("neuron", 2, 0))
    combo = panel.activation_combo
    assert combo.findData("softmax") >= 0 and combo.currentData() == "linear"


def test_inspector_refuses_activation_that_breaks_the_loss(qtbot, doc, inspector):
    panel, selection = inspector
    set_activation(doc, 2, "sigmoid")
    doc.set_sample(doc.project.sample_x, [1.0])         # a target cross-entropy is defined for
    doc.undo_stack.push(SetSettings(doc, "loss", loss="binary_cross_entropy"))
    selection.select(("neuron", 2, 0))
    combo = panel.activation_combo
    with qtbot.waitSignal(doc.error) as blocker:
        combo.setCurrentIndex(combo.findData("linear"))
    assert "Binary cross-entropy" in blocker.args[0]
    assert doc.network.layer(2).activation == "sigmoid" and combo.currentData() == "sigmoid"


def test_inspector_sample_editors_and_stale_selection(qtbot, doc, inspector):
    panel, selection = inspector
    selection.select(("neuron", 0, 1))
    type_into(qtbot, panel.editors()[0], "−2")
    assert doc.project.sample_x.tolist() == [0.9, -2.0]
    selection.select(("neuron", 2, 0))
    bias, target = panel.editors()
    type_into(qtbot, target, "1.5")
    assert doc.project.sample_y.tolist() == [1.5]
    doc.undo_stack.undo()
    assert target.text() == "2"
    selection.select(("neuron", 1, 1))
    doc.undo_stack.push(ReplaceNetwork(doc, _without_neuron(doc, 1, 1), "remove"))
    assert panel.hint is not None           # the selected neuron no longer exists


def _without_neuron(doc, layer, i):
    net = doc.network.copy()
    net.remove_neuron(layer, i)
    return net


# ------------------------------------------------------------------ weight table
@pytest.fixture
def table(qtbot, doc):
    panel = WeightTablePanel(doc)
    qtbot.addWidget(panel)
    panel.resize(420, 240)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_weight_table_shows_layer_and_chooser(doc, table):
    m = table.model
    assert [table.chooser.itemText(k) for k in range(table.chooser.count())] == [
        "Layer 1 (2 × 2)", "Layer 2 (1 × 2)"]
    assert (m.rowCount(), m.columnCount()) == (2, 3)
    assert m.index(1, 0).data() == "0.4" and m.index(1, 2).data() == "0.2"
    assert m.headerData(2, Qt.Horizontal) == "bias"
    table.chooser.setCurrentIndex(1)
    assert (m.rowCount(), m.columnCount()) == (1, 3) and m.index(0, 1).data() == "0.6"


def test_weight_table_set_data_and_undo(doc, table):
    m = table.model
    assert m.setData(m.index(0, 1), "0.7")
    assert doc.network.layer(1).weights[0, 1] == 0.7 and m.index(0, 1).data() == "0.7"
    assert m.setData(m.index(1, 2), "−1.25")
    assert doc.network.layer(1).biases[1] == -1.25
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.network.layer(1).weights[0, 1] == 0.3 and m.index(0, 1).data() == "0.3"
    assert m.index(1, 2).data() == "0.2"


@pytest.mark.parametrize("text", BAD_TEXTS)
def test_weight_table_refuses_bad_text(qtbot, doc, table, text):
    m = table.model
    with qtbot.waitSignal(doc.error):
        assert not m.setData(m.index(0, 0), text)
    assert doc.network.layer(1).weights[0, 0] == 0.2 and doc.undo_stack.count() == 0
    assert table.message.isVisible() and "W¹₁,₁" in table.message.text()


def test_weight_table_edit_through_the_view(qtbot, doc, table):
    idx = table.model.index(0, 0)
    table.view.edit(idx)
    editor = table.view.indexWidget(idx)
    assert isinstance(editor, NumberEdit) and editor.value() == 0.2
    for text in BAD_TEXTS:
        type_into(qtbot, editor, text)
        assert editor.is_invalid() and table.message.isVisible()
        assert doc.network.layer(1).weights[0, 0] == 0.2
    type_into(qtbot, editor, "0.9")
    qtbot.waitUntil(lambda: doc.network.layer(1).weights[0, 0] == 0.9)
    assert idx.data() == "0.9" and not table.message.isVisible()
    # a persistent editor works the same way
    idx2 = table.model.index(1, 2)
    table.view.openPersistentEditor(idx2)
    editor2 = table.view.indexWidget(idx2)
    type_into(qtbot, editor2, "5")
    qtbot.waitUntil(lambda: doc.network.layer(1).biases[1] == 5.0)
    doc.undo_stack.undo()
    assert editor2.value() == 0.2 and idx2.data() == "0.2"


def test_weight_table_disabled_link_is_off(doc, table):
    set_link_enabled(doc, 1, 0, 1, False)
    m = table.model
    idx = m.index(0, 1)
    assert idx.data() == "off" and not m.flags(idx) & Qt.ItemIsEditable
    assert not m.setData(idx, "0.5")


def test_weight_table_follows_structure_and_outside_edits(doc, table):
    m = table.model
    add_neuron(doc, 0)
    assert table.chooser.itemText(0) == "Layer 1 (2 × 3)" and m.columnCount() == 4
    doc.undo_stack.undo()
    assert table.chooser.itemText(0) == "Layer 1 (2 × 2)" and m.columnCount() == 3
    doc.undo_stack.push(SetParameter(doc, ("W", 1, 1, 1), 2.5))
    assert m.index(1, 1).data() == "2.5"


# ------------------------------------------------------------------ sample panel
@pytest.fixture
def sample(qtbot, doc):
    panel = SamplePanel(doc)
    qtbot.addWidget(panel)
    return panel


def test_sample_panel_edits_x_and_y_with_undo(qtbot, doc, sample):
    assert [e.text() for e in sample.x_edits] == ["0.9", "1"]
    type_into(qtbot, sample.x_edits[0], "0.7")
    type_into(qtbot, sample.y_edits[0], "3")
    assert doc.project.sample_x.tolist() == [0.7, 1.0] and doc.project.sample_y.tolist() == [3.0]
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.project.sample_x.tolist() == [0.9, 1.0]
    assert sample.x_edits[0].text() == "0.9" and sample.y_edits[0].text() == "2"


def test_sample_panel_refuses_bad_text_everywhere(qtbot, doc, sample):
    sample.method_combo.setCurrentIndex(sample.method_combo.findData("momentum"))
    sample.reg_combo.setCurrentIndex(sample.reg_combo.findData("l2"))
    edits = sample.x_edits + sample.y_edits + [sample.lr_edit, sample.momentum_edit, sample.reg_edit]
    for edit in edits:
        for text in BAD_TEXTS:
            assert_refused(qtbot, doc, edit, text)
    for text in ["0", "−0.5"]:
        assert_refused(qtbot, doc, sample.lr_edit, text)
    assert "greater than 0" in sample.message.text()


def test_sample_panel_learning_rate(qtbot, doc, sample):
    type_into(qtbot, sample.lr_edit, "0.5")
    assert doc.project.optimizer.learning_rate == 0.5
    doc.undo_stack.undo()
    assert doc.project.optimizer.learning_rate == 0.1 and sample.lr_edit.text() == "0.1"


def test_sample_panel_combo_texts_are_never_clipped(qtbot, doc, sample):
    """At the panel's narrowest the closed loss combo still shows its whole (short) name."""
    sample.resize(sample.minimumSizeHint().width(), 500)
    sample.show()
    qtbot.waitExposed(sample)
    combo = sample.loss_combo
    for k in range(combo.count()):
        text_width = combo.fontMetrics().horizontalAdvance(combo.itemText(k))
        assert combo.width() >= text_width + 24, combo.itemText(k)
    assert combo.itemData(combo.findData("half_squared_error"), Qt.ToolTipRole) == "Half squared error ½Σ(a−y)²"
    assert combo.toolTip().startswith("The loss function L the step computes")


def test_sample_panel_loss_combo_refuses_unfit_loss(qtbot, doc, sample):
    combo = sample.loss_combo
    assert combo.itemText(1) == "Binary cross-entropy"
    assert combo.itemData(1, Qt.ToolTipRole) == "Binary cross-entropy (sigmoid output)"
    with qtbot.waitSignal(doc.error) as blocker:
        combo.setCurrentIndex(combo.findData("binary_cross_entropy"))
    assert "Sigmoid" in blocker.args[0] and "Linear" in blocker.args[0]
    assert doc.project.loss == "half_squared_error" and combo.currentData() == "half_squared_error"
    assert sample.message.isVisibleTo(sample) and doc.undo_stack.count() == 0
    set_activation(doc, 2, "sigmoid")
    combo.setCurrentIndex(combo.findData("binary_cross_entropy"))   # y = 2: not a probability
    assert doc.project.loss == "half_squared_error" and combo.currentData() == "half_squared_error"
    assert "between 0 and 1" in sample.message.text()
    doc.set_sample(doc.project.sample_x, [1.0])
    combo.setCurrentIndex(combo.findData("binary_cross_entropy"))
    assert doc.project.loss == "binary_cross_entropy"
    doc.undo_stack.undo()
    assert combo.currentData() == "half_squared_error"


def test_sample_panel_optimizer_and_regularization(qtbot, doc, sample):
    assert not sample.momentum_edit.isVisibleTo(sample) and not sample.reg_edit.isEnabled()
    sample.method_combo.setCurrentIndex(sample.method_combo.findData("momentum"))
    assert doc.project.optimizer.method == "momentum" and sample.momentum_edit.isVisibleTo(sample)
    sample.reg_combo.setCurrentIndex(sample.reg_combo.findData("l2"))
    type_into(qtbot, sample.reg_edit, "0.01")
    assert doc.project.optimizer.regularization == "l2"
    assert doc.project.optimizer.regularization_rate == 0.01
    for _ in range(3):
        doc.undo_stack.undo()
    assert doc.project.optimizer.method == "sgd" and sample.method_combo.currentData() == "sgd"
    assert sample.reg_combo.currentData() == "none" and not sample.reg_edit.isEnabled()


def test_sample_panel_rebuilds_rows_on_structure_change(doc, sample):
    add_neuron(doc, 0)
    assert len(sample.x_edits) == 3 and sample.x_edits[2].text() == "0"
    doc.undo_stack.undo()
    assert [e.text() for e in sample.x_edits] == ["0.9", "1"]
    project = Document().project
    project.network.add_neuron(2)
    project.sample_y = np.array([1.0, 0.0])
    doc.replace_project(project, None)
    assert [e.text() for e in sample.y_edits] == ["1", "0"]


# ------------------------------------------------------------------ screenshots
def test_panel_screenshots(qtbot, doc):
    """Renders each panel to /tmp/panel_*.png (looked at by hand for clipping and legibility)."""
    selection = Selection()
    inspector = InspectorPanel(doc, selection)
    weights, sample = WeightTablePanel(doc), SamplePanel(doc)
    for w in (inspector, weights, sample):
        qtbot.addWidget(w)
    doc.step_forward()
    doc.step_forward()
    doc.step_backward()
    for name, ref in [("link", ("link", 2, 0, 0)), ("hidden", ("neuron", 1, 1)),
                      ("output", ("neuron", 2, 0)), ("input", ("neuron", 0, 0)), ("empty", None)]:
        selection.select(ref)
        inspector.resize(300, 320)
        assert inspector.grab().save(f"/tmp/panel_inspector_{name}.png")
    weights.resize(380, 200)
    weights.model.setData(weights.model.index(0, 0), "abc")
    assert weights.grab().save("/tmp/panel_weights.png")
    sample.resize(360, 300)
    type_into(qtbot, sample.lr_edit, "0")
    assert sample.grab().save("/tmp/panel_sample.png")


@pytest.mark.parametrize("keys, expected", [("7", 7.0), ("-1.5", -1.5)])
def test_typing_over_a_selected_cell_replaces_its_value(qtbot, doc, table, keys, expected):
    """Select a cell (not yet editing) and type: the typed number replaces the value, as in a
    spreadsheet ("7" over 0.5 once became 70.5; "-1.5" over 0.6 "-1.50.6")."""
    view = table.view
    idx = table.model.index(0, 1)                     # W¹₁,₂ = 0.3
    view.setFocus()
    view.setCurrentIndex(idx)
    qtbot.waitUntil(view.hasFocus)
    for ch in keys:
        widget = view.indexWidget(idx) or view
        qtbot.keyClick(widget if widget is not view else view, ch)
    editor = view.indexWidget(idx)
    assert editor is not None and editor.text() == keys
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: doc.network.layer(1).weights[0, 1] == expected)
    assert doc.undo_stack.count() == 1
