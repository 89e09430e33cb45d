"""Documents round-trip exactly; malformed ones are refused with a path and never crash."""
import copy
import json
import time

import numpy as np
import pytest

from core import DocumentError, dump_project_text, load_project, load_project_text
from core.project_io import MAX_FILE_BYTES, project_to_dict

from ..conftest import EXAMPLES


@pytest.fixture
def doc():
    return json.loads((EXAMPLES / "worked_example_2_2_1_relu.json").read_text())


def _err(d) -> DocumentError:
    text = d if isinstance(d, str) else json.dumps(d)
    with pytest.raises(DocumentError) as info:
        load_project_text(text)
    return info.value


def test_round_trip_is_exact(tmp_path):
    for path in EXAMPLES.glob("*.json"):
        p = load_project(path)
        again = load_project_text(dump_project_text(p))
        assert again.network == p.network
        assert project_to_dict(again) == project_to_dict(p)


def test_round_trip_keeps_masks_and_history(doc):
    doc["network"]["layers"][0]["mask"] = [[True, False], [True, True]]
    doc["history"] = {"epoch": [1, 2], "train_loss": [0.5, 0.25], "steps": 20}
    p = load_project_text(json.dumps(doc))
    assert not p.network.layers[0].mask[0, 1] and p.network.layers[0].weights[0, 1] == 0
    q = load_project_text(dump_project_text(p))
    assert q.network == p.network and q.history.train_loss == (0.5, 0.25)


@pytest.mark.parametrize("mutate,path,words", [
    (lambda d: d["network"]["layers"][1].__setitem__("weights", [[0.5, 0.6, 0.7]]),
     "network.layers[1].weights", "expected 1×2 numbers, got 1×3"),
    (lambda d: d["network"]["layers"][0]["weights"][0].__setitem__(0, "a"),
     "network.layers[0].weights[0][0]", "expected a number"),
    (lambda d: d["network"]["layers"][0].__setitem__("size", -2), "network.layers[0].size", "≥ 1"),
    (lambda d: d["network"]["layers"][0].__setitem__("size", 10**9), "network.layers[0].size", "≤"),
    (lambda d: d["network"]["layers"][0].__setitem__("activation", "swish"),
     "network.layers[0].activation", "'swish' is not one of"),
    (lambda d: d["network"]["layers"][0].__setitem__("activation", "softmax"),
     "network.layers[0].activation", "only allowed on the output"),
    (lambda d: d["sample"].__setitem__("x", [1.0]), "sample.x", "expected 2 numbers"),
    (lambda d: d.__setitem__("loss", "binary_cross_entropy"), "loss", "sigmoid"),
    (lambda d: d["optimizer"].__setitem__("learning_rate", -1), "optimizer.learning_rate", "≥ 0"),
    (lambda d: d.__setitem__("version", 3), "version", "not supported"),
    (lambda d: d.__setitem__("version", 0), "version", "not supported"),
    (lambda d: d.__setitem__("format", "something"), "format", "not a Backprop Playground"),
    (lambda d: d.pop("network"), "network", "missing"),
    (lambda d: d.__setitem__("network", []), "network", "expected an object"),
    (lambda d: d["network"].__setitem__("layers", []), "network.layers", "non-empty"),
    (lambda d: d.__setitem__("surprise", 1), "surprise", "unknown field"),
    (lambda d: d["network"]["layers"][0].__setitem__("biases", [True, 0.2]),
     "network.layers[0].biases[0]", "expected a number"),
    (lambda d: d["network"]["layers"][0].__setitem__("mask", [[1, 1], [1, 1]]),
     "network.layers[0].mask[0][0]", "true or false"),
    (lambda d: d.__setitem__("dataset", {"name": "circle"}), "network.features", "input features"),
])
def test_malformed_documents_name_the_field(doc, mutate, path, words):
    mutate(doc)
    err = _err(doc)
    assert err.path == path
    assert words in err.reason


@pytest.mark.parametrize("literal,words", [("NaN", "NaN"), ("Infinity", "Infinity"),
                                            ("-Infinity", "Infinity"), ("1e999", "finite")])
def test_nan_and_infinity_are_refused(doc, literal, words):
    doc["network"]["layers"][0]["weights"][0][0] = "@@"
    text = json.dumps(doc).replace('"@@"', literal)
    assert words in str(_err(text))


@pytest.mark.parametrize("text", ["", "{", '{"format": "backprop-playground", "version": 1',
                                  "[1, 2]", "null", "\ufeff", "{" * 100_000, "[" * 100_000])
def test_truncated_and_garbage_json(text):
    err = _err(text)
    assert str(err)


def test_huge_files_are_refused_quickly(tmp_path):
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_FILE_BYTES + 10))
    t = time.perf_counter()
    with pytest.raises(DocumentError, match="MB"):
        load_project(big)
    assert time.perf_counter() - t < 2


def test_too_many_parameters_refused_before_parsing_all(doc):
    doc["network"]["layers"] = [{"size": 1000, "activation": "tanh", "weights": [], "biases": []}] * 5
    err = _err(doc)
    assert err.path.startswith("network.layers")


def test_binary_garbage():
    with pytest.raises(DocumentError, match="UTF-8"):
        load_project_text(b"\xff\xfe\x00garbage")


