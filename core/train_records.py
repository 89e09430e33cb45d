"""Training's records: what a run is told (``TrainConfig``), what it trains on (``TrainData``),
what it reports (``TrainSnapshot``) and what it needs to go on elsewhere (``TrainerState``).
The loop itself is ``core.training.Trainer``."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .divergence import Divergence
from .errors import EngineError
from .kernel import PRECISIONS
from .losses import get_loss
from .messages import Message as M
from .network import Network
from .optim import OptimizerConfig
from . import problem


@dataclass(frozen=True)
class TrainConfig:
    loss: str = "half_squared_error"
    optimizer: OptimizerConfig = field(default_factory=OptimizerConfig)
    batch_size: int = 10
    max_epochs: int | None = None
    target_loss: float | None = None
    seed: int = 0
    snapshot_every: int = 1
    """Epochs between snapshots yielded by ``Trainer.run``."""
    precision: str = "float64"
    """``float64``: the engine's exact arithmetic (the step-by-step view's numbers);
    ``float32``: the fast path for big digit networks (``core.kernel``)."""

    def __post_init__(self):
        get_loss(self.loss)
        if self.precision not in PRECISIONS:
            raise EngineError(M("train.precision", "precision must be one of {choices}, got {got}",
                                choices=", ".join(PRECISIONS), got=repr(self.precision)))
        if int(self.batch_size) < 0:
            raise EngineError(M("train.batch_size", "batch size must be ≥ 0 (0 = the whole training set)"))
        if self.max_epochs is not None and self.max_epochs < 0:
            raise EngineError(M("train.max_epochs", "max epochs must be ≥ 0"))
        if self.snapshot_every < 1:
            raise EngineError(M("train.snapshot_every", "snapshot_every must be ≥ 1"))


@dataclass(frozen=True)
class TrainData:
    """Network-ready arrays: inputs (n, n₀), targets (n, n_L) and the raw labels for metrics."""

    x_train: np.ndarray
    y_train: np.ndarray
    labels_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    labels_test: np.ndarray
    kind: str = "regression"
    n_classes: int = 0
    """Classes of the data set (0: as many as the labels show)."""

    @classmethod
    def from_labels(cls, x_train, labels_train, x_test, labels_test, kind: str,
                    net: Network, n_classes: int = 0) -> "TrainData":
        act, n_out = net.layers[-1].activation, net.output_size
        x_train = np.ascontiguousarray(x_train, dtype=np.float64)
        x_test = np.ascontiguousarray(x_test, dtype=np.float64).reshape(-1, x_train.shape[1])
        return cls(x_train, problem.targets_for(labels_train, kind, act, n_out),
                   np.asarray(labels_train, dtype=np.float64),
                   x_test, problem.targets_for(labels_test, kind, act, n_out),
                   np.asarray(labels_test, dtype=np.float64), kind, int(n_classes))


@dataclass(frozen=True)
class TrainSnapshot:
    step: int
    """Parameter updates made so far (all runs of this trainer)."""
    epoch: float
    """Epochs completed (fractional while inside an epoch)."""
    train_loss: float
    test_loss: float | None
    train_accuracy: float | None
    test_accuracy: float | None
    params: tuple[tuple[np.ndarray, np.ndarray], ...]
    """Copies of (W, b) per layer."""
    finished: bool = False
    reason: str | None = None
    """Why training ended: max_epochs, target_loss, stopped, diverged (None while running)."""
    message: str = ""
    divergence: Divergence | None = None
    """For ``reason == "diverged"``: which rule fired, with its numbers (``core.divergence``)."""
    train_metrics: problem.SetMetrics | None = None
    test_metrics: problem.SetMetrics | None = None
    """Accuracy and confusion matrix (or RMSE and R²) per set, from the same forward pass."""


@dataclass(frozen=True)
class TrainerState:
    """Everything a Trainer built on the same network and data needs to go on exactly where
    another one stopped (``Trainer.state`` / ``Trainer.restore``): the window trains in a
    child process and takes the run's end state back, bit for bit."""
    theta: np.ndarray
    config: TrainConfig
    optimizer: dict
    step: int
    epoch: int
    pos: int
    perm: np.ndarray | None
    diverged: bool
    divergence: Divergence | None
    watch: tuple
