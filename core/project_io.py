"""Documents: a Project as versioned JSON, validated field by field on load.

Format (version 2)::

    {
      "format": "backprop-playground",
      "version": 2,
      "title": "…", "description": "…",                        (optional, English)
      "translations": {"zh_CN": {"title": "…", "description": "…"}},   (optional; since version 2)
      "network": {
        "input_size": 2,
        "features": ["x1", "x2"] | null,                       (null: inputs are the sample's numbers)
        "layers": [                                            (weight layers 1 … L, in order)
          {"size": 2, "activation": "relu",
           "weights": [[0.2, 0.3], [0.4, 0.5]],                (size × previous size; above 4096
                                                               entries {"dtype": "float64", "shape":
                                                               [size, prev], "base64": "…"}, see
                                                               core.array_codec)
           "biases": [0.1, 0.2],
           "mask": [[true, true], [true, true]],              (optional; false = link disabled)
           "parked": [[0, 0.7], [0, 0]],                       (optional; a disabled link's weight,
                                                                restored when it is enabled)
           "trainable": {"weights": [[true, false], …] | false,   (optional; false = frozen:
                         "biases": [true, false] | false}}         kept by every update)
        ]
      },
      "sample": {"x": [0.9, 1.0], "y": [2.0]},                 (one input vector and its target)
      "loss": "half_squared_error" | "binary_cross_entropy" | "softmax_cross_entropy",
      "optimizer": {"method": "sgd" | "momentum" | "adam", "learning_rate": 0.1,
                    "momentum": 0.9, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8,
                    "regularization": "none" | "l1" | "l2", "regularization_rate": 0},
      "training": {"batch_size": 10, "max_epochs": null, "target_loss": null, "seed": 0,
                   "init": "xavier", "init_seed": 0},
      "dataset": null | {"name": "circle", "noise": 0.1, "train_ratio": 0.5, "seed": 0,
                         "n_points": null, "n_classes": 3, "points": [[x1, x2, label], …]},
      "digits": null | {"set": "digits_8x8" | "mnist_5k" | "custom", "train_ratio": 0.75,
                        "seed": 0, "count": null, "images": …, "labels": …}  (core.digits;
                                                               images/labels only for custom)
      "history": {"epoch": [...], "train_loss": [...], "test_loss": [...],
                  "train_accuracy": [...], "test_accuracy": [...], "steps": 0}
    }

Every section but ``network`` and ``sample`` may be left out (defaults apply). Loading
refuses: another ``format``, a ``version`` other than 1 (newer files name the version),
non-finite numbers (JSON's NaN/Infinity extensions are rejected), wrong types and shapes,
and sizes beyond the engine's limits — each with the path of the offending field, e.g.
``network.layers[1].weights: expected 1×2 numbers, got 1×3``. There is no pickle and no eval.
"""
from __future__ import annotations

import json
import os
import re
from collections import OrderedDict
from typing import Any

import numpy as np

from . import array_codec
from .activations import ACTIVATIONS
from .atomic_file import atomic_write
from .errors import DocumentError, EngineError
from .json_fields import VALUE_LIMIT  # noqa: F401  (the documents' value bound, read here too)
from .json_fields import (check_keys, read_int, read_matrix, read_num, read_obj, read_opt,
                          read_str, read_vector, type_name)
from .json_text import parse_json
from .losses import LOSSES, check_pairing, check_targets, get_loss
from .messages import Message as M
from .kernel import PRECISIONS
from .network import INIT_SCHEMES, MAX_LAYER_SIZE, MAX_LAYERS, Layer, Network
from .optim import LIMITS as OPTIMIZER_LIMITS
from .optim import OPTIMIZERS, REGULARIZATIONS, OptimizerConfig
from .project import DatasetSpec, History, Project

