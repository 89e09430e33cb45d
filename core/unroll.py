"""A network's forward pass for one sample, unrolled into a scalar ``Graph`` of single gates.

Named inputs (the graph's variables):

    W{l}[{i},{j}]   weight of the link from neuron j of layer l−1 to neuron i of layer l
    b{l}[{i}]       bias of neuron i of layer l          (l 1-based, i and j 0-based)
    x[{j}]          input j

Targets are constants. Each neuron is

    z{l}[{i}] = Σ_j W[i,j]·a_j + b[i]        one add gate over mul gates (disabled links left out)
    a{l}[{i}] = f(z)                         linear: a = z (no gate); relu, sigmoid, tanh: one gate;
                                             leaky relu: max(0.01·z, z);
                                             softmax: a_i = e^(z_i − logsumexp(z))

and the loss of one sample (``L``) is computed, like the engine's, from the logits z:

    half_squared_error     ½·Σ_i (a_i − y_i)²
    binary_cross_entropy   Σ_i [y_i·softplus(−z_i) + (1 − y_i)·softplus(z_i)]
                           (= −Σ_i [y_i·ln a_i + (1 − y_i)·ln(1 − a_i)]; terms with a zero factor omitted)
    softmax_cross_entropy  Σ_i y_i·(logsumexp(z) − z_i)
                           (= −Σ_i y_i·ln a_i; terms with y_i = 0 omitted)

so it stays finite and exact for any finite z (z = −800, logits of ±1000). The graph's
gradients are then exactly the matrix engine's ∂L/∂W and ∂L/∂b, soft labels included
(δ = a·Σy − y). Gates carry labels ``z1[0]``, ``a1[0]`` and ``L`` so a view can find the
neuron a gate belongs to; gates the loss does not use (the output's a for the
cross-entropies, which read z directly) are left out.
"""
from __future__ import annotations

import numpy as np

from .activations import LEAKY_SLOPE
from .errors import ShapeError
from .losses import check_pairing, get_loss
from .messages import Message as M
from .network import Network
from .scalar_graph import Graph, GraphBuilder, Value

MAX_UNROLL_NODES = 5000
"""A larger graph is refused: too many gates to show or step through."""


def weight_name(l: int, i: int, j: int) -> str:
    return f"W{l}[{i},{j}]"


def bias_name(l: int, i: int) -> str:
    return f"b{l}[{i}]"


def input_name(j: int) -> str:
    return f"x[{j}]"


def _vector(values, n: int, what: str) -> np.ndarray:
    arr = np.asarray(values, dtype=np.float64).reshape(-1)
    if arr.size != n:
        raise ShapeError(M("unroll.count", "{what}: expected {n} values, got {got}", what=what, n=n, got=arr.size))
    if not np.all(np.isfinite(arr)):
        raise ShapeError(M("unroll.not_finite", "{what}: values must be finite numbers", what=what))
    return arr


def _parameter_values(net: Network, x: np.ndarray) -> dict[str, float]:
    values = {input_name(j): float(v) for j, v in enumerate(x)}
    for l, layer in enumerate(net.layers, start=1):
        for i, j in zip(*np.nonzero(layer.mask)):
            values[weight_name(l, int(i), int(j))] = float(layer.weights[i, j])
        for i, b in enumerate(layer.biases):
            values[bias_name(l, i)] = float(b)
    return values


def _layer(b: GraphBuilder, net: Network, l: int, a_prev: list[Value]) -> tuple[list[Value], list[Value]]:
    """Gates of weight layer l (1-based) over the previous activations; returns (a{l}, z{l})."""
    layer = net.layers[l - 1]
    zs = []
    for i in range(layer.n_out):
        terms = [b.apply("mul", b.input(weight_name(l, i, j)), a_prev[j])
                 for j in range(layer.n_in) if layer.mask[i, j]]
        terms.append(b.input(bias_name(l, i)))
        # a neuron whose links are all disabled has z = b: no gate
        zs.append(b.apply("add", *terms, label=f"z{l}[{i}]") if len(terms) > 1 else terms[0])
    return _activation(b, layer.activation, l, zs), zs


def _activation(b: GraphBuilder, act: str, l: int, zs: list[Value]) -> list[Value]:
    if act == "linear":
        return zs
    if act in ("relu", "sigmoid", "tanh"):
        return [b.apply(act, z, label=f"a{l}[{i}]") for i, z in enumerate(zs)]
    if act == "leaky_relu":
        return [b.apply("max", b.apply("mul", LEAKY_SLOPE, z), z, label=f"a{l}[{i}]")
                for i, z in enumerate(zs)]
    if act == "softmax":
        if len(zs) == 1:   # softmax of one number is 1
            return [b.apply("exp", b.apply("sub", zs[0], zs[0]), label=f"a{l}[0]")]
        lse = b.apply("logsumexp", *zs)
        return [b.apply("exp", b.apply("sub", z, lse), label=f"a{l}[{i}]") for i, z in enumerate(zs)]
    raise ShapeError(M("unroll.activation", "layer {l}: cannot unroll activation {activation}",
                       l=l, activation=repr(act)))


