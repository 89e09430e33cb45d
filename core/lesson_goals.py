"""What a lesson step changes, waits for and quotes — pure functions, no Qt.

- **Edits** (``{"set": "learning_rate", "value": 3}``): small changes to a step's document,
  applied with ``core.session``'s validated edits (``apply_edits``).
- **Goals**: ``goal_met(wait, project, event)`` says whether what the learner just did (an
  ``Event``: the window reports actions, training results and answers as events) on the
  document as it now stands completes the step.
- **Quotes**: ``quoted_value(project, ref)`` is the engine's value of a number a lesson text
  quotes (a z, an a, the loss, a δ, a gradient, an updated weight, a graph's value or
  gradient, an activation's slope). Indices follow the articles: ``layer`` is the weight
  layer 1 … L, ``neuron`` and ``input`` count from 1.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .errors import DocumentError
from .messages import Message as M

EDITS = ("learning_rate", "loss", "batch_size", "regularization", "regularization_rate",
         "dataset", "noise", "features", "hidden_layers")
"""Settings an edit may set and a ``setting`` goal may check (hidden_layers: checked only)."""
CHECK_ONLY = ("hidden_layers",)
NETWORK_REFS = {"z": ("layer", "neuron"), "a": ("layer", "neuron"), "loss": (),
                "dL_da": ("neuron",), "delta": ("layer", "neuron"),
                "grad_w": ("layer", "neuron", "input"), "grad_b": ("layer", "neuron"),
                "new_w": ("layer", "neuron", "input"), "new_b": ("layer", "neuron"),
                "output_after": ("neuron",), "loss_after": (), "x": ("input",), "y": ("neuron",),
                "w": ("layer", "neuron", "input"), "b": ("layer", "neuron"), "learning_rate": (),
                "df": ("layer", "neuron")}
GRAPH_REFS = {"graph_input": ("var",), "graph_value": (), "graph_grad": ("var",), "graph_new": ("var", "rate"),
              "graph_after": ("rate",)}
OTHER_REFS = {"slope": ("activation", "z")}


@dataclass(frozen=True)
class Event:
    """Something the learner did. ``action``: one of ``core.lessons.ACTIONS`` or "answered",
    "training_finished", "changed"; the rest as far as it applies."""
    action: str
    stage: str | None = None              # the step stage reached (forward, loss, backward, update)
    reason: str | None = None             # why training stopped (e.g. "diverged")
    train_loss: float | None = None
    test_loss: float | None = None
    test_accuracy: float | None = None
    question: dict | None = None          # an answered question
    right: bool | None = None


# ---------------------------------------------------------------- settings and edits
def check_setting(name: str, value, path: str):
    from .json_fields import read_int, read_num, read_str
    from .datasets import DATASET_NAMES
    from .features import FEATURE_NAMES
    from .losses import LOSSES
    from .optim import REGULARIZATIONS
    if name == "learning_rate":
        return read_num(value, path, 1e-9, 1e6)
    if name in ("regularization_rate", "noise"):
        return read_num(value, path, 0.0, 0.5 if name == "noise" else 1e6)
    if name == "batch_size":
        return read_int(value, path, 0, 100_000)
    if name == "hidden_layers":
        return read_int(value, path, 0, 10)
    if name == "loss":
        return read_str(value, path, tuple(LOSSES))
    if name == "regularization":
        return read_str(value, path, REGULARIZATIONS)
    if name == "dataset":
        return read_str(value, path, DATASET_NAMES)
    if not isinstance(value, list) or not value:
        raise DocumentError(path, M("doc.features_list", "expected a non-empty list of feature names or null"))
    return [read_str(f, f"{path}[{i}]", FEATURE_NAMES) for i, f in enumerate(value)]


def check_edit(e, path: str) -> dict:
    from .json_fields import check_keys, read_obj, read_str
    d = read_obj(e, path)
    check_keys(d, path, {"set", "value"})
    name = read_str(d.get("set"), f"{path}.set", tuple(n for n in EDITS if n not in CHECK_ONLY))
    return {"set": name, "value": check_setting(name, d.get("value"), f"{path}.value")}


def setting_value(p, name: str):
    """The project's current value of setting ``name``."""
    o = p.optimizer
    return {"learning_rate": lambda: o.learning_rate, "loss": lambda: p.loss,
            "batch_size": lambda: p.batch_size, "regularization": lambda: o.regularization,
            "regularization_rate": lambda: o.regularization_rate,
            "dataset": lambda: p.dataset.name if p.dataset else None,
            "noise": lambda: p.dataset.noise if p.dataset else None,
            "features": lambda: list(p.features or ()),
            "hidden_layers": lambda: p.network.depth - 1}[name]()


