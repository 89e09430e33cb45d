"""Digits speed: seconds per training epoch beside PyTorch CPU, BLAS threads 1 vs 2, pad latency.

Run:  python tests/benchmarks/bench_digits.py [--rounds 3] [--torch-python /work/venv-torch/bin/python]

* epochs: 784-30-10 at batch 10 and 784-500-500-10 at batch 32 on the 4,000 training images
  of the MNIST subset, 64-32-10 at batch 10 on the 1,348 of the 8×8 set; sigmoid hidden
  layers, softmax + cross-entropy, plain SGD — the same training in both engines (same
  initial weights, same shuffled order), this engine in float64 (exact, the step view's
  arithmetic) and float32 (the fast path, ``TrainConfig.precision``), PyTorch in float64 and
  in its default float32; the speed-ups are per round (this engine and PyTorch measured
  back to back), printed as median and range;
* BLAS threads: this engine with OpenBLAS limited to 1 and to 2 threads (threadpoolctl);
* the pad: preprocessing one 280×280 drawing plus one forward pass of 784-500-500-10.

PyTorch is not a dependency: it runs in its own environment (default /work/venv-torch) as a
subprocess reading the same arrays from a temporary .npz; without it those columns are skipped.
Figures are CPU seconds of the process (time.process_time; with 2 BLAS threads that counts
both threads, so wall-clock seconds are printed too) and the median over interleaved rounds,
because the machine is shared: nothing here is a pass/fail test.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
CONFIGS = {"784-30-10 b10": ("mnist_5k", [784, 30, 10], 10),
           "784-500-500-10 b32": ("mnist_5k", [784, 500, 500, 10], 32),
           "64-32-10 b10": ("digits_8x8", [64, 32, 10], 10)}
LR = 0.1


# ---------------------------------------------------------------- PyTorch side (own process)
def torch_worker(npz: str, batch: int, dtype: str, threads: int) -> None:
    import torch
    torch.set_num_threads(threads)
    d = np.load(npz, allow_pickle=False)
    dt = torch.float64 if dtype == "float64" else torch.float32
    x = torch.tensor(d["x"], dtype=dt)
    y = torch.tensor(d["labels"], dtype=torch.long)
    n_layers = int(d["n_layers"])
    layers = []
    for k in range(n_layers):
        lin = torch.nn.Linear(1, 1)
        lin.weight = torch.nn.Parameter(torch.tensor(d[f"W{k}"], dtype=dt))
        lin.bias = torch.nn.Parameter(torch.tensor(d[f"b{k}"], dtype=dt))
        layers.append(lin)
        if k < n_layers - 1:
            layers.append(torch.nn.Sigmoid())
    model = torch.nn.Sequential(*layers)
    opt = torch.optim.SGD(model.parameters(), lr=LR)
    loss_fn = torch.nn.CrossEntropyLoss()
    perm = torch.tensor(d["perm"], dtype=torch.long)
    xs, ys = x[perm], y[perm]

    def epoch():
        for lo in range(0, len(xs), batch):
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xs[lo:lo + batch]), ys[lo:lo + batch])
            loss.backward()
            opt.step()
    epoch()                                   # warm-up (allocator, kernels)
    c, w = time.process_time(), time.perf_counter()
    epoch()
    print(json.dumps({"cpu": time.process_time() - c, "wall": time.perf_counter() - w}))


# ---------------------------------------------------------------- this engine
def engine_epoch(trainer) -> tuple[float, float]:
    c, w = time.process_time(), time.perf_counter()
    trainer.train_epoch()
    return time.process_time() - c, time.perf_counter() - w


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--torch-python", default="/work/venv-torch/bin/python")
    ap.add_argument("--torch-worker", nargs=4, metavar=("NPZ", "BATCH", "DTYPE", "THREADS"))
    ap.add_argument("--only", help="one configuration name")
    args = ap.parse_args()
    if args.torch_worker:
        npz, batch, dtype, threads = args.torch_worker
        torch_worker(npz, int(batch), dtype, int(threads))
        return 0

    sys.path.insert(0, str(ROOT))
    from threadpoolctl import threadpool_info, threadpool_limits
    from core.digit_preprocess import ink_from_image, preprocess
    from core.digits import DigitsSpec, load_set
    from core.digit_projects import digit_project
    from core.kernel import Kernel
    from core.optim import OptimizerConfig
    from core.training import Trainer

    blas = [(i.get("internal_api"), i.get("architecture"), i.get("num_threads"))
            for i in threadpool_info() if i.get("user_api") == "blas"]
    print(f"numpy {np.__version__}, BLAS {blas}, OPENBLAS_CORETYPE="
          f"{os.environ.get('OPENBLAS_CORETYPE')}, {os.cpu_count()} cores; machine shared with "
          "other work: CPU seconds, median of interleaved rounds")
    have_torch = Path(args.torch_python).exists() and subprocess.run(
        [args.torch_python, "-c", "import torch"], capture_output=True).returncode == 0
    if not have_torch:
        print(f"PyTorch: not importable with {args.torch_python}; its columns are skipped "
              "(python3 -m venv /work/venv-torch && /work/venv-torch/bin/pip install torch==2.13.0 numpy)")
    else:
        v = subprocess.run([args.torch_python, "-c", "import torch; print(torch.__version__)"],
                           capture_output=True, text=True).stdout.strip()
        print(f"PyTorch {v} (CPU) in {args.torch_python}")

    tmp = tempfile.mkdtemp()
    rows = []
    for name, (set_name, sizes, batch) in CONFIGS.items():
        if args.only and name != args.only:
            continue
        spec = DigitsSpec(set_name, 0.8 if set_name == "mnist_5k" else 0.75, 0)
        p = digit_project(spec, sizes[1:-1], "sigmoid", "softmax", "softmax_cross_entropy",
                          OptimizerConfig("sgd", LR), batch)
        data = p.train_data()
        cfg = p.train_config()
        perm = np.random.default_rng([cfg.seed, 0]).permutation(len(data.x_train))
        npz = os.path.join(tmp, f"{name.split()[0]}.npz")
        arrays = {"x": data.x_train, "labels": np.argmax(data.y_train, 1), "perm": perm,
                  "n_layers": np.array(p.network.depth)}
        for k, layer in enumerate(p.network.layers):
            arrays[f"W{k}"], arrays[f"b{k}"] = layer.weights, layer.biases
        np.savez(npz, **arrays)
        results: dict[str, list] = {}
        for _ in range(args.rounds):
            for precision, threads in (("float64", 1), ("float64", 2), ("float32", 1)):
                with threadpool_limits(threads, user_api="blas"):
                    trainer = Trainer(p.network, data, replace(cfg, precision=precision))
                    trainer.train_epoch()                       # warm-up: buffers, first epoch
                    results.setdefault(f"engine {precision} {threads}t", []).append(
                        engine_epoch(trainer))
            if have_torch:
                for dtype, threads in (("float64", 1), ("float32", 1), ("float32", 2)):
                    out = subprocess.run([args.torch_python, __file__, "--torch-worker", npz,
                                          str(batch), dtype, str(threads)],
                                         capture_output=True, text=True, check=True).stdout
                    r = json.loads(out)
                    results.setdefault(f"torch {dtype} {threads}t", []).append((r["cpu"], r["wall"]))
        row = [name] + [f"{k}: {np.median([c for c, _ in v]):.3f} cpu / {np.median([w for _, w in v]):.3f} wall "
                        f"(cpu {min(c for c, _ in v):.3f}–{max(c for c, _ in v):.3f})"
                        for k, v in results.items()]
        if have_torch:
            for mine in ("engine float64 1t", "engine float32 1t"):
                for ref in ("torch float64 1t", "torch float32 1t"):
                    ratios = [t[0] / e[0] for e, t in zip(results[mine], results[ref])]
                    row.append(f"speed-up {mine} vs {ref}: {np.median(ratios):.2f}× "
                               f"(rounds {min(ratios):.2f}–{max(ratios):.2f}×)")
        print("\n  ".join(row), flush=True)
        rows.append(row)

    # the pad: preprocessing + one forward pass of 784-500-500-10, one BLAS thread
    from core.network import Network
    with threadpool_limits(1, user_api="blas"):
        net = Network.create([784, 500, 500, 10], ["sigmoid", "sigmoid", "softmax"], seed=0)
        kernel = Kernel(net, "softmax_cross_entropy")
        ink = ink_from_image(load_set("mnist_5k").images[0], 28, 280)
        times = []
        for _ in range(200):
            t = time.perf_counter()
            img = preprocess(ink, 28)
            kernel.forward(img.reshape(1, -1) / 255.0)
            times.append(time.perf_counter() - t)
        print(f"pad: preprocessing + forward of 784-500-500-10: median {np.median(times) * 1e3:.2f} ms, "
              f"95th percentile {np.percentile(times, 95) * 1e3:.2f} ms (wall)")
    pad_in_the_window()
    return 0


def pad_in_the_window() -> None:
    """The pad as the window runs it after a stroke: render the ink, preprocess, forward pass
    of 784-500-500-10, bar chart update (the workspace's handler), offscreen Qt."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication
    except ImportError:
        print("pad in the window: PySide6 not importable, skipped")
        return
    from core.digit_projects import preset_project
    from playground.digits import DigitsWorkspace
    from playground.document import Document
    app = QApplication.instance() or QApplication([])
    doc = Document(preset_project("seed002_mnist_784_500_500_10"))
    ws = DigitsWorkspace(doc)
    ws.resize(1024, 700)
    ws.show()
    app.processEvents()
    pad = ws.pad_panel.pad
    r = pad._square()
    QTest.mousePress(pad, Qt.LeftButton, Qt.NoModifier, QPoint(int(r.x() + r.width() * 0.3), int(r.y() + 20)))
    for k in range(20):
        QTest.mouseMove(pad, QPoint(int(r.x() + r.width() * (0.3 + 0.02 * k)), int(r.y() + 20 + k * 10)))
    QTest.mouseRelease(pad, Qt.LeftButton, Qt.NoModifier, QPoint(int(r.x() + r.width() * 0.7), int(r.y() + 220)))
    times = []
    for _ in range(100):
        t = time.perf_counter()
        ws.update_pad()
        times.append(time.perf_counter() - t)
    print(f"pad in the window (ink render + preprocessing + 784-500-500-10 forward + bars): "
          f"median {np.median(times) * 1e3:.2f} ms, 95th percentile {np.percentile(times, 95) * 1e3:.2f} ms "
          f"(wall; one frame is 16.7 ms)")


if __name__ == "__main__":
    sys.exit(main())
