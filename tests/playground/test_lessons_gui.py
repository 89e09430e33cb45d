"""Every bundled lesson, run end to end through the real widgets in both languages: each
step's action is performed with the widgets a learner uses, each goal must fire, and no step
shows English prose in the Chinese window."""
import re

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from core import lessons
from playground import i18n
from playground.main_window import MainWindow

from .event_loop import spin, spin_until

NAMES = lessons.lesson_names()
ENGLISH_RUN = re.compile(r"\b[A-Za-z]{2,}(?:[ ,'-]+[A-Za-z]{2,})+\b")
CODE = re.compile(r"model\.\w+\(\.*\)|model = Sequential\(\[\.*\]\)")
PROPER = ("TensorFlow Playground", "Keras", "Sigmoid", "sigmoid", "ReLU", "tanh", "softmax")


@pytest.fixture(params=["en", "zh_CN"])
def window(request, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Discard)
    i18n.set_language(request.param)
    w = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    w.language = request.param
    yield w
    w.training.controller.pause()
    w.training.shutdown()
    w.digits.cancel()
    w.digits.wait_for_fit()
    w.doc.undo_stack.setClean()
    i18n.set_language("en")


def _draw(pad):
    r = pad._square()

    def pt(fx, fy):
        return QPoint(int(r.x() + fx * r.width()), int(r.y() + fy * r.height()))
    QTest.mousePress(pad, Qt.LeftButton, Qt.NoModifier, pt(0.3, 0.2))
    for k in range(1, 10):
        QTest.mouseMove(pad, pt(0.3 + 0.04 * k, 0.2 + 0.06 * k))
    QTest.mouseRelease(pad, Qt.LeftButton, Qt.NoModifier, pt(0.66, 0.74))


def _choose(combo, data):
    i = combo.findData(data)
    assert i >= 0, data
    combo.setCurrentIndex(i)
    combo.activated.emit(i)


def _train_until(w, runner):
    panel = w.training.training_panel
    if not w.training.controller.running:
        panel.play_button.click()
    spin_until(lambda: runner.goal_done() or not w.training.controller.running and runner.goal_done(),
               timeout_s=90)
    w.training.controller.pause()


def perform(w, runner, wait):
    """Do what the step asks, with the widgets a learner would use."""
    sp, tp, dp = w.step_panel, w.training.training_panel, w.training.data_panel
    e, d = w.graph_explorer, w.digits
    if "action" in wait:
        a = wait["action"]
        clicks = {"forward_step": sp.forward_button, "backward_step": sp.backward_button,
                  "apply_update": sp.update_button, "graph_forward": e.run_forward_button,
                  "graph_backward": e.run_backward_button, "graph_descend": e.descend_button,
                  "digits_define": d.steps.structure.build, "digits_compile": d.steps.compile.apply,
                  "train_epoch": tp.step_button}
        if a in clicks:
            assert clicks[a].isVisible() and clicks[a].isEnabled(), a
            clicks[a].click()
        elif a == "train":
            tp.play_button.click()
            spin(400)
            tp.play_button.click()
            spin_until(lambda: not w.training.controller.running, timeout_s=90)
        elif a == "draw_digit":
            _draw(d.pad_panel.pad)
        else:
            raise AssertionError(a)
        return
    goal = wait["goal"]
    if goal == "setting":
        f, v = wait["field"], wait["value"]
        if f == "batch_size":
            tp.batch_spin.setValue(v)
        elif f == "loss":
            _choose(tp.output_combo, f"sigmoid|{v}")
        elif f == "regularization":
            _choose(tp.regularization_combo, v)
        elif f == "features":
            for name in v:
                if not dp.feature_boxes[name].isChecked():
                    dp.feature_boxes[name].click()
        elif f == "learning_rate":
            edit = tp.learning_rate_combo.lineEdit()
            edit.selectAll()
            QTest.keyClicks(edit, f"{v:g}")
            QTest.keyClick(edit, Qt.Key_Return)
        else:
            raise AssertionError(f)
    elif goal in ("test_loss_below", "diverged"):
        _train_until(w, runner)
    elif goal == "test_accuracy_above":
        d.steps.fit.epochs.setValue(10)
        d.steps.fit.fit.click()
        spin_until(lambda: not d.fitting, timeout_s=90)
    else:
        raise AssertionError(goal)


def predict(w, runner, wait, right: bool) -> None:
    """Type a prediction into the Exercise panel (the real line edit, Enter)."""
    from core.exercise import answer, parse_question
    panel = w.exercises.panel
    assert w.docks["exercise"].isVisible() and panel.guess_edit.isVisible()
    truth = answer(parse_question(wait["predict"], "q", w.doc.network), w.doc.project).value
    guess = truth if right else truth * 1.5 + 1
    panel.guess_edit.clear()
    QTest.keyClicks(panel.guess_edit, repr(guess))
    QTest.keyClick(panel.guess_edit, Qt.Key_Return)
    assert w.exercise.verdict is not None and w.exercise.verdict.correct is right


def _no_english_prose(text: str) -> list:
    text = CODE.sub("", text)
    for p in PROPER:
        text = text.replace(p, "")
    return ENGLISH_RUN.findall(text)


@pytest.mark.parametrize("name", NAMES)
def test_a_bundled_lesson_runs_end_to_end(window, name):
    w = window
    area = w.lessons
    lesson = lessons.load_bundled(name)
    assert area.open_bundled(name)
    r, panel = area.runner, area.panel
    assert area.dock.isVisible()
    predicted = 0
    for k, step in enumerate(lesson.steps):
        assert r.index == k
        shown = panel.plain_text()
        assert step.title.get(w.language) in shown
        if w.language == "zh_CN":
            assert not _no_english_prose(shown), (k, shown)
        for n in step.highlight:
            assert n in r.controls.names(), n
        assert set(step.highlight) <= set(r.controls.highlighted()), k
        if step.wait is not None and "predict" in step.wait:
            assert not r.goal_done() and panel.ask_button.isVisible()
            before = (r.right, r.asked)
            predict(w, r, step.wait, right=False)          # a wrong prediction: scored, the goal fires
            assert r.goal_done() and (r.right, r.asked) == (before[0], before[1] + 1)
            panel.ask_button.click()                        # asked again: now the right value
            predict(w, r, step.wait, right=True)
            assert (r.right, r.asked) == (before[0] + 1, before[1] + 2)
            assert panel.score_label.text()
            predicted += 1
        elif step.wait is not None:
            assert not r.goal_done()
            perform(w, r, step.wait)
            assert r.goal_done(), (name, k, step.wait)
            assert panel.goal_label.text().startswith("✓")
        if k < len(lesson.steps) - 1:
            panel.next_button.click()
    assert not panel.next_button.isEnabled()
    assert r.done == {k for k, s in enumerate(lesson.steps) if s.wait is not None}
    assert (r.right, r.asked) == (predicted, 2 * predicted)
