"""Shared fixtures. Qt runs offscreen in every test."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the app's autosave never writes into the real data folder during tests (subprocesses too)
import tempfile  # noqa: E402
os.environ.setdefault("BACKPROP_PLAYGROUND_AUTOSAVE_DIR", tempfile.mkdtemp(prefix="bp-autosave-"))
# nor into the user's settings (QSettings() is ~/.config/BackpropPlayground/… on Linux): the app
# started in a subprocess (the crash tests, the CLI) reads and writes a scratch folder instead,
# and each test gets an empty one (see fresh_user_config), so no test sees what another left.
CONFIG_ROOT = tempfile.mkdtemp(prefix="bp-config-")
os.environ["XDG_CONFIG_HOME"] = CONFIG_ROOT
import atexit  # noqa: E402
import shutil  # noqa: E402
atexit.register(shutil.rmtree, CONFIG_ROOT, ignore_errors=True)
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
import playground  # noqa: E402,F401  (one BLAS thread before numpy loads, as in the app)
from playground.qt_import import skip_source_scan  # noqa: E402
skip_source_scan()   # as the app starts: PySide6 reads no source of the modules imported next

import numpy as np  # noqa: E402
import pytest  # noqa: E402

EXAMPLES = ROOT / "resources" / "examples"


@pytest.fixture(autouse=True)
def fresh_user_config(monkeypatch):
    """An empty user configuration folder for each test's subprocesses: the default QSettings
    of an app started by a test (window layout, geometry, recent files, language) never comes
    from an earlier test, an earlier run or another suite running at the same time."""
    monkeypatch.setenv("XDG_CONFIG_HOME", tempfile.mkdtemp(dir=CONFIG_ROOT))


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
