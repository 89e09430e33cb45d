"""Qualitative training predictions: what the engine finds, and the question format."""
import math

import pytest

from core import DocumentError, load_project
from core.predictions import (ChoiceQuestion, choice_question_to_json, parse_choice_question,
                              run_outcome)

from ..conftest import EXAMPLES


@pytest.fixture(scope="module")
def relu():
    return load_project(EXAMPLES / "worked_example_2_2_1_relu.json")


def test_a_small_learning_rate_lowers_the_loss_a_large_one_diverges(relu):
    low = run_outcome(ChoiceQuestion("loss_after_epochs", 100, 0.1), relu)
    assert low.choice == "lower" and low.matches("lower") and not low.matches("higher")
    assert low.before == pytest.approx(0.227138) and low.after < 1e-20 and low.epochs == 100
    high = run_outcome(ChoiceQuestion("loss_after_epochs", 100, 3.0), relu)
    assert high.choice == "diverges" and math.isnan(high.after) and high.epochs < 100
    assert high.divergence in ("loss_exploded", "non_finite", "parameters", "loss_rose")


@pytest.mark.parametrize("example", ["circle.json", "xor_2_2_1_sigmoid.json"])
def test_on_a_data_set(example):
    p = load_project(EXAMPLES / example)
    out = run_outcome(ChoiceQuestion("loss_after_epochs", 20), p)     # the document's own η
    assert out.choice == "lower" and out.after < out.before
    assert run_outcome(ChoiceQuestion("loss_after_epochs", 50, 100.0), p).choice == "diverges"


def test_output_after_the_update(relu):
    out = run_outcome(ChoiceQuestion("output_after_update"), relu)
    assert out.choice == "up" and out.before == pytest.approx(1.326)
    assert out.after == pytest.approx(1.6191548740856, abs=1e-12)
    two = load_project(EXAMPLES / "two_outputs_2_2_2_sigmoid.json")   # targets 0.01 and 0.99
    assert run_outcome(ChoiceQuestion("output_after_update", neuron=1), two).choice == "down"
    assert run_outcome(ChoiceQuestion("output_after_update", neuron=2), two).choice == "up"


def test_cancel_returns_none(relu):
    assert run_outcome(ChoiceQuestion("loss_after_epochs", 1000, 0.01), relu, stop=lambda: True) is None


def test_progress_reaches_the_end(relu):
    seen = []
    run_outcome(ChoiceQuestion("loss_after_epochs", 100, 0.05), relu, progress=seen.append)
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)


def test_round_trip_and_errors():
    for obj in [{"kind": "loss_after_epochs", "epochs": 100, "learning_rate": 3.0},
                {"kind": "loss_after_epochs", "epochs": 5}, {"kind": "output_after_update", "neuron": 2}]:
        assert choice_question_to_json(parse_choice_question(obj)) == obj
    for obj, path in [({"kind": "loss_after_epochs", "epochs": 0}, "q.epochs"),
                      ({"kind": "loss_after_epochs", "learning_rate": -1}, "q.learning_rate"),
                      ({"kind": "loss_after_epochs", "learning_rate": "3"}, "q.learning_rate"),
                      ({"kind": "loss_after_epochs", "neuron": 1}, "q.neuron"),
                      ({"kind": "weather"}, "q.kind"), ({}, "q.kind"),
                      ({"kind": "output_after_update", "code": "x"}, "q.code"), ([], "q")]:
        with pytest.raises(DocumentError) as err:
            parse_choice_question(obj, "q")
        assert err.value.path == path and err.value.reason_message is not None