FORMAT = "backprop-playground"
CURRENT_VERSION = 2
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(_[A-Z][A-Za-z]{1,3})?")
MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_PARAMETERS = 2_000_000
from .csvdata import MAX_ROWS as MAX_POINTS  # noqa: E402  (one limit for CSV and documents)
MAX_HISTORY = 1_000_000
ENCODE_ABOVE = 4096
"""Weight matrices with more entries are written as base64 (``core.array_codec``)."""


# ---------------------------------------------------------------- sections
def _network(d, path="network") -> tuple[Network, tuple[str, ...] | None]:
    d = read_obj(d, path)
    check_keys(d, path, {"input_size", "features", "layers"})
    features = d.get("features")
    if features is not None:
        from .features import FEATURE_NAMES
        if not isinstance(features, list) or not features:
            raise DocumentError(f"{path}.features", M("doc.features_list",
                                                      "expected a non-empty list of feature names or null"))
        features = tuple(read_str(f, f"{path}.features[{i}]", FEATURE_NAMES) for i, f in enumerate(features))
        if len(set(features)) != len(features):
            raise DocumentError(f"{path}.features", M("doc.feature_twice", "a feature is listed twice"))
    if "input_size" not in d:
        raise DocumentError(f"{path}.input_size", M("doc.missing", "missing"))
    n_in = read_int(d["input_size"], f"{path}.input_size", 1, MAX_LAYER_SIZE)
    if features is not None and len(features) != n_in:
        raise DocumentError(f"{path}.features", M("doc.features_inputs", "{n} features for {inputs} inputs",
                                                  n=len(features), inputs=n_in))
    layers_raw = d.get("layers")
    if not isinstance(layers_raw, list) or not layers_raw:
        raise DocumentError(f"{path}.layers", M("doc.layers_list", "expected a non-empty list of layers"))
    if len(layers_raw) > MAX_LAYERS:
        raise DocumentError(f"{path}.layers", M("doc.too_many_layers", "at most {n} layers, got {got}",
                                                n=MAX_LAYERS, got=len(layers_raw)))
    layers, prev, total = [], n_in, 0
    for k, raw in enumerate(layers_raw):
        p = f"{path}.layers[{k}]"
        raw = read_obj(raw, p)
        check_keys(raw, p, {"size", "activation", "weights", "biases", "mask", "parked", "trainable"})
        size = read_int(raw.get("size"), f"{p}.size", 1, MAX_LAYER_SIZE)
        total += size * (prev + 1)
        if total > MAX_PARAMETERS:
            raise DocumentError(p, M("doc.too_many_parameters",
                                      "the network would have more than {n} parameters", n=MAX_PARAMETERS))
        act = read_str(raw.get("activation"), f"{p}.activation", tuple(ACTIVATIONS))
        if ACTIVATIONS[act].output_only and k != len(layers_raw) - 1:
            raise DocumentError(f"{p}.activation", M("doc.output_only", "{activation} is only allowed on the output layer",
                                                        activation=act))
        w = read_matrix(raw.get("weights"), f"{p}.weights", size, prev)
        b = read_vector(raw.get("biases"), f"{p}.biases", size)
        mask = read_matrix(raw["mask"], f"{p}.mask", size, prev, bool) if raw.get("mask") is not None else None
        parked = (read_matrix(raw["parked"], f"{p}.parked", size, prev)
                  if raw.get("parked") is not None else None)
        tw, tb = _trainable(raw.get("trainable"), f"{p}.trainable", size, prev)
        layers.append(Layer(w, b, act, mask, tw, tb, parked))
        prev = size
    return Network(n_in, layers), features


def _trainable(d, path: str, rows: int, cols: int):
    """(trainable weights, trainable biases) or (None, None) for "all trainable"."""
    if d is None:
        return None, None
    d = read_obj(d, path)
    check_keys(d, path, {"weights", "biases"})
    out = []
    for key, shape in (("weights", (rows, cols)), ("biases", (rows,))):
        v = d.get(key, True)
        if isinstance(v, bool):
            out.append(np.full(shape, v))
        elif key == "weights":
            out.append(read_matrix(v, f"{path}.weights", rows, cols, bool))
        else:
            if not isinstance(v, list) or len(v) != rows or not all(isinstance(x, bool) for x in v):
                raise DocumentError(f"{path}.biases", f"expected true, false or a list of {rows} true/false values")
            out.append(np.array(v, dtype=bool))
    return tuple(out)


