"""The training layout's first frame is painted without the step docks' panels (Step,
Derivation, Inspector, Sample and loss, Weight table) and the data-set pictures; they are built
right after it (or on first show / first use) and behave as if they had always been there."""
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMessageBox

from playground import i18n
from playground.main_window import MainWindow
from playground.panels.derivation_panel import DerivationPanel
from playground.panels.inspector import InspectorPanel
from playground.panels.sample_panel import SamplePanel
from playground.panels.step_panel import StepPanel
from playground.panels.weight_table import WeightTablePanel
from playground.presentation import SCALE
from playground.resources import example_names, example_texts, load_example
from playground.step_docks import STEP_PANELS
from playground.window_language import switch_language

PANEL_TYPES = {"steps": StepPanel, "derivation": DerivationPanel, "inspector": InspectorPanel,
               "sample": SamplePanel, "weights": WeightTablePanel}
SETTLE_MS = 10000
"""An upper bound for the event loop to build them (not a timing: waitUntil returns at once)."""


@pytest.fixture
def make_window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Discard)
    made = []

    def make(example=None):
        w = MainWindow(settings=QSettings(str(tmp_path / f"s{len(made)}.ini"), QSettings.IniFormat))
        qtbot.addWidget(w)
        made.append(w)
        if example:
            w.open_example(example)
        w.resize(1280, 800)
        return w

    yield make
    for w in made:
        w.training.shutdown()
        w.doc.undo_stack.setClean()
    i18n.set_language("en")


def record_builds(w) -> dict:
    """key → whether the window had painted when the part was built."""
    seen = {}
    for key in STEP_PANELS:
        w.deferred.when_built(key, lambda _p, k=key: seen.setdefault(k, w.after_first_paint.done))
    return seen


def settle(qtbot, w) -> None:
    qtbot.waitUntil(lambda: w.after_first_paint.done and not w.deferred.pending(), timeout=SETTLE_MS)


def test_training_layout_builds_the_step_docks_after_the_first_paint(qtbot, make_window):
    w = make_window("circle.json")
    assert w.training.current_layout == "train"
    assert sorted(w.deferred.pending()) == sorted(STEP_PANELS)      # none built yet
    seen = record_builds(w)
    w.show()
    qtbot.waitExposed(w)
    settle(qtbot, w)
    assert seen == {k: True for k in STEP_PANELS}                   # all after the first paint
    for key, cls in PANEL_TYPES.items():
        assert isinstance(w.docks[key].widget(), cls)
        assert w.docks[key].widget() is getattr(w, STEP_PANELS[key])
        assert w.docks[key].widget().whatsThis()                    # Help's text reached it
        assert not w.docks[key].isVisible()                          # still hidden in this layout
    # the data-set pictures came right after the first frame too
    qtbot.waitUntil(lambda: all(not b.icon().isNull()
                                for b in w.training.data_panel.dataset_buttons.values()),
                    timeout=SETTLE_MS)
    # and they are painted when the step layout shows them
    qtbot.mouseClick(w.toolbar.widgetForAction(w.training.act_layout_step), Qt.LeftButton)
    for key in ("steps", "derivation", "inspector", "sample"):
        qtbot.waitUntil(w.docks[key].widget().isVisible, timeout=SETTLE_MS)
    assert w.step_panel.forward_button.isEnabled()


def test_step_layout_builds_its_visible_docks_before_the_first_paint(qtbot, make_window):
    w = make_window()
    assert w.training.current_layout == "step"
    seen = record_builds(w)
    w.show()
    qtbot.waitExposed(w)
    for key in ("steps", "derivation", "inspector", "sample"):
        assert seen[key] is False                                   # in the first frame
        assert isinstance(w.docks[key].widget(), PANEL_TYPES[key])
    settle(qtbot, w)
    assert seen["weights"] is True                                  # hidden: after it


def test_opening_a_step_document_while_parts_are_pending(qtbot, make_window):
    w = make_window("circle.json")
    w.show()                 # no event loop turn yet: nothing deferred has been built
    assert w.deferred.pending()
    w.open_example("worked_example_2_2_1_relu.json")
    assert w.training.current_layout == "step"
    settle(qtbot, w)
    for key in ("steps", "derivation", "inspector", "sample"):
        assert w.docks[key].isVisible() and isinstance(w.docks[key].widget(), PANEL_TYPES[key])
    # the panels show the new document: the step buttons step it
    start = w.doc.cursor.position
    qtbot.mouseClick(w.step_panel.forward_button, Qt.LeftButton)
    assert w.doc.cursor.position == start + 1
    assert w.derivation_panel.explanations()


def test_undo_and_redo_reach_panels_built_late(qtbot, make_window):
    w = make_window("circle.json")
    w.show()
    qtbot.waitExposed(w)
    settle(qtbot, w)
    depth = w.doc.network.depth
    table = w.weight_table                 # built after the first paint, hidden
    assert table.chooser.count() == depth
    w.add_hidden_layer()
    assert table.chooser.count() == depth + 1
    qtbot.mouseClick(w.toolbar.widgetForAction(w.act_undo_short), Qt.LeftButton)
    assert w.doc.network.depth == depth and table.chooser.count() == depth
    qtbot.mouseClick(w.toolbar.widgetForAction(w.act_redo_short), Qt.LeftButton)
    assert w.doc.network.depth == depth + 1 and table.chooser.count() == depth + 1
    # the inspector follows the selection on the redone network
    w.selection.select(("neuron", depth, 0))
    assert w.inspector.isEnabled()
    w.doc.undo_stack.undo()


def test_a_language_switch_before_the_panels_are_built(qtbot, make_window):
    w = make_window("circle.json")
    switch_language(w, "zh_CN")
    assert "steps" in w.deferred.pending()
    w.show()
    qtbot.waitExposed(w)
    settle(qtbot, w)
    text = w.step_panel.forward_button.text()
    assert text != "Forward one layer" and any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_presentation_mode_reaches_a_derivation_built_later(qtbot, make_window):
    w = make_window("circle.json")
    w.presentation.act_presentation.setChecked(True)
    assert "derivation" in w.deferred.pending()
    w.show()
    qtbot.waitExposed(w)
    settle(qtbot, w)
    size = w.derivation_panel.browser.font().pointSizeF()
    assert size == pytest.approx(10.0 * 1.25 * SCALE)
    w.presentation.act_presentation.setChecked(False)
    assert w.derivation_panel.browser.font().pointSizeF() == pytest.approx(10.0 * 1.25)
    assert isinstance(w.derivation_panel.browser.font(), QFont)


def test_digits_set_before_the_derivation_is_built(qtbot, make_window):
    w = make_window("circle.json")
    w.set_digits(8)
    assert "derivation" in w.deferred.pending()
    assert w.derivation_panel.digits == 8


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_example_menu_texts_from_the_file_head_match_the_whole_document(language):
    for name in example_names():
        p = load_example(name)
        assert example_texts(name, language) == (p.text("title", language),
                                                 p.text("description", language)), name
