"""The data sets' attribution and full licence texts ship with the app and are shown in Help."""
import pathlib
import tomllib

from PySide6.QtCore import QSettings

from playground.help import LICENCE_FILES, licences_html
from playground.main_window import MainWindow

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATASETS = ROOT / "resources" / "datasets"


def test_the_cc_by_sa_3_legal_code_is_bundled_in_full():
    text = (DATASETS / "CC-BY-SA-3.0.txt").read_text(encoding="utf-8")
    assert text.startswith("Creative Commons Legal Code")
    assert "Attribution-ShareAlike 3.0 Unported" in text
    for part in ("1. Definitions", "2. Fair Dealing Rights", "3. License Grant",
                 "4. Restrictions", "5. Representations, Warranties and Disclaimer",
                 "6. Limitation on Liability", "7. Termination", "8. Miscellaneous",
                 "Creative Commons Notice", "Creative Commons may be contacted at"):
        assert part in text, part
    # the lettered items the cross-references name exist: Section 4(c), 3(b), 1(f), 8(f)
    assert "\nc.  If You Distribute" in text and "\nf.  " in text
    assert len(text) > 18_000                   # the legal code, not a summary
    attribution = (DATASETS / "ATTRIBUTION.txt").read_text(encoding="utf-8")
    assert "CC-BY-SA-3.0.txt" in attribution and "CC BY-SA 3.0" in attribution


def test_the_licence_texts_go_into_the_wheel_and_the_frozen_app():
    import fnmatch
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"]["resources"]
    for name, _ in LICENCE_FILES:
        rel = f"datasets/{name}"
        assert any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p.split("/")[-1])
                   for p in patterns), rel
    import sys
    sys.path.insert(0, str(ROOT / "packaging"))
    import freeze_common as fc
    shipped = {pathlib.Path(src).name for src, _ in fc.resource_datas()}
    assert {name for name, _ in LICENCE_FILES} <= shipped


def test_help_shows_where_the_data_come_from_and_the_full_texts(qtbot, tmp_path):
    w = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    assert w.help.act_licences in w.help.menu.actions()
    w.help.act_licences.trigger()
    text = w.help.dialog.browser.toPlainText()
    assert "MNIST" in text and "CC BY-SA 3.0" in text and "BSD 3-Clause" in text
    assert "BY EXERCISING ANY RIGHTS TO THE WORK PROVIDED HERE" in text
    assert "Creative Commons may be contacted at" in text
    assert "scikit-learn" in text
    assert "Licences and data sources" in licences_html() or "CC BY-SA 3.0" in licences_html()
    w.help.dialog.close()
    w.doc.undo_stack.setClean()
