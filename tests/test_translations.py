"""The Chinese translation is current with the code, complete, and compiled (CI checks this)."""
import importlib.util
import xml.etree.ElementTree as ET

from .conftest import ROOT

SCRIPT = ROOT / "packaging" / "translations.py"


def _script():
    spec = importlib.util.spec_from_file_location("translations_script", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_ts_is_current_complete_and_compiled():
    found = _script().problems()
    assert not found, ("\n".join(found) + "\n\nRun `python packaging/translations.py`, translate "
                       "what `python packaging/translations.py pending` lists into Simplified "
                       "Chinese (glossary: resources/translations/glossary_zh_CN.md), e.g. with "
                       "`python packaging/translations.py fill FILE.json`, and commit "
                       "resources/translations/.")


def test_the_check_notices_a_new_string_an_unfinished_entry_and_a_stale_qm(tmp_path, monkeypatch):
    mod = _script()
    ts = tmp_path / "playground_zh_CN.ts"
    tree = ET.parse(mod.APP_TS)
    first = next(tree.getroot().iter("message"))
    first.find("translation").set("type", "unfinished")         # an unfinished entry
    ctx = next(tree.getroot().iter("context"))
    ctx.remove(list(ctx.iter("message"))[1])                     # a string lupdate would add
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    (tmp_path / "playground_zh_CN.qm").write_bytes(mod.APP_TS.with_suffix(".qm").read_bytes())
    monkeypatch.setattr(mod, "APP_TS", ts)
    monkeypatch.setattr(mod, "HAND_TS", ())
    found = "\n".join(mod.problems())
    assert "new source string" in found
    assert "unfinished or empty translation" in found
    assert "does not match" in found


def test_placeholders_survive_translation():
    """Every %n and {name} of a source string is in its translation (and no other)."""
    import re
    mod = _script()
    for ts in mod.all_ts():
        for m in mod.messages(ts):
            src = re.findall(r"%\d|\{\w+\}", m["source"])
            dst = re.findall(r"%\d|\{\w+\}", m["translation"])
            assert sorted(set(src)) == sorted(set(dst)), (ts.name, m["source"], m["translation"])
