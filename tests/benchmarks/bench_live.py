"""Live training speed in the real main window: training steps per second and repaints per
second while the heat map, the neuron thumbnails, the canvas and the loss plot update.

Run:  python tests/benchmarks/bench_live.py [--seconds 10] [--batch 10]
Prints figures only (no pass/fail). The set-up is the issue's: a 2-8-8-8-8-8-8-1 tanh network,
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--batch", type=int, default=10)
    args = ap.parse_args()

    from playground.app import create_application
    create_application()
    import tempfile

    from core import Network
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
    views = {"output heat map": tr.boundary_plot.plot_widget.viewport(),
             "network canvas": window.view.viewport(),
             "loss plot": tr.loss_plot.plot_widget.viewport()}
    counters = {name: PaintCounter(w) for name, w in views.items()}

    c = tr.controller
    c.play()
    run_event_loop(1.0)                              # warm-up: the step-time estimate settles
    t0, steps0 = time.perf_counter(), c.history.steps
    paints0 = {k: v.count for k, v in counters.items()}
    frames0, thumbs0 = c.frames_applied, tr.thumbnails.draws
    run_event_loop(args.seconds)
    elapsed = time.perf_counter() - t0
    steps = c.history.steps - steps0
    frames = c.frames_applied - frames0
    thumbs = tr.thumbnails.draws - thumbs0
    t_pause = time.perf_counter()
    worker, thread = c._worker, c._thread
    worker.request_stop()
    thread.quit()
    thread.wait()
    stop_ms = (time.perf_counter() - t_pause) * 1000
    c.pause()
    pause_ms = (time.perf_counter() - t_pause) * 1000

    print("Backprop Playground live-training benchmark (main window, offscreen)")
    print(f"network 2-8x6-1 tanh, batch {args.batch}, circle 500 points, {elapsed:.1f} s measured")
    print(f"training steps/s           {steps / elapsed:10,.0f}   (target ≥ 6,000)")
    print(f"frames applied/s           {frames / elapsed:10.1f}")
    print(f"thumbnail redraws/s        {thumbs / elapsed:10.1f}")
    for name, counter in counters.items():
        n = counter.count - paints0[name]
        print(f"{name + ' repaints/s':<27}{n / elapsed:10.1f}" +
              ("   (target ≥ 55)" if name == "output heat map" else ""))
    print(f"epochs trained             {c.history.last_epoch:10.1f}")
    print(f"Pause: training stopped in {stop_ms:10.1f} ms; run committed and every view "
          f"refreshed after {pause_ms:.1f} ms")
    window.doc.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main()
