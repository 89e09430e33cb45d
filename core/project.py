"""A Project is everything one session needs, and everything a document file holds.

The window's Document owns one Project; the command line loads one; examples are Projects.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from .digits import DigitsSpec
from .network import Network
from .optim import OptimizerConfig
from .training import TrainConfig, TrainData


@dataclass(frozen=True)
class DatasetSpec:
    """How to (re)make the 2-D data set: a generator with its settings, or the user's points."""

    name: str = "circle"
    """A generator name from ``core.datasets``, or ``"custom"`` for ``points``."""
    noise: float = 0.0
    """0 … 0.5 (the 0–50 % slider)."""
    train_ratio: float = 0.5
    seed: int = 0
    n_points: int | None = None
    n_classes: int = 3
    points: tuple[tuple[float, float, float], ...] = ()
    """User points (x1, x2, label) — used when ``name == "custom"``."""
    test_points: tuple[tuple[float, float, float], ...] | None = None
    """A custom set's test points. None (files from before): ``points`` are split by
    ``train_ratio``; a tuple: ``points`` are the training points, these the test points."""

    def custom_points(self) -> tuple:
        """Every point of a custom set, training points first."""
        return tuple(self.points) + tuple(self.test_points or ())


@dataclass(frozen=True)
class History:
    """Loss (and accuracy) per recorded epoch of past training."""

    epoch: tuple[float, ...] = ()
    train_loss: tuple[float, ...] = ()
    test_loss: tuple[float | None, ...] = ()
    train_accuracy: tuple[float | None, ...] = ()
    test_accuracy: tuple[float | None, ...] = ()
    steps: int = 0

    def __len__(self) -> int:
        return len(self.epoch)


@dataclass
class Project:
    network: Network
    sample_x: np.ndarray
    sample_y: np.ndarray
    loss: str = "half_squared_error"
    optimizer: OptimizerConfig = field(default_factory=OptimizerConfig)
    batch_size: int = 10
    features: tuple[str, ...] | None = None
    """Input features (x1, x2, x1^2, …) when the network learns a 2-D data set; None for a
    network whose inputs are just the sample's numbers."""
    dataset: DatasetSpec | None = None
    max_epochs: int | None = None
    target_loss: float | None = None
    training_seed: int = 0
    init: str = "xavier"
    init_seed: int = 0
    precision: str = "float64"
    """Training arithmetic: ``float64`` (exact, the step-by-step view's numbers) or
    ``float32`` (fast, for big digit networks; the trained values are kept as float64
    copies of the float32 numbers, so the document and the step view show them exactly)."""
    history: History = field(default_factory=History)
    digits: "DigitsSpec | None" = None
    """Handwritten digit images to train on (``core.digits``); None for the 2-D data sets."""
    title: str = ""
    description: str = ""
    translations: dict = field(default_factory=dict)
    """The title and description in other languages, by language code:
    ``{"zh_CN": {"title": "…", "description": "…"}}`` (the plain fields are English)."""

    def text(self, key: str, language: str = "en") -> str:
        """``title`` or ``description`` in ``language``; the English text where it has none."""
        return self.translations.get(language, {}).get(key) or getattr(self, key)
    step_position: int = 0
    """The stage of the step-by-step view reached when the file was saved (0 = start)."""

    def copy(self) -> "Project":
        return replace(self, network=self.network.copy(), sample_x=self.sample_x.copy(),
                       sample_y=self.sample_y.copy())

    # ------------------------------------------------------------ derived things
    def train_config(self, **overrides) -> TrainConfig:
        cfg = TrainConfig(loss=self.loss, optimizer=self.optimizer, batch_size=self.batch_size,
                          max_epochs=self.max_epochs, target_loss=self.target_loss,
                          seed=self.training_seed, precision=self.precision)
        return replace(cfg, **overrides) if overrides else cfg

    def make_dataset(self):
        """(train, test) ``Dataset`` pair from the spec (None without a data set)."""
        from . import datasets
        spec = self.dataset
        if spec is None:
            return None
        if spec.name == "custom":
            pts = np.array(spec.custom_points(), dtype=np.float64).reshape(-1, 3)
            data = datasets.from_points(pts[:, :2], pts[:, 2])
            if spec.test_points is not None:       # the roles the points were given
                n = len(spec.points)
                return data.subset(np.arange(n)), data.subset(np.arange(n, len(data)))
        else:
            data = datasets.generate(spec.name, noise=spec.noise, seed=spec.seed,
                                     n_points=spec.n_points, n_classes=spec.n_classes)
        return datasets.split(data, spec.train_ratio, spec.seed)

    def train_data(self) -> TrainData:
        """Network-ready arrays for training on the project's data set."""
        if self.digits is not None:
            return self.digits.train_data(self.network)
        from .features import feature_matrix
        split = self.make_dataset()
        if split is None or not self.features:
            from .errors import EngineError
            from .messages import Message
            raise EngineError(Message("project.no_dataset", "this document has no data set to train on; "
                                      "the step-by-step view uses its single sample"))
        train, test = split
        return TrainData.from_labels(feature_matrix(train.points, self.features), train.labels,
                                     feature_matrix(test.points, self.features), test.labels,
                                     train.kind, self.network, train.n_classes)

    def sample_train_data(self) -> TrainData:
        """The single sample as a one-point training set (for 'train' without a data set)."""
        x = self.sample_x[None, :]
        y = self.sample_y[None, :]
        return TrainData(x, y, np.zeros(1), x[:0], y[:0], np.zeros(0), "regression")