def apply_edit(p, name: str, value):
    """One edit through ``core.session`` (validated like any edit; EngineError if refused)."""
    from . import session
    from .project import DatasetSpec
    if name in ("learning_rate", "regularization", "regularization_rate"):
        return session.set_settings(p, optimizer=replace(p.optimizer, **{name: value}))
    if name == "loss":
        out = p.network.layers[-1].activation
        return session.set_output(p, out, value)
    if name == "batch_size":
        return session.set_settings(p, batch_size=value)
    if name == "dataset":
        spec = replace(p.dataset, name=value, points=(), test_points=None) if p.dataset else DatasetSpec(name=value)
        return session.set_data(p, spec, p.features, rng=_rng(p))
    if name == "noise":
        return session.set_data(p, replace(p.dataset, noise=value), p.features, rng=_rng(p))
    if name == "features":
        return session.set_data(p, p.dataset, tuple(value), rng=_rng(p))
    raise ValueError(name)


def _rng(p):
    import numpy as np
    return np.random.default_rng(p.init_seed)      # the same lesson gives the same weights


def apply_edits(p, edits):
    for e in edits:
        p = apply_edit(p, e["set"], e["value"])
    return p


# ---------------------------------------------------------------- goals
def _same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    return a == b


def _last(values):
    for v in reversed(values):
        if v is not None:
            return v
    return None


def goal_met(wait: dict | None, p, event: Event) -> bool:
    """Whether ``event`` on project ``p`` completes a step that waits for ``wait``."""
    if wait is None:
        return False
    if "predict" in wait:
        return event.action == "answered" and event.question == wait["predict"]
    if "action" in wait:
        return event.action == wait["action"] and wait.get("stage") in (None, event.stage)
    goal = wait["goal"]
    if goal == "setting":
        return _same(setting_value(p, wait["field"]), wait["value"])
    if goal == "diverged":
        return event.action == "training_finished" and event.reason == "diverged"
    h = p.history
    if goal == "test_loss_below":
        v = event.test_loss if event.test_loss is not None else _last(h.test_loss)
        return v is not None and v < wait["value"]
    if goal == "train_loss_below":
        v = event.train_loss if event.train_loss is not None else _last(h.train_loss)
        return v is not None and v < wait["value"]
    if goal == "test_accuracy_above":
        v = event.test_accuracy if event.test_accuracy is not None else _last(h.test_accuracy)
        return v is not None and v > wait["value"]
    return False


