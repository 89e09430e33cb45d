"""The pieces a control name stands for (playground/controls.py): an action, a widget, a dock,
a tab, a menu, the canvas's editing — each hidden, locked or highlighted the same way, and kept
so against the window's own refreshes. ``Badge`` draws the lock cue and the highlight outline
over a widget (or a part of one: a tab, a menu title) without taking its clicks."""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QFormLayout, QMenuBar, QToolBar, QWidget

HIGHLIGHT_COLOUR = "#ff6f00"     # amber: apart from the blue/orange weights and red gradients
LOCK_COLOUR = "#37474f"


def locked_text() -> str:
    return QCoreApplication.translate("Controls", "Locked by the lesson or the teacher")


class Badge(QWidget):
    """A transparent layer over ``host``: a padlock in the corner of ``rect()`` when locked, a
    thick outline around it when highlighted. ``rect_fn`` gives the area in host coordinates
    (default: the whole host)."""

    def __init__(self, host: QWidget, rect_fn=None):
        super().__init__(host)
        self.host, self.rect_fn = host, rect_fn or host.rect
        self.locked = self.lit = False
        self.setAttribute(Qt.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WA_NoSystemBackground, True)
        self.setFocusPolicy(Qt.NoFocus)
        self._filtering = False
        self.hide()

    def set_state(self, locked: bool, lit: bool) -> None:
        self.locked, self.lit = locked, lit
        on = locked or lit
        if on != self._filtering:      # follow the host's size only while shown (cheap)
            (self.host.installEventFilter if on else self.host.removeEventFilter)(self)
            self._filtering = on
        self.setVisible(on)
        if on:
            self.setGeometry(self.host.rect())
            self.raise_()
            self.update()

    def eventFilter(self, obj, event) -> bool:       # noqa: N802
        if obj is self.host and event.type() == QEvent.Resize:
            self.setGeometry(self.host.rect())
        return False

    def area(self) -> QRect:
        return self.rect_fn()

    def outline_width(self) -> int:
        return max(4, self.fontMetrics().height() // 4)       # grows with presentation mode

    def paintEvent(self, _event) -> None:            # noqa: N802
        r = self.area()
        if r.isEmpty():
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing, True)
        if self.lit:
            w = self.outline_width()
            p.setPen(QPen(QColor(HIGHLIGHT_COLOUR), w))
            p.setBrush(Qt.NoBrush)
            p.drawRoundedRect(QRectF(r).adjusted(w / 2, w / 2, -w / 2, -w / 2), 4, 4)
        if self.locked:
            self._padlock(p, r)
        p.end()

    def _padlock(self, p: QPainter, r: QRect) -> None:
        s = max(9.0, min(self.fontMetrics().height() * 0.62, r.height() * 0.6))
        x, y = r.right() - s - 1, r.top() + 1
        p.setPen(QPen(QColor("#ffffff"), 1))
        p.setBrush(QColor(255, 255, 255, 230))
        p.drawRoundedRect(QRectF(x - 2, y - 1, s + 4, s + 3), 3, 3)
        body = QRectF(x + s * 0.12, y + s * 0.45, s * 0.76, s * 0.52)
        shackle = QPainterPath()
        shackle.moveTo(x + s * 0.28, body.top())
        shackle.arcTo(QRectF(x + s * 0.28, y + s * 0.08, s * 0.44, s * 0.6), 180, -180)
        p.setPen(QPen(QColor(LOCK_COLOUR), max(1.5, s * 0.11)))
        p.setBrush(Qt.NoBrush)
        p.drawPath(shackle)
        p.setPen(Qt.NoPen)
        p.setBrush(QColor(LOCK_COLOUR))
        p.drawRoundedRect(body, s * 0.08, s * 0.08)


class Part(QObject):
    """One object a name covers. ``set_state`` may be called by several sources (the registry,
    a menu that holds this action); the state applied is their union."""

    def __init__(self):
        super().__init__()
        self._sources: dict[object, tuple[bool, bool, bool]] = {}
        self.hidden = self.locked = self.lit = False

    def set_state(self, hidden: bool, locked: bool, lit: bool, source: object = "registry") -> None:
        self._sources[source] = (bool(hidden), bool(locked), bool(lit))
        states = self._sources.values()
        new = tuple(any(s[k] for s in states) for k in range(3))
        self.hidden, self.locked, self.lit = new
        self.apply()

    def apply(self) -> None:                      # pragma: no cover - every subclass has one
        raise NotImplementedError


