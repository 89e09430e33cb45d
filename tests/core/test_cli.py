"""The command line: trace and train, and one clear line + exit 2 for bad input."""
import json
import subprocess
import sys

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
    assert "dL/dW2[0,:] = [-0.39092, -0.71444]" in out
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
