"""Qualitative predictions about training, checked by running the engine.

Two kinds of choice question (``ChoiceQuestion``):

    loss_after_epochs    "After N epochs with learning rate η, will the training loss be lower,
                         higher, or will training diverge (NaN)?"  choices: lower, higher, diverges
                         Run: a ``Trainer`` on the project's data set (its single sample when it
                         has none), N epochs with η, the project's other settings and seed.
                         lower / higher compare the mean training loss after with before;
                         diverges when the engine's divergence watch stops the run
                         (``core.divergence``: a NaN or exploding loss or weight).
    output_after_update  "After this update, will output neuron i move up, down, or stay?"
                         choices: up, down, unchanged — the step's own update
                         (``core.stepping``), the output recomputed with the new weights;
                         unchanged within 1e-12 relative. The decision value of a classifier at
                         the sample is this output: up moves the boundary so that the sample
                         lies further on the positive side.

``run_outcome`` does the run (long runs: call it off the GUI thread; ``stop()`` cancels, then
it returns None) and ``Outcome.choice`` is what happened. Lesson files hold these questions as
JSON (``parse_choice_question``; field paths in errors, never eval).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Callable

from .errors import DocumentError, EngineError
from .messages import Message as M

CHOICES = {"loss_after_epochs": ("lower", "higher", "diverges"),
           "output_after_update": ("up", "down", "unchanged")}
TRAINING_KINDS = tuple(CHOICES)
MAX_EPOCHS = 10000


@dataclass(frozen=True)
class ChoiceQuestion:
    kind: str
    epochs: int = 100
    """loss_after_epochs: how many epochs to train."""
    learning_rate: float | None = None
    """loss_after_epochs: η for the run (None: the project's)."""
    neuron: int = 1
    """output_after_update: the output neuron (1-based)."""

    @property
    def choices(self) -> tuple[str, ...]:
        return CHOICES[self.kind]


@dataclass(frozen=True)
class Outcome:
    choice: str
    """What happened: one of the question's choices."""
    before: float
    after: float
    """The loss (or output) before and after; ``after`` is NaN for a diverged run."""
    epochs: float = 0.0
    """Epochs trained (loss_after_epochs; where a diverged run stopped)."""
    divergence: str = ""
    """For diverges: which rule of ``core.divergence`` fired (its code, e.g. "loss_exploded")."""

    def matches(self, choice: str) -> bool:
        return choice == self.choice


def run_outcome(q: ChoiceQuestion, project, stop: Callable[[], bool] | None = None,
                progress: Callable[[float], None] | None = None) -> Outcome | None:
    if q.kind == "output_after_update":
        return _output_outcome(q, project)
    return _loss_outcome(q, project, stop, progress)


def _output_outcome(q: ChoiceQuestion, project) -> Outcome:
    from .exercise import step_cursor
    from .forward import predict
    c = step_cursor(project)
    if not 1 <= q.neuron <= c.network.output_size:
        raise EngineError(f"there is no output neuron {q.neuron}")
    before = float(c.output[q.neuron - 1])
    after = float(predict(c.updated_network(), c.forward_trace.x)[0, q.neuron - 1])
    if abs(after - before) <= 1e-12 * max(1.0, abs(before)):
        choice = "unchanged"
    else:
        choice = "up" if after > before else "down"
    return Outcome(choice, before, after)


def _loss_outcome(q, project, stop, progress) -> Outcome | None:
    from .training import Trainer
    try:
        data = project.train_data()
    except EngineError:
        data = project.sample_train_data()
    opt = project.optimizer
    if q.learning_rate is not None:
        opt = replace(opt, learning_rate=float(q.learning_rate))
    every = max(1, q.epochs // 50)
    cfg = project.train_config(optimizer=opt, max_epochs=q.epochs, target_loss=None,
                               snapshot_every=every)
    trainer = Trainer(project.network, data, cfg)
    before = trainer.evaluate()[0]
    last = None
    for snap in trainer.run(stop):
        last = snap
        if progress is not None:
            progress(min(1.0, snap.epoch / q.epochs) if q.epochs else 1.0)
    if last is None or last.reason == "stopped":
        return None
    if last.reason == "diverged" or not math.isfinite(last.train_loss):
        code = last.divergence.code if last.divergence is not None else "non_finite"
        return Outcome("diverges", before, math.nan, last.epoch, code)
    after = last.train_loss
    return Outcome("lower" if after < before else "higher", before, after, last.epoch)


# ---------------------------------------------------------------- JSON
def parse_choice_question(obj, where: str = "question") -> ChoiceQuestion:
    from .json_fields import type_name
    if not isinstance(obj, dict):
        raise DocumentError(where, M("doc.expected_object", "expected an object, got {got}",
                                     got=type_name(obj)))
    fields = {"kind", "epochs", "learning_rate", "neuron"}
    for key in obj:
        if key not in fields:
            raise DocumentError(f"{where}.{key}", M("doc.unknown_field", "unknown field"))
    kind = obj.get("kind")
    if kind is None:
        raise DocumentError(f"{where}.kind", M("doc.missing", "missing"))
    if not isinstance(kind, str) or kind not in CHOICES:
        raise DocumentError(f"{where}.kind", M("doc.not_one_of", "{value} is not one of: {choices}",
                                               value=kind if isinstance(kind, str) else type_name(kind),
                                               choices=", ".join(TRAINING_KINDS)))
    own = {"loss_after_epochs": ("epochs", "learning_rate"), "output_after_update": ("neuron",)}[kind]
    for key in obj:
        if key != "kind" and key not in own:
            raise DocumentError(f"{where}.{key}", M("exercise.not_for_kind",
                                                    "a {kind} question has no {field}",
                                                    kind=kind, field=key))
    out = ChoiceQuestion(kind)
    for key, lo, hi in (("epochs", 1, MAX_EPOCHS), ("neuron", 1, None)):
        if key in obj:
            v = obj[key]
            if isinstance(v, bool) or not isinstance(v, int) or v < lo or (hi is not None and v > hi):
                got = type_name(v) if isinstance(v, bool) or not isinstance(v, (int, float)) else v
                if hi is None:
                    raise DocumentError(f"{where}.{key}", M(
                        "exercise.integer_min", "expected an integer ≥ {lo}, got {got}", lo=lo, got=got))
                raise DocumentError(f"{where}.{key}", M(
                    "exercise.integer_range", "expected an integer {lo}…{hi}, got {got}",
                    lo=lo, hi=hi, got=got))
            out = replace(out, **{key: v})
    if obj.get("learning_rate") is not None:
        v = obj["learning_rate"]
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or not 0 < v <= 100:
            raise DocumentError(f"{where}.learning_rate", M(
                "exercise.number_range", "expected a number in {range}, got {got}",
                range="(0, 100]", got=type_name(v) if isinstance(v, (bool, str, list, dict)) or v is None else v))
        out = replace(out, learning_rate=float(v))
    return out


def choice_question_to_json(q: ChoiceQuestion) -> dict:
    if q.kind == "output_after_update":
        return {"kind": q.kind, "neuron": q.neuron}
    out = {"kind": q.kind, "epochs": q.epochs}
    if q.learning_rate is not None:
        out["learning_rate"] = q.learning_rate
    return out
