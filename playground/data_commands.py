"""Data-set edits as undoable commands: generator settings, drawn points, CSV import, features.

Every command is one ``ReplaceState`` made by ``core.session.set_data``: the spec, the input
features, the network (its input layer follows the features, its output layer the kind of
data), the loss and the history change together, and undo gives back exactly what was there.
The first drawn point turns a generated set into a ``"custom"`` spec holding *all* its points
(train and test, each keeping its side), so nothing visible vanishes.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from core import DatasetSpec, session
from core import datasets
from core.data_fit import (DEFAULT_FEATURES, as_points, custom_spec, full_dataset,  # noqa: F401
                           output_plan, roles, spec_with, with_features, with_output)

from .commands import ReplaceState, _attempt

_DATA_EDIT_ID = 2001


def tr(text: str) -> str:
    # lupdate files a bare tr("…") of a module in the empty context: look it up there
    return QCoreApplication.translate("", text)


def current_split(doc):
    """(train, test) of the document, or None — without asking the Document about an empty
    custom set (it would report the 'no data points' error on every call)."""
    spec = doc.project.dataset
    if spec is None or (spec.name == "custom" and not spec.custom_points()):
        return None
    return doc.data_split()


class DataEdit(ReplaceState):
    """Switch the data state (``core.session.set_data``: spec, features, the network's input
    and output layers, the loss, the history); the base of every command here.
    ``merge_key``: consecutive edits with the same key (one slider, one spin box) merge."""

    def __init__(self, doc, spec, text: str, features=None, merge_key=None, initiator=None):
        super().__init__(doc, _attempt(session.set_data, doc.project, spec, features,
                                       np.random.default_rng()),
                         text, merge_key=merge_key, initiator=initiator)

    def id(self):
        return _DATA_EDIT_ID


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
