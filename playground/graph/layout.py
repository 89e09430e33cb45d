"""Where each node of a scalar graph goes: a layered, left-to-right layout (no Qt, no maths).

Columns: a gate sits one column right of its deepest input (longest path from the leaves),
so the output, which every node feeds, is the rightmost column. Constants sit in the column
just left of the first gate that uses them (a ``1`` of ``1 + e^−z`` stays next to its gate,
not across the whole picture). Inputs go in column 0, or, with ``inputs_near=True`` (networks
unrolled into many parameters), also just left of their first use, so a layer's weights
stand next to that layer's gates.

Rows: columns are centred vertically; the order within a column is improved by a few
barycentre sweeps (each node moves towards the mean height of the nodes it is joined to),
the usual heuristic to cut edge crossings.
"""
from __future__ import annotations

from dataclasses import dataclass

COLUMN_GAP = 132.0
ROW_GAP = 96.0
SWEEPS = 6


@dataclass(frozen=True)
class GraphLayout:
    column: dict[int, int]
    """Node id → column (0 = leftmost)."""
    position: dict[int, tuple[float, float]]
    """Node id → centre (x, y) in scene units."""

    @property
    def n_columns(self) -> int:
        return 1 + max(self.column.values(), default=-1)


def columns_of(graph, inputs_near: bool = False) -> dict[int, int]:
    """Column of each node (see the module docstring)."""
    nodes = graph.nodes
    col: dict[int, int] = {}
    for node in nodes:                           # topological order: inputs come first
        col[node.id] = 0 if node.is_leaf else 1 + max(col[i] for i in node.inputs)
    for node in nodes:
        if node.op == "const" or (inputs_near and node.op == "input"):
            users = graph.consumers(node.id)
            if users:
                col[node.id] = max(0, min(col[c] for c in users) - 1)
    return col


def layout_graph(graph, inputs_near: bool = False,
                 extent: dict[int, float] | None = None) -> GraphLayout:
    """Columns and row order for every node of ``graph``; positions in scene units.

    ``extent``: the height each node needs with its labels (``ROW_GAP`` if not given)."""
    extent = extent or {}
    col = columns_of(graph, inputs_near)
    n_cols = 1 + max(col.values(), default=-1)
    members: list[list[int]] = [[] for _ in range(n_cols)]
    for node in graph.nodes:
        members[col[node.id]].append(node.id)
    # in-column starting order: leaves by first use (keeps x, y, z as written), gates by id
    first_use = {n.id: min(graph.consumers(n.id), default=n.id) for n in graph.nodes}
    for ids in members:
        ids.sort(key=lambda k: (first_use[k] if graph.nodes[k].is_leaf else k, k))
    ins = {n.id: tuple(dict.fromkeys(n.inputs)) for n in graph.nodes}
    outs = {n.id: graph.consumers(n.id) for n in graph.nodes}

    def heights() -> dict[int, float]:
        y = {}
        for ids in members:
            top = -sum(extent.get(k, ROW_GAP) for k in ids) / 2.0
            for k in ids:
                h = extent.get(k, ROW_GAP)
                y[k] = top + h / 2.0
                top += h
        return y

    y = heights()
    for sweep in range(SWEEPS):
        left_to_right = sweep % 2 == 0
        order = range(n_cols) if left_to_right else range(n_cols - 1, -1, -1)
        for c in order:
            ids = members[c]
            if len(ids) < 2:
                continue

            def centre(k: int) -> float:
                near = ins[k] if left_to_right else outs[k]
                near = near or (outs[k] if left_to_right else ins[k])
                return sum(y[j] for j in near) / len(near) if near else y[k]

            ids.sort(key=lambda k: (centre(k), y[k]))
            y = heights()
    position = {k: (col[k] * COLUMN_GAP, y[k]) for k in col}
    return GraphLayout(col, position)


def crossings(graph, layout: GraphLayout) -> int:
    """Edge pairs that cross between adjacent columns (a quality measure for tests)."""
    edges = [(i, n.id) for n in graph.nodes for i in n.inputs]
    pos = layout.position
    count = 0
    for a in range(len(edges)):
        s1, t1 = edges[a]
        for b in range(a + 1, len(edges)):
            s2, t2 = edges[b]
            if layout.column[s1] != layout.column[s2] or layout.column[t1] != layout.column[t2]:
                continue
            if len({s1, t1, s2, t2}) < 4:
                continue
            if (pos[s1][1] - pos[s2][1]) * (pos[t1][1] - pos[t2][1]) < 0:
                count += 1
    return count
