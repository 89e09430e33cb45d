"""Engine speed: microseconds per training step and per 100×100 prediction grid.

Run:  python tests/benchmarks/bench_engine.py
Prints figures only (no pass/fail): timed unit tests flake on shared machines. Each figure is
the best of several repeats, which is the least disturbed by other work on the machine.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core import Network, predict_grid                       # noqa: E402
from core.kernel import Kernel, augment                      # noqa: E402
from core.optim import Optimizer, OptimizerConfig           # noqa: E402
from core.training import TrainConfig, TrainData, Trainer   # noqa: E402

NETS = {"2-4-2-1": [2, 4, 2, 1], "2-8-8-8-8-8-8-1": [2, 8, 8, 8, 8, 8, 8, 1]}
BATCHES = (1, 10, 500)
TARGETS = {("2-8-8-8-8-8-8-1", 10): 65.0, ("2-8-8-8-8-8-8-1", 500): 320.0}


def best_of(fn, repeats: int = 7) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def step_us(sizes, batch) -> float:
    """One mini-batch step (forward, backward, SGD update) as the trainer runs it."""
    net = Network.create(sizes, "tanh", seed=1)
    rng = np.random.default_rng(0)
    x_aug = augment(rng.uniform(-6, 6, (batch, 2)))
    y = np.sign(rng.normal(size=(batch, 1)))
    kernel = Kernel(net, "half_squared_error")
    opt = Optimizer(OptimizerConfig(learning_rate=0.03), kernel.flat.theta.size, kernel.flat.is_weight)
    n = max(200, int(40_000 / (batch ** 0.5 * len(sizes))))

    def run():
        for _ in range(n):
            kernel.gradient_aug(x_aug, y)
            opt.step(kernel.flat.theta, kernel.flat.grad)
    run()
    return best_of(run) / n * 1e6


def trainer_steps_per_second() -> float:
    """The full Trainer loop (shuffling, batching) on 250 training points at batch 10."""
    net = Network.create(NETS["2-8-8-8-8-8-8-1"], "tanh", seed=1)
    rng = np.random.default_rng(0)
    x = rng.uniform(-6, 6, (500, 2))
    labels = np.where(np.hypot(x[:, 0], x[:, 1]) < 3, 1.0, -1.0)
    data = TrainData.from_labels(x[:250], labels[:250], x[250:], labels[250:], "binary", net)
    trainer = Trainer(net, data, TrainConfig(batch_size=10))
    n = 5000
    t = best_of(lambda: trainer.train_steps(n), 3)
    return n / t


def grid_ms(sizes) -> float:
    net = Network.create(sizes, "tanh", seed=1)
    features = ("x1", "x2")
    predict_grid(net, features, 100)
    n = 50
    return best_of(lambda: [predict_grid(net, features, 100) for _ in range(n)]) / n * 1e3


def main() -> None:
    print("Backprop Playground engine benchmark (best of repeats)")
    print(f"numpy {np.__version__}, python {sys.version.split()[0]}")
    print(f"{'network':<18}{'batch':>6}{'µs/step':>10}{'target':>9}")
    for name, sizes in NETS.items():
        for batch in BATCHES:
            us = step_us(sizes, batch)
            target = TARGETS.get((name, batch))
            mark = "" if target is None else f"{target:>7.0f}  {'ok' if us <= target else 'MISSED'}"
            print(f"{name:<18}{batch:>6}{us:>10.1f}  {mark}")
    print(f"Trainer.train_steps, 2-8x6-1, batch 10: {trainer_steps_per_second():,.0f} steps/s")
    for name, sizes in NETS.items():
        ms = grid_ms(sizes)
        print(f"100×100 grid, {name}: {ms:.2f} ms (target ≤ 3 ms)")


if __name__ == "__main__":
    main()
