"""Step buttons drive the Document's cursor; the derivation panel shows the right formulas."""
import pytest
from PySide6.QtCore import Qt

from playground.commands import SetParameter
from playground.document import Document
from playground.panels.derivation_panel import DerivationPanel
from playground.panels.step_panel import StepPanel
from playground.selection import Selection


@pytest.fixture
def setup(qtbot):
    doc = Document()
    sel = Selection()
    steps = StepPanel(doc)
    der = DerivationPanel(doc, sel)
    qtbot.addWidget(steps)
    qtbot.addWidget(der)
    return doc, sel, steps, der


def click(qtbot, button):
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.LeftButton)


def test_buttons_walk_the_step(qtbot, setup):
    doc, sel, steps, der = setup
    assert steps.forward_button.isEnabled() and steps.backward_button.isEnabled()
    assert not steps.back_button.isEnabled()
    click(qtbot, steps.forward_button)
    assert doc.cursor.stage.kind == "forward" and doc.cursor.stage.layer == 1
    assert "0.58" in der.plain_text() and "1.06" in der.plain_text()
    click(qtbot, steps.forward_button)
    assert "1.326" in der.plain_text()
    click(qtbot, steps.backward_button)
    assert doc.cursor.stage.kind == "backward" and doc.cursor.shows_loss()
    assert "0.227138" in steps.stage_label.text() or "δ" in der.plain_text()
    click(qtbot, steps.backward_button)
    assert not steps.backward_button.isEnabled()
    click(qtbot, steps.update_button)
    assert doc.update_applied
    assert doc.network.layers[0].weights[0, 0] == pytest.approx(0.23033)
    click(qtbot, steps.back_button)
    assert not doc.update_applied
    assert doc.network.layers[0].weights[0, 0] == 0.2


def test_derivation_of_dW2_for_the_selected_link(qtbot, setup):
    doc, sel, steps, der = setup
    sel.select(("link", 2, 0, 0))
    assert "Nothing computed yet" in der.plain_text()
    for _ in range(2):
        click(qtbot, steps.forward_button)
    for _ in range(2):
        click(qtbot, steps.backward_button)
    text = der.plain_text()
    assert "−0.674 × 0.58 = −0.39092" in text.replace("(", "").replace(")", "")
    click(qtbot, steps.update_button)
    text = der.plain_text().replace("(", "").replace(")", "")
    assert "0.5 − 0.1 × −0.39092 = 0.539092" in text


def test_neuron_derivation_and_loss(qtbot, setup):
    doc, sel, steps, der = setup
    sel.select(("neuron", 2, 0))
    click(qtbot, steps.whole_button)
    text = der.plain_text()
    assert "1.326" in text and "0.227138" in text and "0.4674" in text


def test_an_edit_recomputes_values_never_stale(qtbot, setup):
    doc, sel, steps, der = setup
    click(qtbot, steps.forward_button)
    assert "0.58" in der.plain_text()
    doc.undo_stack.push(SetParameter(doc, ("W", 1, 0, 0), 1.0))
    # z¹₁ = 1.0·0.9 + 0.3·1 + 0.1 = 1.3 now; the old 0.58 is gone
    assert "1.3" in der.plain_text() and "0.58" not in der.plain_text()
    doc.undo_stack.undo()
    assert "0.58" in der.plain_text()


def test_whole_step_twice_continues_from_the_new_weights(qtbot, setup):
    doc, sel, steps, der = setup
    click(qtbot, steps.whole_button)
    first = doc.network.layers[1].weights.copy()
    click(qtbot, steps.whole_button)
    assert doc.network.layers[1].weights[0, 0] != first[0, 0]
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo(); doc.undo_stack.undo()
    assert doc.network.layers[1].weights[0, 0] == 0.5


def test_an_activation_of_a_negative_z_has_one_pair_of_brackets():
    """tanh(−0.5) = −0.462117, not tanh((−0.5)); a product still brackets its negative factor."""
    import re

    import numpy as np

    from core import Explainer, Layer, Network, OptimizerConfig, StepCursor
    from playground.math_text import explanation_lines
    net = Network(1, [Layer([[1.0]], [-1.5], "tanh"), Layer([[2.0]], [0.0], "linear")])
    c = StepCursor(net, np.array([1.0]), np.array([0.0]), "half_squared_error",
                   OptimizerConfig(learning_rate=0.1))
    plain = lambda html: re.sub("<[^>]+>", "", html).replace("\u00a0", " ")  # noqa: E731 (no-break spaces keep terms whole)
    _t, _s, numbers = explanation_lines(Explainer(c).a(1, 0))
    assert plain(numbers) == "= tanh(−0.5) = −0.462117"
    _t, _s, numbers = explanation_lines(Explainer(c).z(2, 0))
    assert "2 × (−0.462117)" in plain(numbers)


def test_a_hidden_derivation_panel_catches_up_when_shown(qtbot, setup):
    """Hidden (the training layout), the panel skips the Document's changes; shown again, it
    shows the current step. A selection the network does not have shows the hint."""
    doc, sel, steps, der = setup
    before = der.browser.toPlainText()
    doc.step_forward()
    assert der.browser.toPlainText() == before               # hidden: not recomputed
    der.show()
    qtbot.waitExposed(der)
    assert "0.58" in der.browser.toPlainText()               # z¹₁ = 0.58 after showing
    sel.select(("link", 2, 5, 5))                            # no such link in a 2-2-1 net
    assert "0.58" not in der.plain_text()


def test_the_seed_s_slip_is_stated_beside_the_derivation(qtbot, setup):
    """The first seed prints the loss as 0.37826 and the output after the update as 1.618296;
    the window says so, with the correct values, where the derivation is read."""
    doc, sel, steps, der = setup
    der.refresh()
    text = der.note.text()
    assert not der.note.isHidden()
    assert "0.37826" in text and "0.227138" in text
    assert "1.618296" in text and "1.6191548740856" in text
