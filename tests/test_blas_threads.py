"""numpy's BLAS runs on one thread in every entry point, whatever was imported first.

Each case runs in a fresh interpreter with ``OPENBLAS_NUM_THREADS=2`` in its environment
(what a machine without the variable gives on two cores, and what the window used to keep
when numpy came first) and asks OpenBLAS itself, through threadpoolctl, how many threads it
now runs.
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent

ENTRY_POINTS = {
    "numpy, then core": "import numpy\nimport core",
    "core alone": "import core",
    "numpy, then the CLI": ("import numpy\nfrom playground.__main__ import main\n"
                            "main(['trace', 'resources/examples/worked_example_2_2_1_relu.json'])"),
    "numpy, then the window's modules": "import numpy\nimport playground.main_window",
    "the window's modules alone": "import playground.main_window",
    "numpy, then a benchmark's imports": ("import numpy\nfrom core.training import Trainer"),
}


@pytest.mark.parametrize("code", ENTRY_POINTS.values(), ids=ENTRY_POINTS.keys())
def test_one_blas_thread_whatever_the_import_order(code):
    env = dict(os.environ, OPENBLAS_NUM_THREADS="2", OMP_NUM_THREADS="2",
               QT_QPA_PLATFORM="offscreen")
    probe = code + ("\nfrom threadpoolctl import threadpool_info\n"
                    "import sys\n"
                    "sys.stderr.write('THREADS:' + ','.join(str(i['num_threads']) "
                    "for i in threadpool_info() if i['user_api'] == 'blas'))\n")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT.parent, env=env,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    threads = out.stderr.rsplit("THREADS:", 1)[1].strip()
    assert threads and set(threads.split(",")) == {"1"}


def test_the_probe_can_see_two_threads():
    """Without the engine, the same environment really gives OpenBLAS two threads, so the
    test above would notice a missing limit."""
    env = dict(os.environ, OPENBLAS_NUM_THREADS="2")
    code = ("import numpy\nfrom threadpoolctl import threadpool_info\n"
            "print([i['num_threads'] for i in threadpool_info() if i['user_api'] == 'blas'])")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=60, check=True)
    assert out.stdout.strip() == "[2]"
