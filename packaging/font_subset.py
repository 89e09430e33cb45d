"""Build the bundled CJK font: a subset of Noto Sans CJK SC with every character the app shows.

    python packaging/font_subset.py [FONT.ttc]

Without an argument it fetches Debian's ``fonts-noto-cjk`` package with ``apt-get download``
into a temporary folder and unpacks it with ``dpkg-deb -x`` (nothing is installed), checks the
package against the sha256 recorded below, and subsets face ``FONT_NUMBER`` (Noto Sans CJK SC) of
``NotoSansCJK-Regular.ttc`` with fonttools' pyftsubset. The subset holds:

- every character of the translations (resources/translations/*.ts), of the example documents,
  of the bundled lessons and of the glossary;
- the Latin, Greek and mathematical characters the window draws (∂ δ η σ Σ ² ₁ · − × ≤ …);
- the 3,755 level-1 hanzi of GB2312 (the common characters), so that a new translation rarely
  needs a rebuild.

Run it again when tests/playground/test_cjk_font.py names a missing character. The font is under
the SIL Open Font License 1.1 (resources/fonts/OFL.txt, shipped beside it).
"""
from __future__ import annotations

import glob
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "fonts" / "NotoSansCJKsc-Subset.otf"
SOURCE_NOTE = OUT.with_name("SOURCE.txt")
BUDGET = 2 * 1024 * 1024
COMMAND = "python packaging/font_subset.py"
NOT_IN_SOURCE = "used by the app but not in the source font (the system's Latin font draws them): "

SOURCE = {
    "package": "fonts-noto-cjk",
    "version": "1:20220127+repack1-1",
    "distribution": "Debian 12 (bookworm) main",
    "deb_sha256": "4a2515eb6db3978b897fef9709ed0d2b1f4c6c4df4d83d6c4ef65f71f1b1f502",
    "file": "usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "file_sha256": "b76b0433203017ca80401b2ee0dd69350349871c4b19d504c34dbdd80541690a",
    "font_number": 2,
    "face": "Noto Sans CJK SC Regular",
    "licence": "SIL Open Font License 1.1 (usr/share/doc/fonts-noto-cjk/copyright)",
}

# what the window draws besides its translations: ASCII, Latin-1, Greek, maths, arrows,
# sub/superscripts, dashes and quotes, CJK and full-width punctuation
EXTRA_RANGES = [
    (0x20, 0x7E), (0xA0, 0xFF), (0x391, 0x3A9), (0x3B1, 0x3C9), (0x2010, 0x2027),
    (0x2030, 0x205E), (0x2070, 0x209C), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2300, 0x23FF),
    (0x25A0, 0x25FF), (0x2600, 0x2609), (0x2713, 0x2718), (0x3000, 0x303F), (0xFF01, 0xFF5E),
    (0x1D00, 0x1DBF), (0x2100, 0x214F), (0x02B0, 0x02FF), (0x0300, 0x036F),
]


def gb2312_level1() -> str:
    """The 3,755 common hanzi of GB 2312 (rows 16–55)."""
    out = []
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            try:
                out.append(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return "".join(out)


def app_texts() -> str:
    """Every translation, example and lesson text and glossary line (what the font must cover)."""
    import xml.etree.ElementTree as ET
    parts = []
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        for node in ET.parse(ts).getroot().iter("translation"):
            parts.append(node.text or "")
    for folder in ("examples", "lessons"):
        for doc in sorted((ROOT / "resources" / folder).glob("*.json")):
            parts.extend(_strings(json.loads(doc.read_text(encoding="utf-8"))))
    for md in sorted((ROOT / "resources" / "translations").glob("*.md")):
        parts.append(md.read_text(encoding="utf-8"))
    return "".join(parts)


def _strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for k, x in v.items():
            yield k
            yield from _strings(x)
    elif isinstance(v, list):
        for x in v:
            yield from _strings(x)


UI_SYMBOLS = "∂δησΣ²₁·−×≤≥→←ŷ′½ᵀ…“”（）：，。ηλμ∑√±∞≈≠⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉"
"""Symbols the canvas and the derivations draw in any language."""


def needed_characters() -> set[str]:
    """What must render: the app's texts and its symbols."""
    return {c for c in set(app_texts()) | set(UI_SYMBOLS) if c.isprintable() and not c.isspace()}


def wanted_characters() -> str:
    chars = needed_characters() | set(gb2312_level1())
    for lo, hi in EXTRA_RANGES:
        chars.update(chr(c) for c in range(lo, hi + 1))
    return "".join(sorted(c for c in chars if c.isprintable() or c == " "))


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fetch(tmp: Path) -> Path:
    """Debian's package, downloaded and unpacked (not installed); the .ttc inside it."""
    subprocess.run(["apt-get", "download", f"{SOURCE['package']}={SOURCE['version']}"],
                   cwd=tmp, check=True)
    deb = Path(glob.glob(str(tmp / "*.deb"))[0])
    digest = _sha256(deb)
    if digest != SOURCE["deb_sha256"]:
        raise SystemExit(f"{deb.name}: sha256 {digest} is not the recorded {SOURCE['deb_sha256']}")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp / "x")], check=True)
    return tmp / "x" / SOURCE["file"]


def build(ttc: Path) -> None:
    from fontTools import subset
    digest = _sha256(ttc)
    if digest != SOURCE["file_sha256"]:
        print(f"warning: {ttc} is not the recorded {SOURCE['file']} (sha256 {digest}); "
              "record its package, version and sha256 in SOURCE", file=sys.stderr)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    chars = wanted_characters()
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as fh:
        fh.write(chars)
        text_file = fh.name
    subset.main([str(ttc), f"--font-number={SOURCE['font_number']}", f"--text-file={text_file}",
                 f"--output-file={OUT}", "--layout-features=*", "--no-hinting",
                 "--desubroutinize", "--name-IDs=*", "--name-languages=*", "--drop-tables+=DSIG"])
    size = OUT.stat().st_size
    from fontTools.ttLib import TTFont
    cmap = TTFont(OUT).getBestCmap()
    absent = "".join(c for c in sorted(needed_characters()) if ord(c) not in cmap)
    SOURCE_NOTE.write_text(
        "Bundled font: a subset of Noto Sans CJK SC made by packaging/font_subset.py\n"
        + "".join(f"{k}: {v}\n" for k, v in SOURCE.items())
        + f"sha256 of the file used: {digest}\n"
        + f"characters: {len(chars)}\nsubset size: {size} bytes\n"
        + f"{NOT_IN_SOURCE}{absent}\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(chars)} characters, {size / 1024:.0f} KiB")
    if size > BUDGET:
        raise SystemExit(f"the subset is {size} bytes, over the {BUDGET}-byte budget")


def main(argv) -> int:
    if argv:
        build(Path(argv[0]))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        build(fetch(Path(tmp)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
