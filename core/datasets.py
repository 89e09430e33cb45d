"""Seeded toy 2-D data sets: TensorFlow Playground's six, plus four of our own.

Conventions (TensorFlow Playground's): points lie in the square ``DOMAIN`` = [-6, 6]²;
binary labels are +1 / -1, multi-class labels are 0 … K-1 (stored as floats), regression
labels are real numbers. ``noise`` is a fraction 0 … 0.5 (the 0–50 % slider / 100).

The six TFP generators follow ``src/dataset.ts`` of github.com/tensorflow/playground
(read for this module); each docstring gives the formula. Only the random source differs:
``np.random.default_rng(seed)`` replaces ``Math.random`` (same distributions, not the same
numbers). Every random number is drawn whatever the noise level, so for one seed the
points stay where they are while the noise slider moves (except the Gaussian sets, whose
spread *is* the noise). The same (name, noise, seed, n_points, n_classes) always gives
bit-identical arrays.
"""
from __future__ import annotations

import math
import operator
from dataclasses import dataclass
from typing import Callable

import numpy as np

from .errors import DataError
from .messages import Message as M

DOMAIN = (-6.0, 6.0)
MAX_POINTS = 1_000_000
MAX_CLASSES = 10
"""Multi-class labels are 0 … 9 at most (a larger integer label means regression)."""

KINDS = ("binary", "multiclass", "regression")


@dataclass(frozen=True, eq=False)
class Dataset:
    points: np.ndarray
    """(n, 2) float64."""
    labels: np.ndarray
    """(n,) float64: ±1 (binary), 0 … K-1 (multiclass) or real values (regression)."""
    kind: str
    n_classes: int
    """2 for binary, K for multiclass, 0 for regression."""

    def __len__(self) -> int:
        return int(self.labels.shape[0])

    def subset(self, idx) -> "Dataset":
        """The points at ``idx`` (indices, a slice or a boolean mask), copied."""
        return Dataset(np.array(self.points[idx], dtype=np.float64).reshape(-1, 2),
                       np.array(self.labels[idx], dtype=np.float64).reshape(-1),
                       self.kind, self.n_classes)


# ---------------------------------------------------------------- helpers
def _uniform(rng, a: float, b: float, size) -> np.ndarray:
    """TFP's ``randUniform(a, b)`` = Math.random() * (b - a) + a, i.e. uniform on [a, b)."""
    return rng.uniform(a, b, size)


def _normal_in_domain(rng, mean: np.ndarray, sd: float) -> np.ndarray:
    """``mean`` + N(0, sd²) jitter per coordinate; a point that lands outside DOMAIN gets
    its jitter redrawn (so wide spreads become truncated Gaussians, not piles on the edge)."""
    out = mean + rng.normal(0.0, sd, mean.shape)
    lo, hi = DOMAIN
    bad = np.flatnonzero(((out < lo) | (out > hi)).any(axis=1))
    while bad.size:
        out[bad] = mean[bad] + rng.normal(0.0, sd, (bad.size, 2))
        bad = bad[((out[bad] < lo) | (out[bad] > hi)).any(axis=1)]
    return out


def _halves(n: int) -> tuple[int, int]:
    """Class sizes for two classes: TFP's loops give numSamples / 2 each (n even)."""
    return n - n // 2, n // 2


