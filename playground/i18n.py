"""The window's language: Qt translators (ours, Qt's own ``qtbase``, pyqtgraph's menus) loaded from
bundled .qm files, the choice remembered in QSettings, and a language switch applied at once.

Choices: ``"en"``, ``"zh_CN"`` or ``"system"`` (follow the system locale; the first start does).
Switching installs the new translators, then ``retranslate()`` re-labels what was already built:
every widget, action, tab, combo item, graphics-item tooltip and undo command whose text is a
catalogue string in the old language gets that string in the new one (``%1`` templates included,
their arguments kept), and the window re-renders the texts it computes from the document itself.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .resources import read_resource

LANGUAGES = ("en", "zh_CN")
CHOICES = ("en", "zh_CN", "system")
SETTING = "language"
CATALOGUES = ("playground_zh_CN", "pyqtgraph_zh_CN")
"""Our .ts/.qm pairs in resources/translations, all in the target language zh_CN."""


def tr(text: str) -> str:
    """Translate a string of a module (not a class). lupdate files a bare ``tr("…")`` call in the
    empty context, so it is looked up there at run time too."""
    return QCoreApplication.translate("", text)


def system_language() -> str:
    """``zh_CN`` when the system locale is Chinese, else English."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def resolve(choice) -> str:
    """The language a stored choice stands for (unknown or missing values follow the system)."""
    return choice if choice in LANGUAGES else system_language()


def stored_choice(settings) -> str:
    value = settings.value(SETTING)
    return value if value in CHOICES else "system"


# ------------------------------------------------------------------ translators
class Translators:
    """The translators installed for one language; switching removes the old set first."""

    def __init__(self, app=None):
        self.app = app or QCoreApplication.instance()
        self.language = "en"
        self._installed: list[QTranslator] = []

    def apply(self, language: str) -> bool:
        """Install the translators of ``language``; True if the language changed."""
        language = language if language in LANGUAGES else "en"
        if language == self.language and (self._installed or language == "en"):
            return False
        for t in self._installed:
            self.app.removeTranslator(t)
        self._installed = []
        if language != "en":
            for name in CATALOGUES:
                t = QTranslator(self.app)
                data = read_resource("translations", name.replace("zh_CN", language) + ".qm")
                if t.load(data):
                    t._data = data              # Qt reads the bytes in place: keep them alive
                    self._install(t)
            qt = QTranslator(self.app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{language}", qt_dir):
                self._install(qt)
        self.language = language
        return True

    def _install(self, t: QTranslator) -> None:
        self.app.installTranslator(t)
        self._installed.append(t)


_translators: Translators | None = None


def translators() -> Translators:
    global _translators
    if _translators is None or _translators.app is not QCoreApplication.instance():
        _translators = Translators()
    return _translators


def current_language() -> str:
    return translators().language


def set_language(language: str) -> bool:
    """Install ``language`` (``en`` / ``zh_CN``) for the whole application. Qt then sends every
    widget a LanguageChange event; the main window answers it with ``retranslate``."""
    return translators().apply(language)


# ------------------------------------------------------------------ the catalogue, both ways
@lru_cache(maxsize=None)
def catalogue(language: str = "zh_CN") -> tuple[tuple[str, str, str], ...]:
    """(context, English source, translation) of every finished message in our .ts files."""
    out = []
    for name in CATALOGUES:
        root = ET.fromstring(read_resource("translations", name.replace("zh_CN", language) + ".ts"))
        for ctx in root.iter("context"):
            context = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                node = msg.find("translation")
                if node is None or node.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                if msg.findtext("source") and node.text:
                    out.append((context, msg.findtext("source"), node.text))
    return tuple(out)


_PLACEHOLDER = re.compile(r"%([1-9])")
_MARKUP = re.compile(r"(<[^>]*>|&nbsp;)")


class TextMap:
    """Maps a text shown in one language to the same text in the other: exact catalogue strings,
    and ``%1`` templates whose literal parts match (the arguments are carried over)."""

    def __init__(self, pairs):
        self.exact: dict[str, str] = {}
        templates = {}
        for old, new in pairs:
            if _PLACEHOLDER.search(old):
                literal = _PLACEHOLDER.sub("", old)
                if len(re.sub(r"[\W\d_]", "", literal)) >= 2:     # "%1: %2" would match anything
                    templates.setdefault(old, new)
            else:
                self.exact.setdefault(old, new)
        self.templates = []
        for old, new in sorted(templates.items(), key=lambda kv: -len(_PLACEHOLDER.sub("", kv[0]))):
            parts = _PLACEHOLDER.split(old)
            pattern = "".join(re.escape(p) if k % 2 == 0 else f"(?P<a{p}>.+?)"
                              for k, p in enumerate(parts))
            try:
                self.templates.append((re.compile(f"^{pattern}$", re.S), new))
            except re.error:            # the same %n twice in one source: exact matches only
                continue

    def __call__(self, text: str) -> str | None:
        if not text:
            return None
        if text in self.exact:
            return self.exact[text]
        for pattern, new in self.templates:
            m = pattern.match(text)
            if m:
                args = m.groupdict()
                return _PLACEHOLDER.sub(lambda a: args.get(f"a{a.group(1)}", a.group(0)), new)
        if "<" in text or "&nbsp;" in text:  # "<b>Input</b>": catalogue strings inside markup
            parts, hit = _MARKUP.split(text), False
            for k in range(0, len(parts), 2):
                core = parts[k].strip()
                mapped = self(core) if core and core != text else None
                if mapped is not None:
                    parts[k] = parts[k].replace(core, mapped, 1)
                    hit = True
            return "".join(parts) if hit else None
        return None


@lru_cache(maxsize=None)
def text_map(old: str, new: str) -> TextMap:
    if old == new:
        return TextMap(())
    if old == "en":
        return TextMap((src, dst) for _c, src, dst in catalogue(new))
    if new == "en":
        return TextMap((dst, src) for _c, src, dst in catalogue(old))
    return TextMap(())
