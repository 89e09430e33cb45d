"""A scalar computational graph you can step through, one gate at a time (micrograd-style).

Every node holds one number. A gate computes ``out`` from its inputs (forward); given
g = ∂f/∂out from above it sends g · ∂out/∂in_k to each input k (backward). Each op's
forward rule and local derivatives are one ``OpRule`` in ``core.graph_rules`` (``OPS``, with
the table of all of them).

Where a value fans out (used by several gates, or twice by one) the contributions add:
∂f/∂x = Σ over its uses. ``Graph.nodes`` is in a topological order (inputs, then constants,
then gates, output last); backward visits it in reverse, so a node's gradient is complete
when its turn comes. ``forward_step``/``backward_step`` do one node, for a stepper.
"""
from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from typing import Mapping, Sequence

from .errors import EngineError
from .graph_rules import OPS, OutOfDomain
from .messages import Message as M

LEAF_OPS = ("input", "const")


class GraphError(EngineError, ArithmeticError):
    """A graph could not be built or evaluated (log of a negative number, overflow, bad step)."""


# ------------------------------------------------------------------------- records
@dataclass(eq=False)
class Node:
    """One node. ``const`` is a const node's value, or the exponent p of a pow node."""

    id: int
    op: str
    inputs: tuple[int, ...] = ()
    name: str | None = None
    const: float | None = None
    value: float | None = None
    grad: float | None = None
    label: str | None = None
    """Optional tag for a gate (e.g. ``z1[0]`` in an unrolled network)."""

    @property
    def is_leaf(self) -> bool:
        return self.op in LEAF_OPS


@dataclass(frozen=True)
class InputRule:
    """What one input of a gate receives: contribution = upstream · local."""

    node: int
    value: float
    local: float
    tag: str
    contribution: float | None


@dataclass(frozen=True)
class GateExplanation:
    """A gate's forward value and local backward rule, with numbers and no words."""

    node: int
    op: str
    const: float | None
    output: float
    upstream: float | None
    """∂f/∂out as accumulated so far (None until backward reaches the node)."""
    inputs: tuple[InputRule, ...]


