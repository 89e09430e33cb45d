"""Live training speed in the real main window: training steps per second and repaints per
second while the heat map, the neuron thumbnails, the canvas and the loss plot update.

Run:  python tests/benchmarks/bench_live.py [--seconds 6] [--rounds 2] [--modes process,thread]
Prints figures only (no pass/fail), side by side with the bare Trainer's rate in the same run
(the ceiling on this machine) and, by default, for both live-training workers. The set-up is the issue's: a 2-8-8-8-8-8-8-1 tanh network,
batch 10, on the 500-point circle data set (250 training points at the default 50 % split),
window 1400×900, offscreen. "Repaints" counts real paint events of each live view's viewport.
Target: ≥ 6,000 steps/s with ≥ 55 repaints/s of the output heat map.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, QTimer   # noqa: E402


def run_event_loop(seconds: float) -> None:
    """Let the window live for ``seconds`` as it does under app.exec() (idle waits, no spin:
    a busy processEvents() loop would fight the training thread for the GIL)."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


class PaintCounter(QObject):
    def __init__(self, widget):
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):          # noqa: N802 (Qt override)
        if event.type() == QEvent.Paint:
            self.count += 1
        return False


def bare_trainer_rate(project, seconds: float = 1.5) -> float:
    """The ceiling: the same training with no window at all, in this process, same run."""
    from core import Trainer
    t = Trainer(project.network, project.train_data(), project.train_config(snapshot_every=1))
    t.train_steps(200)
    start, steps = time.perf_counter(), t.step
    while time.perf_counter() - start < seconds:
        t.train_steps(200)
    return (t.step - steps) / (time.perf_counter() - start)


def measure(window, counters, seconds: float, mode: str) -> dict:
    os.environ["BACKPROP_TRAINING"] = mode
    tr = window.training
    c = tr.controller
    c.reset_weights()
    c.play()
    run_event_loop(1.0)                              # warm-up: the step-time estimate settles
    t0, steps0 = time.perf_counter(), c.history.steps
    paints0 = {k: v.count for k, v in counters.items()}
    frames0, thumbs0 = c.frames_applied, tr.thumbnails.draws
    run_event_loop(seconds)
    elapsed = time.perf_counter() - t0
    result = {"steps/s": (c.history.steps - steps0) / elapsed,
              "frames/s": (c.frames_applied - frames0) / elapsed,
              "thumbs/s": (tr.thumbnails.draws - thumbs0) / elapsed}
    for name, counter in counters.items():
        result[name] = (counter.count - paints0[name]) / elapsed
    t_pause = time.perf_counter()
    c.pause()
    result["pause ms"] = (time.perf_counter() - t_pause) * 1000
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=6.0)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--batch", type=int, default=10)
    ap.add_argument("--modes", default="process,thread",
                    help="live-training workers to compare: process (a child process, the "
                         "default) and thread (the same loop in a thread of the window)")
    args = ap.parse_args()

    from playground.app import create_application
    create_application()
    import tempfile

    from core import Network, train_process
    from playground.main_window import MainWindow
    from playground.resources import load_example

    project = load_example("circle.json")
    project.network = Network.create([2, 8, 8, 8, 8, 8, 8, 1], "tanh", seed=1)
    project.batch_size = args.batch
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "bench.ini"), QSettings.IniFormat)
    window = MainWindow(settings=settings)
    window.doc.replace_project(project, None)
    window.resize(1400, 900)
    window.show()
    run_event_loop(0.3)
    window.view.fit_to_view()
    tr = window.training
    views = {"heat map repaints/s": tr.boundary_plot.plot_widget.viewport(),
             "canvas repaints/s": window.view.viewport(),
             "loss plot repaints/s": tr.loss_plot.plot_widget.viewport()}
    counters = {name: PaintCounter(w) for name, w in views.items()}
    train_process.give_back(train_process.borrow())  # the child is started before the clock

    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    rows: dict = {m: [] for m in modes}
    bare = []
    for _ in range(args.rounds):
        bare.append(bare_trainer_rate(project))
        for mode in modes:
            rows[mode].append(measure(window, counters, args.seconds, mode))

    def span(values, fmt):
        lo, hi = min(values), max(values)
        return (fmt.format(lo) if fmt.format(lo) == fmt.format(hi)
                else f"{fmt.format(lo)}–{fmt.format(hi)}")

    print("Backprop Playground live-training benchmark (main window 1400×900, offscreen)")
    print(f"network 2-8x6-1 tanh, batch {args.batch}, circle 500 points; {args.rounds} rounds "
          f"of {args.seconds:.0f} s per worker, interleaved; ranges over rounds")
    print(f"{'reference: bare Trainer, no window':<36}{span(bare, '{:,.0f}'):>16} steps/s")
    keys = ["steps/s", "frames/s", "thumbs/s", *views, "pause ms"]
    print(f"{'':<36}" + "".join(f"{m + ' worker':>22}" for m in modes))
    fmts = {"steps/s": "{:,.0f}", "pause ms": "{:.0f}"}
    for key in keys:
        print(f"{key:<36}" + "".join(f"{span([r[key] for r in rows[m]], fmts.get(key, '{:.1f}')):>22}"
                                      for m in modes))
    print("targets: ≥ 6,000 steps/s with ≥ 55 heat-map repaints/s")
    window.doc.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main()
