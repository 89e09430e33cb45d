"""Training as a plain generator: epochs of mini-batch steps, yielding immutable snapshots.

No threads here. The window's worker thread drives ``Trainer.run`` (or ``train_steps``) and
passes the snapshots to the GUI; the command line and the tests iterate it directly.

One epoch visits every training sample once, in an order shuffled by a generator seeded
with (seed, epoch), split into batches of ``batch_size`` (the last batch may be smaller; a
batch that holds the whole set keeps the data's own order: its mean gradient has no order):
batch_size = 1 is stochastic gradient descent, batch_size ≥ n (or 0) is batch gradient
descent, anything between is mini-batch. The reported losses are the mean per-sample loss
over the whole train / test set under the current parameters, never including the
regularization penalty.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterator

import numpy as np

from .divergence import Divergence, DivergenceWatch
from .errors import EngineError
from .messages import Message as M
from .kernel import FlatParams, Kernel, augment
from .losses import check_pairing, get_loss
from .network import Network
from .optim import Optimizer
from . import problem
from .train_records import TrainConfig, TrainData, TrainerState, TrainSnapshot


class Trainer:
    """Trains its own copy of a network; ``params()`` / snapshots hand the results out."""

    def __init__(self, net: Network, data: TrainData, config: TrainConfig):
        check_pairing(get_loss(config.loss), net.layers[-1].activation)
        if data.x_train.ndim != 2 or data.x_train.shape[1] != net.input_size:
            raise EngineError(M("train.features", "training inputs have {got} features, the network expects {n}",
                                got=data.x_train.shape[-1], n=net.input_size))
        if len(data.x_train) == 0:
            raise EngineError(M("train.no_samples", "there are no training samples"))
        self.net = net.copy()
        self.data = data
        self.config = config
        self.flat = FlatParams(self.net, config.precision)
        self.dtype = self.flat.dtype
        self.kernel = Kernel(self.net, config.loss, self.flat)
        self.optimizer = Optimizer(config.optimizer, self.flat.theta.size, self.flat.is_weight,
                                   self.net.trainable_vector(), self.dtype)
        self.loss = get_loss(config.loss)
        self.output_activation = self.net.layers[-1].activation
        self._x_aug = augment(data.x_train, self.dtype)
        self._y_train = np.asarray(data.y_train, dtype=self.dtype)
        self._fold_learning_rate()
        self.kernel.one_hot = bool(len(self._y_train)) and bool(np.all(self._y_train.sum(axis=1) == 1))
        self.step = 0
        self.epoch = 0
        self._perm: np.ndarray | None = None
        self._xs = self._ys = None
        self._pos = 0
        self.diverged = False
        self.divergence: Divergence | None = None
        self._watch = DivergenceWatch(self._loss_on(data.x_train, self.data.y_train)[0],
                                      self.flat.theta)

    # ------------------------------------------------------------ state
    def state(self) -> TrainerState:
        w = self._watch
        return TrainerState(self.flat.theta.copy(), self.config, self.optimizer.state(),
                            self.step, self.epoch, self._pos,
                            None if self._perm is None else self._perm.copy(), self.diverged,
                            self.divergence, (w.start_loss, w.good.copy(), w._rising_since))

    def restore(self, state: TrainerState) -> None:
        """Continue from ``state`` (taken from a Trainer on the same network and data)."""
        if state.theta.shape != self.flat.theta.shape:
            raise EngineError("the training state belongs to another network")
        self.flat.theta[...] = state.theta
        self.config = state.config
        self.optimizer.restore(state.optimizer)
        self.step, self.epoch, self._pos = state.step, state.epoch, state.pos
        self.diverged, self.divergence = state.diverged, state.divergence
        w = self._watch
        w.start_loss, w._rising_since = state.watch[0], state.watch[2]
        w.good = state.watch[1].copy()
        n = len(self.data.x_train)
        if state.perm is None:
            self._perm = self._xs = self._ys = None
        else:
            self._perm = state.perm.copy()
            if self.batch_size == n and np.array_equal(self._perm, np.arange(n)):
                self._xs, self._ys = self._x_aug, self._y_train
            else:
                self._xs, self._ys = self._x_aug[self._perm], self._y_train[self._perm]
        self._fold_learning_rate()

    def __reduce__(self):
        """Pickled (to a training process) as its network, data and state: the kernel holds
        views and compiled rules that are rebuilt, not copied."""
        return (_rebuild_trainer, (self.net, self.data, self.config, self.state()))

    # ------------------------------------------------------------ configuration
    def set_config(self, config: TrainConfig) -> None:
        """Change learning rate, optimizer settings, batch size or stop rules mid-run."""
        if config.loss != self.config.loss:
            raise EngineError(M("train.loss_changed", "the loss cannot change during a run; start a new run"))
        if config.precision != self.config.precision:
            raise EngineError(M("train.precision_changed",
                                "the precision cannot change during a run; start a new run"))
        self.config = config
        self.optimizer.set_config(config.optimizer)
        self._fold_learning_rate()

    def _fold_learning_rate(self) -> None:
        rate = self.optimizer.foldable_rate()
        self.optimizer.folded = rate is not None
        self.kernel.set_scale(1.0 if rate is None else rate)

    def set_learning_rate(self, lr: float) -> None:
        self.set_config(replace(self.config, optimizer=self.config.optimizer.with_learning_rate(lr)))

    @property
    def batch_size(self) -> int:
        n = len(self.data.x_train)
        b = int(self.config.batch_size)
        return n if b <= 0 or b > n else b

    # ------------------------------------------------------------ stepping
    def _next_batch(self) -> tuple[np.ndarray, np.ndarray]:
        n = len(self.data.x_train)
        if self._perm is None or self._pos >= n:
            self._next_batch_reset()
        lo, hi = self._pos, min(self._pos + self.batch_size, n)
        self._pos = hi
        return self._xs[lo:hi], self._ys[lo:hi]

    def train_steps(self, count: int) -> None:
        """Make ``count`` parameter updates (crossing epoch boundaries as needed)."""
        with np.errstate(over="ignore"):      # sigmoid: e^(−z) = inf for z ≪ 0 gives a = 0
            self._train_steps(int(count))

    def _train_steps(self, count: int) -> None:
        kernel, opt, theta, grad = self.kernel, self.optimizer, self.flat.theta, self.flat.grad
        if count > 0 and self.batch_size == len(self.data.x_train):
            # batch gradient descent: every step is one whole epoch in the fixed order
            if self._perm is None or self._pos >= len(self.data.x_train):
                self._next_batch_reset()
            if self._pos == 0:
                xs, ys, step, update = self._xs, self._ys, kernel.gradient_aug, opt.step
                for _ in range(count - 1):
                    step(xs, ys)
                    update(theta, grad)
                self.epoch += count - 1
                step(xs, ys)
                update(theta, grad)
                self._pos = len(xs)
                self.step += count
                return
        for _ in range(count):
            xb, yb = self._next_batch()
            kernel.gradient_aug(xb, yb)
            opt.step(theta, grad)
        self.step += count

    def train_epoch(self) -> None:
        """Finish the current epoch (or run one whole epoch when at an epoch boundary)."""
        n = len(self.data.x_train)
        if self._perm is None or self._pos >= n:
            self._next_batch_reset()
        remaining = -(-(n - self._pos) // self.batch_size)
        self.train_steps(remaining)

    def _next_batch_reset(self) -> None:
        if self._perm is not None:
            self.epoch += 1
        n = len(self.data.x_train)
        if self.batch_size == n:
            # one batch holds the whole set: its mean does not depend on the order, so none is drawn
            if self._perm is None or self._xs is not self._x_aug:
                self._perm = np.arange(n)
                self._xs, self._ys = self._x_aug, self._y_train
        else:
            rng = np.random.default_rng([self.config.seed, self.epoch])
            self._perm = rng.permutation(n)
            self._xs = self._x_aug[self._perm]
            self._ys = self._y_train[self._perm]
        self._pos = 0

    @property
    def steps_per_epoch(self) -> int:
        n = len(self.data.x_train)
        return -(-n // self.batch_size)

    def steps_to_epoch(self, target: float) -> int:
        """Updates still needed until ``epochs_done`` first reaches ``target`` (0 if it has)."""
        if self.epochs_done >= target:
            return 0
        n, b = len(self.data.x_train), self.batch_size
        at_boundary = self._perm is None or self._pos >= n
        rest = 0 if at_boundary else -(-(n - self._pos) // b)
        done = self.epoch + (0 if self._perm is None else 1)
        # ``done``: whole epochs completed once ``rest`` steps finish the current one
        steps = rest
        while done < target:
            if target - done >= 1:
                whole = int(target - done)
                steps += whole * self.steps_per_epoch
                done += whole
            else:       # a fractional target inside the next epoch
                steps += max(1, -(-int(round((target - done) * n)) // b))
                break
        return steps

    @property
    def epochs_done(self) -> float:
        n = len(self.data.x_train)
        if self._perm is None:
            return 0.0
        return self.epoch + self._pos / n

    # ------------------------------------------------------------ evaluation
    def _loss_on(self, x: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
        out = self.kernel.forward(x)
        z = self.kernel.plan(x.shape[0]).z[-1]
        with np.errstate(all="ignore"):
            return float(np.mean(self.loss.value(z, out, y))), out

    def evaluate(self) -> tuple[float, float | None, float | None, float | None]:
        train_loss, test_loss, train_m, test_m = self._evaluate()
        return (train_loss, test_loss, train_m.accuracy,
                None if test_m is None else test_m.accuracy)

    def _evaluate(self):
        """(train loss, test loss, train metrics, test metrics): one forward pass per set."""
        d, kind, act = self.data, self.data.kind, self.output_activation
        train_loss, out = self._loss_on(d.x_train, d.y_train)
        train_m = problem.set_metrics(out, d.labels_train, kind, act, d.n_classes)
        if len(d.x_test):
            test_loss, out = self._loss_on(d.x_test, d.y_test)
            test_m = problem.set_metrics(out, d.labels_test, kind, act, d.n_classes)
        else:
            test_loss, test_m = None, None
        return train_loss, test_loss, train_m, test_m

    def snapshot(self, reason: str | None = None) -> TrainSnapshot:
        """Evaluate the current parameters. A run that has diverged (``core.divergence``: a
        non-finite or exploding loss or weight, or a loss that rose far above its start and
        stayed there) rolls back to the last good parameters and reports
        ``reason="diverged"``; ``step`` and ``epoch`` then say when it diverged."""
        train_loss, test_loss, train_m, test_m = self._evaluate()
        message = ""
        if self.divergence is None:
            self.divergence = self._watch.check(train_loss, self.flat.theta, self.epochs_done)
        if self.divergence is not None:
            self.diverged = True
            self.flat.theta[...] = self._watch.good
            reason, message = "diverged", self.divergence.message()
            train_loss, test_loss, train_m, test_m = self._evaluate()
        return TrainSnapshot(self.step, self.epochs_done, train_loss, test_loss, train_m.accuracy,
                             None if test_m is None else test_m.accuracy,
                             tuple(self.flat.params()), reason is not None, reason, message,
                             self.divergence, train_m, test_m)

    def with_stop_rules(self, snap: TrainSnapshot) -> TrainSnapshot:
        """``snap`` marked finished if a stop rule holds: the train loss reached
        ``target_loss`` (checked first), or ``max_epochs`` epochs are done. Every driver of a
        Trainer (the generator, the window's live loop) stops by this one rule."""
        cfg = self.config
        if snap.reason is None and cfg.target_loss is not None and snap.train_loss <= cfg.target_loss:
            return replace(snap, finished=True, reason="target_loss")
        if snap.reason is None and cfg.max_epochs is not None and self.epochs_done >= cfg.max_epochs:
            return replace(snap, finished=True, reason="max_epochs")
        return snap

    def _remember_if_finite(self) -> bool:
        """Check an epoch between snapshots: False once the run has diverged."""
        loss, _ = self._loss_on(self.data.x_train, self.data.y_train)
        if self.divergence is None:
            self.divergence = self._watch.check(loss, self.flat.theta, self.epochs_done)
        return self.divergence is None

    def params(self) -> list[tuple[np.ndarray, np.ndarray]]:
        return self.flat.params()

    def network(self) -> Network:
        """A copy of the network with the current parameters."""
        net = self.net.copy()
        net.set_params(self.flat.params())
        return net

    # ------------------------------------------------------------ the generator
    def run(self, stop: Callable[[], bool] | None = None) -> Iterator[TrainSnapshot]:
        """Train epoch by epoch, yielding a snapshot every ``snapshot_every`` epochs.

        Ends (with a final snapshot whose ``reason`` says why) at ``max_epochs``, when the
        train loss reaches ``target_loss``, when ``stop()`` returns true, or on divergence.
        """
        cfg = self.config
        while True:
            if self.diverged:
                yield self.snapshot("diverged")
                return
            if stop is not None and stop():
                yield self.snapshot("stopped")
                return
            if cfg.max_epochs is not None and self.epochs_done >= cfg.max_epochs:
                yield self.snapshot("max_epochs")
                return
            for i in range(cfg.snapshot_every):
                self.train_epoch()
                if cfg.max_epochs is not None and self.epochs_done >= cfg.max_epochs:
                    break
                # between snapshots every epoch is still checked, so a divergence rolls back
                # to the end of the last finite epoch, not to the previous snapshot
                if i < cfg.snapshot_every - 1 and not self._remember_if_finite():
                    break
            snap = self.with_stop_rules(self.snapshot())
            yield snap
            if snap.finished:
                return
            cfg = self.config


def _rebuild_trainer(net: Network, data: TrainData, config: TrainConfig,
                     state: TrainerState) -> "Trainer":
    trainer = Trainer(net, data, config)
    trainer.restore(state)
    return trainer


def train(net: Network, data: TrainData, config: TrainConfig,
          stop: Callable[[], bool] | None = None) -> Iterator[TrainSnapshot]:
    """Train a copy of ``net``; yields snapshots (see ``Trainer.run``). ``net`` is not changed."""
    return Trainer(net, data, config).run(stop)
