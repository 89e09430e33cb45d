"""The network: dense layers of plain float64 numpy arrays, and edits that keep other weights.

Notation (the seeds' and the window's): neuron layers are numbered 0 … L, layer 0 being the
inputs. ``net.layers[l - 1]`` is weight layer l: it maps neuron layer l − 1 (size n_in) to
neuron layer l (size n_out) with

    W[l]  shape (n_out, n_in)   W[l][i, j] is the link from neuron j of layer l−1 to neuron i of layer l
    b[l]  shape (n_out,)
    mask  shape (n_out, n_in)   False = link disabled: its weight is held at 0 and never updated
    trainable_weights (n_out, n_in), trainable_biases (n_out,)
                                False = frozen: the parameter keeps its value in every update
                                (its gradient is still computed and shown)
    parked (n_out, n_in)        the weight a disabled link had, restored when it is enabled
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from .activations import get_activation
from .errors import ShapeError
from .messages import Message as M

INIT_SCHEMES = ("xavier", "he", "uniform", "zeros")
MAX_LAYER_SIZE = 1024
MAX_LAYERS = 64


def init_weights(n_out: int, n_in: int, scheme: str, rng: np.random.Generator) -> np.ndarray:
    """Fresh weights of shape (n_out, n_in).

    xavier: U(±√(6 / (n_in + n_out))); he: N(0, 2 / n_in); uniform: U(−0.5, 0.5)
    (TensorFlow Playground's ``Math.random() − 0.5``); zeros: all 0.
    """
    if scheme == "xavier":
        limit = np.sqrt(6.0 / max(n_in + n_out, 1))
        return rng.uniform(-limit, limit, size=(n_out, n_in))
    if scheme == "he":
        return rng.normal(0.0, np.sqrt(2.0 / max(n_in, 1)), size=(n_out, n_in))
    if scheme == "uniform":
        return rng.uniform(-0.5, 0.5, size=(n_out, n_in))
    if scheme == "zeros":
        return np.zeros((n_out, n_in))
    raise ShapeError(M("net.unknown_init", "unknown weight initialisation {scheme} (expected one of {schemes})",
                       scheme=repr(scheme), schemes=INIT_SCHEMES))


@dataclass
class Layer:
    """One weight layer: W (n_out × n_in), b (n_out), activation name, link mask."""

    weights: np.ndarray
    biases: np.ndarray
    activation: str
    mask: np.ndarray = field(default=None)  # type: ignore[assignment]
    trainable_weights: np.ndarray = field(default=None)  # type: ignore[assignment]
    trainable_biases: np.ndarray = field(default=None)  # type: ignore[assignment]
    parked: np.ndarray = field(default=None)  # type: ignore[assignment]

    def __post_init__(self):
        self.weights = np.array(self.weights, dtype=np.float64, ndmin=2)
        self.biases = np.array(self.biases, dtype=np.float64).reshape(-1)
        if self.mask is None:
            self.mask = np.ones(self.weights.shape, dtype=bool)
        else:
            self.mask = np.array(self.mask, dtype=bool, ndmin=2)
        get_activation(self.activation)
        if self.biases.shape != (self.weights.shape[0],):
            raise ShapeError(M("net.biases_count", "biases: expected {n} numbers, got {got}",
                               n=self.weights.shape[0], got=self.biases.size))
        if self.mask.shape != self.weights.shape:
            raise ShapeError(M("net.mask_shape", "mask: expected {shape}, got {got}",
                               shape=self.weights.shape, got=self.mask.shape))
        shape, n = self.weights.shape, self.weights.shape[0]
        self.trainable_weights = (np.ones(shape, dtype=bool) if self.trainable_weights is None
                                  else np.array(self.trainable_weights, dtype=bool, ndmin=2))
        self.trainable_biases = (np.ones(n, dtype=bool) if self.trainable_biases is None
                                 else np.array(self.trainable_biases, dtype=bool).reshape(-1))
        # nothing parked (every fully connected layer): fresh zero pages, which take no memory
        # until a link is disabled (a 1024 × 1024 layer's would be 8 MB in every copy)
        if self.parked is None:
            self.parked = (np.zeros(shape) if self.mask.all()
                           else np.where(self.mask, 0.0, self.weights))
        else:
            self.parked = np.array(self.parked, dtype=np.float64, ndmin=2)
        if self.trainable_weights.shape != shape or self.trainable_biases.shape != (n,):
            raise ShapeError(M("net.trainable_shape", "trainable flags: expected one per weight and one per bias"))
        if self.parked.shape != shape:
            raise ShapeError(M("net.parked_shape", "parked weights: expected {shape}, got {got}",
                               shape=shape, got=self.parked.shape))
        if self.parked.any():           # (reading zero pages leaves them unallocated)
            self.parked[self.mask] = 0.0
        self.weights[~self.mask] = 0.0

    @property
    def n_in(self) -> int:
        return self.weights.shape[1]

    @property
    def n_out(self) -> int:
        return self.weights.shape[0]

    @property
    def frozen(self) -> bool:
        """Is any parameter of this layer marked not trainable?"""
        return not (self.trainable_weights.all() and self.trainable_biases.all())

    def copy(self) -> "Layer":
        return Layer(self.weights.copy(), self.biases.copy(), self.activation, self.mask.copy(),
                     self.trainable_weights.copy(), self.trainable_biases.copy(),
                     None if self.mask.all() and not self.parked.any() else self.parked.copy())

    # rows / columns of every per-link array, for structure edits
    def _link_arrays(self) -> tuple[str, ...]:
        return ("weights", "mask", "trainable_weights", "parked")

    def insert_row(self, position: int, weights: np.ndarray) -> None:
        for name, value in zip(self._link_arrays(), (weights, True, True, 0.0)):
            setattr(self, name, np.insert(getattr(self, name), position, value, axis=0))
        self.biases = np.insert(self.biases, position, 0.0)
        self.trainable_biases = np.insert(self.trainable_biases, position, True)

    def delete_row(self, position: int) -> None:
        for name in self._link_arrays():
            setattr(self, name, np.delete(getattr(self, name), position, axis=0))
        self.biases = np.delete(self.biases, position)
        self.trainable_biases = np.delete(self.trainable_biases, position)

    def insert_column(self, position: int, weights: np.ndarray) -> None:
        for name, value in zip(self._link_arrays(), (weights, True, True, 0.0)):
            setattr(self, name, np.insert(getattr(self, name), position, value, axis=1))

    def delete_column(self, position: int) -> None:
        for name in self._link_arrays():
            setattr(self, name, np.delete(getattr(self, name), position, axis=1))

    def resize_outputs(self, n_out: int, fresh: np.ndarray) -> None:
        """Keep the first min(old, new) neurons (weights, bias, link and trainable flags);
        further neurons get ``fresh`` weights and bias 0."""
        keep = min(n_out, self.n_out)
        n_in = self.n_in
        arrays = {"weights": fresh.copy(), "mask": np.ones((n_out, n_in), dtype=bool),
                  "trainable_weights": np.ones((n_out, n_in), dtype=bool),
                  "parked": np.zeros((n_out, n_in)), "biases": np.zeros(n_out),
                  "trainable_biases": np.ones(n_out, dtype=bool)}
        for name, arr in arrays.items():
            arr[:keep] = getattr(self, name)[:keep]
            setattr(self, name, arr)

    def resize_inputs(self, n_in: int, fresh: np.ndarray) -> None:
        """Keep the first min(old, new) input columns; further columns get ``fresh`` weights."""
        keep = min(n_in, self.n_in)
        w = fresh.copy()
        mask = np.ones(w.shape, dtype=bool)
        trainable = np.ones(w.shape, dtype=bool)
        parked = np.zeros(w.shape)
        w[:, :keep] = self.weights[:, :keep]
        mask[:, :keep] = self.mask[:, :keep]
        trainable[:, :keep] = self.trainable_weights[:, :keep]
        parked[:, :keep] = self.parked[:, :keep]
        self.weights, self.mask = np.where(mask, w, 0.0), mask
        self.trainable_weights, self.parked = trainable, parked


class Network:
    """A feed-forward network of dense layers. Mutating methods change it in place."""

    def __init__(self, input_size: int, layers: Sequence[Layer]):
        self.input_size = int(input_size)
        self.layers: list[Layer] = list(layers)
        self.validate()

    # ----------------------------------------------------------------- construction
    @classmethod
    def create(cls, sizes: Sequence[int], activations: Sequence[str] | str,
               init: str = "xavier", seed: int | None = 0,
               bias: float = 0.0) -> "Network":
        """Build a network with ``sizes = [n_inputs, n_1, …, n_L]``.

        ``activations`` is one name per weight layer, or one name for the hidden layers
        (the output is then linear).
        """
        sizes = [int(s) for s in sizes]
        if len(sizes) < 2:
            raise ShapeError(M("net.too_few_sizes", "a network needs an input layer and an output layer"))
        n_layers = len(sizes) - 1
        if isinstance(activations, str):
            activations = [activations] * (n_layers - 1) + ["linear"]
        if len(activations) != n_layers:
            raise ShapeError(M("net.activation_count", "expected {n} activations, got {got}",
                               n=n_layers, got=len(activations)))
        rng = np.random.default_rng(seed)
        layers = [Layer(init_weights(sizes[k + 1], sizes[k], init, rng),
                        np.full(sizes[k + 1], float(bias)), activations[k])
                  for k in range(n_layers)]
        return cls(sizes[0], layers)

    def copy(self) -> "Network":
        return Network(self.input_size, [layer.copy() for layer in self.layers])

    # ----------------------------------------------------------------- shape
    @property
    def sizes(self) -> list[int]:
        """Neuron counts per neuron layer: [n_inputs, n_1, …, n_L]."""
        return [self.input_size] + [layer.n_out for layer in self.layers]

    @property
    def depth(self) -> int:
        """L, the number of weight layers."""
        return len(self.layers)

    @property
    def output_size(self) -> int:
        return self.layers[-1].n_out

    @property
    def activations(self) -> list[str]:
        return [layer.activation for layer in self.layers]

    def parameter_count(self) -> int:
        return sum(layer.weights.size + layer.biases.size for layer in self.layers)

    def validate(self) -> None:
        if not self.layers:
            raise ShapeError(M("net.no_layers", "a network needs at least one weight layer"))
        if not 1 <= self.input_size <= MAX_LAYER_SIZE:
            raise ShapeError(M("net.input_size", "input size must be 1…{n}, got {got}",
                               n=MAX_LAYER_SIZE, got=self.input_size))
        if len(self.layers) > MAX_LAYERS:
            raise ShapeError(M("net.too_many_layers", "at most {n} layers, got {got}",
                               n=MAX_LAYERS, got=len(self.layers)))
        n_prev = self.input_size
        for k, layer in enumerate(self.layers, start=1):
            if layer.n_in != n_prev:
                raise ShapeError(M("net.layer_inputs",
                                   "layer {k}: expects {n_in} inputs but layer {prev} has {n} neurons",
                                   k=k, n_in=layer.n_in, prev=k - 1, n=n_prev))
            if not 1 <= layer.n_out <= MAX_LAYER_SIZE:
                raise ShapeError(M("net.layer_k_size", "layer {k}: size must be 1…{n}", k=k, n=MAX_LAYER_SIZE))
            if get_activation(layer.activation).output_only and k != len(self.layers):
                raise ShapeError(M("net.layer_output_only", "layer {k}: {activation} is only allowed on the output layer",
                                   k=k, activation=layer.activation))
            if not (np.all(np.isfinite(layer.weights)) and np.all(np.isfinite(layer.biases))):
                raise ShapeError(M("net.layer_not_finite", "layer {k}: weights and biases must be finite numbers", k=k))
            n_prev = layer.n_out

    # ----------------------------------------------------------------- parameters
    def get_params(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """Copies of (W, b) for every layer."""
        return [(layer.weights.copy(), layer.biases.copy()) for layer in self.layers]

    def set_params(self, params: Sequence[tuple[np.ndarray, np.ndarray]]) -> None:
        if len(params) != len(self.layers):
            raise ShapeError(M("net.params_count", "expected parameters for {n} layers, got {got}",
                               n=len(self.layers), got=len(params)))
        for k, (layer, (w, b)) in enumerate(zip(self.layers, params), start=1):
            w = np.asarray(w, dtype=np.float64)
            b = np.asarray(b, dtype=np.float64).reshape(-1)
            if w.shape != layer.weights.shape or b.shape != layer.biases.shape:
                raise ShapeError(M("net.params_shape",
                                   "layer {k}: parameter shapes {w}/{b} do not fit {want_w}/{want_b}",
                                   k=k, w=w.shape, b=b.shape, want_w=layer.weights.shape,
                                   want_b=layer.biases.shape))
            layer.weights = np.where(layer.mask, w, 0.0)
            layer.biases = b.copy()

    def layer(self, l: int) -> Layer:
        """Weight layer l, 1-based as in the notation."""
        if not 1 <= l <= len(self.layers):
            raise ShapeError(M("net.no_weight_layer", "there is no weight layer {l} (1…{n})", l=l, n=len(self.layers)))
        return self.layers[l - 1]

    def set_weight(self, l: int, i: int, j: int, value: float) -> None:
        layer = self.layer(l)
        value = _finite(value, f"W{l}[{i + 1},{j + 1}]")
        if not layer.mask[i, j]:
            raise ShapeError(M("net.link_disabled", "link W{l}[{i},{j}] is disabled; enable it before setting its weight",
                                l=l, i=i + 1, j=j + 1))
        layer.weights[i, j] = value

    def set_bias(self, l: int, i: int, value: float) -> None:
        self.layer(l).biases[i] = _finite(value, f"b{l}[{i + 1}]")

    def set_link_enabled(self, l: int, i: int, j: int, enabled: bool) -> None:
        """Disable a link (its weight is parked and held at 0) or enable it again (the parked
        weight comes back)."""
        layer = self.layer(l)
        if bool(enabled) == bool(layer.mask[i, j]):
            return
        layer.mask[i, j] = bool(enabled)
        if enabled:
            layer.weights[i, j], layer.parked[i, j] = layer.parked[i, j], 0.0
        else:
            layer.parked[i, j], layer.weights[i, j] = layer.weights[i, j], 0.0

    def set_trainable(self, l: int, kind: str, index: tuple[int, ...] | None, trainable: bool) -> None:
        """Mark a weight (kind "weight", index (i, j)), a bias ("bias", (i,)), or with
        ``index`` None all weights / all biases of weight layer l as trainable or frozen."""
        layer = self.layer(l)
        arr = {"weight": layer.trainable_weights, "bias": layer.trainable_biases}.get(kind)
        if arr is None:
            raise ShapeError(M("net.param_kind", "unknown parameter kind {kind} (weight or bias)", kind=repr(kind)))
        if index is None:
            arr[...] = bool(trainable)
        else:
            arr[tuple(index)] = bool(trainable)

    def trainable_vector(self) -> np.ndarray:
        """Per parameter, in the order of the flat θ (each layer's [W | b] row by row): 1.0 if
        it is trained, 0.0 if frozen."""
        return np.concatenate([np.hstack([layer.trainable_weights,
                                          layer.trainable_biases[:, None]]).reshape(-1)
                               for layer in self.layers]).astype(np.float64)

    def set_activation(self, l: int, name: str) -> None:
        act = get_activation(name)
        if act.output_only and l != len(self.layers):
            raise ShapeError(M("net.output_only", "{activation} is only allowed on the output layer", activation=name))
        self.layer(l).activation = name

    # ----------------------------------------------------------------- structure edits
    def add_neuron(self, layer: int, position: int | None = None, *,
                   rng: np.random.Generator | None = None, init: str = "xavier") -> int:
        """Insert a neuron into neuron layer ``layer`` (0 = inputs … L = outputs).

        Every other weight is kept. The new neuron's incoming weights (if any) and outgoing
        weights (if any) are drawn from ``init``; its bias is 0. Returns the new index.
        """
        sizes = self.sizes
        if not 0 <= layer <= self.depth:
            raise ShapeError(M("net.no_layer", "there is no neuron layer {layer}", layer=layer))
        if sizes[layer] >= MAX_LAYER_SIZE:
            raise ShapeError(M("net.layer_full", "layer {layer} already has the maximum of {n} neurons",
                                layer=layer, n=MAX_LAYER_SIZE))
        position = sizes[layer] if position is None else int(position)
        if not 0 <= position <= sizes[layer]:
            raise ShapeError(M("net.position_outside", "position {position} is outside layer {layer}",
                                position=position, layer=layer))
        rng = rng or np.random.default_rng()
        if layer == 0:
            self.input_size += 1
        else:
            lay = self.layers[layer - 1]
            lay.insert_row(position, init_weights(1, lay.n_in, init, rng)[0])
        if layer < self.depth:
            nxt = self.layers[layer]
            nxt.insert_column(position, init_weights(nxt.n_out, 1, init, rng)[:, 0])
        self.validate()
        return position

    def remove_neuron(self, layer: int, position: int) -> None:
        """Delete one neuron and its links; every other weight is kept."""
        sizes = self.sizes
        if not 0 <= layer <= self.depth:
            raise ShapeError(M("net.no_layer", "there is no neuron layer {layer}", layer=layer))
        if not 0 <= position < sizes[layer]:
            raise ShapeError(M("net.no_neuron", "layer {layer} has no neuron {position}", layer=layer, position=position))
        if sizes[layer] == 1:
            raise ShapeError(M("net.keep_one_neuron", "a layer keeps at least one neuron; remove the layer instead"))
        if layer == 0:
            self.input_size -= 1
        else:
            self.layers[layer - 1].delete_row(position)
        if layer < self.depth:
            self.layers[layer].delete_column(position)
        self.validate()

    def resize_layer(self, layer: int, size: int, *, rng: np.random.Generator | None = None,
                     init: str = "xavier") -> None:
        """Give neuron layer ``layer`` (0 = inputs … L = outputs) ``size`` neurons at once.

        The first min(old, new) neurons keep every weight, bias and link state; the links of
        added neurons are drawn from ``init`` (biases 0), as ``add_neuron`` would draw them —
        in one step, so a layer of 1,024 costs one allocation, not a thousand inserts.
        """
        if not 0 <= layer <= self.depth:
            raise ShapeError(M("net.no_layer", "there is no neuron layer {layer}", layer=layer))
        size = int(size)
        if not 1 <= size <= MAX_LAYER_SIZE:
            raise ShapeError(M("net.layer_size", "layer size must be 1…{n}", n=MAX_LAYER_SIZE))
        old = self.sizes[layer]
        if size == old:
            return
        rng = rng or np.random.default_rng()
        if layer == 0:
            self.input_size = size
        else:
            lay = self.layers[layer - 1]
            lay.resize_outputs(size, init_weights(size, lay.n_in, init, rng))
        if layer < self.depth:
            nxt = self.layers[layer]
            nxt.resize_inputs(size, init_weights(nxt.n_out, size, init, rng))
        self.validate()

    def add_layer(self, index: int, size: int, activation: str = "tanh", *,
                  rng: np.random.Generator | None = None, init: str = "xavier") -> None:
        """Insert a hidden neuron layer so that it becomes neuron layer ``index`` (1 … L).

        The new layer's incoming weights are drawn from ``init``. The layer after it keeps its
        old weights for the first min(old, new) inputs; further input columns are drawn fresh.
        """
        if not 1 <= index <= self.depth:
            raise ShapeError(M("net.insert_position", "a hidden layer can be inserted at 1…{depth}, not {index}",
                                depth=self.depth, index=index))
        if len(self.layers) >= MAX_LAYERS:
            raise ShapeError(M("net.max_layers", "at most {n} layers", n=MAX_LAYERS))
        size = int(size)
        if not 1 <= size <= MAX_LAYER_SIZE:
            raise ShapeError(M("net.layer_size", "layer size must be 1…{n}", n=MAX_LAYER_SIZE))
        if get_activation(activation).output_only:
            raise ShapeError(M("net.output_only", "{activation} is only allowed on the output layer",
                                activation=activation))
        rng = rng or np.random.default_rng()
        n_in = self.sizes[index - 1]
        new = Layer(init_weights(size, n_in, init, rng), np.zeros(size), activation)
        nxt = self.layers[index - 1]
        nxt.resize_inputs(size, init_weights(nxt.n_out, size, init, rng))
        self.layers.insert(index - 1, new)
        self.validate()

    def remove_layer(self, index: int, *, rng: np.random.Generator | None = None,
                     init: str = "xavier") -> None:
        """Remove hidden neuron layer ``index`` (1 … L−1) and its incoming weights.

        The layer after it keeps as many of its weights as still fit its new input size.
        """
        if not 1 <= index < self.depth:
            raise ShapeError(M("net.remove_position", "hidden layers are 1…{last}; cannot remove {index}",
                                last=self.depth - 1, index=index))
        rng = rng or np.random.default_rng()
        n_in = self.sizes[index - 1]
        nxt = self.layers[index]
        nxt.resize_inputs(n_in, init_weights(nxt.n_out, n_in, init, rng))
        del self.layers[index - 1]
        self.validate()

    def __eq__(self, other) -> bool:
        if not isinstance(other, Network) or other.sizes != self.sizes:
            return False
        return all(a.activation == b.activation and np.array_equal(a.weights, b.weights)
                   and np.array_equal(a.biases, b.biases) and np.array_equal(a.mask, b.mask)
                   and np.array_equal(a.trainable_weights, b.trainable_weights)
                   and np.array_equal(a.trainable_biases, b.trainable_biases)
                   and np.array_equal(a.parked, b.parked)
                   for a, b in zip(self.layers, other.layers))

    def __repr__(self) -> str:
        return f"Network(sizes={self.sizes}, activations={self.activations})"


def _finite(value, what: str) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ShapeError(M("net.not_a_number", "{what}: {value} is not a number", what=what,
                            value=repr(value))) from None
    if not np.isfinite(v):
        raise ShapeError(M("net.not_finite", "{what}: must be a finite number, got {value}", what=what,
                            value=repr(value)))
    return v
