"""Run under Xvfb with the xcb platform (tests/playground/test_x11.py starts it): real X key
events from xdotool reach the real main window. Exits non-zero with a message on a failure."""
import sys

from x11_common import check, finish, key, shown_window

w = shown_window()
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
finish(w)
