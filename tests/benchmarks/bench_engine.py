"""Engine speed: one training step beside the hand-written numpy floor, in the same process.

Run:  python tests/benchmarks/bench_engine.py [--rounds 15]
Prints figures only (no pass/fail): timed unit tests flake on shared machines.

The floor is the fewest numpy calls one SGD step on the same tanh network can make, written
straight for this one case (no records, no branches, every buffer and view prepared): it is
what the engine would cost with no Python of its own. Each round times the floor, the
engine's step (``Kernel.gradient_aug`` + ``Optimizer.step``) and ``Trainer.train_steps`` (its
batching too) one after the other, in CPU time (``time.process_time``, so other work on a
loaded machine counts less), and the figure is the median over rounds of the per-round
ratio engine / floor. Target: ≤ 1.3× at batch 1, 10 and 500 for 2-4-2-1 and 2-8×6-1.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import numpy as np                                            # noqa: E402

from core import Network, predict_grid                       # noqa: E402
from core.kernel import Kernel, augment                      # noqa: E402
from core.optim import Optimizer, OptimizerConfig           # noqa: E402
from core.threads import blas_threads                        # noqa: E402
from core.training import TrainConfig, TrainData, Trainer   # noqa: E402

NETS = {"2-4-2-1": [2, 4, 2, 1], "2-8x6-1": [2, 8, 8, 8, 8, 8, 8, 1]}
BATCHES = (1, 10, 500)
LR = 0.03


def floor_step_fn(sizes, x_aug, y):
    """One SGD step, half squared error, tanh hidden layers and a linear output (the engine's
    default network): the fewest numpy calls, nothing else."""
    net = Network.create(sizes, "tanh", seed=1)
    assert net.layers[-1].activation == "linear"
    n = len(x_aug)
    shapes = [(o, i + 1) for o, i in zip(sizes[1:], sizes[:-1])]
    theta = np.concatenate([np.hstack([l.weights, l.biases[:, None]]).ravel() for l in net.layers])
    grad = np.zeros_like(theta)
    Wb, dWb, pos = [], [], 0
    for o, i1 in shapes:
        Wb.append(theta[pos:pos + o * i1].reshape(o, i1))
        dWb.append(grad[pos:pos + o * i1].reshape(o, i1))
        pos += o * i1
    WbT = [w.T for w in Wb]
    W = [w[:, :-1] for w in Wb]
    a_aug = [np.ones((n, o + 1)) for o, _ in shapes[:-1]]
    a = [m[:, :-1] for m in a_aug] + [np.empty((n, shapes[-1][0]))]   # linear output: a = z
    z = [np.empty((n, o)) for o, _ in shapes]
    d = [np.empty((n, o)) for o, _ in shapes]
    t = [np.empty((n, o)) for o, _ in shapes]
    dT = [m.T for m in d]
    prev = [x_aug] + a_aug
    L = len(shapes)
    hidden = list(zip(prev[:-1], WbT[:-1], z[:-1], a[:-1]))
    # backward: (δ_k, dŴ_k, â_{k-1}, W_k, δ_{k-1}, a_{k-1}, tmp_{k-1}) from the top down
    bwd = [(dT[k], dWb[k], prev[k], d[k], W[k], d[k - 1], a[k - 1], t[k - 1])
           for k in range(L - 1, 0, -1)]
    pL, WbTL, aL, dL = prev[-1], WbT[-1], a[-1], d[-1]
    inv, one, lr = np.array(1.0 / n), np.array(1.0), np.array(LR)
    dT0, dWb0, dot, tanh, mul, sub = dT[0], dWb[0], np.dot, np.tanh, np.multiply, np.subtract

    def step():
        for p, wt, zz, aa in hidden:
            dot(p, wt, zz)
            tanh(zz, aa)
        dot(pL, WbTL, aL)
        sub(aL, y, dL)
        mul(dL, inv, dL)
        for dt, dw, p, dd, w, dp, ap, tp in bwd:
            dot(dt, p, dw)
            dot(dd, w, dp)
            mul(ap, ap, tp)
            sub(one, tp, tp)
            mul(dp, tp, dp)
        dot(dT0, x_aug, dWb0)
        mul(grad, lr, grad)
        sub(theta, grad, theta)
    return step, theta


def engine_step_fn(sizes, x_aug, y):
    net = Network.create(sizes, "tanh", seed=1)
    kernel = Kernel(net, "half_squared_error")
    opt = Optimizer(OptimizerConfig(learning_rate=LR), kernel.flat.theta.size, kernel.flat.is_weight)
    theta, grad, gradient, update = kernel.flat.theta, kernel.flat.grad, kernel.gradient_aug, opt.step

    def step():
        gradient(x_aug, y)
        update(theta, grad)
    return step, theta


def trainer_for(sizes, x_aug, y, batch):
    net = Network.create(sizes, "tanh", seed=1)
    x = x_aug[:, :-1]
    data = TrainData(x, y, y[:, 0], x[:0], y[:0], y[:0, 0], "regression")
    return Trainer(net, data, TrainConfig(batch_size=batch,
                                          optimizer=OptimizerConfig(learning_rate=LR)))


def cpu(fn, n) -> float:
    t = time.process_time()
    for _ in range(n):
        fn()
    return time.process_time() - t


def measure(sizes, batch, rounds):
    rng = np.random.default_rng(0)
    x_aug = augment(rng.uniform(-6, 6, (batch, 2)))
    y = np.sign(rng.normal(size=(batch, 1)))
    floor, theta_f = floor_step_fn(sizes, x_aug, y)
    engine, theta_e = engine_step_fn(sizes, x_aug, y)
    for _ in range(3):
        floor(); engine()
    assert np.array_equal(theta_f, theta_e), "the floor and the engine must make the same step"
    # the trainer at batch 1 and 10 batches a 5,000-point set; at 500 it is full batch
    if batch == 500:
        trainer = trainer_for(sizes, x_aug, y, 0)
    else:
        xs = augment(rng.uniform(-6, 6, (5000, 2)))
        trainer = trainer_for(sizes, xs, np.sign(rng.normal(size=(5000, 1))), batch)
    n = max(100, int(20_000 / (batch ** 0.5 * len(sizes))))
    fl, en, tr, r_en, r_tr = [], [], [], [], []
    for _ in range(rounds):
        f = cpu(floor, n)
        e = cpu(engine, n)
        t0 = time.process_time()
        trainer.train_steps(n)
        t = time.process_time() - t0
        fl.append(f); en.append(e); tr.append(t)
        if f > 0:
            r_en.append(e / f); r_tr.append(t / f)
    us = lambda v: statistics.median(v) / n * 1e6                          # noqa: E731
    return us(fl), us(en), us(tr), statistics.median(r_en), statistics.median(r_tr), \
        (min(r_en), max(r_en))


def grid_ms(sizes, rounds) -> float:
    net = Network.create(sizes, "tanh", seed=1)
    features = ("x1", "x2")
    predict_grid(net, features, 100)
    return statistics.median(cpu(lambda: predict_grid(net, features, 100), 20)
                             for _ in range(rounds)) / 20 * 1e3


def precision_ratio(sizes, batch, rounds) -> tuple[float, float, float, float]:
    """The same hand-written tanh SGD step in float64 and in float32 on a digit-sized net:
    (float64 µs, median f64/f32 ratio, min, max). Does a float32 path pay for big networks?"""
    def step_fn(dtype):
        rng = np.random.default_rng(0)
        W = [rng.normal(0, 0.1, (i + 1, o)).astype(dtype) for i, o in zip(sizes[:-1], sizes[1:])]
        x = np.ones((batch, sizes[0] + 1), dtype)
        x[:, :-1] = rng.random((batch, sizes[0]))
        y = rng.random((batch, sizes[-1])).astype(dtype)
        acts = [np.ones((batch, o + 1), dtype) for o in sizes[1:]]

        def step():
            prev, ins = x, []
            for w, a in zip(W, acts):
                ins.append(prev)
                np.tanh(np.dot(prev, w), out=a[:, :-1])
                prev = a
            d = (prev[:, :-1] - y) * (1.0 / batch)
            for k in range(len(W) - 1, -1, -1):
                g = np.dot(ins[k].T, d)
                if k:
                    a = ins[k][:, :-1]
                    d = np.dot(d, W[k][:-1].T) * (1 - a * a)
                W[k] -= 0.1 * g
        return step
    f64, f32 = step_fn(np.float64), step_fn(np.float32)
    n = max(5, int(2000 / batch))
    t64, ratios = [], []
    for _ in range(rounds):
        a, b = cpu(f64, n), cpu(f32, n)
        t64.append(a)
        if b > 0:
            ratios.append(a / b)
    return statistics.median(t64) / n * 1e6, statistics.median(ratios), min(ratios), max(ratios)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=15)
    args = ap.parse_args()
    print("Backprop Playground engine benchmark: CPU time, interleaved rounds, "
          f"medians of per-round ratios ({args.rounds} rounds)")
    print(f"numpy {np.__version__}, python {sys.version.split()[0]}, BLAS threads {blas_threads()}")
    print(f"{'network':<10}{'batch':>6}{'floor µs':>10}{'engine µs':>11}{'×floor':>8}"
          f"{'(range)':>14}{'trainer µs':>12}{'×floor':>8}  target ≤ 1.3×")
    for name, sizes in NETS.items():
        for batch in BATCHES:
            f, e, t, r, rt, (lo, hi) = measure(sizes, batch, args.rounds)
            mark = "ok" if r <= 1.3 else "MISSED"
            print(f"{name:<10}{batch:>6}{f:>10.1f}{e:>11.1f}{r:>8.2f}{f'({lo:.2f}–{hi:.2f})':>14}"
                  f"{t:>12.1f}{rt:>8.2f}  {mark}")
    for name, sizes in NETS.items():
        print(f"100×100 grid, {name}: {grid_ms(sizes, args.rounds):.2f} ms CPU (target ≤ 3 ms)")
    print("float64 vs float32, the same numpy step on digit-sized networks (does a float32 "
          "path pay?)")
    for sizes in ([784, 30, 10], [784, 128, 10]):
        for batch in (10, 100):
            us, r, lo, hi = precision_ratio(sizes, batch, max(3, args.rounds // 2))
            print(f"  {'-'.join(map(str, sizes)):<12} batch {batch:>3}: float64 {us:8.0f} µs, "
                  f"float32 {r:.2f}× faster ({lo:.2f}–{hi:.2f})")


if __name__ == "__main__":
    main()
