"""The engine's command line: ``trace`` and ``train`` on a document, no window, no Qt.

    backprop-playground trace FILE [--json]
    backprop-playground train FILE --epochs N [--json] [--out TRAINED.json]

Bad input (missing file, invalid JSON, wrong shapes, unknown names) prints one line on stderr
and exits with status 2, never a traceback. ``train`` exits with 1 when training diverged (the
last finite parameters are reported and written). JSON output is strict: a number that
overflowed to infinity or NaN is written as null.
"""
from __future__ import annotations

import argparse
import json
import sys
import time

import numpy as np

from . import project_io
from .errors import EngineError
from .project import History, Project
from .stepping import StepCursor
from .training import Trainer

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, status 2, like every other bad input
        raise _UsageError(message)


class _UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="backprop-playground",
                description="Backprop Playground engine: trace one step or train a document.")
    sub = p.add_subparsers(dest="command", required=True)
    t = sub.add_parser("trace", help="one full training step on the document's sample")
    t.add_argument("file")
    t.add_argument("--json", action="store_true", help="print JSON instead of a table")
    r = sub.add_parser("train", help="train the document headless")
    r.add_argument("file")
    r.add_argument("--epochs", type=int, required=True)
    r.add_argument("--json", action="store_true")
    r.add_argument("--out", help="write the trained document here")
    return p


def _fail(message: str) -> None:
    """The one line a failure prints on stderr."""
    sys.stderr.write("backprop-playground: " + " ".join(message.splitlines()) + "\n")