def _optimizer(d, path="optimizer") -> OptimizerConfig:
    d = read_obj(d, path)
    check_keys(d, path, {"method", "learning_rate", "momentum", "beta1", "beta2", "epsilon",
                    "regularization", "regularization_rate"})
    base = OptimizerConfig()
    kw = {}
    if "method" in d:
        kw["method"] = read_str(d["method"], f"{path}.method", OPTIMIZERS)
    if "regularization" in d:
        kw["regularization"] = read_str(d["regularization"], f"{path}.regularization", REGULARIZATIONS)
    for key, (lo, hi, strict) in OPTIMIZER_LIMITS.items():
        if key in d:
            kw[key] = read_num(d[key], f"{path}.{key}", lo, hi)
            if strict and kw[key] == lo:
                raise DocumentError(f"{path}.{key}", f"must be greater than {lo:g}")
    return OptimizerConfig(**{**base.__dict__, **kw})


def _dataset(d, path="dataset") -> DatasetSpec | None:
    if d is None:
        return None
    from .datasets import DATASET_KIND, DATASET_NAMES
    d = read_obj(d, path)
    check_keys(d, path, {"name", "noise", "train_ratio", "seed", "n_points", "n_classes", "points",
                    "test_points"})
    name = read_str(d.get("name", "circle"), f"{path}.name", tuple(DATASET_NAMES) + ("custom",))
    points_raw = d.get("points", [])
    if not isinstance(points_raw, list):
        raise DocumentError(f"{path}.points", M("doc.points_list", "expected a list of [x1, x2, label], got {got}",
                                                got=type_name(points_raw)))
    if len(points_raw) > MAX_POINTS:
        raise DocumentError(f"{path}.points", M("doc.too_many_points", "at most {n} points", n=MAX_POINTS))
    points = tuple(tuple(read_vector(p, f"{path}.points[{i}]", 3)) for i, p in enumerate(points_raw))
    test_raw = d.get("test_points")
    test_points = None
    if test_raw is not None:
        if not isinstance(test_raw, list):
            raise DocumentError(f"{path}.test_points", M("doc.points_list",
                                                         "expected a list of [x1, x2, label], got {got}",
                                                         got=type_name(test_raw)))
        if len(points_raw) + len(test_raw) > MAX_POINTS:
            raise DocumentError(f"{path}.test_points", M("doc.too_many_points_all", "at most {n} points in all",
                                                         n=MAX_POINTS))
        test_points = tuple(tuple(float(v) for v in read_vector(p, f"{path}.test_points[{i}]", 3))
                            for i, p in enumerate(test_raw))
    # a custom set may be empty: the user is about to draw its points (nothing to train on yet)
    return DatasetSpec(
        name=name,
        noise=read_num(d.get("noise", 0.0), f"{path}.noise", 0.0, 0.5),
        train_ratio=read_num(d.get("train_ratio", 0.5), f"{path}.train_ratio", 0.01, 0.99),
        seed=read_int(d.get("seed", 0), f"{path}.seed", 0, 2**63 - 1),
        n_points=read_opt(d.get("n_points"), f"{path}.n_points", read_int, 2, MAX_POINTS),
        n_classes=read_int(d.get("n_classes", 3), f"{path}.n_classes",
                       *((3, 5) if DATASET_KIND.get(name) == "multiclass" else (2, 10))),
        points=tuple(tuple(float(v) for v in p) for p in points), test_points=test_points)