# ------------------------------------------------------------------------- the graph
class Graph:
    """A scalar graph in topological order, evaluated (and differentiated) node by node."""

    def __init__(self, nodes: Sequence[Node], output: int):
        self.nodes: list[Node] = list(nodes)
        self.output = int(output)
        self._inputs: dict[str, int] = {}
        consumers: list[list[int]] = [[] for _ in self.nodes]
        for k, node in enumerate(self.nodes):
            if node.id != k:
                raise GraphError(f"node {k} carries id {node.id}")
            if node.op == "input":
                if not node.name or node.name in self._inputs:
                    raise GraphError(f"input node {k} needs a unique name, got {node.name!r}")
                self._inputs[node.name] = k
            elif node.op == "const":
                if node.const is None or not math.isfinite(node.const):
                    raise GraphError(f"const node {k} needs a finite value")
            elif node.op not in OPS:
                raise GraphError(f"unknown operation {node.op!r} at node {k}")
            else:
                _check_arity(node.op, len(node.inputs))
            for i in node.inputs:
                if not 0 <= i < k:
                    raise GraphError(f"node {k} uses node {i}, which does not come before it")
                if k not in consumers[i]:
                    consumers[i].append(k)
        if not 0 <= self.output < len(self.nodes):
            raise GraphError(f"output node {self.output} does not exist")
        self._consumers = [tuple(c) for c in consumers]
        self._input_values: dict[str, float] = {}
        self._stepped: set[int] = set()

    def __len__(self) -> int:
        return len(self.nodes)

    @property
    def inputs(self) -> dict[str, int]:
        """Variable name → input node id, in node order."""
        return dict(self._inputs)

    @property
    def input_values(self) -> dict[str, float]:
        """The input values the graph currently holds (a copy)."""
        return dict(self._input_values)

    @property
    def value(self) -> float | None:
        return self.nodes[self.output].value

    def node(self, node_id: int) -> Node:
        if not 0 <= node_id < len(self.nodes):
            raise GraphError(f"there is no node {node_id}")
        return self.nodes[node_id]

    def consumers(self, node_id: int) -> tuple[int, ...]:
        """The gates that use node ``node_id`` (its gradient is their contributions' sum)."""
        self.node(node_id)
        return self._consumers[node_id]

    def forward_order(self) -> list[int]:
        return list(range(len(self.nodes)))

    def backward_order(self) -> list[int]:
        return list(range(len(self.nodes) - 1, -1, -1))

    # ----------------------------------------------------------------- forward
    def set_inputs(self, values: Mapping[str, float]) -> None:
        """Merge ``values`` into the held input values; clears every node value and gradient."""
        new = dict(self._input_values)
        for name, v in values.items():
            if name not in self._inputs:
                raise GraphError(M("graph.not_variable", "{name} is not a variable of this graph", name=repr(name)))
            try:
                v = float(v)
            except (TypeError, ValueError):
                raise GraphError(M("net.not_a_number", "{what}: {value} is not a number", what=name, value=repr(v))) from None
            if not math.isfinite(v):
                raise GraphError(M("net.not_finite", "{what}: must be a finite number, got {value}", what=name, value=v))
            new[name] = v
        self._input_values = new
        for node in self.nodes:
            node.value = None
        self.reset_grads()

    def forward_step(self, node_id: int) -> float:
        """Compute one node's value from its inputs' (which must be computed already)."""
        node = self.node(node_id)
        if node.op == "input":
            if node.name not in self._input_values:
                raise GraphError(M("graph.no_value", "no value given for {name}", name=node.name))
            node.value = self._input_values[node.name]
            return node.value
        if node.op == "const":
            node.value = float(node.const)
            return node.value
        args = self._input_vals(node)
        try:
            out = OPS[node.op].forward(args, node.const)
        except OutOfDomain as err:
            raise GraphError(M("graph.at_node", "{reason} at node {node} ({op})", reason=err.args[0],
                               node=node_id, op=node.op)) from None
        except (OverflowError, ValueError, ZeroDivisionError):
            out = math.inf
        if not math.isfinite(out):
            raise GraphError(M("graph.too_large", "{op} at node {node} gave a value too large to represent",
                               op=node.op, node=node_id))
        node.value = float(out)
        return node.value

    def forward(self, values: Mapping[str, float] | None = None) -> float:
        """Set (some of) the inputs, compute every node, return f. Gradients are cleared."""
        self.set_inputs(values or {})
        for k in self.forward_order():
            self.forward_step(k)
        return self.nodes[self.output].value

    # ----------------------------------------------------------------- backward
    def reset_grads(self) -> None:
        for node in self.nodes:
            node.grad = None
        self._stepped.clear()

    def backward_step(self, node_id: int) -> None:
        """Send node ``node_id``'s gradient to its inputs (adding to what they hold).

        The output starts with ∂f/∂f = 1. Every other node must have received the
        contributions of all its consumers first (reverse topological order guarantees it).
        """
        node = self.node(node_id)
        if node_id in self._stepped:
            raise GraphError(f"node {node_id} has already sent its gradient back")
        if node.value is None:
            raise GraphError(M("graph.no_value_yet", "node {node} has no value yet: run the forward pass first",
                               node=node_id))
        waiting = [c for c in self._consumers[node_id] if c not in self._stepped]
        if waiting:
            raise GraphError(f"node {node_id} still waits for gradients from nodes {waiting}")
        if node.grad is None:  # the output: ∂f/∂f = 1; a node f does not use: 0
            node.grad = 1.0 if node_id == self.output else 0.0
        if not node.is_leaf:
            for k, local in zip(node.inputs, self._locals(node)):
                target = self.nodes[k]
                contribution = node.grad * local
                if not math.isfinite(contribution):
                    raise GraphError(M("graph.gradient_overflow", "the gradient at node {node} ({op}) overflowed",
                                       node=node_id, op=node.op))
                target.grad = contribution if target.grad is None else target.grad + contribution
        self._stepped.add(node_id)

    def backward(self) -> dict[str, float]:
        """All gradients ∂f/∂node (∂f/∂f = 1); returns those of the named inputs."""
        if self.value is None:
            self.forward()
        self.reset_grads()
        for k in self.backward_order():
            self.backward_step(k)
        return {name: self.nodes[k].grad or 0.0 for name, k in self._inputs.items()}

    def gradients(self) -> dict[str, float | None]:
        """∂f/∂name as held now (None where backward has not arrived yet)."""
        return {name: self.nodes[k].grad for name, k in self._inputs.items()}

    def local_rule(self, node_id: int) -> GateExplanation:
        """The gate's numbers: inputs, output, upstream gradient, local derivatives, products."""
        node = self.node(node_id)
        if node.value is None:
            raise GraphError(M("graph.no_value_yet", "node {node} has no value yet: run the forward pass first",
                               node=node_id))
        rules = []
        if not node.is_leaf:
            rule = OPS[node.op]
            for k, (i, local) in enumerate(zip(node.inputs, self._locals(node))):
                contribution = None if node.grad is None else node.grad * local
                rules.append(InputRule(i, self.nodes[i].value, local, rule.tag(k), contribution))
        return GateExplanation(node_id, node.op, node.const, node.value, node.grad, tuple(rules))

    def gradient_descent_step(self, lr: float) -> dict[str, float]:
        """x := x − lr·∂f/∂x for every input at the held values; returns the new values.

        The graph is then evaluated at the new values (gradients cleared).
        """
        lr = float(lr)
        if not math.isfinite(lr):
            raise GraphError(M("graph.learning_rate", "the learning rate must be a finite number, got {value}", value=lr))
        self.forward()
        grads = self.backward()
        new = {name: self._input_values[name] - lr * grads[name] for name in self._inputs}
        self.forward(new)
        return dict(new)

    # ----------------------------------------------------------------- helpers
    def _input_vals(self, node: Node) -> tuple[float, ...]:
        vals = tuple(self.nodes[i].value for i in node.inputs)
        if any(v is None for v in vals):
            missing = [i for i in node.inputs if self.nodes[i].value is None]
            raise GraphError(f"node {node.id} needs the values of nodes {missing} first")
        return vals

    def _locals(self, node: Node) -> tuple[float, ...]:
        try:
            locals_ = OPS[node.op].local(self._input_vals(node), node.value, node.const)
        except OutOfDomain as err:
            raise GraphError(M("graph.at_node", "{reason} at node {node} ({op})", reason=err.args[0],
                               node=node.id, op=node.op)) from None
        except (OverflowError, ZeroDivisionError, ValueError):  # e.g. 1/b² for a tiny b
            locals_ = (math.inf,)
        if not all(math.isfinite(v) for v in locals_):
            raise GraphError(M("graph.local_too_large", "the local derivative at node {node} ({op}) is too "
                               "large to represent", node=node.id, op=node.op))
        return locals_

    def __repr__(self) -> str:
        return f"Graph({len(self.nodes)} nodes, inputs={list(self._inputs)})"


