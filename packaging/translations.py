"""Keep the translations current: the one script for Qt Linguist files.

    python packaging/translations.py            # lupdate playground/ -> .ts, lrelease -> .qm
    python packaging/translations.py pending    # untranslated entries as JSON (to fill in)
    python packaging/translations.py fill F.json  # write translations from F.json, then update
    python packaging/translations.py check      # what CI checks; exit 1 and say what is wrong

``resources/translations/playground_zh_CN.ts`` is the reviewed source of truth (follow
``glossary_zh_CN.md`` beside it); ``pyqtgraph_zh_CN.ts`` holds pyqtgraph's context-menu strings
and is kept by hand. Both compile to ``.qm`` files that the app loads through importlib.resources.
Source locations are not stored (``-locations none``): moving code does not change the .ts.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
APP_TS = TS_DIR / "playground_zh_CN.ts"
HAND_TS = (TS_DIR / "pyqtgraph_zh_CN.ts",)
SOURCES = ("playground",)
COMMAND = "python packaging/translations.py"


def _tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease of the running interpreter's PySide6 wheel."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    if here.exists():
        return str(here)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6
    for cand in (Path(PySide6.__file__).parent / name, Path(PySide6.__file__).parent / "Qt" / "bin" / name):
        if cand.exists():
            return str(cand)
    raise SystemExit(f"pyside6-{name} not found (it ships in the PySide6 wheel)")


def _run(args) -> None:
    subprocess.run(args, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def lupdate(ts: Path) -> None:
    _run([_tool("lupdate"), "-silent", "-extensions", "py", "-locations", "none", "-no-obsolete",
          "-target-language", "zh_CN", *SOURCES, "-ts", str(ts)])


def lrelease(ts: Path, qm: Path) -> None:
    _run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)])


def all_ts() -> list[Path]:
    return [APP_TS, *HAND_TS]


def update() -> None:
    lupdate(APP_TS)
    for ts in all_ts():
        lrelease(ts, ts.with_suffix(".qm"))


# ------------------------------------------------------------------ reading a .ts
def messages(ts: Path) -> list[dict]:
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        for msg in ctx.iter("message"):
            node = msg.find("translation")
            out.append({"context": ctx.findtext("name") or "", "source": msg.findtext("source") or "",
                        "comment": msg.findtext("comment") or "",
                        "translation": (node.text or "") if node is not None else "",
                        "type": node.get("type", "") if node is not None else "missing"})
    return out


def _key(m: dict) -> tuple:
    return m["context"], m["source"], m["comment"]


def pending(ts: Path = APP_TS) -> list[dict]:
    return [m for m in messages(ts) if m["type"] or not m["translation"].strip()]


def fill(entries: list[dict], ts: Path = APP_TS) -> int:
    """Write the translations of ``entries`` ({context, source, [comment], translation})."""
    wanted = {(e["context"], e["source"], e.get("comment", "")): e["translation"] for e in entries
              if e.get("translation", "").strip()}
    tree = ET.parse(ts)
    n = 0
    for ctx in tree.getroot().iter("context"):
        for msg in ctx.iter("message"):
            key = (ctx.findtext("name") or "", msg.findtext("source") or "", msg.findtext("comment") or "")
            if key in wanted:
                node = msg.find("translation")
                node.text = wanted[key]
                node.attrib.pop("type", None)
                n += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return n


# ------------------------------------------------------------------ the check CI runs
def problems() -> list[str]:
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / APP_TS.name
        shutil.copy(APP_TS, fresh)
        lupdate(fresh)
        have = {_key(m) for m in messages(APP_TS)}
        want = {_key(m) for m in messages(fresh)}
        for ctx, src, _c in sorted(want - have):
            out.append(f"new source string not in {APP_TS.name}: [{ctx}] {src!r}")
        for ctx, src, _c in sorted(have - want):
            out.append(f"{APP_TS.name} holds a string the code no longer has: [{ctx}] {src!r}")
        for ts in all_ts():
            for m in pending(ts):
                out.append(f"unfinished or empty translation in {ts.name}: [{m['context']}] {m['source']!r}")
            qm = Path(tmp) / ts.with_suffix(".qm").name
            lrelease(ts, qm)
            committed = ts.with_suffix(".qm")
            if not committed.exists() or committed.read_bytes() != qm.read_bytes():
                out.append(f"{committed.name} does not match {ts.name} (compile it)")
    return out


def main(argv) -> int:
    cmd = argv[0] if argv else "update"
    if cmd == "update":
        update()
        left = pending()
        print(f"{APP_TS.relative_to(ROOT)}: {len(messages(APP_TS))} strings, {len(left)} to translate"
              + (f" (see `{COMMAND} pending`)" if left else ""))
        return 0
    if cmd == "pending":
        json.dump(pending(), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if cmd == "fill" and len(argv) == 2:
        n = fill(json.loads(Path(argv[1]).read_text(encoding="utf-8")))
        update()
        print(f"{n} translations written; {len(pending())} left")
        return 0
    if cmd == "check":
        found = problems()
        for p in found:
            print(p)
        if found:
            print(f"\nRun `{COMMAND}` (then translate what `{COMMAND} pending` lists, "
                  f"e.g. with `{COMMAND} fill FILE.json`), and commit resources/translations/.")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main(sys.argv[1:]))
