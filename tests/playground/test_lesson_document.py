"""The lesson panel never loses the learner's document, survives undo, opens lesson files
(refusing bad ones with the field named) and follows a language switch."""
import json
from importlib import resources

import pytest
from PySide6.QtWidgets import QMessageBox

from core import lessons
from playground import i18n
from playground.window_language import switch_language

from .windows import shown_window

FIRST = "1_worked_example_2_2_1.json"


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    w = shown_window(qtbot, tmp_path, None, monkeypatch=monkeypatch, exposed=False)
    yield w
    w.training.shutdown()
    w.doc.undo_stack.setClean()
    i18n.set_language("en")


def _answer(monkeypatch, button):
    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(a) or button)
    return asked


def test_unsaved_changes_are_asked_about_and_cancel_keeps_everything(window, monkeypatch, tmp_path):
    w, doc = window, window.doc
    path = tmp_path / "mine.json"
    doc.save(str(path))
    on_disk = path.read_bytes()
    doc.push("edit", __import__("core.session", fromlist=["x"]).set_parameter, ("W", 1, 0, 0), 0.77)
    assert doc.modified
    asked = _answer(monkeypatch, QMessageBox.Cancel)
    assert not w.lessons.open_bundled(FIRST)
    assert asked and not w.lessons.runner.active
    assert doc.network.layers[0].weights[0, 0] == 0.77 and doc.path == str(path)
    asked = _answer(monkeypatch, QMessageBox.Discard)
    assert w.lessons.open_bundled(FIRST)
    assert asked and w.lessons.runner.active and doc.path is None     # untitled: the file is safe
    assert path.read_bytes() == on_disk


def test_a_clean_document_is_replaced_without_a_question(window, monkeypatch):
    asked = _answer(monkeypatch, QMessageBox.Cancel)
    assert window.lessons.open_bundled(FIRST) and not asked


def test_a_later_document_of_the_lesson_is_an_undo_step_and_the_step_survives_undo(window, monkeypatch):
    w, doc = window, window.doc
    asked = _answer(monkeypatch, QMessageBox.Cancel)
    area = w.lessons
    assert area.open_bundled("6_playground.json")
    r = area.runner
    r.go(1)                                  # xor: an edit of the lesson's document
    assert doc.project.dataset.name == "xor" and not asked
    r.go(2)
    r.go(3)                                  # the spiral: a document loaded as an undo step
    assert doc.project.dataset.name == "spiral" and not asked
    text = area.panel.plain_text()
    doc.undo_stack.undo()
    assert doc.project.dataset.name == "xor"
    assert r.index == 3 and area.panel.plain_text() == text
    doc.undo_stack.undo()
    assert doc.project.dataset.name == "circle"
    doc.undo_stack.redo()
    doc.undo_stack.redo()
    assert doc.project.dataset.name == "spiral"


def test_undoing_a_step_keeps_the_goal_reached(window):
    w = window
    area = w.lessons
    assert area.open_bundled(FIRST)
    r = area.runner
    r.go(1)
    w.step_panel.forward_button.click()
    assert r.goal_done()
    w.step_panel.back_button.click()
    assert r.goal_done() and r.index == 1


def test_back_restart_and_hints(window):
    w = window
    area = w.lessons
    assert area.open_bundled(FIRST)
    r, panel = area.runner, area.panel
    assert not panel.back_button.isEnabled()
    panel.next_button.click()
    w.step_panel.forward_button.click()
    assert r.goal_done()
    assert panel.hint_button.isEnabled() and not panel.hint_label.isVisible()
    panel.hint_button.click()
    assert "F6" in panel.hint_label.text() and not panel.hint_button.isEnabled()
    panel.back_button.click()
    assert r.index == 0
    panel.next_button.click()
    assert r.goal_done()                     # a reached goal stays reached
    panel.restart_button.click()
    assert r.index == 0 and not r.done and w.doc.cursor.position == 0
    panel.close_button.click()
    assert not r.active and panel.empty_label.isVisible()


def test_a_lesson_file_opens_and_a_malformed_one_is_refused_naming_the_field(window, monkeypatch, tmp_path):
    w = window
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text: shown.append((title, text)))
    raw = json.loads((resources.files("resources") / "lessons" / FIRST).read_bytes())
    good = tmp_path / "good.json"
    good.write_text(json.dumps(raw), encoding="utf-8")
    assert w.lessons.open_path(str(good)) and not shown
    del raw["steps"][2]["text"]["zh_CN"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(raw), encoding="utf-8")
    w.lessons.runner.close()
    assert not w.lessons.open_path(str(bad))
    assert "steps[2].text.zh_CN: missing" in shown[-1][1] and not w.lessons.runner.active
    i18n.set_language("zh_CN")
    assert not w.lessons.open_path(str(bad))
    assert "steps[2].text.zh_CN" in shown[-1][1] and "missing" not in shown[-1][1]


def test_the_panel_follows_a_language_switch(window):
    w = window
    area = w.lessons
    assert area.open_bundled(FIRST)
    lesson = lessons.load_bundled(FIRST)
    assert lesson.title.get("en") in area.panel.plain_text()
    switch_language(w, "zh_CN")
    text = area.panel.plain_text()
    assert lesson.title.get("zh_CN") in text and lesson.steps[0].text.get("zh_CN")[:8] not in ("",)
    assert "第 1 步" in text
    assert area.menu.actions()[0].text() == lesson.title.get("zh_CN")


def test_a_classroom_file_opens_its_lesson_by_name(window, tmp_path):
    w = window
    assert "1_worked_example_2_2_1" in w.lesson_names()
    room = tmp_path / "room.json"
    room.write_text(json.dumps({"format": "backprop-playground-classroom", "version": 1,
                                "lock": ["step.whole"], "lesson": "1_worked_example_2_2_1"}),
                    encoding="utf-8")
    assert w.classroom.open_path(str(room)) is not False
    r = w.lessons.runner
    assert r.active and r.lesson.id == "worked_example_2_2_1"
    r.go(1)                                  # a lesson step's lists never release the teacher's
    assert "step.whole" in w.controls.locked()
    assert "step.forward" in w.controls.highlighted("lesson")
