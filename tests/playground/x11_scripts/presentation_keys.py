"""Run under Xvfb with the xcb platform (tests/playground/test_x11_presentation.py starts it):
F5 toggles presentation mode, PageDown / PageUp (what presentation clickers send) step the sample
forward and back, with the focus on the canvas and on the derivation panel. Exits non-zero with a
message on a failure."""
from x11_common import check, finish, key, shown_window

w = shown_window()
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
finish(w)