def _json_safe(v):
    """JSON has no NaN or infinity: such numbers (an overflowing forward pass) become null."""
    if isinstance(v, float):
        return v if np.isfinite(v) else None
    if isinstance(v, dict):
        return {k: _json_safe(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_json_safe(x) for x in v]
    return v


def _fmt(v: float) -> str:
    return f"{v:.10g}"


def _vec(a) -> str:
    return "[" + ", ".join(_fmt(v) for v in np.asarray(a).reshape(-1)) + "]"


def trace_dict(p: Project) -> dict:
    c = StepCursor(p.network, p.sample_x, p.sample_y, p.loss, p.optimizer)
    f, b, u = c.forward_trace, c.backward_trace, c.update
    layers = []
    for k in range(p.network.depth):
        layers.append({
            "layer": k + 1, "activation": p.network.layers[k].activation,
            "z": f.z[k][0].tolist(), "a": f.a[k][0].tolist(), "delta": b.delta[k][0].tolist(),
            "dW": b.dW[k].tolist(), "db": b.db[k].tolist(),
            "new_W": u.weights[k].tolist(), "new_b": u.biases[k].tolist()})
    new_out = c.updated_network()
    from .forward import predict
    return {"x": p.sample_x.tolist(), "y": p.sample_y.tolist(), "loss_function": p.loss,
            "learning_rate": p.optimizer.learning_rate, "optimizer": p.optimizer.method,
            "output": f.output[0].tolist(), "loss": b.loss, "layers": layers,
            "output_after_update": predict(new_out, p.sample_x)[0].tolist()}


def print_trace(d: dict, out) -> None:
    w = out.write
    w(f"input x = {_vec(d['x'])}   target y = {_vec(d['y'])}\n")
    w("forward\n")
    for L in d["layers"]:
        w(f"  layer {L['layer']} ({L['activation']}):  z = {_vec(L['z'])}   a = {_vec(L['a'])}\n")
    w(f"output = {_vec(d['output'])}   loss ({d['loss_function']}) = {_fmt(d['loss'])}\n")
    w("backward\n")
    for L in reversed(d["layers"]):
        w(f"  layer {L['layer']}:  delta = {_vec(L['delta'])}\n")
        for i, row in enumerate(L["dW"]):
            w(f"    dL/dW{L['layer']}[{i + 1},:] = {_vec(row)}   dL/db{L['layer']}[{i + 1}] = {_fmt(L['db'][i])}\n")
    w(f"update ({d['optimizer']}, learning rate {_fmt(d['learning_rate'])})\n")
    for L in d["layers"]:
        for i, row in enumerate(L["new_W"]):
            w(f"  W{L['layer']}[{i + 1},:] = {_vec(row)}   b{L['layer']}[{i + 1}] = {_fmt(L['new_b'][i])}\n")
    w(f"output after the update = {_vec(d['output_after_update'])}\n")


def run_training(p: Project, epochs: int, progress=None) -> tuple[Project, dict]:
    """Train for ``epochs`` epochs; returns the trained project and final metrics."""
    if epochs < 0:
        raise EngineError("--epochs must be ≥ 0")
    has_data = (p.dataset is not None and p.features) or p.digits is not None
    data = p.train_data() if has_data else p.sample_train_data()
    # digits: one snapshot per epoch, for the per-epoch "Epoch i: correct / total" lines
    every = 1 if p.digits is not None else max(1, epochs // 100 or 1)
    trainer = Trainer(p.network, data, p.train_config(max_epochs=epochs, target_loss=None,
                                                      snapshot_every=every))
    n_test = len(data.x_test)
    per_epoch = []
    hist = {k: list(getattr(p.history, k)) for k in
            ("epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy")}
    base_epoch = hist["epoch"][-1] if hist["epoch"] else 0.0
    snap = None
    for snap in trainer.run():
        for key, val in (("epoch", base_epoch + snap.epoch), ("train_loss", snap.train_loss),
                         ("test_loss", snap.test_loss), ("train_accuracy", snap.train_accuracy),
                         ("test_accuracy", snap.test_accuracy)):
            hist[key].append(val)
        per_epoch.append({"epoch": base_epoch + snap.epoch, "train_loss": snap.train_loss,
                          "test_loss": snap.test_loss, "train_accuracy": snap.train_accuracy,
                          "test_accuracy": snap.test_accuracy,
                          "test_correct": (None if snap.test_accuracy is None
                                           else int(round(snap.test_accuracy * n_test))),
                          "test_total": n_test})
        if progress:
            progress(snap)
    trained = p.copy()
    trained.network.set_params(snap.params)
    trained.history = History(steps=p.history.steps + snap.step,
                              **{k: tuple(v) for k, v in hist.items()})
    metrics = {"epochs": snap.epoch, "steps": snap.step, "train_loss": snap.train_loss,
               "test_loss": snap.test_loss, "train_accuracy": snap.train_accuracy,
               "test_accuracy": snap.test_accuracy, "stopped_because": snap.reason,
               "message": snap.message, "per_epoch": per_epoch}
    return trained, metrics


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = _parser().parse_args(argv)
        project = project_io.load(args.file)
        if args.command == "trace":
            d = trace_dict(project)
            if args.json:
                json.dump(_json_safe(d), sys.stdout, indent=1, allow_nan=False)
                sys.stdout.write("\n")
            else:
                print_trace(d, sys.stdout)
            return 0
        start = time.perf_counter()

        def progress(snap):
            if not args.json and sys.stderr.isatty():
                sys.stderr.write(f"\repoch {snap.epoch:.0f}/{args.epochs}  train loss "
                                 f"{snap.train_loss:.6g}  ({time.perf_counter() - start:.1f} s)")

        trained, metrics = run_training(project, args.epochs, progress)
        if not args.json and sys.stderr.isatty():
            sys.stderr.write("\n")
        metrics["seconds"] = round(time.perf_counter() - start, 3)
        if args.out:
            try:
                project_io.save(trained, args.out)
            except OSError as exc:
                _fail(f"cannot write {args.out}: {exc.strerror or exc}")
                return EXIT_BAD_INPUT
        if args.json:
            json.dump(_json_safe(metrics), sys.stdout, indent=1, allow_nan=False)
            sys.stdout.write("\n")
        else:
            for e in metrics.pop("per_epoch"):
                if project.digits is not None and e["test_correct"] is not None:
                    # seed 001's report after every epoch
                    sys.stdout.write(f"Epoch {e['epoch']:.0f}: {e['test_correct']} / {e['test_total']}\n")
            for k, v in metrics.items():
                if v is not None and v != "":
                    sys.stdout.write(f"{k}: {_fmt(v) if isinstance(v, float) else v}\n")
        return 0 if metrics["stopped_because"] != "diverged" else 1
    except _UsageError as exc:
        _fail(str(exc))
    except FileNotFoundError as exc:
        _fail(f"no such file: {exc.filename}")
    except IsADirectoryError as exc:
        _fail(f"{exc.filename} is a folder, not a document")
    except OSError as exc:
        _fail(f"cannot read or write {exc.filename}: {exc.strerror}")
    except EngineError as exc:
        name = getattr(args, "file", "") if "args" in locals() else ""
        _fail(f"{name}: {exc}" if name else str(exc))
    except KeyboardInterrupt:
        _fail("interrupted")
        return 130
    except Exception as exc:  # never a traceback: whatever slipped through, one line
        name = getattr(args, "file", "") if "args" in locals() else ""
        _fail(f"{name + ': ' if name else ''}cannot process this input "
              f"({type(exc).__name__}: {exc})")
    return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