def _history(d, path="history") -> History:
    if d is None:
        return History()
    d = read_obj(d, path)
    check_keys(d, path, {"epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy", "steps"})
    cols = {}
    for key in ("epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy"):
        v = d.get(key, [])
        if not isinstance(v, list) or len(v) > MAX_HISTORY:
            raise DocumentError(f"{path}.{key}", M("doc.history_list", "expected a list (of at most a million numbers)"))
        cols[key] = tuple(None if x is None else read_num(x, f"{path}.{key}[{i}]") for i, x in enumerate(v))
    n = len(cols["epoch"])
    for key, v in cols.items():
        if v and len(v) != n:
            raise DocumentError(f"{path}.{key}", M("doc.history_length", "expected {n} entries like history.epoch, got {got}",
                                                      n=n, got=len(v)))
        if not v:
            cols[key] = (None,) * n
    if any(v is None for v in cols["epoch"] + cols["train_loss"]):
        raise DocumentError(f"{path}", M("doc.history_numbers", "epoch and train_loss entries must be numbers"))
    return History(steps=read_int(d.get("steps", 0), f"{path}.steps", 0), **cols)


# ---------------------------------------------------------------- public API
def project_from_dict(doc: Any, _checked: dict | None = None) -> Project:
    """Validate a parsed JSON document and build the Project. Raises DocumentError.
    (``_checked``: sections ``validate`` already knows to be valid, taken as they are.)"""
    _checked = _checked or {}
    doc = read_obj(doc, "")
    if doc.get("format") != FORMAT:
        raise DocumentError("format", M("doc.format", 'not a Backprop Playground document (expected "{format}")',
                                        format=FORMAT))
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise DocumentError("version", M("doc.version_missing", "missing or not a whole number"))
    if not 1 <= version <= CURRENT_VERSION:
        if version > CURRENT_VERSION:
            raise DocumentError("version", M("doc.version_newer",
                                             "version {version} is not supported (written by a newer version "
                                             "of the program); this program reads versions 1 to {current}",
                                             version=version, current=CURRENT_VERSION))
        raise DocumentError("version", M("doc.version", "version {version} is not supported; this program "
                                         "reads versions 1 to {current}", version=version,
                                         current=CURRENT_VERSION))
    for migrate in MIGRATIONS[version - 1:]:
        doc = migrate(doc)
    check_keys(doc, "", {"format", "version", "title", "description", "translations", "network",
                    "sample", "loss", "optimizer", "training", "dataset", "history", "step", "digits"})
    if "network" not in doc:
        raise DocumentError("network", M("doc.missing", "missing"))
    net, features = _network(doc["network"])
    sample = read_obj(doc.get("sample"), "sample")
    check_keys(sample, "sample", {"x", "y"})
    x = read_vector(sample.get("x"), "sample.x", net.input_size)
    y = read_vector(sample.get("y"), "sample.y", net.output_size)
    loss = read_str(doc.get("loss", "half_squared_error"), "loss", tuple(LOSSES))
    try:
        check_pairing(get_loss(loss), net.layers[-1].activation)
    except EngineError as exc:
        raise DocumentError("loss", exc.message or str(exc)) from None
    bad_targets = check_targets(loss, y)
    if bad_targets:
        raise DocumentError("sample.y", bad_targets)
    optimizer = _optimizer(doc.get("optimizer", {}))
    tr = read_obj(doc.get("training", {}), "training")
    check_keys(tr, "training", {"batch_size", "max_epochs", "target_loss", "seed", "init", "init_seed",
                           "precision"})
    dataset = _checked["dataset"] if "dataset" in _checked else _dataset(doc.get("dataset"))
    digits = _checked.get("digits")
    if digits is not None or doc.get("digits") is not None:
        from .digits import check_network, spec_from_dict
        digits = digits if digits is not None else spec_from_dict(doc["digits"])
        check_network(digits, net)
        if dataset is not None:
            raise DocumentError("digits", "a document trains on a 2-D data set or on digits, not both")
    if dataset is not None and features is None:
        raise DocumentError("network.features", M("doc.dataset_features",
                                                  "a document with a data set must name the input features"))
    return Project(
        network=net, sample_x=x, sample_y=y, loss=loss, optimizer=optimizer,
        batch_size=read_int(tr.get("batch_size", 10), "training.batch_size", 0, MAX_POINTS),
        features=features, dataset=dataset,
        max_epochs=read_opt(tr.get("max_epochs"), "training.max_epochs", read_int, 0, 10**9),
        target_loss=read_opt(tr.get("target_loss"), "training.target_loss", read_num, 0.0),
        training_seed=read_int(tr.get("seed", 0), "training.seed", 0, 2**63 - 1),
        init=read_str(tr.get("init", "xavier"), "training.init", INIT_SCHEMES),
        init_seed=read_int(tr.get("init_seed", 0), "training.init_seed", 0, 2**63 - 1),
        precision=read_str(tr.get("precision", "float64"), "training.precision", PRECISIONS),
        history=_checked["history"] if "history" in _checked else _history(doc.get("history")),
        digits=digits,
        title=read_str(doc.get("title", ""), "title", max_len=200),
        description=read_str(doc.get("description", ""), "description"),
        translations=_translations(doc.get("translations")),
        step_position=_step(doc.get("step"), net))