def _check_arity(op: str, n: int) -> None:
    arity = OPS[op].arity
    if (arity and n != arity) or (not arity and n < 2):
        want = arity or "two or more"
        raise GraphError(f"{op} takes {want} input{'s' if arity != 1 else ''}, got {n}")


# ------------------------------------------------------------------------- building
class GraphBuilder:
    """Collects nodes, then ``build(output)`` keeps the output's ancestors in topological order.

    >>> b = GraphBuilder(); x, y, z = b.input("x"), b.input("y"), b.input("z")
    >>> g = b.build((x + y) * z)
    """

    def __init__(self, max_nodes: int | None = None):
        self._nodes: list[Node] = []
        self._names: dict[str, int] = {}
        self.max_nodes = max_nodes

    def _add(self, node: Node) -> "Value":
        if self.max_nodes is not None and len(self._nodes) >= self.max_nodes:
            raise GraphError(M("graph.too_many_nodes", "the graph would have more than {n} nodes",
                               n=self.max_nodes))
        node.id = len(self._nodes)
        self._nodes.append(node)
        return Value(self, node.id)

    def input(self, name: str) -> "Value":
        """The input node called ``name`` (created once: every use shares it)."""
        if name in self._names:
            return Value(self, self._names[name])
        v = self._add(Node(0, "input", name=str(name)))
        self._names[name] = v.id
        return v

    def const(self, value: float) -> "Value":
        value = float(value)
        if not math.isfinite(value):
            raise GraphError(f"a constant must be a finite number, got {value}")
        return self._add(Node(0, "const", const=value))

    def apply(self, op: str, *args: "Value | float", const: float | None = None,
              label: str | None = None) -> "Value":
        """A new gate ``op`` over ``args`` (numbers become const nodes)."""
        if op not in OPS:
            raise GraphError(f"unknown operation {op!r}")
        _check_arity(op, len(args))
        if op == "pow" and (const is None or not math.isfinite(const)):
            raise GraphError("pow needs a finite constant exponent")
        ids = tuple(self._id(a) for a in args)
        return self._add(Node(0, op, ids, const=None if const is None else float(const),
                              label=label))

    def _id(self, a: "Value | float") -> int:
        if isinstance(a, Value):
            if a.builder is not self:
                raise GraphError("cannot mix values from different graphs")
            return a.id
        return self.const(a).id

    def build(self, output: "Value | int") -> Graph:
        out = self._id(output) if isinstance(output, Value) else int(output)
        keep = {out}
        for k in range(out, -1, -1):
            if k in keep:
                keep.update(self._nodes[k].inputs)
        leaves = [n for n in self._nodes if n.id in keep and n.op == "input"]
        leaves += [n for n in self._nodes if n.id in keep and n.op == "const"]
        gates = [n for n in self._nodes if n.id in keep and not n.is_leaf]
        new_id = {n.id: k for k, n in enumerate(leaves + gates)}
        nodes = [Node(new_id[n.id], n.op, tuple(new_id[i] for i in n.inputs), n.name, n.const,
                      label=n.label) for n in leaves + gates]
        return Graph(nodes, new_id[out])


