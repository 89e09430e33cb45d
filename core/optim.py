"""Gradient-descent updates: plain SGD, momentum and Adam, with optional L1/L2 regularization.

All updates work on one flat parameter vector θ (every W then b, layer by layer) and its
gradient g = ∂L/∂θ, in place, so a whole update is a handful of numpy calls.

Regularization adds a penalty to the *objective* (never to the reported loss) on weights only;
biases are never regularized:
    L2: penalty (λ/2)·Σw²  → gradient term λ·w
    L1: penalty λ·Σ|w|    → gradient term λ·sign(w)
Update rules with learning rate η and total gradient g (data gradient + penalty term):
    sgd:       θ ← θ − η·g
    momentum:  v ← μ·v − η·g;  θ ← θ + v
    adam:      m ← β₁m + (1−β₁)g;  s ← β₂s + (1−β₂)g²;  θ ← θ − η·(m/(1−β₁ᵗ)) / (√(s/(1−β₂ᵗ)) + ε)
Disabled links have a zero data gradient and weight 0, so none of the rules ever moves them.
Frozen (not trainable) parameters have their total gradient zeroed before the rule, so they
keep their value under every rule; their data gradient is still computed and shown.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from .errors import EngineError
from .messages import Message as M

OPTIMIZERS = ("sgd", "momentum", "adam")
REGULARIZATIONS = ("none", "l1", "l2")

LIMITS: dict[str, tuple[float, float, bool]] = {
    # name: (lowest, highest, lowest excluded). One rule for the settings panel, the
    # documents and the command line. Adam's ε must be > 0: with ε = 0 a parameter whose
    # gradient is 0 (a disabled link, a dead relu) would step by 0/0 = NaN.
    "learning_rate": (0.0, 1e6, False),
    "momentum": (0.0, 0.999999, False),
    "beta1": (0.0, 0.999999, False),
    "beta2": (0.0, 0.999999999, False),
    "epsilon": (0.0, 1.0, True),
    "regularization_rate": (0.0, 1e6, False),
}

FIELD_NAMES: dict[str, M] = {
    # each setting's name as a message, so the window names it in its language
    "learning_rate": M("optim.learning_rate", "learning_rate"),
    "momentum": M("optim.momentum", "momentum"),
    "beta1": M("optim.beta1", "beta1"),
    "beta2": M("optim.beta2", "beta2"),
    "epsilon": M("optim.epsilon", "epsilon"),
    "regularization_rate": M("optim.regularization_rate", "regularization_rate"),
}


@dataclass(frozen=True)
class OptimizerConfig:
    method: str = "sgd"
    learning_rate: float = 0.03
    momentum: float = 0.9
    beta1: float = 0.9
    beta2: float = 0.999
    epsilon: float = 1e-8
    regularization: str = "none"
    regularization_rate: float = 0.0

    def __post_init__(self):
        if self.method not in OPTIMIZERS:
            raise EngineError(M("optim.unknown", "unknown optimizer {name} (expected one of {names})",
                                name=repr(self.method), names=str(OPTIMIZERS)))
        if self.regularization not in REGULARIZATIONS:
            raise EngineError(M("optim.unknown_regularization",
                                "unknown regularization {name} (expected one of {names})",
                                name=repr(self.regularization), names=str(REGULARIZATIONS)))
        for name, (lo, hi, strict) in LIMITS.items():
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not np.isfinite(v):
                raise EngineError(M("optim.not_finite", "{name} must be a finite number, got {value}",
                                    name=FIELD_NAMES[name], value=repr(v)))
            if v < lo or v > hi or (strict and v == lo):
                low = f"> {lo:g}" if strict else f"≥ {lo:g}"
                raise EngineError(M("optim.range", "{name} must be {low} and ≤ {hi}, got {value}",
                                    name=FIELD_NAMES[name], low=low, hi=f"{hi:g}", value=repr(v)))

    def with_learning_rate(self, lr: float) -> "OptimizerConfig":
        return replace(self, learning_rate=float(lr))


class Optimizer:
    """Holds the state (velocity, Adam moments) of one optimizer over a flat θ of fixed size."""

    def __init__(self, config: OptimizerConfig, size: int, weight_mask: np.ndarray,
                 trainable: np.ndarray | None = None, dtype=np.float64):
        """``weight_mask`` marks which entries of θ are weights (regularized) rather than biases;
        ``trainable`` (1.0 / 0.0 per entry, None: all) which are updated at all — a frozen
        entry's total gradient is zeroed, so no rule (momentum, Adam) ever moves it.
        ``dtype``: that of θ (float32 for the fast path; its state is kept in float32 too)."""
        self.config = config
        self.size = size
        self.dtype = np.dtype(dtype)
        self.weight_mask = weight_mask.astype(self.dtype)
        self.trainable = (None if trainable is None or trainable.all()
                          else np.asarray(trainable, dtype=self.dtype))
        self.t = 0
        self._tmp = np.empty(size, dtype=self.dtype)
        self.velocity = np.zeros(size, self.dtype) if config.method == "momentum" else None
        self.m = np.zeros(size, self.dtype) if config.method == "adam" else None
        self.s = np.zeros(size, self.dtype) if config.method == "adam" else None
        self.folded = False
        """True when the gradient handed to ``step`` is already η·g (``fold_learning_rate``)."""

    def state(self) -> dict:
        """What a copy needs to continue exactly where this one is (``restore``)."""
        copy = (lambda a: None if a is None else a.copy())
        return {"config": self.config, "t": self.t, "velocity": copy(self.velocity),
                "m": copy(self.m), "s": copy(self.s)}

    def restore(self, state: dict) -> None:
        if state["config"].method != self.config.method:
            self.__init__(state["config"], self.size, self.weight_mask, self.trainable, self.dtype)
        self.config, self.t = state["config"], state["t"]
        for name in ("velocity", "m", "s"):
            value = state[name]
            setattr(self, name, None if value is None else value.copy())

    def set_config(self, config: OptimizerConfig) -> None:
        """Change hyper-parameters mid-run (e.g. the learning rate) without losing state,
        unless the method itself changes."""
        if config.method != self.config.method:
            self.__init__(config, self.size, self.weight_mask, self.trainable, self.dtype)
        self.config = config

    def foldable_rate(self) -> float | None:
        """η, when plain float32 SGD (no regularization, nothing frozen) can take its gradient
        already multiplied by η — the update is then θ ← θ − (η·g), one pass over θ. The
        float64 path never folds: it keeps the exact order of operations of the step view."""
        c = self.config
        if (self.dtype == np.float32 and c.method == "sgd" and self.trainable is None
                and (c.regularization == "none" or c.regularization_rate == 0)):
            return c.learning_rate
        return None

    def step(self, theta: np.ndarray, grad: np.ndarray) -> None:
        """θ ← update(θ, g) in place. ``grad`` is used as scratch and is clobbered."""
        c = self.config
        if self.folded:
            theta -= grad
            self.t += 1
            return
        tmp = self._tmp
        if c.regularization != "none" and c.regularization_rate > 0:
            if c.regularization == "l2":
                np.multiply(theta, self.weight_mask, out=tmp)
            else:
                np.sign(theta, out=tmp)
                tmp *= self.weight_mask
            tmp *= c.regularization_rate
            grad += tmp
        if self.trainable is not None:
            grad *= self.trainable
        self.t += 1
        if c.method == "sgd":
            grad *= c.learning_rate
            theta -= grad
        elif c.method == "momentum":
            v = self.velocity
            v *= c.momentum
            grad *= c.learning_rate
            v -= grad
            theta += v
        else:
            m, s = self.m, self.s
            m *= c.beta1
            m += (1.0 - c.beta1) * grad
            s *= c.beta2
            np.multiply(grad, grad, out=tmp)
            tmp *= (1.0 - c.beta2)
            s += tmp
            bias1 = 1.0 - c.beta1 ** self.t
            bias2 = 1.0 - c.beta2 ** self.t
            np.divide(s, bias2, out=tmp)
            np.sqrt(tmp, out=tmp)
            tmp += c.epsilon
            np.divide(m, tmp, out=tmp)
            tmp *= c.learning_rate / bias1
            theta -= tmp
