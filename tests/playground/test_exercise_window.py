"""Predict before reveal, driven through the real widgets: the step is held until each value is
predicted, right and wrong answers are marked (with the factor to check), hints, the score,
the public session API and the training-prediction dialog — in English and in Chinese."""
import pytest
from PySide6.QtCore import Qt

from core.exercise import Question, answer
from playground import fonts, i18n
from playground.window_language import switch_language

from ..conftest import EXAMPLES
from .test_chinese_ui import english_words
from .windows import shown_window


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    i18n.set_language("en")
    w = shown_window(qtbot, tmp_path, monkeypatch=monkeypatch, exposed=False)
    w.set_digits(6)
    yield w
    if w.exercises.dialog is not None:
        w.exercises.dialog.close()
    w.training.shutdown()
    w.doc.undo_stack.setClean()
    i18n.set_language("en")


def click(qtbot, button):
    assert button.isEnabled() and button.isVisible(), button.text()
    qtbot.mouseClick(button, Qt.LeftButton)


def predict(qtbot, panel, text: str) -> None:
    panel.guess_edit.clear()
    qtbot.keyClicks(panel.guess_edit, text)
    qtbot.keyClick(panel.guess_edit, Qt.Key_Return)


def plain(panel) -> str:
    return panel.feedback.toPlainText().replace("\u00a0", " ")


def turn_on(qtbot, w):
    box = w.step_panel.predict_box
    box_center = box.rect().center()
    box_center.setX(8)
    qtbot.mouseClick(box, Qt.LeftButton, pos=box_center)
    assert w.exercise.enabled and w.exercises.act_predict.isChecked()
    assert w.exercises.panel.enable_box.isChecked() and w.docks["exercise"].isVisible()
    return w.exercises.panel


def test_forward_is_held_until_each_value_is_predicted(qtbot, window):
    w, doc = window, window.doc
    panel = turn_on(qtbot, w)
    click(qtbot, w.step_panel.forward_button)
    assert doc.cursor.position == 0                          # nothing revealed yet
    assert "0.58" not in w.derivation_panel.plain_text()
    assert "Predict z<sup>1</sup><sub>1</sub> = ?" in panel.prompt.text()
    predict(qtbot, panel, "0.58")
    assert "Right: z11 = 0.58" in plain(panel).replace("\u2009", "")
    assert "0.2 × 0.9 + 0.3 × 1 + 0.1 = 0.58" in plain(panel)     # the derivation, revealed
    assert panel.score_label.text() == "Score: 1 right of 1 asked"
    assert doc.cursor.position == 0
    qtbot.keyClick(panel.guess_edit, Qt.Key_Return)          # Enter again: the next question
    assert "Predict a<sup>1</sup><sub>1</sub>" in panel.prompt.text()
    predict(qtbot, panel, "0,58")                            # a decimal comma is accepted
    click(qtbot, panel.next_button)
    predict(qtbot, panel, "1.1")                             # z¹₂ = 1.06: wrong
    assert "Not quite" in plain(panel) and "1.06" in plain(panel)
    assert panel.score_label.text() == "Score: 2 right of 3 asked"
    click(qtbot, panel.next_button)
    assert not w.derivation_panel.plain_text().count("1.06")
    predict(qtbot, panel, "1.06")                            # the last one: the step runs
    assert doc.cursor.position == 1 and "1.06" in w.derivation_panel.plain_text()
    assert panel.next_button.text() == "Done"
    click(qtbot, panel.next_button)
    assert "Press Forward" in panel.prompt.text() and not panel.guess_edit.isEnabled()
    assert panel.score_label.text() == "Score: 3 right of 4 asked"


