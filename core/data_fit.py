"""How a data set fits the network: its points, the output layer and loss its kind of labels
need, the input layer its features need, and whether a loss history still describes it.

Pure functions of specs and networks (no Qt); ``core.session.set_data`` puts them together.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from . import datasets
from .losses import LOSSES
from .network import Layer, Network, init_weights
from .project import DatasetSpec

DEFAULT_FEATURES = ("x1", "x2")


@lru_cache(maxsize=8)
def full_dataset(spec: DatasetSpec | None):
    """Every point of ``spec`` (train and test, generator order), or None (no set / no points).
    Cached: treat the arrays as read-only."""
    if spec is None:
        return None
    if spec.name == "custom":
        if not spec.custom_points():
            return None
        pts = np.array(spec.custom_points(), dtype=np.float64).reshape(-1, 3)
        return datasets.from_points(pts[:, :2], pts[:, 2])
    return datasets.generate(spec.name, noise=spec.noise, seed=spec.seed,
                             n_points=spec.n_points, n_classes=spec.n_classes)


def as_points(data) -> tuple[tuple[float, float, float], ...]:
    if data is None:
        return ()
    return tuple((float(x1), float(x2), float(y)) for (x1, x2), y in zip(data.points, data.labels))


def custom_spec(old: DatasetSpec | None, points, test_points=()) -> DatasetSpec:
    """A custom set holding ``points`` for training and ``test_points`` for testing (the other
    settings of ``old`` kept)."""
    base = old or DatasetSpec()
    return DatasetSpec(name="custom", noise=base.noise, train_ratio=base.train_ratio,
                       seed=base.seed, n_points=None, n_classes=base.n_classes,
                       points=tuple(tuple(float(v) for v in p) for p in points),
                       test_points=tuple(tuple(float(v) for v in p) for p in test_points))


def roles(spec: DatasetSpec | None) -> list[tuple[tuple[float, float, float], bool]]:
    """Every point of ``spec`` in ``full_dataset`` order, each with True if it is a test point
    (a generated set keeps the split it has: nothing changes sides when it becomes custom)."""
    data = full_dataset(spec)
    if data is None:
        return []
    if spec.name == "custom" and spec.test_points is not None:
        n = len(spec.points)
        return [(p, k >= n) for k, p in enumerate(as_points(data))]
    _, test = datasets.split(data, spec.train_ratio, spec.seed)
    left: dict = {}
    for p in as_points(test):
        left[p] = left.get(p, 0) + 1
    out = []
    for p in as_points(data):
        is_test = left.get(p, 0) > 0
        if is_test:
            left[p] -= 1
        out.append((p, is_test))
    return out


def spec_with(old: DatasetSpec | None, points_roles) -> DatasetSpec:
    return custom_spec(old, [p for p, t in points_roles if not t], [p for p, t in points_roles if t])


def pairs(loss: str, activation: str) -> bool:
    """Whether ``loss`` is defined with this output activation."""
    need = LOSSES[loss].requires_activation
    if need is not None and need != activation:
        return False
    return not (activation == "softmax" and loss == "binary_cross_entropy")


def output_plan(net: Network, loss: str, kind: str, n_classes: int) -> tuple[int, str, str]:
    """(outputs, output activation, loss) the data's kind needs, keeping what already fits."""
    act, n = net.layers[-1].activation, net.output_size
    if kind == "multiclass":
        return max(int(n_classes), 2), "softmax", "softmax_cross_entropy"
    if kind == "regression":
        return 1, "linear", "half_squared_error"
    if n == 1 and act != "softmax":
        return 1, act, loss if pairs(loss, act) else "half_squared_error"
    return 1, "tanh", "half_squared_error"


def with_output(net: Network, n_out: int, activation: str, init: str, rng) -> Network:
    """A copy whose output layer has ``n_out`` neurons (kept rows stay, new rows are fresh)."""
    if net.output_size == n_out and net.layers[-1].activation == activation:
        return net.copy()
    new = net.copy()
    last = new.layers[-1]
    keep = min(n_out, last.n_out)
    w = init_weights(n_out, last.n_in, init, rng)
    b = np.zeros(n_out)
    mask = np.ones((n_out, last.n_in), dtype=bool)
    w[:keep], b[:keep], mask[:keep] = last.weights[:keep], last.biases[:keep], last.mask[:keep]
    new.layers[-1] = Layer(w, b, activation, mask)
    new.validate()
    return new


def with_features(net: Network, old, new, init: str, rng) -> Network:
    """A copy whose input layer reads ``new`` features: the weight columns of features that stay
    are kept, features switched on get fresh random columns."""
    old = tuple(old) if old and len(old) == net.input_size else ()
    if tuple(new) == old:
        return net.copy()
    first = net.layers[0]
    cols, masks = [], []
    for name in new:
        if name in old:
            j = old.index(name)
            cols.append(first.weights[:, j])
            masks.append(first.mask[:, j])
        else:
            cols.append(init_weights(first.n_out, 1, init, rng)[:, 0])
            masks.append(np.ones(first.n_out, dtype=bool))
    layers = [Layer(np.column_stack(cols), first.biases.copy(), first.activation,
                    np.column_stack(masks))] + [layer.copy() for layer in net.layers[1:]]
    return Network(len(new), layers)


def same_problem(old: DatasetSpec | None, new: DatasetSpec | None, old_features, features) -> bool:
    """Whether a loss history still describes the data after an edit: the same generator
    (noise, seed, split or drawn points aside), the same kind of labels, the same inputs."""
    if old is None or new is None or tuple(old_features or ()) != tuple(features or ()):
        return old is new and tuple(old_features or ()) == tuple(features or ())
    a, b = full_dataset(old), full_dataset(new)
    same_kind = a is not None and b is not None and (a.kind, a.n_classes) == (b.kind, b.n_classes)
    drawn = "custom" in (old.name, new.name)
    return same_kind and (old.name == new.name or drawn)
