"""Shared fixtures. Qt runs offscreen in every test."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the app's autosave never writes into the real data folder during tests (subprocesses too)
import tempfile  # noqa: E402
os.environ.setdefault("BACKPROP_PLAYGROUND_AUTOSAVE_DIR", tempfile.mkdtemp(prefix="bp-autosave-"))
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
import playground  # noqa: E402,F401  (one BLAS thread before numpy loads, as in the app)

import numpy as np  # noqa: E402
import pytest  # noqa: E402

EXAMPLES = ROOT / "resources" / "examples"


@pytest.fixture
def worked_example_path() -> Path:
    return EXAMPLES / "worked_example_2_2_1_relu.json"


@pytest.fixture
def worked_net():
    """The first seed's 2-2-1 ReLU network."""
    from core import Layer, Network
    return Network(2, [Layer([[0.2, 0.3], [0.4, 0.5]], [0.1, 0.2], "relu"),
                       Layer([[0.5, 0.6]], [0.4], "linear")])


@pytest.fixture
def rng():
    return np.random.default_rng(12345)