class Value:
    """A handle on a builder node with Python operators: ``(x + y) * z``, ``x ** 2``, ``x.exp()``."""

    __slots__ = ("builder", "id")

    def __init__(self, builder: GraphBuilder, node_id: int):
        self.builder = builder
        self.id = node_id

    def _op(self, op: str, *args, const: float | None = None) -> "Value":
        return self.builder.apply(op, *args, const=const)

    def __add__(self, o): return self._op("add", self, o)
    def __radd__(self, o): return self._op("add", o, self)
    def __sub__(self, o): return self._op("sub", self, o)
    def __rsub__(self, o): return self._op("sub", o, self)
    def __mul__(self, o): return self._op("mul", self, o)
    def __rmul__(self, o): return self._op("mul", o, self)
    def __truediv__(self, o): return self._op("div", self, o)
    def __rtruediv__(self, o): return self._op("div", o, self)
    def __neg__(self): return self._op("neg", self)

    def __pow__(self, p: float) -> "Value":
        if not isinstance(p, numbers.Real) or isinstance(p, bool):
            raise GraphError("the exponent of ** must be a constant number")
        return self._op("pow", self, const=p)

    def exp(self): return self._op("exp", self)
    def log(self): return self._op("log", self)
    def relu(self): return self._op("relu", self)
    def sigmoid(self): return self._op("sigmoid", self)
    def tanh(self): return self._op("tanh", self)
    def max(self, *others): return self._op("max", self, *others)
    def min(self, *others): return self._op("min", self, *others)

    def __repr__(self) -> str:
        return f"Value(node {self.id})"
