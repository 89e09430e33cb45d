"""PySide6's post-import source scan is off in the app (playground/qt_import.py): the window's
modules are not read into linecache, and PySide's own __feature__ switch still works."""
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# A fresh interpreter opens the training-layout window (as the app does, or with Qt imported
# plainly first) and reports which of the app's source files linecache holds.
PROBE = textwrap.dedent(r"""
    import json, linecache, sys
    sys.path.insert(0, sys.argv[1])
    if sys.argv[2] == "app":
        from playground.app import create_application   # what the entry point imports first
        app = create_application()
    else:
        from PySide6.QtWidgets import QApplication      # Qt first, without the app's start-up
        app = QApplication([])
    from PySide6.QtCore import QSettings
    from playground.main_window import MainWindow
    import tempfile, os
    window = MainWindow(settings=QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"),
                                           QSettings.IniFormat))
    window.open_example("circle.json")
    window.resize(1024, 700)
    window.show()
    app.processEvents()
    import os
    mine = tuple(os.path.join(sys.argv[1], p) + os.sep for p in ("core", "playground"))
    ours = [f for f in linecache.cache if f.startswith(mine)]   # (a venv may be in the checkout)
    print(json.dumps({"ours": len(ours), "pyqtgraph": "pyqtgraph" in sys.modules,
                      "all": len(linecache.cache)}))
""")


def _probe(mode: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", PROBE, str(ROOT), mode], capture_output=True,
                         text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_app_start_reads_no_source_of_its_modules():
    app = _probe("app")
    assert app["pyqtgraph"]                       # the training layout's plots were built
    assert app["ours"] == 0, app
    # the same window with Qt imported first and the scan left on reads them all: the check
    # above measures something
    plain = _probe("plain")
    assert plain["ours"] > 50, plain
    assert plain["all"] > app["all"] + 100


FEATURE_PROBE = textwrap.dedent(r"""
    import json, linecache, sys, textwrap
    sys.path.insert(0, sys.argv[1])
    sys.path.insert(0, sys.argv[2])
    from playground.qt_import import skip_source_scan
    assert skip_source_scan()
    import bp_plain_probe, bp_snake_probe
    feature = sys.modules["PySide6.support.feature"]
    print(json.dumps({
        "snake": bp_snake_probe.name(), "plain": bp_plain_probe.name(),
        "plain_id": feature.pyside_feature_dict["bp_plain_probe"],
        "snake_id": feature.pyside_feature_dict["bp_snake_probe"],
        "plain_read": any(f.endswith("bp_plain_probe.py") for f in linecache.cache)}))
""")


def test_the_feature_switch_still_works_for_a_module_that_asks(tmp_path):
    # in a fresh interpreter: a module that turns snake_case on changes PySide6's type
    # dictionaries for the rest of its process, which no other test should run under
    (tmp_path / "bp_snake_probe.py").write_text(textwrap.dedent("""
        from __feature__ import snake_case
        from PySide6.QtCore import QObject
        def name():
            o = QObject()
            o.set_object_name("snake")
            return o.object_name()
    """))
    (tmp_path / "bp_plain_probe.py").write_text(textwrap.dedent("""
        from PySide6.QtCore import QObject
        def name():
            o = QObject()
            o.setObjectName("plain")
            return o.objectName()
    """))
    out = subprocess.run([sys.executable, "-c", FEATURE_PROBE, str(ROOT), str(tmp_path)],
                         capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["snake"] == "snake" and got["plain"] == "plain"   # camelCase stays for the rest
    assert got["plain_id"] == 0 and got["snake_id"] != 0        # "no feature", read no source
    assert not got["plain_read"]
