"""core.session: the edit logic as pure functions, without Qt (no QApplication anywhere here)."""
import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest

from core import DatasetSpec, History, Network, load_project, session
from core.errors import DocumentError, EngineError
from core.project_io import loads, dumps, validate

from ..conftest import EXAMPLES, ROOT


@pytest.fixture
def worked():
    return load_project(EXAMPLES / "worked_example_2_2_1_relu.json")


@pytest.fixture
def circle():
    return load_project(EXAMPLES / "circle.json")


def _reopened(p):
    return loads(dumps(p))


def test_edits_return_new_projects_and_leave_the_old_one_alone(worked):
    before = dumps(worked)
    new = session.set_parameter(worked, ("W", 1, 0, 1), 0.75)
    assert new is not worked and new.network.layer(1).weights[0, 1] == 0.75
    assert dumps(worked) == before                        # untouched
    assert session.aspects(worked, new) == {"params"}
    assert session.equal(_reopened(new), new)


def test_bias_and_all_parameters(worked):
    new = session.set_parameter(worked, ("b", 2, 0), -1.5)
    assert new.network.layer(2).biases[0] == -1.5
    params = [(w * 2, b * 0) for w, b in worked.network.get_params()]
    new = session.set_params(worked, params)
    assert np.array_equal(new.network.layer(1).weights, 2 * worked.network.layer(1).weights)
    assert session.aspects(worked, new) == {"params"}


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "x"])
def test_a_parameter_must_be_a_finite_number(worked, bad):
    with pytest.raises(EngineError):
        session.set_parameter(worked, ("W", 1, 0, 0), bad)


def test_structure_edit_resizes_the_sample(worked):
    net = worked.network.copy()
    net.add_neuron(0, rng=np.random.default_rng(0))     # a third input
    new = session.set_network(worked, net)
    assert new.sample_x.tolist() == worked.sample_x.tolist() + [0.0]
    assert session.aspects(worked, new) == {"structure", "params", "sample"}
    net = Network.create([2, 3, 2], "tanh", seed=1)
    new = session.set_network(worked, net)
    assert new.sample_y.tolist() == [worked.sample_y[0], 0.0]
    assert session.equal(_reopened(new), new)


def test_the_inputs_of_a_data_set_network_follow_its_features(circle):
    net = circle.network.copy()
    net.add_neuron(0, rng=np.random.default_rng(0))
    with pytest.raises(EngineError, match="features"):
        session.set_network(circle, net)


def test_settings_follow_the_loaders_rules(worked):
    """Binary cross-entropy on a linear output could be set and saved before, and the loader
    then refused the file: now the edit itself is refused, with the loader's message."""
    with pytest.raises(DocumentError) as err:
        session.set_settings(worked, loss="binary_cross_entropy")
    assert err.value.path == "loss"
    with pytest.raises(EngineError):
        session.set_settings(worked, optimizer=replace(worked.optimizer, learning_rate=1e7))
    with pytest.raises(DocumentError):
        session.set_settings(worked, batch_size=-3)
    with pytest.raises(AttributeError):
        session.set_settings(worked, network=None)
    new = session.set_settings(worked, batch_size=4, title="mine")
    assert (new.batch_size, new.title) == (4, "mine")
    assert session.aspects(worked, new) == {"config"}


def test_output_and_loss_change_together(worked):
    with pytest.raises(EngineError):
        session.set_settings(worked, loss="binary_cross_entropy")
    with pytest.raises(EngineError, match="between 0 and 1"):      # y = 2 is no probability
        session.set_output(worked, "sigmoid", "binary_cross_entropy")
    worked = session.set_sample(worked, worked.sample_x, [1.0])
    new = session.set_output(worked, "sigmoid", "binary_cross_entropy")
    assert new.network.layers[-1].activation == "sigmoid" and new.loss == "binary_cross_entropy"
    assert session.aspects(worked, new) == {"structure", "params", "config"}
    with pytest.raises(EngineError):
        session.set_output(worked, "linear", "binary_cross_entropy")


def test_hidden_activations_at_once():
    p = load_project(EXAMPLES / "spiral_classifier.json")
    hidden = range(1, p.network.depth)
    new = session.set_activations(p, hidden, "relu")
    assert new.network.activations[:-1] == ["relu"] * (p.network.depth - 1)
    with pytest.raises(EngineError):
        session.set_activations(p, [1], "softmax")        # output only


