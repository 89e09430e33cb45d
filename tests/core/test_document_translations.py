"""Version 2 documents carry the title and description in other languages; version 1 migrates."""
import json

import pytest

from core import DocumentError, dump_project_text, load_project_text
from core.project_io import CURRENT_VERSION

from ..conftest import EXAMPLES


def _doc():
    return json.loads((EXAMPLES / "xor_2_2_1_sigmoid.json").read_text(encoding="utf-8"))


def test_a_version_1_document_migrates_without_translations():
    d = _doc()
    d["version"] = 1
    del d["translations"]
    p = load_project_text(json.dumps(d))
    assert p.translations == {}
    assert p.text("title", "zh_CN") == p.title == "XOR with a 2-2-1 sigmoid network"
    again = json.loads(dump_project_text(p))
    assert again["version"] == CURRENT_VERSION == 2 and "translations" not in again


def test_translations_round_trip_and_fall_back_to_english():
    p = load_project_text(json.dumps(_doc()))
    assert p.text("title", "zh_CN") == "用 2-2-1 sigmoid 网络学习异或"
    assert p.text("description", "zh_CN").startswith("四个异或数据点")
    assert p.text("title", "en") == p.title
    assert p.text("title", "fr") == p.title                  # no French: the English text
    q = load_project_text(dump_project_text(p))
    assert q.translations == p.translations


def test_a_translation_without_a_description_uses_the_english_one():
    d = _doc()
    d["translations"]["zh_CN"].pop("description")
    p = load_project_text(json.dumps(d))
    assert p.text("description", "zh_CN") == p.description


@pytest.mark.parametrize("edit, path, words", [
    (lambda t: t.__setitem__("zh_CN", "异或"), "translations.zh_CN", "expected an object"),
    (lambda t: t.__setitem__("Chinese!", {"title": "x"}), "translations.Chinese!", "language code"),
    (lambda t: t["zh_CN"].__setitem__("subtitle", "x"), "translations.zh_CN.subtitle", "unknown field"),
    (lambda t: t["zh_CN"].__setitem__("title", 3), "translations.zh_CN.title", "string"),
    (lambda t: t["zh_CN"].__setitem__("title", "长" * 201), "translations.zh_CN.title", "200"),
])
def test_malformed_translations_are_refused_with_their_path(edit, path, words):
    d = _doc()
    edit(d["translations"])
    with pytest.raises(DocumentError) as info:
        load_project_text(json.dumps(d, ensure_ascii=False))
    assert info.value.path == path
    assert words in info.value.reason

