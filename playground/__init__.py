"""Backprop Playground's window: PySide6 + pyqtgraph views of the engine in ``core``."""
import os

# The engine's matrices are tiny (a few dozen neurons): OpenBLAS's worker threads only add
# synchronisation, and on a two-core laptop they fight the GUI thread and the training thread
# for the CPU (measured: the 100×100 heat-map grid of a 2-8×6-1 net took 25 ms instead of
# 1–4 ms under load). One BLAS thread, set before numpy is first imported.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