def _translations(d, path="translations") -> dict:
    """{language code: {"title": …, "description": …}} (both optional)."""
    out = {}
    for code, texts in read_obj(d if d is not None else {}, path).items():
        if not LANGUAGE_CODE.fullmatch(code):
            raise DocumentError(f"{path}.{code}", M("doc.language_code", "expected a language code such as zh_CN"))
        texts = read_obj(texts, f"{path}.{code}")
        check_keys(texts, f"{path}.{code}", {"title", "description"})
        out[code] = {k: read_str(texts[k], f"{path}.{code}.{k}", max_len=200 if k == "title" else 10_000)
                     for k in ("title", "description") if k in texts}
    return out


def _v1_to_v2(doc: dict) -> dict:
    """Version 2 added the optional ``translations``: a version 1 document has none."""
    return {**doc, "version": 2}


MIGRATIONS = (_v1_to_v2,)
"""MIGRATIONS[k] turns a version k+1 document into version k+2."""



def _step(d, net: Network, path="step") -> int:
    """The saved stage of the step-by-step view: start, forward 1 … L, loss, backward L … 1."""
    if d is None:
        return 0
    from .stepping import stages_for
    d = read_obj(d, path)
    check_keys(d, path, {"position"})
    return read_int(d.get("position", 0), f"{path}.position", 0, len(stages_for(net.depth)) - 2)