def test_a_wrong_delta_points_at_the_sigmoid_derivative(qtbot, window):
    w, doc = window, window.doc
    assert w.open_path(str(EXAMPLES / "two_outputs_2_2_2_sigmoid.json"), ask=False)
    panel = turn_on(qtbot, w)
    panel.kinds_combo.setCurrentIndex(panel.kinds_combo.findText("Every δ"))
    click(qtbot, w.step_panel.forward_button)                # no δ in a forward stage: not held
    click(qtbot, w.step_panel.forward_button)
    assert doc.cursor.position == 2 and w.exercise.state == "idle"
    click(qtbot, w.step_panel.backward_button)               # loss + backward 2: δ²₁, δ²₂
    assert not doc.cursor.shows_loss()
    assert "δ<sup>2</sup><sub>1</sub>" in panel.prompt.text()
    e = answer(Question("delta", 2, 1), doc.project).explanation
    dL, fp = e.steps
    a = fp.formula.factors[0].value
    predict(qtbot, panel, f"{dL.result * a:.6f}")            # f′ taken as a instead of a(1 − a)
    text = plain(panel)
    assert "Not quite" in text
    assert "Your δ21 is off: check f′(z21) = a·(1 − a) = 0.186816" in text
    assert panel.score_label.text() == "Score: 0 right of 1 asked"
    click(qtbot, panel.next_button)
    predict(qtbot, panel, "-0.0380982")
    assert "Right" in plain(panel) and doc.cursor.shows_backward(2)
    assert panel.score_label.text() == "Score: 1 right of 2 asked"


def test_hints_then_show_answer_unscored(qtbot, window):
    w, doc = window, window.doc
    assert w.open_path(str(EXAMPLES / "two_outputs_2_2_2_sigmoid.json"), ask=False)
    panel = turn_on(qtbot, w)
    panel.kinds_combo.setCurrentIndex(panel.kinds_combo.findText("Every δ"))
    for button in (w.step_panel.forward_button, w.step_panel.forward_button,
                   w.step_panel.backward_button):
        click(qtbot, button)
    assert w.exercise.current == Question("delta", 2, 1)
    click(qtbot, panel.hint_button)
    h1 = plain(panel)
    assert "Hint: the formula" in h1 and "δ21 = ∂L/∂a21·f′(z21)" in h1
    assert "f′(z21) = a21·(1 − a21)" in h1 and "∂L/∂a21 = a21 − y1" in h1
    assert "0.741365" not in h1 and "0.138499" not in h1     # no numbers yet
    click(qtbot, panel.hint_button)
    h2 = plain(panel)
    assert "with the numbers" in h2 and "0.741365" in h2 and "0.186816" in h2 and "= ?" in h2
    assert "0.138499" not in h2                              # the answer itself stays hidden
    assert not panel.hint_button.isEnabled()
    click(qtbot, panel.show_button)
    assert "not scored" in plain(panel) and "0.138499" in plain(panel)
    assert panel.score_label.text() == "Score: 0 right of 0 asked"
    click(qtbot, panel.next_button)
    click(qtbot, panel.show_button)
    assert doc.cursor.shows_backward(2)                      # the held step ran after the last


def test_an_edit_while_asking_drops_the_questions(qtbot, window):
    w, doc = window, window.doc
    panel = turn_on(qtbot, w)
    click(qtbot, w.step_panel.forward_button)
    assert w.exercise.state == "asking"
    doc.set_weight(1, 0, 0, 0.7)
    assert w.exercise.state == "idle" and "document changed" in panel.prompt.text()
    click(qtbot, w.step_panel.forward_button)                # asked again, about the new numbers
    predict(qtbot, panel, f"{0.7 * 0.9 + 0.3 + 0.1:.6f}")
    assert "Right" in plain(panel)
    click(qtbot, panel.enable_box)                           # off: steps reveal at once
    assert not w.exercise.enabled and not w.step_panel.predict_box.isChecked()
    click(qtbot, w.step_panel.forward_button)
    assert doc.cursor.position >= 1


def test_the_whole_step_asks_every_stage_in_order(qtbot, window):
    w, doc = window, window.doc
    panel = turn_on(qtbot, w)
    panel.kinds_combo.setCurrentIndex(panel.kinds_combo.findText("The output after the update"))
    w.exercises.act_predict.trigger()
    w.exercises.act_predict.trigger()                        # (off and on again from the menu)
    assert w.exercise.enabled
    click(qtbot, w.step_panel.whole_button)
    assert w.exercise.current.kind == "output_after" and not doc.update_applied
    predict(qtbot, panel, "1.326")                           # the output before the update
    assert "before the update" in plain(panel) and doc.update_applied
    assert doc.network.layers[1].biases[0] == pytest.approx(0.4674)


