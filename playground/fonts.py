"""The bundled CJK font (a Noto Sans CJK SC subset, see packaging/font_subset.py) registered as
the fallback for Chinese, so it never renders as boxes on a machine without a CJK font; a system
CJK font, where there is one, still comes first."""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication

from .resources import read_resource

FONT_FILE = "NotoSansCJKsc-Subset.otf"

_family: str | None = None


def bundled_family() -> str | None:
    """Register the bundled font once; its family name (None if it could not be loaded)."""
    global _family
    if _family is None:
        font_id = QFontDatabase.addApplicationFontFromData(read_resource("fonts", FONT_FILE))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _family = families[0] if families else ""
    return _family or None


def system_cjk_families() -> list[str]:
    """Installed fonts for Simplified Chinese other than ours."""
    ours = bundled_family()
    return [f for f in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
            if f != ours and not QFontDatabase.isPrivateFamily(f)]


def fallback_families() -> list[str]:
    """What to try after a font's own family for a character it lacks."""
    ours = bundled_family()
    return system_cjk_families()[:1] + ([ours] if ours else [])


def with_fallback(font: QFont) -> QFont:
    """``font`` with the CJK fallbacks behind its own families."""
    # the family a generic name ("Sans Serif") resolves to comes first: listed after it, the
    # bundled font would otherwise draw the Latin text too
    own = [QFontInfo(font).family()] + [f for f in font.families() if f]
    own = list(dict.fromkeys(f for f in own if f not in fallback_families()))
    font.setFamilies(own + [f for f in fallback_families() if f not in own])
    return font


def install(app: QGuiApplication | None = None) -> None:
    """Make the fallback apply everywhere: in the application font (which every widget and
    every default-constructed QFont copies) and behind the families that code names itself."""
    app = app or QGuiApplication.instance()
    fallbacks = fallback_families()
    if not fallbacks:
        return
    app.setFont(with_fallback(app.font()))
    named = {app.font().family(), "Sans Serif", "sans-serif", "Monospace", "monospace", "Serif",
             QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family(),
             QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()}
    for family in named:
        if family and family not in fallbacks:
            QFont.insertSubstitutions(family, [f for f in fallbacks
                                               if f not in QFont.substitutes(family)])
