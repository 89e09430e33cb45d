"""Run under Xvfb with the xcb platform (tests/playground/test_x11_presentation.py starts it):
F5 toggles presentation mode, PageDown / PageUp (what presentation clickers send) step the sample
forward and back, with the focus on the canvas and on the derivation panel. Exits non-zero with a
message on a failure."""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.getcwd())
import playground  # noqa: E402,F401

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from playground.app import create_application  # noqa: E402

app = create_application()
from playground.main_window import MainWindow  # noqa: E402

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def key(name):
    subprocess.run(["xdotool", "key", "--clearmodifiers", name], check=True)
    QTest.qWait(250)


settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.IniFormat)
w = MainWindow(settings=settings)
w.resize(1024, 768)
w.show()
w.activateWindow()
QTest.qWaitForWindowExposed(w)
QTest.qWait(300)
check(app.platformName() == "xcb", f"platform is {app.platformName()}")
doc = w.doc
w.view.setFocus()
key("Next")
key("Next")
check(doc.cursor.position == 2, f"PageDown twice: position {doc.cursor.position}")
key("Prior")
check(doc.cursor.position == 1, f"PageUp: position {doc.cursor.position}")
w.derivation_panel.browser.setFocus()
key("Next")
check(doc.cursor.position == 2, f"PageDown in the derivation panel: position {doc.cursor.position}")
key("F5")
check(w.presentation.active, "F5 starts presentation mode")
key("Next")
check(doc.cursor.position == 3, f"PageDown in presentation mode: position {doc.cursor.position}")
key("F5")
check(not w.presentation.active, "F5 ends presentation mode")
doc.undo_stack.setClean()
w.close()
if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ok")