@pytest.mark.parametrize("weights,path,words", [
    ([[0.2, 0.3], [0.4, 0.5, 0.6]], "network.layers[0].weights[1]", "expected 2 numbers (row 2 of 2×2), got 3"),
    ([[0.2, 0.3, 0.1], [0.4, 0.5, 0.6]], "network.layers[0].weights", "expected 2×2 numbers, got 2×3"),
    ([[0.2, 0.3]], "network.layers[0].weights", "expected 2×2 numbers, got 1×2"),
    ([[0.2, 0.3], [0.4], [1, 2]], "network.layers[0].weights", "expected 2×2 numbers, got 3 rows"),
    ([[0.2, 0.3], 0.4], "network.layers[0].weights[1]", "expected a row of 2 numbers, got a number"),
    ([], "network.layers[0].weights", "expected 2×2 numbers, got 0×0"),
    (None, "network.layers[0].weights", "expected 2×2 numbers, got null"),
])
def test_matrix_shape_errors_say_what_was_found(doc, weights, path, words):
    doc["network"]["layers"][0]["weights"] = weights
    err = _err(doc)
    assert (err.path, err.reason) == (path, words)


def test_the_issues_example_message(doc):
    """A 2-2-2 network whose second weight layer is 2×3: the message the issue quotes."""
    doc["network"]["layers"][1] = {"size": 2, "activation": "linear",
                                   "weights": [[1, 2, 3], [4, 5, 6]], "biases": [0, 0]}
    doc["sample"]["y"] = [1.0, 2.0]
    assert str(_err(doc)) == "network.layers[1].weights: expected 2×2 numbers, got 2×3"


def test_enormous_integer_literals_are_refused_not_crashing(doc):
    doc["network"]["layers"][0]["weights"][0][0] = 10 ** 400
    err = _err(doc)
    assert err.path == "network.layers[0].weights[0][0]" and "finite" in err.reason
    assert len(str(err)) < 120                       # the 401 digits are not printed
    doc["network"]["layers"][0]["weights"][0][0] = 0.2
    doc["network"]["layers"][0]["size"] = 10 ** 400
    err = _err(doc)
    assert err.path == "network.layers[0].size" and len(str(err)) < 120
    # beyond Python's 4300-digit limit json itself refuses the literal
    text = json.dumps(doc).replace('"size": ' + str(10 ** 400), '"size": 1' + "0" * 5000)
    assert "digits" in str(_err(text))


def test_multiclass_data_sets_need_3_to_5_classes(doc):
    doc["network"]["features"] = ["x1", "x2"]
    doc["dataset"] = {"name": "blobs", "n_classes": 9}
    err = _err(doc)
    assert err.path == "dataset.n_classes" and "≤ 5" in err.reason
    doc["dataset"] = {"name": "circle", "n_classes": 9}     # ignored by binary sets
    load_project_text(json.dumps(doc))


def test_round_trip_of_every_field():
    """Every field of a document with no default values left survives save → load."""
    from core import DatasetSpec, History, Layer, Network, OptimizerConfig, Project
    net = Network(3, [Layer([[0.1, -0.2, 0.3], [1e-300, 2.5, -7.0]], [0.01, -0.02], "leaky_relu",
                            [[True, False, True], [True, True, True]]),
                      Layer([[0.5, 0.25], [-1 / 3, 2 / 3], [0.0, 1.0]], [1.5, -2.5, 0.1], "softmax")])
    p = Project(
        network=net, sample_x=np.array([0.1, -0.2, 1 / 7]), sample_y=np.array([0.0, 1.0, 0.0]),
        loss="softmax_cross_entropy",
        optimizer=OptimizerConfig(method="adam", learning_rate=0.003, momentum=0.8, beta1=0.85,
                                  beta2=0.995, epsilon=1e-7, regularization="l1",
                                  regularization_rate=0.002),
        batch_size=17, features=("x1", "x1*x2", "sin(x2)"),
        dataset=DatasetSpec(name="custom", noise=0.35, train_ratio=0.7, seed=42, n_points=300,
                            n_classes=4, points=((0.5, -1.25, 0.0), (1.0, 2.0, 2.0), (-3.0, 0.1, 1.0))),
        max_epochs=250, target_loss=0.01, training_seed=5, init="he", init_seed=8,
        history=History(epoch=(1.0, 2.0), train_loss=(0.9, 0.5), test_loss=(None, 0.6),
                        train_accuracy=(0.5, 0.75), test_accuracy=(None, 0.7), steps=34),
        title="Every field — ü", description="Line one\nline two")
    q = load_project_text(dump_project_text(p))
    assert q.network == p.network
    for name in ("loss", "optimizer", "batch_size", "features", "dataset", "max_epochs",
                 "target_loss", "training_seed", "init", "init_seed", "history", "title",
                 "description"):
        assert getattr(q, name) == getattr(p, name), name
    assert q.sample_x.tobytes() == p.sample_x.tobytes()
    assert q.sample_y.tobytes() == p.sample_y.tobytes()
    assert not q.network.layers[0].mask[0, 1]
    assert project_to_dict(q) == project_to_dict(p)
    # and a generated data set spec
    gen = DatasetSpec(name="multiclass-spiral", noise=0.1, train_ratio=0.6, seed=3, n_points=None,
                      n_classes=5)
    p.dataset = gen
    assert load_project_text(dump_project_text(p)).dataset == gen


def test_loading_never_unpickles_or_evaluates():
    """The document reader has no pickle, eval or exec in it: plain json and checks."""
    import ast
    import inspect
    import core.project_io as pio
    tree = ast.parse(inspect.getsource(pio))
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    names |= {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))
              for a in n.names}
    names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert not names & {"pickle", "eval", "exec", "compile", "marshal", "shelve", "__import__"}
    # a document that would run code in an eval-based reader is just refused
    with pytest.raises(DocumentError):
        load_project_text('{"format": "backprop-playground", "version": 1, '
                          '"network": "__import__(\'os\').system(\'false\')"}')
