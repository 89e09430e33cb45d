"""The pieces of the installer recipe that can be checked without building it: the ICU data
subset (packaging/icu_subset.py) and the spec's filters (packaging/freeze_common.py)."""
import importlib.util
import os
import shutil
import subprocess
import sys

import pytest

from ..conftest import ROOT

PACKAGING = ROOT / "packaging"


def _load(name):
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


icu = _load("icu_subset")
fc = _load("freeze_common")


def _icu_library():
    from PySide6.QtCore import QLibraryInfo
    lib = os.path.join(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath))
    names = [n for n in os.listdir(lib) if n.startswith("libicudata.so")] if os.path.isdir(lib) else []
    if not names:
        pytest.skip("this PySide6 has no bundled ICU data (not a Linux wheel)")
    return os.path.join(lib, sorted(names)[-1])


@pytest.mark.parametrize("name, kept", [
    ("icudt73l/root.res", True), ("icudt73l/en.res", True), ("icudt73l/en_GB.res", True),
    ("icudt73l/zh.res", True), ("icudt73l/zh_Hans_CN.res", True), ("icudt73l/coll/zh.res", True),
    ("icudt73l/de.res", False), ("icudt73l/coll/ja.res", False), ("icudt73l/zone/fr_CA.res", False),
    ("icudt73l/supplementalData.res", True), ("icudt73l/zoneinfo64.res", True),
    ("icudt73l/plurals.res", True), ("icudt73l/pool.res", True), ("icudt73l/uprops.icu", True),
    ("icudt73l/ibm-943_P15A-2003.cnv", False), ("icudt73l/cnvalias.icu", True),
    ("icudt73l/brkitr/cjdict.dict", True), ("icudt73l/brkitr/thaidict.dict", False),
])
def test_icu_subset_keeps_english_chinese_and_every_table(name, kept):
    assert icu.keep(name) is kept


def test_icu_package_round_trip_and_library():
    blob = open(_icu_library(), "rb").read()
    symbol, offset, size = icu._elf_symbol(blob, b"icudt")
    header, items = icu.read_package(blob[offset:offset + size])
    assert len(items) > 1000
    names = [n for n, _ in items]
    assert names == sorted(names, key=lambda n: n.encode())  # ICU binary-searches the TOC
    kept = [(n, d) for n, d in items if icu.keep(n)]
    package = icu.write_package(header, kept)
    assert icu.read_package(package) == (header, kept)
    assert len(package) < size / 3
    # every item 16-aligned, as ICU requires
    toc = len(header)
    count = int.from_bytes(package[toc:toc + 4], "little")
    for i in range(count):
        data_off = int.from_bytes(package[toc + 8 + 8 * i:toc + 12 + 8 * i], "little")
        assert (toc + data_off) % 16 == 0


def test_icu_subset_library_is_loadable_ICU_data(tmp_path):
    if not (shutil.which("as") and shutil.which("ld")):
        pytest.skip("binutils (as, ld) not installed")
    src = _icu_library()
    out = tmp_path / os.path.basename(src)
    subprocess.run([sys.executable, str(PACKAGING / "icu_subset.py"), src, str(out)], check=True,
                   capture_output=True)
    blob = out.read_bytes()
    symbol, offset, size = icu._elf_symbol(blob, b"icudt")
    assert symbol == icu._elf_symbol(open(src, "rb").read(), b"icudt")[0]
    assert offset % 16 == 0
    header, items = icu.read_package(blob[offset:offset + size])
    assert any(n.endswith("/zh.res") for n, _ in items)
    assert not any(n.endswith("/de.res") for n, _ in items)
    readelf = shutil.which("readelf")
    if readelf:
        d = subprocess.run([readelf, "-d", str(out)], capture_output=True, text=True).stdout
        assert f"[{os.path.basename(src)}]" in d  # same soname


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
    ("PySide6/plugins/platforms/qdirect2d.dll", False),
    ("PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ("PySide6/Qt/lib/libQt6OpenGL.so.6", True),
    ("PySide6/Qt/lib/libQt6OpenGLWidgets.so.6", True),
    ("numpy.libs/libscipy_openblas64_-32a4b2a6.so", True),
    ("libpython3.11.so.1.0", True),
])
def test_spec_keeps_what_the_window_needs(dest, kept):
    assert fc.keep_binary((dest, "/src/" + dest, "BINARY")) is kept


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux-only filter")
@pytest.mark.parametrize("dest, kept", [
    ("libglib-2.0.so.0", False), ("libxcb-icccm.so.4", False), ("libxcb.so.1", False),
    ("libfontconfig.so.1", False), ("libstdc++.so.6", False), ("libcrypto.so.3", False),
    ("libQt6Network.so.6", False), ("libgtk-3.so.0", False), ("libxkbcommon-x11.so.0", False),
    ("libgfortran-040039e1-0352e75f.so.5.0.0", True),
])
def test_spec_leaves_the_system_libraries_to_the_deb_depends(dest, kept):
    assert fc.keep_binary((dest, "/usr/lib/" + dest, "BINARY")) is kept


def test_every_left_out_system_library_is_in_the_deb_depends():
    """What the spec drops, the .deb must bring: each dropped library's Debian package."""
    build = (PACKAGING / "build.sh").read_text()
    depends = build.split('LINUX_DEPENDS="', 1)[1].split('"', 1)[0].replace("\\\n", " ")
    depends = {d.strip().split(" ")[0] for d in depends.split(",")}
    from playground.system_libs import APT_PACKAGES
    for soname, package in APT_PACKAGES.items():
        if soname.startswith(("libwayland", "libOpenGL", "libGLX", "libGLdispatch", "libSM",
                              "libICE", "libgthread", "libgobject", "libxcb-xinput")):
            continue  # optional (Wayland, recommended) or pulled in by another dependency
        if not fc.keep_binary((soname, "/usr/lib/" + soname, "BINARY")) or soname in (
                "libGL.so.1", "libEGL.so.1"):
            assert package in depends, (soname, package)


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
    ("PySide6/Qt/translations/qt_zh_CN.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/qtbase_zh_TW.qm", False),
    ("resources/translations/playground_zh_CN.qm", True),
    ("resources/fonts/NotoSansCJKsc-Subset.otf", True),
    ("pyqtgraph/colors/maps/CET-L1.csv", True),
])
def test_spec_keeps_only_chinese_qt_translations(dest, kept):
    assert fc.keep_data((dest, "/src/" + dest, "DATA")) is kept


def test_resource_datas_cover_every_repository_resource():
    datas = fc.resource_datas()
    got = {os.path.relpath(src, ROOT) for src, _ in datas}
    for src, dest in datas:
        assert dest == os.path.dirname(os.path.relpath(src, ROOT))
    expected = {str(p.relative_to(ROOT)) for p in (ROOT / "resources").rglob("*")
                if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".py", ".pyc")}
    assert got == expected