class _Guarded(Part):
    """Keeps an object hidden / disabled while the window tries to show or enable it, and
    remembers what the window last wanted, to restore it when the name is released."""

    def __init__(self):
        super().__init__()
        self._busy = False
        self.wanted_visible: bool | None = None
        self.wanted_enabled: bool | None = None
        self._tips: tuple[str, str] | None = None

    def _set(self, fn, value) -> None:
        self._busy = True
        try:
            fn(value)
        finally:
            self._busy = False


class ActionPart(_Guarded):
    """An action; ``action`` may be a function returning it (Undo and Redo are made anew when
    the language changes)."""

    def __init__(self, action, window):
        super().__init__()
        self._get = action if callable(action) and not hasattr(action, "trigger") else (lambda: action)
        self.window = window
        self._bound = None
        self._badges: dict[int, Badge] = {}
        self._bind()

    @property
    def action(self):
        return self._bound

    def _bind(self) -> None:
        a = self._get()
        if a is self._bound:
            return
        self._bound = a
        self.wanted_visible = self.wanted_enabled = None
        self._tips = None
        a.enabledChanged.connect(self._on_enabled)
        a.visibleChanged.connect(self._on_visible)

    def _on_enabled(self, on: bool) -> None:
        if self._busy:
            return
        self.wanted_enabled = on
        if self.locked and on:
            self._set(self.action.setEnabled, False)

    def _on_visible(self) -> None:
        if self._busy:
            return
        self.wanted_visible = self.action.isVisible()
        if self.hidden and self.action.isVisible():
            self._set(self.action.setVisible, False)

    def apply(self) -> None:
        self._bind()
        a = self.action
        if self.wanted_visible is None:
            self.wanted_visible, self.wanted_enabled = a.isVisible(), a.isEnabled()
        self._set(a.setVisible, bool(self.wanted_visible) and not self.hidden)
        self._set(a.setEnabled, bool(self.wanted_enabled) and not self.locked)
        if self.locked and self._tips is None:
            plain = a.text().replace("&", "")
            tip = a.toolTip()
            self._tips = ("" if tip == plain else tip, a.statusTip())
            a.setToolTip(locked_text())
            a.setStatusTip(locked_text())
        elif not self.locked and self._tips is not None:
            a.setToolTip(self._tips[0])
            a.setStatusTip(self._tips[1])
            self._tips = None
        for host in self.hosts():
            badge = self._badges.get(id(host))
            if badge is None or not shiboken6.isValid(badge):     # a toolbar made anew
                badge = self._badges[id(host)] = Badge(host)
            badge.set_state(self.locked, self.lit)

    def hosts(self) -> list[QWidget]:
        """The toolbar buttons that show this action (menus get no badge: greyed + tooltip)."""
        out = []
        for tb in self.window.findChildren(QToolBar):
            w = tb.widgetForAction(self.action)
            if w is not None:
                out.append(w)
        return out


def _form_row(widget: QWidget):
    """(form layout, the widget of the row) if ``widget`` or its row container is a form field."""
    for w in (widget, widget.parentWidget()):
        parent = w.parentWidget() if w is not None else None
        if parent is None:
            continue
        for layout in parent.findChildren(QFormLayout):
            if layout.getWidgetPosition(w)[0] >= 0:
                return layout, w
    return None, None


class WidgetPart(_Guarded):
    """A widget (a button, a field, a toolbar). While hidden or locked an event filter keeps it
    so and notes what the window asks for meanwhile; otherwise it costs nothing."""

    def __init__(self, widget: QWidget):
        super().__init__()
        self.widget = widget
        self.badge = Badge(widget)
        self._filtering = False
        self._was = (False, False)            # (hidden, locked) as last applied

    def eventFilter(self, obj, event) -> bool:       # noqa: N802
        if obj is self.widget and not self._busy:
            t = event.type()
            if t == QEvent.EnabledChange and self.locked and obj.isEnabled():
                self.wanted_enabled = True
                self._set(obj.setEnabled, False)
            elif t == QEvent.Show and self.hidden:
                self.wanted_visible = True
                self._set(obj.setVisible, False)
            elif t == QEvent.Show:
                self.wanted_visible = True
            elif t == QEvent.Hide:
                self.wanted_visible = not obj.isHidden()
        return False

    def apply(self) -> None:
        w = self.widget
        was_hidden, was_locked = self._was
        if self.hidden and not was_hidden:
            self.wanted_visible = not w.isHidden()       # what to come back to
        if self.locked and not was_locked:
            self.wanted_enabled = w.isEnabled()
        constrained = self.hidden or self.locked
        if constrained != self._filtering:
            (w.installEventFilter if constrained else w.removeEventFilter)(self)
            self._filtering = constrained
        form, row = _form_row(w)
        if form is not None:
            row.row_hidden = self.hidden             # a panel's refresh keeps it so
            if self.hidden or was_hidden:
                self._set(lambda on: form.setRowVisible(row, on), not self.hidden)
        elif self.hidden or was_hidden:
            self._set(w.setVisible, bool(self.wanted_visible) and not self.hidden)
        if self.locked or was_locked:
            self._set(w.setEnabled, bool(self.wanted_enabled) and not self.locked)
        self._was = (self.hidden, self.locked)
        if self.locked and self._tips is None:
            self._tips = (w.toolTip(), "")
            w.setToolTip(locked_text())
        elif not self.locked and self._tips is not None:
            w.setToolTip(self._tips[0])
            self._tips = None
        self.badge.set_state(self.locked, self.lit)


