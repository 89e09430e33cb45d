"""Run under Xvfb with the xcb platform (tests/playground/test_x11.py starts it): real X key
events from xdotool reach the real main window. Exits non-zero with a message on a failure."""
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
stack = w.doc.undo_stack
w.doc.whole_step()
check(stack.index() == 1, "the update is on the stack")
key("ctrl+z")
check(stack.index() == 0, "Ctrl+Z undoes")
key("ctrl+shift+z")
check(stack.index() == 1, "Ctrl+Shift+Z redoes")
key("ctrl+z")
key("ctrl+y")
check(stack.index() == 1, "Ctrl+Y redoes")
before = w.view.zoom_factor()
key("ctrl+equal")
check(w.view.zoom_factor() > before * 1.1, "Ctrl+= zooms in")
before = w.view.zoom_factor()
key("ctrl+plus")
check(w.view.zoom_factor() > before * 1.1, "Ctrl++ zooms in")
extra = sys.argv[1:]
if "help" in extra:
    w.view.setFocus()
    key("shift+F1")
    from PySide6.QtWidgets import QWhatsThis
    check(QWhatsThis.inWhatsThisMode(), "Shift+F1 enters What's This mode")
    QWhatsThis.leaveWhatsThisMode()
stack.setClean()
w.close()
if failures:
    print("FAILED: " + "; ".join(failures))
    sys.exit(1)
print("ok")
