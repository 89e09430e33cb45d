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
    (lambda d: d.__setitem__("version", 2), "version", "not supported"),
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
