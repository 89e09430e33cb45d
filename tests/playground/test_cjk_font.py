"""The bundled CJK font covers every character the app shows in Chinese, stays within its budget,
ships with its licence, and is the fallback that makes Chinese render on a machine without one."""
import importlib.util

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage, QPainter, QRawFont

from playground import fonts
from playground.resources import read_resource

from ..conftest import ROOT

SCRIPT = ROOT / "packaging" / "font_subset.py"


def _script():
    spec = importlib.util.spec_from_file_location("font_subset_script", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _is_cjk(c: str) -> bool:
    o = ord(c)
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF


def _raw(qapp):
    raw = QRawFont(read_resource("fonts", fonts.FONT_FILE), 16)
    assert raw.isValid()
    return raw


def test_every_translated_character_is_in_the_bundled_font(qapp):
    raw, mod = _raw(qapp), _script()
    needed = mod.needed_characters()
    source = read_resource("fonts", "SOURCE.txt").decode("utf-8")
    absent = source.split(mod.NOT_IN_SOURCE, 1)[1].splitlines()[0]
    assert all(not _is_cjk(c) for c in absent)         # only Latin letter forms such as ₁ ŷ
    missing = sorted(c for c in needed if not raw.supportsCharacter(ord(c)) and c not in absent)
    assert not missing, (f"{len(missing)} characters missing from resources/fonts/{fonts.FONT_FILE}: "
                         f"{''.join(missing[:80])!r}. Rebuild the subset: "
                         f"python packaging/font_subset.py (it fetches fonts-noto-cjk itself)")


def test_the_common_characters_are_there_too_and_the_font_fits_its_budget(qapp):
    raw, mod = _raw(qapp), _script()
    common = mod.gb2312_level1()
    assert len(common) == 3755
    assert all(raw.supportsCharacter(ord(c)) for c in common)
    size = len(read_resource("fonts", fonts.FONT_FILE))
    assert size <= mod.BUDGET == 2 * 1024 * 1024
    licence = read_resource("fonts", "OFL.txt").decode("utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Adobe" in licence
    source = read_resource("fonts", "SOURCE.txt").decode("utf-8")
    assert mod.SOURCE["deb_sha256"] in source and mod.SOURCE["version"] in source


def _ink(text: str, font: QFont) -> np.ndarray:
    img = QImage(160, 40, QImage.Format_ARGB32)
    img.fill(Qt.white)
    p = QPainter(img)
    p.setFont(font)
    p.drawText(4, 30, text)
    p.end()
    ptr = img.constBits()
    return np.frombuffer(ptr, np.uint8).reshape(40, 160, 4)[:, :, 0].copy()


def test_chinese_renders_as_glyphs_not_boxes(qapp):
    fonts.install(qapp)
    assert fonts.bundled_family() in qapp.font().families()
    for font in (QFont(), QFont("DejaVu Sans", 14), QFont(qapp.font().family(), 12)):
        a, b = _ink("神", font), _ink("经", font)
        # a missing glyph draws the same box for every character; real glyphs differ
        assert (a < 128).sum() > 20 and not np.array_equal(a, b), font.family()
