"""Input features: what the network sees of a 2-D point (x₁, x₂), as in TensorFlow Playground."""
from __future__ import annotations

from typing import Callable, Iterable, Sequence

import numpy as np

from .errors import DataError
from .messages import Message as M

FEATURES: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "x1": lambda x1, x2: x1,
    "x2": lambda x1, x2: x2,
    "x1^2": lambda x1, x2: x1 * x1,
    "x2^2": lambda x1, x2: x2 * x2,
    "x1*x2": lambda x1, x2: x1 * x2,
    "sin(x1)": lambda x1, x2: np.sin(x1),
    "sin(x2)": lambda x1, x2: np.sin(x2),
}
"""Feature name → f(x1, x2), each taking and returning (n,) arrays. Ordered as in TFP."""

FEATURE_NAMES: tuple[str, ...] = tuple(FEATURES)

FEATURE_LABELS: dict[str, str] = {
    "x1": "x₁", "x2": "x₂", "x1^2": "x₁²", "x2^2": "x₂²",
    "x1*x2": "x₁·x₂", "sin(x1)": "sin x₁", "sin(x2)": "sin x₂",
}
"""Feature name → how the UI writes it."""


def check_features(names: Iterable[str]) -> tuple[str, ...]:
    """``names`` as a tuple, or DataError if it is empty, repeats one or names an unknown one."""
    if isinstance(names, str):
        raise DataError(M("features.single_string", "expected a list of feature names, got the single string {name}",
                          name=repr(names)))
    names = tuple(names)
    if not names:
        raise DataError(M("features.none", "choose at least one input feature"))
    for name in names:
        if name not in FEATURES:
            raise DataError(M("features.unknown", "unknown feature {name}; choose from {names}",
                              name=repr(name), names=", ".join(FEATURE_NAMES)))
    if len(set(names)) != len(names):
        dup = next(n for i, n in enumerate(names) if n in names[:i])
        raise DataError(M("features.twice", "feature {name} is listed twice", name=repr(dup)))
    return names


def feature_matrix(points: np.ndarray, names: Sequence[str]) -> np.ndarray:
    """(n, len(names)) float64, C-contiguous: column j is feature names[j] of each point."""
    names = check_features(names)
    pts = np.asarray(points, dtype=np.float64)
    if pts.ndim != 2 or pts.shape[1] != 2:
        raise DataError(M("data.points_shape", "points must be an (n, 2) array, got shape {shape}",
                          shape=pts.shape))
    x1, x2 = pts[:, 0], pts[:, 1]
    out = np.empty((pts.shape[0], len(names)), dtype=np.float64)
    for j, name in enumerate(names):
        out[:, j] = FEATURES[name](x1, x2)
    return out
