"""core.atomic_file and the saves that use it (documents, CSV export)."""
import os
import stat
import sys

import pytest

from core import load_project, save_project
from core import atomic_file
from core.atomic_file import atomic_write, remove_stale_temps, stale_temps
from core.csvdata import save_csv
from core.datasets import generate

from ..conftest import EXAMPLES


def _temps(folder):
    return [n for n in os.listdir(folder) if n.endswith(".tmp")]


def test_replaces_the_file_and_fsyncs_before_the_rename(tmp_path, monkeypatch):
    target = tmp_path / "doc.json"
    target.write_text("old")
    calls = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append("fsync") or real_fsync(fd))
    monkeypatch.setattr(os, "replace", lambda a, b: calls.append("rename") or real_replace(a, b))
    atomic_write(target, "new text ✓")
    assert target.read_text(encoding="utf-8") == "new text ✓"
    assert calls[:2] == ["fsync", "rename"]              # the data reaches the disk first
    assert _temps(tmp_path) == []


def test_a_failed_write_keeps_the_original_and_leaves_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "doc.json"
    target.write_text("original")

    def broken(fd):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError):
        atomic_write(target, "x" * 100_000)
    assert target.read_text() == "original" and _temps(tmp_path) == []


def test_a_failed_document_save_keeps_the_original(tmp_path, monkeypatch):
    path = tmp_path / "doc.json"
    p = load_project(EXAMPLES / "circle.json")
    save_project(p, path)
    before = path.read_bytes()
    monkeypatch.setattr(os, "replace", lambda a, b: (_ for _ in ()).throw(OSError(5, "I/O error")))
    with pytest.raises(OSError):
        save_project(p, path)
    assert path.read_bytes() == before and _temps(tmp_path) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_permissions_are_kept(tmp_path):
    target = tmp_path / "private.json"
    target.write_text("x")
    os.chmod(target, 0o600)
    save_project(load_project(EXAMPLES / "circle.json"), target)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    fresh = tmp_path / "fresh.json"
    save_project(load_project(EXAMPLES / "circle.json"), fresh)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(os.stat(fresh).st_mode) == 0o666 & ~umask


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="symlinks")
def test_saving_through_a_symlink_writes_its_target(tmp_path):
    real = tmp_path / "real" / "doc.json"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    save_project(load_project(EXAMPLES / "circle.json"), link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert load_project(real).title == load_project(EXAMPLES / "circle.json").title
    assert _temps(tmp_path) == [] and _temps(real.parent) == []


def test_csv_export_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "points.csv"
    path.write_text("x1,x2,label\n1,2,1\n")
    data = generate("circle", n_points=40)
    monkeypatch.setattr(os, "replace", lambda a, b: (_ for _ in ()).throw(OSError(5, "I/O error")))
    from core.errors import DataError
    with pytest.raises(DataError):
        save_csv(data, path)
    assert path.read_text() == "x1,x2,label\n1,2,1\n" and _temps(tmp_path) == []
    monkeypatch.undo()
    save_csv(data, path)
    assert path.read_text().count("\n") == 42            # header, kind, 40 points


def test_temporaries_of_dead_writers_are_removed(tmp_path):
    target = tmp_path / "doc.json"
    target.write_text("x")
    dead_pid = 2**22 + 12345                     # beyond pid_max on Linux: never running
    left = tmp_path / f".doc.json.{dead_pid}-abcd.tmp"
    left.write_text("half")
    mine = tmp_path / f".doc.json.{os.getpid()}-efgh.tmp"
    mine.write_text("being written")
    other = tmp_path / ".other.json.1-x.tmp"
    other.write_text("not ours")
    assert stale_temps(target) == [str(left)]
    remove_stale_temps(target)
    assert sorted(_temps(tmp_path)) == sorted([mine.name, other.name])
    atomic_file.atomic_write(target, "y")        # also cleans before it writes
    assert target.read_text() == "y"


def test_save_refuses_a_project_the_loader_would_refuse(tmp_path):
    from dataclasses import replace
    from core.errors import DocumentError
    p = replace(load_project(EXAMPLES / "circle.json"), batch_size=-1)
    with pytest.raises(DocumentError):
        save_project(p, tmp_path / "bad.json")
    assert not (tmp_path / "bad.json").exists()
