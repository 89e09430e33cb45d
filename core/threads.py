"""One BLAS thread for the engine, whichever module imported numpy first.

The engine's matrices are tiny (a few dozen neurons): OpenBLAS's worker threads only add
synchronisation, and on a two-core laptop they fight the GUI thread and the training thread
for the CPU (measured: with two BLAS threads the worker spent half its time in the 100×100
heat-map grid and live training fell from ~8,000 to 560–5,700 steps/s).

OpenBLAS reads ``OPENBLAS_NUM_THREADS`` once, when numpy loads it. So before numpy is
imported the variable is set (free); after, the running library is told through threadpoolctl
(which calls OpenBLAS's own ``openblas_set_num_threads``, ~7 ms). ``core/__init__`` calls
``one_blas_thread`` before it imports anything that imports numpy, so every entry point —
the window, the command line, the benchmarks, a script that imported numpy first — trains
with one thread.
"""
from __future__ import annotations

import os
import sys

_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_blas_thread() -> None:
    """Make numpy's BLAS run on one thread (now if numpy is loaded, else when it loads)."""
    for var in _VARIABLES:
        os.environ[var] = "1"
    if "numpy" in sys.modules:
        from threadpoolctl import threadpool_limits
        threadpool_limits(limits=1, user_api="blas")


def blas_threads() -> list[int]:
    """The thread count of every BLAS library numpy has loaded (for tests and benchmarks)."""
    from threadpoolctl import threadpool_info
    return [info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"]