# ---------------------------------------------------------------- quoted numbers
def check_quote(q, path: str) -> dict:
    from .json_fields import check_keys, read_int, read_num, read_obj, read_str
    d = read_obj(q, path)
    check_keys(d, path, {"value", "digits", "of", "printed"})
    value = read_num(d.get("value"), f"{path}.value")
    digits = read_int(d.get("digits", 6), f"{path}.digits", 1, 17)
    if "printed" in d:       # a number the text quotes from elsewhere (an article's slip), said why
        if "of" in d:
            raise DocumentError(f"{path}.printed", M("lesson.printed_or_of", "give either of or printed"))
        return {"value": value, "digits": digits, "printed": read_str(d["printed"], f"{path}.printed", max_len=500)}
    ref = read_obj(d.get("of"), f"{path}.of")
    kinds = {**NETWORK_REFS, **GRAPH_REFS, **OTHER_REFS}
    kind = read_str(ref.get("kind"), f"{path}.of.kind", tuple(kinds))
    extra = {"formula", "values"} if kind in GRAPH_REFS else set()
    check_keys(ref, f"{path}.of", {"kind", *kinds[kind], *extra})
    for key in kinds[kind]:
        if key not in ref:
            raise DocumentError(f"{path}.of.{key}", M("doc.missing", "missing"))
        if key in ("layer", "neuron", "input"):
            read_int(ref[key], f"{path}.of.{key}", 1, 10_000)
    return {"value": value, "digits": digits, "of": dict(ref)}


def quoted_value(p, ref: dict, graph: dict | None = None) -> float:
    """The engine's value of ``ref`` for project ``p`` (or for the step's ``graph``)."""
    kind = ref["kind"]
    if kind in GRAPH_REFS:
        return _graph_value({**(graph or {}), **{k: ref[k] for k in ("formula", "values") if k in ref}}, ref)
    if kind == "slope":
        import numpy as np
        from .activations import get_activation
        act = get_activation(ref["activation"])
        z = np.array([[float(ref["z"])]])
        return float(act.df(z, act.f(z))[0, 0])
    from .stepping import StepCursor
    c = StepCursor(p.network, p.sample_x, p.sample_y, p.loss, p.optimizer)
    f, b, u = c.forward_trace, c.backward_trace, c.update
    li = ref.get("layer", 1) - 1
    i = ref.get("neuron", 1) - 1
    j = ref.get("input", 1) - 1
    if kind == "loss":
        return float(b.loss)
    if kind in ("output_after", "loss_after"):
        from .backward import loss_and_gradients
        from .forward import forward
        net = c.updated_network()
        if kind == "loss_after":
            return float(loss_and_gradients(net, f.x, b.y, p.loss).loss)
        return float(forward(net, f.x).output[0][i])
    table = {"x": lambda: f.x[0][j], "y": lambda: b.y[0][i], "learning_rate": lambda: p.optimizer.learning_rate,
             "w": lambda: p.network.layers[li].weights[i][j], "b": lambda: p.network.layers[li].biases[i],
             "z": lambda: f.z[li][0][i], "df": lambda: _slope(p, f, li, i), "a": lambda: f.a[li][0][i],
             "dL_da": lambda: b.dL_da[0][i], "delta": lambda: b.delta[li][0][i],
             "grad_w": lambda: b.dW[li][i][j], "grad_b": lambda: b.db[li][i],
             "new_w": lambda: u.weights[li][i][j], "new_b": lambda: u.biases[li][i]}
    return float(table[kind]())


def _slope(p, f, li: int, i: int) -> float:
    """f′(z) of neuron ``i`` of layer ``li + 1`` (elementwise activations)."""
    from .activations import get_activation
    act = get_activation(p.network.layers[li].activation)
    return float(act.df(f.z[li], f.a[li])[0][i])


def _graph_value(g: dict, ref: dict) -> float:
    from .expression import parse_expression
    graph = parse_expression(g["formula"])
    values = {name: float(g.get("values", {}).get(name, 1.0)) for name in graph.inputs}
    kind = ref["kind"]
    if kind == "graph_input":
        return float(values[ref["var"]])
    f = graph.forward(values)
    if kind == "graph_value":
        return float(f)
    grads = graph.backward()
    if kind == "graph_grad":
        return float(grads[ref["var"]])
    new = graph.gradient_descent_step(float(ref["rate"]))
    if kind == "graph_new":
        return float(new[ref["var"]])
    return float(graph.value)


def shown(value: float, digits: int) -> str:
    """``value`` as a lesson quotes it: ``digits`` significant digits, no trailing zeros."""
    text = f"{value:.{digits}g}"
    return text