def _shares(n: int, k: int) -> list[int]:
    """n points over k classes as evenly as possible (the first classes get the extras)."""
    return [n // k + (1 if c < n % k else 0) for c in range(k)]


# ---------------------------------------------------------------- TFP's generators
def _circle(rng, n: int, noise: float, k: int):
    """classifyCircleData: radius = 5. Half the points have r ~ U[0, 0.5·radius), half
    r ~ U[0.7·radius, radius); angle ~ U[0, 2π); (x, y) = (r sin a, r cos a). The label comes
    from the *noisy* point: noise_x, noise_y ~ U[-radius, radius)·noise, label = +1 if
    |(x + noise_x, y + noise_y)| < 0.5·radius else -1. The stored point is the clean one."""
    radius = 5.0
    n_in, n_out = _halves(n)
    r = np.concatenate([_uniform(rng, 0.0, radius * 0.5, n_in),
                        _uniform(rng, radius * 0.7, radius, n_out)])
    angle = _uniform(rng, 0.0, 2 * math.pi, n)
    pts = np.column_stack([r * np.sin(angle), r * np.cos(angle)])
    noisy = pts + _uniform(rng, -radius, radius, (n, 2)) * noise
    labels = np.where(np.hypot(noisy[:, 0], noisy[:, 1]) < radius * 0.5, 1.0, -1.0)
    return pts, labels


def _xor(rng, n: int, noise: float, k: int):
    """classifyXORData: x, y ~ U[-5, 5), each pushed 0.3 away from its axis
    (v += 0.3 if v > 0 else -0.3); noise_x, noise_y ~ U[-5, 5)·noise;
    label = +1 if (x + noise_x)·(y + noise_y) >= 0 else -1 (clean point stored)."""
    padding = 0.3
    pts = _uniform(rng, -5.0, 5.0, (n, 2))
    pts += np.where(pts > 0, padding, -padding)
    noisy = pts + _uniform(rng, -5.0, 5.0, (n, 2)) * noise
    labels = np.where(noisy[:, 0] * noisy[:, 1] >= 0, 1.0, -1.0)
    return pts, labels


def _gauss(rng, n: int, noise: float, k: int):
    """classifyTwoGaussData: variance = linear scale [0, 0.5] → [0.5, 4] of noise, i.e.
    0.5 + 7·noise. Half the points ~ N((2, 2), variance·I) labelled +1, half
    ~ N((-2, -2), variance·I) labelled -1 (TFP's normalRandom is Marsaglia's polar method,
    the same distribution). Points outside DOMAIN are redrawn (TFP leaves them off-screen)."""
    variance = 0.5 + 7.0 * noise
    n_pos, n_neg = _halves(n)
    mean = np.repeat(np.array([[2.0, 2.0], [-2.0, -2.0]]), [n_pos, n_neg], axis=0)
    labels = np.repeat([1.0, -1.0], [n_pos, n_neg])
    return _normal_in_domain(rng, mean, math.sqrt(variance)), labels


def _spiral(rng, n: int, noise: float, k: int):
    """classifySpiralData: m = numSamples / 2; arm i = 0 … m-1: r = i / m · 5,
    t = 1.75 · i / m · 2π + Δt; (x, y) = (r sin t, r cos t) + U[-1, 1)·noise each.
    Δt = 0 → label +1, Δt = π → label -1. (For odd n the first arm has one extra point.)"""
    m = n / 2
    parts, labels = [], []
    for delta_t, label, count in ((0.0, 1.0, n - n // 2), (math.pi, -1.0, n // 2)):
        i = np.arange(count, dtype=np.float64)
        r = i / m * 5
        t = 1.75 * i / m * 2 * math.pi + delta_t
        parts.append(np.column_stack([r * np.sin(t), r * np.cos(t)]))
        labels.append(np.full(count, label))
    pts = np.concatenate(parts) + _uniform(rng, -1.0, 1.0, (n, 2)) * noise
    return pts, np.concatenate(labels)


def _regress_plane(rng, n: int, noise: float, k: int):
    """regressPlane: radius = 6; x, y ~ U[-radius, radius); noise_x, noise_y
    ~ U[-radius, radius)·noise; label = linear scale [-10, 10] → [-1, 1] (not clamped) of
    (x + noise_x) + (y + noise_y), i.e. label = (x + noise_x + y + noise_y) / 10. Like TFP,
    labels reach ±1.2 at noise 0 (±1.8 at noise 0.5)."""
    radius = 6.0
    pts = _uniform(rng, -radius, radius, (n, 2))
    noisy = pts + _uniform(rng, -radius, radius, (n, 2)) * noise
    return pts, (noisy[:, 0] + noisy[:, 1]) / 10.0


REGRESS_GAUSSIANS = ((-4.0, 2.5, 1.0), (0.0, 2.5, -1.0), (4.0, 2.5, 1.0),
                     (-4.0, -2.5, -1.0), (0.0, -2.5, 1.0), (4.0, -2.5, -1.0))
"""TFP's regressGaussian centres (cx, cy, sign)."""


def regress_gauss_label(x, y) -> np.ndarray:
    """TFP's regressGaussian getLabel: per centre, sign · clamp(1 - d/2, 0, 1) (the clamped
    linear scale [0, 2] → [1, 0] of the distance d); the label is the one largest in absolute
    value, the first centre in list order winning ties (TFP's strict ``>``)."""
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    vals = np.stack([s * np.clip(1.0 - np.hypot(x - cx, y - cy) / 2.0, 0.0, 1.0)
                     for cx, cy, s in REGRESS_GAUSSIANS], axis=-1)
    best = np.argmax(np.abs(vals), axis=-1)
    return np.take_along_axis(vals, best[..., None], axis=-1)[..., 0][()]


def _regress_gauss(rng, n: int, noise: float, k: int):
    """regressGaussian: radius = 6; x, y ~ U[-radius, radius); noise as in regressPlane;
    label = regress_gauss_label(x + noise_x, y + noise_y), in [-1, 1]."""
    radius = 6.0
    pts = _uniform(rng, -radius, radius, (n, 2))
    noisy = pts + _uniform(rng, -radius, radius, (n, 2)) * noise
    return pts, regress_gauss_label(noisy[:, 0], noisy[:, 1])


# ---------------------------------------------------------------- our own sets
def _moons(rng, n: int, noise: float, k: int):
    """Two interleaving half circles (scikit-learn's make_moons shape, random angles):
    s ~ U[0, π); upper moon (cos s, sin s) labelled +1, lower moon (1 - cos s, 0.5 - sin s)
    labelled -1; both shifted by (-0.5, -0.25) and scaled by 10/3, so they fill
    x ∈ [-5, 5], y ∈ [-2.5, 2.5]. Noise: N(0, (2·noise)²) jitter per coordinate."""
    n_up, n_down = _halves(n)
    s = _uniform(rng, 0.0, math.pi, n)
    up = np.column_stack([np.cos(s[:n_up]), np.sin(s[:n_up])])
    down = np.column_stack([1.0 - np.cos(s[n_up:]), 0.5 - np.sin(s[n_up:])])
    clean = (np.concatenate([up, down]) - [0.5, 0.25]) * (10.0 / 3.0)
    labels = np.repeat([1.0, -1.0], [n_up, n_down])
    return _normal_in_domain(rng, clean, 2.0 * noise), labels


def _checkerboard(rng, n: int, noise: float, k: int):
    """4×4 board of 3×3 squares over [-6, 6]²: x, y ~ U[-6, 6); like TFP's circle/xor the
    label is read at a noisy point (x, y) + U[-3, 3)·noise each:
    label = +1 if floor(x'/3) + floor(y'/3) is even else -1 (clean point stored)."""
    pts = _uniform(rng, -6.0, 6.0, (n, 2))
    noisy = pts + _uniform(rng, -3.0, 3.0, (n, 2)) * noise
    parity = (np.floor(noisy[:, 0] / 3.0) + np.floor(noisy[:, 1] / 3.0)) % 2
    return pts, np.where(parity == 0, 1.0, -1.0)


def _multiclass_spiral(rng, n: int, noise: float, k: int):
    """K arms (class c = 0 … K-1, m_c points): i = 0 … m_c-1, r = i / m_c · 5,
    t = 1.25 · i / m_c · 2π + 2πc / K; (x, y) = (r sin t, r cos t) + U[-1, 1)·noise each
    (TFP's spiral with K arms and 1.25 turns, so five arms stay apart)."""
    parts, labels = [], []
    for c, m in enumerate(_shares(n, k)):
        i = np.arange(m, dtype=np.float64)
        r = i / max(m, 1) * 5
        t = 1.25 * i / max(m, 1) * 2 * math.pi + 2 * math.pi * c / k
        parts.append(np.column_stack([r * np.sin(t), r * np.cos(t)]))
        labels.append(np.full(m, float(c)))
    pts = np.concatenate(parts) + _uniform(rng, -1.0, 1.0, (n, 2)) * noise
    return pts, np.concatenate(labels)


def _blobs(rng, n: int, noise: float, k: int):
    """K Gaussian blobs: centre of class c at 3.5·(sin θ_c, cos θ_c), θ_c = 2πc / K (class 0
    at the top); variance 0.5 + 7·noise as in TFP's two-Gauss set; outside DOMAIN redrawn."""
    counts = _shares(n, k)
    theta = 2 * math.pi * np.arange(k) / k
    centres = 3.5 * np.column_stack([np.sin(theta), np.cos(theta)])
    labels = np.repeat(np.arange(k, dtype=np.float64), counts)
    return _normal_in_domain(rng, np.repeat(centres, counts, axis=0),
                             math.sqrt(0.5 + 7.0 * noise)), labels


_GENERATORS: dict[str, tuple[str, int, Callable]] = {
    "circle": ("binary", 500, _circle),
    "xor": ("binary", 500, _xor),
    "gauss": ("binary", 500, _gauss),
    "spiral": ("binary", 500, _spiral),
    "regress-plane": ("regression", 1200, _regress_plane),
    "regress-gauss": ("regression", 1200, _regress_gauss),
    "moons": ("binary", 500, _moons),
    "checkerboard": ("binary", 800, _checkerboard),
    "multiclass-spiral": ("multiclass", 600, _multiclass_spiral),
    "blobs": ("multiclass", 600, _blobs),
}
DATASET_NAMES: tuple[str, ...] = tuple(_GENERATORS)
DATASET_KIND: dict[str, str] = {name: g[0] for name, g in _GENERATORS.items()}
DEFAULT_POINTS: dict[str, int] = {name: g[1] for name, g in _GENERATORS.items()}


SEED = M("data.seed", "seed")
N_POINTS = M("data.n_points", "number of points")
N_CLASSES = M("data.n_classes", "number of classes")


def _count(value, what: M, lo: int, hi: int) -> int:
    if isinstance(value, bool):
        raise DataError(M("data.whole_number", "{what} must be a whole number, got {value}",
                          what=what, value=repr(value)))
    try:
        v = operator.index(value)
    except TypeError:
        raise DataError(M("data.whole_number", "{what} must be a whole number, got {value}",
                          what=what, value=repr(value))) from None
    if not lo <= v <= hi:
        raise DataError(M("data.between", "{what} must be between {lo} and {hi}, got {value}",
                          what=what, lo=lo, hi=hi, value=v))
    return v


def generate(name: str, noise: float = 0.0, seed: int = 0, n_points: int | None = None,
             n_classes: int = 3) -> Dataset:
    """Data set ``name`` with ``n_points`` points (DEFAULT_POINTS[name] when None).
    ``n_classes`` (3 … 5) is used by the multi-class sets only."""
    if name not in _GENERATORS:
        raise DataError(M("data.unknown_set", "unknown data set {name}; choose one of {names}",
                          name=repr(name), names=", ".join(DATASET_NAMES)))
    kind, default_n, gen = _GENERATORS[name]
    try:
        noise = float(noise)
    except (TypeError, ValueError):
        raise DataError(M("data.noise_number", "noise must be a number, got {value}", value=repr(noise))) from None
    if not 0.0 <= noise <= 0.5:  # also refuses NaN
        raise DataError(M("data.noise_range", "noise must be between 0 and 0.5 (0–50 %), got {value}", value=noise))
    seed = _count(seed, SEED, 0, 2**63 - 1)
    n = default_n if n_points is None else _count(n_points, N_POINTS, 1, MAX_POINTS)
    k = 2 if kind == "binary" else 0
    if kind == "multiclass":
        k = _count(n_classes, N_CLASSES, 3, 5)
    pts, labels = gen(np.random.default_rng(seed), n, noise, k)
    return Dataset(np.ascontiguousarray(pts, dtype=np.float64),
                   np.ascontiguousarray(labels, dtype=np.float64), kind, k)


_SPLIT_STREAM = 0x5B1D
"""Mixed into the split's seed so the shuffle is independent of the generator's numbers."""


def split(data: Dataset, train_ratio: float = 0.5, seed: int = 0) -> tuple[Dataset, Dataset]:
    """(train, test) as TFP does it: shuffle, then the first floor(n · ratio) are training."""
    try:
        ratio = float(train_ratio)
    except (TypeError, ValueError):
        raise DataError(M("data.ratio_number", "training ratio must be a number, got {value}",
                          value=repr(train_ratio))) from None
    if not 0.0 < ratio < 1.0:
        raise DataError(M("data.ratio_range", "training ratio must be between 0 and 1 (exclusive), got {value}",
                          value=ratio))
    seed = _count(seed, SEED, 0, 2**63 - 1)
    order = np.random.default_rng([_SPLIT_STREAM, seed]).permutation(len(data))
    n_train = math.floor(len(data) * ratio)
    return data.subset(order[:n_train]), data.subset(order[n_train:])


def infer_kind(labels: np.ndarray) -> str:
    """binary if every label is ±1; multiclass if all are whole numbers 0 … MAX_CLASSES-1;
    regression otherwise."""
    if np.all(np.abs(labels) == 1.0):
        return "binary"
    if np.all((labels >= 0) & (labels < MAX_CLASSES) & (labels == np.floor(labels))):
        return "multiclass"
    return "regression"


def from_points(points, labels, kind: str | None = None) -> Dataset:
    """A Dataset from user points (n, 2) and labels (n,), checked; ``kind`` inferred if None."""
    try:
        pts = np.array(points, dtype=np.float64)
        lab = np.array(labels, dtype=np.float64)
    except (TypeError, ValueError):
        raise DataError(M("data.not_numbers", "points and labels must be numbers")) from None
    if pts.ndim != 2 or pts.shape[1] != 2:
        raise DataError(M("data.points_shape", "points must be an (n, 2) array, got shape {shape}",
                          shape=pts.shape))
    if lab.ndim == 2 and lab.shape[1] == 1:  # a column of labels
        lab = lab[:, 0]
    if lab.ndim != 1 or lab.shape[0] != pts.shape[0]:
        raise DataError(M("data.labels_shape", "{n} points but labels of shape {shape}",
                          n=pts.shape[0], shape=np.shape(labels)))
    if pts.shape[0] == 0:
        raise DataError(M("data.no_points", "no data points"))
    if not (np.isfinite(pts).all() and np.isfinite(lab).all()):
        raise DataError(M("data.not_finite", "points and labels must be finite numbers"))
    if kind is None:
        kind = infer_kind(lab)
    if kind == "binary":
        if not np.all(np.abs(lab) == 1.0):
            raise DataError(M("csv.binary_labels", "binary labels must be +1 or -1"))
        n_classes = 2
    elif kind == "multiclass":
        if not np.all((lab >= 0) & (lab < MAX_CLASSES) & (lab == np.floor(lab))):
            raise DataError(M("csv.class_labels", "multi-class labels must be whole numbers 0 … {last}",
                              last=MAX_CLASSES - 1))
        n_classes = max(int(lab.max()) + 1, 2)
    elif kind == "regression":
        n_classes = 0
    else:
        raise DataError(M("data.unknown_kind", "unknown kind {kind}; choose one of {kinds}",
                          kind=repr(kind), kinds=", ".join(KINDS)))
    return Dataset(np.ascontiguousarray(pts), np.ascontiguousarray(lab), kind, n_classes)
