"""Every bundled example loads, validates, steps and trains."""
import numpy as np
import pytest

from core import StepCursor, check_gradients, load_project
from core.cli import run_training

from .conftest import EXAMPLES

NAMES = sorted(p.name for p in EXAMPLES.glob("*.json"))


def test_the_examples_named_by_the_brief_exist():
    for name in ("worked_example_2_2_1_relu.json", "xor_2_2_1_sigmoid.json",
                 "two_outputs_2_2_2_sigmoid.json", "spiral_classifier.json"):
        assert name in NAMES


@pytest.mark.parametrize("name", NAMES)
def test_example_loads_steps_and_trains(name):
    p = load_project(EXAMPLES / name)
    assert p.title and p.description
    c = StepCursor(p.network, p.sample_x, p.sample_y, p.loss, p.optimizer)
    assert np.isfinite(c.loss)
    if p.network.parameter_count() <= 5000:  # central differences cost 4 passes per parameter;
        # the digit examples' sizes are checked on small digit nets in tests/core/test_digits.py
        assert check_gradients(p.network, p.sample_x, p.sample_y, p.loss).max_relative_error < 1e-6
    trained, metrics = run_training(p, 3)
    assert metrics["stopped_because"] == "max_epochs"
    assert np.isfinite(metrics["train_loss"])
    assert len(trained.history) >= 1


def test_xor_example_learns_xor():
    p = load_project(EXAMPLES / "xor_2_2_1_sigmoid.json")
    trained, metrics = run_training(p, 2000)
    assert metrics["train_accuracy"] == 1.0


def test_worked_example_description_mentions_the_seed_slips():
    p = load_project(EXAMPLES / "worked_example_2_2_1_relu.json")
    assert "0.227138" in p.description and "0.37826" in p.description
    assert "1.6191548740856" in p.description and "1.618296" in p.description
