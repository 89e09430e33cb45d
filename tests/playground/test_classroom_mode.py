"""Classroom mode through the real window: a classroom file locks and hides what it names,
loads its document and presentation mode, shows a banner; Unlock returns to the full app; bad
files are refused naming the field, and the user's document is never lost."""
import json
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from playground import i18n
from playground.window_language import switch_language

from ..conftest import ROOT
from .windows import shown_window

CLASS = {"format": "backprop-playground-classroom", "version": 1, "title": "Step by step",
         "hide": ["menu.file", "data", "graph_explorer"], "lock": ["canvas.edit", "step.update"],
         "highlight": ["step.forward"], "document": "worked_example_2_2_1_relu"}


def _file(tmp_path, **changes):
    path = tmp_path / "class.json"
    path.write_text(json.dumps({**CLASS, **changes}), encoding="utf-8")
    return str(path)


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    made = []

    def make():
        w = shown_window(qtbot, tmp_path)
        made.append(w)
        return w
    yield make
    for w in reversed(made):
        if w.presentation.active:
            w.presentation.set_active(False)
        w.controls.clear()
        w.doc.undo_stack.setClean()


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    return shown


def test_a_classroom_locks_hides_loads_and_unlocks(window, tmp_path, qtbot):
    w = window()
    assert not w.classroom.banner.isVisible() and not w.classroom.act_unlock.isEnabled()
    assert w.classroom.open_path(_file(tmp_path), ask=False)
    assert w.doc.project.title.startswith("Worked example")
    assert w.classroom.banner.isVisible()
    assert "Step by step" in w.classroom.banner_label.text()
    assert not w.menus["file"].menuAction().isVisible()
    assert not w.docks["data"].toggleViewAction().isVisible()
    assert not w.tabs.isTabVisible(w.tabs.indexOf(w.graph_page))
    assert not w.step_panel.update_button.isEnabled()
    assert w.view.scene().editing_locked()
    assert w.controls.highlighted() == ("step.forward",)
    # the View menu's Unlock stays usable, the banner's button is the same action
    assert w.classroom.act_unlock.isEnabled() and w.classroom.act_unlock in w.menus["view"].actions()
    w.doc.step_forward()
    qtbot.mouseClick(w.classroom.unlock_button, Qt.LeftButton)
    assert not w.classroom.banner.isVisible() and w.classroom.active is None
    assert w.controls.hidden() == w.controls.locked() == w.controls.highlighted() == ()
    assert w.menus["file"].menuAction().isVisible() and w.step_panel.update_button.isEnabled()
    assert w.doc.cursor.position == 1                  # the document is as the class left it


def test_unlock_in_the_view_menu_even_when_the_view_menu_is_locked(window, tmp_path):
    w = window()
    w.classroom.open_path(_file(tmp_path, lock=["menu.view"]), ask=False)
    assert not w.act_show_weights.isEnabled()
    assert w.classroom.act_unlock.isEnabled()
    w.classroom.act_unlock.trigger()
    assert w.act_show_weights.isEnabled()


@pytest.mark.parametrize("changes, field", [
    ({"lock": ["step.update", "step.teleport"]}, "lock[1]"),
    ({"version": 3}, "version"),
    ({"presentation": "yes"}, "presentation"),
    ({"document": "no_such_example"}, "document"),
])
def test_a_malformed_classroom_file_is_refused_naming_the_field(window, tmp_path, errors, field,
                                                                changes):
    w = window()
    w.doc.step_forward()
    before = w.doc.project.title
    assert not w.classroom.open_path(_file(tmp_path, **changes), ask=False)
    assert len(errors) == 1 and f"{field}" in errors[0] and "class.json" in errors[0]
    assert w.controls.locked() == () and not w.classroom.banner.isVisible()
    assert w.doc.project.title == before and w.doc.cursor.position == 1


def test_the_refusal_reads_in_chinese(window, tmp_path, errors):
    w = window()
    i18n.set_language("zh_CN")
    try:
        w.classroom.open_path(_file(tmp_path, lock=["step.teleport"]), ask=False)
    finally:
        i18n.set_language("en")
    assert "lock[0]" in errors[0] and "未知的控件" in errors[0]


def test_an_unsaved_document_is_never_lost(window, tmp_path, monkeypatch):
    from playground import structure_edits
    w = window()
    structure_edits.add_neuron(w.doc, 1)
    sizes = list(w.doc.network.sizes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Cancel)
    assert not w.classroom.open_path(_file(tmp_path))
    assert list(w.doc.network.sizes) == sizes and w.doc.modified
    assert w.controls.locked() == ()
    # without a document the classroom applies and keeps the unsaved work
    assert w.classroom.open_path(_file(tmp_path, document=None))
    assert list(w.doc.network.sizes) == sizes and w.doc.modified


def test_file_menu_open_classroom_and_a_document_beside_the_file(window, tmp_path, monkeypatch):
    doc = (ROOT / "resources" / "examples" / "xor_2_2_1_sigmoid.json").read_text(encoding="utf-8")
    (tmp_path / "mine.json").write_text(doc, encoding="utf-8")
    path = _file(tmp_path, document="mine.json")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (path, ""))
    w = window()
    assert w.classroom.act_open in w.menus["file"].actions()
    w.classroom.act_open.trigger()
    assert w.classroom.active is not None
    assert w.doc.path == str(tmp_path / "mine.json")


def test_presentation_mode_from_the_classroom_is_not_remembered(window, tmp_path):
    w = window()
    w.classroom.open_path(_file(tmp_path, presentation=True, lock=["step.forward"]), ask=False)
    assert w.presentation.active
    assert w.settings.value("presentation") in (False, "false")
    assert not w.docks["inspector"].isVisible()        # presentation hides it, as always
    w.presentation.act_next.trigger()                   # the clicker still steps
    assert w.doc.cursor.position == 1
    assert not w.act_forward.isEnabled()
    w.classroom.unlock()
    assert w.presentation.active and w.act_forward.isEnabled()


def test_language_switch_keeps_the_classroom(window, tmp_path):
    w = window()
    w.classroom.open_path(_file(tmp_path, lock=["file.examples", "edit.undo"]), ask=False)
    switch_language(w, "zh_CN")
    try:
        assert "课堂模式" in w.classroom.banner_label.text()
        assert not w.act_undo.isEnabled() and not w.examples_menu.menuAction().isEnabled()
    finally:
        switch_language(w, "en")


def test_the_command_line_refuses_a_bad_classroom_file(tmp_path):
    bad = _file(tmp_path, hide=["menu.fil"])
    result = subprocess.run([sys.executable, "-m", "playground", "--classroom", bad, "--screenshot",
                             str(tmp_path / "x.png")], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2
    assert "hide[0]" in result.stderr and "menu.fil" in result.stderr
    good = _file(tmp_path)
    result = subprocess.run([sys.executable, "-m", "playground", "--classroom", good, "--screenshot",
                             str(tmp_path / "x.png"), "--size", "1024x768"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "x.png").stat().st_size > 10_000
