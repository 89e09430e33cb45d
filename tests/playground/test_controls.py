"""The control registry: every name hides, locks and highlights real widgets and actions, the
state holds against the window's own refreshes, and unknown names are refused with a code."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar

from core.control_names import CONTROL_NAMES, UnknownControlError, check_names
from playground import engine_text, i18n
from playground.control_parts import ActionPart, Badge, DockPart, MenuPart, TabPart, WidgetPart

from .windows import shown_window


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    w = shown_window(qtbot, tmp_path, monkeypatch=monkeypatch)
    yield w
    w.controls.clear()
    w.doc.undo_stack.setClean()


def _badges(part):
    if isinstance(part, ActionPart):
        return list(part._badges.values())
    return [part.badge] if getattr(part, "badge", None) is not None else []


def test_the_registry_names_exactly_the_core_list(window):
    assert window.controls.names() == CONTROL_NAMES
    assert len(set(CONTROL_NAMES)) == len(CONTROL_NAMES)
    for name in CONTROL_NAMES:
        assert window.controls.parts(name), name


def test_unknown_names_are_refused_before_anything_changes(window):
    with pytest.raises(UnknownControlError) as info:
        window.controls.lock(["step.update", "step.fly"])
    assert info.value.name == "step.fly"
    assert info.value.message.code == "controls.unknown"
    assert info.value.message.params["name"] == "'step.fly'"
    assert window.controls.locked() == ()
    assert window.act_update.isEnabled() or not window.doc.cursor
    with pytest.raises(UnknownControlError):
        check_names([3])


def test_unknown_name_reads_in_chinese(window):
    i18n.set_language("zh_CN")
    try:
        with pytest.raises(UnknownControlError) as info:
            window.controls.hide(["nope"])
        text = engine_text.error_text(info.value)
        assert "nope" in text and "unknown control" not in text
    finally:
        i18n.set_language("en")


def test_every_name_locks_hides_and_highlights(window):
    for name in CONTROL_NAMES:          # one window for all (a window takes seconds to make)
        _check_name(window, name)


def _check_name(window, name):
    reg = window.controls
    reg.lock([name])
    for part in reg.parts(name):
        assert part.locked
        if isinstance(part, ActionPart):
            assert not part.action.isEnabled()
        elif isinstance(part, (DockPart, WidgetPart)):
            assert not part.widget.isEnabled()
            assert part.widget.toolTip() == "Locked by the lesson or the teacher"
        elif isinstance(part, TabPart):
            assert not part.tabs.isTabEnabled(part.tabs.indexOf(part.page))
        elif isinstance(part, MenuPart):
            assert not part.menu.menuAction().isEnabled()
            assert all(not a.isEnabled() for a in part.menu.actions()
                       if not a.isSeparator() and a.menu() is None)
    reg.clear()
    reg.hide([name])
    for part in reg.parts(name):
        if isinstance(part, ActionPart):
            assert not part.action.isVisible()
        elif isinstance(part, (DockPart, WidgetPart)):
            assert not part.widget.isVisible()
        elif isinstance(part, TabPart):
            assert not part.tabs.isTabVisible(part.tabs.indexOf(part.page))
        elif isinstance(part, MenuPart):
            assert not part.menu.menuAction().isVisible()
    reg.clear()
    reg.highlight([name])
    lit = [b for part in reg.parts(name) for b in _badges(part) if b.lit and not b.isHidden()]
    if name not in ("step.clicker", "step.reset_document", "file.examples", "view.language",
                    "view.presentation", "file.export_worksheet"):  # in menus only: no place of their own to outline
        assert lit, name
    reg.clear()
    assert not any(not b.isHidden() for part in reg.parts(name) for b in _badges(part))


def test_a_lock_holds_while_the_document_steps_and_is_released_as_the_window_wants(window, qtbot):
    reg = window.controls
    reg.lock(["step.forward"])
    button = window.step_panel.forward_button
    qtbot.mouseClick(button, Qt.LeftButton)
    assert window.doc.cursor.position == 0            # the click did nothing
    window.doc.step_backward()                         # a refresh that would re-enable it
    window.doc.reset_step()
    assert not button.isEnabled() and not window.act_forward.isEnabled()
    window.act_forward.trigger()                       # a disabled action does not fire
    assert window.doc.cursor.position == 0
    reg.unlock(["step.forward"])
    assert button.isEnabled() and window.act_forward.isEnabled()
    qtbot.mouseClick(button, Qt.LeftButton)
    assert window.doc.cursor.position == 1


def test_a_hidden_dock_stays_hidden_through_layout_switches(window):
    reg = window.controls
    reg.hide(["data", "inspector"])
    window.training.set_layout("train")
    assert not window.docks["data"].isVisible() and window.docks["training"].isVisible()
    assert not window.docks["data"].toggleViewAction().isVisible()
    window.training.set_layout("step")
    assert not window.docks["inspector"].isVisible()
    reg.show(["inspector"])
    assert window.docks["inspector"].isVisible()       # the step layout wants it
    reg.show(["data"])
    assert not window.docks["data"].isVisible()        # the step layout does not


def test_a_locked_menu_stops_its_shortcuts_and_overlapping_names_union(window, qtbot):
    reg = window.controls
    reg.lock(["menu.step"])
    reg.lock(["step.forward"])
    reg.unlock(["menu.step"])
    assert not window.act_forward.isEnabled()          # still locked by its own name
    reg.unlock(["step.forward"])
    assert window.act_forward.isEnabled()


def test_locked_field_of_a_form_and_hidden_row(window):
    reg = window.controls
    tp = window.training.training_panel
    reg.lock(["training.learning_rate"])
    assert not tp.learning_rate_combo.isEnabled() and not window.sample_panel.lr_edit.isEnabled()
    reg.hide(["training.optimizer"])
    window.training.set_layout("train")
    assert not tp.optimizer_combo.isVisible()
    assert not tp._form.labelForField(tp.optimizer_combo.parentWidget()).isVisible()


def test_canvas_editing_locked(window, qtbot):
    reg = window.controls
    scene = window.view.scene()
    add = scene.header_item(1).buttons["add_neuron"]
    reg.lock(["canvas.edit"])
    sizes = list(window.doc.network.sizes)
    add.click()
    assert list(window.doc.network.sizes) == sizes
    assert scene.begin_edit(("link", 1, 0, 0)) is None
    assert not window.act_add_layer.isEnabled()
    window.doc.step_forward()           # a rebuild keeps it locked
    assert not scene.header_item(1).buttons["add_neuron"].isEnabled()
    reg.hide(["canvas.edit"])
    assert not scene.header_item(1).buttons["add_neuron"].isVisible()
    reg.clear()
    scene.header_item(1).buttons["add_neuron"].click()
    assert window.doc.network.sizes[1] == sizes[1] + 1


def test_a_hidden_tab_moves_the_window_to_a_visible_one(window):
    reg = window.controls
    window.tabs.setCurrentWidget(window.digits_page)
    reg.hide(["digits"])
    assert window.tabs.currentWidget() is not window.digits_page
    reg.lock(["canvas"])
    assert window.tabs.currentWidget() is window.graph_page


def test_badges_never_take_clicks(window, qtbot):
    reg = window.controls
    reg.highlight(["step.forward"])
    button = window.step_panel.forward_button
    badge = next(b for b in button.findChildren(Badge))
    assert badge.isVisible() and badge.testAttribute(Qt.WA_TransparentForMouseEvents)
    qtbot.mouseClick(button, Qt.LeftButton)
    assert window.doc.cursor.position == 1
    tb = window.findChild(QToolBar, "toolbar_main")
    assert any(b.lit for b in tb.widgetForAction(window.act_forward).findChildren(Badge))


def test_undo_locked_stays_locked_after_the_language_changes(window):
    from playground.window_language import switch_language
    reg = window.controls
    from playground import structure_edits
    reg.lock(["edit.undo"])
    structure_edits.add_neuron(window.doc, 1)
    assert window.doc.undo_stack.canUndo()
    switch_language(window, "zh_CN")
    try:
        assert not window.act_undo.isEnabled() and not window.act_undo_short.isEnabled()
    finally:
        switch_language(window, "en")


def test_owners_lock_apart_and_a_lesson_clear_keeps_the_classrooms_locks(window):
    reg = window.controls
    reg.lock(["step.update"], owner="classroom")
    reg.lock(["step.update", "step.forward"])              # the lesson's (default owner)
    reg.highlight(["step.backward"])
    assert reg.locked() == ("step.forward", "step.update")
    assert reg.locked("classroom") == ("step.update",)
    reg.clear("lesson")
    assert reg.locked() == ("step.update",) and reg.highlighted() == ()
    assert not window.act_update.isEnabled() and window.act_forward.isEnabled()
    reg.clear()
    assert window.act_update.isEnabled()
