"""What the network's outputs mean for a data set: targets, predicted classes, metrics.

Data-set labels follow TensorFlow Playground: binary classes are +1 / −1, multi-class labels
are 0 … K−1, regression labels are real numbers. The network's target vectors depend on
the output layer:

* binary, one output with tanh/linear (the TF Playground setup): target = label (±1),
  predicted class = sign of the output (decision value 0);
* binary, one sigmoid output (half squared error or binary cross-entropy): target = (label+1)/2,
  decision value 0.5;
* binary or multi-class with K ≥ 2 outputs: one-hot targets, predicted class = argmax
  (class index 1 is the +1 class in the binary case);
* regression: target = label, one output.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import EngineError
from .messages import Message as M

KINDS = ("binary", "multiclass", "regression")


def decision_value(output_activation: str) -> float:
    """The output value that separates the two classes of a one-output classifier."""
    return 0.5 if output_activation == "sigmoid" else 0.0


def targets_for(labels: np.ndarray, kind: str, output_activation: str, n_out: int) -> np.ndarray:
    """Target vectors (n, n_out) for the given labels."""
    labels = np.asarray(labels, dtype=np.float64).reshape(-1)
    if kind == "regression":
        if n_out != 1:
            raise EngineError(M("problem.regression_outputs",
                                  "a regression data set needs 1 output neuron, the network has {n}", n=n_out))
        return labels[:, None].copy()
    if kind == "binary" and n_out == 1:
        if output_activation == "sigmoid":
            return ((labels + 1.0) / 2.0)[:, None]
        return labels[:, None].copy()
    classes = class_indices(labels, kind)
    n_classes = 2 if kind == "binary" else int(classes.max(initial=0)) + 1
    if n_out < n_classes:
        raise EngineError(M("problem.class_outputs", "the data set has {classes} classes but the network has {n} outputs",
                              classes=n_classes, n=n_out))
    onehot = np.zeros((labels.size, n_out))
    onehot[np.arange(labels.size), classes] = 1.0
    return onehot


def class_indices(labels: np.ndarray, kind: str) -> np.ndarray:
    """Labels as class indices: binary +1 → 1, −1 → 0; multi-class unchanged."""
    labels = np.asarray(labels).reshape(-1)
    if kind == "binary":
        return (labels > 0).astype(np.intp)
    return labels.astype(np.intp)


def predicted_classes(outputs: np.ndarray, kind: str, output_activation: str) -> np.ndarray:
    """Class index per sample from the network outputs (n, n_out)."""
    if outputs.shape[1] == 1:
        return (outputs[:, 0] > decision_value(output_activation)).astype(np.intp)
    return np.argmax(outputs, axis=1).astype(np.intp)


def accuracy(outputs: np.ndarray, labels: np.ndarray, kind: str, output_activation: str) -> float | None:
    """Fraction classified correctly (None for regression or no samples)."""
    if kind == "regression" or len(labels) == 0:
        return None
    pred = predicted_classes(outputs, kind, output_activation)
    return float(np.mean(pred == class_indices(labels, kind)))


def confusion_matrix(outputs, labels, kind: str, output_activation: str, n_classes: int) -> np.ndarray:
    """counts[true, predicted]."""
    pred = predicted_classes(outputs, kind, output_activation)
    true = class_indices(labels, kind)
    counts = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(counts, (true, np.clip(pred, 0, n_classes - 1)), 1)
    return counts


def regression_metrics(outputs: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """(RMSE, R²) of one-output predictions."""
    y = np.asarray(labels, dtype=np.float64).reshape(-1)
    p = outputs[:, 0]
    resid = p - y
    rmse = float(np.sqrt(np.mean(resid ** 2))) if y.size else float("nan")
    ss_tot = float(np.sum((y - y.mean()) ** 2)) if y.size else 0.0
    r2 = 1.0 - float(np.sum(resid ** 2)) / ss_tot if ss_tot > 0 else float("nan")
    return rmse, r2


@dataclass(frozen=True)
class SetMetrics:
    """What the window shows of one set (train or test) under the current parameters:
    accuracy and the confusion matrix (classification) or RMSE and R² (regression)."""
    n: int
    accuracy: float | None = None
    confusion: np.ndarray | None = None
    """counts[true, predicted]"""
    rmse: float | None = None
    r2: float | None = None


def n_matrix_classes(kind: str, n_classes: int, n_outputs: int) -> int:
    return 2 if kind == "binary" else max(int(n_classes), int(n_outputs))


def set_metrics(outputs: np.ndarray, labels: np.ndarray, kind: str, output_activation: str,
                n_classes: int) -> SetMetrics:
    """The one computation of a set's metrics (the trainer's snapshots and the window's idle
    views both use it)."""
    n = len(labels)
    if n == 0:
        return SetMetrics(0)
    if kind == "regression":
        rmse, r2 = regression_metrics(outputs, labels)
        return SetMetrics(n, rmse=rmse, r2=r2)
    k = n_matrix_classes(kind, n_classes, outputs.shape[1])
    return SetMetrics(n, accuracy(outputs, labels, kind, output_activation),
                      confusion_matrix(outputs, labels, kind, output_activation, k))
