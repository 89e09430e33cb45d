"""The session's edits as pure functions: a project and an edit in, a new validated project out.

Every function here returns a *new* Project (the old one is never touched, so an undo step can
keep both) that has passed ``core.project_io.validate`` — the loader's own rules, so the app can
never hold or save what it would refuse to open. A refused edit raises EngineError with a
message for a person (DocumentError names the field). ``aspects(old, new)`` says what differs,
which is what the window's one notification per step is built from.

Projects handed out here share unchanged parts (arrays, specs, histories) with their source:
treat a Project as immutable once a session holds it.
"""
from __future__ import annotations

from dataclasses import fields, replace

import numpy as np

from . import data_fit
from .errors import EngineError, ShapeError
from .messages import Message as M
from .network import Network
from .project import DatasetSpec, History, Project
from .project_io import project_to_dict, validate

SETTINGS = ("loss", "optimizer", "batch_size", "max_epochs", "target_loss", "training_seed",
            "init", "init_seed", "precision", "title", "description")
"""Project fields that ``set_settings`` may change (everything but network, sample, data, history)."""
ASPECTS = ("structure", "params", "sample", "config", "data", "history")
STRUCTURE_ARRAYS = ("mask", "trainable_weights", "trainable_biases")


def checked(p: Project) -> Project:
    """``p`` if the loader would open it; raises DocumentError otherwise."""
    validate(p)
    return p


# ---------------------------------------------------------------- network and sample
def set_parameter(p: Project, ref: tuple, value: float) -> Project:
    """One weight ("W", l, i, j) or bias ("b", l, i), 1-based layer as in the notation."""
    net = p.network.copy()
    if ref[0] == "W":
        net.set_weight(ref[1], ref[2], ref[3], value)
    elif ref[0] == "b":
        net.set_bias(ref[1], ref[2], value)
    else:
        raise ShapeError(M("session.not_parameter", "not a parameter: {ref}", ref=repr(ref)))
    return checked(replace(p, network=net))


def set_params(p: Project, params) -> Project:
    """Every weight and bias at once (a training run, an update, a re-initialisation)."""
    net = p.network.copy()
    net.set_params(params)
    return checked(replace(p, network=net))


def _resized(v: np.ndarray, n: int) -> np.ndarray:
    out = np.zeros(n)
    out[:min(n, v.size)] = v[:n]
    return out


def derived_sample(features, x: np.ndarray) -> np.ndarray:
    """The sample with every derived feature (x₁², sin x₁, …) computed from its x₁ and x₂
    entries, so the canvas never shows x₁ = 1 beside x₁² = 0. Unchanged without features or
    when x₁ or x₂ is not itself an input."""
    if not features or len(features) != x.size or "x1" not in features or "x2" not in features:
        return x
    from .features import feature_matrix
    raw = np.array([[x[features.index("x1")], x[features.index("x2")]]])
    return feature_matrix(raw, features)[0]


def set_network(p: Project, net: Network) -> Project:
    """A new network (structure, activations, masks, parameters); the sample's x and y are
    resized to its input and output layers (kept values stay, new ones are 0)."""
    net = net.copy()
    net.validate()
    features = p.features
    if features is not None and len(features) != net.input_size:
        if p.dataset is not None:
            raise EngineError(M("session.features_inputs", "the inputs of this network are its data set's "
                                "features: switch input features on or off instead"))
        features = None
    return checked(replace(p, network=net, features=features,
                           sample_x=derived_sample(features, _resized(p.sample_x, net.input_size)),
                           sample_y=_resized(p.sample_y, net.output_size)))


def set_sample(p: Project, x, y) -> Project:
    x = np.array(x, dtype=np.float64).reshape(-1)
    y = np.array(y, dtype=np.float64).reshape(-1)
    if x.shape != (p.network.input_size,) or y.shape != (p.network.output_size,):
        raise ShapeError(M("session.sample_shape", "the sample does not fit the network"))
    return checked(replace(p, sample_x=derived_sample(p.features, x), sample_y=y))


