"""Write the digit example documents (the source articles' two setups) as JSON.

    python tools/make_digit_examples.py              → resources/examples/digits_8x8_…, …seed001…
    python tools/make_digit_examples.py --seed-002   → also seed 002's 784-500-500-10, trained

Seed 002's network has ≈ 650 000 parameters. It is bundled trained (10 epochs in float32,
seed 0, so the pad recognises digits as soon as it is opened): its weights are float32 values,
which the document stores as float32 base64 — exactly, at half the size of float64 (≈ 3.5 MB).
Training takes a minute or two; the numbers depend on the BLAS kernel in the last bits, so a
rebuild on another machine gives a document of the same accuracy, not the same bytes.
"""
from __future__ import annotations

import argparse
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from core import project_io  # noqa: E402
from core.cli import run_training  # noqa: E402
from core.digit_projects import PRESETS, preset_project  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "examples"
BUNDLED = {"digits_8x8_64_32_10": "digits_8x8_64_32_10.json",
           "seed001_mnist_784_30_10": "digits_seed001_mnist_784_30_10.json"}
SEED_002 = "seed002_mnist_784_500_500_10"
SEED_002_FILE = "digits_seed002_mnist_784_500_500_10.json"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed-002", action="store_true",
                    help="also train and write seed 002's 784-500-500-10 document")
    ap.add_argument("--epochs", type=int, default=PRESETS[SEED_002]["epochs"])
    args = ap.parse_args(argv)
    for key, name in BUNDLED.items():
        project_io.save(preset_project(key), OUT / name)
        print("wrote", OUT / name)
    if args.seed_002:
        p = preset_project(SEED_002)
        p, metrics = run_training(p, args.epochs)
        project_io.save(p, OUT / SEED_002_FILE)
        print("wrote", OUT / SEED_002_FILE, f"({(OUT / SEED_002_FILE).stat().st_size:,} bytes;",
              f"test accuracy {metrics['per_epoch'][-1]['test_accuracy']:.4f})")
    assert set(BUNDLED) < set(PRESETS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
