"""The scalar graph: gate rules, fan-out, stepping, explanations, gradient descent."""
import math

import pytest

from core.errors import EngineError
from core.graph_rules import OPS, TAG_FORMULAS
from core.scalar_graph import GateExplanation, Graph, GraphBuilder, GraphError, InputRule, Node


def xyz_graph():
    """f = (x + y)·z, built with the operator API."""
    b = GraphBuilder()
    x, y, z = b.input("x"), b.input("y"), b.input("z")
    return b.build((x + y) * z)


def op_node(graph, op):
    (node,) = [n for n in graph.nodes if n.op == op]
    return node


def central_difference(graph, name, h=1e-6):
    base = graph.input_values
    plus = graph.forward({**base, name: base[name] + h})
    minus = graph.forward({**base, name: base[name] - h})
    graph.forward(base)
    return (plus - minus) / (2 * h)


# ------------------------------------------------------------------ the articles' examples
def test_add_then_mul_values_and_gradients():
    g = xyz_graph()
    assert g.forward({"x": -2, "y": 5, "z": -4}) == -12.0
    assert g.backward() == {"x": -4.0, "y": -4.0, "z": 3.0}
    assert g.nodes[g.output].grad == 1.0


def test_mul_gate_swaps_and_add_gate_distributes():
    g = xyz_graph()
    g.forward({"x": -2, "y": 5, "z": -4})
    g.backward()
    mul = g.local_rule(op_node(g, "mul").id)
    assert isinstance(mul, GateExplanation) and mul.op == "mul"
    assert (mul.output, mul.upstream) == (-12.0, 1.0)
    q_rule, z_rule = mul.inputs
    assert isinstance(q_rule, InputRule)
    assert (q_rule.value, q_rule.local, q_rule.tag, q_rule.contribution) == (3.0, -4.0, "swap", -4.0)
    assert (z_rule.value, z_rule.local, z_rule.tag, z_rule.contribution) == (-4.0, 3.0, "swap", 3.0)
    assert z_rule.node == g.inputs["z"]
    add = g.local_rule(op_node(g, "add").id)
    assert add.upstream == -4.0
    assert [(r.local, r.tag, r.contribution) for r in add.inputs] == [(1.0, "distribute", -4.0)] * 2


def test_z_times_x_minus_y_and_one_descent_step():
    b = GraphBuilder()
    x, y, z = b.input("x"), b.input("y"), b.input("z")
    g = b.build(z * (x - y))
    values = {"x": 3.0, "y": -1.0, "z": 2.0}
    f0 = g.forward(values)
    assert f0 == 8.0
    assert g.backward() == {"x": 2.0, "y": -2.0, "z": 4.0}  # z, −z, x − y
    sub = g.local_rule(op_node(g, "sub").id)
    assert [(r.local, r.tag) for r in sub.inputs] == [(1.0, "distribute"), (-1.0, "negate")]
    new = g.gradient_descent_step(0.1)
    assert values == {"x": 3.0, "y": -1.0, "z": 2.0}  # the caller's dict is untouched
    assert new == pytest.approx({"x": 2.8, "y": -0.8, "z": 1.6}, abs=1e-15)
    assert g.value == pytest.approx(1.6 * 3.6) and g.value < f0
    assert g.input_values == new
    assert g.gradient_descent_step(0.1) and g.value < 1.6 * 3.6 - 1


def test_sigmoid_neuron_pins():
    b = GraphBuilder()
    w0, x0, w1, x1, w2 = (b.input(n) for n in ("w0", "x0", "w1", "x1", "w2"))
    g = b.build((w0 * x0 + w1 * x1 + w2).sigmoid())
    f = g.forward({"w0": 2, "w1": -3, "w2": -3, "x0": -1, "x1": -2})
    assert f == 0.7310585786300049
    grads = g.backward()
    assert grads["x0"] == 0.3932238664829637
    assert grads["x1"] == -0.5898357997244456
    rule = g.local_rule(op_node(g, "sigmoid").id)
    assert rule.inputs[0].tag == "sigmoid"
    assert rule.inputs[0].local == pytest.approx(f * (1 - f), rel=1e-15)


def test_sigmoid_of_one_is_exact_and_saturates_without_error():
    b = GraphBuilder()
    g = b.build(b.input("x").sigmoid())
    assert g.forward({"x": 1.0}) == 0.7310585786300049
    assert g.forward({"x": -1000.0}) == 0.0
    assert g.forward({"x": 1000.0}) == 1.0


# ------------------------------------------------------------------ routing and fan-out
@pytest.mark.parametrize("op, values, grads", [
    ("max", (3.0, 1.0), (1.0, 0.0)), ("max", (1.0, 3.0), (0.0, 1.0)),
    ("min", (3.0, 1.0), (0.0, 1.0)), ("max", (2.0, 2.0), (1.0, 0.0)),  # ties: the first
])
def test_max_and_min_route_the_gradient(op, values, grads):
    b = GraphBuilder()
    x, y = b.input("x"), b.input("y")
    g = b.build(b.apply(op, x, y) * 5.0)
    g.forward(dict(zip("xy", values)))
    assert g.backward() == {"x": 5 * grads[0], "y": 5 * grads[1]}
    rule = g.local_rule(op_node(g, op).id)
    assert [(r.local, r.tag) for r in rule.inputs] == [(grads[0], "route"), (grads[1], "route")]


