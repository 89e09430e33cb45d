"""Worksheet export speed: building the table (core.worksheet) and writing the learner's sheet
and the answer key as PDFs, for a 2-8-8-2 sigmoid network (about 330 rows, near the
MAX_ROWS limit) beside the 2-2-1 worked example (32 rows) as the reference, in the same run.

Run:  QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_worksheet.py [--rounds 5]
Prints figures only (no pass/fail): timed unit tests flake on shared machines. Wall-clock
seconds, medians and ranges over rounds; the ratio is the median of per-round ratios.
Target: the largest worksheet in well under a second, so the export may run on the GUI thread.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def export_seconds(project, folder: str, language: str) -> tuple[float, int]:
    from core import worksheet
    from playground.worksheet_pdf import worksheet_html, write_pdf
    t0 = time.perf_counter()
    sheet = worksheet.build(project)
    for answers in (False, True):
        write_pdf(worksheet_html(sheet, language, answers), os.path.join(folder, f"{answers}.pdf"))
    return time.perf_counter() - t0, len(sheet.rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    from playground.app import create_application
    create_application()
    import numpy as np
    from core import Network, load_project
    from core.project import Project
    small = load_project(ROOT / "resources" / "examples" / "worked_example_2_2_1_relu.json")
    big = Project(Network.create([2, 8, 8, 2], ["sigmoid", "sigmoid", "sigmoid"], seed=3),
                  np.array([0.4, -0.7]), np.array([1.0, 0.0]), loss="half_squared_error")
    folder = tempfile.mkdtemp(prefix="bench-worksheet-")
    for language in ("en", "zh_CN"):
        refs, bigs, ratios = [], [], []
        for _ in range(args.rounds):
            r, n_small = export_seconds(small, folder, language)
            b, n_big = export_seconds(big, folder, language)
            refs.append(r)
            bigs.append(b)
            ratios.append(b / r)
        print(f"[{language}] reference 2-2-1 ({n_small} rows): median {statistics.median(refs):.3f} s "
              f"(range {min(refs):.3f}–{max(refs):.3f})")
        print(f"[{language}] 2-8-8-2 ({n_big} rows):      median {statistics.median(bigs):.3f} s "
              f"(range {min(bigs):.3f}–{max(bigs):.3f}); {statistics.median(ratios):.1f}× the reference")


if __name__ == "__main__":
    main()