class DockPart(WidgetPart):
    """A dock: its View-menu toggle goes (or greys) with it; locked, its contents and title
    buttons are disabled (it can neither be closed nor moved). ``wanted`` says whether the
    window's layout shows it (None: no opinion, the last show or hide counts)."""

    def __init__(self, dock, wanted=lambda: None):
        super().__init__(dock)
        self.wanted = wanted

    def apply(self) -> None:
        toggle = self.widget.toggleViewAction()
        if not self.hidden and self._was[0] and self.wanted() is not None:
            self.wanted_visible = self.wanted()       # what the layout shows now
        super().apply()
        toggle.setVisible(not self.hidden)
        toggle.setEnabled(not self.locked)


class TabPart(Part):
    def __init__(self, tabs, page: QWidget):
        super().__init__()
        self.tabs, self.page = tabs, page
        bar = tabs.tabBar()
        self.badge = Badge(bar, lambda: bar.tabRect(tabs.indexOf(page)))
        self._tip: str | None = None

    def apply(self) -> None:
        t, i = self.tabs, self.tabs.indexOf(self.page)
        t.setTabVisible(i, not self.hidden)
        t.setTabEnabled(i, not self.locked)
        if self.locked and self._tip is None:
            self._tip = t.tabToolTip(i)
            t.setTabToolTip(i, locked_text())
        elif not self.locked and self._tip is not None:
            t.setTabToolTip(i, self._tip)
            self._tip = None
        if (self.hidden or self.locked) and t.currentWidget() is self.page:
            for k in range(t.count()):
                if t.isTabVisible(k) and t.isTabEnabled(k):
                    t.setCurrentIndex(k)
                    break
        self.badge.set_state(self.locked and not self.hidden, self.lit and not self.hidden)


class MenuPart(Part):
    """A menu: its title (hidden or greyed, with a badge on the menu bar) and every action in
    it and its submenus, so their shortcuts stop too. Actions in ``window.never_locked`` (the
    classroom's Unlock) are left alone."""

    def __init__(self, menu, window, part_of):
        super().__init__()
        self.menu, self.window, self.part_of = menu, window, part_of
        self.title = ActionPart(menu.menuAction(), window)
        bar = window.menuBar()
        self.badge = Badge(bar, lambda: bar.actionGeometry(menu.menuAction())) \
            if isinstance(bar, QMenuBar) else None

    def _actions(self, menu, seen):
        for a in menu.actions():
            if a.isSeparator() or id(a) in seen:
                continue
            seen.add(id(a))
            if a.menu() is not None:
                yield from self._actions(a.menu(), seen)
            else:
                yield a

    def apply(self) -> None:
        self.title.set_state(self.hidden, self.locked, False, source=self)
        keep = {id(a) for a in getattr(self.window, "never_locked", ())}
        for a in self._actions(self.menu, set()):
            if id(a) not in keep:
                self.part_of(a).set_state(False, self.hidden or self.locked, False, source=self)
        if self.badge is not None:
            self.badge.set_state(self.locked and not self.hidden, self.lit and not self.hidden)


class CanvasEditPart(Part):
    def __init__(self, view):
        super().__init__()
        self.view = view
        self.badge = Badge(view.viewport()) if hasattr(view, "viewport") else Badge(view)

    def apply(self) -> None:
        self.view.scene().set_editing_locked(self.locked, self.hidden)
        self.badge.set_state(False, self.lit)