def test_the_session_api_for_lessons(qtbot, window):
    s = window.exercise
    seen = []
    s.answered.connect(lambda q, v: seen.append((q, v.correct)))
    with qtbot.waitSignal(s.question_asked):
        s.ask([Question("delta", 2, 1), Question("loss")])
    assert window.doc.cursor.position == 0                   # asking reveals nothing by itself
    with qtbot.waitSignal(s.score_changed) as sc:
        s.submit(-0.674)
    assert sc.args == [1, 1]
    s.next_question()
    with qtbot.waitSignal(s.finished):
        s.submit(0.37826)                                    # the seed's slip
    assert seen == [(Question("delta", 2, 1), True), (Question("loss"), False)]
    assert s.verdict.first_wrong is not None and (s.right, s.asked) == (1, 2)
    from core import DocumentError
    with pytest.raises(DocumentError, match=r"questions\[0\].layer"):
        s.ask([Question("delta", 5, 1)])


def test_training_prediction_dialog(qtbot, window):
    w = window
    dlg = w.exercises.predict_training()
    assert dlg.isVisible() and not dlg.run_button.isEnabled()
    dlg.rate_spin.setValue(3.0)
    assert "100 epochs with learning rate 3" in dlg.question_label.text()
    dlg.select("lower")
    with qtbot.waitSignal(dlg.answered, timeout=60000) as sig:
        click(qtbot, dlg.run_button)
    q, choice, outcome, correct = sig.args
    assert outcome.choice == "diverges" and not correct
    assert "Not this time" in dlg.result_label.text() and "diverged" in dlg.result_label.text()
    dlg.select("diverges")
    with qtbot.waitSignal(dlg.answered, timeout=60000) as sig:
        click(qtbot, dlg.run_button)
    assert sig.args[3] and "Right" in dlg.result_label.text()
    dlg.rate_spin.setValue(0.1)
    dlg.select("lower")
    with qtbot.waitSignal(dlg.answered, timeout=60000) as sig:
        click(qtbot, dlg.run_button)
    assert sig.args[2].choice == "lower" and sig.args[3]
    dlg.kind_combo.setCurrentIndex(1)
    assert not dlg.epochs_spin.isVisible() and dlg.neuron_spin.isVisible()
    dlg.select("down")
    with qtbot.waitSignal(dlg.answered, timeout=10000) as sig:
        click(qtbot, dlg.run_button)
    assert sig.args[2].choice == "up" and not sig.args[3]
    assert dlg.score_label.text() == "Training predictions: 2 right of 4"
    assert w.doc.project.optimizer.learning_rate == 0.1 and not w.doc.modified


def test_in_chinese(qtbot, window, qapp):
    fonts.install(qapp)
    w, doc = window, window.doc
    assert w.open_path(str(EXAMPLES / "two_outputs_2_2_2_sigmoid.json"), ask=False)
    panel = turn_on(qtbot, w)
    switch_language(w, "zh_CN")
    assert panel.enable_box.text() == "先预测再揭晓" and w.step_panel.predict_box.text() == "先预测再揭晓"
    panel.kinds_combo.setCurrentIndex(5)                     # every δ
    assert panel.kinds_combo.currentText() == "每个 δ"
    for button in (w.step_panel.forward_button, w.step_panel.forward_button,
                   w.step_panel.backward_button):
        click(qtbot, button)
    assert "预测" in panel.prompt.text()
    click(qtbot, panel.hint_button)
    e = answer(Question("delta", 2, 1), doc.project).explanation
    predict(qtbot, panel, f"{e.steps[0].result:.6f}")        # f′ left out
    text = plain(panel)
    assert "不对" in text or "差了" in text
    texts = [panel.prompt.text(), text, panel.score_label.text(), panel.next_button.text(),
             panel.hint_button.text(), panel.show_button.text(), panel.check_button.text(),
             panel.training_button.text(), panel.reset_button.text(),
             w.docks["exercise"].windowTitle(), w.exercises.act_predict.text()]
    left = [t for t in texts if english_words(t)]
    assert not left, left
    dlg = w.exercises.predict_training()
    texts = [dlg.windowTitle(), dlg.question_label.text(), dlg.run_button.text(),
             *(b.text() for b in dlg.choice_buttons)]
    assert not [t for t in texts if english_words(t)], texts
