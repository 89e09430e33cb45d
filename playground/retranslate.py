"""Every piece of text the live UI shows, as (get, set) slots: widget titles, labels, buttons,
tooltips, placeholders, combo and tab items, spin-box affixes, menus, actions, graphics items and
undo commands. ``retranslate()`` maps each slot's text from the old language to the new one;
the tests walk the same slots to find English left in a Chinese window and clipped labels."""
from __future__ import annotations

import gc
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QApplication, QComboBox,
                               QGraphicsSimpleTextItem, QGraphicsTextItem, QGraphicsView,
                               QGroupBox, QLabel, QLineEdit, QMenu, QTabBar, QWidget)

from .i18n import text_map


@dataclass
class Slot:
    owner: object
    what: str
    get: Callable[[], str]
    set: Callable[[str], None] | None


def _widget_slots(w: QWidget):
    yield Slot(w, "windowTitle", w.windowTitle, w.setWindowTitle)
    yield Slot(w, "toolTip", w.toolTip, w.setToolTip)
    yield Slot(w, "statusTip", w.statusTip, w.setStatusTip)
    yield Slot(w, "whatsThis", w.whatsThis, w.setWhatsThis)
    yield Slot(w, "accessibleName", w.accessibleName, w.setAccessibleName)
    if isinstance(w, QLabel):
        yield Slot(w, "text", w.text, w.setText)
    elif isinstance(w, QAbstractButton):
        yield Slot(w, "text", w.text, w.setText)
    elif isinstance(w, QGroupBox):
        yield Slot(w, "title", w.title, w.setTitle)
    elif isinstance(w, QMenu):
        yield Slot(w, "title", w.title, w.setTitle)
    elif isinstance(w, QLineEdit):
        yield Slot(w, "placeholderText", w.placeholderText, w.setPlaceholderText)
    elif isinstance(w, QComboBox):
        for i in range(w.count()):
            yield Slot(w, f"item {i}", lambda i=i: w.itemText(i), lambda t, i=i: w.setItemText(i, t))
            yield Slot(w, f"item {i} toolTip", lambda i=i: w.itemData(i, Qt.ToolTipRole) or "",
                       lambda t, i=i: w.setItemData(i, t, Qt.ToolTipRole))
    elif isinstance(w, QTabBar):
        for i in range(w.count()):
            yield Slot(w, f"tab {i}", lambda i=i: w.tabText(i), lambda t, i=i: w.setTabText(i, t))
            yield Slot(w, f"tab {i} toolTip", lambda i=i: w.tabToolTip(i),
                       lambda t, i=i: w.setTabToolTip(i, t))
    if isinstance(w, QAbstractSpinBox):
        for name in ("prefix", "suffix", "specialValueText"):
            if hasattr(w, name):
                setter = getattr(w, "set" + name[0].upper() + name[1:])
                yield Slot(w, name, getattr(w, name), setter)


def _action_slots(a: QAction):
    # text first: an action's icon text and tooltip follow its text unless set on their own,
    # and after the text is mapped they no longer read as a string of the old language
    yield Slot(a, "text", a.text, a.setText)
    yield Slot(a, "iconText", a.iconText, a.setIconText)
    yield Slot(a, "toolTip", a.toolTip, a.setToolTip)
    yield Slot(a, "statusTip", a.statusTip, a.setStatusTip)


def _item_slots(item):
    yield Slot(item, "toolTip", item.toolTip, item.setToolTip)
    pg = sys.modules.get("pyqtgraph")                # loaded with the first plot only
    if pg is not None and isinstance(item, pg.LabelItem):   # plot legends and captions
        yield Slot(item, "label", lambda: item.text or "", item.setText)
        return
    if isinstance(item, QGraphicsSimpleTextItem):
        yield Slot(item, "text", item.text, item.setText)
    elif isinstance(item, QGraphicsTextItem):
        yield Slot(item, "text", item.toPlainText, None)       # rich text: its owner re-renders
    if hasattr(item, "labelText") and hasattr(item, "setLabel"):  # a pyqtgraph AxisItem's title
        yield Slot(item, "axis label", lambda: item.labelText or "", lambda t: item.setLabel(t))


def all_actions(widgets) -> list[QAction]:
    seen, out = set(), []
    for w in widgets:
        acts = list(w.actions())
        if isinstance(w, QMenu):
            acts.append(w.menuAction())
        for a in acts + w.findChildren(QAction):
            if id(a) not in seen:
                seen.add(id(a))
                out.append(a)
    return out


def slots(widgets=None, undo_stacks=()):
    """Every text slot of ``widgets`` (default: every widget of the application)."""
    widgets = list(QApplication.allWidgets() if widgets is None else widgets)
    for w in widgets:
        yield from _widget_slots(w)
    for a in all_actions(widgets):
        yield from _action_slots(a)
    scenes = {id(v.scene()): v.scene() for v in widgets
              if isinstance(v, QGraphicsView) and v.scene() is not None}
    for scene in scenes.values():
        for item in scene.items():
            yield from _item_slots(item)
    for stack in undo_stacks:
        for i in range(stack.count()):
            cmd = stack.command(i)
            yield Slot(cmd, "undo text", cmd.text, cmd.setText)


def retranslate(old: str, new: str, widgets=None, undo_stacks=()) -> int:
    """Re-label every slot whose text is a catalogue string of ``old``; returns how many."""
    mapping = text_map(old, new)
    n = 0
    with _no_collection():
        for slot in list(slots(widgets, undo_stacks)):
            if slot.set is None:
                continue
            text = slot.get()
            if not isinstance(text, str):
                continue
            mapped = mapping(text)
            if mapped is not None and mapped != text:
                slot.set(mapped)
                n += 1
    return n


@contextmanager
def _no_collection():
    """The walk holds a wrapper of every widget and graphics item in the application. A
    garbage collection in its middle could delete a Python-owned window that was closed earlier
    (kept only by a reference cycle) together with children the walk still holds: collect
    first, then walk with collection paused. (A test run once crashed in this walk.)"""
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