def test_three_way_max_routes_to_the_largest():
    b = GraphBuilder()
    x, y, z = b.input("x"), b.input("y"), b.input("z")
    g = b.build(x.max(y, z))
    assert g.forward({"x": 1, "y": 7, "z": 3}) == 7
    assert g.backward() == {"x": 0.0, "y": 1.0, "z": 0.0}


def test_fan_out_accumulates():
    b = GraphBuilder()
    x = b.input("x")
    g = b.build(x * x)
    assert [n.op for n in g.nodes] == ["input", "mul"]
    g.forward({"x": 3.0})
    assert g.backward() == {"x": 6.0}
    assert [r.contribution for r in g.local_rule(1).inputs] == [3.0, 3.0]

    b = GraphBuilder()
    x, y = b.input("x"), b.input("y")
    g = b.build((x + y) * (x * y))
    assert g.forward({"x": 2.0, "y": 3.0}) == 30.0
    assert g.backward() == {"x": 21.0, "y": 16.0}  # xy + (x+y)y, xy + (x+y)x
    assert g.consumers(g.inputs["x"]) == (2, 3)


def test_relu_derivative_at_zero_is_zero():
    b = GraphBuilder()
    x = b.input("x")
    g = b.build(x.relu())
    for value, grad in ((0.0, 0.0), (2.0, 1.0), (-2.0, 0.0)):
        g.forward({"x": value})
        assert g.backward() == {"x": grad}


# ------------------------------------------------------------------ every rule vs differences
def build_op(op, n_inputs, const=None):
    b = GraphBuilder()
    args = [b.input(f"v{k}") for k in range(n_inputs)]
    return b.build(b.apply(op, *args, const=const))


@pytest.mark.parametrize("op, n, const, point", [
    ("add", 2, None, (0.3, -1.2)), ("add", 4, None, (0.3, -1.2, 2.0, 5.0)),
    ("sub", 2, None, (0.3, -1.2)), ("mul", 2, None, (0.7, -1.3)),
    ("div", 2, None, (0.7, -1.3)), ("neg", 1, None, (0.4,)),
    ("pow", 1, 3.0, (-0.8,)), ("pow", 1, 0.5, (2.0,)), ("pow", 1, -2.0, (1.5,)),
    ("exp", 1, None, (0.9,)), ("log", 1, None, (0.6,)), ("max", 3, None, (0.1, 2.0, -1.0)),
    ("min", 2, None, (0.1, 2.0)), ("relu", 1, None, (0.5,)), ("relu", 1, None, (-0.5,)),
    ("sigmoid", 1, None, (-0.3,)), ("tanh", 1, None, (0.8,)),
])
def test_each_local_rule_matches_central_differences(op, n, const, point):
    g = build_op(op, n, const)
    g.forward({f"v{k}": v for k, v in enumerate(point)})
    grads = g.backward()
    for name, grad in grads.items():
        assert grad == pytest.approx(central_difference(g, name), rel=1e-7, abs=1e-9)
    for k, rule in enumerate(g.local_rule(g.output).inputs):
        assert rule.tag == OPS[op].tag(k) and rule.tag in TAG_FORMULAS


# ------------------------------------------------------------------ stepping
def test_forward_and_backward_one_node_at_a_time():
    g = xyz_graph()
    assert g.forward_order() == list(range(len(g)))
    assert [g.nodes[k].op for k in g.forward_order()][:3] == ["input"] * 3
    assert g.backward_order()[0] == g.output == len(g) - 1
    g.set_inputs({"x": -2, "y": 5, "z": -4})
    add_id = op_node(g, "add").id
    with pytest.raises(GraphError, match="needs the values of nodes"):
        g.forward_step(add_id)
    for k in g.forward_order():
        g.forward_step(k)
    assert g.value == -12.0

    g.backward_step(g.output)  # only the mul gate so far
    assert g.nodes[g.output].grad == 1.0
    assert g.nodes[add_id].grad == -4.0 and g.nodes[g.inputs["z"]].grad == 3.0
    assert g.gradients() == {"x": None, "y": None, "z": 3.0}
    with pytest.raises(GraphError, match="already"):
        g.backward_step(g.output)
    with pytest.raises(GraphError, match="waits"):
        g.backward_step(g.inputs["x"])
    g.backward_step(add_id)
    assert g.gradients() == {"x": -4.0, "y": -4.0, "z": 3.0}
    for k in g.backward_order()[2:]:
        g.backward_step(k)  # leaves: nothing more to send
    assert g.gradients() == {"x": -4.0, "y": -4.0, "z": 3.0}
    g.reset_grads()
    assert g.gradients() == {"x": None, "y": None, "z": None}


