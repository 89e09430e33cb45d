"""The command line: trace and train, and one clear line + exit 2 for bad input."""
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core.cli import main

from ..conftest import EXAMPLES, ROOT

WORKED = str(EXAMPLES / "worked_example_2_2_1_relu.json")


def test_trace_json(capsys):
    assert main(["trace", WORKED, "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["layers"][0]["z"] == pytest.approx([0.58, 1.06])
    assert d["output"] == pytest.approx([1.326])
    assert d["loss"] == pytest.approx(0.227138)
    assert d["layers"][1]["dW"][0] == pytest.approx([-0.39092, -0.71444])
    assert d["layers"][1]["db"] == pytest.approx([-0.674])
    assert d["layers"][0]["new_W"][0] == pytest.approx([0.23033, 0.3337])
    assert d["layers"][0]["new_W"][1] == pytest.approx([0.436396, 0.54044])
    assert d["output_after_update"] == pytest.approx([1.6191548740856], abs=1e-13)


def test_trace_table(capsys):
    assert main(["trace", WORKED]) == 0
    out = capsys.readouterr().out
    assert "z = [0.58, 1.06]" in out
    assert "loss (half_squared_error) = 0.227138" in out
    assert "dL/dW2[1,:] = [-0.39092, -0.71444]" in out   # 1-based, as everywhere
    assert "output after the update = [1.619154874" in out


def test_train_writes_trained_document(tmp_path, capsys):
    out = tmp_path / "trained.json"
    assert main(["train", WORKED, "--epochs", "50", "--json", "--out", str(out)]) == 0
    metrics = json.loads(capsys.readouterr().out)
    assert metrics["epochs"] == 50 and metrics["steps"] == 50
    assert metrics["train_loss"] < 1e-6          # one sample: it is learned exactly
    from core import load_project, predict
    p = load_project(out)
    assert predict(p.network, p.sample_x)[0, 0] == pytest.approx(2.0, abs=1e-3)
    assert len(p.history) > 0


@pytest.mark.parametrize("args,words", [
    (["trace", "/nonexistent/file.json"], "no such file"),
    (["trace", str(ROOT)], "folder"),
    (["train", WORKED], "--epochs"),
    (["frobnicate"], "invalid choice"),
    (["train", WORKED, "--epochs", "-3"], "epochs"),
])
def test_bad_input_is_one_line_and_exit_2(args, words, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert words in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_bad_documents(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    for text, words in [("{not json", "not valid JSON"),
                        ('{"format": "backprop-playground", "version": 1, "network": '
                         '{"input_size": 2, "layers": [{"size": 1, "activation": "gelu", '
                         '"weights": [[1, 2]], "biases": [0]}]}, "sample": {"x": [1, 2], "y": [1]}}',
                         "network.layers[0].activation: 'gelu' is not one of")]:
        bad.write_text(text)
        assert main(["trace", str(bad)]) == 2
        err = capsys.readouterr().err
        assert words in err and err.count("\n") == 1


def test_entry_point_runs_as_a_program(tmp_path):
    out = subprocess.run([sys.executable, "-m", "playground", "trace", "/nope.json"],
                         cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 2 and "Traceback" not in out.stderr


def _doc_with(tmp_path, mutate, name="doc.json"):
    d = json.loads(Path(WORKED).read_text(encoding="utf-8"))
    mutate(d)
    path = tmp_path / name
    path.write_text(json.dumps(d))
    return str(path)


@pytest.mark.parametrize("command", [["trace"], ["trace", "--json"], ["train", "--epochs", "3"],
                                     ["train", "--epochs", "3", "--json"]])
@pytest.mark.parametrize("mutate,words", [
    (lambda d: d["network"]["layers"][1].__setitem__("weights", [[0.5, 0.6, 0.7]]),
     "network.layers[1].weights: expected 1×2 numbers, got 1×3"),
    (lambda d: d["network"]["layers"][0].__setitem__("activation", "gelu"),
     "network.layers[0].activation: 'gelu' is not one of"),
    (lambda d: d["network"]["layers"][0]["weights"][0].__setitem__(1, 10 ** 400),
     "network.layers[0].weights[0][1]: expected a finite number"),
    (lambda d: d["sample"].__setitem__("x", [1, 2, 3]), "sample.x: expected 2 numbers, got 3"),
    (lambda d: d.__setitem__("version", 7), "version: version 7 is not supported"),
])
def test_bad_documents_on_every_command(tmp_path, capsys, command, mutate, words):
    path = _doc_with(tmp_path, mutate)
    assert main([command[0], path, *command[1:]]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"backprop-playground: {path}: " + captured.err.split(": ", 2)[2]
    assert words in captured.err and captured.err.count("\n") == 1


def test_truncated_and_empty_files(tmp_path, capsys):
    text = Path(WORKED).read_text(encoding="utf-8")
    for i, body in enumerate([text[: len(text) // 2], "", "\x00\xff garbage"]):
        path = tmp_path / f"t{i}.json"
        path.write_bytes(body.encode("latin-1") if i == 2 else body.encode())
        assert main(["trace", str(path)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err


def test_unwritable_out(tmp_path, capsys):
    assert main(["train", WORKED, "--epochs", "1", "--out", str(tmp_path / "no" / "dir.json")]) == 2
    err = capsys.readouterr().err
    assert f"cannot write {tmp_path / 'no' / 'dir.json'}: " in err and err.count("\n") == 1


def test_an_unexpected_error_is_still_one_line(monkeypatch, capsys):
    import core.cli as cli

    def boom(p):
        raise ZeroDivisionError("something\nthat spans lines")
    monkeypatch.setattr(cli, "trace_dict", boom)
    assert main(["trace", WORKED]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ZeroDivisionError" in err and "Traceback" not in err


def test_bad_input_as_a_real_program(tmp_path):
    """Through the installed entry point's module: exit 2, one stderr line, no traceback."""
    bad = _doc_with(tmp_path, lambda d: d["network"]["layers"][0]["weights"][0].__setitem__(0, 10 ** 400))
    notjson = tmp_path / "x.json"
    notjson.write_text("{")
    for args in (["trace", bad], ["train", str(notjson), "--epochs", "2"],
                 ["train", WORKED, "--epochs", "many"]):
        out = subprocess.run([sys.executable, "-m", "playground", *args], cwd=ROOT,
                             capture_output=True, text=True)
        assert out.returncode == 2, args
        assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr, out.stderr


def test_a_document_with_numbers_beyond_the_limit_is_refused(tmp_path, capsys):
    path = _doc_with(tmp_path, lambda d: d["network"]["layers"][0].__setitem__("weights", [[1e308, 1e308], [0.4, 0.5]]))
    assert main(["trace", path, "--json"]) == 2
    err = capsys.readouterr().err
    assert "network.layers[0].weights[0][0]" in err and "1e+06" in err


def test_trace_json_is_strict_json_even_when_the_forward_pass_overflows(tmp_path, capsys):
    """Weights within the document's ±1e6 can still overflow a deep linear network."""
    def deep(d):
        d["network"]["layers"] = [{"size": 2, "activation": "linear",
                                   "weights": [[1e6, 1e6], [1e6, 1e6]], "biases": [0, 0]}
                                  for _ in range(60)] + [d["network"]["layers"][-1]]
        d["network"]["layers"][-1]["activation"] = "linear"
    path = _doc_with(tmp_path, deep)
    with np.errstate(all="ignore"):
        assert main(["trace", path, "--json"]) == 0
    out = capsys.readouterr().out
    assert "Infinity" not in out and "NaN" not in out
    d = json.loads(out)
    assert any(v is None for layer in d["layers"] for v in layer["z"])


def test_trace_json_has_every_number_of_the_worked_example(capsys):
    assert main(["trace", WORKED, "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    l1, l2 = d["layers"]
    assert l1["a"] == pytest.approx([0.58, 1.06], abs=1e-15)
    assert l2["delta"] == pytest.approx([-0.674], abs=1e-15)
    assert l1["delta"] == pytest.approx([-0.337, -0.4044], abs=1e-15)
    assert l1["new_b"] == pytest.approx([0.1337, 0.24044], abs=1e-15)
    assert l2["new_W"] == [pytest.approx([0.539092, 0.671444], abs=1e-15)]
    assert l2["new_b"] == pytest.approx([0.4674], abs=1e-15)
    assert d["loss"] == pytest.approx(0.227138, abs=1e-15)


def test_train_table_output_and_progress_free_stdout(capsys):
    assert main(["train", WORKED, "--epochs", "5"]) == 0
    out = capsys.readouterr().out
    assert "epochs: 5" in out and "train_loss: " in out and "stopped_because: max_epochs" in out
