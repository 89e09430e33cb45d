"""Data-set edits as undoable commands: generator settings, drawn points, CSV import, features.

Every command records the whole data state before and after — the spec, the input features,
the network (its input layer follows the features, its output layer the kind of data) and the
loss — so undo gives back exactly what was there. The first drawn point turns a generated set
into a ``"custom"`` spec holding *all* its points (train and test), so nothing visible vanishes.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from core import DatasetSpec, History, Layer, Network
from core import datasets
from core.losses import LOSSES
from core.network import init_weights

DEFAULT_FEATURES = ("x1", "x2")
_DATA_EDIT_ID = 2001


def tr(text: str) -> str:
    return QCoreApplication.translate("DataCommands", text)


# ---------------------------------------------------------------- reading the data
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


def current_split(doc):
    """(train, test) of the document, or None — without asking the Document about an empty
    custom set (it would report the 'no data points' error on every call)."""
    spec = doc.project.dataset
    if spec is None or (spec.name == "custom" and not spec.custom_points()):
        return None
    return doc.data_split()


def as_points(data) -> tuple[tuple[float, float, float], ...]:
    if data is None:
        return ()
    return tuple((float(x1), float(x2), float(y)) for (x1, x2), y in zip(data.points, data.labels))


def custom_spec(old: DatasetSpec | None, points, test_points=()) -> DatasetSpec:
    """A custom set holding ``points`` for training and ``test_points`` for testing."""
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


# ---------------------------------------------------------------- fitting the network to the data
def _pairs(loss: str, activation: str) -> bool:
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
        return 1, act, loss if _pairs(loss, act) else "half_squared_error"
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


# ---------------------------------------------------------------- the commands
@dataclass(frozen=True)
class DataState:
    spec: DatasetSpec | None
    features: tuple | None
    net: Network
    loss: str
    sample: tuple
    history: History


def capture(doc) -> DataState:
    p = doc.project
    return DataState(p.dataset, p.features, p.network.copy(), p.loss,
                     (p.sample_x.copy(), p.sample_y.copy()), p.history)


def _same_problem(old: DatasetSpec | None, new: DatasetSpec | None, old_features, features) -> bool:
    """Whether a loss history still describes the data after an edit: the same generator
    (noise, seed, split or drawn points aside), the same kind of labels, the same inputs."""
    if old is None or new is None or tuple(old_features or ()) != tuple(features or ()):
        return old is new and tuple(old_features or ()) == tuple(features or ())
    a, b = full_dataset(old), full_dataset(new)
    same_kind = a is not None and b is not None and (a.kind, a.n_classes) == (b.kind, b.n_classes)
    drawn = "custom" in (old.name, new.name)
    return same_kind and (old.name == new.name or drawn)


def plan(doc, spec: DatasetSpec | None, features=None) -> DataState:
    """The state after switching to ``spec`` (and ``features``): network and loss adapted."""
    p = doc.project
    features = tuple(features or p.features or DEFAULT_FEATURES)
    rng = np.random.default_rng()
    net = with_features(p.network, p.features, features, p.init, rng)
    loss = p.loss
    data = full_dataset(spec)
    if data is not None:
        n_out, act, loss = output_plan(net, loss, data.kind, data.n_classes)
        net = with_output(net, n_out, act, p.init, rng)
    # another problem starts a new loss curve (the old one comes back with undo)
    history = p.history if _same_problem(p.dataset, spec, p.features, features) else History()
    return DataState(spec, features, net, loss, (p.sample_x.copy(), p.sample_y.copy()), history)


class DataEdit(QUndoCommand):
    """Switch the data state; the base of every command here. ``merge_key``: consecutive
    edits with the same key (one slider, one spin box) merge into one undo step."""

    def __init__(self, doc, spec, text: str, features=None, merge_key=None, initiator=None):
        super().__init__(text)
        self.doc, self.merge_key, self.initiator = doc, merge_key, initiator
        self.old = capture(doc)
        self.new = plan(doc, spec, features)

    def _apply(self, s: DataState, restore_sample: bool, initiator=None) -> None:
        doc, p = self.doc, self.doc.project
        loss_changed = s.loss != p.loss
        if s.net != p.network or s.features != p.features:
            p.loss = s.loss          # so the network's emit never shows a loss it cannot pair with
            doc.set_features(s.features, s.net, initiator=initiator)
        if loss_changed:
            doc.set_settings(loss=s.loss, initiator=initiator)
        if restore_sample and s.sample[0].size == doc.network.input_size \
                and s.sample[1].size == doc.network.output_size:
            doc.set_sample(*s.sample, initiator=initiator)
        doc.set_dataset(s.spec, initiator=initiator)
        if s.history is not p.history:
            doc.set_history(s.history, initiator=initiator)

    def redo(self):
        self._apply(self.new, False, self.initiator)
        self.initiator = None

    def undo(self):
        self._apply(self.old, True)

    def id(self):
        return _DATA_EDIT_ID

    def mergeWith(self, other) -> bool:
        if self.merge_key is None or getattr(other, "merge_key", None) != self.merge_key:
            return False
        self.new = other.new
        return True


class SetDataSpec(DataEdit):
    """A generator or its settings (noise, ratio, seed, classes) changed."""

    def __init__(self, doc, spec: DatasetSpec, text: str | None = None, merge_key=None,
                 initiator=None):
        super().__init__(doc, spec, text or tr("Change data set"), merge_key=merge_key,
                         initiator=initiator)


class AddPoints(DataEdit):
    """Add (x1, x2, label) points — training points, or test points with ``test=True``; a
    generated set first becomes a custom set of all its points, each keeping its side."""

    def __init__(self, doc, points, initiator=None, test: bool = False):
        old = doc.project.dataset
        new = roles(old) + [(tuple(float(v) for v in p), bool(test)) for p in points]
        super().__init__(doc, spec_with(old, new),
                         tr("Add test point") if test else tr("Add point"), initiator=initiator)


class RemovePoints(DataEdit):
    """Remove points by their index in the whole data set (generator order / custom order)."""

    def __init__(self, doc, indices, initiator=None):
        old = doc.project.dataset
        drop = set(int(i) for i in indices)
        keep = [pr for k, pr in enumerate(roles(old)) if k not in drop]
        super().__init__(doc, spec_with(old, keep), tr("Remove point"), initiator=initiator)


class ClearPoints(DataEdit):
    """Remove every point (an empty custom set to draw on; the network stays as it is)."""

    def __init__(self, doc, initiator=None):
        super().__init__(doc, custom_spec(doc.project.dataset, ()), tr("Clear points"),
                         initiator=initiator)


class ReplaceDataset(DataEdit):
    """Replace the points by a whole data set (a CSV import)."""

    def __init__(self, doc, data, text: str | None = None, initiator=None):
        old = doc.project.dataset
        base = old or DatasetSpec()
        train, test = datasets.split(data, base.train_ratio, base.seed)   # as a generator's
        super().__init__(doc, custom_spec(old, as_points(train), as_points(test)),
                         text or tr("Import data"), initiator=initiator)


class SetFeatures(DataEdit):
    """Switch input features on/off; the input layer keeps the columns of features that stay."""

    def __init__(self, doc, features, initiator=None):
        features = tuple(features)
        if not features:
            raise ValueError("at least one input feature must stay on")
        super().__init__(doc, doc.project.dataset, tr("Change input features"), features=features,
                         initiator=initiator)