def test_partial_accumulation_is_visible_while_stepping():
    b = GraphBuilder()
    x = b.input("x")
    g = b.build(x.exp() + x * 2.0)  # x fans out to exp and mul
    g.forward({"x": 0.0})
    order = g.backward_order()
    g.backward_step(order[0])  # add
    g.backward_step(order[1])  # mul (created after exp)
    assert g.gradients() == {"x": 2.0}  # exp's share not yet arrived
    for k in order[2:]:
        g.backward_step(k)
    assert g.gradients() == {"x": 3.0}


def test_structure_is_topological_with_leaves_first():
    b = GraphBuilder()
    x, y = b.input("x"), b.input("y")
    b.input("unused")
    g = b.build(2.0 * (x + y) + x)
    assert list(g.inputs) == ["x", "y"]  # unused inputs are dropped
    ops = [n.op for n in g.nodes]
    assert ops[:3] == ["input", "input", "const"]
    for node in g.nodes:
        assert isinstance(node, Node) and all(i < node.id for i in node.inputs)
    assert g.output == len(g) - 1


def test_local_rule_of_a_leaf_and_before_backward():
    g = xyz_graph()
    g.forward({"x": 1, "y": 2, "z": 3})
    leaf = g.local_rule(0)
    assert leaf.op == "input" and leaf.inputs == () and leaf.upstream is None
    mul = g.local_rule(g.output)
    assert mul.upstream is None and all(r.contribution is None for r in mul.inputs)


# ------------------------------------------------------------------ errors
@pytest.mark.parametrize("build, values, message", [
    (lambda x: x.log(), -2.0, r"log of a non-positive value \(-2\) at node 1"),
    (lambda x: x.log(), 0.0, "log of a non-positive value"),
    (lambda x: 1.0 / x, 0.0, "division by zero"),
    (lambda x: x.exp(), 1000.0, "too large"),
    (lambda x: x ** 0.5, -4.0, "non-integer power"),
    (lambda x: x ** -1, 0.0, "negative power"),
    (lambda x: x * 1e300 * 1e300, 1.0, "too large"),
])
def test_domain_errors_are_clear(build, values, message):
    b = GraphBuilder()
    g = b.build(build(b.input("x")))
    with pytest.raises(GraphError, match=message) as info:
        g.forward({"x": values})
    assert isinstance(info.value, EngineError)


def test_bad_inputs_and_builds_are_refused():
    g = xyz_graph()
    with pytest.raises(GraphError, match="not a variable"):
        g.forward({"w": 1.0})
    with pytest.raises(GraphError, match="no value given for"):
        g.forward({"x": 1.0})
    with pytest.raises(GraphError, match="finite"):
        g.forward({"x": math.nan, "y": 1, "z": 1})
    with pytest.raises(GraphError, match="no value yet"):
        g.backward_step(g.output)
    b = GraphBuilder()
    x = b.input("x")
    with pytest.raises(GraphError, match="constant"):
        x ** x
    with pytest.raises(GraphError, match="takes 2"):
        b.apply("mul", x)
    with pytest.raises(GraphError, match="different graphs"):
        x + GraphBuilder().input("y")
    with pytest.raises(GraphError, match="more than 3 nodes"):
        small = GraphBuilder(max_nodes=3)
        v = small.input("v")
        v + v + v + v
    with pytest.raises(GraphError, match="does not come before"):
        Graph([Node(0, "neg", (0,))], 0)


def test_backward_runs_forward_when_needed():
    g = xyz_graph()
    g.forward({"x": 1, "y": 2, "z": 3})
    g.set_inputs({"x": 2})  # clears values; backward recomputes at the held inputs
    assert g.backward() == {"x": 3.0, "y": 3.0, "z": 4.0}


@pytest.mark.parametrize("build, value", [
    (lambda x: 1.0 / x, 1e-200),        # ∂(1/b)/∂b = −1/b² overflows (b² even underflows to 0)
    (lambda x: x ** -1, 1e-200),        # p·x^(p−1) overflows
    (lambda x: x.log(), 5e-324),        # 1/x of the smallest float
])
def test_local_derivatives_too_large_are_clear_graph_errors(build, value):
    """The forward value is representable but the slope is not: a GraphError, never a bare
    OverflowError or ZeroDivisionError escaping into the view."""
    b = GraphBuilder()
    g = b.build(build(b.input("x")))
    g.forward({"x": value})
    with pytest.raises(GraphError, match="too large|overflowed"):
        g.backward()
    with pytest.raises(GraphError, match="too large"):
        g.local_rule(g.output)


def test_quotient_rule_survives_an_underflowing_square():
    b = GraphBuilder()
    x, y = b.input("x"), b.input("y")
    g = b.build(y / x)
    g.forward({"x": 1e-170, "y": 1e-310})   # x² underflows to 0, yet −y/x² ≈ −1e30 is fine
    grads = g.backward()
    assert grads["x"] == pytest.approx(-1e30, rel=1e-12)
    assert grads["y"] == pytest.approx(1e170, rel=1e-12)
