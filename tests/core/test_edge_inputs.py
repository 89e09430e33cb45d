"""Inputs that once broke saving or training are refused with a message naming the field."""
import json
from pathlib import Path

import numpy as np
import pytest

from core import OptimizerConfig, load_project_text
from core.errors import DocumentError, EngineError
from core.project_io import dumps

WORKED = Path(__file__).resolve().parents[2] / "resources" / "examples" / "worked_example_2_2_1_relu.json"


def _doc(mutate):
    d = json.loads(WORKED.read_text(encoding="utf-8"))
    mutate(d)
    return json.dumps(d)


def test_adam_epsilon_must_be_positive():
    with pytest.raises(EngineError, match="epsilon must be > 0"):
        OptimizerConfig(method="adam", epsilon=0.0)
    with pytest.raises(DocumentError, match="optimizer.epsilon"):
        load_project_text(_doc(lambda d: d["optimizer"].__setitem__("epsilon", 0)))


def test_adam_with_a_zero_gradient_parameter_stays_finite():
    """ε > 0: a disabled link or a dead relu has g = 0 and Adam steps by 0/(0 + ε) = 0."""
    from core import Layer, Network, StepCursor
    net = Network(2, [Layer([[0.5, 0.0]], [0.0], "linear", [[True, False]])])
    c = StepCursor(net, [1.0, 1.0], [2.0], "half_squared_error",
                   OptimizerConfig(method="adam", learning_rate=0.1))
    assert np.isfinite(c.update.weights[0]).all() and c.update.weights[0][0, 1] == 0.0


@pytest.mark.parametrize("mutate, field", [
    (lambda d: d["sample"].__setitem__("y", [1.797e308]), "sample.y[0]"),
    (lambda d: d["sample"].__setitem__("x", [1e200, 1.0]), "sample.x[0]"),
    (lambda d: d["optimizer"].__setitem__("learning_rate", 1e7), "optimizer.learning_rate"),
    (lambda d: d["network"]["layers"][1].__setitem__("biases", [2e6]), "network.layers[1].biases[0]"),
])
def test_numbers_that_would_overflow_a_loss_are_refused(mutate, field):
    with pytest.raises(DocumentError) as info:
        load_project_text(_doc(mutate))
    assert field in str(info.value)


def test_data_points_beyond_the_limit_are_refused():
    d = json.loads(load_text := WORKED.read_text(encoding="utf-8"))
    assert load_text
    d["network"]["features"] = ["x1", "x2"]
    d["dataset"] = {"name": "custom", "points": [[1e200, 1e200, 1.0]]}
    with pytest.raises(DocumentError, match=r"dataset.points\[0\]\[0\]"):
        load_project_text(json.dumps(d))


def test_binary_cross_entropy_targets_are_probabilities():
    def bce(d):
        d["network"]["layers"][1]["activation"] = "sigmoid"
        d["loss"] = "binary_cross_entropy"
        d["sample"]["y"] = [2.0]
    with pytest.raises(DocumentError, match="sample.y.*between 0 and 1"):
        load_project_text(_doc(bce))


def test_what_is_saved_reopens():
    p = load_project_text(WORKED.read_text(encoding="utf-8"))
    p.network.set_trainable(2, "bias", None, False)
    p.network.set_link_enabled(1, 0, 1, False)
    again = load_project_text(dumps(p))
    assert again.network == p.network
    assert again.network.layers[0].parked[0, 1] == 0.3
    again.network.set_link_enabled(1, 0, 1, True)
    assert again.network.layers[0].weights[0, 1] == 0.3      # the weight it had comes back


def test_a_csv_with_more_points_than_a_document_holds_is_refused():
    from core.csvdata import read_csv
    from core.errors import DataError
    from core.project_io import MAX_POINTS
    rows = "\n".join(f"{k % 7}, {k % 5}, 1" for k in range(MAX_POINTS + 1))
    with pytest.raises(DataError, match="too many rows"):
        read_csv("x1, x2, label\n" + rows)


def test_training_and_the_cli_leave_frozen_parameters_alone(tmp_path, capsys):
    """The best-known 2-2-2 sigmoid walkthrough never updates its biases: freeze them and
    train; the weights move, the biases do not, whatever the optimizer."""
    from core import TrainConfig, Trainer, check_gradients, load_project
    from core.cli import main
    from core.project_io import save
    path = WORKED.parent / "two_outputs_2_2_2_sigmoid.json"
    p = load_project(path)
    for l in (1, 2):
        p.network.set_trainable(l, "bias", None, False)
    for method in ("sgd", "momentum", "adam"):
        cfg = TrainConfig(loss=p.loss, optimizer=OptimizerConfig(method=method, learning_rate=0.5,
                                                                 regularization="l2",
                                                                 regularization_rate=0.1),
                          batch_size=1, max_epochs=20)
        t = Trainer(p.network, p.sample_train_data(), cfg)
        t.train_steps(50)
        for (w, b), layer in zip(t.params(), p.network.layers):
            np.testing.assert_array_equal(b, layer.biases)
            assert not np.array_equal(w, layer.weights)
    # the gradient check still checks the frozen biases' gradients
    assert check_gradients(p.network, p.sample_x, p.sample_y, p.loss).passed(1e-7)
    doc = tmp_path / "frozen.json"
    save(p, doc)
    out = tmp_path / "trained.json"
    assert main(["train", str(doc), "--epochs", "30", "--out", str(out)]) == 0
    trained = load_project(out)
    for a, b in zip(trained.network.layers, p.network.layers):
        np.testing.assert_array_equal(a.biases, b.biases)
        assert not a.trainable_biases.any()
