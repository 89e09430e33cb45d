"""Write the digit example documents (the source articles' two setups) as JSON.

    python tools/make_digit_examples.py                 → resources/examples/digits_*.json
    python tools/make_digit_examples.py --seed-002 F    → also seed 002's 784-500-500-10 to F

Seed 002's network has ≈ 650 000 parameters (a 7 MB document), so it is not bundled as a
file: the Digits workspace builds it from its preset, and this script writes it on request.
"""
from __future__ import annotations

import argparse
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from core import project_io  # noqa: E402
from core.digit_projects import PRESETS, preset_project  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "examples"
BUNDLED = {"digits_8x8_64_32_10": "digits_8x8_64_32_10.json",
           "seed001_mnist_784_30_10": "digits_seed001_mnist_784_30_10.json"}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed-002", metavar="FILE", help="write seed 002's 784-500-500-10 document")
    args = ap.parse_args(argv)
    for key, name in BUNDLED.items():
        project_io.save(preset_project(key), OUT / name)
        print("wrote", OUT / name)
    if args.seed_002:
        project_io.save(preset_project("seed002_mnist_784_500_500_10"), args.seed_002)
        print("wrote", args.seed_002)
    assert set(BUNDLED) < set(PRESETS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
