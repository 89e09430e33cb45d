"""Run under Xvfb with the xcb platform (tests/playground/test_x11_classroom.py starts it): a
classroom file that locks the step actions and the File menu, in presentation mode. The locked
F6/F8 and Ctrl+O do nothing, the clicker's PageDown still steps, F5 still leaves presentation
mode, and after View ▸ Unlock F6 steps again. Exits non-zero with a message on a failure."""
import json
import os
import tempfile

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from x11_common import check, finish, key, shown_window

opened = []
QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: (opened.append(1), ("", ""))[1])

folder = tempfile.mkdtemp()
path = os.path.join(folder, "class.json")
with open(path, "w", encoding="utf-8") as fh:
    json.dump({"format": "backprop-playground-classroom", "version": 1, "presentation": True,
               "lock": ["step.forward", "step.update", "menu.file"],
               "document": "worked_example_2_2_1_relu"}, fh)
w = shown_window(folder)
check(w.classroom.open_path(path, ask=False), "the classroom file opens")
QTest.qWait(300)
check(w.presentation.active, "the classroom starts presentation mode")
doc = w.doc
w.view.setFocus()
key("F6")
key("F8")
check(doc.cursor.position == 0, f"locked F6/F8: position {doc.cursor.position}")
key("ctrl+o")
check(not opened, "Ctrl+O opened a file dialog although the File menu is locked")
key("Next")
check(doc.cursor.position == 1, f"PageDown in the classroom: position {doc.cursor.position}")
w.classroom.act_unlock.trigger()
QTest.qWait(100)
key("F6")
check(doc.cursor.position == 2, f"F6 after Unlock: position {doc.cursor.position}")
key("F5")
check(not w.presentation.active, "F5 ends presentation mode")
finish(w)
