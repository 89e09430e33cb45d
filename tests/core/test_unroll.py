"""Unrolled networks: the scalar graph's loss and gradients equal the matrix engine's."""
import numpy as np
import pytest

from core.backward import backward
from core.errors import EngineError, ShapeError
from core.forward import forward
from core.network import Network
from core.scalar_graph import GraphError
from core.unroll import (bias_name, gradient_arrays, input_name, unroll_network, unroll_neuron,
                         weight_name)

HIDDEN = ["linear", "relu", "leaky_relu", "tanh", "sigmoid"]
OUTPUT_LOSS = [("linear", "half_squared_error"), ("relu", "half_squared_error"),
               ("leaky_relu", "half_squared_error"), ("tanh", "half_squared_error"),
               ("sigmoid", "half_squared_error"), ("softmax", "half_squared_error"),
               ("sigmoid", "binary_cross_entropy"), ("softmax", "softmax_cross_entropy")]


def close(a, b, tol=1e-12):
    return np.all(np.abs(np.asarray(a) - np.asarray(b)) <= tol * np.maximum(1.0, np.abs(b)))


def random_case(hidden, output, loss, seed):
    rng = np.random.default_rng(seed)
    net = Network.create([3, 4, 3, 3], [hidden, hidden, output], init="he", seed=seed)
    for layer in net.layers:  # random biases, about a fifth of the links disabled
        layer.biases = rng.normal(0, 0.5, layer.n_out)
        off = rng.random(layer.weights.shape) < 0.2
        layer.mask[off] = False
        layer.weights[off] = 0.0
    x = rng.normal(0, 1.5, 3)
    if loss == "half_squared_error":
        y = rng.normal(0, 1, 3)
    elif loss == "binary_cross_entropy":
        y = np.array([0.0, 1.0, rng.random()])
    else:
        y = np.eye(3)[rng.integers(3)]
    return net, x, y


def assert_matches_engine(net, x, y, loss):
    graph = unroll_network(net, x, y, loss)
    trace = backward(net, forward(net, x), y, loss)
    assert close(graph.value, trace.loss)
    grads = graph.backward()
    dW, db = gradient_arrays(graph, net)
    for k in range(net.depth):
        assert close(dW[k], trace.dW[k]), (k, dW[k], trace.dW[k])
        assert close(db[k], trace.db[k]), (k, db[k], trace.db[k])
    for l, layer in enumerate(net.layers, start=1):  # every named parameter checked directly
        for i, j in zip(*np.nonzero(layer.mask)):
            name = weight_name(l, i, j)
            assert close(grads.get(name, 0.0), trace.dW[l - 1][i, j]), name
        for i in range(layer.n_out):
            assert close(grads[bias_name(l, i)], trace.db[l - 1][i])
    dx = trace.delta[0][0] @ net.layers[0].weights  # ∂L/∂x = δ¹·W¹
    assert close([grads.get(input_name(j), 0.0) for j in range(net.input_size)], dx)
    return graph


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("output, loss", OUTPUT_LOSS)
@pytest.mark.parametrize("hidden", HIDDEN)
def test_graph_gradients_equal_the_matrix_engine(hidden, output, loss, seed):
    net, x, y = random_case(hidden, output, loss, seed)
    assert_matches_engine(net, x, y, loss)


@pytest.mark.parametrize("hidden", ["relu", "leaky_relu"])
def test_kinks_at_exactly_zero_follow_the_engine(hidden):
    net = Network.create([2, 3, 1], [hidden, "linear"], init="zeros")
    net.layers[1].weights[:] = [[1.0, -2.0, 0.5]]
    assert_matches_engine(net, [0.3, -0.7], [1.0], "half_squared_error")


def test_names_labels_and_disabled_links():
    net = Network.create([2, 2, 2], ["tanh", "softmax"], seed=3)
    net.set_link_enabled(1, 0, 1, False)
    graph = unroll_network(net, [0.5, -1.0], [0.0, 1.0], "softmax_cross_entropy")
    names = list(graph.inputs)
    assert names[:2] == ["x[0]", "x[1]"]
    assert "W1[0,0]" in names and "W1[0,1]" not in names and "b2[1]" in names
    assert len(names) == 2 + 3 + 2 + 4 + 2
    labels = {n.label for n in graph.nodes if n.label}
    assert {"z1[0]", "a1[1]", "z2[0]", "z2[1]", "L"} <= labels
    # the cross-entropy reads the logits (logsumexp(z) − z_k), never a rounded a = softmax(z)
    assert "a2[0]" not in labels and "a2[1]" not in labels
    assert any(n.op == "logsumexp" for n in graph.nodes)
    assert graph.nodes[graph.output].label == "L"
    assert graph.input_values["W2[1,0]"] == net.layers[1].weights[1, 0]
    graph.backward()
    dW, _ = gradient_arrays(graph, net)
    assert dW[0][0, 1] == 0.0


def test_all_links_of_a_neuron_disabled():
    net = Network.create([2, 2, 1], ["sigmoid", "linear"], seed=4)
    net.set_link_enabled(1, 1, 0, False)
    net.set_link_enabled(1, 1, 1, False)
    assert_matches_engine(net, [1.0, 2.0], [0.5], "half_squared_error")


@pytest.mark.parametrize("activation", HIDDEN + ["softmax"])
def test_unroll_neuron_value_and_gradients(activation):
    acts = [activation, "linear"] if activation != "softmax" else ["tanh", "softmax"]
    layer = 1 if activation != "softmax" else 2
    net = Network.create([2, 3, 3], acts, seed=5)
    x = np.array([0.4, -1.1])
    trace = forward(net, x)
    for neuron in range(3):
        graph = unroll_neuron(net, layer, neuron, x)
        assert close(graph.value, trace.a[layer - 1][0, neuron])
        grads = graph.backward()
        for name, grad in grads.items():  # central differences on the numpy forward pass
            if not name.startswith("W"):
                continue
            l, rest = name[1:].split("[")
            i, j = map(int, rest.rstrip("]").split(","))
            h, moved = 1e-6, []
            for s in (1, -1):
                other = net.copy()
                other.layers[int(l) - 1].weights[i, j] += s * h
                moved.append(forward(other, x).a[layer - 1][0, neuron])
            assert grad == pytest.approx((moved[0] - moved[1]) / (2 * h), rel=1e-6, abs=1e-9)


def test_refusals():
    net = Network.create([2, 2, 1], ["tanh", "linear"], seed=0)
    with pytest.raises(EngineError, match="sigmoid"):
        unroll_network(net, [0, 0], [1], "binary_cross_entropy")
    with pytest.raises(ShapeError, match="x: expected 2"):
        unroll_network(net, [0, 0, 0], [1], "half_squared_error")
    with pytest.raises(ShapeError, match="y: expected 1"):
        unroll_network(net, [0, 0], [1, 2], "half_squared_error")
    with pytest.raises(ShapeError):
        unroll_neuron(net, 3, 0, [0, 0])
    big = Network.create([200, 200, 1], ["relu", "linear"], seed=0)
    with pytest.raises(GraphError, match="more than 5000 nodes"):
        unroll_network(big, np.zeros(200), [0.0], "half_squared_error")
