"""A position in one forward-then-backward walk over a scalar Graph (no Qt).

The walk is ``graph.forward_order()`` (one ``forward_step`` each) followed by
``graph.backward_order()`` (one ``backward_step`` each). ``position`` counts the steps done.
Going anywhere, backwards included, replays the walk from scratch up to that position, so the
graph's numbers are always exactly those of the steps taken (simple and always right).
"""
from __future__ import annotations

from typing import Mapping

from core.scalar_graph import Graph, GraphError


class GraphStepper:
    def __init__(self, graph: Graph, values: Mapping[str, float] | None = None):
        self.graph = graph
        self.values: dict[str, float] = dict(graph.input_values if values is None else values)
        self.sequence: list[tuple[str, int]] = (
            [("forward", k) for k in graph.forward_order()] +
            [("backward", k) for k in graph.backward_order()])
        self.n_forward = len(graph.forward_order())
        self.position = 0
        self.goto(0)

    # ------------------------------------------------------------ state
    @property
    def end(self) -> int:
        return len(self.sequence)

    @property
    def current(self) -> tuple[str, int] | None:
        """(phase, node id) of the last step taken, None at the start."""
        return self.sequence[self.position - 1] if self.position else None

    @property
    def forward_done(self) -> bool:
        return self.position >= self.n_forward

    @property
    def backward_done(self) -> bool:
        return self.position >= self.end

    def stepped_backward(self) -> set[int]:
        """Nodes that have sent their gradient back so far."""
        return {k for _, k in self.sequence[self.n_forward:self.position]}

    def used_by_stepped(self, node_id: int) -> list[int]:
        """Consumers of ``node_id`` that have already sent it a gradient, in arrival order."""
        done = self.stepped_backward()
        return sorted((c for c in self.graph.consumers(node_id) if c in done), reverse=True)

    # ------------------------------------------------------------ moving
    def goto(self, position: int) -> None:
        """Replay from scratch up to ``position`` (clamped). A GraphError stops the replay
        just before the failing step, leaves ``position`` there and is raised."""
        position = max(0, min(int(position), self.end))
        self.graph.set_inputs(self.values)          # clears every value and gradient
        self.position = 0
        for phase, k in self.sequence[:position]:
            if phase == "forward":
                self.graph.forward_step(k)
            else:
                self.graph.backward_step(k)
            self.position += 1

    def step(self) -> None:
        """One step further (nothing at the end)."""
        if self.position >= self.end:
            return
        phase, k = self.sequence[self.position]
        try:
            if phase == "forward":
                self.graph.forward_step(k)
            else:
                self.graph.backward_step(k)
        except GraphError:
            self.goto(self.position)                 # drop a half-sent gradient
            raise
        self.position += 1

    def step_back(self) -> None:
        self.goto(self.position - 1)

    def set_values(self, values: Mapping[str, float]) -> None:
        """New input values; the walk starts again from the beginning."""
        self.values.update(values)
        self.goto(0)
