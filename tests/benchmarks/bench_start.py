"""Start-up: the window's first paint and memory beside a bare PySide6 + pyqtgraph window.

Run:  python tests/benchmarks/bench_start.py [--rounds 9]
Prints figures only (no pass/fail): timed unit tests flake on shared machines.

Each case runs in a fresh interpreter (offscreen) and reports the CPU time of the whole
process (``time.process_time``: interpreter start, imports, building, showing) when the main
window receives its first paint event, and its resident memory then. Rounds run the three
cases one after the other; figures are medians over rounds, ratios medians of per-round
ratios (CPU time, so other work on a loaded machine counts less).

  bare       import PySide6 and pyqtgraph, a QMainWindow holding a pyqtgraph PlotWidget
  step       the app's window as ``python -m playground`` opens it (step-by-step layout)
  training   the app's window opening the circle example (training layout: plots, data)
  bare-noscan  (context, no target) the bare window with PySide6's post-import source scan
             off as the app turns it off (playground/qt_import.py): how much of the app's
             lead is that one switch
Targets: step ≤ 1.0× bare, training ≤ 1.2× bare; RSS ≤ 1.2× bare.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

COMMON = r"""
import json, os, sys, time
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QEvent, QObject, QTimer
def rss_mb():
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmRSS")) / 1024
class FirstPaint(QObject):
    # the whole application: the first paint event of any widget
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint:
            print(json.dumps({"cpu": time.process_time(), "rss": rss_mb()}), flush=True)
            os._exit(0)
        return False
"""

BARE = COMMON + r"""
if sys.argv[2:] == ["noscan"]:
    from playground.qt_import import skip_source_scan
    skip_source_scan()
from PySide6.QtWidgets import QApplication, QMainWindow
import pyqtgraph as pg
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(pg.PlotWidget())
window.resize(1280, 800)
f = FirstPaint(); app.installEventFilter(f)
QTimer.singleShot(60000, lambda: os._exit(3))
window.show()
app.exec()
"""

APP = COMMON + r"""
import tempfile
from playground.app import create_application
app = create_application()
from PySide6.QtCore import QSettings
from playground.main_window import MainWindow
settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.IniFormat)
window = MainWindow(settings=settings)
if sys.argv[2]:
    window.open_example(sys.argv[2])
window.resize(1280, 800)
f = FirstPaint(); app.installEventFilter(f)
QTimer.singleShot(60000, lambda: os._exit(3))
window.show()
app.exec()
"""


def run(code: str, *args: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code, str(ROOT), *args], capture_output=True,
                         text=True, env=env, timeout=300)
    lines = [l for l in out.stdout.splitlines() if l.startswith("{")]
    if not lines:
        raise RuntimeError(out.stderr[-3000:])
    return json.loads(lines[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=9)
    args = ap.parse_args()
    # the app's modules as bytecode, as an installed or frozen app has them (pyqtgraph's are
    # in site-packages already); PYTHONDONTWRITEBYTECODE would otherwise compile every start
    import compileall
    for pkg in ("core", "playground"):
        compileall.compile_dir(str(ROOT / pkg), quiet=1)
    cases = {"bare": (BARE,), "step": (APP, ""), "training": (APP, "circle.json"),
             "bare-noscan": (BARE, "noscan")}
    results = {name: [] for name in cases}
    for _ in range(args.rounds):
        for name, spec in cases.items():
            results[name].append(run(*spec))
    print(f"First paint, fresh interpreters, {args.rounds} interleaved rounds "
          "(process CPU time at the first paint event; RSS then)")
    print(f"  {'':<12}{'CPU ms':>8}{'RSS MB':>8}{'× bare CPU':>12}{'(range)':>14}{'× bare RSS':>12}   target")
    bare = results["bare"]
    for name, target in (("bare", ""), ("step", "≤ 1.0× (RSS ≤ 1.2×)"),
                         ("training", "≤ 1.2× (RSS ≤ 1.2×)"),
                         ("bare-noscan", "(context: the bare window, source scan off)")):
        rs = results[name]
        cpu = statistics.median(r["cpu"] for r in rs) * 1e3
        rss = statistics.median(r["rss"] for r in rs)
        ratios = [r["cpu"] / b["cpu"] for r, b in zip(rs, bare)]
        mem = statistics.median(r["rss"] / b["rss"] for r, b in zip(rs, bare))
        print(f"  {name:<12}{cpu:>8.0f}{rss:>8.0f}{statistics.median(ratios):>11.2f}×"
              f"{f'({min(ratios):.2f}–{max(ratios):.2f})':>14}{mem:>11.2f}×   {target}")


if __name__ == "__main__":
    main()
