"""The engine never loads Qt: importing every core module in a fresh interpreter loads no
PySide6, shiboken6 or pyqtgraph module."""
import pkgutil
import subprocess
import sys
from pathlib import Path

import core

ROOT = Path(__file__).resolve().parent.parent


def test_core_imports_no_gui_modules():
    modules = [m.name for m in pkgutil.iter_modules(core.__path__, "core.")]
    assert len(modules) > 10
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph', 'PyQt5', 'PyQt6'))\n"
        "print(','.join(bad))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""


def test_cli_commands_do_not_import_qt(tmp_path):
    example = ROOT / "resources" / "examples" / "worked_example_2_2_1_relu.json"
    code = ("import sys\nfrom playground.__main__ import main\n"
            f"rc = main(['trace', {str(example)!r}, '--json'])\n"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))]\n"
            "sys.stderr.write('QT:' + ','.join(bad))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0
    assert out.stderr.strip().endswith("QT:")
