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
                  title: str = "", description: str = "", precision: str = "float64") -> Project:
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
                   training_seed=training_seed, precision=precision, digits=spec, title=title,
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
        regularization_rate=1e-4, batch_size=10, epochs=10, precision="float32",
        title="Seed 001: MNIST 784-30-10, sigmoid, cross-entropy, L2",
        description="The first article's application: a sigmoid network (784 inputs, 30 hidden, 10 "
                    "outputs) trained by mini-batch stochastic gradient descent (batch 10) with "
                    "the cross-entropy cost −Σ[y ln a + (1 − y) ln(1 − a)] and L2 weight decay, "
                    "printing \"Epoch i: correct / total\" on the test set after every epoch. "
                    "Data: 5,000 MNIST images (500 per class), 4,000 train / 1,000 test. "
                    "Choose half squared error in step 2 for the article's quadratic cost (it "
                    "needs a larger learning rate, about 3). The article initialises the weights "
                    "with N(0, 1); this document uses Xavier's U(±√(6/(n_in+n_out))), which "
                    "keeps the sigmoids out of saturation. Fit runs in float32 (step 2: Precision), about "
                    "twice as fast as float64; the weights are kept exactly as trained and the "
                    "step-by-step view explains them in float64."),
    "seed002_mnist_784_500_500_10": dict(
        set="mnist_5k", hidden=(500, 500), hidden_activation="sigmoid",
        output_activation="softmax", loss="softmax_cross_entropy", method="sgd",
        learning_rate=0.1, regularization="none", regularization_rate=0.0, batch_size=32,
        epochs=10, precision="float32",
        title="Seed 002: Keras-style 784-500-500-10, sigmoid + softmax",
        description="The second article's three steps: (1) structure — 28×28 = 784 inputs, 500 "
                    "sigmoid, 500 sigmoid, 10 softmax; (2) compile — loss and optimizer; (3) fit. "
                    "The article compiles with mse; with softmax outputs and two saturating "
                    "sigmoid layers that barely moves in the first epochs (try it in step 2: "
                    "half squared error), so this preset uses softmax cross-entropy. It trains in float32 "
                    "(step 2: Precision), about twice as fast as float64; the weights are kept "
                    "exactly as trained and the step-by-step view explains them in float64."),
}


# The presets' titles and descriptions in Simplified Chinese (written into the documents'
# ``translations``; the window shows a document's text in the current language).
TRANSLATIONS: dict[str, dict[str, dict[str, str]]] = {
    "digits_8x8_64_32_10": {"zh_CN": {
        "title": "手写数字 8×8：64-32-10",
        "description": "快速默认示例：1,797 张 8×8 手写数字（scikit-learn 收录的 UCI 数据集，16 级灰度），64 个输入、32 个 tanh 神经元、10 个 softmax 输出，交叉熵，带 L2 权重衰减的小批量 SGD。训练 40 个周期后约 97 % 的测试图像被正确识别，只需几秒钟。"}},
    "seed001_mnist_784_30_10": {"zh_CN": {
        "title": "文章 001：MNIST 784-30-10，sigmoid，交叉熵，L2",
        "description": "第一篇文章的应用：一个 sigmoid 网络（784 个输入、30 个隐藏神经元、10 个输出），用小批量随机梯度下降（批量大小 10）训练，代价函数为交叉熵 −Σ[y ln a + (1 − y) ln(1 − a)]，带 L2 权重衰减，每个训练周期后在测试集上打印“Epoch i: correct / total”。数据：5,000 张 MNIST 图像（每类 500 张），4,000 张训练 / 1,000 张测试。若要用文章中的二次代价，请在第 2 步选择半平方误差（它需要更大的学习率，约为 3）。文章用 N(0, 1) 初始化权重；本文档使用 Xavier 的 U(±√(6/(n_in+n_out)))，使 sigmoid 不进入饱和区。训练以 float32 进行（第 2 步：精度），比 float64 快约一倍；权重按训练结果精确保存，单步视图用 float64 解释它们。"}},
    "seed002_mnist_784_500_500_10": {"zh_CN": {
        "title": "文章 002：Keras 风格的 784-500-500-10，sigmoid + softmax",
        "description": "第二篇文章的三个步骤：(1) 结构——28×28 = 784 个输入，500 个 sigmoid，500 个 sigmoid，10 个 softmax；(2) 编译——损失函数和优化器；(3) 拟合。文章用 mse 编译；对 softmax 输出和两层会饱和的 sigmoid，前几个训练周期几乎不动（可在第 2 步选择半平方误差试试），所以本预设使用 softmax 交叉熵。它以 float32 训练（第 2 步：精度），比 float64 快约一倍；权重按训练结果精确保存，单步视图用 float64 解释它们。"}},
}


def preset_project(key: str, seed: int = 0) -> Project:
    pr = PRESETS[key]
    spec = DigitsSpec(pr["set"], 0.8 if pr["set"] == "mnist_5k" else 0.75, seed)
    opt = OptimizerConfig(method=pr["method"], learning_rate=pr["learning_rate"],
                          regularization=pr["regularization"],
                          regularization_rate=pr["regularization_rate"])
    p = digit_project(spec, pr["hidden"], pr["hidden_activation"], pr["output_activation"],
                      pr["loss"], opt, pr["batch_size"], init_seed=seed, training_seed=seed,
                      title=pr["title"], description=pr["description"],
                      precision=pr.get("precision", "float64"))
    p.max_epochs = pr["epochs"]
    p.translations = {lang: dict(t) for lang, t in TRANSLATIONS.get(key, {}).items()}
    return p
