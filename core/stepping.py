"""The step cursor: one training step on one sample (or batch), revealed a stage at a time.

Stages, in order, for a network with L weight layers:

    start → forward 1 … forward L → loss → backward L … backward 1 → update

All numbers are computed once, when the cursor is made (they do not depend on how far the
user has stepped); the cursor only says which of them have been *reached*. The window's Step
buttons call ``advance`` and ``back``; views ask ``shows_forward(l)`` etc. before drawing a value.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .backward import BackwardTrace, backward
from .forward import ForwardTrace, forward
from .network import Network
from .optim import OptimizerConfig
from .update import UpdateResult, gradient_step

STAGE_KINDS = ("start", "forward", "loss", "backward", "update")


@dataclass(frozen=True)
class Stage:
    kind: str
    """One of start, forward, loss, backward, update."""
    layer: int | None = None
    """The weight layer (1-based) for forward and backward stages."""


def stages_for(depth: int) -> tuple[Stage, ...]:
    return ((Stage("start"),)
            + tuple(Stage("forward", l) for l in range(1, depth + 1))
            + (Stage("loss"),)
            + tuple(Stage("backward", l) for l in range(depth, 0, -1))
            + (Stage("update"),))


class StepCursor:
    """Which stage of one exposed training step has been reached."""

    def __init__(self, net: Network, x, y, loss_name: str, optimizer: OptimizerConfig,
                 position: int = 0):
        self.network = net.copy()
        self.loss_name = loss_name
        self.optimizer = optimizer
        self.forward_trace: ForwardTrace = forward(self.network, x)
        self.backward_trace: BackwardTrace = backward(self.network, self.forward_trace, y, loss_name)
        self.update: UpdateResult = gradient_step(self.network, self.backward_trace, optimizer)
        self.stages = stages_for(self.network.depth)
        self.position = max(0, min(int(position), len(self.stages) - 1))

    # ------------------------------------------------------------ moving
    @property
    def stage(self) -> Stage:
        return self.stages[self.position]

    @property
    def at_start(self) -> bool:
        return self.position == 0

    @property
    def at_end(self) -> bool:
        return self.position == len(self.stages) - 1

    def advance(self) -> Stage:
        if not self.at_end:
            self.position += 1
        return self.stage

    def back(self) -> Stage:
        if not self.at_start:
            self.position -= 1
        return self.stage

    def reset(self) -> None:
        self.position = 0

    def advance_to(self, kind: str, layer: int | None = None) -> None:
        self.position = self.index_of(kind, layer)

    def index_of(self, kind: str, layer: int | None = None) -> int:
        return self.stages.index(Stage(kind, layer))

    def next_stage(self) -> Stage | None:
        return None if self.at_end else self.stages[self.position + 1]

    # ------------------------------------------------------------ what is visible
    def reached(self, kind: str, layer: int | None = None) -> bool:
        return self.position >= self.index_of(kind, layer)

    def shows_forward(self, layer: int) -> bool:
        """z and a of weight layer ``layer`` have been computed."""
        return layer == 0 or self.reached("forward", layer)

    def shows_loss(self) -> bool:
        return self.reached("loss")

    def shows_backward(self, layer: int) -> bool:
        """δ, ∂L/∂W and ∂L/∂b of layer ``layer`` have been computed."""
        return self.reached("backward", layer)

    def shows_update(self) -> bool:
        return self.reached("update")

    # ------------------------------------------------------------ convenience
    @property
    def output(self) -> np.ndarray:
        return self.forward_trace.output[0]

    @property
    def loss(self) -> float:
        return self.backward_trace.loss

    def updated_network(self) -> Network:
        return self.update.apply_to(self.network)