def set_output(p: Project, activation: str, loss: str) -> Project:
    """The output activation and the loss together (one step: no state in between pairs badly)."""
    net = p.network.copy()
    net.set_activation(net.depth, activation)
    return checked(replace(p, network=net, loss=loss))


def set_activations(p: Project, layers, name: str) -> Project:
    """The activation of several weight layers at once (e.g. every hidden layer)."""
    net = p.network.copy()
    for l in layers:
        net.set_activation(l, name)
    return checked(replace(p, network=net))


# ---------------------------------------------------------------- settings, data, history
def set_settings(p: Project, **changes) -> Project:
    """Loss, optimizer, batch size, stop rules, seeds, init, title: validated as on load
    (e.g. a loss must pair with the output activation, a learning rate must be in range)."""
    unknown = sorted(set(changes) - set(SETTINGS))
    if unknown:
        raise AttributeError(unknown[0])
    return checked(replace(p, **changes))


def set_data(p: Project, spec: DatasetSpec | None, features=None, rng=None) -> Project:
    """Switch to the data set ``spec`` (and input ``features``): the input layer follows the
    features, the output layer and the loss the kind of labels; another problem starts a new
    loss history (undo brings the old one back)."""
    rng = rng if rng is not None else np.random.default_rng()
    features = tuple(features or p.features or data_fit.DEFAULT_FEATURES)
    net = data_fit.with_features(p.network, p.features, features, p.init, rng)
    loss = p.loss
    data = data_fit.full_dataset(spec)
    if data is not None:
        n_out, act, loss = data_fit.output_plan(net, loss, data.kind, data.n_classes)
        net = data_fit.with_output(net, n_out, act, p.init, rng)
    history = (p.history if data_fit.same_problem(p.dataset, spec, p.features, features)
               else History())
    return checked(replace(p, network=net, features=features, dataset=spec, loss=loss,
                           history=history,
                           sample_x=derived_sample(features, _resized(p.sample_x, net.input_size)),
                           sample_y=_resized(p.sample_y, net.output_size)))


def set_history(p: Project, history: History) -> Project:
    return checked(replace(p, history=history))


def trained(p: Project, params, history: History, init_seed: int | None = None) -> Project:
    """The state after a training run (or a reset of the weights): parameters and history."""
    net = p.network.copy()
    net.set_params(params)
    seed = p.init_seed if init_seed is None else int(init_seed)
    return checked(replace(p, network=net, history=history, init_seed=seed))


# ---------------------------------------------------------------- comparing states
def _params_equal(a: Network, b: Network) -> bool:
    return all(np.array_equal(x.weights, y.weights) and np.array_equal(x.biases, y.biases)
               for x, y in zip(a.layers, b.layers))


def _same_structure(a: Network, b: Network) -> bool:
    """Same sizes, activations, links and trainable flags (what views build items from)."""
    return (a.sizes == b.sizes and a.activations == b.activations
            and all(np.array_equal(getattr(x, k), getattr(y, k))
                    for x, y in zip(a.layers, b.layers) for k in STRUCTURE_ARRAYS if hasattr(x, k)))


def aspects(old: Project, new: Project) -> frozenset:
    """Which of ``ASPECTS`` differ between two projects."""
    out = set()
    if old.network is not new.network:
        if not _same_structure(old.network, new.network):
            out.update(("structure", "params"))
        elif not _params_equal(old.network, new.network):
            out.add("params")
        elif old.network != new.network:        # anything else a network holds (parked weights)
            out.add("structure")
    if not (np.array_equal(old.sample_x, new.sample_x) and np.array_equal(old.sample_y, new.sample_y)):
        out.add("sample")
    if any(getattr(old, k) != getattr(new, k) for k in SETTINGS):
        out.add("config")
    if old.dataset != new.dataset or old.features != new.features:
        out.add("data")
    if old.history != new.history:
        out.add("history")
    return frozenset(out)


def equal(a: Project, b: Project) -> bool:
    """Whether two projects would be written as the same document (exactly, every number)."""
    return project_to_dict(a) == project_to_dict(b)


assert set(SETTINGS) <= {f.name for f in fields(Project)}