def test_sample(worked):
    new = session.set_sample(worked, [1.0, -2.0], [0.5])
    assert new.sample_x.tolist() == [1.0, -2.0] and session.aspects(worked, new) == {"sample"}
    with pytest.raises(EngineError):
        session.set_sample(worked, [1.0], [0.5])
    with pytest.raises(EngineError):
        session.set_sample(worked, [1.0, float("nan")], [0.5])


def test_a_data_set_sets_the_output_layer_and_loss(circle):
    spec = DatasetSpec("blobs", n_classes=3)
    new = session.set_data(circle, spec, rng=np.random.default_rng(0))
    assert new.network.output_size == 3 and new.network.layers[-1].activation == "softmax"
    assert new.loss == "softmax_cross_entropy"
    assert session.aspects(circle, new) >= {"data", "structure", "config"}
    assert session.equal(_reopened(new), new)
    # another problem starts a new history; the same generator with more noise keeps it
    trained = session.trained(circle, circle.network.get_params(),
                              History(epoch=(1.0,), train_loss=(0.5,), test_loss=(None,),
                                      train_accuracy=(None,), test_accuracy=(None,), steps=25))
    assert len(session.set_data(trained, spec).history) == 0
    assert len(session.set_data(trained, replace(trained.dataset, noise=0.3)).history) == 1


def test_features_rebuild_the_input_layer(circle):
    new = session.set_data(circle, circle.dataset, ("x1", "x2", "x1*x2"), np.random.default_rng(0))
    assert new.network.input_size == 3 and new.features == ("x1", "x2", "x1*x2")
    kept = circle.network.layer(1).weights
    assert np.array_equal(new.network.layer(1).weights[:, :2], kept)
    assert new.sample_x.size == 3


def test_an_empty_drawing_is_a_valid_document(circle):
    from core.data_fit import custom_spec
    new = session.set_data(circle, custom_spec(circle.dataset, ()))
    assert session.equal(_reopened(new), new)


def test_history_and_training_result(circle):
    h = History(epoch=(1.0, 2.0), train_loss=(0.4, 0.3), test_loss=(0.5, None),
                train_accuracy=(0.8, 0.9), test_accuracy=(None, None), steps=50)
    new = session.trained(circle, circle.network.get_params(), h, init_seed=7)
    assert new.history == h and new.init_seed == 7
    assert session.aspects(circle, new) == {"history", "config"}
    bad = replace(h, train_loss=(0.4, float("inf")))
    with pytest.raises(DocumentError):
        session.set_history(circle, bad)


def test_validate_is_the_loader(worked):
    """One set of rules: validate() refuses exactly what reading the file back refuses."""
    bad = replace(worked, batch_size=-1)
    with pytest.raises(DocumentError) as direct:
        validate(bad)
    with pytest.raises(DocumentError) as via_file:
        loads(dumps(bad))
    assert str(direct.value) == str(via_file.value)


def test_validation_reads_a_shared_data_set_once(circle):
    """Edits share the data set with the state before; it is not read again every time."""
    import core.project_io as io
    calls = []
    real = io._dataset
    try:
        io._dataset = lambda *a, **k: calls.append(1) or real(*a, **k)
        p = session.set_parameter(circle, ("W", 1, 0, 0), 0.5)
        p = session.set_parameter(p, ("W", 1, 0, 0), 0.6)
        p = session.set_parameter(p, ("W", 1, 0, 0), 0.7)
    finally:
        io._dataset = real
    assert len(calls) <= 1


def test_step_position_is_saved_and_checked(worked):
    p = replace(worked, step_position=3)
    assert loads(dumps(p)).step_position == 3
    with pytest.raises(DocumentError) as err:
        validate(replace(worked, step_position=99))
    assert err.value.path == "step.position"


def test_session_runs_without_qt():
    code = ("import sys; from core import session, load_project\n"
            f"p = load_project({str(EXAMPLES / 'circle.json')!r})\n"
            "p = session.set_parameter(p, ('W', 1, 0, 0), 0.5)\n"
            "p = session.set_data(p, p.dataset, ('x1', 'x2', 'sin(x1)'))\n"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'pyqtgraph'))]\n"
            "assert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)