def _activations(b: GraphBuilder, net: Network, upto: int) -> tuple[list[Value], list[Value]]:
    """(a, z) of weight layer ``upto`` (z: the inputs themselves when ``upto`` is 0)."""
    a = [b.input(input_name(j)) for j in range(net.input_size)]
    z = a
    for l in range(1, upto + 1):  # create each layer's parameters in a tidy order first
        layer = net.layers[l - 1]
        for i, j in zip(*np.nonzero(layer.mask)):
            b.input(weight_name(l, int(i), int(j)))
        for i in range(layer.n_out):
            b.input(bias_name(l, i))
    for l in range(1, upto + 1):
        a, z = _layer(b, net, l, a)
    return a, z


def _weighted_sum(b: GraphBuilder, terms: list[tuple[float, str, tuple]]) -> Value:
    """Σ c·op(args) as gates, the last gate labelled ``L``; terms are (c, op, args)."""
    if len(terms) == 1:
        c, op, args = terms[0]
        if c == 1.0:
            return b.apply(op, *args, label="L")
        return b.apply("mul", c, b.apply(op, *args), label="L")
    parts = [b.apply(op, *args) if c == 1.0 else b.apply("mul", c, b.apply(op, *args))
             for c, op, args in terms]
    return b.apply("add", *parts, label="L")


def _loss(b: GraphBuilder, loss_name: str, a: list[Value], z: list[Value], y: np.ndarray) -> Value:
    if loss_name == "half_squared_error":
        squares = [b.apply("pow", b.apply("sub", ai, float(yi)), const=2.0) for ai, yi in zip(a, y)]
        total = b.apply("add", *squares) if len(squares) > 1 else squares[0]
        return b.apply("mul", 0.5, total, label="L")
    terms = []
    if loss_name == "binary_cross_entropy":
        for zi, yi in zip(z, y):
            if yi != 0.0:    # −ln a = softplus(−z)
                terms.append((float(yi), "softplus", (b.apply("neg", zi),)))
            if yi != 1.0:    # −ln(1 − a) = softplus(z)
                terms.append((1.0 - float(yi), "softplus", (zi,)))
    else:  # softmax_cross_entropy: −ln a_k = logsumexp(z) − z_k
        lse = b.apply("logsumexp", *z) if len(z) > 1 else z[0]
        keep = [k for k in range(len(z)) if y[k] != 0.0] or [0]
        terms = [(float(y[k]), "sub", (lse, z[k])) for k in keep]
    return _weighted_sum(b, terms)


def unroll_network(net: Network, x, y, loss_name: str, *,
                   max_nodes: int = MAX_UNROLL_NODES) -> Graph:
    """The loss of one sample (x, y) as a graph, evaluated (forward done, gradients not)."""
    loss = get_loss(loss_name)
    check_pairing(loss, net.layers[-1].activation)
    x = _vector(x, net.input_size, "x")
    y = _vector(y, net.output_size, "y")
    b = GraphBuilder(max_nodes)
    a, z = _activations(b, net, net.depth)
    out = _loss(b, loss.name, a, z, y)
    graph = b.build(out)
    graph.forward(_parameter_values(net, x))
    return graph


def unroll_neuron(net: Network, layer: int, neuron: int, x, *,
                  max_nodes: int = MAX_UNROLL_NODES) -> Graph:
    """The activation a{layer}[{neuron}] (layer 1 … L) for input x as a graph, evaluated."""
    if not 1 <= layer <= net.depth:
        raise ShapeError(M("unroll.no_layer", "there is no neuron layer {layer} with weights (1…{n})",
                           layer=layer, n=net.depth))
    if not 0 <= neuron < net.sizes[layer]:
        raise ShapeError(M("net.no_neuron", "layer {layer} has no neuron {position}", layer=layer, position=neuron))
    x = _vector(x, net.input_size, "x")
    b = GraphBuilder(max_nodes)
    graph = b.build(_activations(b, net, layer)[0][neuron])
    graph.forward({k: v for k, v in _parameter_values(net, x).items() if k in graph.inputs})
    return graph


def gradient_arrays(graph: Graph, net: Network) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
    """(dW, db) shaped like the network's layers, from the graph's current gradients.

    Parameters not in the graph (disabled links, later layers) or not reached yet give 0.
    """
    grads = graph.gradients()
    dW, db = [], []
    for l, layer in enumerate(net.layers, start=1):
        w = np.zeros(layer.weights.shape)
        for (i, j), _ in np.ndenumerate(w):
            w[i, j] = grads.get(weight_name(l, i, j)) or 0.0
        dW.append(w)
        db.append(np.array([grads.get(bias_name(l, i)) or 0.0 for i in range(layer.n_out)]))
    return tuple(dW), tuple(db)