def loads(text: str | bytes) -> Project:
    """Parse and validate a document from JSON text."""
    if len(text) > MAX_FILE_BYTES:
        raise DocumentError("", M("doc.file_too_large", "the file is larger than {mb} MB",
                                 mb=MAX_FILE_BYTES // (1024 * 1024)))
    doc = parse_json(text)
    return project_from_dict(doc)


def load(path: str | os.PathLike) -> Project:
    """Read a document file. Raises DocumentError (with the file's problem) or OSError."""
    size = os.path.getsize(path)
    if size > MAX_FILE_BYTES:
        raise DocumentError("", M("doc.file_size", "the file is {size} MB; documents are at most {mb} MB",
                                  size=f"{size / 1e6:.0f}", mb=MAX_FILE_BYTES // (1024 * 1024)))
    with open(path, "rb") as fh:
        return loads(fh.read(MAX_FILE_BYTES + 1))


def project_to_dict(p: Project, skip=()) -> dict:
    net = p.network
    layers = []
    for layer in net.layers:
        entry = {"size": layer.n_out, "activation": layer.activation,
                 "weights": (array_codec.encode_exact(layer.weights) if layer.weights.size > ENCODE_ABOVE
                             else layer.weights.tolist()),
                 "biases": layer.biases.tolist()}
        if not layer.mask.all():
            entry["mask"] = layer.mask.tolist()
            if layer.parked.any():
                entry["parked"] = layer.parked.tolist()
        if layer.frozen:
            tw, tb = layer.trainable_weights, layer.trainable_biases
            entry["trainable"] = {"weights": bool(tw.all()) if tw.all() or not tw.any() else tw.tolist(),
                                  "biases": bool(tb.all()) if tb.all() or not tb.any() else tb.tolist()}
        layers.append(entry)
    o = p.optimizer
    doc = {
        "format": FORMAT, "version": CURRENT_VERSION,
        "title": p.title, "description": p.description,
        **({"translations": {c: dict(t) for c, t in p.translations.items()}} if p.translations else {}),
        "network": {"input_size": net.input_size,
                    "features": list(p.features) if p.features else None, "layers": layers},
        "sample": {"x": p.sample_x.tolist(), "y": p.sample_y.tolist()},
        "loss": p.loss,
        "optimizer": {"method": o.method, "learning_rate": o.learning_rate, "momentum": o.momentum,
                      "beta1": o.beta1, "beta2": o.beta2, "epsilon": o.epsilon,
                      "regularization": o.regularization,
                      "regularization_rate": o.regularization_rate},
        "training": {"batch_size": p.batch_size, "max_epochs": p.max_epochs,
                     "target_loss": p.target_loss, "seed": p.training_seed,
                     "init": p.init, "init_seed": p.init_seed,
                     # written only when not the default, so float64 documents stay as they were
                     **({"precision": p.precision} if p.precision != "float64" else {})},
        "dataset": None,
        "history": {"epoch": list(p.history.epoch), "train_loss": list(p.history.train_loss),
                    "test_loss": list(p.history.test_loss),
                    "train_accuracy": list(p.history.train_accuracy),
                    "test_accuracy": list(p.history.test_accuracy), "steps": p.history.steps},
        "step": {"position": p.step_position},
    }
    if "history" in skip:
        doc["history"] = None
    if p.dataset is not None and "dataset" not in skip:
        s = p.dataset
        doc["dataset"] = {"name": s.name, "noise": s.noise, "train_ratio": s.train_ratio,
                          "seed": s.seed, "n_points": s.n_points, "n_classes": s.n_classes,
                          "points": [list(pt) for pt in s.points]}
        if s.test_points is not None:
            doc["dataset"]["test_points"] = [list(pt) for pt in s.test_points]
    if p.digits is not None and "digits" not in skip:
        from .digits import spec_to_dict
        doc["digits"] = spec_to_dict(p.digits)
    return doc


def dumps(p: Project) -> str:
    return json.dumps(project_to_dict(p), indent=1, ensure_ascii=False, allow_nan=False)


def save(p: Project, path: str | os.PathLike) -> None:
    """Write atomically (``core.atomic_file``): temp file in the same folder, fsync, rename;
    a failed save leaves the original file and no temporary file; permissions and symbolic
    links are kept. Refuses (DocumentError) a project the loader would refuse to open."""
    validate(p)
    atomic_write(path, dumps(p))


def validate(p: Project) -> Project:
    """Check ``p`` with the loader's own rules (one set of rules for files and for the
    running session): the project as it would be written is read back. Returns the
    project as read (equal to ``p``); raises DocumentError naming the offending field.

    A session checks a new state on every edit, and most edits share the data set and the
    history with the state before (the very same objects): sections that passed here before
    are not read again (an edit of one weight does not re-read 100,000 points)."""
    known = {k: v for k, v in (("dataset", p.dataset), ("history", p.history),
                               ("digits", getattr(p, "digits", None)))
             if v is None or _VALIDATED.get(id(v)) is v}
    d = project_to_dict(p, skip=known)
    out = project_from_dict(d, _checked=known)
    for v in (p.dataset, p.history, getattr(p, "digits", None)):
        if v is not None and id(v) not in _VALIDATED:
            _VALIDATED[id(v)] = v
            while len(_VALIDATED) > 64:
                _VALIDATED.popitem(last=False)
    return out


_VALIDATED: "OrderedDict[int, object]" = OrderedDict()
"""Data sets and histories that passed ``validate`` (kept alive here, so an id stays theirs)."""
