"""Digit-classifier Projects: the structure of the three steps (define, compile, fit) as data.

``digit_project`` builds what the Digits workspace's steps 1 and 2 describe — a network with
the set's pixel count as inputs, the typed hidden sizes, and 10 outputs — and the example
documents of the source articles are made with it (``tools/make_digit_examples.py``).
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from .digits import N_CLASSES, DigitsSpec
from .errors import EngineError
from .messages import Message as M
from .losses import check_pairing, get_loss
from .network import MAX_LAYER_SIZE, Network
from .optim import OptimizerConfig
from .project import Project


def parse_hidden_sizes(text: str) -> tuple[int, ...]:
    """ "500, 500" → (500, 500); "" → () (no hidden layer). Raises EngineError."""
    parts = [t for t in text.replace(";", ",").replace(" ", ",").split(",") if t]
    sizes = []
    for t in parts:
        try:
            n = int(t)
        except ValueError:
            raise EngineError(M("digits.not_whole", "{text} is not a whole number of neurons", text=repr(t))) from None
        if not 1 <= n <= MAX_LAYER_SIZE:
            raise EngineError(M("digits.layer_size", "a layer has 1…{most} neurons, not {n}", most=MAX_LAYER_SIZE, n=n))
        sizes.append(n)
    if len(sizes) > 8:
        raise EngineError(M("digits.max_layers", "at most 8 hidden layers here"))
    return tuple(sizes)


def digit_project(spec: DigitsSpec, hidden: Sequence[int], hidden_activation: str = "sigmoid",
                  output_activation: str = "softmax", loss: str = "softmax_cross_entropy",
                  optimizer: OptimizerConfig | None = None, batch_size: int = 10,
                  init: str = "xavier", init_seed: int = 0, training_seed: int = 0,
                  title: str = "", description: str = "") -> Project:
    sizes = [spec.input_size, *hidden, N_CLASSES]
    acts = [hidden_activation] * len(hidden) + [output_activation]
    check_pairing(get_loss(loss), output_activation)
    net = Network.create(sizes, acts, init=init, seed=init_seed)
    data = spec.data()
    tr, _ = spec.split_indices()
    first = tr[0]
    x = data.inputs([first])[0]
    y = np.zeros(N_CLASSES)
    y[int(data.labels[first])] = 1.0
    return Project(network=net, sample_x=x, sample_y=y, loss=loss,
                   optimizer=optimizer or OptimizerConfig(method="sgd", learning_rate=0.1),
                   batch_size=batch_size, init=init, init_seed=init_seed,
                   training_seed=training_seed, digits=spec, title=title,
                   description=description)


# The presets: what the source articles build. Text is English here; the window shows its own
# translated names for them.
PRESETS: dict[str, dict] = {
    "digits_8x8_64_32_10": dict(
        set="digits_8x8", hidden=(32,), hidden_activation="tanh", output_activation="softmax",
        loss="softmax_cross_entropy", method="sgd", learning_rate=0.1, regularization="l2",
        regularization_rate=1e-3, batch_size=10, epochs=40,
        title="Digits 8×8: 64-32-10",
        description="The quick default: 1,797 8×8 handwritten digits (scikit-learn's copy of the "
                    "UCI set, 16 grey levels), 64 inputs, 32 tanh neurons, 10 softmax outputs, "
                    "cross-entropy, mini-batch SGD with L2 weight decay. About 97 % of the test "
                    "images are recognised after 40 epochs, in a few seconds."),
    "seed001_mnist_784_30_10": dict(
        set="mnist_5k", hidden=(30,), hidden_activation="sigmoid", output_activation="sigmoid",
        loss="binary_cross_entropy", method="sgd", learning_rate=0.5, regularization="l2",
        regularization_rate=1e-4, batch_size=10, epochs=10,
        title="Seed 001: MNIST 784-30-10, sigmoid, cross-entropy, L2",
        description="The first article's application: a sigmoid network (784 inputs, 30 hidden, 10 "
                    "outputs) trained by mini-batch stochastic gradient descent (batch 10) with "
                    "the cross-entropy cost −Σ[y ln a + (1 − y) ln(1 − a)] and L2 weight decay, "
                    "printing \"Epoch i: correct / total\" on the test set after every epoch. "
                    "Data: 5,000 MNIST images (500 per class), 4,000 train / 1,000 test. "
                    "Choose half squared error in step 2 for the article's quadratic cost (it "
                    "needs a larger learning rate, about 3). The article initialises the weights "
                    "with N(0, 1); this document uses Xavier's U(±√(6/(n_in+n_out))), which "
                    "keeps the sigmoids out of saturation."),
    "seed002_mnist_784_500_500_10": dict(
        set="mnist_5k", hidden=(500, 500), hidden_activation="sigmoid",
        output_activation="softmax", loss="softmax_cross_entropy", method="sgd",
        learning_rate=0.1, regularization="none", regularization_rate=0.0, batch_size=32,
        epochs=10,
        title="Seed 002: Keras-style 784-500-500-10, sigmoid + softmax",
        description="The second article's three steps: (1) structure — 28×28 = 784 inputs, 500 "
                    "sigmoid, 500 sigmoid, 10 softmax; (2) compile — loss and optimizer; (3) fit. "
                    "The article compiles with mse; with softmax outputs and two saturating "
                    "sigmoid layers that barely moves in the first epochs (try it in step 2: "
                    "half squared error), so this preset uses softmax cross-entropy."),
}


def preset_project(key: str, seed: int = 0) -> Project:
    pr = PRESETS[key]
    spec = DigitsSpec(pr["set"], 0.8 if pr["set"] == "mnist_5k" else 0.75, seed)
    opt = OptimizerConfig(method=pr["method"], learning_rate=pr["learning_rate"],
                          regularization=pr["regularization"],
                          regularization_rate=pr["regularization_rate"])
    p = digit_project(spec, pr["hidden"], pr["hidden_activation"], pr["output_activation"],
                      pr["loss"], opt, pr["batch_size"], init_seed=seed, training_seed=seed,
                      title=pr["title"], description=pr["description"])
    p.max_epochs = pr["epochs"]
    return p
